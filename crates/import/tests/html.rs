//! HTML pages written here; the expected text is what a browser shows of them.

use encoding_rs::GBK;
mod common;

use common::text_as;
use wenxi_import::{import, Format};

fn text_of(html: &str) -> String {
    text_as(Format::Html, "page.html", html.as_bytes())
}

#[test]
fn title_first_then_body_without_scripts_styles_and_comments() {
    let page = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>  城市
  新闻 </title>
<style>p { color: red; } /* 样式 */</style>
<script>var s = "<p>不是正文</p>"; if (a < b && c > d) {}</script>
</head>
<body>
<!-- 注释
跨行 -->
<h1>标题</h1>
<p>第一段
  文字，   有换行。</p>
<noscript>请开启脚本</noscript>
<template><p>模板</p></template>
<svg><title>图标</title><text>矢量</text></svg>
<div>第二段</div>
</body></html>"#;
    assert_eq!(
        text_of(page),
        "城市 新闻\n标题\n第一段 文字， 有换行。\n第二段"
    );
}

#[test]
fn entities_named_numeric_and_unknown() {
    let page = "<p>&ldquo;文析&rdquo;&mdash;&nbsp;A&amp;B &lt;tag&gt; &#20013;&#x6587; &hellip;&middot;&copy; &yen;5 &unknown; & alone</p>";
    assert_eq!(
        text_of(page),
        "“文析”— A&B <tag> 中文 …·© ¥5 &unknown; & alone"
    );
}

#[test]
fn tags_spanning_lines_and_quoted_angle_brackets() {
    let page = "<p\n class=\"a\"\n data-x='1 > 0' title=\"b>c\">甲</p><a href=\"x?a>b\">乙</a>";
    assert_eq!(text_of(page), "甲\n乙");
}

#[test]
fn script_ends_at_its_end_tag_even_inside_a_string_as_in_browsers() {
    let page = "<p>前</p><script>var s = \"</script>\";</script><p>后</p>";
    // The browser ends the script at the first `</script>`; the rest of the string is text.
    assert_eq!(text_of(page), "前\n\";\n后");
    let page = "<p>前</p><script>if (a</b) {}</SCRIPT ><p>后</p>";
    assert_eq!(text_of(page), "前\n后");
}

#[test]
fn unclosed_tags_and_comments() {
    assert_eq!(text_of("<p>开头<b>加粗<i>斜体"), "开头加粗斜体");
    assert_eq!(text_of("<p>前</p><!-- 没有结束"), "前");
    assert_eq!(text_of("<p>前</p><img src=\"a.png\""), "前");
    // `<` before a space is text; `<d</p>` is (as in browsers) one odd tag.
    assert_eq!(text_of("<p>a < b 且 c<d</p>x"), "a < b 且 cx");
    // An unclosed quote ends at the next `>` instead of hiding the rest.
    assert_eq!(text_of("<p title=\"x>正文</p><p>后文</p>"), "正文\n后文");
}

#[test]
fn blocks_breaks_tables_and_pre() {
    let page = "<ul><li>一</li><li>二</li></ul>行<br>断<br/><br>开\
<table><tr><th>城市</th><td>人口</td></tr><tr><td>上海</td><td>2487万</td></tr></table>\
<pre>\n  缩进  保留\n第二行</pre><p>后</p>";
    assert_eq!(
        text_of(page),
        "一\n二\n行\n断\n\n开\n城市\t人口\n上海\t2487万\n  缩进  保留\n第二行\n后"
    );
}

#[test]
fn head_without_end_tag_ends_at_the_first_body_element() {
    let page = "<html><head><title>题</title><meta name=x><p>正文</p>";
    assert_eq!(text_of(page), "题\n正文");
}

#[test]
fn meta_charset_gbk_and_http_equiv() {
    let body = "<p>中文网页，编码为国标。</p>";
    for head in [
        r#"<meta charset="gbk">"#,
        r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#,
    ] {
        let page = format!("<html><head>{head}</head><body>{body}</body></html>");
        let (bytes, _, _) = GBK.encode(&page);
        let imported = import("旧网页.htm", &bytes).expect("read");
        assert_eq!(imported.text, "中文网页，编码为国标。");
        assert_eq!(imported.encoding, "GBK");
        assert!(
            imported.notes.is_empty(),
            "a declared encoding needs no note"
        );
    }
}

#[test]
fn undeclared_gbk_page_falls_back_like_text() {
    let (bytes, _, _) = GBK.encode("<html><body><p>没有声明编码</p></body></html>");
    let imported = import("page.html", &bytes).expect("read");
    assert_eq!(
        (imported.text.as_str(), imported.encoding),
        ("没有声明编码", "GB18030")
    );
}

#[test]
fn a_page_without_extension_is_recognised() {
    let imported = import("download", b"<!doctype html><p>x &amp; y</p>").expect("read");
    assert_eq!(
        (imported.format, imported.text.as_str()),
        (Format::Html, "x & y")
    );
}
