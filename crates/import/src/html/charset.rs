//! The encoding an HTML page declares for itself in its first 4 KB.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// The `charset` of a `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` in the first 4 KB, if it names a known encoding.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let mut rest = head.as_slice();
    while let Some(at) = find(rest, b"<meta") {
        let tag = &rest[at..];
        let tag = &tag[..find(tag, b">").unwrap_or(tag.len())];
        if let Some(encoding) = charset_in(tag) {
            // As browsers do: a page cannot declare UTF-16 in itself (it would not be
            // readable as ASCII), and x-user-defined means windows-1252 here.
            return Some(
                if encoding.output_encoding() == UTF_8 && encoding != UTF_8 {
                    UTF_8
                } else if encoding == X_USER_DEFINED {
                    WINDOWS_1252
                } else {
                    encoding
                },
            );
        }
        rest = &rest[at + 5..];
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The encoding named after `charset` `=` in one (lower-cased) meta tag.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let mut rest = tag;
    while let Some(at) = find(rest, b"charset") {
        rest = &rest[at + 7..];
        let value = rest.trim_ascii_start();
        let Some(value) = value.strip_prefix(b"=") else {
            continue;
        };
        let value = value.trim_ascii_start();
        let value = match value.first() {
            Some(b'"' | b'\'') => &value[1..],
            _ => value,
        };
        let end = value
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || b"-_.:".contains(c)))
            .unwrap_or(value.len());
        if let Some(encoding) = Encoding::for_label(&value[..end]) {
            return Some(encoding);
        }
    }
    None
}
