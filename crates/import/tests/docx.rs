//! Word documents built here from XML written here; the expected text is read off that XML.

mod common;

use common::{declare_size, docx, docx_with, para, text_as, zip_of, zip_with};
use wenxi_import::{import, DocxProblem, Format, ImportError, Note};
use zip::CompressionMethod;

fn text_of(bytes: &[u8]) -> String {
    text_as(Format::Docx, "文章.docx", bytes)
}

fn problem(bytes: &[u8]) -> Option<DocxProblem> {
    match import("文章.docx", bytes) {
        Err(ImportError::BrokenDocx { why }) => Some(why),
        _ => None,
    }
}

#[test]
fn paragraphs_become_lines_and_split_runs_join() {
    let body = [
        para(&["春眠不觉晓，", "处处闻啼鸟。"]),
        // Word splits runs anywhere, even inside a word.
        para(&["人工智", "能", "改变了世界"]),
        "<w:p/>".to_string(),
        para(&["Hello ", "world"]),
    ]
    .concat();
    assert_eq!(
        text_of(&docx(&body)),
        "春眠不觉晓，处处闻啼鸟。\n人工智能改变了世界\n\nHello world"
    );
}

#[test]
fn tabs_and_breaks_inside_runs_but_not_tab_stops() {
    let body = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>姓名</w:t><w:tab/><w:t>张三</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>"#;
    assert_eq!(text_of(&docx(body)), "姓名\t张三\n第二行\n第三行");
}

#[test]
fn table_cells_are_tabs_and_rows_are_lines() {
    let cell = |t: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", para(&[t]));
    let row = |a: &str, b: &str| format!("<w:tr>{}{}</w:tr>", cell(a), cell(b));
    let body = format!(
        "{}<w:tbl><w:tblPr/>{}{}</w:tbl>{}",
        para(&["表前"]),
        row("城市", "人口"),
        row("北京", "2188万"),
        para(&["表后"])
    );
    assert_eq!(
        text_of(&docx(&body)),
        "表前\n城市\t人口\n北京\t2188万\n表后"
    );
}

#[test]
fn tracked_deletions_and_field_codes_are_left_out_with_a_note() {
    let body = r#"<w:p><w:r><w:t>会议在</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>上海</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>杭州</w:t></w:r></w:ins><w:r><w:t>举行</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    let imported = import("a.docx", &docx(body)).expect("read");
    assert_eq!(imported.text, "会议在杭州举行\n3");
    assert!(imported
        .notes
        .contains(&Note::DeletionsLeftOut { count: 1 }));
}

#[test]
fn entities_and_character_references_are_decoded() {
    let body = para(&["A &amp; B &lt;C&gt; &#x4E2D;&#25991; &quot;引&apos;"]);
    assert_eq!(text_of(&docx(&body)), "A & B <C> 中文 \"引'");
}

#[test]
fn drawings_are_skipped_and_fallback_text_is_not_doubled() {
    let body = r#"<w:p><w:r><w:t>图前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline/></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>备用</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>图后</w:t></w:r></w:p>"#;
    let imported = import("a.docx", &docx(body)).expect("read");
    assert_eq!(imported.text, "图前图后");
    assert!(imported.notes.contains(&Note::ObjectsSkipped { count: 1 }));
}

#[test]
fn footnotes_are_appended_under_a_heading() {
    let footnotes = r#"<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>见第三章。</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let imported = import(
        "a.docx",
        &docx_with(&para(&["正文"]), &[("word/footnotes.xml", footnotes)]),
    )
    .expect("read");
    assert_eq!(imported.text, "正文\n\n注释\n见第三章。");
    assert!(imported.notes.contains(&Note::NotesAppended { count: 1 }));
}

#[test]
fn stored_and_zip64_packages_are_read() {
    let document = common::document_xml(&para(&["存储的文档"]));
    for (method, large) in [
        (CompressionMethod::Stored, false),
        (CompressionMethod::Deflated, true),
    ] {
        let bytes = zip_with(&[("word/document.xml", document.as_bytes())], method, large);
        assert_eq!(text_of(&bytes), "存储的文档", "{method:?} large={large}");
    }
}

#[test]
fn a_docx_named_txt_is_still_read_as_a_docx() {
    let imported = import("notes.txt", &docx(&para(&["内容"]))).expect("read");
    assert_eq!(
        (imported.format, imported.text.as_str()),
        (Format::Docx, "内容")
    );
}

#[test]
fn every_prefix_of_a_docx_gives_an_error_or_text_never_a_panic() {
    let body = [para(&["第一段"]), para(&["第二段，", "有两个 run"])].concat();
    let bytes = docx(&body);
    let mut errors = 0;
    for len in 0..bytes.len() {
        match import("a.docx", &bytes[..len]) {
            Ok(imported) => assert!(!imported.text.contains('\0')),
            Err(_) => errors += 1,
        }
    }
    // Only the complete file has its directory; every shorter prefix is refused.
    assert_eq!(errors, bytes.len());
    assert_eq!(
        problem(&bytes[..bytes.len() - 1]),
        Some(DocxProblem::Truncated)
    );
}

#[test]
fn a_zip_without_a_document_or_not_a_zip_at_all() {
    let zip = zip_of(&[("word/styles.xml", b"<w:styles/>".as_slice())]);
    assert_eq!(problem(&zip), Some(DocxProblem::NoDocument));
    assert_eq!(problem("只是文字".as_bytes()), Some(DocxProblem::NotZip));
}

#[test]
fn malformed_xml_is_refused() {
    let zip = zip_of(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p><w:t>x</w:p></w:body></w:document>".as_slice(),
    )]);
    assert_eq!(problem(&zip), Some(DocxProblem::BadXml));
}

#[test]
fn a_declared_huge_size_is_refused_before_inflating() {
    let mut bytes = docx(&para(&["小"]));
    declare_size(&mut bytes, 3_000_000_000);
    assert_eq!(problem(&bytes), Some(DocxProblem::TooBig));
}

#[test]
fn more_output_than_declared_is_refused() {
    // 8 MB of XML that deflates to a few KB, declared as 1000 bytes.
    let filler = "<w:p/>".repeat(8 << 20 >> 3);
    let mut bytes = docx(&filler);
    declare_size(&mut bytes, 1000);
    assert_eq!(problem(&bytes), Some(DocxProblem::TooBig));
}

#[test]
fn a_ratio_deflate_cannot_reach_is_refused() {
    let mut bytes = docx(&para(&["小"]));
    declare_size(&mut bytes, 200 << 20);
    assert_eq!(problem(&bytes), Some(DocxProblem::TooBig));
}

#[test]
fn other_office_packages_are_named() {
    let xlsx = zip_of(&[("xl/workbook.xml", b"<workbook/>".as_slice())]);
    let pptx = zip_of(&[("ppt/presentation.xml", b"<p/>".as_slice())]);
    let plain = zip_of(&[("readme.txt", b"hello".as_slice())]);
    use wenxi_import::Unsupported::*;
    for (name, bytes, what) in [
        ("a.xlsx", &xlsx, Xlsx),
        ("a.pptx", &pptx, Pptx),
        ("a.zip", &plain, Archive),
        ("a.txt", &plain, Archive),
    ] {
        assert_eq!(
            import(name, bytes),
            Err(ImportError::NotSupported { what }),
            "{name}"
        );
    }
}
