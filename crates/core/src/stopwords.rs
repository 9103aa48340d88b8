//! Stage 3b: words too common to be keywords.
//!
//! Two lists are embedded (`data/stopwords-zh.txt` and `data/stopwords-en.txt`, provenance and
//! licences in their headers) so the engine needs no file system, which the browser worker does
//! not have. Latin words are compared in lower case ([`fold`]): `The`, `THE` and `the` are one
//! stop word, and `GDP`, `gdp` one keyword.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};
use std::hash::BuildHasherDefault;

use crate::normalize::normalize_char;
use crate::phrases::FxHasher;
use crate::segment::is_han;

static STOPWORDS_ZH: &str = include_str!("../data/stopwords-zh.txt");
static STOPWORDS_EN: &str = include_str!("../data/stopwords-en.txt");

/// The Chinese stop words: every white-space separated word on the data file's non-comment lines.
pub fn chinese() -> BTreeSet<String> {
    parse(STOPWORDS_ZH)
}

/// The English stop words, in lower case.
pub fn english() -> BTreeSet<String> {
    parse(STOPWORDS_EN)
}

/// Parses a stop-word list: `#` starts a comment line, words are separated by white space.
pub fn parse(list: &str) -> BTreeSet<String> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
}

/// The form a word is compared in: lower case when it has no Han character (Latin words are
/// written in any case), otherwise the word itself (lower-casing never changes Han text, and
/// skipping it saves an allocation per word).
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.chars().any(is_han) || !word.chars().any(char::is_uppercase) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// A word as the user typed it, in the form the engine compares: trimmed, normalised like the
/// text (full-width letters become ASCII), folded.
fn user_word(word: &str) -> String {
    let normal: String = word.trim().chars().map(normalize_char).collect();
    fold(&normal).into_owned()
}

/// The built-in stop words of both languages, folded.
#[derive(Debug, Clone)]
pub struct StopWords {
    /// Hashed: the keyword stage asks about every distinct word of a text.
    words: HashSet<String, BuildHasherDefault<FxHasher>>,
}

impl Default for StopWords {
    fn default() -> Self {
        Self::builtin()
    }
}

impl StopWords {
    /// Chinese and English lists together.
    pub fn builtin() -> Self {
        let words = chinese()
            .into_iter()
            .chain(english())
            .map(|w| fold(&w).into_owned())
            .collect();
        StopWords { words }
    }

    /// True when `word` (any case for Latin words) is a built-in stop word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(fold(word).as_ref())
    }

    /// The list for one analysis: the user's `extra` words added, the built-in ones in
    /// `removed` taken out.
    pub fn edited(&self, extra: &[String], removed: &[String]) -> EditedStopWords<'_> {
        self.edited_with(true, extra, removed)
    }

    /// Like [`StopWords::edited`]; with `builtin` false only the user's `extra` words stop (the
    /// reader turned the built-in lists off to see every word ranked).
    pub fn edited_with(
        &self,
        builtin: bool,
        extra: &[String],
        removed: &[String],
    ) -> EditedStopWords<'_> {
        let clean = |list: &[String]| -> BTreeSet<String> {
            list.iter()
                .map(|w| user_word(w))
                .filter(|w| !w.is_empty())
                .collect()
        };
        EditedStopWords {
            builtin: self,
            use_builtin: builtin,
            extra: clean(extra),
            removed: clean(removed),
        }
    }
}

/// The built-in stop words with one analysis's additions and removals.
#[derive(Debug, Clone)]
pub struct EditedStopWords<'a> {
    builtin: &'a StopWords,
    use_builtin: bool,
    extra: BTreeSet<String>,
    removed: BTreeSet<String>,
}

impl EditedStopWords<'_> {
    /// True when `word` is a stop word for this analysis.
    pub fn contains(&self, word: &str) -> bool {
        self.contains_folded(&fold(word))
    }

    /// Like [`EditedStopWords::contains`], for a word already [`fold`]ed.
    pub fn contains_folded(&self, folded: &str) -> bool {
        if !self.extra.is_empty() && self.extra.contains(folded) {
            return true;
        }
        self.use_builtin
            && self.builtin.words.contains(folded)
            && (self.removed.is_empty() || !self.removed.contains(folded))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load() {
        let words = chinese();
        assert!(words.len() > 800, "{}", words.len());
        for w in ["的", "我们", "进行", "表示"] {
            assert!(words.contains(w), "{w}");
        }
        assert!(!words.iter().any(|w| w.starts_with('#')));
        let en = english();
        assert!(en.len() > 150, "{}", en.len());
        assert!(en
            .iter()
            .all(|w| w.to_lowercase() == *w && !w.starts_with('#')));
    }

    /// The English list replaces jieba's short default list, so it must hold all of it.
    #[test]
    fn english_list_covers_jiebas_default() {
        let en = english();
        for w in jieba_rs::DEFAULT_STOP_WORDS.iter() {
            assert!(en.contains(w), "{w}");
        }
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let set = parse("# header\n\n甲\n 乙 丙 \n#丁\n");
        let v: Vec<&str> = set.iter().map(String::as_str).collect();
        assert_eq!(v, ["丙", "乙", "甲"]);
    }

    #[test]
    fn latin_words_match_in_any_case() {
        let stop = StopWords::builtin();
        for w in ["the", "The", "THE", "ＴＨＥ"] {
            let normal: String = w.chars().map(normalize_char).collect();
            assert!(stop.contains(&normal), "{w}");
        }
        assert!(!stop.contains("GDP"));
        assert_eq!(fold("iPhone"), "iphone");
        assert_eq!(fold("B超"), "B超");
    }

    #[test]
    fn user_edits_apply_to_one_list_only() {
        let stop = StopWords::builtin();
        let edited = stop.edited(
            &[" GDP ".into(), "熊猫".into()],
            &["The".into(), "我们".into()],
        );
        for w in ["gdp", "Gdp", "熊猫", "的"] {
            assert!(edited.contains(w), "{w}");
        }
        for w in ["the", "THE", "我们", "熊猫基地"] {
            assert!(!edited.contains(w), "{w}");
        }
        assert!(stop.contains("我们") && stop.contains("the"));
    }
}
