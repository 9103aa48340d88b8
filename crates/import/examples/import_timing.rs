//! How long big files take to import (run with `--release`): 60 MB of text in UTF-8 and in
//! GB18030, 20 MB of HTML and of Markdown, and a .docx whose document.xml is 20 MB. The inputs
//! are generated here from one short paragraph, so the figures compare sizes, not content.

use std::io::{Cursor, Write};
use std::time::Instant;

const PARAGRAPH: &str = "今天上午，市图书馆举办了古籍修复展，参观者在“纸上春秋”展区驻足良久。";

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

fn time(label: &str, name: &str, bytes: &[u8]) {
    let started = Instant::now();
    let result = wenxi_import::import(name, bytes);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(imported) => println!(
            "{label:<28} {:>6.1} MB in {ms:>7.1} ms → {:>6.1} MB of text",
            bytes.len() as f64 / 1048576.0,
            imported.text.len() as f64 / 1048576.0
        ),
        Err(e) => println!("{label:<28} refused: {e}"),
    }
}

fn main() {
    let text = repeat_to(&format!("{PARAGRAPH}\r\n"), 60 << 20);
    time("text, UTF-8, CRLF", "a.txt", text.as_bytes());
    let line = format!("{PARAGRAPH}\r\n");
    let (unit, _, _) = encoding_rs::GB18030.encode(&line);
    let gb = unit.repeat((60 << 20) / unit.len());
    time("text, GB18030", "a.txt", &gb);

    let html_unit = format!(
        "<div class=\"a>b\"><p>{PARAGRAPH}&ldquo;引&rdquo;&#x4E2D;</p><script>var s='</p>';</script><!-- c --><table><tr><td>一</td><td>二</td></tr></table></div>\n"
    );
    time("HTML", "a.html", repeat_to(&html_unit, 20 << 20).as_bytes());
    let md_unit = format!("## 标题\n\n**{PARAGRAPH}** [链接](https://example.org/x) `代码` https://a.b/c\n\n| a | b |\n|---|---|\n| 一 | 二 |\n\n");
    time("Markdown", "a.md", repeat_to(&md_unit, 20 << 20).as_bytes());

    let body = repeat_to(
        &format!("<w:p><w:r><w:t>{PARAGRAPH}</w:t></w:r><w:r><w:tab/><w:t>续</w:t></w:r></w:p>"),
        20 << 20,
    );
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).expect("entry");
    zip.write_all(xml.as_bytes()).expect("write");
    let docx = zip.finish().expect("finish").into_inner();
    time("docx (20 MB document.xml)", "a.docx", &docx);

    // Hostile shapes that would be quadratic in a naive scanner.
    for (label, name, unit) in [
        ("HTML, unclosed quotes", "a.html", "<a x=\"中 "),
        ("HTML, unclosed <script", "a.html", "<script>x</scrip "),
        ("HTML, bare < and &", "a.html", "a < b &#x &am "),
        ("Markdown, unmatched [ ( `", "a.md", "[a](b `c ~~ _d "),
        ("Markdown, [[[ ((( <a<a", "a.md", "[[[(((<a<a``"),
    ] {
        time(label, name, repeat_to(unit, 20 << 20).as_bytes());
    }
}
