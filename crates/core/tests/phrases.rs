//! Phrase and new-word discovery (`wenxi_core::phrases`) on texts written for these tests, on a
//! generated long text (timed, not asserted) and, when present, on a People's Daily sample.

use std::sync::OnceLock;
use std::time::Instant;

use jieba_rs::Jieba;
use wenxi_core::keywords::KeywordRanker;
use wenxi_core::normalize::Normalized;
use wenxi_core::phrases::{discover, merge_into_keywords, min_count, Phrase};
use wenxi_core::segment::{segment, Token, TokenKind};

fn fixture() -> &'static (Jieba, KeywordRanker) {
    static F: OnceLock<(Jieba, KeywordRanker)> = OnceLock::new();
    F.get_or_init(|| (Jieba::new(), KeywordRanker::new()))
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    segment(&fixture().0, text)
}

fn find(text: &str) -> Vec<Phrase> {
    let (jieba, ranker) = fixture();
    discover(&tokens(text), &|w| jieba.has_word(w), &|w| {
        ranker.is_stop_word(w)
    })
}

fn terms(phrases: &[Phrase]) -> Vec<&str> {
    phrases.iter().map(|p| p.term.as_str()).collect()
}

/// A county work report, written for this test.
const REPORT: &str = "\
近年来，我县坚持把优化营商环境作为“一把手”工程，持续深化“放管服”改革。营商环境的改善，离不开政务服务的提质增效。\
县政务服务中心设立帮代办窗口，组建专职帮代办队伍，为企业提供全程帮代办服务。今年以来，帮代办人员累计上门服务企业三百余次，\
帮代办事项办结率达到百分之百。
在生态保护方面，我县全面推行河长制，建立县、乡、村三级河长体系。河长制实施以来，各级河长累计巡河一万余次，河道面貌明显改善。\
我们将把河长制与湖长制结合起来，推动河长制从“有名”向“有实”转变。
下一步，我们将以营商环境评价为抓手，对标先进地区，打造市场化、法治化、国际化营商环境。同时，加强生态环境保护，\
让群众在良好的营商环境和生态环境中共享发展成果。各部门要把帮代办工作纳入年度考核，确保帮代办覆盖所有重点项目。";

/// A short story with repeated words but no recurring multi-word term.
const CONTROL: &str = "\
周末，小王一家去公园散步。公园里的花开得很好，孩子们在草地上奔跑。小王拿出相机，给妻子拍了几张照片。\
中午，他们在湖边吃了自带的午饭。下午天气转阴，一家人决定早点回家。回家的路上，孩子说明天还想去公园。\
妻子笑着答应了，小王也说下个月再带相机来。";

#[test]
fn terms_of_the_report_surface_whole() {
    let found = find(REPORT);
    println!("{:#?}", found);
    let t = terms(&found);
    for want in ["营商环境", "帮代办"] {
        assert!(t.contains(&want), "{want} not in {t:?}");
    }
    for fragment in ["优化营商", "营商环境评价", "帮代办服务"] {
        assert!(!t.contains(&fragment), "{fragment} in {t:?}");
    }
}

/// jieba's HMM usually keeps 河长制 whole; a segmenter that splits it as 河长 + 制 (as the issue
/// reports) must still get it back whole.
#[test]
fn a_split_new_word_is_put_back_together() {
    let (jieba, ranker) = fixture();
    let mut toks: Vec<Token> = Vec::new();
    for t in tokens(REPORT) {
        if t.text != "河长制" {
            toks.push(t);
            continue;
        }
        for (text, start, end) in [("河长", t.start, t.start + 2), ("制", t.start + 2, t.end)] {
            let (text, pos, kind) = (text, "n", TokenKind::Word);
            toks.push(Token {
                text,
                pos,
                start,
                end,
                kind,
            });
        }
    }
    let found = discover(&toks, &|w| jieba.has_word(w), &|w| ranker.is_stop_word(w));
    let he = found
        .iter()
        .find(|p| p.term == "河长制")
        .expect("河长制 found");
    assert_eq!(he.parts, ["河长", "制"]);
    assert_eq!(he.count, REPORT.matches("河长制").count());
    for p in &found {
        assert!(
            p.left_entropy >= 0.5 && p.right_entropy >= 0.5 && p.cohesion > 0.0,
            "{p:?}"
        );
    }
    // Output order: score descending, then term.
    for w in found.windows(2) {
        assert!(w[0].score > w[1].score || (w[0].score == w[1].score && w[0].term < w[1].term));
    }
}

#[test]
fn control_text_has_no_phrase() {
    assert_eq!(terms(&find(CONTROL)), Vec::<&str>::new());
}

#[test]
fn empty_input_has_no_phrase() {
    assert!(find("").is_empty());
    assert!(find("，。 \n").is_empty());
    assert!(discover(&[], &|_| false, &|_| false).is_empty());
}

#[test]
fn nothing_crosses_punctuation() {
    // 营商。环境 recurs often, but never as one run of words.
    let text = "营商。环境好。营商。环境新。营商。环境美。营商！环境优。".repeat(3);
    for p in find(&text) {
        assert!(!p.term.chars().any(|c| "。！，".contains(c)), "{p:?}");
        assert_ne!(p.term, "营商环境");
    }
    for p in find(REPORT) {
        assert!(p.term.chars().all(|c| c.is_alphanumeric()), "{p:?}");
    }
}

#[test]
fn phrases_merge_into_the_ranking_and_fragments_go() {
    let (jieba, ranker) = fixture();
    let toks = tokens(REPORT);
    let mut r = ranker.rank(jieba, &toks, 50, &Default::default());
    let before = r.tfidf.clone();
    let found = find(REPORT);
    merge_into_keywords(&mut r.tfidf, &found, min_count(REPORT.chars().count()));
    for k in &r.tfidf {
        println!("{:.3} {} {} {}", k.score, k.count, k.term, k.pos);
    }
    let pos_of = |t: &str| r.tfidf.iter().position(|k| k.term == t);
    let yingshang = pos_of("营商环境").expect("营商环境 ranks");
    assert!(yingshang < 5, "营商环境 at {yingshang}");
    let k = &r.tfidf[yingshang];
    assert_eq!(
        (k.pos.as_str(), k.count),
        ("phrase", REPORT.matches("营商环境").count())
    );
    assert!(pos_of("帮代办").is_some());
    assert!(pos_of("营商").is_none(), "every 营商 is in 营商环境");
    assert!(r.tfidf.len() <= before.len());
    assert_eq!(r.tfidf[0].score, 1.0);
    for w in r.tfidf.windows(2) {
        assert!(wenxi_core::keywords::by_score(&w[0], &w[1]).is_le());
    }
    // Parts that also occur alone keep their place and their own count.
    if let (Some(a), Some(b)) = (
        before.iter().find(|k| k.term == "环境"),
        r.tfidf.iter().find(|k| k.term == "环境"),
    ) {
        assert_eq!(a.count, b.count);
    }
    // Nothing to merge leaves the list alone.
    let mut same = before.clone();
    merge_into_keywords(&mut same, &[], min_count(REPORT.chars().count()));
    assert_eq!(same, before);
    let mut empty = Vec::new();
    merge_into_keywords(&mut empty, &found, min_count(REPORT.chars().count()));
    assert!(empty.iter().any(|k| k.term == "营商环境"));
}

#[test]
fn a_long_text_is_quick() {
    let paragraphs: Vec<&str> = REPORT.lines().chain(CONTROL.lines()).collect();
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 1_000_000 {
        text.push_str(&format!("（{i}）{}\n", paragraphs[i % paragraphs.len()]));
        i += 1;
    }
    let toks = tokens(&text);
    let (jieba, ranker) = fixture();
    let start = Instant::now();
    let found = discover(&toks, &|w| jieba.has_word(w), &|w| ranker.is_stop_word(w));
    println!(
        "discover: {} bytes, {} tokens, {} phrases in {:?}",
        text.len(),
        toks.len(),
        found.len(),
        start.elapsed()
    );
    println!("{:?}", terms(&found));
    assert!(terms(&found).contains(&"营商环境"));
}

/// People's Daily, January 1998 (`word/pos` tokens, `[...]nt` brackets): tags stripped, re-segmented.
#[test]
fn peoples_daily_sample() {
    let path = "/work/shared/corpora/pd1998/199801.txt";
    let Ok(raw) = std::fs::read_to_string(path) else {
        println!("skipped: {path} is not present");
        return;
    };
    let lines: usize = std::env::var("PD_LINES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let text: String = raw
        .lines()
        .take(lines)
        .map(|line| {
            let words = line.split_whitespace().skip(1).map(|wp| {
                let w = wp.rsplit_once('/').map_or(wp, |(w, _)| w);
                w.trim_start_matches('[')
            });
            words.collect::<String>() + "\n"
        })
        .collect();
    let normal = Normalized::new(&text).text;
    let toks = tokens(&normal);
    let (jieba, ranker) = fixture();
    let start = Instant::now();
    let found = discover(&toks, &|w| jieba.has_word(w), &|w| ranker.is_stop_word(w));
    println!(
        "PD1998: {} chars, {} phrases in {:?}",
        text.chars().count(),
        found.len(),
        start.elapsed()
    );
    for p in found.iter().take(40) {
        println!(
            "{:8.1} {:4} coh {:.2} L {:.2} R {:.2} {} = {}",
            p.score,
            p.count,
            p.cohesion,
            p.left_entropy,
            p.right_entropy,
            p.term,
            p.parts.join("+")
        );
    }
}
