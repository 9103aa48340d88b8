//! `--user-dict FILE` and `wenxi dict check FILE`, checked by running the binary on
//! dictionaries of made-up names written here.

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::wenxi;

/// A dictionary file of this test's own, in a temporary directory.
fn dictionary(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("wenxi-dict-{name}-{}.txt", std::process::id()));
    std::fs::write(&path, text).expect("temp file");
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const LINE: &str = "昨晚云栖码头的灯光秀吸引了很多游客。\n";

#[test]
fn segment_keeps_dictionary_words_whole_and_reports_bad_lines() {
    let dict = dictionary(
        "segment",
        "\u{feff}# 地名\r\n云栖码头 ns\r\n墨川智能 很多 nt\r\n",
    );
    let words = |out: &Output| -> Vec<String> {
        text(&out.stdout)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let plain = wenxi(&["segment"], LINE);
    assert!(!words(&plain).contains(&"云栖码头".to_string()));
    let out = wenxi(
        &["segment", "--user-dict", dict.to_str().unwrap_or_default()],
        LINE,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        words(&out).contains(&"云栖码头".to_string()),
        "{:?}",
        words(&out)
    );
    // Line 3 is the bad one (the byte-order mark and the comment count as lines too).
    let stderr = text(&out.stderr);
    assert!(stderr.contains(":3: "), "{stderr}");
    assert!(!stderr.contains(":2: "), "{stderr}");
    let _ = std::fs::remove_file(dict);
}

#[test]
fn analyse_json_counts_the_dictionary_word_as_one_keyword() {
    let dict = dictionary("analyse", "霁月湾 ns\n");
    let article = "霁月湾的新码头今天启用。霁月湾的渔民说，霁月湾从此不再偏僻。\n";
    let out = wenxi(
        &[
            "analyse",
            "--json",
            "--user-dict",
            dict.to_str().unwrap_or_default(),
        ],
        article,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let keywords = report["keywords"].as_array().cloned().unwrap_or_default();
    let found = keywords.iter().find(|k| k["term"] == "霁月湾");
    assert_eq!(
        found.map(|k| (k["count"].as_u64(), k["pos"].as_str())),
        Some((Some(article.matches("霁月湾").count() as u64), Some("ns"))),
        "{keywords:?}"
    );
    let _ = std::fs::remove_file(dict);
}

#[test]
fn dict_check_lists_problems_and_fails_when_there_are_any() {
    let dict = dictionary(
        "check",
        "云栖码头 10 ns\n\n墨川智能 十\n王·小明 nr\n青禾数据\n",
    );
    let path = dict.to_str().unwrap_or_default();
    let out = wenxi(&["dict", "check", path], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let problems: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with(&format!("{path}:")))
        .filter(|l| l[path.len() + 1..].starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(problems.len(), 2, "{stdout}");
    assert!(problems[0].starts_with(&format!("{path}:3: ")), "{stdout}");
    assert!(problems[1].starts_with(&format!("{path}:4: ")), "{stdout}");
    assert!(stdout.contains("2 words, 2 problems"), "{stdout}");

    let good = dictionary("check-good", "云栖码头 10 ns\n青禾数据\n");
    let out = wenxi(&["dict", "check", good.to_str().unwrap_or_default()], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let _ = std::fs::remove_file(dict);
    let _ = std::fs::remove_file(good);
}

#[test]
fn a_missing_dictionary_is_an_error_naming_it() {
    let out = wenxi(&["segment", "--user-dict", "no-such-dictionary.txt"], LINE);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no-such-dictionary.txt"));
}
