//! Stage 4: keywords, ranked three ways (TF-IDF, TextRank, plain frequency) over the tokens the
//! segmentation stage already made: the text is never segmented again.
//!
//! The candidates are the tokens jieba's extractors would take (a content-word tag, at least two
//! chars, no stop word), with Latin words folded to lower case (`GDP`, `gdp`, `Gdp` are one term,
//! shown as written most often) and tokens without a letter (numbers, symbols) left out. TF-IDF
//! uses jieba's own IDF table ([`idf`]) and TextRank jieba-rs's own computation ([`textrank`]),
//! so both give jieba's scores; each keyword keeps what its score was made of
//! ([`KeywordWhy`]), and its count is its occurrences among our tokens, which the reader can
//! find in the text.

mod candidates;
pub mod idf;
pub(crate) mod merge;
#[cfg(test)]
mod tests;
pub mod textrank;

use std::cell::RefCell;
use std::cmp::Ordering;
use std::ops::Range;

use jieba_rs::Jieba;

use crate::report::{Keyword, KeywordWhy};
use crate::segment::{is_han, Token};
use crate::stopwords::{EditedStopWords, StopWords};
use crate::Options;
use candidates::Candidates;
use idf::Idf;
use textrank::{Graph, NONE};

/// Tags that may be keywords: nouns and proper names (`n nr nrt nrfg ns nt nz nw ng`), verbal
/// and adjectival nouns (`vn an`), verbs (`v`: news topics are often actions such as 投产, 降息),
/// Latin words (`eng`), idioms and fixed phrases (`i l`) and abbreviations (`j`). Left out:
/// numerals, measure words, time words, pronouns, adverbs, adjectives and function words, which
/// describe rather than name what a text is about.
pub const CANDIDATE_POS: [&str; 16] = [
    "n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nw", "ng", "vn", "an", "v", "eng", "i", "l", "j",
];

/// The keyword term each token of a text counts as, by the rankings' own test (a candidate
/// tag, two chars or more with a letter, no stop word, Latin words folded), so that other
/// stages measure on exactly the keyword candidates (articles: keyness, vocabulary shifts).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermIds<'t> {
    /// The term of each token, `None` when the token is no candidate.
    pub at: Vec<Option<u32>>,
    /// Each term's shown form and its candidate occurrences in the tokens.
    pub names: Vec<(&'t str, usize)>,
}

/// The tags a keyword may have under `options` (the user's, or [`CANDIDATE_POS`]).
fn tags(options: &Options) -> Vec<&str> {
    if options.keyword_pos.is_empty() {
        CANDIDATE_POS.to_vec()
    } else {
        options.keyword_pos.iter().map(|t| t.trim()).collect()
    }
}

/// Neighbours listed in a TextRank keyword's explanation.
const MAX_NEIGHBOURS: usize = 5;

/// The rankings of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rankings {
    pub tfidf: Vec<Keyword>,
    pub textrank: Vec<Keyword>,
    /// By count: `score` = count / the top count.
    pub frequency: Vec<Keyword>,
}

/// Ranks keywords; holds jieba's IDF table and the stop words, so build it once.
#[derive(Debug)]
pub struct KeywordRanker {
    stop_words: StopWords,
    idf: Idf,
}

#[cfg(feature = "embedded-lexicon")]
impl Default for KeywordRanker {
    fn default() -> Self {
        Self::new()
    }
}

impl KeywordRanker {
    /// The ranker with the IDF table of the lexicon built into this binary.
    #[cfg(feature = "embedded-lexicon")]
    pub fn new() -> Self {
        Self::with_lexicon(&crate::lexicon::embedded())
    }

    /// The ranker with the IDF table of `lexicon` and the built-in stop words.
    pub fn with_lexicon(lexicon: &crate::lexicon::Lexicon) -> Self {
        KeywordRanker {
            stop_words: StopWords::builtin(),
            idf: Idf::from_lexicon(lexicon),
        }
    }

    /// True when `word` is one of the built-in stop words (Latin words in any case).
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// The stop words of one analysis: the built-in ones with the user's edits in `options`.
    pub fn stop_words(&self, options: &Options) -> EditedStopWords<'_> {
        self.stop_words.edited_with(
            options.builtin_stopwords,
            &options.extra_stopwords,
            &options.removed_stopwords,
        )
    }

    /// The keyword term of each of `tokens` (see [`TermIds`]).
    pub fn term_ids<'t>(&self, tokens: &'t [Token], options: &Options) -> TermIds<'t> {
        let stops = self.stop_words(options);
        term_ids(&Candidates::collect(tokens, &tags(options), &stops))
    }

    /// Ranks the keywords of a segmented text (or any slice of its tokens, such as one
    /// article), `top_k` per ranking. `options` gives the user's stop-word edits and tags.
    pub fn rank(
        &self,
        jieba: &Jieba,
        tokens: &[Token],
        top_k: usize,
        options: &Options,
    ) -> Rankings {
        let stops = self.stop_words(options);
        let cands = Candidates::collect(tokens, &tags(options), &stops);
        self.rank_with(jieba, &cands, top_k, true)
    }

    /// [`KeywordRanker::rank`] of the whole text, with its candidates kept ([`TextTerms`]):
    /// what [`KeywordRanker::term_ids`] gives, and TF-IDF rankings of slices of the tokens
    /// without counting them again.
    pub fn rank_text<'t>(
        &self,
        jieba: &Jieba,
        tokens: &'t [Token],
        top_k: usize,
        options: &Options,
    ) -> (Rankings, TextTerms<'t>) {
        let stops = self.stop_words(options);
        let cands = Candidates::collect(tokens, &tags(options), &stops);
        let rankings = self.rank_with(jieba, &cands, top_k, true);
        let ids = term_ids(&cands);
        (
            rankings,
            TextTerms {
                ids,
                tokens,
                surfaces: cands.surfaces,
                surface_at: cands.surface_at,
            },
        )
    }

    /// Only the TF-IDF ranking of [`KeywordRanker::rank`] (for each article of a page, where
    /// TextRank and frequency would be thrown away): the same keywords, without the graph.
    pub fn rank_tfidf(
        &self,
        jieba: &Jieba,
        tokens: &[Token],
        top_k: usize,
        options: &Options,
    ) -> Vec<Keyword> {
        let stops = self.stop_words(options);
        let cands = Candidates::collect(tokens, &tags(options), &stops);
        self.rank_with(jieba, &cands, top_k, false).tfidf
    }

    /// Ranks slices of the whole text's tokens by TF-IDF, as [`KeywordRanker::rank_tfidf`] of
    /// the slice would, from `terms`: each distinct word is looked up once per text (dictionary
    /// and IDF table), not once per slice.
    pub fn slice_ranker<'a, 't>(
        &'a self,
        jieba: &Jieba,
        terms: &'a TextTerms<'t>,
        top_k: usize,
    ) -> SliceRanker<'a, 't> {
        let words: Vec<&str> = terms.surfaces.iter().map(|s| s.0).collect();
        let idf = self.idf.lookup(&words);
        let surfaces = terms
            .surfaces
            .iter()
            .zip(idf)
            .map(|(&(text, term), idf)| {
                let han = text.chars().any(is_han);
                SurfaceFacts {
                    text,
                    term,
                    han,
                    // Asked only where the ranking asks (a Han term seen once).
                    known: han && jieba.has_word(text),
                    idf,
                }
            })
            .collect();
        let n = terms.ids.names.len();
        SliceRanker {
            terms,
            surfaces,
            median: self.idf.median(),
            top_k,
            scratch: RefCell::new(Scratch {
                surface_count: vec![0; terms.surfaces.len()],
                candidate: vec![0; n],
                first: vec![0; n],
                count: vec![0; n],
                best: vec![NONE; n],
                best_count: vec![0; n],
                han: vec![false; n],
                seen_surfaces: Vec::new(),
                seen_terms: Vec::new(),
            }),
        }
    }

    fn rank_with(&self, jieba: &Jieba, cands: &Candidates, top_k: usize, all: bool) -> Rankings {
        if top_k == 0 {
            return Rankings::default();
        }
        if cands.total == 0 {
            return Rankings::default();
        }
        // A word jieba's dictionary does not know was guessed by the HMM. Seen once, such a
        // guess is usually a fragment (两到, 由县) that TF-IDF would rank high for being rare;
        // seen twice or more, it is more likely a real new word (a name, a term of the text).
        // Latin words are never guesses: jieba keeps letter runs whole.
        let shown: Vec<u32> = (0..cands.terms.len() as u32)
            .filter(|&id| {
                let t = &cands.terms[id as usize];
                t.candidate > 0 && (!t.han || t.count >= 2 || jieba.has_word(t.shown()))
            })
            .collect();
        let total = cands.total as f64;
        let tf = |id: u32| cands.terms[id as usize].candidate as f64 / total;
        let why = |id: u32, raw: f64| KeywordWhy {
            raw,
            tf: tf(id),
            ..KeywordWhy::default()
        };

        let words: Vec<&str> = shown.iter().map(|&id| cands.term(id).shown()).collect();
        let idfs = self.idf.lookup(&words);
        let tfidf = shown.iter().zip(idfs).map(|(&id, idf)| {
            let candidate = cands.term(id).candidate as f64;
            let value = idf.unwrap_or(self.idf.median());
            // As jieba computes it, operation for operation: the same bits.
            let raw = candidate * value / total;
            let why = KeywordWhy {
                idf: Some(value),
                idf_unknown: idf.is_none(),
                ..why(id, raw)
            };
            (id, why)
        });
        let view = |id: u32| {
            let t = cands.term(id);
            (t.shown(), t.count, t.tag)
        };
        let tfidf = finish(&view, tfidf.collect(), top_k);
        let keywords = |list: Vec<(u32, Keyword)>| list.into_iter().map(|(_, k)| k).collect();
        if !all {
            return Rankings {
                tfidf: keywords(tfidf),
                ..Rankings::default()
            };
        }

        let graph = Graph::new(cands.nodes.len(), &cands.at);
        let ranks = graph.rank();
        let rank_of = |id: u32| ranks[cands.term(id).node as usize];
        let textrank = shown.iter().map(|&id| (id, why(id, rank_of(id))));
        let mut textrank = finish(&view, textrank.collect(), top_k);
        for (id, k) in &mut textrank {
            k.why.neighbours = neighbours(cands, &graph, *id);
        }

        let frequency = shown
            .iter()
            .map(|&id| (id, why(id, cands.term(id).count as f64)));
        let frequency = finish(&view, frequency.collect(), top_k);
        Rankings {
            tfidf: keywords(tfidf),
            textrank: keywords(textrank),
            frequency: keywords(frequency),
        }
    }
}

fn term_ids<'t>(cands: &Candidates<'t>) -> TermIds<'t> {
    TermIds {
        at: cands
            .at
            .iter()
            .map(|&node| cands.nodes.get(node as usize).copied())
            .collect(),
        names: cands
            .terms
            .iter()
            .map(|t| (t.shown(), t.candidate))
            .collect(),
    }
}

/// The whole text's keyword candidates ([`KeywordRanker::rank_text`]).
pub struct TextTerms<'t> {
    /// The keyword term of each token.
    pub ids: TermIds<'t>,
    tokens: &'t [Token<'t>],
    /// Each distinct token text that may be a keyword, and its term.
    surfaces: Vec<(&'t str, u32)>,
    /// The surface of each token ([`NONE`]: no keyword whatever its tag).
    surface_at: Vec<u32>,
}

/// What the rankings ask about one distinct word, asked once per text.
struct SurfaceFacts<'t> {
    text: &'t str,
    term: u32,
    han: bool,
    /// In jieba's dictionary (only asked of words with a Han char).
    known: bool,
    idf: idf::Lookup,
}

/// Counts for one slice, indexed by surface or term; all zero (and `best` all [`NONE`])
/// between slices, so a slice costs its own length, not the text's.
struct Scratch {
    surface_count: Vec<u32>,
    candidate: Vec<u32>,
    /// The first candidate token of each term.
    first: Vec<u32>,
    count: Vec<u32>,
    /// The form shown: the surface seen most often, the first seen among equals.
    best: Vec<u32>,
    best_count: Vec<u32>,
    han: Vec<bool>,
    seen_surfaces: Vec<u32>,
    seen_terms: Vec<u32>,
}

/// TF-IDF rankings of slices of one text's tokens ([`KeywordRanker::slice_ranker`]).
pub struct SliceRanker<'a, 't> {
    terms: &'a TextTerms<'t>,
    surfaces: Vec<SurfaceFacts<'t>>,
    median: f64,
    top_k: usize,
    scratch: RefCell<Scratch>,
}

impl SliceRanker<'_, '_> {
    /// The TF-IDF keywords of the tokens in `range`: [`KeywordRanker::rank_tfidf`] of them,
    /// the same to the bit (the same counts, forms, tags and operations).
    pub fn rank(&self, range: Range<usize>) -> Vec<Keyword> {
        let mut guard = self.scratch.borrow_mut();
        let s = &mut *guard;
        let at = &self.terms.ids.at;
        let surface_at = &self.terms.surface_at;
        for i in range.clone() {
            let Some(&surface) = surface_at.get(i) else {
                break;
            };
            if surface == NONE {
                continue;
            }
            let count = &mut s.surface_count[surface as usize];
            if *count == 0 {
                s.seen_surfaces.push(surface);
            }
            *count += 1;
            if let Some(term) = at[i] {
                let t = term as usize;
                if s.candidate[t] == 0 {
                    s.seen_terms.push(term);
                    s.first[t] = i as u32;
                }
                s.candidate[t] += 1;
            }
        }
        // In order of first occurrence: a strictly larger count replaces the form shown.
        for &surface in &s.seen_surfaces {
            let facts = &self.surfaces[surface as usize];
            let n = std::mem::take(&mut s.surface_count[surface as usize]);
            let t = facts.term as usize;
            s.count[t] += n;
            if n > s.best_count[t] {
                s.best_count[t] = n;
                s.best[t] = surface;
            }
            s.han[t] |= facts.han;
        }
        let total: u32 = s.seen_terms.iter().map(|&t| s.candidate[t as usize]).sum();
        let mut out = Vec::new();
        if self.top_k > 0 && total > 0 {
            let total = total as usize as f64;
            let raw: Vec<(u32, KeywordWhy)> = s
                .seen_terms
                .iter()
                .filter(|&&t| {
                    let t = t as usize;
                    !s.han[t] || s.count[t] >= 2 || self.surfaces[s.best[t] as usize].known
                })
                .map(|&t| {
                    let facts = &self.surfaces[s.best[t as usize] as usize];
                    let candidate = s.candidate[t as usize] as usize as f64;
                    let value = facts.idf.unwrap_or(self.median);
                    let raw = candidate * value / total;
                    let why = KeywordWhy {
                        raw,
                        tf: candidate / total,
                        idf: Some(value),
                        idf_unknown: facts.idf.is_none(),
                        ..KeywordWhy::default()
                    };
                    (t, why)
                })
                .collect();
            let tokens = self.terms.tokens;
            let view = |t: u32| {
                let t = t as usize;
                let shown = self.surfaces[s.best[t] as usize].text;
                let tag = tokens.get(s.first[t] as usize).map_or("", |k| k.pos);
                (shown, s.count[t] as usize, tag)
            };
            out = finish(&view, raw, self.top_k)
                .into_iter()
                .map(|(_, k)| k)
                .collect();
        }
        for &surface in &s.seen_surfaces {
            let t = self.surfaces[surface as usize].term as usize;
            s.count[t] = 0;
            s.best[t] = NONE;
            s.best_count[t] = 0;
            s.han[t] = false;
            s.candidate[t] = 0;
        }
        s.seen_surfaces.clear();
        s.seen_terms.clear();
        out
    }
}

/// Sorts one ranking (raw score, then count, then term), keeps the best `top_k` and scores
/// them relative to the best.
/// `view` gives a term's shown form, count and tag.
fn finish<'t>(
    view: &dyn Fn(u32) -> (&'t str, usize, &'t str),
    mut raw: Vec<(u32, KeywordWhy)>,
    top_k: usize,
) -> Vec<(u32, Keyword)> {
    raw.retain(|(_, why)| why.raw.is_finite() && why.raw > 0.0);
    let order = |a: &(u32, KeywordWhy), b: &(u32, KeywordWhy)| {
        let ((sa, ca, _), (sb, cb, _)) = (view(a.0), view(b.0));
        b.1.raw
            .total_cmp(&a.1.raw)
            .then_with(|| cb.cmp(&ca))
            .then_with(|| sa.cmp(sb))
    };
    if raw.len() > top_k && top_k > 0 {
        // Keep what scores at least the `top_k`-th value (ties included) before sorting: far
        // fewer string comparisons than selecting with the full order.
        let mut values: Vec<f64> = raw.iter().map(|(_, why)| why.raw).collect();
        let (_, &mut kth, _) = values.select_nth_unstable_by(top_k - 1, |a, b| b.total_cmp(a));
        raw.retain(|(_, why)| why.raw >= kth);
    }
    raw.sort_unstable_by(order);
    raw.truncate(top_k);
    let best = raw.first().map_or(1.0, |(_, why)| why.raw);
    raw.into_iter()
        .map(|(id, why)| {
            let (shown, count, tag) = view(id);
            let keyword = Keyword {
                term: shown.to_string(),
                score: (why.raw / best).clamp(0.0, 1.0),
                count,
                pos: tag.to_string(),
                why,
            };
            (id, keyword)
        })
        .collect()
}

/// The terms most often within TextRank's window of `id`, most first (ties by term).
fn neighbours(cands: &Candidates, graph: &Graph, id: u32) -> Vec<String> {
    let node = cands.term(id).node;
    let mut near: Vec<(u32, f64)> = graph
        .neighbours(node)
        .map(|(n, w)| (cands.nodes[n as usize], w))
        .collect();
    near.sort_unstable_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| cands.term(a.0).shown().cmp(cands.term(b.0).shown()))
    });
    near.iter()
        .take(MAX_NEIGHBOURS)
        .map(|&(n, _)| cands.term(n).shown().to_string())
        .collect()
}

/// Orders keywords as the rankings do; exposed for callers that merge lists.
pub fn by_score(a: &Keyword, b: &Keyword) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| b.count.cmp(&a.count))
        .then_with(|| a.term.cmp(&b.term))
}
