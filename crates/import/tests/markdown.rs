//! Markdown written here; the expected text is its words without the syntax.

mod common;

use common::text_as;
use wenxi_import::Format;

fn text_of(md: &str) -> String {
    text_as(Format::Markdown, "笔记.md", md.as_bytes())
}

#[test]
fn headings_emphasis_and_quotes_lose_their_marks() {
    let md = "# 一级标题 #\n## 二级标题\n\n这是**重点**和*强调*，还有~~删除~~与`代码`。\n> 引用的话\n\n#不是标题";
    assert_eq!(
        text_of(md),
        "一级标题\n二级标题\n\n这是重点和强调，还有删除与代码。\n引用的话\n\n#不是标题"
    );
}

#[test]
fn links_keep_their_text_images_and_urls_go() {
    let md = "见[官方网站](https://example.org/a_(b) \"标题\")和[参考][1]。\n\
![示意图](img/a.png)配图之后\n\
访问 https://example.org/path?q=1 或 <https://example.com>，www.example.net之后\n\
\n[1]: https://example.org/ref";
    assert_eq!(text_of(md), "见官方网站和参考。\n配图之后\n访问  或 ，之后");
}

#[test]
fn lists_tables_and_rules() {
    let md = "- 第一项\n* 第二项\n1. 第三项\n- [x] 已完成\n\n---\n\n| 城市 | 人口 |\n|:---|---:|\n| 广州 | 1882万 |\n\n标题\n===";
    assert_eq!(
        text_of(md),
        "第一项\n第二项\n第三项\n已完成\n\n\n\n城市\t人口\n广州\t1882万\n\n标题"
    );
}

#[test]
fn code_fences_keep_their_content_and_underscores_inside_words_stay() {
    let md =
        "```rust\nlet snake_case = 1; // **不是强调**\n```\n变量 snake_case 与 _斜体_ 和 3~5 天";
    assert_eq!(
        text_of(md),
        "let snake_case = 1; // **不是强调**\n变量 snake_case 与 斜体 和 3~5 天"
    );
}

#[test]
fn html_tags_comments_and_entities() {
    let md = "文字<br>换行<span class=\"x\">内联</span>&amp;实体\n<!-- 多行\n注释 -->之后\n\\*不是强调\\*";
    assert_eq!(text_of(md), "文字换行内联&实体\n之后\n*不是强调*");
}
