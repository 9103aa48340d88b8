//! Stage 3b: words too common to be keywords.
//!
//! The list is embedded (`data/stopwords-zh.txt`, provenance in its header) so the engine needs
//! no file system, which the browser worker does not have.

use std::collections::BTreeSet;

static STOPWORDS_ZH: &str = include_str!("../data/stopwords-zh.txt");

/// The Chinese stop words: every white-space separated word on the data file's non-comment lines.
pub fn chinese() -> BTreeSet<String> {
    parse(STOPWORDS_ZH)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_list_loads() {
        let words = chinese();
        assert!(words.len() > 800, "{}", words.len());
        for w in ["的", "我们", "进行", "表示"] {
            assert!(words.contains(w), "{w}");
        }
        assert!(!words.iter().any(|w| w.starts_with('#')));
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let set = parse("# header\n\n甲\n 乙 丙 \n#丁\n");
        let v: Vec<&str> = set.iter().map(String::as_str).collect();
        assert_eq!(v, ["丙", "乙", "甲"]);
    }
}
