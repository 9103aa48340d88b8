//! The text view's pages: the analysed text cut into pages at line breaks, and one page with its
//! words (as segmentation found them) and its entities, for the reader to see word boundaries and
//! highlights without the whole text's tokens ever crossing to the page.

use serde::{Deserialize, Serialize};

use crate::report::EntityType;

/// A page holds about this many chars: a long article on one page, a 20 MB text in pages that
/// the page can draw at once.
pub const PAGE_CHARS: usize = 6000;
/// A page ends at the first line break after [`PAGE_CHARS`], or this many chars later at most.
const PAGE_SLACK: usize = 2000;

/// One page of the text and what is in it. Spans are chars of the whole text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Where the page starts and ends in the text.
    pub start: usize,
    pub end: usize,
    /// The page's number (from 0) and how many pages the text has.
    pub page: usize,
    pub pages: usize,
    /// Length of the whole text in chars.
    pub text_chars: usize,
    /// The page's own characters (the input's, not normalised).
    pub text: String,
    /// Every segment of the page in order, covering it exactly (white space and punctuation
    /// included, with the tag `x`).
    pub tokens: Vec<PassageToken>,
    /// Entities found in the page by the analysis of the whole text, in order.
    pub entities: Vec<PassageEntity>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageToken {
    pub start: usize,
    pub end: usize,
    /// jieba's part-of-speech tag.
    pub pos: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageEntity {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
}

/// Where each page of `text` starts: (char offset, byte offset), the first at (0, 0).
pub fn page_starts(text: &str) -> Vec<(usize, usize)> {
    let mut starts = vec![(0, 0)];
    let mut next_at = PAGE_CHARS;
    for (chars, (byte, c)) in text.char_indices().enumerate() {
        let cut_after_break = chars >= next_at && c == '\n';
        if cut_after_break || chars >= next_at + PAGE_SLACK {
            // A break ends its page; a forced cut starts the next page at this char.
            let (at_char, at_byte) = if cut_after_break {
                (chars + 1, byte + 1)
            } else {
                (chars, byte)
            };
            if at_byte < text.len() {
                starts.push((at_char, at_byte));
            }
            next_at = at_char + PAGE_CHARS;
        }
    }
    starts
}

/// The page holding char `at` (the last page for an offset past the end).
pub fn page_of(starts: &[(usize, usize)], at: usize) -> usize {
    starts.partition_point(|&(c, _)| c <= at).saturating_sub(1)
}

/// The entities of `spans` (sorted by start) that overlap `[start, end)`.
pub fn entities_within(spans: &[PassageEntity], start: usize, end: usize) -> Vec<PassageEntity> {
    let first = spans.partition_point(|e| e.end <= start);
    spans[first..]
        .iter()
        .take_while(|e| e.start < end)
        .filter(|e| e.end > start)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_end_at_line_breaks_after_their_size() {
        let line = format!("{}\n", "字".repeat(999));
        let text = line.repeat(13); // 13,000 chars
        let starts = page_starts(&text);
        // Breaks are at chars 999, 1999, …; the first at or after 6,000 is the 7th line's, so
        // the second page starts at char 7,000 (byte 6,993 × 3 + 7 line breaks).
        assert_eq!(starts[..2], [(0, 0), (7000, 6993 * 3 + 7)]);
        assert_eq!(starts.len(), 2);
        assert_eq!(page_of(&starts, 0), 0);
        assert_eq!(page_of(&starts, 6999), 0);
        assert_eq!(page_of(&starts, 7000), 1);
        assert_eq!(page_of(&starts, 99_999), 1);
    }

    #[test]
    fn a_text_without_breaks_is_cut_after_the_slack() {
        let text = "字".repeat(20_000);
        let starts = page_starts(&text);
        let step = PAGE_CHARS + PAGE_SLACK;
        assert_eq!(starts, [(0, 0), (step, step * 3), (2 * step, 2 * step * 3)]);
        assert_eq!(page_starts(""), [(0, 0)]);
    }

    #[test]
    fn entities_within_a_page_are_those_overlapping_it() {
        let e = |start, end| PassageEntity {
            start,
            end,
            kind: EntityType::Place,
        };
        let spans = [e(0, 2), e(5, 9), e(10, 12), e(20, 22)];
        assert_eq!(entities_within(&spans, 8, 20), [e(5, 9), e(10, 12)]);
        assert!(entities_within(&spans, 12, 20).is_empty());
    }
}
