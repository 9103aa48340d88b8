//! Stage 2: segmentation into typed tokens.
//!
//! jieba tags the normalised text (HMM on, so unseen names still come out as one word). Each token
//! keeps its char span, which indexes the normalised text and the input alike (see
//! [`crate::normalize`]), and a [`TokenKind`] so later stages need not re-inspect characters.

use jieba_rs::Jieba;

/// What a token is, as far as counting and filtering care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Contains a Han character.
    Word,
    /// Digits, possibly with `.`, `,`, `%` (e.g. `3.5`, `38%`).
    Number,
    /// Letters/digits from other scripts (`AI`, `GDP2`, `Привет`).
    Latin,
    /// Punctuation and symbols (emoji included): nothing a reader counts as a word.
    Punctuation,
    Whitespace,
}

impl TokenKind {
    /// Words, numbers and Latin words count as words; punctuation and white space do not.
    pub fn is_word(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Number | TokenKind::Latin)
    }
}

/// One segment of the normalised text.
///
/// The word borrows the text and the tag borrows the segmenter (`'a` is the shorter of the
/// two): a token owns no heap memory, so making and dropping the million or so of 5 MB of text
/// costs no allocation (two per token when both were `String`s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// jieba/ICTCLAS part-of-speech tag (`x` for punctuation and white space).
    pub pos: &'a str,
    /// Char span `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token<'_> {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// True for CJK ideographs (the basic block and its extensions, plus compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

/// Classifies a token's text.
pub fn kind_of(text: &str) -> TokenKind {
    if !text.is_empty() && text.chars().all(char::is_whitespace) {
        return TokenKind::Whitespace;
    }
    if text.chars().any(is_han) {
        return TokenKind::Word;
    }
    if !text.chars().any(char::is_alphanumeric) {
        return TokenKind::Punctuation;
    }
    let numeric = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '‰' | '+' | '-'));
    if numeric {
        TokenKind::Number
    } else {
        TokenKind::Latin
    }
}

/// Segments `normalized` into tokens covering it exactly, in order.
///
/// jieba's tokens are expected to tile the text; should they ever leave a gap, the gap becomes
/// a token of its own so that concatenation always gives the text back.
pub fn segment<'a>(jieba: &'a Jieba, normalized: &'a str) -> Vec<Token<'a>> {
    let tags = jieba.tag(normalized, true);
    // One token per tag, and rarely a gap or two: sized once rather than grown by doubling.
    let mut tokens = Vec::with_capacity(tags.len() + 1);
    let mut byte_pos = 0;
    let mut char_pos = 0;
    for tag in tags {
        if tag.byte_start < byte_pos || tag.byte_end > normalized.len() {
            continue; // overlapping or out of range: never expected, never trusted
        }
        if tag.byte_start > byte_pos {
            if let Some(gap) = normalized.get(byte_pos..tag.byte_start) {
                char_pos = push(&mut tokens, gap, "x", char_pos);
            }
        }
        if let Some(word) = normalized.get(tag.byte_start..tag.byte_end) {
            if !word.is_empty() {
                char_pos = push(&mut tokens, word, tag.tag, char_pos);
            }
        }
        byte_pos = tag.byte_end;
    }
    if let Some(rest) = normalized.get(byte_pos..) {
        if !rest.is_empty() {
            push(&mut tokens, rest, "x", char_pos);
        }
    }
    tokens
}

fn push<'a>(tokens: &mut Vec<Token<'a>>, text: &'a str, pos: &'a str, start: usize) -> usize {
    let end = start + text.chars().count();
    tokens.push(Token {
        text,
        pos,
        start,
        end,
        kind: kind_of(text),
    });
    end
}

/// Tokens written by hand as `word/pos` pairs separated by single spaces, for tests of the
/// stages after segmentation: returns the text's chars and its tokens.
#[cfg(test)]
pub(crate) fn tokens_from_spec(spec: &str) -> (Vec<char>, Vec<Token<'_>>) {
    let mut pos = 0;
    let mut text = String::new();
    let tokens = spec
        .split(' ')
        .map(|wp| {
            let (w, p) = wp.rsplit_once('/').unwrap_or((wp, "x"));
            text.push_str(w);
            let start = pos;
            pos += w.chars().count();
            Token {
                text: w,
                pos: p,
                start,
                end: pos,
                kind: kind_of(w),
            }
        })
        .collect();
    (text.chars().collect(), tokens)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn jieba() -> &'static Jieba {
        static J: OnceLock<Jieba> = OnceLock::new();
        J.get_or_init(Jieba::new)
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of("北京"), TokenKind::Word);
        assert_eq!(kind_of("2024"), TokenKind::Number);
        assert_eq!(kind_of("38%"), TokenKind::Number);
        assert_eq!(kind_of("GDP"), TokenKind::Latin);
        assert_eq!(kind_of("，"), TokenKind::Punctuation);
        assert_eq!(kind_of("😀"), TokenKind::Punctuation);
        assert_eq!(kind_of(" \t"), TokenKind::Whitespace);
        assert_eq!(kind_of("\u{3000}"), TokenKind::Whitespace);
    }

    #[test]
    fn tokens_tile_the_text() {
        for s in [
            "我们在北京。",
            "a  b\tc",
            "😀🎉中文ＡＢ",
            "<p>你好</p>",
            "\u{0}\u{1f}x",
            "",
        ] {
            let toks = segment(jieba(), s);
            let joined: String = toks.iter().map(|t| t.text).collect();
            assert_eq!(joined, s);
            let mut pos = 0;
            for t in &toks {
                assert_eq!(t.start, pos);
                assert_eq!(t.len(), t.text.chars().count());
                pos = t.end;
            }
            assert_eq!(pos, s.chars().count());
        }
    }

    #[test]
    fn tags_come_from_jieba() {
        let toks = segment(jieba(), "武汉举行大会");
        assert!(toks.iter().any(|t| t.text == "武汉" && t.pos == "ns"));
    }
}
