//! Articles: a paste that holds several (a newspaper page) is cut into them ([`split`]), and
//! each gets its own statistics, keywords, entities and key terms against the rest
//! ([`keyness`]).

pub mod keyness;
pub mod lines;
pub mod split;

pub use split::{split, ArticleBounds};

use std::ops::Range;

use crate::entities::{EntitySpan, EntityTally};
use crate::keywords::TermIds;
use crate::report::{Article, Entity, KeyTerm, Keyword};
use crate::segment::Token;
use crate::stats;

/// What the per-article analysis needs from the whole text's analysis.
pub struct Whole<'a> {
    /// The normalised text and its chars.
    pub text: &'a str,
    pub chars: &'a [char],
    /// Its tokens, in order.
    pub tokens: &'a [Token],
    /// Its entity occurrences, in text order.
    pub spans: &'a [EntitySpan],
    /// Stop words, for the statistics' frequency lists.
    pub is_stop: &'a dyn Fn(&str) -> bool,
    /// The keyword term of each token: what keyness is measured on.
    pub terms: &'a TermIds<'a>,
}

/// Each article's report. `rank` gives the TF-IDF keywords of an article's tokens (a slice of
/// the whole text's tokens, offsets unchanged). Nothing when `bounds` holds fewer
/// than two articles: a single article is the whole report.
pub fn analyse(
    whole: &Whole,
    bounds: &[ArticleBounds],
    rank: &dyn Fn(&[Token]) -> Vec<Keyword>,
) -> Vec<Article> {
    if bounds.len() < 2 {
        return Vec::new();
    }
    let mut counts = vec![0usize; whole.terms.names.len()];
    let words = |tokens: &[Token]| tokens.iter().filter(|t| t.kind.is_word()).count();
    let all_words = words(whole.tokens);
    // Char offsets of each char index into the text's bytes, to slice the text by chars.
    let byte_at = byte_offsets(whole.text);
    bounds
        .iter()
        .map(|b| {
            let range = b.start..b.end.max(b.start);
            let token_range = within(whole.tokens, &range, |t| t.start);
            let tokens = &whole.tokens[token_range.clone()];
            let spans = &whole.spans[within(whole.spans, &range, |s| s.start)];
            let text = byte_at
                .get(range.start)
                .zip(byte_at.get(range.end))
                .and_then(|(&s, &e)| whole.text.get(s..e))
                .unwrap_or("");
            let chars = whole.chars.get(range.clone()).unwrap_or(&[]);
            let stats = stats::compute_with(
                text,
                chars,
                &stats::sentence_ranges(text),
                tokens,
                whole.is_stop,
            );
            let entities = top_entities(
                spans
                    .iter()
                    .filter(|s| s.end <= range.end)
                    .collect::<EntityTally>()
                    .into_entities(),
            );
            Article {
                title: b.title.clone(),
                start: b.start,
                end: b.end,
                stats,
                keywords: rank(tokens),
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

/// The [`ENTITIES_PER_TYPE`] most frequent entities of each type (the tally's order), without
/// their spans: the report's own entity list has every occurrence, and an article's are those
/// within `start..end`.
fn top_entities(mut entities: Vec<Entity>) -> Vec<Entity> {
    let mut per_type = std::collections::BTreeMap::new();
    entities.retain(|e| {
        let n = per_type.entry(e.kind).or_insert(0usize);
        *n += 1;
        *n <= ENTITIES_PER_TYPE
    });
    for e in &mut entities {
        e.spans = Vec::new();
    }
    entities
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

/// The byte offset of each char of `text`, plus its length at the end.
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}
