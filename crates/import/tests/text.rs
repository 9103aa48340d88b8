//! Plain text in the encodings Chinese files come in, encoded here with encoding_rs.

use encoding_rs::{GB18030, GBK};
use wenxi_import::{import, Format, ImportError, Note, MAX_FILE_BYTES};

const ARTICLE: &str = "今天上午，市图书馆举办了古籍修复展。\n参观者在“纸上春秋”展区驻足良久。\n";

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn utf8_with_and_without_bom() {
    for bytes in [
        ARTICLE.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat(),
    ] {
        let imported = import("a.txt", &bytes).expect("read");
        assert_eq!(imported.text, ARTICLE);
        assert_eq!(
            (imported.format, imported.encoding),
            (Format::Text, "UTF-8")
        );
        assert!(imported.notes.is_empty());
    }
}

#[test]
fn utf16_with_bom_either_order() {
    let le = [b"\xFF\xFE".as_slice(), &utf16(ARTICLE, false)].concat();
    let be = [b"\xFE\xFF".as_slice(), &utf16(ARTICLE, true)].concat();
    for (bytes, encoding) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let imported = import("a.txt", &bytes).expect("read");
        assert_eq!(
            (imported.text.as_str(), imported.encoding),
            (ARTICLE, encoding)
        );
    }
}

#[test]
fn utf16_without_bom_is_recognised_by_its_nuls() {
    let text = "Report 2024: 文析 reads files.\n";
    let imported = import("a.txt", &utf16(text, false)).expect("read");
    assert_eq!(
        (imported.text.as_str(), imported.encoding),
        (text, "UTF-16LE")
    );
}

#[test]
fn gb18030_and_gbk_files_are_decoded_with_a_note() {
    for encoding in [GB18030, GBK] {
        let (bytes, _, unmappable) = encoding.encode(ARTICLE);
        assert!(!unmappable);
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the test needs non-UTF-8 bytes"
        );
        let imported = import("旧文件.txt", &bytes).expect("read");
        assert_eq!(imported.text, ARTICLE);
        assert_eq!(imported.encoding, "GB18030");
        assert_eq!(
            imported.notes,
            [Note::DecodedAs {
                encoding: "GB18030"
            }]
        );
    }
}

#[test]
fn a_few_bad_bytes_are_replaced_and_counted() {
    let article = ARTICLE.repeat(10);
    let (good, _, _) = GB18030.encode(&article);
    // 0xFF never starts a GB18030 character.
    let bytes = [good.as_ref(), b"\xFF", good.as_ref()].concat();
    let imported = import("a.txt", &bytes).expect("read");
    assert_eq!(imported.text, format!("{article}\u{fffd}{article}"));
    assert!(imported.notes.contains(&Note::Replaced { count: 1 }));
}

#[test]
fn line_ends_become_newlines() {
    let imported = import("a.txt", "第一行\r\n第二行\r第三行\n".as_bytes()).expect("read");
    assert_eq!(imported.text, "第一行\n第二行\n第三行\n");
}

#[test]
fn nul_bytes_or_many_control_characters_mean_binary() {
    assert_eq!(
        import("a.txt", b"text\0more text"),
        Err(ImportError::Binary)
    );
    let controls: Vec<u8> = (0..200u8)
        .map(|i| if i % 10 == 0 { 0x01 } else { b'a' })
        .collect();
    assert_eq!(import("a.txt", &controls), Err(ImportError::Binary));
    // A pseudo-random byte soup that is neither UTF-8 nor plausible GB18030.
    let mut state = 0x2545_F491_u32;
    let soup: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8 | 0x80
        })
        .collect();
    assert_eq!(import("a.txt", &soup), Err(ImportError::Binary));
}

#[test]
fn empty_and_too_large() {
    assert_eq!(import("a.txt", b""), Err(ImportError::Empty));
    assert_eq!(import("a.txt", b" \n\t\n"), Err(ImportError::Empty));
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_eq!(
        import("a.txt", &big),
        Err(ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        })
    );
}
