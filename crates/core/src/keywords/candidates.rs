//! The candidate words of a token slice, counted in one pass.

use std::borrow::Cow;

use super::textrank::NONE;
use crate::phrases::WordMap as Map;
use crate::segment::{is_han, Token, TokenKind};
use crate::stopwords::{fold, EditedStopWords};

/// One term: the tokens whose text folds to the same word.
pub struct Term<'t> {
    /// The surface forms seen, with their counts, most frequent first (ties: first seen).
    pub forms: Vec<(&'t str, usize)>,
    /// The tag of the first occurrence as a candidate (jieba keeps the first too).
    pub tag: &'t str,
    /// Occurrences among the tokens, whatever their tag.
    pub count: usize,
    /// Occurrences with a candidate tag: what TF-IDF and TextRank count.
    pub candidate: usize,
    /// Holds a Han character (a Latin word is never an HMM guess).
    pub han: bool,
    /// Its vertex in the TextRank graph (numbered by first candidate occurrence, as jieba
    /// numbers them: the ranks are updated in that order), [`NONE`] if never a candidate.
    pub node: u32,
}

impl<'t> Term<'t> {
    /// The form written most often (the first seen among equals).
    pub fn shown(&self) -> &'t str {
        self.forms.first().map_or("", |f| f.0)
    }
}

pub struct Candidates<'t> {
    pub terms: Vec<Term<'t>>,
    /// The graph vertex of each token, [`NONE`] when the token is no candidate.
    pub at: Vec<u32>,
    /// The term of each graph vertex.
    pub nodes: Vec<u32>,
    /// Candidate occurrences in all.
    pub total: usize,
    /// Each distinct token text that may be a keyword (its term is not [`NONE`]), numbered by
    /// first occurrence: its text and its term.
    pub surfaces: Vec<(&'t str, u32)>,
    /// The surface of each token, [`NONE`] when the token can be no keyword whatever its tag.
    pub surface_at: Vec<u32>,
}

/// One distinct token text while counting.
struct Surface {
    /// Its term, [`NONE`] when it can be no keyword.
    term: u32,
    count: u32,
    /// The token where it first occurs.
    first: u32,
    /// Its number among the surfaces that have a term, [`NONE`] when it has none.
    id: u32,
}

impl<'t> Candidates<'t> {
    /// Counts the terms of `tokens`: words of at least two chars with a letter, no stop word;
    /// an occurrence is a candidate when its tag is one of `tags`.
    ///
    /// One pass, touching per token only its surface's hash slot and a few small arrays (this
    /// loop runs once per token of the text, so memory traffic is its cost).
    pub fn collect(tokens: &'t [Token], tags: &[&str], stops: &EditedStopWords) -> Self {
        let tags = Tags::new(tags);
        let mut by_text: Map<&'t str, Surface> = Map::default();
        by_text.reserve(tokens.len() / 8);
        let mut by_key: Map<Cow<'t, str>, u32> = Map::default();
        // Per term: candidate occurrences, graph vertex, first candidate token.
        let mut candidate: Vec<u32> = Vec::new();
        let mut node: Vec<u32> = Vec::new();
        let mut first: Vec<u32> = Vec::new();
        let mut at = Vec::with_capacity(tokens.len());
        let mut nodes = Vec::new();
        let mut surfaces = Vec::new();
        let mut surface_at = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            if !matches!(t.kind, TokenKind::Word | TokenKind::Latin) {
                at.push(NONE);
                surface_at.push(NONE);
                continue;
            }
            let surface = by_text.entry(t.text).or_insert_with(|| {
                let key = fold(t.text);
                let eligible = t.len() >= 2
                    && t.text.chars().any(char::is_alphabetic)
                    && !stops.contains_folded(&key);
                let term = if eligible {
                    *by_key.entry(key).or_insert_with(|| {
                        candidate.push(0);
                        node.push(NONE);
                        first.push(NONE);
                        (candidate.len() - 1) as u32
                    })
                } else {
                    NONE
                };
                let id = if term == NONE {
                    NONE
                } else {
                    surfaces.push((t.text, term));
                    (surfaces.len() - 1) as u32
                };
                Surface {
                    term,
                    count: 0,
                    first: i as u32,
                    id,
                }
            });
            surface.count += 1;
            surface_at.push(surface.id);
            let id = surface.term as usize;
            if id == NONE as usize || !tags.allow(t.pos) {
                at.push(NONE);
                continue;
            }
            if candidate[id] == 0 {
                node[id] = nodes.len() as u32;
                nodes.push(id as u32);
                first[id] = i as u32;
            }
            candidate[id] += 1;
            at.push(node[id]);
        }
        let mut terms: Vec<Term<'t>> = (0..candidate.len())
            .map(|id| Term {
                forms: Vec::new(),
                tag: tokens.get(first[id] as usize).map_or("", |t| t.pos),
                count: 0,
                candidate: candidate[id] as usize,
                han: false,
                node: node[id],
            })
            .collect();
        let mut forms: Vec<(&'t str, &Surface)> = by_text
            .iter()
            .filter(|(_, s)| s.term != NONE)
            .map(|(w, s)| (*w, s))
            .collect();
        // Most frequent first, then first seen: the first form is the one shown.
        forms.sort_unstable_by(|a, b| b.1.count.cmp(&a.1.count).then(a.1.first.cmp(&b.1.first)));
        for (text, s) in forms {
            let term = &mut terms[s.term as usize];
            term.forms.push((text, s.count as usize));
            term.count += s.count as usize;
            term.han |= text.chars().any(is_han);
        }
        let total = terms.iter().map(|t| t.candidate).sum();
        Candidates {
            terms,
            at,
            nodes,
            total,
            surfaces,
            surface_at,
        }
    }

    pub fn term(&self, id: u32) -> &Term<'t> {
        &self.terms[id as usize]
    }
}

/// The tags a candidate may have, compared as integers: tags are a few ASCII letters, and a
/// string comparison per token costs more than the rest of the counting.
struct Tags<'a> {
    codes: Vec<u64>,
    /// Tags longer than eight bytes, compared as strings.
    long: Vec<&'a str>,
}

impl<'a> Tags<'a> {
    fn new(tags: &[&'a str]) -> Self {
        Tags {
            codes: tags.iter().filter_map(|t| code(t)).collect(),
            long: tags.iter().copied().filter(|t| code(t).is_none()).collect(),
        }
    }

    fn allow(&self, tag: &str) -> bool {
        match code(tag) {
            Some(c) => self.codes.contains(&c),
            None => self.long.contains(&tag),
        }
    }
}

/// A tag of at most eight bytes as one integer (its bytes, zero-padded; tags hold no zero byte).
fn code(tag: &str) -> Option<u64> {
    let bytes = tag.as_bytes();
    if bytes.len() > 8 || bytes.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    Some(u64::from_le_bytes(buf))
}
