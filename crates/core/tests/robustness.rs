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

/// Everything a report says about positions and counts holds for `text`.
fn check_report(text: &str, r: &Report) {
    let chars: Vec<char> = wenxi_core::normalize::Normalized::new(text)
        .text
        .chars()
        .collect();
    let analysed = r.coverage.analysed_chars;
    assert_eq!(r.coverage.total_chars, chars.len(), "{text:.40?}");
    assert!(analysed <= chars.len());
    let read = &chars[..analysed];
    assert_eq!(
        r.stats.characters,
        read.iter().filter(|c| !c.is_whitespace()).count(),
        "{text:.40?}"
    );
    for e in &r.entities {
        assert_eq!(e.count, e.spans.len(), "{e:?}");
        for &[start, end] in &e.spans {
            assert!(start < end && end <= analysed, "{e:?} in {text:.40?}");
            assert_eq!(e.text, read[start..end].iter().collect::<String>());
        }
    }
    for k in r.keywords.iter().chain(&r.textrank) {
        assert!((0.0..=1.0).contains(&k.score) && k.count >= 1, "{k:?}");
    }
    for a in &r.articles {
        assert!(
            a.start <= a.end && a.end <= analysed,
            "{}..{}",
            a.start,
            a.end
        );
    }
}

/// What a browser may hand over: controls, NUL, lone CR, line and paragraph separators, U+FFFD
/// where a lone surrogate was, emoji with skin tones and ZWJ sequences, flags, right-to-left
/// text inside Chinese, combining marks, bidi overrides.
#[test]
fn odd_characters_keep_the_report_consistent() {
    let odd = [
        "\u{0}北京\u{0}上海\u{0}",
        "第一行\r第二行\r第三行2020年5月",
        "段落一\u{2028}段落二\u{2029}段落三，投资3亿元。",
        "他说\u{fffd}\u{fffd}这是\u{fffd}“替换”字符\u{fffd}",
        "👨‍👩‍👧‍👦一家人👍🏿点赞🏳️‍🌈🇨🇳中国 👩🏽‍💻程序员",
        "阿拉伯语مرحبا بالعالم和希伯来语שלום עולם混排，2023年",
        "\u{202e}倒序文本\u{202c}与\u{200f}标记\u{200e}",
        "组合ё\u{301}字符a\u{300}\u{301}\u{302}\u{303}\u{304}e\u{20dd}",
        "\u{1}\u{2}\u{3}\u{8}\u{b}\u{c}\u{e}\u{1f}\u{7f}\u{85}\u{9f}张伟在武汉",
        "\u{feff}\u{200b}\u{200c}\u{200d}\u{2060}\u{fe0f}",
        "🇨🇳🇨🇳🇨🇳🇨",
        "《\u{fffd}》《👍🏽》《\u{0}》",
    ];
    for s in odd {
        let r = analyzer().analyse(s, &Options::default());
        check_report(s, &r);
        assert_eq!(r.coverage.analysed_chars, s.chars().count());
        assert!(r.coverage.stopped.is_none());
        for line in s.lines() {
            assert_eq!(analyzer().segment(line).concat(), line);
        }
    }
}

/// Sentences written for these tests, repeated to any length.
fn long_text(min_chars: usize) -> String {
    let sentences = [
        "市政府今天召开新闻发布会，介绍今年城市建设的进展。",
        "全市新建学校12所，改造老旧小区3400户，投资约9.5亿元。\n",
        "记者在长江边看到，河道整治后，居民散步的人多了起来！",
        "项目负责人王建国表示，明年将继续推进营商环境改革。\n",
    ];
    let mut out = String::new();
    let (mut i, mut chars) = (0, 0);
    while chars < min_chars {
        let s = sentences[i % sentences.len()];
        out.push_str(s);
        chars += s.chars().count();
        i += 1;
    }
    out
}

#[test]
fn a_limit_stops_at_a_sentence_and_says_so() {
    let text = long_text(5_000);
    let max_chars = 1_000;
    let limit = wenxi_core::limits::Limit { max_chars };
    let (r, _) = analyzer().analyse_within(&text, &Options::default(), &|| 0.0, limit);
    check_report(&text, &r);
    let c = &r.coverage;
    assert_eq!(c.total_chars, text.chars().count());
    assert!(c.analysed_chars <= max_chars && c.analysed_chars > max_chars / 2);
    let last = text.chars().nth(c.analysed_chars - 1);
    assert!(matches!(last, Some('。' | '！' | '\n')), "{last:?}");
    let said = c.stopped.as_deref().unwrap_or("");
    assert!(
        said.contains(&c.analysed_chars.to_string()) && said.contains(&c.total_chars.to_string())
    );
    // Below the limit nothing is cut.
    let limit = wenxi_core::limits::Limit {
        max_chars: text.chars().count(),
    };
    let (whole, _) = analyzer().analyse_within(&text, &Options::default(), &|| 0.0, limit);
    assert!(whole.coverage.stopped.is_none());
    assert_eq!(whole.coverage.analysed_chars, text.chars().count());
}

/// `count` distinct Latin words (base-26 numerals: aab, bab, …), in a shuffled-looking order.
fn distinct_words(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let mut n = (i * 7_919) % count + 26 * 26;
            let mut w = String::new();
            while n > 0 {
                w.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
            w
        })
        .collect()
}

/// One line with no punctuation, and a text of distinct tokens: stages that work per sentence
/// or compare tokens must stay linear. Sized for debug builds; the release-size runs
/// (1 MB, 100,000 tokens) are the ignored test below.
#[test]
fn one_long_line_and_many_distinct_tokens() {
    let line: String = long_text(20_000)
        .chars()
        .filter(|&c| wenxi_core::segment::is_han(c))
        .collect();
    let r = analyzer().analyse(&line, &Options::default());
    check_report(&line, &r);
    assert_eq!(r.stats.sentences, 1);
    assert!(!r.keywords.is_empty());

    // Opening marks that never close and closing marks with nothing open, on one line.
    let marks = "“说‘好「对』《书〉".repeat(5_000);
    check_report(&marks, &analyzer().analyse(&marks, &Options::default()));

    let words = distinct_words(10_000).join(" ");
    let r = analyzer().analyse(&words, &Options::default());
    check_report(&words, &r);
    assert_eq!(r.stats.unique_words, 10_000);
}

/// The sizes the issue names (run with `cargo test --release -- --ignored`: minutes in a debug
/// build). A 50 MB paste is read up to the limit; a 1 MB line and 100,000 distinct tokens whole.
#[test]
#[ignore]
fn issue_sizes() {
    let big = long_text(17_000_000);
    let r = analyzer().analyse(&big, &Options::default());
    check_report(&big, &r);
    assert!(r.coverage.stopped.is_some());
    let analysed = r.coverage.analysed_chars;
    assert!(
        analysed <= wenxi_core::limits::MAX_CHARS && analysed > wenxi_core::limits::MAX_CHARS / 2
    );
    eprintln!("analysed {analysed} of {} chars", r.coverage.total_chars);

    let line: String = long_text(1_000_000)
        .chars()
        .filter(|&c| wenxi_core::segment::is_han(c))
        .collect();
    check_report(&line, &analyzer().analyse(&line, &Options::default()));

    let words = distinct_words(100_000).join(" ");
    let r = analyzer().analyse(&words, &Options::default());
    check_report(&words, &r);
    assert_eq!(r.stats.unique_words, 100_000);
}

/// Progress is told from the first stage to the last, never going back, and watching an
/// analysis does not change its report.
#[test]
fn progress_runs_through_every_stage_in_order_and_changes_nothing() {
    use std::cell::RefCell;
    use wenxi_core::progress::{Progress, Stage};
    let text = "西安市图书馆举办读书会，馆长赵明远介绍了新馆的情况。\n".repeat(3_000);
    let told: RefCell<Vec<Progress>> = RefCell::new(Vec::new());
    let (watched, _) = analyzer().analyse_observed(
        &text,
        &Options::default(),
        &|| 0.0,
        &|p| told.borrow_mut().push(p),
        wenxi_core::limits::Limit::default(),
    );
    let told = told.into_inner();
    let stages: Vec<Stage> = told.iter().map(|p| p.stage).fold(Vec::new(), |mut v, s| {
        if v.last() != Some(&s) {
            v.push(s);
        }
        v
    });
    assert_eq!(stages, Stage::ALL.to_vec());
    assert!(told.windows(2).all(|w| w[0].done <= w[1].done));
    assert_eq!(told.first().map(|p| p.done), Some(0.0));
    // The entity stage said how far it was at least once between its start and its end.
    let entities: Vec<f64> = told
        .iter()
        .filter(|p| p.stage == Stage::Entities)
        .map(|p| p.done)
        .collect();
    assert!(
        entities.len() >= 2,
        "entity stage told {} times",
        entities.len()
    );
    assert_eq!(watched, analyzer().analyse(&text, &Options::default()));
}
