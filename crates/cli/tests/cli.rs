//! The `wenxi` binary's contracts (GUIDE.md §3), checked by running it.

use std::process::Output;

mod common;
use common::wenxi;

const ARTICLE: &str = include_str!("../../core/tests/fixtures/news.txt");

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("output is UTF-8")
}

#[test]
fn analyse_json_has_the_contract_fields() {
    let out = stdout(&wenxi(&["analyse", "--json"], ARTICLE.as_bytes()));
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let keywords = v["keywords"].as_array().expect("keywords array");
    assert!(!keywords.is_empty());
    assert_eq!(keywords[0]["score"].as_f64(), Some(1.0));
    let mut last = f64::INFINITY;
    for k in keywords {
        let score = k["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score) && score <= last);
        last = score;
        assert!(!k["term"].as_str().expect("term").is_empty());
        assert!(k["count"].as_u64().expect("count") >= 1);
    }
    let entities = v["entities"].as_array().expect("entities array");
    let types = [
        "person",
        "place",
        "organization",
        "time",
        "quantity",
        "work",
    ];
    for e in entities {
        assert!(types.contains(&e["type"].as_str().expect("type")), "{e}");
        assert!(!e["text"].as_str().expect("text").is_empty());
        assert!(e["count"].as_u64().expect("count") >= 1);
    }
    assert!(entities
        .iter()
        .any(|e| e["type"] == "person" && e["text"] == "陈晓红"));
    let stats = &v["stats"];
    let non_white = ARTICLE.chars().filter(|c| !c.is_whitespace()).count() as u64;
    assert_eq!(stats["characters"].as_u64(), Some(non_white));
    assert_eq!(stats["paragraphs"].as_u64(), Some(7));
    assert!(stats["words"].as_u64() > Some(100));
    assert!(stats["sentences"].as_u64() > Some(10));
}

#[test]
fn analyse_reads_a_file_and_dash_alike() {
    let path = std::env::temp_dir().join(format!("wenxi-cli-test-{}.txt", std::process::id()));
    std::fs::write(&path, "李明在北京工作。").expect("temp file");
    let from_file = stdout(&wenxi(
        &["analyse", "--json", path.to_str().unwrap_or("")],
        b"",
    ));
    let from_dash = stdout(&wenxi(
        &["analyse", "-", "--json"],
        "李明在北京工作。".as_bytes(),
    ));
    let _ = std::fs::remove_file(&path);
    assert_eq!(from_file, from_dash);
}

#[test]
fn analyse_plain_text_summary() {
    let out = stdout(&wenxi(&["analyse"], ARTICLE.as_bytes()));
    assert!(out.contains("TF-IDF") && out.contains("TextRank"));
    assert!(out.contains("陈晓红×2"), "{out}");
    // At most 20 keywords per ranking.
    assert!(!out.contains("21. "));
}

/// A page of two news items: the summary lists both, by their own headlines, and the quoted
/// term the second one uses twice.
#[test]
fn analyse_summary_lists_articles_and_quoted_terms() {
    let page = "石桥镇新建跨河大桥通车\n本报讯（记者 王立新）\n石桥镇跨河大桥今天上午正式通车，大桥全长775米，\
                总投资9504万元。大桥通车后，两岸居民往来的时间由四十分钟缩短到五分钟。镇里表示，\
                大桥的养护将纳入全县公路养护计划。\n\n\
                茶农春茶采摘忙\n本报讯（通讯员 李春梅）\n\
                清明前后，山区茶园进入采摘旺季。当地推行“茶园托管”，由合作社统一管护。\
                今年加入“茶园托管”的茶农超过三百户，春茶产量比去年增加两成。\n";
    let out = stdout(&wenxi(&["analyse"], page.as_bytes()));
    assert!(out.contains("分篇 Articles (2)"), "{out}");
    assert!(
        out.contains("石桥镇新建跨河大桥通车") && out.contains("茶农春茶采摘忙"),
        "{out}"
    );
    assert!(out.contains("“茶园托管”×2"), "{out}");
}

#[test]
fn segment_round_trips_each_line() {
    let input = "新华社武汉5月3日电\n\n２０２４年ＧＤＰ增长５％，😀<b>好</b>\r\nEnglish words\n";
    let out = stdout(&wenxi(&["segment"], input.as_bytes()));
    let in_lines: Vec<&str> = input.lines().collect();
    let out_lines: Vec<&str> = out.lines().collect();
    assert_eq!(in_lines.len(), out_lines.len());
    for (i, o) in in_lines.iter().zip(&out_lines) {
        if i.contains(' ') {
            continue; // spaces are tokens of their own: checked below
        }
        assert_eq!(o.replace("  ", ""), *i);
        if i.chars().count() > 4 {
            assert!(o.contains("  "), "{o:?} was not split");
        }
    }
    assert_eq!(out_lines[1], "");
    // "English", " ", "words" joined by two-space separators.
    assert_eq!(out_lines[3], "English     words");
}

#[test]
fn ner_bio_shape_and_characters() {
    let input = "李明在武汉工作。\n\n２０２４年５月 读《红楼梦》\n";
    let out = stdout(&wenxi(&["ner", "--format", "bio"], input.as_bytes()));
    let blocks: Vec<&str> = out.split("\n\n").collect();
    // One block per input line (the empty line gives an empty block), then the final newline.
    let expected: Vec<String> = input
        .lines()
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    assert!(out.ends_with("\n\n"));
    let sentences: Vec<String> = out
        .trim_end_matches('\n')
        .split('\n')
        .collect::<Vec<_>>()
        .split(|l| l.is_empty())
        .map(|block| {
            block
                .iter()
                .map(|l| {
                    let (c, tag) = l.split_once('\t').expect("char TAB tag");
                    assert_eq!(c.chars().count(), 1, "{l:?}");
                    assert!(
                        tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
                        "{l:?}"
                    );
                    c.to_string()
                })
                .collect()
        })
        .collect();
    assert_eq!(sentences, expected, "{blocks:?}");
    assert!(out.contains("李\tB-PER\n明\tI-PER\n"));
    assert!(out.contains("２\tB-TIME\n"));
    assert!(out.contains("红\tB-WORK\n"));
}

#[test]
fn invalid_utf8_is_an_error_with_an_offset() {
    let o = wenxi(&["segment"], b"abc\xff\xfe");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("not valid UTF-8") && err.contains("byte offset 3"),
        "{err}"
    );
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let o = wenxi(&["analyse", "/no/such/wenxi-file.txt"], b"");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/wenxi-file.txt"));
}

#[test]
fn empty_input_is_fine() {
    let out = stdout(&wenxi(&["analyse", "--json"], b""));
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["stats"]["characters"], 0);
    assert_eq!(stdout(&wenxi(&["segment"], b"")), "");
    assert_eq!(stdout(&wenxi(&["ner", "--format", "bio"], b"")), "");
}
