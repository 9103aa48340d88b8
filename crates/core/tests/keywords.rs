//! Keyword rankings (`wenxi_core::keywords`) against jieba's own extractors, on texts written
//! for these tests: the same TF-IDF and TextRank scores without segmenting the text again,
//! explanations that add up, frequency, case folding and stop words in both languages.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TextRank, TfIdf};
use wenxi_core::keywords::{KeywordRanker, Rankings, CANDIDATE_POS};
use wenxi_core::segment::{segment, Token};
use wenxi_core::stopwords;
use wenxi_core::{Analyzer, EntityType, Keyword, Options};

/// A news report written for these tests, with Latin terms (one spelling each, so jieba, which
/// does not fold case, sees the same terms).
const REPORT: &str = "\
江城新能源汽车产业园今天正式投产。产业园由江城市政府和两家车企共同投资建设，总投资一百二十亿元，\
主要生产纯电动SUV和插电式混合动力轿车。园区负责人说，新工厂采用5G网络和AI质检系统，每条生产线\
配备四百台工业机器人，电池包的检测时间缩短了一半。\n\
江城市副市长在投产仪式上表示，新能源汽车是江城制造业转型的关键。去年江城新能源汽车产量突破十万辆，\
电池、电机和电控等核心零部件的本地配套率超过六成。产业园投产后，江城将形成从电池材料到整车制造的\
完整产业链。\n\
记者在总装车间看到，机器人正在为SUV安装电池包，工人在屏幕前查看AI系统给出的质检结果。一位工程师说，\
过去检测一个电池包需要四十分钟，现在只要二十分钟。产业园还建设了充电桩测试中心，为周边城市的\
充电网络提供检测服务。\n\
业内人士认为，江城的优势在于电池产业基础和港口物流。随着产业园投产，江城新能源汽车的年产能将达到\
三十万辆，出口市场也在扩大。车企计划明年在欧洲设立销售网络，首批出口车型以SUV为主。";

fn fixture() -> &'static (Jieba, KeywordRanker) {
    static F: OnceLock<(Jieba, KeywordRanker)> = OnceLock::new();
    F.get_or_init(|| (Jieba::new(), KeywordRanker::new()))
}

fn rank_with<'a>(text: &'a str, options: &Options) -> (Vec<Token<'a>>, Rankings) {
    let (jieba, ranker) = fixture();
    let tokens = segment(jieba, text);
    let rankings = ranker.rank(jieba, &tokens, 10_000, options);
    (tokens, rankings)
}

fn rank(text: &str) -> (Vec<Token<'_>>, Rankings) {
    rank_with(text, &Options::default())
}

/// jieba's extractors, configured with our candidate filter: the built-in stop words, plus the
/// token texts without a letter (we never take those), two chars at least, HMM on.
fn jieba_config(tokens: &[Token]) -> KeywordExtractConfig {
    let mut stop: BTreeSet<String> = stopwords::chinese();
    stop.extend(stopwords::english());
    for t in tokens {
        if !t.text.chars().any(char::is_alphabetic) {
            stop.insert(t.text.to_string());
        }
    }
    KeywordExtractConfig::builder()
        .set_stop_words(stop)
        .min_keyword_length(2)
        .use_hmm(true)
        .build()
}

/// jieba's output without the one-off HMM guesses we leave out (Han words not in the
/// dictionary, seen once), as term → weight.
fn plausible(keywords: Vec<jieba_rs::Keyword>, tokens: &[Token]) -> Vec<(String, f64)> {
    let jieba = &fixture().0;
    let count = |w: &str| tokens.iter().filter(|t| t.text == w).count();
    keywords
        .into_iter()
        .filter(|k| {
            let latin = !k.keyword.chars().any(wenxi_core::segment::is_han);
            latin || jieba.has_word(&k.keyword) || count(&k.keyword) >= 2
        })
        .map(|k| (k.keyword, k.weight))
        .collect()
}

fn pos() -> Vec<String> {
    CANDIDATE_POS.iter().map(|p| p.to_string()).collect()
}

fn sorted(mut list: Vec<(String, f64)>) -> Vec<(String, f64)> {
    list.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

fn ours(list: &[Keyword]) -> Vec<(String, f64)> {
    list.iter().map(|k| (k.term.clone(), k.why.raw)).collect()
}

fn texts() -> [&'static str; 2] {
    [REPORT, include_str!("fixtures/news.txt")]
}

#[test]
fn tfidf_equals_jiebas_own_extractor() {
    for text in texts() {
        let (tokens, r) = rank(text);
        let mut tfidf = TfIdf::default();
        *tfidf.config_mut() = jieba_config(&tokens);
        let theirs = tfidf.extract_keywords(&fixture().0, text, usize::MAX, pos());
        let theirs = sorted(plausible(theirs, &tokens));
        // Every term, same weight to the bit (same IDF, same arithmetic).
        let mine: BTreeMap<String, f64> = ours(&r.tfidf).into_iter().collect();
        let all: BTreeMap<String, f64> = theirs.iter().cloned().collect();
        assert_eq!(mine, all);
        // The top 20 and their scores relative to the best.
        let top: Vec<(String, f64)> = sorted(ours(&r.tfidf)).into_iter().take(20).collect();
        assert_eq!(top, theirs[..20.min(theirs.len())]);
        for (k, (term, w)) in r.tfidf.iter().zip(&theirs).take(20) {
            assert_eq!(k.score, w / theirs[0].1, "{term}");
        }
        assert!(theirs.len() >= 20, "the text must give 20 keywords");
    }
}

#[test]
fn textrank_equals_jiebas_own_extractor() {
    for text in texts() {
        let (tokens, r) = rank(text);
        let textrank = TextRank::new(5, jieba_config(&tokens));
        let theirs = textrank.extract_keywords(&fixture().0, text, usize::MAX, pos());
        // jieba-rs reports rank × 1e10.
        let theirs: Vec<(String, f64)> = plausible(theirs, &tokens)
            .into_iter()
            .map(|(t, w)| (t, w / 1e10))
            .collect();
        let theirs = sorted(theirs);
        let all: BTreeMap<String, f64> = theirs.iter().cloned().collect();
        assert_eq!(r.textrank.len(), theirs.len());
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * a.abs().max(b.abs());
        for (i, k) in r.textrank.iter().enumerate() {
            let w = all.get(&k.term).copied().unwrap_or(f64::NAN);
            assert!(close(k.why.raw, w), "{}: {} vs {w}", k.term, k.why.raw);
            // Same order: the i-th of ours has the i-th value of jieba's (ties may swap).
            assert!(
                close(k.why.raw, theirs[i].1),
                "{i}: {} vs {:?}",
                k.term,
                theirs[i]
            );
        }
    }
}

#[test]
fn frequency_counts_the_tokens() {
    let (tokens, r) = rank(REPORT);
    let top = r.frequency[0].count;
    for w in r.frequency.windows(2) {
        assert!(w[0].count >= w[1].count);
    }
    for k in &r.frequency {
        let found = tokens.iter().filter(|t| t.text == k.term).count();
        assert_eq!(k.count, found, "{}", k.term);
        assert_eq!(k.score, k.count as f64 / top as f64);
        assert_eq!(k.why.raw, k.count as f64);
    }
    // The same candidates as the other rankings.
    let terms = |l: &[Keyword]| l.iter().map(|k| k.term.clone()).collect::<BTreeSet<_>>();
    assert_eq!(terms(&r.frequency), terms(&r.tfidf));
    assert_eq!(terms(&r.frequency), terms(&r.textrank));
}

/// Neighbours are the terms that most often stand within four token positions, counted here
/// the slow way.
#[test]
fn textrank_neighbours_are_the_most_frequent_near_words() {
    let (tokens, r) = rank(REPORT);
    let candidates: BTreeSet<&str> = r.frequency.iter().map(|k| k.term.as_str()).collect();
    let is_candidate = |t: &Token| candidates.contains(t.text) && CANDIDATE_POS.contains(&t.pos);
    for k in r.textrank.iter().take(10) {
        let mut near: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.text != k.term || !is_candidate(t) {
                continue;
            }
            let lo = i.saturating_sub(4);
            for (j, u) in tokens.iter().enumerate().take(i + 5).skip(lo) {
                if j != i && u.text != k.term && is_candidate(u) {
                    *near.entry(u.text).or_insert(0) += 1;
                }
            }
        }
        let mut near: Vec<(&str, usize)> = near.into_iter().collect();
        near.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let expected: Vec<&str> = near.iter().take(5).map(|n| n.0).collect();
        assert_eq!(k.why.neighbours, expected, "{}", k.term);
    }
}

#[test]
fn latin_words_fold_case_and_show_the_commonest_form() {
    let text = "GDP增长较快。今年gdp目标已定，GDP总量创新高，Gdp数据下月公布。\
                The report and THE survey say the GDP data is solid.";
    let (tokens, r) = rank(text);
    let spelled = tokens
        .iter()
        .filter(|t| t.text.eq_ignore_ascii_case("gdp"))
        .count();
    for list in [&r.tfidf, &r.textrank, &r.frequency] {
        let gdp: Vec<&Keyword> = list
            .iter()
            .filter(|k| k.term.eq_ignore_ascii_case("gdp"))
            .collect();
        assert_eq!(gdp.len(), 1, "{list:?}");
        assert_eq!(gdp[0].term, "GDP");
        assert_eq!(gdp[0].count, spelled);
        for k in list {
            assert!(
                !["the", "and"].contains(&k.term.to_lowercase().as_str()),
                "{k:?}"
            );
        }
    }
    // A Latin word is never dropped as a one-off guess: jieba keeps letter runs whole.
    assert!(r.tfidf.iter().any(|k| k.term == "survey"));
    // The user's stop word matches every spelling.
    let options = Options {
        extra_stopwords: vec!["gdp".into()],
        ..Options::default()
    };
    let (_, r) = rank_with(text, &options);
    assert!(!r.tfidf.iter().any(|k| k.term.eq_ignore_ascii_case("gdp")));
}

/// jieba's median IDF, read from its own extractor: a one-word text of a word it lacks.
fn median() -> f64 {
    let mut tfidf = TfIdf::default();
    *tfidf.config_mut() = KeywordExtractConfig::builder()
        .min_keyword_length(1)
        .build();
    let got = tfidf.extract_keywords(&fixture().0, "Zyxwv", 1, Vec::new());
    got.first().map_or(f64::NAN, |k| k.weight)
}

#[test]
fn tfidf_explains_known_and_unknown_words() {
    let (_, r) = rank(REPORT);
    let (jieba, _) = fixture();
    for k in &r.tfidf {
        let idf = k.why.idf.unwrap_or(f64::NAN);
        assert!(idf > 0.0, "{k:?}");
        let latin = k.term.chars().all(|c| c.is_ascii_alphanumeric());
        if latin {
            // jieba's table holds Han words only.
            assert!(k.why.idf_unknown, "{k:?}");
        }
        if k.why.idf_unknown {
            assert_eq!(idf, median(), "{k:?}");
        }
        assert!(jieba.has_word(&k.term) || latin || k.count >= 2);
    }
    assert!(r.tfidf.iter().any(|k| !k.why.idf_unknown));
}

#[test]
fn nothing_to_rank() {
    for text in [
        "的了在我们进行可以，the and of THE.",
        "2024 12.5 3,000 100% 〇 ２０２５",
        "！？。，……——《》",
        "",
    ] {
        assert_eq!(rank(text).1, Rankings::default(), "{text}");
    }
}

#[test]
fn latin_only_text() {
    let text = "Rust compiles to WebAssembly. The browser runs WebAssembly fast, and rust is safe.";
    let (_, r) = rank(text);
    let top: Vec<&str> = r.frequency.iter().map(|k| k.term.as_str()).collect();
    assert!(
        top.contains(&"WebAssembly") && top.contains(&"Rust"),
        "{top:?}"
    );
    let rust = r
        .frequency
        .iter()
        .find(|k| k.term == "Rust")
        .map(|k| k.count);
    assert_eq!(rust, Some(2));
    assert!(!top
        .iter()
        .any(|t| ["The", "the", "and", "is", "to"].contains(t)));
}

/// The whole analysis: every ranking of the report explains every keyword, phrases included.
#[test]
fn the_report_explains_every_keyword() {
    let report = common::analyzer().analyse(REPORT, &Options::default());
    assert!(!report.frequency.is_empty());
    for list in [&report.keywords, &report.textrank, &report.frequency] {
        let best = list[0].why.raw;
        for k in list {
            assert!(k.why.raw > 0.0 && k.why.tf > 0.0, "{k:?}");
            assert!((k.score - k.why.raw / best).abs() < 1e-9, "{k:?}");
        }
    }
    for k in &report.keywords {
        let idf = k.why.idf.unwrap_or(f64::NAN);
        assert!(
            (k.why.raw - k.why.tf * idf).abs() <= 1e-9 * k.why.raw,
            "{k:?}"
        );
    }
    // Phrases join TF-IDF and TextRank (explained too, checked above), never frequency.
    assert!(report.keywords.iter().any(|k| k.pos == "phrase"));
    assert!(report.frequency.iter().all(|k| k.pos != "phrase"));
    for k in report.textrank.iter().filter(|k| k.pos == "phrase") {
        let parts = &report
            .phrases
            .iter()
            .find(|p| p.term == k.term)
            .map(|p| p.parts.clone());
        let parts = parts.as_deref().unwrap_or_default();
        assert!(!k.why.neighbours.is_empty(), "{k:?}");
        assert!(k.why.neighbours.iter().all(|n| !parts.contains(n)), "{k:?}");
    }
}

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::with_embedded_model)
}

/// A person's name jieba cuts into words (何/建华) is a keyword whole, tagged as a name, and a
/// piece that only ever occurs inside a name is no keyword of its own.
#[test]
fn names_are_keywords_whole_never_in_pieces() {
    for text in [
        include_str!("../../../tests/e2e/fixtures/article.txt"),
        include_str!("../../../tests/e2e/fixtures/article2.txt"),
        include_str!("fixtures/news.txt"),
    ] {
        let r = analyzer().analyse(text, &Options::default());
        let people: Vec<&str> = r
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .map(|e| e.text.as_str())
            .collect();
        for k in r.keywords.iter().chain(&r.textrank) {
            if people.contains(&k.term.as_str()) {
                assert_eq!(k.pos, "nr", "{} is a name", k.term);
                continue;
            }
            // Every occurrence of the keyword inside some person's name?
            let occurrences = text.matches(k.term.as_str()).count();
            let inside: usize = people
                .iter()
                .filter(|p| p.contains(k.term.as_str()))
                .map(|p| text.matches(p).count() * p.matches(k.term.as_str()).count())
                .sum();
            assert!(
                inside < occurrences,
                "{} only occurs inside names ({occurrences} times)",
                k.term
            );
        }
    }
}
