//! How much text one analysis reads: a bound on memory for pastes of any size.
//!
//! Every stage holds per-char or per-token data (tokens, sentence ranges, candidate spans), and
//! jieba segments the text again inside both keyword rankings, so peak memory grows with the
//! text. Measured natively (release build, `/usr/bin/time -v wenxi analyse --json`, 64-bit,
//! dictionary and entity model included):
//!
//! | input | chars | peak resident memory, no limit | with [`MAX_CHARS`] |
//! |---|---|---|---|
//! | news text, 1 MB | 0.34 M | 146 MB | 136 MB |
//! | news text, 5 MB | 1.7 M | 349 MB | 308 MB |
//! | news text, 20 MB | 6.7 M | 888 MB | 911 MB (all read) |
//! | news text, 50 MB | 16.8 M | 2,033 MB | 1,086 MB (8 M chars read) |
//! | `a b c d …`, 5 MB (one token per char, the worst case) | 5 M | 1,070 MB | |
//! | `a b c d …`, 20 MB | 20 M | | 1,673 MB (8 M chars read) |
//!
//! So about 140 MB for the engine itself plus **~38 bytes per byte of Chinese text** (~112 bytes
//! per char), and at worst ~190 bytes per char when every char is a token of its own. The
//! browser's worker is wasm32 (at most 4 GB, in practice 1–2 GB; its pointers are half the size
//! of these 64-bit ones, so it needs less). [`MAX_CHARS`] of 8 million chars takes a 20 MB paste
//! of Chinese (6.7 M chars) whole, at about 0.9 GB natively; a longer paste stays near 1.1 GB
//! and the worst case at the limit is 1.7 GB natively. Longer texts are analysed up to a boundary
//! before the limit, and [`Coverage`] says how much was read.

use crate::report::Coverage;

/// Chars one analysis reads at most (see the module documentation for the measurements).
pub const MAX_CHARS: usize = 8_000_000;

/// How far back from the limit (as a share of it) a clean place to stop is looked for: a
/// sentence or line end, else white space. Past that, the text is cut between two chars.
const SEARCH_BACK_DIVISOR: usize = 2;

/// A bound on how much of a text one analysis reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max_chars: usize,
}

impl Default for Limit {
    fn default() -> Self {
        Limit {
            max_chars: MAX_CHARS,
        }
    }
}

/// The part of `text` to analyse under `limit`, and the coverage to report.
///
/// The whole text when it fits; otherwise the longest prefix of at most `limit.max_chars` chars
/// that ends after a sentence end or a line break, else at white space, else between two chars
/// that do not belong to one written character (not before a combining mark, a joiner or a
/// skin-tone modifier), so no word or emoji is split when it can be helped.
pub fn prefix(text: &str, limit: Limit) -> (&str, Coverage) {
    let mut total = 0;
    // Byte offset of the first char past the limit, if there is one.
    let mut cut_at = None;
    for (i, (byte, _)) in text.char_indices().enumerate() {
        if i == limit.max_chars {
            cut_at = Some(byte);
        }
        total = i + 1;
    }
    let Some(end) = cut_at else {
        return (
            text,
            Coverage {
                total_chars: total,
                analysed_chars: total,
                stopped: None,
            },
        );
    };
    let back = (limit.max_chars / SEARCH_BACK_DIVISOR).max(1);
    let kept = &text[..clean_end(text, end, back)];
    let analysed = kept.chars().count();
    let coverage = Coverage {
        total_chars: total,
        analysed_chars: analysed,
        stopped: Some(format!(
            "The text is longer than the {} characters one analysis reads, so only its first \
             {analysed} of {total} characters were analysed.",
            limit.max_chars
        )),
    };
    (kept, coverage)
}

/// Ends a sentence for this purpose: the terminators of [`crate::stats`] and line breaks.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '\n' | '\r' | '\u{2028}' | '\u{2029}'
    )
}

/// Chars that belong to the char before them, so a cut must not fall just before them.
fn continues_previous(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
        || matches!(c, '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}')
        || matches!(c, '\u{e0020}'..='\u{e007f}' | '\u{e0100}'..='\u{e01ef}')
}

/// Byte length of the best prefix of `text[..end]`, looking back at most `back` chars from
/// `end` (a char boundary before the end of `text`).
fn clean_end(text: &str, end: usize, back: usize) -> usize {
    let head = &text[..end];
    let window = || head.char_indices().rev().take(back);
    let after = |(byte, c): (usize, char)| byte + c.len_utf8();
    if let Some(found) = window().find(|&(_, c)| ends_sentence(c)) {
        return after(found);
    }
    if let Some(found) = window().find(|&(_, c)| c.is_whitespace()) {
        return after(found);
    }
    // Between two chars of one written character is no place to stop. Such runs are short in
    // any real text, so this looks back as far as it takes.
    let splits = |at: usize| {
        text[at..].chars().next().is_some_and(continues_previous)
            || head[..at].ends_with('\u{200d}')
    };
    std::iter::once(end)
        .chain(head.char_indices().rev().map(|(byte, _)| byte))
        .find(|&at| at > 0 && !splits(at))
        .unwrap_or(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, max_chars: usize) -> (&str, Coverage) {
        prefix(text, Limit { max_chars })
    }

    #[test]
    fn short_texts_are_read_whole() {
        for s in ["", "好", "一二三。四五六"] {
            let (kept, c) = cut(s, 7);
            assert_eq!(kept, s);
            assert_eq!(c.total_chars, s.chars().count());
            assert_eq!(c.analysed_chars, c.total_chars);
            assert!(c.stopped.is_none());
        }
    }

    #[test]
    fn long_texts_stop_after_a_sentence() {
        let (kept, c) = cut("第一句话。第二句话很长很长", 8);
        assert_eq!(kept, "第一句话。");
        assert_eq!((c.analysed_chars, c.total_chars), (5, 13));
        assert!(c.stopped.is_some_and(|s| s.contains("5 of 13")));
        // Too far back: cut at white space or at the limit instead.
        let (kept, _) = cut("第一句。第二句话很长很长", 10);
        assert_eq!(kept.chars().count(), 10);
    }

    #[test]
    fn white_space_when_there_is_no_sentence_end() {
        let (kept, _) = cut("alpha beta gamma delta", 13);
        assert_eq!(kept, "alpha beta ");
    }

    #[test]
    fn never_inside_a_written_character() {
        // e + two combining acute accents, then a family emoji joined by ZWJs.
        let text = "xe\u{301}\u{301}👨\u{200d}👩\u{200d}👧y";
        for max in 1..text.chars().count() {
            let (kept, c) = cut(text, max);
            assert!(kept.chars().count() <= max);
            assert_eq!(c.analysed_chars, kept.chars().count());
            let next = text[kept.len()..].chars().next();
            assert!(
                next.is_some_and(|n| !continues_previous(n)),
                "cut before {next:?} at {max}"
            );
            assert!(!kept.ends_with('\u{200d}'), "cut after a joiner at {max}");
        }
    }

    #[test]
    fn a_run_without_breaks_is_cut_at_the_limit() {
        let text = "字".repeat(100);
        let (kept, c) = cut(&text, 40);
        assert_eq!(kept.chars().count(), 40);
        assert_eq!(c.total_chars, 100);
    }
}
