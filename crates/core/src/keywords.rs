//! Stage 4: keywords, ranked two ways (TF-IDF and TextRank) over the same segmentation.
//!
//! jieba's extractors do the ranking; this stage chooses the candidates (content-word tags, no
//! stop words, at least two chars), normalises the scores so the best is 1.0 and counts each term
//! among our own tokens, so a keyword's count always agrees with what the reader can find.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TextRank, TfIdf, DEFAULT_STOP_WORDS};

use crate::normalize::normalize_char;
use crate::report::Keyword;
use crate::segment::Token;
use crate::stopwords;

/// Tags that may be keywords: nouns and proper names (`n nr nrt nrfg ns nt nz nw ng`), verbal
/// and adjectival nouns (`vn an`), verbs (`v`: news topics are often actions such as 投产, 降息),
/// Latin words (`eng`), idioms and fixed phrases (`i l`) and abbreviations (`j`). Left out:
/// numerals, measure words, time words, pronouns, adverbs, adjectives and function words, which
/// describe rather than name what a text is about.
pub const CANDIDATE_POS: [&str; 16] = [
    "n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nw", "ng", "vn", "an", "v", "eng", "i", "l", "j",
];

/// TextRank's co-occurrence window, in tokens (jieba's default).
const TEXTRANK_SPAN: usize = 5;

/// Both rankings of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rankings {
    pub tfidf: Vec<Keyword>,
    pub textrank: Vec<Keyword>,
}

/// Ranks keywords; holds jieba's IDF table, so build it once.
#[derive(Debug)]
pub struct KeywordRanker {
    stop_words: BTreeSet<String>,
    tfidf: TfIdf,
    textrank: TextRank,
}

impl Default for KeywordRanker {
    fn default() -> Self {
        Self::new()
    }
}

impl KeywordRanker {
    pub fn new() -> Self {
        let mut stop_words = stopwords::chinese();
        stop_words.extend(DEFAULT_STOP_WORDS.iter().cloned());
        let config = Self::config(stop_words.clone());
        let mut tfidf = TfIdf::default();
        *tfidf.config_mut() = config.clone();
        KeywordRanker {
            stop_words,
            tfidf,
            textrank: TextRank::new(TEXTRANK_SPAN, config),
        }
    }

    fn config(stop_words: BTreeSet<String>) -> KeywordExtractConfig {
        KeywordExtractConfig::builder()
            .set_stop_words(stop_words)
            .use_hmm(true)
            .min_keyword_length(2)
            .build()
    }

    /// True when `word` is one of the built-in stop words.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// Ranks the keywords of `text` (already normalised, segmented into `tokens` with HMM on).
    /// `extra_stopwords` are the user's own, added to the built-in list for this call.
    pub fn rank(
        &self,
        jieba: &Jieba,
        text: &str,
        tokens: &[Token],
        top_k: usize,
        extra_stopwords: &[String],
    ) -> Rankings {
        if top_k == 0 || text.trim().is_empty() {
            return Rankings::default();
        }
        let extra: BTreeSet<String> = extra_stopwords
            .iter()
            .map(|w| w.trim().chars().map(normalize_char).collect::<String>())
            .filter(|w| !w.is_empty())
            .collect();
        let counts = count_tokens(tokens);
        let pos: Vec<String> = CANDIDATE_POS.iter().map(|p| p.to_string()).collect();

        // TF-IDF of a term does not depend on the other candidates once scores are divided by
        // the best one, so the user's stop words can simply be filtered out afterwards.
        let tfidf = self
            .tfidf
            .extract_keywords(jieba, text, usize::MAX, pos.clone());
        // TextRank's graph does depend on them: rank with a ranker that knows them.
        let textrank = if extra.is_empty() {
            self.textrank.extract_keywords(jieba, text, usize::MAX, pos)
        } else {
            let mut words = self.stop_words.clone();
            words.extend(extra.iter().cloned());
            TextRank::new(TEXTRANK_SPAN, Self::config(words)).extract_keywords(
                jieba,
                text,
                usize::MAX,
                pos,
            )
        };
        // A word jieba's dictionary does not know was guessed by the HMM. Seen once, such a
        // guess is usually a fragment (两到, 由县) that TF-IDF would rank high for being rare;
        // seen twice or more, it is more likely a real new word (a name, a term of the text).
        let plausible = |k: &jieba_rs::Keyword| {
            jieba.has_word(&k.keyword) || counts.get(k.keyword.as_str()).is_some_and(|&n| n >= 2)
        };
        let tfidf = tfidf.into_iter().filter(plausible).collect();
        let textrank = textrank.into_iter().filter(plausible).collect();
        Rankings {
            tfidf: finish(tfidf, &counts, &extra, top_k),
            textrank: finish(textrank, &counts, &extra, top_k),
        }
    }
}

/// Occurrences of each token text.
fn count_tokens(tokens: &[Token]) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for t in tokens {
        *counts.entry(t.text.as_str()).or_insert(0) += 1;
    }
    counts
}

/// Filters, sorts (weight, then count, then term), truncates and normalises one ranking.
fn finish(
    raw: Vec<jieba_rs::Keyword>,
    counts: &BTreeMap<&str, usize>,
    extra: &BTreeSet<String>,
    top_k: usize,
) -> Vec<Keyword> {
    let mut ranked: Vec<(f64, Keyword)> = raw
        .into_iter()
        .filter(|k| k.weight.is_finite() && k.weight > 0.0)
        .filter(|k| k.keyword.chars().any(char::is_alphabetic))
        .filter(|k| !extra.contains(&k.keyword) && !extra.contains(&k.keyword.to_lowercase()))
        .map(|k| {
            let count = counts.get(k.keyword.as_str()).copied().unwrap_or(0);
            let keyword = Keyword {
                term: k.keyword,
                score: 0.0,
                count,
                pos: k.tag,
                why: Default::default(),
            };
            (k.weight, keyword)
        })
        .collect();
    ranked.sort_by(|(wa, a), (wb, b)| {
        wb.total_cmp(wa)
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| a.term.cmp(&b.term))
    });
    ranked.truncate(top_k);
    let best = ranked.first().map_or(1.0, |(w, _)| *w);
    ranked
        .into_iter()
        .map(|(w, mut k)| {
            k.score = (w / best).clamp(0.0, 1.0);
            k
        })
        .collect()
}

/// Orders keywords as the rankings do; exposed for callers that merge lists.
pub fn by_score(a: &Keyword, b: &Keyword) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| b.count.cmp(&a.count))
        .then_with(|| a.term.cmp(&b.term))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use std::sync::OnceLock;

    fn fixture() -> &'static (Jieba, KeywordRanker) {
        static F: OnceLock<(Jieba, KeywordRanker)> = OnceLock::new();
        F.get_or_init(|| (Jieba::new(), KeywordRanker::new()))
    }

    fn rank(text: &str, top_k: usize, extra: &[&str]) -> Rankings {
        let (jieba, ranker) = fixture();
        let tokens = segment(jieba, text);
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        ranker.rank(jieba, text, &tokens, top_k, &extra)
    }

    const TEXT: &str = "熊猫基地今天迎来两只熊猫幼崽。熊猫基地的饲养员说，幼崽很健康。\
                        游客可以在熊猫基地看到幼崽，但我们进行了限流。";

    #[test]
    fn scores_are_normalised_and_sorted() {
        let r = rank(TEXT, 50, &[]);
        for list in [&r.tfidf, &r.textrank] {
            assert!(!list.is_empty());
            assert_eq!(list[0].score, 1.0);
            for w in list.windows(2) {
                assert!(by_score(&w[0], &w[1]) != Ordering::Greater);
                assert!(w[1].score <= w[0].score);
            }
            assert!(list.iter().all(|k| (0.0..=1.0).contains(&k.score)));
            assert!(list
                .iter()
                .all(|k| k.count >= 1 && k.term.chars().count() >= 2));
        }
    }

    #[test]
    fn stop_words_and_short_terms_never_rank() {
        let r = rank(TEXT, 50, &[]);
        for k in r.tfidf.iter().chain(&r.textrank) {
            assert!(
                !["我们", "进行", "可以"].contains(&k.term.as_str()),
                "{}",
                k.term
            );
        }
    }

    #[test]
    fn extra_stop_words_are_removed() {
        let before = rank(TEXT, 50, &[]);
        assert!(before.tfidf.iter().any(|k| k.term == "熊猫"));
        let after = rank(TEXT, 50, &["熊猫"]);
        assert!(!after
            .tfidf
            .iter()
            .chain(&after.textrank)
            .any(|k| k.term == "熊猫"));
        assert_eq!(after.tfidf[0].score, 1.0);
    }

    #[test]
    fn a_word_guessed_once_is_not_a_keyword_but_one_seen_twice_is() {
        let (jieba, _) = fixture();
        let once = "记者来到新疆，看到梭梭林成片。";
        let r = rank(once, 50, &[]);
        for k in r.tfidf.iter().chain(&r.textrank) {
            assert!(
                jieba.has_word(&k.term) || k.count >= 2,
                "{} ({}) is neither in the dictionary nor repeated",
                k.term,
                k.count
            );
        }
        // A name the dictionary does not have, written twice, ranks.
        let twice = "记者采访了苗翠翠。苗翠翠说，今年的棉花长得很好。";
        let tokens = segment(jieba, twice);
        let guessed: Vec<&str> = tokens
            .iter()
            .map(|t| t.text.as_str())
            .filter(|w| w.chars().count() >= 2 && !jieba.has_word(w))
            .collect();
        assert!(!guessed.is_empty(), "the example must hold a guessed word");
        let r = rank(twice, 50, &[]);
        for word in guessed {
            if twice.matches(word).count() >= 2 {
                assert!(
                    r.tfidf.iter().any(|k| k.term == word),
                    "{word} in {:?}",
                    r.tfidf
                );
            }
        }
    }

    #[test]
    fn top_k_truncates() {
        assert_eq!(rank(TEXT, 3, &[]).tfidf.len(), 3);
        assert!(rank(TEXT, 0, &[]).tfidf.is_empty());
    }

    #[test]
    fn digits_and_punctuation_never_rank() {
        let r = rank("2024 2024 2024 ！！ 12.5 100% abc abc", 50, &[]);
        for k in r.tfidf.iter().chain(&r.textrank) {
            assert!(k.term.chars().any(char::is_alphabetic), "{}", k.term);
        }
    }

    #[test]
    fn empty_text_has_no_keywords() {
        assert_eq!(rank("", 50, &[]), Rankings::default());
        assert_eq!(rank("   \n", 50, &[]), Rankings::default());
    }
}
