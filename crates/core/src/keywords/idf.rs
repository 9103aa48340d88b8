//! jieba's IDF table, from the lexicon ([`crate::lexicon`]): the words that have an IDF, sorted,
//! each with its value's index. Building it is one copy of those words (a few milliseconds);
//! a text asks about a few thousand distinct words, each a binary search. Values are jieba's
//! own to the bit (`lexicon::tests` checks every one against jieba-rs's `TfIdf`), and so is the
//! median, which jieba gives words its table lacks.

use std::fmt;

use crate::lexicon::Lexicon;
use crate::segment::is_han;

/// One word's IDF: `None` when jieba's table lacks it (the median then stands in).
pub type Lookup = Option<f64>;

pub struct Idf {
    /// The table's words, one after the other, sorted by bytes.
    words: String,
    /// Where each word ends in `words`.
    ends: Vec<u32>,
    /// Per word, an index into `values`.
    value_of: Vec<u16>,
    values: Vec<f64>,
    median: f64,
}

impl fmt::Debug for Idf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Idf")
            .field("words", &self.ends.len())
            .field("median", &self.median)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "embedded-lexicon")]
impl Default for Idf {
    fn default() -> Self {
        Self::new()
    }
}

impl Idf {
    /// The table of the lexicon built into this binary.
    #[cfg(feature = "embedded-lexicon")]
    pub fn new() -> Self {
        Self::from_lexicon(&crate::lexicon::embedded())
    }

    /// The IDF table of `lexicon` (a copy: the lexicon may be dropped after).
    pub fn from_lexicon(lexicon: &Lexicon) -> Self {
        let mut values: Vec<f64> = Vec::new();
        let mut index: crate::phrases::Map<u64, u16> = Default::default();
        let (mut words, mut ends, mut value_of) = (String::new(), Vec::new(), Vec::new());
        for (word, value) in lexicon.idf_entries() {
            let next = values.len() as u16;
            let i = *index.entry(value.to_bits()).or_insert_with(|| {
                values.push(value);
                next
            });
            words.push_str(word);
            ends.push(words.len() as u32);
            value_of.push(i);
        }
        Idf {
            words,
            ends,
            value_of,
            values,
            median: lexicon.median_idf(),
        }
    }

    /// The median IDF of jieba's table: what a word the table lacks is given.
    pub fn median(&self) -> f64 {
        self.median
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.words[start..self.ends[i] as usize]
    }

    /// One word's IDF, by binary search.
    fn get(&self, word: &str) -> Lookup {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return Some(self.values[usize::from(self.value_of[mid])])
                }
            }
        }
        None
    }

    /// The IDF of each word (`None`: not in the table). Only words of Han chars are looked
    /// up, as before the lexicon (jieba's table is almost all Han words; the keyword
    /// scores stay what they were).
    pub fn lookup(&self, words: &[&str]) -> Vec<Lookup> {
        words
            .iter()
            .map(|w| {
                if !w.is_empty() && w.chars().all(is_han) {
                    self.get(w)
                } else {
                    None
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::sync::OnceLock;

    use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TfIdf};

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
