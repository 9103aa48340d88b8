//! Works and quoted terms: text between title marks (《…》, and 〈…〉 for a title inside a title)
//! and short text between quotation marks (“河长制”), without the marks.
//!
//! Both are read with a stack, so nesting works at any depth: in
//! 《关于〈宪法修正案〉的说明》 the outer title and the inner one are both works. A line break
//! closes everything open (a stray mark never swallows the rest of the text).

use super::{span, EntitySpan};
use crate::report::EntityType;

/// Longest title accepted; longer bracketed text is more likely a stray bracket than a title.
const MAX_TITLE_CHARS: usize = 50;

/// Longest quoted text counted as a term. Longer quotes are speech or citation, not a term.
pub const MAX_TERM_CHARS: usize = 12;

/// Title marks: each opening mark with its closing one.
const TITLE_MARKS: [(char, char); 2] = [('《', '》'), ('〈', '〉')];

/// Quotation marks: “” ‘’ 「」 『』 and the full-width ＂ normalised to ".
const QUOTE_MARKS: [(char, char); 4] = [('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')];

/// Char ranges `[start, end)` of the text inside each matched pair of `marks`, inner pairs
/// included, in order of their closing mark. A closing mark that does not match the innermost
/// open one closes back to the matching opener (dropping the unmatched ones inside it); one with
/// no opener is ignored.
fn inside_marks(chars: &[char], marks: &[(char, char)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // (which pair of marks, char after the opening mark)
    let mut open: Vec<(usize, usize)> = Vec::new();
    // Open marks of each pair: a closing mark with none open is skipped without a scan, so every
    // scan ends by dropping what it passed and a long line of stray marks stays linear.
    let mut open_count = vec![0usize; marks.len()];
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' || c == '\r' {
            open.clear();
            open_count.fill(0);
        } else if let Some(m) = marks.iter().position(|&(o, _)| o == c) {
            open.push((m, i + 1));
            open_count[m] += 1;
        } else if let Some(m) = marks.iter().position(|&(_, close)| close == c) {
            if open_count[m] == 0 {
                continue;
            }
            if let Some(k) = open.iter().rposition(|&(o, _)| o == m) {
                let start = open[k].1;
                open[k..].iter().for_each(|&(o, _)| open_count[o] -= 1);
                open.truncate(k);
                out.push((start, i));
            }
        }
    }
    out
}

/// Titles of works.
pub fn find(chars: &[char]) -> Vec<EntitySpan> {
    inside_marks(chars, &TITLE_MARKS)
        .into_iter()
        .filter(|&(s, e)| e > s && e - s <= MAX_TITLE_CHARS)
        .filter_map(|(s, e)| span(chars, EntityType::Work, s, e))
        .collect()
}

/// Quoted terms: quoted text of 2 to [`MAX_TERM_CHARS`] chars holding no sentence punctuation
/// (a quoted sentence is speech, not a term), in text order. The spans are char ranges
/// `[start, end)` without the marks.
pub fn quoted_terms(chars: &[char]) -> Vec<(usize, usize)> {
    let is_clause_mark = |c: &char| "。！？；，,;!?：:、…".contains(*c);
    let mut out: Vec<(usize, usize)> = inside_marks(chars, &QUOTE_MARKS)
        .into_iter()
        .filter(|&(s, e)| e >= s + 2 && e - s <= MAX_TERM_CHARS)
        .filter(|&(s, e)| {
            let inner = &chars[s..e];
            let opens_quote = QUOTE_MARKS.iter().any(|&(o, _)| inner.first() == Some(&o));
            !opens_quote
                && !inner.iter().any(is_clause_mark)
                && !inner.iter().any(|c| c.is_whitespace())
                && inner.iter().any(|c| c.is_alphanumeric())
        })
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find(&chars).into_iter().map(|e| e.text).collect()
    }

    fn terms(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        quoted_terms(&chars)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn finds_titles() {
        assert_eq!(
            titles("读《红楼梦》和《三国演义》。"),
            ["红楼梦", "三国演义"]
        );
    }

    #[test]
    fn rejects_empty_unclosed_multiline_and_long() {
        assert!(titles("《》").is_empty());
        assert!(titles("《未完").is_empty());
        assert!(titles("《上\n下》").is_empty());
        assert!(titles(&format!("《{}》", "长".repeat(51))).is_empty());
        assert_eq!(titles(&format!("《{}》", "长".repeat(50))).len(), 1);
    }

    #[test]
    fn nested_titles_are_both_works() {
        assert_eq!(
            titles("《关于〈宪法修正案〉的说明》"),
            ["宪法修正案", "关于〈宪法修正案〉的说明"]
        );
        // The same mark nested: both levels.
        assert_eq!(titles("《读《论语》札记》"), ["论语", "读《论语》札记"]);
        // An unclosed inner mark is dropped when the outer one closes.
        assert_eq!(titles("《《书》"), ["书"]);
        assert_eq!(titles("《甲〈乙》"), ["甲〈乙"]);
        // A closing mark with no opener is ignored.
        assert_eq!(titles("》《书》〉"), ["书"]);
    }

    #[test]
    fn quoted_terms_are_short_and_not_speech() {
        assert_eq!(terms("推行“河长制”和“放管服”改革。"), ["河长制", "放管服"]);
        // Speech is not a term; neither is a single char or punctuation alone.
        assert!(terms("他说：“我们明天出发，一起去。”").is_empty());
        assert!(terms("“好”").is_empty());
        assert!(terms("“……”").is_empty());
        assert!(terms(&format!("“{}”", "长".repeat(13))).is_empty());
    }

    #[test]
    fn nested_quotes_give_the_inner_term() {
        // The outer quote is speech; the inner quoted term counts.
        assert_eq!(
            terms("他说：“要用好‘最多跑一次’改革的经验。”"),
            ["最多跑一次"]
        );
        // A quote holding only a quote is counted once, as the inner term.
        assert_eq!(terms("「『数字政府』」"), ["数字政府"]);
    }
}
