//! Where a term occurs: keyword-in-context lines and how the occurrences spread over the text.
//!
//! Asked for on demand (the reader picks a word), not part of every report: a text may hold a
//! term thousands of times and the reader wants one word's lines, not every word's.

use serde::{Deserialize, Serialize};

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
    let original: Vec<char> = text.chars().collect();
    let hay = folded(text);
    let needle = folded(term.trim());
    let mut out = Contexts {
        term: needle.iter().collect(),
        text_chars: original.len(),
        dispersion: vec![0; bins],
        ..Contexts::default()
    };
    for (start, end) in occurrences(&hay, &needle) {
        out.total += 1;
        if bins > 0 {
            out.dispersion[bin_of(start, hay.len(), bins)] += 1;
        }
        if out.lines.len() < limit {
            out.lines.push(line(&original, start, end, width));
        }
    }
    out
}

/// How several terms spread over a text: each term's occurrences per equal slice of the text
/// and per article (for the dispersion plot and the article comparison).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// Length of the text in chars.
    pub text_chars: usize,
    pub terms: Vec<TermSpread>,
}

/// One term of a [`Distribution`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TermSpread {
    /// The term as asked for (trimmed).
    pub term: String,
    pub total: usize,
    /// Occurrences per equal slice of the text, start to end.
    pub bins: Vec<usize>,
    /// Occurrences per article, in the order of the `articles` spans given (empty when none).
    pub per_article: Vec<usize>,
}

/// The spread of each of `terms` over `text` in `bins` slices and over `articles` (char spans
/// `[start, end)`; an occurrence counts for the article its start falls in). Matching is that
/// of [`find`]. The text is folded once for all terms.
pub fn spread(text: &str, terms: &[String], bins: usize, articles: &[[usize; 2]]) -> Distribution {
    let hay = folded(text);
    let terms = terms
        .iter()
        .map(|term| {
            let needle = folded(term.trim());
            let mut row = TermSpread {
                term: term.trim().to_string(),
                total: 0,
                bins: vec![0; bins],
                per_article: vec![0; articles.len()],
            };
            for (start, _) in occurrences(&hay, &needle) {
                row.total += 1;
                if bins > 0 {
                    row.bins[bin_of(start, hay.len(), bins)] += 1;
                }
                if let Some(a) = articles.iter().position(|&[s, e]| s <= start && start < e) {
                    row.per_article[a] += 1;
                }
            }
            row
        })
        .collect();
    Distribution {
        text_chars: hay.len(),
        terms,
    }
}

/// The text as matched: normalised, Latin letters in lower case, one entry per char of the input.
fn folded(text: &str) -> Vec<char> {
    let fold = |c: char| {
        let c = crate::normalize::normalize_char(c);
        c.to_lowercase().next().unwrap_or(c)
    };
    text.chars().map(fold).collect()
}

/// Non-overlapping occurrences of `needle` in `hay`, left to right, as char spans.
fn occurrences<'a>(
    hay: &'a [char],
    needle: &'a [char],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        while i + needle.len() <= hay.len() {
            if hay[i..i + needle.len()] == *needle {
                let span = (i, i + needle.len());
                i = span.1;
                return Some(span);
            }
            i += 1;
        }
        None
    })
}

fn bin_of(start: usize, len: usize, bins: usize) -> usize {
    (start * bins / len.max(1)).min(bins - 1)
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
    fn spread_counts_each_term_per_slice_and_per_article() {
        let text = "古籍修复。古籍很多。\n数字化古籍。图书馆";
        let articles = [[0, 11], [11, 20]];
        let d = spread(
            text,
            &["古籍".into(), " 图书馆 ".into(), "没有".into()],
            4,
            &articles,
        );
        assert_eq!(d.text_chars, 20);
        let rows: Vec<(&str, usize, &[usize], &[usize])> = d
            .terms
            .iter()
            .map(|t| (t.term.as_str(), t.total, &t.bins[..], &t.per_article[..]))
            .collect();
        assert_eq!(
            rows,
            [
                ("古籍", 3, &[1, 1, 1, 0][..], &[2, 1][..]),
                ("图书馆", 1, &[0, 0, 0, 1][..], &[0, 1][..]),
                ("没有", 0, &[0, 0, 0, 0][..], &[0, 0][..]),
            ]
        );
        // The same counts as the contexts of each term.
        assert_eq!(find(text, "古籍", 4, 0, 4).dispersion, d.terms[0].bins);
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
