//! Where a term occurs: keyword-in-context lines and how the occurrences spread over the text.
//!
//! Asked for on demand (the reader picks a word), not part of every report: a text may hold a
//! term thousands of times and the reader wants one word's lines, not every word's.

use serde::{Deserialize, Serialize};

use crate::normalize::Normalized;

/// The occurrences of one term.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contexts {
    /// The term as searched (normalised).
    pub term: String,
    /// All occurrences, whether or not listed in `lines`.
    pub total: usize,
    /// The first occurrences with their context, at most the limit asked for.
    pub lines: Vec<ContextLine>,
    /// Occurrences per equal slice of the text, from its start to its end (a dispersion plot).
    pub dispersion: Vec<usize>,
    /// Length of the text in chars, the scale of the spans.
    pub text_chars: usize,
}

/// One occurrence: `left` + `matched` + `right` is a stretch of the text on one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextLine {
    /// Char span of the occurrence in the text.
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub matched: String,
    pub right: String,
}

/// The occurrences of `term` in `text`, each with up to `width` chars of context on each side
/// (never crossing a line break), the first `limit` of them listed, and a dispersion over
/// `bins` slices. Matching is on the normalised text (full-width and half-width forms match)
/// and ignores the case of Latin letters; the lines show the text's own characters.
pub fn find(text: &str, term: &str, width: usize, limit: usize, bins: usize) -> Contexts {
    let fold = |c: char| {
        let c = crate::normalize::normalize_char(c);
        c.to_lowercase().next().unwrap_or(c)
    };
    let original: Vec<char> = text.chars().collect();
    let hay: Vec<char> = Normalized::new(text).text.chars().map(fold).collect();
    let needle: Vec<char> = term.trim().chars().map(fold).collect();
    let mut out = Contexts {
        term: needle.iter().collect(),
        text_chars: original.len(),
        dispersion: vec![0; bins],
        ..Contexts::default()
    };
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            let (start, end) = (i, i + needle.len());
            out.total += 1;
            if bins > 0 {
                let bin = (start * bins / hay.len()).min(bins - 1);
                out.dispersion[bin] += 1;
            }
            if out.lines.len() < limit {
                out.lines.push(line(&original, start, end, width));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn line(chars: &[char], start: usize, end: usize, width: usize) -> ContextLine {
    let breaks = |c: &char| matches!(c, '\n' | '\r');
    let mut from = start.saturating_sub(width);
    if let Some(p) = chars[from..start].iter().rposition(breaks) {
        from += p + 1;
    }
    let mut to = (end + width).min(chars.len());
    if let Some(p) = chars[end..to].iter().position(breaks) {
        to = end + p;
    }
    ContextLine {
        start,
        end,
        left: chars[from..start].iter().collect(),
        matched: chars[start..end].iter().collect(),
        right: chars[end..to].iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_show_context_without_crossing_lines() {
        let text = "第一行说古籍。\n古籍修复很难，古籍数字化更难。\n最后";
        let c = find(text, "古籍", 4, 10, 4);
        assert_eq!(c.total, 3);
        let shown: Vec<(&str, &str, &str)> = c
            .lines
            .iter()
            .map(|l| (l.left.as_str(), l.matched.as_str(), l.right.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("第一行说", "古籍", "。"),
                ("", "古籍", "修复很难"),
                ("复很难，", "古籍", "数字化更"),
            ]
        );
        assert_eq!(c.dispersion.iter().sum::<usize>(), 3);
    }

    #[test]
    fn matching_folds_width_and_case_but_shows_the_original() {
        let text = "ＧＤＰ增长，gdp 下降，GDP 持平";
        let c = find(text, "GDP", 2, 10, 3);
        assert_eq!(c.total, 3);
        assert_eq!(c.lines[0].matched, "ＧＤＰ");
        assert_eq!(c.lines[1].matched, "gdp");
    }

    #[test]
    fn limit_bounds_the_lines_not_the_count() {
        let text = "好".repeat(1000);
        let c = find(&text, "好好", 3, 5, 10);
        assert_eq!(c.total, 500);
        assert_eq!(c.lines.len(), 5);
        assert_eq!(c.dispersion, vec![50; 10]);
    }

    #[test]
    fn nothing_to_find() {
        assert_eq!(find("", "词", 5, 5, 5).total, 0);
        assert_eq!(find("有词", "", 5, 5, 5).total, 0);
        assert_eq!(find("有词", "没有的词语", 5, 5, 5).total, 0);
        assert!(find("有词", "词", 5, 5, 0).dispersion.is_empty());
    }
}
