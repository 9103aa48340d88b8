//! Which reader a file needs: its first bytes decide when they are a known signature (a `.txt`
//! that is really a PDF is a PDF), then its extension, then a look at the content.

use crate::error::{DocxProblem, ImportError, Unsupported};
use crate::zip::Archive;

/// The reader for a file that is not refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Text,
    Markdown,
    Html,
    Docx,
}

fn refuse(what: Unsupported) -> ImportError {
    ImportError::NotSupported { what }
}

pub fn sniff(name: &str, bytes: &[u8]) -> Result<Sniffed, ImportError> {
    let ext = extension(name);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_kind(&ext, bytes);
    }
    if let Some(what) = signature(bytes) {
        return Err(refuse(what));
    }
    match ext.as_str() {
        "docx" | "docm" | "dotx" | "dotm" => Err(ImportError::BrokenDocx {
            why: DocxProblem::NotZip,
        }),
        "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Ok(Sniffed::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Ok(Sniffed::Html),
        // Word's "save as web page" writes HTML under these names.
        "doc" | "xls" | "ppt" | "wps" if looks_like_html(bytes) => Ok(Sniffed::Html),
        "" => Ok(if looks_like_html(bytes) {
            Sniffed::Html
        } else {
            Sniffed::Text
        }),
        ext => match by_extension(ext) {
            Some(what) => Err(refuse(what)),
            None if looks_like_html(bytes) && !is_text_extension(ext) => Ok(Sniffed::Html),
            None => Ok(Sniffed::Text),
        },
    }
}

/// The lower-cased extension of the last path component ("" if none).
fn extension(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn is_text_extension(ext: &str) -> bool {
    matches!(ext, "txt" | "text" | "csv" | "tsv" | "log")
}

/// A zip: Word, another Office or e-book format, or just an archive.
fn zip_kind(ext: &str, bytes: &[u8]) -> Result<Sniffed, ImportError> {
    let named_docx = matches!(ext, "docx" | "docm" | "dotx" | "dotm");
    let archive = match Archive::open(bytes) {
        Ok(archive) => archive,
        Err(why) if named_docx => return Err(ImportError::BrokenDocx { why }),
        Err(_) => return Err(refuse(Unsupported::Archive)),
    };
    let has = |prefix: &str| archive.names().any(|n| n.starts_with(prefix));
    if has("word/document.xml") {
        return Ok(Sniffed::Docx);
    }
    // ODF and EPUB store their media type uncompressed first, right after its local header.
    let head = &bytes[..bytes.len().min(128)];
    let what = if has("xl/") {
        Unsupported::Xlsx
    } else if has("ppt/") {
        Unsupported::Pptx
    } else if contains(head, b"application/epub+zip") {
        Unsupported::Epub
    } else if contains(head, b"application/vnd.oasis.opendocument") {
        Unsupported::OpenDocument
    } else if named_docx {
        return Err(ImportError::BrokenDocx {
            why: DocxProblem::NoDocument,
        });
    } else {
        Unsupported::Archive
    };
    Err(refuse(what))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Known signatures of files that are not text.
fn signature(b: &[u8]) -> Option<Unsupported> {
    let at = |offset: usize, magic: &[u8]| b.get(offset..offset + magic.len()) == Some(magic);
    let what = if at(0, b"%PDF-") {
        Unsupported::Pdf
    } else if at(0, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Unsupported::OldOffice
    } else if at(0, b"{\\rtf") {
        Unsupported::Rtf
    } else if at(0, b"\x89PNG\r\n\x1A\n")
        || at(0, b"\xFF\xD8\xFF")
        || at(0, b"GIF87a")
        || at(0, b"GIF89a")
        || (at(0, b"RIFF") && at(8, b"WEBP"))
        || at(0, b"II*\0")
        || at(0, b"MM\0*")
        || (at(4, b"ftyp")
            && (at(8, b"heic") || at(8, b"heix") || at(8, b"mif1") || at(8, b"avif")))
    {
        Unsupported::Image
    } else if (at(0, b"RIFF") && at(8, b"WAVE"))
        || at(0, b"ID3")
        || at(0, b"OggS")
        || at(0, b"fLaC")
        || (at(4, b"ftyp") && at(8, b"M4A"))
    {
        Unsupported::Audio
    } else if (at(0, b"RIFF") && at(8, b"AVI ")) || at(0, b"\x1A\x45\xDF\xA3") || at(4, b"ftyp") {
        Unsupported::Video
    } else if at(0, b"\x1F\x8B")
        || at(0, b"7z\xBC\xAF\x27\x1C")
        || at(0, b"Rar!\x1A\x07")
        || (at(0, b"BZh") && at(4, b"1AY&SY"))
        || at(0, b"\xFD7zXZ\0")
        || at(0, b"\x28\xB5\x2F\xFD")
        || at(257, b"ustar")
    {
        Unsupported::Archive
    } else if at(0, b"\x7FELF")
        || (at(0, b"MZ") && b.iter().take(64).any(|&c| c == 0))
        || at(0, b"\xFE\xED\xFA\xCE")
        || at(0, b"\xFE\xED\xFA\xCF")
        || at(0, b"\xCE\xFA\xED\xFE")
        || at(0, b"\xCF\xFA\xED\xFE")
        || at(0, b"\xCA\xFE\xBA\xBE")
        || at(0, b"\0asm")
    {
        Unsupported::Executable
    } else {
        return None;
    };
    Some(what)
}

/// Refused kinds named by extension alone (their bytes did not match a signature).
fn by_extension(ext: &str) -> Option<Unsupported> {
    Some(match ext {
        "pdf" => Unsupported::Pdf,
        "doc" | "xls" | "ppt" | "wps" | "dot" => Unsupported::OldOffice,
        "xlsx" | "xlsm" => Unsupported::Xlsx,
        "pptx" | "ppsx" => Unsupported::Pptx,
        "odt" | "ods" | "odp" => Unsupported::OpenDocument,
        "epub" => Unsupported::Epub,
        "rtf" => Unsupported::Rtf,
        "png" | "jpg" | "jpeg" | "gif" | "bmp" | "webp" | "tif" | "tiff" | "heic" | "ico"
        | "svg" | "avif" => Unsupported::Image,
        "zip" | "rar" | "7z" | "gz" | "tgz" | "bz2" | "xz" | "zst" | "tar" => Unsupported::Archive,
        "exe" | "dll" | "so" | "dylib" | "bin" | "wasm" | "apk" | "msi" => Unsupported::Executable,
        "mp3" | "wav" | "flac" | "m4a" | "ogg" | "aac" => Unsupported::Audio,
        "mp4" | "mov" | "avi" | "mkv" | "webm" | "flv" => Unsupported::Video,
        _ => return None,
    })
}

/// An HTML document, judged by its first kilobyte: a doctype or an `<html>`/`<body>` tag.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(1024)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    contains(&head, b"<!doctype html") || contains(&head, b"<html") || contains(&head, b"<body")
}
