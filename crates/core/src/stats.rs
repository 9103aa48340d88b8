//! Stage 3a: counts a reader cares about (length, sentences, reading time).

use std::collections::BTreeSet;

use crate::report::Stats;
use crate::segment::{is_han, Token, TokenKind};

/// Characters that end a sentence. Line breaks end sentences too.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '\n' | '\r'
    )
}

/// Counts sentences: text between terminators that holds at least one letter, digit or Han
/// character. So `“好。”` is one sentence, and `？！` or `……` do not add empty ones.
pub fn count_sentences(text: &str) -> usize {
    sentence_ranges(text).len()
}

/// The sentences of `text` as char ranges (each ends after its terminator), counted as
/// [`count_sentences`] counts them: pieces without a letter, digit or Han character are not
/// sentences.
pub fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut has_content = false;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        n = i + 1;
        if is_terminator(c) {
            if has_content {
                ranges.push(start..i + 1);
            }
            start = i + 1;
            has_content = false;
        } else if c.is_alphanumeric() {
            has_content = true;
        }
    }
    if has_content {
        ranges.push(start..n);
    }
    ranges
}

/// Non-empty lines (lines holding something other than white space).
pub fn count_paragraphs(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).count()
}

/// Reading time: Han characters at 300 a minute (0.2 s each) plus other word tokens at 200 a
/// minute (0.3 s each), rounded up to whole seconds. Worked in tenths of a second to stay exact.
pub fn reading_seconds(han: usize, other_words: usize) -> u32 {
    let tenths = (han as u64)
        .saturating_mul(2)
        .saturating_add((other_words as u64).saturating_mul(3));
    u32::try_from(tenths.div_ceil(10)).unwrap_or(u32::MAX)
}

/// All statistics of the (normalised) text and its tokens.
pub fn compute(text: &str, tokens: &[Token]) -> Stats {
    let characters = text.chars().filter(|c| !c.is_whitespace()).count();
    let han_characters = text.chars().filter(|&c| is_han(c)).count();
    let words: Vec<&Token> = tokens.iter().filter(|t| t.kind.is_word()).collect();
    let unique_words = words
        .iter()
        .map(|t| t.text.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    let non_han_words = words.iter().filter(|t| t.kind != TokenKind::Word).count();
    Stats {
        characters,
        han_characters,
        words: words.len(),
        unique_words,
        sentences: count_sentences(text),
        paragraphs: count_paragraphs(text),
        reading_seconds: reading_seconds(han_characters, non_han_words),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::kind_of;

    fn toks(words: &[&str]) -> Vec<Token> {
        let mut pos = 0;
        words
            .iter()
            .map(|w| {
                let start = pos;
                pos += w.chars().count();
                Token {
                    text: w.to_string(),
                    pos: "x".into(),
                    start,
                    end: pos,
                    kind: kind_of(w),
                }
            })
            .collect()
    }

    #[test]
    fn sentences() {
        assert_eq!(count_sentences(""), 0);
        assert_eq!(count_sentences("你好。"), 1);
        assert_eq!(count_sentences("你好。再见"), 2);
        assert_eq!(count_sentences("真的？！是的……"), 2);
        assert_eq!(count_sentences("“好。”他说。"), 2);
        assert_eq!(count_sentences("第一行\n第二行\n\n"), 2);
        assert_eq!(count_sentences("Hi! OK? yes; no"), 4);
        assert_eq!(count_sentences("。。！"), 0);
    }

    #[test]
    fn paragraphs() {
        assert_eq!(count_paragraphs("a\n\n  \nb\r\nc"), 3);
        assert_eq!(count_paragraphs(""), 0);
        assert_eq!(count_paragraphs("\n\n"), 0);
    }

    #[test]
    fn reading_time() {
        assert_eq!(reading_seconds(0, 0), 0);
        assert_eq!(reading_seconds(300, 0), 60);
        assert_eq!(reading_seconds(0, 200), 60);
        assert_eq!(reading_seconds(1, 0), 1); // 0.2 s rounds up
        assert_eq!(reading_seconds(5, 1), 2); // 1.0 + 0.3
    }

    #[test]
    fn computed_by_hand() {
        let text = "我 爱 AI，2024。";
        let t = toks(&["我", " ", "爱", " ", "AI", "，", "2024", "。"]);
        let s = compute(text, &t);
        assert_eq!(s.characters, 10);
        assert_eq!(s.han_characters, 2);
        assert_eq!(s.words, 4);
        assert_eq!(s.unique_words, 4);
        assert_eq!(s.sentences, 1);
        assert_eq!(s.paragraphs, 1);
        assert_eq!(s.reading_seconds, 1); // 0.4 + 0.6 = 1.0
    }

    #[test]
    fn repeated_words_are_unique_once() {
        let t = toks(&["好", "好", "好"]);
        let s = compute("好好好", &t);
        assert_eq!((s.words, s.unique_words), (3, 1));
    }

    #[test]
    fn sentence_ranges_cover_each_sentence_with_its_terminator() {
        let text = "甲说：“好。”乙？！\n\n丙";
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = sentence_ranges(text)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect();
        assert_eq!(got, ["甲说：“好。", "”乙？", "丙"]);
        assert_eq!(count_sentences(text), 3);
    }
}
