//! Articles: a paste that holds several (a newspaper page) is cut into them ([`split`]), and
//! each gets its own statistics, keywords, entities and key terms against the rest
//! ([`keyness`]).

pub mod keyness;
pub mod lines;
pub mod split;

pub use split::{split, ArticleBounds};

use std::ops::Range;

use crate::entities::EntitySpan;
#[cfg(doc)]
use crate::entities::EntityTally;
use crate::keywords::TermIds;
use crate::phrases::WordMap;
use crate::report::{Article, Entity, EntityType, KeyTerm, Keyword};
use crate::segment::Token;
use crate::stats;

/// What the per-article analysis needs from the whole text's analysis.
pub struct Whole<'a> {
    /// The normalised text and its chars.
    pub text: &'a str,
    pub chars: &'a [char],
    /// Its tokens, in order.
    pub tokens: &'a [Token<'a>],
    /// Its entity occurrences, in text order.
    pub spans: &'a [EntitySpan],
    /// Stop words, for the statistics' frequency lists.
    pub is_stop: &'a dyn Fn(&str) -> bool,
    /// The keyword term of each token: what keyness is measured on.
    pub terms: &'a TermIds<'a>,
}

/// Each article's report. `rank` gives the TF-IDF keywords of an article's tokens (given as
/// their index range in the whole text's tokens). Nothing when `bounds` holds fewer
/// than two articles: a single article is the whole report.
pub fn analyse(
    whole: &Whole,
    bounds: &[ArticleBounds],
    rank: &dyn Fn(Range<usize>) -> Vec<Keyword>,
) -> Vec<Article> {
    if bounds.len() < 2 {
        return Vec::new();
    }
    let mut counts = vec![0usize; whole.terms.names.len()];
    let words = |tokens: &[Token]| tokens.iter().filter(|t| t.kind.is_word()).count();
    let all_words = words(whole.tokens);
    // The byte offset of each article's first and last char, to slice the text by chars.
    let byte_at = byte_offsets(
        whole.text,
        bounds.iter().flat_map(|b| [b.start, b.end.max(b.start)]),
    );
    let word_ids = stats::WordIds::new(whole.tokens, whole.is_stop);
    bounds
        .iter()
        .map(|b| {
            let range = b.start..b.end.max(b.start);
            let token_range = within(whole.tokens, &range, |t| t.start);
            let tokens = &whole.tokens[token_range.clone()];
            let spans = &whole.spans[within(whole.spans, &range, |s| s.start)];
            let text = byte_at
                .get(&range.start)
                .zip(byte_at.get(&range.end))
                .and_then(|(&s, &e)| whole.text.get(s..e))
                .unwrap_or("");
            let chars = whole.chars.get(range.clone()).unwrap_or(&[]);
            let stats = stats::compute_slice(
                text,
                chars,
                &stats::sentence_ranges(text),
                &word_ids,
                token_range.clone(),
            );
            let entities = top_entities(spans.iter().filter(|s| s.end <= range.end));
            Article {
                title: b.title.clone(),
                start: b.start,
                end: b.end,
                stats,
                keywords: rank(token_range.clone()),
                key_terms: key_terms(
                    whole.terms,
                    token_range,
                    &mut counts,
                    words(tokens),
                    all_words,
                ),
                entities,
            }
        })
        .collect()
}

/// Entities listed per article and type. A page of hundreds of short items would otherwise
/// repeat most of the report's entity list.
pub const ENTITIES_PER_TYPE: usize = 8;

/// The [`ENTITIES_PER_TYPE`] most frequent entities of each type, in the order of
/// [`EntityTally::into_entities`] (type, most frequent, first seen, text), without their
/// spans: the report's own entity list has every occurrence, and an article's are those
/// within `start..end`. Tallied here on borrowed texts, and only the entities kept get their
/// normalised value: the same list as the tally's, cut, at a fraction of the cost.
fn top_entities<'s>(spans: impl Iterator<Item = &'s EntitySpan>) -> Vec<Entity> {
    // (type, text) → (count, first start).
    let mut tally: WordMap<(EntityType, &str), (usize, usize)> = WordMap::default();
    for s in spans {
        let e = tally
            .entry((s.kind, s.text.as_str()))
            .or_insert((0, s.start));
        e.0 += 1;
        e.1 = e.1.min(s.start);
    }
    let mut rows: Vec<_> = tally.into_iter().collect();
    rows.sort_unstable_by(|((ka, ta), (ca, fa)), ((kb, tb), (cb, fb))| {
        ka.cmp(kb)
            .then_with(|| cb.cmp(ca))
            .then_with(|| fa.cmp(fb))
            .then_with(|| ta.cmp(tb))
    });
    let mut per_type = std::collections::BTreeMap::new();
    rows.retain(|((kind, _), _)| {
        let n = per_type.entry(*kind).or_insert(0usize);
        *n += 1;
        *n <= ENTITIES_PER_TYPE
    });
    rows.into_iter()
        .map(|((kind, text), (count, first))| Entity {
            value: crate::values::normalize(kind, text),
            text: text.to_string(),
            kind,
            count,
            first,
            spans: Vec::new(),
        })
        .collect()
}

/// The key terms of the tokens in `range`; `counts` is all zeros, one per term, and is left so
/// (an array rather than a map of strings: this runs once per article).
fn key_terms(
    terms: &TermIds,
    range: Range<usize>,
    counts: &mut [usize],
    article_words: usize,
    all_words: usize,
) -> Vec<KeyTerm> {
    let mut seen = Vec::new();
    for id in terms.at.get(range).unwrap_or(&[]).iter().flatten() {
        let id = *id as usize;
        if counts[id] == 0 {
            seen.push(id);
        }
        counts[id] += 1;
    }
    let rows = seen.iter().map(|&id| {
        let (term, total) = terms.names[id];
        (term, counts[id], total)
    });
    let key = keyness::key_terms(rows, article_words, all_words);
    seen.iter().for_each(|&id| counts[id] = 0);
    key
}

/// The index range of the items (sorted by `start_of`) that start inside `range`.
fn within<T>(items: &[T], range: &Range<usize>, start_of: impl Fn(&T) -> usize) -> Range<usize> {
    let from = items.partition_point(|x| start_of(x) < range.start);
    let to = items.partition_point(|x| start_of(x) < range.end);
    from..to.max(from)
}

/// The byte offset in `text` of each char index of `wanted` (its length for the index just
/// past its end; indices further on are left out), in one pass over the text.
fn byte_offsets(text: &str, wanted: impl Iterator<Item = usize>) -> WordMap<usize, usize> {
    let mut wanted: Vec<usize> = wanted.collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = WordMap::default();
    let mut next = wanted.iter().peekable();
    let ends = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    for (char_index, byte) in ends.enumerate() {
        while next.next_if(|&&w| w == char_index).is_some() {
            out.insert(char_index, byte);
        }
        if next.peek().is_none() {
            break;
        }
    }
    out
}
