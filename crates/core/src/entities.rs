//! Stage 5: named entities — where they are ([`find_spans`]) and how often ([`EntityTally`]).
//!
//! A first, rule-based version over jieba's part-of-speech tags plus a few patterns: names come
//! from `nr`/`ns`/`nt` tags (filtered, see [`names`]), times and quantities from runs of numerals,
//! date parts and measure words (see [`numeric`]), works from 《书名号》 (see [`works`]).
//! Candidates may overlap (a place inside a title, a company inside a longer company name); one
//! pass keeps the best non-overlapping set, so the tally and the BIO tags always agree.

mod links;
mod names;
mod numeric;
mod works;

pub use links::{link, MAX_LINKS};

use std::collections::BTreeMap;

use crate::phrases::{Map, Phrase};
use crate::report::{Entity, EntityType, QuotedTerm};
use crate::segment::{Token, TokenKind};

/// One entity occurrence: a char span `[start, end)` of the (normalised) text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySpan {
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
    /// The span's normalised text.
    pub text: String,
}

impl EntitySpan {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Builds a span from a char range of `chars`; `None` when the range is empty or out of bounds.
fn span(chars: &[char], kind: EntityType, start: usize, end: usize) -> Option<EntitySpan> {
    let text: String = chars.get(start..end)?.iter().collect();
    if text.trim().is_empty() {
        return None;
    }
    Some(EntitySpan {
        kind,
        start,
        end,
        text,
    })
}

/// All entities of a normalised text, non-overlapping, in text order.
///
/// Without the segmenter's dictionary the name rules cannot tell dictionary words from words
/// the HMM made up, and fall back to the tags alone; [`find_spans_with_dict`] is better.
pub fn find_spans(text: &str, tokens: &[Token]) -> Vec<EntitySpan> {
    find_spans_inner(text, tokens, None)
}

/// Like [`find_spans`], with `in_dict` telling whether a word is in the segmenter's dictionary
/// (`|w| jieba.has_word(w)`). jieba's dictionary tags many everyday words as names (高峰 `nr`,
/// 牡丹 `ns`), while the words its HMM makes up and tags `nr` are mostly real names: knowing
/// which is which lets the rules trust the second kind and ask the first for more evidence.
pub fn find_spans_with_dict(
    text: &str,
    tokens: &[Token],
    in_dict: &dyn Fn(&str) -> bool,
) -> Vec<EntitySpan> {
    find_spans_inner(text, tokens, Some(in_dict))
}

fn find_spans_inner(
    text: &str,
    tokens: &[Token],
    in_dict: Option<&dyn Fn(&str) -> bool>,
) -> Vec<EntitySpan> {
    let chars: Vec<char> = text.chars().collect();
    let names = names::find(&chars, tokens, in_dict);
    combine(&chars, tokens, names)
}

/// All entities of a normalised text (given as its chars), with the people, places and
/// organisations given (found by the entity model) and times, quantities and works found here.
pub fn find_spans_with_names(
    chars: &[char],
    tokens: &[Token],
    names: Vec<EntitySpan>,
) -> Vec<EntitySpan> {
    combine(chars, tokens, names)
}

fn combine(chars: &[char], tokens: &[Token], names: Vec<EntitySpan>) -> Vec<EntitySpan> {
    let mut candidates = works::find(chars);
    candidates.extend(numeric::find(chars, tokens));
    candidates.extend(names);
    resolve_overlaps(candidates, chars.len())
}

/// Keeps the best candidates that do not overlap: works first (a title is one unit whatever it
/// names), then longer spans, then earlier ones, then by type order.
fn resolve_overlaps(mut candidates: Vec<EntitySpan>, n_chars: usize) -> Vec<EntitySpan> {
    candidates.sort_by(|a, b| {
        let work = |s: &EntitySpan| s.kind != EntityType::Work;
        work(a)
            .cmp(&work(b))
            .then_with(|| b.len().cmp(&a.len()))
            .then_with(|| a.start.cmp(&b.start))
            .then_with(|| a.kind.cmp(&b.kind))
    });
    let mut taken = vec![false; n_chars];
    let mut kept = Vec::new();
    for c in candidates {
        let Some(slots) = taken.get_mut(c.start..c.end) else {
            continue;
        };
        if c.start >= c.end || slots.iter().any(|&t| t) {
            continue;
        }
        slots.iter_mut().for_each(|t| *t = true);
        kept.push(c);
    }
    kept.sort_by_key(|s| (s.start, s.end));
    kept
}

/// Counts entity occurrences per (type, text), keeping where each one is.
#[derive(Debug, Default, Clone)]
pub struct EntityTally {
    /// Per type (in the order first met), text → its spans, in the order added. Hashed by
    /// borrowed text: a text seen before costs no allocation, and no tree of string keys is
    /// compared (megabytes of text hold hundreds of thousands of spans). The order of the
    /// entries does not matter: [`EntityTally::into_entities`] sorts them by a total order.
    spans: Vec<(EntityType, SpansByText)>,
}

/// One type's entities: each text and its `[start, end)` spans.
type SpansByText = Map<String, Vec<[usize; 2]>>;

impl EntityTally {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, span: &EntitySpan) {
        let at = match self.spans.iter().position(|(k, _)| *k == span.kind) {
            Some(at) => at,
            None => {
                self.spans.push((span.kind, Map::default()));
                self.spans.len() - 1
            }
        };
        let texts = &mut self.spans[at].1;
        let here = [span.start, span.end];
        match texts.get_mut(span.text.as_str()) {
            Some(list) => list.push(here),
            None => {
                texts.insert(span.text.clone(), vec![here]);
            }
        }
    }

    /// Entities grouped in [`EntityType::ALL`] order; within a type, most frequent first, then
    /// by first occurrence.
    pub fn into_entities(self) -> Vec<Entity> {
        let mut rows: Vec<Entity> = self
            .spans
            .into_iter()
            .flat_map(|(kind, texts)| {
                texts
                    .into_iter()
                    .map(move |(text, spans)| (kind, text, spans))
            })
            .map(|(kind, text, mut spans)| {
                spans.sort_unstable();
                Entity {
                    value: crate::values::normalize(kind, &text),
                    text,
                    kind,
                    count: spans.len(),
                    first: spans.first().map_or(0, |s| s[0]),
                    spans,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.first.cmp(&b.first))
                .then_with(|| a.text.cmp(&b.text))
        });
        rows
    }
}

impl<'a> FromIterator<&'a EntitySpan> for EntityTally {
    fn from_iter<I: IntoIterator<Item = &'a EntitySpan>>(iter: I) -> Self {
        let mut tally = EntityTally::new();
        iter.into_iter().for_each(|s| tally.add(s));
        tally
    }
}

/// People whose names jieba cut into several words (李/红梅), written as phrases so that the
/// keyword rankings show the whole name rather than a fragment of it (see
/// [`crate::phrases::merge_into_keywords`]). Only spans that begin and end on token boundaries
/// and cover two or more words count; `count` is how often the name was cut. The PMI and
/// entropy fields are 0: the evidence is the entity stage's, not the phrase finder's.
pub fn split_names(spans: &[EntitySpan], tokens: &[Token]) -> Vec<Phrase> {
    let mut names: BTreeMap<&str, (Vec<String>, usize)> = BTreeMap::new();
    for s in spans.iter().filter(|s| s.kind == EntityType::Person) {
        let first = tokens.partition_point(|t| t.end <= s.start);
        let inside: Vec<&Token> = tokens[first..]
            .iter()
            .take_while(|t| t.start < s.end)
            .collect();
        let aligned = inside.first().is_some_and(|t| t.start == s.start)
            && inside.last().is_some_and(|t| t.end == s.end);
        if !aligned || inside.len() < 2 || inside.iter().any(|t| t.kind != TokenKind::Word) {
            continue;
        }
        let entry = names
            .entry(s.text.as_str())
            .or_insert_with(|| (inside.iter().map(|t| t.text.to_string()).collect(), 0));
        entry.1 += 1;
    }
    names
        .into_iter()
        .map(|(term, (parts, count))| Phrase {
            term: term.to_string(),
            parts,
            count,
            cohesion: 0.0,
            left_entropy: 0.0,
            right_entropy: 0.0,
            score: 0.0,
        })
        .collect()
}

/// The text's quoted terms (see [`works::quoted_terms`]), most quoted first, then in order of
/// first appearance.
pub fn quoted_terms(chars: &[char]) -> Vec<QuotedTerm> {
    let mut by_term: BTreeMap<String, Vec<[usize; 2]>> = BTreeMap::new();
    for (s, e) in works::quoted_terms(chars) {
        let term: String = chars[s..e].iter().collect();
        by_term.entry(term).or_default().push([s, e]);
    }
    let mut terms: Vec<QuotedTerm> = by_term
        .into_iter()
        .map(|(term, spans)| QuotedTerm {
            term,
            count: spans.len(),
            spans,
        })
        .collect();
    terms.sort_by_key(|t| {
        (
            std::cmp::Reverse(t.count),
            t.spans.first().map_or(0, |s| s[0]),
        )
    });
    terms
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_terms_are_tallied_most_quoted_first() {
        let text = "推行“河长制”。“放管服”改革深化，“放管服”见效；他说：“今天很好，大家辛苦。”";
        let chars: Vec<char> = text.chars().collect();
        let terms = quoted_terms(&chars);
        let got: Vec<(&str, usize)> = terms.iter().map(|t| (t.term.as_str(), t.count)).collect();
        assert_eq!(got, [("放管服", 2), ("河长制", 1)]);
        for t in &terms {
            for &[s, e] in &t.spans {
                assert_eq!(chars[s..e].iter().collect::<String>(), t.term);
            }
        }
    }

    use super::*;

    fn sp(kind: EntityType, start: usize, end: usize) -> EntitySpan {
        EntitySpan {
            kind,
            start,
            end,
            text: format!("t{start}"),
        }
    }

    #[test]
    fn works_win_then_longer_spans() {
        let kept = resolve_overlaps(
            vec![
                sp(EntityType::Place, 1, 3),
                sp(EntityType::Work, 1, 8),
                sp(EntityType::Organization, 10, 16),
                sp(EntityType::Place, 10, 12),
                sp(EntityType::Person, 20, 22),
            ],
            30,
        );
        let kinds: Vec<_> = kept.iter().map(|s| (s.kind, s.start)).collect();
        assert_eq!(
            kinds,
            [
                (EntityType::Work, 1),
                (EntityType::Organization, 10),
                (EntityType::Person, 20)
            ]
        );
    }

    #[test]
    fn dictionary_words_tagged_nr_need_a_cue() {
        let jieba = jieba_rs::Jieba::new();
        let text = "全校师生昨天参加了植树活动。";
        let tokens = crate::segment::segment(&jieba, text);
        let spans = find_spans_with_dict(text, &tokens, &|w| jieba.has_word(w));
        assert!(
            !spans.iter().any(|s| s.kind == EntityType::Person),
            "{spans:?}"
        );
    }

    #[test]
    fn out_of_range_spans_are_dropped() {
        assert!(resolve_overlaps(vec![sp(EntityType::Place, 5, 9)], 6).is_empty());
    }

    #[test]
    fn tally_orders_by_type_count_then_first_seen() {
        let mk = |kind, text: &str, start| EntitySpan {
            kind,
            start,
            end: start + 1,
            text: text.into(),
        };
        let spans = [
            mk(EntityType::Place, "乙", 0),
            mk(EntityType::Person, "甲", 1),
            mk(EntityType::Place, "丙", 2),
            mk(EntityType::Place, "丙", 3),
            mk(EntityType::Place, "丁", 4),
        ];
        let tally: EntityTally = spans.iter().collect();
        let got: Vec<(EntityType, String, usize)> = tally
            .into_entities()
            .into_iter()
            .map(|e| (e.kind, e.text, e.count))
            .collect();
        assert_eq!(
            got,
            [
                (EntityType::Person, "甲".into(), 1),
                (EntityType::Place, "丙".into(), 2),
                (EntityType::Place, "乙".into(), 1),
                (EntityType::Place, "丁".into(), 1),
            ]
        );
    }
}
