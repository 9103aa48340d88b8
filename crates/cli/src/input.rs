//! Reading the input: a named file through `wenxi-import` (the page's reader: .txt in UTF-8,
//! UTF-16 or GB18030, .md, .html, .docx), or standard input as strict UTF-8 text.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use wenxi_import::{ImportError, MAX_FILE_BYTES};

/// The text of `file` (standard input when `None` or `-`). A named file is read by its format,
/// its import notes written to `notes`; standard input must be UTF-8: silently replacing
/// characters would change what the user analyses.
pub fn read(file: Option<&Path>, notes: &mut impl Write) -> Result<String> {
    match file {
        Some(path) if path.as_os_str() != "-" => import(path, notes),
        _ => decode(read_stdin()?, "standard input"),
    }
}

/// A file through the importer; a refusal says why in English and in Chinese.
fn import(path: &Path, notes: &mut impl Write) -> Result<String> {
    let shown = path.display();
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {shown}"))?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        let error = ImportError::TooLarge {
            bytes: usize::try_from(size).unwrap_or(usize::MAX),
            limit: MAX_FILE_BYTES,
        };
        return Err(refusal(&shown.to_string(), &error));
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    match wenxi_import::import(&name, &bytes) {
        Ok(imported) => {
            for note in &imported.notes {
                writeln!(notes, "wenxi: {shown}: {note} / {}", note.message_zh())?;
            }
            Ok(imported.text)
        }
        // A blank file is its blank lines, as on standard input (`segment` keeps them).
        Err(ImportError::Empty) => Ok(String::from_utf8(bytes).unwrap_or_default()),
        Err(error) => Err(refusal(&shown.to_string(), &error)),
    }
}

/// A file that must be UTF-8 text (a user dictionary), read strictly.
pub fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    decode(bytes, &path.display().to_string())
}

fn refusal(shown: &str, error: &ImportError) -> anyhow::Error {
    anyhow!("{shown}: {error}\n{}", error.message_zh())
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
