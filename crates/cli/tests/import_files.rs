//! Named files are read as the page reads them: a .docx and a GBK text made here, and a PDF
//! refused with a message in both languages.

mod common;

use std::io::{Cursor, Write};
use std::path::PathBuf;

use common::wenxi;

const SENTENCE: &str = "李明在北京工作。";

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("wenxi-import-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("temp file");
    path
}

fn docx_of(text: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("entry");
    zip.write_all(document.as_bytes()).expect("write");
    zip.finish().expect("finish").into_inner()
}

fn stdout_of(args: &[&str]) -> String {
    let out = wenxi(args, b"");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_docx_is_segmented_like_the_same_text_on_standard_input() {
    let path = temp_file("a.docx", &docx_of(SENTENCE));
    let from_file = stdout_of(&["segment", &path.to_string_lossy()]);
    let from_stdin = wenxi(&["segment"], SENTENCE);
    assert_eq!(from_file, String::from_utf8_lossy(&from_stdin.stdout));
    assert_eq!(from_file.replace("  ", "").trim_end(), SENTENCE);
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_gbk_file_is_decoded_and_said_so() {
    let (bytes, _, _) = encoding_rs::GBK.encode(SENTENCE);
    let path = temp_file("gbk.txt", &bytes);
    let out = wenxi(&["ner", &path.to_string_lossy()], b"");
    assert!(out.status.success());
    let chars: String = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(chars, SENTENCE);
    assert!(String::from_utf8_lossy(&out.stderr).contains("GB18030"));
    let json = stdout_of(&["analyse", "--json", &path.to_string_lossy()]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("json report");
    assert_eq!(
        report["stats"]["characters"].as_u64(),
        Some(SENTENCE.chars().count() as u64)
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_pdf_is_refused_in_english_and_chinese() {
    let path = temp_file("paper.txt", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj");
    let out = wenxi(&["analyse", &path.to_string_lossy()], b"");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PDF") && err.contains("粘贴"), "{err}");
    assert!(err.contains(&*path.to_string_lossy()), "{err}");
    let _ = std::fs::remove_file(path);
}
