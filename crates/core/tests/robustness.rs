//! Properties that must hold for any input: round trips, alignment, no panics, determinism.

mod common;

use common::analyzer;
use wenxi_core::{Options, Report};

/// Varied strings: scripts, widths, emoji, markup, control characters, odd white space.
fn samples() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\u{3000}",
        "English only, no Chinese at all.",
        "1234567890",
        "３．１４１５９ ＡＢＣ ｘｙｚ",
        "😀👍🏽👨‍👩‍👧 中文 emoji 🎉",
        "<script>alert('你好')</script><p class=\"x\">段落</p>",
        "\u{0}\u{1}\u{7}\u{1b}[31m红色\u{1b}[0m\u{7f}",
        "tab\tseparated\t文本",
        "零宽\u{200b}字符\u{feff}和\u{200d}连接",
        "e\u{301}\u{301}\u{301} 组合字符",
        "مرحبا بالعالم 和 עברית",
        "《》《未闭合 》》《《",
        "２０２４年１２月３１日，ＧＤＰ增长５％。",
        "？？？！！！。。。……——",
        "ｶﾞｷﾞｸﾞ ㍱ ﬁ ½ ①②③",
        "𠀀𠀁𪚥 (CJK Extension B)",
        "王  小  明",
        "A\u{0}B\u{0}C",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // A small deterministic generator mixing the pieces above character by character.
    let pool: Vec<char> = v.iter().flat_map(|s| s.chars()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for len in [1, 2, 7, 33, 120, 500] {
        let s: String = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                pool[(seed % pool.len() as u64) as usize]
            })
            .collect();
        v.push(s);
    }
    v
}

#[test]
fn segment_gives_the_line_back() {
    for s in samples() {
        for line in s.lines() {
            let words = analyzer().segment(line);
            assert_eq!(words.concat(), line, "{line:?}");
            assert!(words.iter().all(|w| !w.is_empty()), "{line:?}");
        }
    }
}

#[test]
fn segment_keeps_the_inputs_own_characters() {
    let words = analyzer().segment("２０２４年ＡＩ大会");
    assert_eq!(words.concat(), "２０２４年ＡＩ大会");
    assert!(words.iter().any(|w| w.contains('２')), "{words:?}");
}

#[test]
fn ner_bio_tags_exactly_the_non_white_space_chars() {
    for s in samples() {
        let tags = analyzer().ner_bio(&s);
        let chars: String = tags.iter().map(|(c, _)| *c).collect();
        let expected: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(chars, expected, "{s:?}");
        check_bio(&tags);
    }
}

/// Every tag is O, B-X or I-X, and I-X continues a B-X or I-X of the same X.
fn check_bio(tags: &[(char, String)]) {
    let mut prev: Option<&str> = None;
    for (c, tag) in tags {
        if tag == "O" {
            prev = None;
            continue;
        }
        let (bi, kind) = tag.split_once('-').unwrap_or(("?", ""));
        assert!(
            ["PER", "LOC", "ORG", "TIME", "QTY", "WORK"].contains(&kind),
            "{c} {tag}"
        );
        match bi {
            "B" => {}
            "I" => assert_eq!(prev, Some(kind), "{c} {tag} does not continue an entity"),
            _ => panic!("bad tag {tag}"),
        }
        prev = Some(kind);
    }
}

#[test]
fn ner_bio_marks_entities_in_the_inputs_characters() {
    let tags = analyzer().ner_bio("２０２４年５月，李明在武汉读《红楼梦》。");
    let get = |c: char| tags.iter().find(|(x, _)| *x == c).map(|(_, t)| t.as_str());
    assert_eq!(get('２'), Some("B-TIME"));
    assert_eq!(get('李'), Some("B-PER"));
    assert_eq!(get('明'), Some("I-PER"));
    assert_eq!(get('武'), Some("B-LOC"));
    assert_eq!(get('红'), Some("B-WORK"));
    assert_eq!(get('《'), Some("O"));
}

#[test]
fn nasty_inputs_never_panic() {
    let mut inputs = samples();
    inputs.push("中文abc123，".repeat(20_000)); // one huge line
    inputs.push("\n".repeat(10_000));
    inputs.push("😀".repeat(5_000));
    inputs.push("一".repeat(3_000));
    inputs.push("《".repeat(100) + &"》".repeat(100));
    for s in &inputs {
        let r = analyzer().analyse(s, &Options::default());
        assert_eq!(
            r.is_empty(),
            s.trim().is_empty() || r.stats.characters == 0,
            "{s:.40}"
        );
        let _ = analyzer().ner_bio(s);
        let _ = analyzer().segment(s);
    }
    let weird = Options {
        top_k: 0,
        extra_stopwords: vec![String::new(), " ".into(), "\u{0}".into()],
        ..Options::default()
    };
    let r = analyzer().analyse("新能源汽车", &weird);
    assert!(r.keywords.is_empty() && r.textrank.is_empty());
    assert!(
        !r.cloud.words.is_empty(),
        "the cloud does not depend on top_k"
    );
}

#[test]
fn empty_text_gives_an_empty_report() {
    for s in ["", "   ", "\n\n\t\u{3000}"] {
        let r = analyzer().analyse(s, &Options::default());
        assert!(r.is_empty());
        assert_eq!(r.stats, Default::default());
        assert!(r.keywords.is_empty() && r.entities.is_empty() && r.cloud.words.is_empty());
    }
}

#[test]
fn stats_by_hand() {
    let s = analyzer()
        .analyse("我。你！他？", &Options::default())
        .stats;
    assert_eq!(
        (
            s.characters,
            s.han_characters,
            s.words,
            s.unique_words,
            s.sentences,
            s.paragraphs
        ),
        (6, 3, 3, 3, 3, 1)
    );
    assert_eq!(s.reading_seconds, 1); // 3 × 0.2 s, rounded up

    let s = analyzer()
        .analyse("Hello world 2024\n\nfoo", &Options::default())
        .stats;
    assert_eq!((s.characters, s.han_characters), (17, 0));
    assert_eq!((s.words, s.unique_words), (4, 4));
    assert_eq!((s.sentences, s.paragraphs), (2, 2));
    assert_eq!(s.reading_seconds, 2); // 4 × 0.3 s

    let s = analyzer()
        .analyse(&"好".repeat(300), &Options::default())
        .stats;
    assert_eq!(
        (s.han_characters, s.reading_seconds, s.sentences),
        (300, 60, 1)
    );
}

#[test]
fn deterministic_across_analyzers() {
    let text: String = samples().concat() + include_str!("fixtures/news.txt");
    let a: Report = analyzer().analyse(&text, &Options::default());
    let b: Report = wenxi_core::Analyzer::with_embedded_model().analyse(&text, &Options::default());
    assert_eq!(a, b);
}
