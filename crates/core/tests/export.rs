//! The exports read back as a spreadsheet or an SVG viewer would read them: CSV parsed by an
//! RFC 4180 reader written here, SVG by a real XML parser. Hostile terms (formulas, markup,
//! quotes, line breaks) must come back as the same text and never as anything else.

mod common;

use quick_xml::events::Event;
use quick_xml::Reader;
use wenxi_core::export::{
    cloud_svg, csv_entities, csv_keywords, csv_phrases, csv_stats, report_json, SvgOptions,
};
use wenxi_core::{Cloud, CloudWord, Entity, EntityType, Keyword, Options, Report};

/// Terms a spreadsheet or an SVG viewer could take for something other than text.
const HOSTILE: [&str; 12] = [
    "=SUM(A1)",
    "+1",
    "-2",
    "@cmd",
    "\t=1",
    "\"quoted, with comma\"",
    "第一行\r\n第二行",
    "line\nbreak",
    "表情😀👩‍👩‍👧",
    "\u{301}\u{302}lone marks",
    "<script>alert(1)</script>",
    "a&b \"' >",
];

/// Rows of an RFC 4180 file (CRLF or LF between rows, `""` for a quote inside quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "a quoted cell was never closed");
    assert!(
        cell.is_empty() && row.is_empty(),
        "the last row has no line end"
    );
    rows
}

/// What a spreadsheet shows for a neutralised cell: the text without the leading `'`.
fn shown(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

fn keyword(term: &str, score: f64) -> Keyword {
    Keyword {
        term: term.to_string(),
        score,
        count: 2,
        pos: "n".to_string(),
        why: Default::default(),
    }
}

fn hostile_report() -> Report {
    let mut report = Report {
        keywords: HOSTILE.iter().map(|t| keyword(t, 0.5)).collect(),
        textrank: HOSTILE.iter().rev().map(|t| keyword(t, 0.25)).collect(),
        ..Report::default()
    };
    report.entities = HOSTILE
        .iter()
        .map(|t| Entity {
            text: t.to_string(),
            kind: EntityType::Work,
            count: 1,
            first: 0,
            spans: Vec::new(),
            value: None,
        })
        .collect();
    report
}

#[test]
fn csv_files_start_with_the_bom_and_end_every_row_with_crlf() {
    let report = hostile_report();
    for csv in [
        csv_keywords(&report),
        csv_entities(&report),
        csv_stats(&report),
        csv_phrases(&report),
    ] {
        assert!(csv.starts_with('\u{feff}'), "{csv:?}");
        assert!(csv.ends_with("\r\n"));
        // Outside quoted cells every line feed follows a carriage return.
        let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
        let unquoted_lf = csv.matches('\n').count() - csv.matches("\r\n").count();
        let quoted_lf: usize = rows
            .iter()
            .flatten()
            .map(|c| c.matches('\n').count() - c.matches("\r\n").count())
            .sum();
        assert_eq!(unquoted_lf, quoted_lf, "bare LF outside a cell in {csv:?}");
    }
}

#[test]
fn hostile_keywords_come_back_as_the_same_text_and_never_as_a_formula() {
    let report = hostile_report();
    let csv = csv_keywords(&report);
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    let header = &rows[0];
    let term = header
        .iter()
        .position(|h| h == "词")
        .expect("a term column");
    assert_eq!(rows.len(), HOSTILE.len() + 1);
    for (row, expected) in rows[1..].iter().zip(HOSTILE) {
        assert_eq!(row.len(), header.len(), "{row:?}");
        let cell = &row[term];
        assert_eq!(shown(cell), expected);
        let risky = expected.starts_with(['=', '+', '-', '@', '\t', '\r']);
        assert_eq!(cell.starts_with('\''), risky, "{cell:?}");
    }
    // The TextRank columns found each term's rank in the other list.
    let tr_rank = header.iter().position(|h| h == "TextRank 排名").unwrap();
    assert_eq!(rows[1][tr_rank], HOSTILE.len().to_string());
}

#[test]
fn hostile_entities_come_back_as_the_same_text() {
    let report = hostile_report();
    let rows = parse_csv(csv_entities(&report).trim_start_matches('\u{feff}'));
    let text = rows[0].iter().position(|h| h == "文本").unwrap();
    let texts: Vec<&str> = rows[1..].iter().map(|r| shown(&r[text])).collect();
    assert_eq!(texts, HOSTILE);
}

/// A text written for this test: names, places, sums and dates.
const NEWS: &str =
    "新华社杭州3月5日电 浙江省文化和旅游厅5日发布消息，今年一季度全省接待游客约1.2亿人次，\
旅游收入超过1500亿元。厅长陈明远在发布会上说，西湖、乌镇和千岛湖仍是游客最多的景区。\n\
据介绍，杭州市今年将新建城市书房40家，投入资金2.5亿元。市文化局局长周晓梅表示，\
城市书房已成为市民阅读的新去处，去年接待读者超过300万人次。";

#[test]
fn a_real_report_exports_every_keyword_entity_and_number_unprefixed() {
    let report = common::analyzer().analyse(NEWS, &Options::default());
    assert!(!report.keywords.is_empty() && !report.entities.is_empty());

    let rows = parse_csv(csv_keywords(&report).trim_start_matches('\u{feff}'));
    let terms: Vec<&str> = rows[1..].iter().map(|r| shown(&r[1])).collect();
    let expected: Vec<&str> = report.keywords.iter().map(|k| k.term.as_str()).collect();
    assert_eq!(terms, expected);
    // Scores are numbers a spreadsheet can compute with: never prefixed, never negative.
    for row in &rows[1..] {
        let score: f64 = row[3].parse().expect("a plain number");
        assert!((0.0..=1.0).contains(&score), "{row:?}");
    }

    let rows = parse_csv(csv_entities(&report).trim_start_matches('\u{feff}'));
    let texts: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[1].as_str(), shown(&r[2])))
        .collect();
    let expected: Vec<(&str, &str)> = report
        .entities
        .iter()
        .map(|e| (e.kind.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(texts, expected);
    let valued = report.entities.iter().filter(|e| e.value.is_some()).count();
    let value_cells = rows[1..].iter().filter(|r| !r[5].is_empty()).count();
    assert!(valued > 0, "the text holds sums of money");
    assert_eq!(value_cells, valued);

    let rows = parse_csv(csv_stats(&report).trim_start_matches('\u{feff}'));
    let characters = rows
        .iter()
        .find(|r| r[1] == "characters")
        .expect("characters");
    assert_eq!(characters[2], report.stats.characters.to_string());
    for row in rows.iter().filter(|r| r[1] != "frequent").skip(1) {
        assert!(row[2].parse::<f64>().is_ok_and(|x| x >= 0.0), "{row:?}");
    }
}

#[test]
fn the_json_export_reads_back_as_the_same_report() {
    let report = common::analyzer().analyse(NEWS, &Options::default());
    let json = report_json(&report);
    let back: Report = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(back, report);
}

/// The texts of the `<text>` elements and the `class` of each, as an XML reader sees them.
fn svg_words(svg: &str) -> (String, Vec<(String, Option<String>)>) {
    let mut reader = Reader::from_str(svg);
    let mut words = Vec::new();
    let mut title = String::new();
    let mut open: Option<(String, Option<String>)> = None;
    let mut in_title = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "text" => {
                let class = e.try_get_attribute("class").expect("attributes").map(|a| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("escaped")
                        .into_owned()
                });
                open = Some((String::new(), class));
            }
            Event::Start(e) if e.name().as_ref() == "title" => in_title = true,
            Event::Text(t) => {
                let text = t.xml10_content();
                match &mut open {
                    Some((word, _)) => word.push_str(&text),
                    None if in_title => title.push_str(&text),
                    None => {}
                }
            }
            Event::GeneralRef(r) => {
                let entity = format!("&{};", &*r.xml10_content());
                let text = quick_xml::escape::unescape(&entity).expect("a known entity");
                match &mut open {
                    Some((word, _)) => word.push_str(&text),
                    None if in_title => title.push_str(&text),
                    None => {}
                }
            }
            Event::End(e) if e.name().as_ref() == "text" => words.extend(open.take()),
            Event::End(e) if e.name().as_ref() == "title" => in_title = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (title, words)
}

#[test]
fn the_cloud_svg_parses_and_its_words_round_trip() {
    let mut terms: Vec<String> = HOSTILE.iter().map(|t| t.to_string()).collect();
    terms.push("陈明远".to_string());
    let cloud = Cloud {
        width: 800.0,
        height: 500.0,
        words: terms
            .iter()
            .enumerate()
            .map(|(i, t)| CloudWord {
                term: t.clone(),
                x: 40.0 * i as f64,
                y: 30.0,
                font_size: 20.0,
                vertical: i % 2 == 1,
                weight: 0.5,
                ..CloudWord::default()
            })
            .collect(),
        ..Cloud::default()
    };
    let options = SvgOptions {
        title: "<b>&\"标题'</b>".to_string(),
        background: Some("\"/><script>x</script>".to_string()),
        font: Some("\"}</style><script>".to_string()),
        palette: vec!["\"/><script>y</script>".to_string()],
    };
    let svg = cloud_svg(&cloud, &options);
    assert!(
        !svg.contains("<script"),
        "markup in a term or option escaped: {svg}"
    );
    let (title, words) = svg_words(&svg);
    assert_eq!(title, options.title);
    assert_eq!(words.len(), terms.len());
    for (i, ((text, class), term)) in words.iter().zip(&terms).enumerate() {
        assert_eq!(text, term);
        assert_eq!(class.as_deref() == Some("vertical"), i % 2 == 1);
    }
    assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("viewBox=\"0 0 800 500\""));
    // Vertical words are stacked chars (one tspan each), not CSS writing-mode.
    assert!(!svg.contains("writing-mode"));
}

#[test]
fn characters_xml_cannot_carry_are_replaced_not_written() {
    let cloud = Cloud {
        width: 100.0,
        height: 100.0,
        words: vec![CloudWord {
            term: "a\u{1}b\u{ffff}".to_string(),
            x: f64::NAN,
            y: 1.0,
            font_size: 10.0,
            vertical: false,
            weight: 1.0,
            ..CloudWord::default()
        }],
        ..Cloud::default()
    };
    let svg = cloud_svg(&cloud, &SvgOptions::default());
    let (_, words) = svg_words(&svg);
    assert_eq!(words[0].0, "a\u{fffd}b\u{fffd}");
    assert!(!svg.contains("NaN"));
}

#[test]
fn a_real_cloud_exports_every_word() {
    let report = common::analyzer().analyse(NEWS, &Options::default());
    let svg = cloud_svg(&report.cloud, &SvgOptions::default());
    let (_, words) = svg_words(&svg);
    let texts: Vec<&str> = words.iter().map(|(t, _)| t.as_str()).collect();
    let expected: Vec<&str> = report.cloud.words.iter().map(|w| w.term.as_str()).collect();
    assert!(!expected.is_empty());
    assert_eq!(texts, expected);
}
