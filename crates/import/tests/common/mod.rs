//! Shared by the import tests: reading a file that must import as one format, building .docx
//! packages with the `zip` crate from XML written here, and the byte patches that make them
//! hostile.
#![allow(dead_code)]

use std::io::{Cursor, Write};

use wenxi_import::{import, Format};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The text of `bytes` imported as `name`; fails the test unless it is read as `format`.
pub fn text_as(format: Format, name: &str, bytes: &[u8]) -> String {
    match import(name, bytes) {
        Ok(imported) => {
            assert_eq!(imported.format, format);
            imported.text
        }
        Err(e) => panic!("{name} not read as {format:?}: {e}"),
    }
}

/// A zip of `(name, content)` entries, deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(entries, CompressionMethod::Deflated, false)
}

/// A zip of `entries` with `method`; `large` forces zip64 records.
pub fn zip_with(entries: &[(&str, &[u8])], method: CompressionMethod, large: bool) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .large_file(large);
    for (name, content) in entries {
        writer.start_file(*name, options).expect("zip entry starts");
        writer.write_all(content).expect("zip entry written");
    }
    writer.finish().expect("zip finishes").into_inner()
}

/// A WordprocessingML document whose `<w:body>` holds `body`.
pub fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A .docx with `body` as its document and the usual package parts around it.
pub fn docx(body: &str) -> Vec<u8> {
    docx_with(body, &[])
}

/// A .docx with `body` and further parts (footnotes…).
pub fn docx_with(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
    let document = document_xml(body);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
        ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#),
        ("word/document.xml", document.as_bytes()),
    ];
    entries.extend(parts.iter().map(|(n, c)| (*n, c.as_bytes())));
    zip_of(&entries)
}

/// A paragraph of one run per item of `runs`.
pub fn para(runs: &[&str]) -> String {
    let runs: String = runs
        .iter()
        .map(|r| format!("<w:r><w:t xml:space=\"preserve\">{r}</w:t></w:r>"))
        .collect();
    format!("<w:p>{runs}</w:p>")
}

/// Offsets of every occurrence of the 4-byte little-endian `signature` in `bytes`.
pub fn signatures(bytes: &[u8], signature: u32) -> Vec<usize> {
    let sig = signature.to_le_bytes();
    bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == sig)
        .map(|(i, _)| i)
        .collect()
}

/// Sets the declared uncompressed size of every entry (local and central headers) to `size`.
pub fn declare_size(bytes: &mut [u8], size: u32) {
    for at in signatures(bytes, 0x0403_4b50) {
        bytes[at + 22..at + 26].copy_from_slice(&size.to_le_bytes());
    }
    for at in signatures(bytes, 0x0201_4b50) {
        bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
    }
}
