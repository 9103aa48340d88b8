//! Stage 1: normalisation that never moves a character.
//!
//! Full-width digits and Latin letters (`５月`, `Ａ`) segment and count badly, so each character is
//! replaced by its NFKC form — but only when that form is a single character. Keeping the text
//! char-for-char aligned with the input lets every later stage report spans that map straight
//! back onto the user's own characters (BIO output, segmentation output).

use unicode_normalization::UnicodeNormalization;

/// Text normalised char by char: `text.chars().count()` equals the input's char count and the
/// i-th char of `text` stands for the i-th char of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
}

impl Normalized {
    pub fn new(input: &str) -> Self {
        Normalized {
            text: input.chars().map(normalize_char).collect(),
        }
    }
}

/// The NFKC form of `c` when that is exactly one char, otherwise `c` itself
/// (so `㍱` or `ﬁ`, which expand, stay as they are).
pub fn normalize_char(c: char) -> char {
    if c.is_ascii() || is_plain_ideograph(c) {
        return c;
    }
    let mut it = std::iter::once(c).nfkc();
    match (it.next(), it.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

/// CJK unified ideographs of the basic block and extension A: no decomposition maps them, so
/// NFKC leaves them as they are (`nfkc_leaves_plain_ideographs` checks every one). Most chars of
/// a Chinese text are these, and skipping NFKC's iterator for them is most of this stage.
pub(crate) fn is_plain_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// What NFKC does to the full-width forms people type (`Ａ`, `８`, `，`, the ideographic
/// space), without NFKC's tables: for the page, whose wasm must stay small. The engine itself
/// always uses [`normalize_char`].
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On the chars it changes, the table-free fold agrees with NFKC.
    #[test]
    fn fold_width_agrees_with_nfkc_where_it_acts() {
        let mut changed = 0;
        for c in ('\u{3000}'..='\u{3000}').chain('\u{FF01}'..='\u{FF5E}') {
            assert_eq!(fold_width(c), normalize_char(c), "U+{:04X}", c as u32);
            changed += usize::from(fold_width(c) != c);
        }
        assert_eq!(changed, 95);
        assert_eq!(fold_width('中'), '中');
        assert_eq!(fold_width('a'), 'a');
    }

    /// The shortcut of [`normalize_char`] agrees with NFKC on every char it takes.
    #[test]
    fn nfkc_leaves_plain_ideographs() {
        let mut checked = 0;
        for c in ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}') {
            assert!(is_plain_ideograph(c));
            assert_eq!(std::iter::once(c).nfkc().collect::<String>(), c.to_string());
            checked += 1;
        }
        assert_eq!(checked, 6592 + 20992);
        // And every one is alphanumeric: `stats::sentence_ranges` takes them as such unasked.
        assert!(('\u{3400}'..='\u{4DBF}')
            .chain('\u{4E00}'..='\u{9FFF}')
            .all(char::is_alphanumeric));
        assert!(!is_plain_ideograph('\u{F900}') && !is_plain_ideograph('Ａ'));
    }

    #[test]
    fn full_width_becomes_half_width() {
        assert_eq!(Normalized::new("２０２４年５月").text, "2024年5月");
        assert_eq!(Normalized::new("ＡＩ，ｏｋ").text, "AI,ok");
        assert_eq!(Normalized::new("a\u{3000}b").text, "a b");
    }

    #[test]
    fn expanding_forms_are_kept() {
        // U+FB01 (fi ligature) and U+3371 expand to several chars under NFKC.
        for s in ["\u{fb01}", "\u{3371}", "½"] {
            assert_eq!(Normalized::new(s).text, s);
        }
    }

    #[test]
    fn char_count_is_preserved() {
        for s in [
            "",
            "中文",
            "emoji 😀👍🏽",
            "e\u{301}",
            "ｶﾞ",
            "\u{0}\u{7}\r\n",
            "①②",
        ] {
            let n = Normalized::new(s);
            assert_eq!(n.text.chars().count(), s.chars().count(), "{s:?}");
        }
    }

    #[test]
    fn chinese_and_ascii_unchanged() {
        let s = "新华社北京电 hello, world 123。";
        assert_eq!(Normalized::new(s).text, s);
    }
}
