//! Which people, places and organisations are named together: pairs counted by the sentences
//! that name both (each sentence counts once per pair, however often it repeats a name).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::EntitySpan;
use crate::report::{EntityKey, EntityLink, EntityType};

/// The report keeps this many pairs at most.
pub const MAX_LINKS: usize = 50;
/// Distinct names per sentence taken into account: a sentence that lists hundreds of names (a
/// table pasted as text) would otherwise add tens of thousands of pairs.
const MAX_NAMES_PER_SENTENCE: usize = 24;

fn is_name(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Person | EntityType::Place | EntityType::Organization
    )
}

/// Pairs of names that share sentences, most shared sentences first (then by the pair), at most
/// [`MAX_LINKS`]. `spans` are in text order; `sentences` are char ranges in text order.
pub fn link(spans: &[EntitySpan], sentences: &[Range<usize>]) -> Vec<EntityLink> {
    let mut pairs: BTreeMap<(EntityKey, EntityKey), usize> = BTreeMap::new();
    let mut names = spans.iter().filter(|s| is_name(s.kind)).peekable();
    for sentence in sentences {
        let mut here: BTreeSet<EntityKey> = BTreeSet::new();
        while let Some(span) = names.peek() {
            if span.start >= sentence.end {
                break;
            }
            if span.start >= sentence.start && here.len() < MAX_NAMES_PER_SENTENCE {
                here.insert(EntityKey {
                    text: span.text.clone(),
                    kind: span.kind,
                });
            }
            names.next();
        }
        let here: Vec<EntityKey> = here.into_iter().collect();
        for (i, a) in here.iter().enumerate() {
            for b in &here[i + 1..] {
                *pairs.entry((a.clone(), b.clone())).or_insert(0) += 1;
            }
        }
    }
    let mut links: Vec<EntityLink> = pairs
        .into_iter()
        .map(|((a, b), sentences)| EntityLink { a, b, sentences })
        .collect();
    // Stable sort: equal counts keep the pairs' own order, so the result is deterministic.
    links.sort_by_key(|l| std::cmp::Reverse(l.sentences));
    links.truncate(MAX_LINKS);
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(kind: EntityType, text: &str, start: usize) -> EntitySpan {
        EntitySpan {
            kind,
            start,
            end: start + text.chars().count(),
            text: text.into(),
        }
    }

    #[test]
    fn pairs_are_counted_once_per_sentence() {
        use EntityType::*;
        // Sentence 0..10 names 甲 twice and 乙 once; 10..20 names 甲 and 丙; 20..30 甲 and 乙.
        let spans = [
            span(Person, "甲", 0),
            span(Place, "乙", 3),
            span(Person, "甲", 6),
            span(Person, "甲", 11),
            span(Organization, "丙", 14),
            span(Time, "五月", 16),
            span(Person, "甲", 21),
            span(Place, "乙", 25),
        ];
        let links = link(&spans, &[0..10, 10..20, 20..30]);
        // Each pair as a set: which of the two is `a` is an ordering detail.
        let got: Vec<(BTreeSet<&str>, usize)> = links
            .iter()
            .map(|l| {
                (
                    BTreeSet::from([l.a.text.as_str(), l.b.text.as_str()]),
                    l.sentences,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (BTreeSet::from(["甲", "乙"]), 2),
                (BTreeSet::from(["甲", "丙"]), 1)
            ]
        );
    }

    #[test]
    fn times_and_lonely_names_make_no_pairs() {
        let spans = [
            span(EntityType::Time, "今天", 0),
            span(EntityType::Person, "甲", 3),
        ];
        let one_sentence = vec![Range { start: 0, end: 10 }];
        assert!(link(&spans, &one_sentence).is_empty());
        assert!(link(&[], &[]).is_empty());
    }

    #[test]
    fn a_sentence_full_of_names_is_bounded() {
        let names: Vec<String> = (0..500).map(|i| format!("名{i}")).collect();
        let spans: Vec<EntitySpan> = names
            .iter()
            .enumerate()
            .map(|(i, n)| span(EntityType::Person, n, i * 10))
            .collect();
        let one_sentence = vec![Range {
            start: 0,
            end: 5000,
        }];
        let links = link(&spans, &one_sentence);
        assert_eq!(links.len(), MAX_LINKS);
        assert!(links.iter().all(|l| l.sentences == 1));
    }
}
