//! Which top keywords are used together: pairs counted by the sentences that hold both (each
//! sentence counts once per pair). The entity counterpart is [`crate::entities::link`].

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::phrases::Map;

/// Two keywords used in the same sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermLink {
    pub a: String,
    pub b: String,
    /// Sentences that hold both.
    pub sentences: usize,
}

/// Keywords taken into account (the best of the TF-IDF ranking).
pub const TOP_TERMS: usize = 20;
/// Pairs kept in a report.
pub const MAX_LINKS: usize = 30;

/// Pairs of `terms` found together in `sentences` (char ranges of `chars`), most sentences
/// first, then in the order of the terms (best keyword first); pairs seen in one sentence only
/// are left out: once is chance.
pub fn link_terms(chars: &[char], sentences: &[Range<usize>], terms: &[&str]) -> Vec<TermLink> {
    let needles: Vec<Vec<char>> = terms
        .iter()
        .take(TOP_TERMS)
        .map(|t| t.chars().collect())
        .collect();
    // The needles by their first char: one pass over each sentence finds all the terms in
    // it, where a search per term read the whole text once per term.
    let mut by_first: Map<char, Vec<usize>> = Map::default();
    for (i, n) in needles.iter().enumerate() {
        if let Some(&c) = n.first() {
            by_first.entry(c).or_default().push(i);
        }
    }
    let mut found = vec![false; needles.len()];
    let mut pairs: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for range in sentences {
        let Some(sentence) = chars.get(range.clone()) else {
            continue;
        };
        found.fill(false);
        for (at, c) in sentence.iter().enumerate() {
            for &i in by_first.get(c).map_or(&[][..], Vec::as_slice) {
                found[i] = found[i] || sentence[at..].starts_with(&needles[i]);
            }
        }
        let present: Vec<usize> = (0..needles.len()).filter(|&i| found[i]).collect();
        for (k, &i) in present.iter().enumerate() {
            for &j in &present[k + 1..] {
                // A term inside the other (营商 in 营商环境) is not a pair.
                let (a, b) = (&needles[i], &needles[j]);
                let nested = |x: &[char], y: &[char]| y.windows(x.len()).any(|w| w == x);
                if nested(a, b) || nested(b, a) {
                    continue;
                }
                *pairs.entry((i, j)).or_insert(0) += 1;
            }
        }
    }
    let mut links: Vec<((usize, usize), usize)> =
        pairs.into_iter().filter(|&(_, n)| n >= 2).collect();
    links.sort_by_key(|&((i, j), n)| (std::cmp::Reverse(n), i, j));
    links
        .into_iter()
        .take(MAX_LINKS)
        .map(|((i, j), sentences)| TermLink {
            a: terms[i].to_string(),
            b: terms[j].to_string(),
            sentences,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_shared_sentences() {
        let text = "古籍修复需要耐心。古籍数字化和修复同时进行。数字化很快。古籍修复是手艺。";
        let chars: Vec<char> = text.chars().collect();
        let sentences = crate::stats::sentence_ranges(text);
        let got: Vec<(String, String, usize)> =
            link_terms(&chars, &sentences, &["古籍", "修复", "数字化"])
                .into_iter()
                .map(|l| (l.a, l.b, l.sentences))
                .collect();
        // 古籍+修复 in three sentences; 古籍+数字化 and 修复+数字化 only once: left out.
        assert_eq!(got, [("古籍".into(), "修复".into(), 3)]);
    }

    #[test]
    fn nested_terms_are_not_pairs_and_nothing_is_fine() {
        let text = "营商环境好。营商环境更好。";
        let chars: Vec<char> = text.chars().collect();
        let sentences = crate::stats::sentence_ranges(text);
        assert!(link_terms(&chars, &sentences, &["营商环境", "营商"]).is_empty());
        assert!(link_terms(&[], &[], &[]).is_empty());
        assert!(link_terms(&chars, &sentences, &[""]).is_empty());
    }
}
