//! `wenxi analyse --csv TABLE` prints the table the page exports, built from the same report
//! `--json` prints.

mod common;

use common::wenxi;

/// Written for this test.
const TEXT: &str = "杭州市今年将新建城市书房40家，投入资金2.5亿元。市文化局局长周晓梅表示，\
城市书房已成为市民阅读的新去处。";

fn run(args: &[&str]) -> String {
    let out = wenxi(args, TEXT);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_keyword_table_lists_the_reports_keywords_in_order() {
    let report: serde_json::Value =
        serde_json::from_str(&run(&["analyse", "--json"])).expect("JSON");
    let csv = run(&["analyse", "--csv", "keywords"]);
    let body = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let terms: Vec<&str> = body
        .split("\r\n")
        .skip(1)
        .filter(|row| !row.is_empty())
        .map(|row| row.split(',').nth(1).expect("a term column"))
        .collect();
    let expected: Vec<&str> = report["keywords"]
        .as_array()
        .expect("keywords")
        .iter()
        .filter_map(|k| k["term"].as_str())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(terms, expected);
}

#[test]
fn every_table_prints_and_json_with_csv_is_refused() {
    for table in ["entities", "stats", "phrases"] {
        assert!(run(&["analyse", "--csv", table]).starts_with('\u{feff}'));
    }
    // Refused before any input is read, so none is given.
    let out = wenxi(&["analyse", "--csv", "stats", "--json"], "");
    assert!(!out.status.success());
}
