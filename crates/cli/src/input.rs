//! Reading the input: a file or standard input, strictly UTF-8.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Reads `file` (standard input when `None` or `-`) as UTF-8. Invalid UTF-8 is an error naming
/// the byte offset: silently replacing characters would change what the user analyses.
pub fn read(file: Option<&Path>) -> Result<String> {
    let (bytes, name) = match file {
        None => (read_stdin()?, "standard input".to_string()),
        Some(p) if p.as_os_str() == "-" => (read_stdin()?, "standard input".to_string()),
        Some(p) => (
            std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
            p.display().to_string(),
        ),
    };
    decode(bytes, &name)
}

fn read_stdin() -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    Ok(bytes)
}

/// UTF-8 text of `bytes` (a leading byte-order mark dropped), or an error saying where it breaks.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.remove(0);
            }
            Ok(s)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            bail!("{name} is not valid UTF-8: invalid byte sequence at byte offset {at}")
        }
    }
}

/// Lines without their terminators (`\n` or `\r\n`); a final terminator adds no empty line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(b"ab\xe4\xb8".to_vec(), "x.txt")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("x.txt is not valid UTF-8: invalid byte sequence at byte offset 2")
        );
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(
            decode("\u{feff}你好".as_bytes().to_vec(), "-")
                .ok()
                .as_deref(),
            Some("你好")
        );
    }

    #[test]
    fn lines_drop_terminators() {
        let v: Vec<&str> = lines("a\r\nb\n\nc\n").collect();
        assert_eq!(v, ["a", "b", "", "c"]);
    }
}
