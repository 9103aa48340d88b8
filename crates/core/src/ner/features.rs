//! Features of each char: what the model looks at, hashed into a fixed number of buckets.
//!
//! Hashing keeps the model file a fixed, small size whatever the vocabulary, and needs no
//! feature dictionary at run time. The hash is FNV-1a over a byte stream defined here (not
//! `std`'s hasher), so the same text gives the same buckets natively and in wasm. Any change
//! to the templates below must bump [`TEMPLATE_VERSION`]: a model is only valid with the
//! templates it was trained with.

use jieba_rs::Jieba;

use super::lexicon;
use crate::segment::{Token, TokenKind};

/// Version of the feature templates; stored in the model file and checked on load.
pub const TEMPLATE_VERSION: u16 = 1;

/// Features per char (every template fires exactly once, possibly with a "none" value).
pub const PER_CHAR: usize = 23;

/// Padding outside the chunk.
const BOS: char = '\u{2}';
const EOS: char = '\u{3}';

/// The jieba word a char lies in, as the features need it.
#[derive(Debug, Clone, Copy)]
pub struct CharWord {
    /// Index into the text's tokens; `None` if the tokens did not cover this char.
    tok: Option<usize>,
    /// B, M, E or S: the char's place in its word.
    bmes: u8,
    in_dict: bool,
    /// The organisation ending the word ends with ("" if none).
    org: &'static str,
}

/// Word information for chars `start..end` of a text segmented into `tokens`.
pub fn words_of(jieba: &Jieba, tokens: &[Token], start: usize, end: usize) -> Vec<CharWord> {
    let none = CharWord {
        tok: None,
        bmes: b'S',
        in_dict: false,
        org: "",
    };
    let mut out = vec![none; end.saturating_sub(start)];
    let first = tokens.partition_point(|t| t.end <= start);
    for (k, t) in tokens.iter().enumerate().skip(first) {
        if t.start >= end {
            break;
        }
        let in_dict = t.kind == TokenKind::Word && t.len() > 1 && jieba.has_word(t.text);
        let org = lexicon::org_suffix(t.text).unwrap_or("");
        for i in t.start.max(start)..t.end.min(end) {
            let bmes = match (i == t.start, i + 1 == t.end) {
                (true, true) => b'S',
                (true, false) => b'B',
                (false, true) => b'E',
                _ => b'M',
            };
            out[i - start] = CharWord {
                tok: Some(k),
                bmes,
                in_dict,
                org,
            };
        }
    }
    out
}

/// FNV-1a over bytes, finished with a multiply-xorshift so low bits are well mixed.
#[derive(Clone, Copy)]
struct FeatureHash(u64);

impl FeatureHash {
    fn new(template: u8) -> Self {
        let mut h = FeatureHash(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) -> &mut Self {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        self
    }
    /// A whole char in one step (a quarter of the work of its four bytes).
    fn char(&mut self, c: char) -> &mut Self {
        self.0 = (self.0 ^ u64::from(c as u32)).wrapping_mul(0x0000_0100_0000_01b3);
        self
    }
    fn str(&mut self, s: &str) -> &mut Self {
        s.bytes().for_each(|b| {
            self.byte(b);
        });
        self.byte(0xff)
    }
    fn finish(&self, mask: u32) -> u32 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        (x as u32) & mask
    }
}

/// A coarse class of a char: the model generalises over digits, Latin letters, punctuation.
fn class(c: char) -> u8 {
    match c {
        BOS => b'<',
        EOS => b'>',
        c if crate::segment::is_han(c) => b'H',
        c if c.is_ascii_digit() || c.is_numeric() => b'D',
        c if c.is_alphabetic() => b'L',
        c if c.is_whitespace() => b' ',
        _ => b'P',
    }
}

/// Short words are features themselves; long ones only through their tag.
fn short<'a>(t: Option<&Token<'a>>) -> &'a str {
    match t {
        Some(t) if t.len() <= 4 => t.text,
        Some(_) => "\u{1}long",
        None => "\u{1}none",
    }
}

fn pos<'a>(t: Option<&Token<'a>>) -> &'a str {
    t.map_or("\u{1}none", |t| t.pos)
}

/// Appends [`PER_CHAR`] bucket ids per char of `chars` to `out`, chars in order.
/// `words` is [`words_of`] for the same chars; `mask` is the bucket count minus one.
pub fn extract(
    chars: &[char],
    words: &[CharWord],
    tokens: &[Token],
    mask: u32,
    out: &mut Vec<u32>,
) {
    let at = |i: isize| -> char {
        if i < 0 {
            BOS
        } else {
            chars.get(i as usize).copied().unwrap_or(EOS)
        }
    };
    let tok = |k: Option<usize>| k.and_then(|k| tokens.get(k));
    // Each char's class once (template 11 reads three per char): the classes of the previous
    // char and this one carry over from one char to the next.
    let (mut class1, mut class0) = (class(BOS), class(at(0)));
    for i in 0..chars.len() {
        let p = i as isize;
        let (c2, c1, c0, n1, n2) = (at(p - 2), at(p - 1), at(p), at(p + 1), at(p + 2));
        let class_n1 = class(n1);
        let w = words.get(i).copied().unwrap_or(CharWord {
            tok: None,
            bmes: b'S',
            in_dict: false,
            org: "",
        });
        let word = tok(w.tok);
        let prev = tok(w.tok.and_then(|k| k.checked_sub(1)));
        let next = tok(w.tok.map(|k| k + 1));
        let b = w.bmes;
        let wlen = word.map_or(0, |t| t.len().min(5) as u8);
        let surname = lexicon::is_surname(c0)
            || (b == b'B' && word.is_some_and(|t| lexicon::starts_with_compound_surname(t.text)));
        let f = |t: u8| FeatureHash::new(t);
        let feats = [
            f(0),
            *f(1).char(c2),
            *f(2).char(c1),
            *f(3).char(c0),
            *f(4).char(n1),
            *f(5).char(n2),
            *f(6).char(c2).char(c1),
            *f(7).char(c1).char(c0),
            *f(8).char(c0).char(n1),
            *f(9).char(n1).char(n2),
            *f(10).char(c1).char(c0).char(n1),
            *f(11).byte(class1).byte(class0).byte(class_n1),
            *f(12).byte(b).str(pos(word)),
            *f(13).byte(b).str(short(word)),
            *f(14).byte(b).str(pos(prev)),
            *f(15).byte(b).str(pos(next)),
            *f(16).byte(b).str(short(prev)),
            *f(17).byte(b).str(short(next)),
            *f(18)
                .byte(b)
                .byte(wlen)
                .byte(w.in_dict as u8)
                .str(pos(word)),
            *f(19).byte(b).byte(wlen).byte(surname as u8),
            *f(20)
                .byte(b)
                .byte(lexicon::is_place_suffix(c0) as u8)
                .str(pos(word)),
            *f(21).byte(b).str(w.org),
            *f(22).byte(b).char(c0).str(pos(word)),
        ];
        out.extend(feats.iter().map(|h| h.finish(mask)));
        (class1, class0) = (class0, class_n1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_char_gets_the_same_number_of_features_in_range() {
        let jieba = Jieba::new();
        let text = "张伟在北京大学说。";
        let tokens = crate::segment::segment(&jieba, text);
        let chars: Vec<char> = text.chars().collect();
        let words = words_of(&jieba, &tokens, 0, chars.len());
        let mut out = Vec::new();
        extract(&chars, &words, &tokens, 0xfff, &mut out);
        assert_eq!(out.len(), chars.len() * PER_CHAR);
        assert!(out.iter().all(|&b| b <= 0xfff));
        // Deterministic: same input, same buckets.
        let mut again = Vec::new();
        extract(&chars, &words, &tokens, 0xfff, &mut again);
        assert_eq!(out, again);
    }

    #[test]
    fn words_of_a_middle_range() {
        let jieba = Jieba::new();
        let text = "我们在北京大学学习";
        let tokens = crate::segment::segment(&jieba, text);
        let words = words_of(&jieba, &tokens, 2, 6);
        assert_eq!(words.len(), 4);
        assert!(words.iter().all(|w| w.tok.is_some()));
    }
}
