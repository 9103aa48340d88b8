//! Phrases (see [`crate::phrases`]) joining a keyword ranking, each with an explanation.

use super::by_score;
#[cfg(doc)]
use crate::phrases::min_count;
use crate::phrases::{Map, Phrase, NEARLY};
use crate::report::{Keyword, KeywordWhy};

/// Neighbours listed in a phrase's explanation (TextRank).
const MAX_NEIGHBOURS: usize = 5;

/// Adds `phrases` to a ranked keyword list (TF-IDF or TextRank, scores normalised to 1.0).
///
/// Score: a keyword's score divided by its count is its weight per occurrence (its IDF, up to
/// the list's scale). A phrase is at least as specific as its most specific part, so its weight
/// per occurrence is the largest of its parts' (a part not in the list — a single char, or below
/// the cut — gets the list's median, as jieba gives unknown words the median IDF), raised by
/// `cohesion / 10` (a phrase of cohesion 5 weighs 1.5 times its best part); times its count.
/// Then all scores are divided by the best, which becomes 1.0.
///
/// Counts: a phrase's count is its occurrences (plus those where jieba kept it whole, if the
/// list already had it); parts keep their own counts. A part nearly all of whose occurrences lie
/// inside merged phrases is dropped (营商 goes when every 营商 is in 营商环境). Phrases seen
/// fewer than `min_count` times are ignored (the phrase finder's evidence asks for
/// [`min_count`]`(text chars)`; names the entity stage found need only two). The list keeps its length (a
/// phrase displaces the weakest keyword) unless it was empty, and stays sorted by
/// [`by_score`]; merged entries have `pos == "phrase"`.
///
/// Explanation (`why`) of a merged phrase, in the list's own units: `raw` is its score before
/// normalising (count × best part's raw score per occurrence × (1 + cohesion / 10)), `tf` its
/// count over the text's candidate words (its parts are counted there one by one), `idf` (for
/// a TF-IDF list) `raw / tf`: the IDF its score amounts to, its best part's raised by cohesion,
/// never jieba's table, so `idf_unknown` is false; `neighbours` (TextRank) those of its parts,
/// the parts themselves left out. The phrase's own evidence is in the report's `phrases`.
pub fn merge_into_keywords(keywords: &mut Vec<Keyword>, phrases: &[Phrase], min_count: usize) {
    let phrases: Map<&str, &Phrase> = phrases
        .iter()
        .filter(|p| p.count >= min_count && p.count > 0)
        .map(|p| (p.term.as_str(), p))
        .collect();
    if phrases.is_empty() {
        return;
    }
    let keep = if keywords.is_empty() {
        phrases.len()
    } else {
        keywords.len()
    };
    let per_use = |k: &Keyword| match k.score.is_finite() && k.count > 0 {
        true => k.score / k.count as f64,
        false => 0.0,
    };
    let mut weights: Vec<f64> = keywords.iter().map(per_use).collect();
    weights.sort_by(f64::total_cmp);
    let median = weights
        .get(weights.len() / 2)
        .copied()
        .filter(|&w| w > 0.0)
        .unwrap_or(1.0);
    let known: Map<&str, (f64, usize)> = keywords
        .iter()
        .map(|k| (k.term.as_str(), (per_use(k), k.count)))
        .collect();
    let explain = Explainer::new(keywords);

    let mut merged: Vec<Keyword> = phrases
        .values()
        .map(|p| {
            let weight = p
                .parts
                .iter()
                .map(|s| known.get(s.as_str()).map_or(median, |k| k.0));
            let weight = weight.fold(0.0, f64::max) * (1.0 + p.cohesion.max(0.0) / 10.0);
            let count = p.count + known.get(p.term.as_str()).map_or(0, |k| k.1);
            let score = count as f64 * weight;
            Keyword {
                term: p.term.clone(),
                score,
                count,
                pos: "phrase".into(),
                why: explain.phrase(p, score, count),
            }
        })
        .collect();
    keywords.retain(|k| !phrases.contains_key(k.term.as_str()));
    keywords.append(&mut merged);
    keywords.sort_by(by_score);
    // Drop parts swallowed by the phrases that make the list; that frees places, which may let
    // more phrases in, which may swallow more: repeat until nothing changes.
    loop {
        let mut inside: Map<&str, usize> = Map::default();
        for p in keywords
            .iter()
            .take(keep)
            .filter_map(|k| phrases.get(k.term.as_str()))
        {
            for part in &p.parts {
                *inside.entry(part.as_str()).or_insert(0) += p.count;
            }
        }
        let swallowed: Vec<String> = keywords
            .iter()
            .filter(|k| k.pos != "phrase")
            .filter(|k| {
                inside
                    .get(k.term.as_str())
                    .is_some_and(|&n| n as f64 >= NEARLY * k.count as f64)
            })
            .map(|k| k.term.clone())
            .collect();
        if swallowed.is_empty() {
            break;
        }
        keywords.retain(|k| !swallowed.contains(&k.term));
    }
    keywords.truncate(keep);
    let best = keywords
        .iter()
        .map(|k| k.score)
        .filter(|s| s.is_finite())
        .fold(0.0, f64::max);
    for k in keywords.iter_mut() {
        let ok = best > 0.0 && k.score.is_finite();
        k.score = if ok {
            (k.score / best).clamp(0.0, 1.0)
        } else {
            0.0
        };
    }
    keywords.sort_by(by_score);
}

/// What a ranked list says about its scale, for explaining the phrases merged into it.
struct Explainer {
    /// `raw / score` of the list's keywords (the best keyword's raw score); 1 without raws.
    scale: f64,
    /// The text's candidate words: the fewest `count / tf` (a keyword counts at least its
    /// candidate occurrences), when the list carries term frequencies.
    total: Option<f64>,
    /// The list is TF-IDF: its keywords carry IDFs.
    idf: bool,
    /// The TextRank neighbours of each listed term.
    neighbours: Map<String, Vec<String>>,
}

impl Explainer {
    fn new(keywords: &[Keyword]) -> Self {
        let scale = keywords
            .iter()
            .find(|k| k.score > 0.0 && k.why.raw > 0.0)
            .map_or(1.0, |k| k.why.raw / k.score);
        let total = keywords
            .iter()
            .filter(|k| k.why.tf > 0.0 && k.count > 0)
            .map(|k| (k.count as f64 / k.why.tf).round())
            .reduce(f64::min);
        Explainer {
            scale,
            total,
            idf: keywords.iter().any(|k| k.why.idf.is_some()),
            neighbours: keywords
                .iter()
                .filter(|k| !k.why.neighbours.is_empty())
                .map(|k| (k.term.clone(), k.why.neighbours.clone()))
                .collect(),
        }
    }

    /// The explanation of phrase `p`, scored `score` (in the list's score units) for `count`
    /// occurrences.
    fn phrase(&self, p: &Phrase, score: f64, count: usize) -> KeywordWhy {
        let raw = score * self.scale;
        let tf = self
            .total
            .map_or(0.0, |total| count as f64 / total.max(1.0));
        let mut neighbours: Vec<String> = Vec::new();
        let parts_near = p.parts.iter().filter_map(|part| self.neighbours.get(part));
        for near in parts_near.flatten() {
            if !p.parts.contains(near) && *near != p.term && !neighbours.contains(near) {
                neighbours.push(near.clone());
            }
        }
        neighbours.truncate(MAX_NEIGHBOURS);
        KeywordWhy {
            raw,
            tf,
            idf: (self.idf && tf > 0.0).then(|| raw / tf),
            idf_unknown: false,
            neighbours,
        }
    }
}
