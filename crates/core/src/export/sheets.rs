//! The report's tables as CSV: keywords, entities, statistics, phrases. Headers are in Chinese
//! (the reader's language) with the report's field name where a program may want it.

use std::collections::HashMap;

use super::csv::{Cell, CsvWriter};
use crate::values::display;
use crate::{Keyword, Report, Stats};

/// 1-based ranks of the terms of one ranking.
fn ranks(list: &[Keyword]) -> HashMap<&str, (usize, &Keyword)> {
    list.iter()
        .enumerate()
        .map(|(i, k)| (k.term.as_str(), (i + 1, k)))
        .collect()
}

/// The TF-IDF ranking, a row per keyword, with the term's TextRank score and rank and its
/// frequency rank where those rankings hold it.
pub fn csv_keywords(report: &Report) -> String {
    let textrank = ranks(&report.textrank);
    let frequency = ranks(&report.frequency);
    let mut csv = CsvWriter::new(&[
        "排名",
        "词",
        "词性",
        "TF-IDF 得分",
        "次数",
        "TextRank 得分",
        "TextRank 排名",
        "词频排名",
    ]);
    for (i, k) in report.keywords.iter().enumerate() {
        let tr = textrank.get(k.term.as_str());
        let freq_rank = frequency.get(k.term.as_str()).map(|(rank, _)| *rank);
        csv.row(&[
            Cell::Count(i + 1),
            Cell::Text(&k.term),
            Cell::Text(&k.pos),
            Cell::Number(k.score),
            Cell::Count(k.count),
            tr.map_or(Cell::Empty, |(_, t)| Cell::Number(t.score)),
            tr.map_or(Cell::Empty, |(rank, _)| Cell::Count(*rank)),
            freq_rank.map_or(Cell::Empty, Cell::Count),
        ]);
    }
    csv.finish()
}

/// Every entity, in the report's order (by type, most frequent first), with the value of a time
/// or quantity where it could be read.
pub fn csv_entities(report: &Report) -> String {
    let mut csv = CsvWriter::new(&[
        "类型",
        "type",
        "文本",
        "次数",
        "首次位置",
        "规范值",
        "值类别",
    ]);
    for e in &report.entities {
        let value = e.value.as_ref().map(display).unwrap_or_default();
        let kind = e.value.as_ref().map(|v| value_kind(&v.value)).unwrap_or("");
        csv.row(&[
            Cell::Text(e.kind.label_zh()),
            Cell::Text(e.kind.as_str()),
            Cell::Text(&e.text),
            Cell::Count(e.count),
            Cell::Count(e.first),
            Cell::Text(&value),
            Cell::Text(kind),
        ]);
    }
    csv.finish()
}

/// The `kind` tag a value has in the JSON report.
fn value_kind(v: &crate::values::Value) -> &'static str {
    use crate::values::Value;
    match v {
        Value::Date { .. } => "date",
        Value::Clock { .. } => "clock",
        Value::Duration { .. } => "duration",
        Value::Money { .. } => "money",
        Value::Measure { .. } => "measure",
        Value::Percent { .. } => "percent",
        Value::Count { .. } => "count",
        Value::Number { .. } => "number",
    }
}

/// The statistics as name–value rows, then the most frequent words of each part of speech.
pub fn csv_stats(report: &Report) -> String {
    let s: &Stats = &report.stats;
    let mut csv = CsvWriter::new(&["指标", "字段", "值"]);
    let counts: [(&str, &str, usize); 12] = [
        ("字数（不含空白）", "characters", s.characters),
        ("汉字", "han_characters", s.han_characters),
        ("字母", "letter_characters", s.letter_characters),
        ("数字", "digit_characters", s.digit_characters),
        ("标点", "punctuation_characters", s.punctuation_characters),
        ("其他字符", "other_characters", s.other_characters),
        ("词数", "words", s.words),
        ("不同的词", "unique_words", s.unique_words),
        ("实词", "content_words", s.content_words),
        ("句数", "sentences", s.sentences),
        ("段落", "paragraphs", s.paragraphs),
        (
            "最长句字数",
            "longest_sentence_chars",
            s.longest_sentence_chars,
        ),
    ];
    for (label, key, n) in counts {
        csv.row(&[Cell::Text(label), Cell::Text(key), Cell::Count(n)]);
    }
    for (label, key, x) in [
        ("实词比例", "lexical_density", s.lexical_density),
        (
            "平均句长（字）",
            "mean_sentence_chars",
            s.mean_sentence_chars,
        ),
    ] {
        csv.row(&[Cell::Text(label), Cell::Text(key), Cell::Number(x)]);
    }
    csv.row(&[
        Cell::Text("阅读时间（秒）"),
        Cell::Text("reading_seconds"),
        Cell::Count(s.reading_seconds as usize),
    ]);
    for group in &s.frequent {
        let words: Vec<String> = group
            .words
            .iter()
            .map(|w| format!("{} {}", w.term, w.count))
            .collect();
        let label = format!("高频{}", group.pos.label_zh());
        csv.row(&[
            Cell::Text(&label),
            Cell::Text("frequent"),
            Cell::Text(&words.join("、")),
        ]);
    }
    csv.finish()
}

/// Multi-word terms and new words, with the evidence for each.
pub fn csv_phrases(report: &Report) -> String {
    let mut csv = CsvWriter::new(&["短语", "组成", "次数", "凝固度", "左邻熵", "右邻熵", "得分"]);
    for p in &report.phrases {
        let parts = p.parts.join(" + ");
        csv.row(&[
            Cell::Text(&p.term),
            Cell::Text(&parts),
            Cell::Count(p.count),
            Cell::Number(p.cohesion),
            Cell::Number(p.left_entropy),
            Cell::Number(p.right_entropy),
            Cell::Number(p.score),
        ]);
    }
    csv.finish()
}
