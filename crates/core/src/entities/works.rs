//! Works: the title between 《 and 》, without the brackets.

use super::{span, EntitySpan};
use crate::report::EntityType;

/// Longest title accepted; longer bracketed text is more likely a stray bracket than a title.
const MAX_TITLE_CHARS: usize = 50;

pub fn find(chars: &[char]) -> Vec<EntitySpan> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '《' => open = Some(i + 1),
            '\n' | '\r' => open = None,
            '》' => {
                if let Some(start) = open.take() {
                    if i > start && i - start <= MAX_TITLE_CHARS {
                        out.extend(span(chars, EntityType::Work, start, i));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find(&chars).into_iter().map(|e| e.text).collect()
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
    fn innermost_opening_bracket_wins() {
        assert_eq!(titles("《《书》"), ["书"]);
    }
}
