//! The text of a file a reader opens or drops: plain text in UTF-8, UTF-16 or GB18030,
//! Markdown, HTML and Word (.docx). Pure Rust with no web dependencies, so the page's worker
//! and the command line read files the same way.
//!
//! ```
//! let file = wenxi_import::import("note.md", "# 标题\n\n**重要**的[链接](https://example.com)".as_bytes());
//! assert_eq!(file.map(|f| f.text).ok().as_deref(), Some("标题\n\n重要的链接"));
//! ```

mod docx;
mod entities;
mod error;
mod html;
mod markdown;
mod sniff;
mod text;
mod zip;

pub use error::{DocxProblem, ImportError, Unsupported};

use sniff::Sniffed;

/// Files above this are refused before they are read (the page checks `File.size` against it
/// too): 64 MB of text is far beyond what the engine analyses in full.
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// A file's text and what the reader should know about how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The readable text: no byte-order mark, line ends are `\n`, no NUL.
    pub text: String,
    pub format: Format,
    /// The encoding the bytes were read in: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "GBK"…
    pub encoding: &'static str,
    pub notes: Vec<Note>,
}

/// What kind of file it was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
}

/// Something the reader should know about the import that is not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The bytes were not UTF-8 and were read in this encoding instead.
    DecodedAs { encoding: &'static str },
    /// This many undecodable byte sequences were replaced by "�".
    Replaced { count: usize },
    /// Tracked deletions (and text moved away) of a Word file were left out.
    DeletionsLeftOut { count: usize },
    /// Images, drawings and embedded objects were skipped.
    ObjectsSkipped { count: usize },
    /// Footnotes or endnotes were appended after the text, under a line "注释".
    NotesAppended { count: usize },
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Note::DecodedAs { encoding } => write!(f, "read as {encoding} (not UTF-8)"),
            Note::Replaced { count } => {
                write!(f, "{count} undecodable byte sequence(s) replaced by �")
            }
            Note::DeletionsLeftOut { count } => {
                write!(f, "{count} tracked deletion(s) left out")
            }
            Note::ObjectsSkipped { count } => {
                write!(f, "{count} image(s) or embedded object(s) skipped")
            }
            Note::NotesAppended { count } => {
                write!(f, "{count} footnote(s)/endnote(s) appended under 注释")
            }
        }
    }
}

impl Note {
    /// The note in plain Chinese, for the page.
    pub fn message_zh(&self) -> String {
        match self {
            Note::DecodedAs { encoding } => format!("文件不是 UTF-8 编码，已按 {encoding} 读取。"),
            Note::Replaced { count } => {
                format!("有 {count} 处无法识别的字节，已替换为“�”。")
            }
            Note::DeletionsLeftOut { count } => {
                format!("文档中有 {count} 处修订删除的文字，未计入。")
            }
            Note::ObjectsSkipped { count } => {
                format!("已跳过 {count} 个图片或嵌入对象。")
            }
            Note::NotesAppended { count } => {
                format!("已将 {count} 条脚注或尾注附在正文之后（“注释”之下）。")
            }
        }
    }
}

impl Note {
    /// The note in plain English, for the page in English.
    pub fn message_en(&self) -> String {
        let plural = |count: usize, one: &str, many: &str| {
            if count == 1 {
                format!("1 {one}")
            } else {
                format!("{count} {many}")
            }
        };
        match self {
            Note::DecodedAs { encoding } => {
                format!("The file is not UTF-8; it was read as {encoding}.")
            }
            Note::Replaced { count } => format!(
                "{} could not be read and {} replaced by “�”.",
                plural(*count, "byte sequence", "byte sequences"),
                if *count == 1 { "was" } else { "were" }
            ),
            Note::DeletionsLeftOut { count } => format!(
                "{} of tracked deleted text in the document {} left out.",
                plural(*count, "piece", "pieces"),
                if *count == 1 { "was" } else { "were" }
            ),
            Note::ObjectsSkipped { count } => format!(
                "{} skipped.",
                plural(
                    *count,
                    "image or embedded object",
                    "images or embedded objects"
                )
            ),
            Note::NotesAppended { count } => format!(
                "{} appended after the text (under “注释”, notes).",
                plural(*count, "footnote or endnote", "footnotes or endnotes")
            ),
        }
    }
}

/// Reads the file called `name` (only its extension is used) with contents `bytes`.
///
/// The format is decided by the bytes first (a `.txt` that is really a PDF says so), then by
/// the extension, then by a look at the content.
pub fn import(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut imported = match sniff::sniff(name, bytes)? {
        Sniffed::Docx => docx::import(bytes)?,
        Sniffed::Html => text::decode(bytes, html::declared_encoding(bytes))?
            .into_imported(Format::Html, |t| html::to_text(&t)),
        Sniffed::Markdown => {
            text::decode(bytes, None)?.into_imported(Format::Markdown, |t| markdown::to_text(&t))
        }
        Sniffed::Text => text::decode(bytes, None)?.into_imported(Format::Text, |t| t),
    };
    imported.text = text::tidy(std::mem::take(&mut imported.text));
    if imported.text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(imported)
}

#[cfg(test)]
mod note_tests {
    use super::Note;

    #[test]
    fn notes_read_in_english_with_the_right_number() {
        assert_eq!(
            Note::ObjectsSkipped { count: 1 }.message_en(),
            "1 image or embedded object skipped."
        );
        assert_eq!(
            Note::Replaced { count: 3 }.message_en(),
            "3 byte sequences could not be read and were replaced by “�”."
        );
        assert!(Note::DecodedAs {
            encoding: "GB18030"
        }
        .message_en()
        .contains("read as GB18030"));
    }
}
