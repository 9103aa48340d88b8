//! Inputs that once made the `import` fuzz target (crates/core/fuzz) fail, reduced by hand.

use wenxi_import::import;

/// A word starting with `h`, `f` or `w` followed by Chinese: the bare-URL check compared a
/// prefix sliced at a byte offset inside a character and panicked.
#[test]
fn url_check_before_chinese_does_not_slice_inside_a_character() {
    for text in ["h中文字", "见f中文字符", "w中", "ht中文字"] {
        assert_eq!(
            import("a.md", text.as_bytes()).map(|i| i.text),
            Ok(text.to_string())
        );
    }
}
