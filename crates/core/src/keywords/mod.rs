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

use std::cmp::Ordering;

use jieba_rs::Jieba;

use crate::report::{Keyword, KeywordWhy};
use crate::segment::Token;
use crate::stopwords::{EditedStopWords, StopWords};
use crate::Options;
use candidates::Candidates;
use idf::Idf;
use textrank::Graph;

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
#[derive(Debug, Default)]
pub struct KeywordRanker {
    stop_words: StopWords,
    idf: Idf,
}

impl KeywordRanker {
    pub fn new() -> Self {
        KeywordRanker {
            stop_words: StopWords::builtin(),
            idf: Idf::new(),
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
        let cands = Candidates::collect(tokens, &tags(options), &stops);
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

    /// Ranks the keywords of a segmented text (or any slice of its tokens, such as one
    /// article), `top_k` per ranking. `options` gives the user's stop-word edits and tags.
    pub fn rank(
        &self,
        jieba: &Jieba,
        tokens: &[Token],
        top_k: usize,
        options: &Options,
    ) -> Rankings {
        self.rank_with(jieba, tokens, top_k, options, true)
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
        self.rank_with(jieba, tokens, top_k, options, false).tfidf
    }

    fn rank_with(
        &self,
        jieba: &Jieba,
        tokens: &[Token],
        top_k: usize,
        options: &Options,
        all: bool,
    ) -> Rankings {
        if top_k == 0 {
            return Rankings::default();
        }
        let stops = self.stop_words(options);
        let cands = Candidates::collect(tokens, &tags(options), &stops);
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
        let tfidf = finish(&cands, tfidf.collect(), top_k);
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
        let mut textrank = finish(&cands, textrank.collect(), top_k);
        for (id, k) in &mut textrank {
            k.why.neighbours = neighbours(&cands, &graph, *id);
        }

        let frequency = shown
            .iter()
            .map(|&id| (id, why(id, cands.term(id).count as f64)));
        let frequency = finish(&cands, frequency.collect(), top_k);
        Rankings {
            tfidf: keywords(tfidf),
            textrank: keywords(textrank),
            frequency: keywords(frequency),
        }
    }
}

/// Sorts one ranking (raw score, then count, then term), keeps the best `top_k` and scores
/// them relative to the best.
fn finish(
    cands: &Candidates,
    mut raw: Vec<(u32, KeywordWhy)>,
    top_k: usize,
) -> Vec<(u32, Keyword)> {
    raw.retain(|(_, why)| why.raw.is_finite() && why.raw > 0.0);
    let order = |a: &(u32, KeywordWhy), b: &(u32, KeywordWhy)| {
        let (ta, tb) = (cands.term(a.0), cands.term(b.0));
        b.1.raw
            .total_cmp(&a.1.raw)
            .then_with(|| tb.count.cmp(&ta.count))
            .then_with(|| ta.shown().cmp(tb.shown()))
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
            let t = cands.term(id);
            let keyword = Keyword {
                term: t.shown().to_string(),
                score: (why.raw / best).clamp(0.0, 1.0),
                count: t.count,
                pos: t.tag.to_string(),
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
