//! Exact IDFs from jieba's own table, which jieba-rs 0.11 keeps private.
//!
//! `TfIdf` weighs a word `tf × idf / total`. Asked about a sentence that holds each of `2^k`
//! words once, segmented by a throw-away `Jieba` whose dictionary is exactly those words (so
//! each stays whole: one dictionary word always beats its pieces), it returns `idf / 2^k` for
//! every word, and multiplying by a power of two is exact: the very IDF jieba would use. The
//! table's median, which jieba uses for words it lacks, is read once from a nonsense word and
//! then replaced inside the oracle by a mark no real IDF has (`load_dict` sets the median of the
//! lines it loads), so an unknown word is told apart from a word whose IDF equals the median.
//! Answers are cached per word, the cache emptied when it grows past [`CACHE_LIMIT`].

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Mutex;

use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TfIdf};

use crate::phrases::Map;
use crate::segment::is_han;

/// Separates the probe words; a stop word of the oracle, so it is not counted.
const SEPARATOR: &str = "\n";
/// A word no IDF table holds (U+9F98 four times), for reading the median.
const NONSENSE: &str = "\u{9f98}\u{9f98}\u{9f98}\u{9f98}";
/// The oracle's median once replaced: IDFs are positive.
const UNKNOWN: f64 = -1.0;
/// Words whose IDF is remembered between analyses (about 50 bytes each).
const CACHE_LIMIT: usize = 200_000;

/// One word's IDF: `None` when jieba's table lacks it (the median then stands in).
pub type Lookup = Option<f64>;

pub struct Idf {
    oracle: TfIdf,
    median: f64,
    unknown_mark: f64,
    cache: Mutex<Map<Box<str>, Lookup>>,
}

impl fmt::Debug for Idf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Idf")
            .field("median", &self.median)
            .finish_non_exhaustive()
    }
}

impl Default for Idf {
    fn default() -> Self {
        Self::new()
    }
}

impl Idf {
    /// Loads jieba's default IDF table (slow: build once).
    pub fn new() -> Self {
        let mut oracle = TfIdf::default();
        *oracle.config_mut() = KeywordExtractConfig::builder()
            .set_stop_words(BTreeSet::from([SEPARATOR.to_string()]))
            .min_keyword_length(1)
            .use_hmm(false)
            .build();
        let mut idf = Idf {
            oracle,
            median: 0.0,
            unknown_mark: f64::NAN,
            cache: Mutex::default(),
        };
        idf.median = idf.probe(&[NONSENSE])[0].unwrap_or(0.0);
        let line = format!("{NONSENSE} {UNKNOWN}\n");
        idf.unknown_mark = match idf.oracle.load_dict(&mut line.as_bytes()) {
            Ok(()) => UNKNOWN,
            Err(_) => idf.median, // cannot happen reading memory; unknown words then read as median
        };
        idf
    }

    /// The median IDF of jieba's table: what a word the table lacks is given.
    pub fn median(&self) -> f64 {
        self.median
    }

    /// The IDF of each word (`None`: not in the table). jieba's table holds Han words only, so
    /// other words are not asked about.
    pub fn lookup(&self, words: &[&str]) -> Vec<Lookup> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let mut out: Vec<Lookup> = Vec::with_capacity(words.len());
        // Indexes into `words` (and `out`) of the words to ask jieba about.
        let mut missing: Vec<usize> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            match cache.get(*w) {
                Some(&idf) => out.push(idf),
                None => {
                    out.push(None);
                    if !w.is_empty() && w.chars().all(is_han) {
                        missing.push(i);
                    }
                }
            }
        }
        if missing.is_empty() {
            return out;
        }
        let mut asked: Vec<&str> = missing.iter().map(|&i| words[i]).collect();
        asked.sort_unstable();
        asked.dedup();
        if cache.len() + asked.len() > CACHE_LIMIT {
            cache.clear();
        }
        cache.reserve(asked.len());
        for (w, idf) in asked.iter().zip(self.probe(&asked)) {
            cache.insert((*w).into(), idf);
        }
        for i in missing {
            out[i] = cache.get(words[i]).copied().flatten();
        }
        out
    }

    /// Asks the oracle about distinct Han `words`, in chunks of a power of two words each.
    fn probe(&self, words: &[&str]) -> Vec<Lookup> {
        let mut jieba = Jieba::empty();
        for w in words {
            jieba.add_word(w, Some(2), Some("n"));
        }
        let mut found: Map<String, f64> = Map::default();
        let mut start = 0;
        while start < words.len() {
            let rest = words.len() - start;
            let size = 1usize << (usize::BITS - 1 - rest.leading_zeros());
            let chunk = &words[start..start + size];
            let got = self.ask(&jieba, chunk);
            if got.len() == chunk.len() && chunk.iter().all(|w| got.contains_key(*w)) {
                found.extend(got);
            } else {
                // Some word did not stay whole, so the total is not `size`: one at a time.
                for w in chunk {
                    found.extend(self.ask(&jieba, std::slice::from_ref(w)));
                }
            }
            start += size;
        }
        words
            .iter()
            .map(|w| {
                found
                    .get(*w)
                    .copied()
                    .filter(|&v| v != self.unknown_mark && v.is_finite() && v > 0.0)
            })
            .collect()
    }

    /// The oracle's weight × the number of words, for each word of one chunk.
    fn ask(&self, jieba: &Jieba, chunk: &[&str]) -> Map<String, f64> {
        let sentence = chunk.join(SEPARATOR);
        let scale = chunk.len() as f64;
        self.oracle
            .extract_keywords(jieba, &sentence, usize::MAX, Vec::new())
            .into_iter()
            .map(|k| (k.keyword, k.weight * scale))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn idf() -> &'static Idf {
        static I: OnceLock<Idf> = OnceLock::new();
        I.get_or_init(Idf::new)
    }

    /// jieba's own extractor on a one-word text weighs that word by its IDF (tf = total = 1).
    fn jieba_idf(word: &str) -> f64 {
        let mut tfidf = TfIdf::default();
        *tfidf.config_mut() = KeywordExtractConfig::builder()
            .set_stop_words(BTreeSet::new())
            .min_keyword_length(1)
            .build();
        let got = tfidf.extract_keywords(&Jieba::new(), word, 1, Vec::new());
        assert_eq!(got.len(), 1, "{word} must stay whole");
        got[0].weight
    }

    #[test]
    fn idfs_equal_jiebas_to_the_bit() {
        let words = ["经济", "熊猫", "的", "人工智能", "高质量", "发展", "报道"];
        // Any chunk size: 7 = 4 + 2 + 1.
        let got = idf().lookup(&words);
        for (w, v) in words.iter().zip(got) {
            assert_eq!(v, Some(jieba_idf(w)), "{w}");
        }
    }

    #[test]
    fn unknown_words_are_told_apart_from_median_ones() {
        let median = idf().median();
        assert!(median > 1.0 && median < 20.0, "{median}");
        // U+9F98 is in the dictionary as a char: jieba keeps this made-up word whole only as
        // its pieces, so compare with the median directly.
        let got = idf().lookup(&["龘龘龘", "GDP", "经济"]);
        assert_eq!(got[0], None);
        assert_eq!(got[1], None);
        assert!(got[2].is_some_and(|v| v != median));
    }

    #[test]
    fn a_word_whose_idf_is_the_median_is_known() {
        // jieba's median IDF is a value many table words share; find one through the oracle.
        let candidates = ["海鳗", "故作高深", "满勤", "课室", "利湿"];
        let got = idf().lookup(&candidates);
        let median_word = candidates
            .iter()
            .zip(&got)
            .find(|(_, v)| **v == Some(idf().median()));
        assert!(median_word.is_some(), "{got:?}");
    }
}
