//! Files that are not text are refused by what their bytes say, whatever their name, and each
//! refusal says what to do in English and Chinese.

use wenxi_import::{import, ImportError, Unsupported, MAX_FILE_BYTES};

fn refused(name: &str, bytes: &[u8]) -> Option<Unsupported> {
    match import(name, bytes) {
        Err(ImportError::NotSupported { what }) => Some(what),
        _ => None,
    }
}

#[test]
fn magic_bytes_win_over_the_name() {
    let tail = b" some more bytes that follow the signature\n".as_slice();
    for (magic, what) in [
        (b"%PDF-1.7\n".as_slice(), Unsupported::Pdf),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
            Unsupported::OldOffice,
        ),
        (b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR", Unsupported::Image),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF", Unsupported::Image),
        (b"\x7FELF\x02\x01\x01\0", Unsupported::Executable),
        (b"\x1F\x8B\x08\0", Unsupported::Archive),
        (b"{\\rtf1\\ansi", Unsupported::Rtf),
    ] {
        let bytes = [magic, tail].concat();
        for name in ["文章.txt", "page.html", "notes.md", "noname"] {
            assert_eq!(refused(name, &bytes), Some(what), "{what:?} named {name}");
        }
    }
}

#[test]
fn refused_extensions_without_a_signature() {
    assert_eq!(
        refused("scan.pdf", b"not really a pdf"),
        Some(Unsupported::Pdf)
    );
    assert_eq!(refused("photo.JPG", b"abc"), Some(Unsupported::Image));
    assert_eq!(refused("book.epub", b"abc"), Some(Unsupported::Epub));
}

#[test]
fn word_web_pages_saved_as_doc_are_read_as_html() {
    let page = b"<html><body><p>\xe7\xbd\x91\xe9\xa1\xb5</p></body></html>";
    assert_eq!(
        import("old.doc", page).map(|i| i.text),
        Ok("网页".to_string())
    );
}

#[test]
fn messages_say_what_to_do_and_the_limit() {
    let too_large = ImportError::TooLarge {
        bytes: MAX_FILE_BYTES + 1,
        limit: MAX_FILE_BYTES,
    };
    let limit_mb = (MAX_FILE_BYTES >> 20).to_string();
    assert!(too_large.to_string().contains(&format!("{limit_mb} MB")));
    assert!(too_large.message_zh().contains(&format!("{limit_mb} MB")));
    let pdf = ImportError::NotSupported {
        what: Unsupported::Pdf,
    };
    assert!(pdf.to_string().contains("PDF") && pdf.to_string().contains("paste"));
    assert!(pdf.message_zh().contains("PDF") && pdf.message_zh().contains("粘贴"));
    for error in [
        ImportError::Empty,
        ImportError::Binary,
        ImportError::BrokenDocx {
            why: wenxi_import::DocxProblem::Truncated,
        },
    ] {
        assert!(error.message_zh().contains('。'), "{error}");
        assert!(!error.to_string().is_empty());
    }
}
