//! The worker's answers to the text and distribution views' requests.

use super::*;
use wenxi_core::contexts::{Contexts, Distribution};
use wenxi_core::passage::Passage;
use wenxi_core::Options;

/// Two short made-up news items, each with its headline, as a reader pastes several articles.
const TWO_ARTICLES: &str = "山城启用智慧停车平台
本报讯（记者 周文斌）3月12日，山城市智慧停车平台正式上线。市民通过手机就能查询全市2000多个停车场的空余车位，并在线缴费。市交通局介绍，平台接入了商场、医院和学校周边的停车场，今后还将接入路边停车位。
交通局负责人表示，停车难是市民反映最多的问题之一，平台上线后，找车位的时间平均缩短了一半。

河湾村的草莓丰收了
本报讯（记者 林秋雨）连日来，河湾村的草莓大棚里一派繁忙景象。村党支部书记王建国介绍，全村今年种植草莓三百亩，预计产值超过六百万元。
草莓采摘游吸引了不少城里游客，村里还开起了农家乐，村民的收入明显增加。";

fn analyse(host: &EngineHost, text: &str) -> Report {
    let request = Request::Analyse {
        id: 1,
        text: text.into(),
        options: Options::default(),
    };
    match host.handle(&request.to_json(), || 0.0, &|_| {}) {
        Response::Report(Reported { report, .. }) => *report,
        other => panic!("expected a report, got {other:?}"),
    }
}

fn passage(host: &EngineHost, at: usize) -> Passage {
    match host.handle(&Request::Passage { id: 7, at }.to_json(), || 0.0, &|_| {}) {
        Response::Passage { id: 7, passage } => *passage,
        other => panic!("expected a passage, got {other:?}"),
    }
}

fn distribution(host: &EngineHost, terms: &[&str], bins: usize) -> Distribution {
    let request = Request::Distribution {
        id: 8,
        terms: terms.iter().map(|t| t.to_string()).collect(),
        bins,
    };
    match host.handle(&request.to_json(), || 0.0, &|_| {}) {
        Response::Distribution {
            id: 8,
            distribution,
        } => *distribution,
        other => panic!("expected a distribution, got {other:?}"),
    }
}

fn contexts(host: &EngineHost, term: &str) -> Contexts {
    let request = Request::Contexts {
        id: 9,
        term: term.into(),
    };
    match host.handle(&request.to_json(), || 0.0, &|_| {}) {
        Response::Contexts { id: 9, contexts } => *contexts,
        other => panic!("expected contexts, got {other:?}"),
    }
}

/// The chars `[start, end)` of `text`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Tokens cover the page with no gap and no overlap, and their texts put together are the page.
fn assert_tokens_tile(p: &Passage) {
    let mut at = p.start;
    let mut joined = String::new();
    for t in &p.tokens {
        assert_eq!(t.start, at, "token {t:?} starts where the last ended");
        assert!(t.end > t.start, "token {t:?} is not empty");
        joined.push_str(&chars(&p.text, t.start - p.start, t.end - p.start));
        at = t.end;
    }
    assert_eq!(at, p.end, "the tokens reach the page's end");
    assert_eq!(joined, p.text);
}

#[test]
fn a_short_text_is_one_page_tiled_by_its_tokens_with_its_entities() {
    let host = EngineHost::load();
    let report = analyse(&host, TWO_ARTICLES);
    let p = passage(&host, 0);
    let n = TWO_ARTICLES.chars().count();
    assert_eq!(
        (p.start, p.end, p.page, p.pages, p.text_chars),
        (0, n, 0, 1, n)
    );
    assert_eq!(p.text, TWO_ARTICLES);
    assert_tokens_tile(&p);
    // White space and punctuation are tokens of their own, tagged `x`; words are not.
    let token = |t: &wenxi_core::passage::PassageToken| chars(&p.text, t.start, t.end);
    assert!(p.tokens.iter().any(|t| token(t) == "\n" && t.pos == "x"));
    assert!(p.tokens.iter().any(|t| token(t) == "，" && t.pos == "x"));
    assert!(p.tokens.iter().any(|t| token(t) == "草莓" && t.pos != "x"));
    // The page's entities are every occurrence of the report's entities, in order.
    let mut expected: Vec<(usize, usize, wenxi_core::EntityType)> = report
        .entities
        .iter()
        .flat_map(|e| e.spans.iter().map(move |&[s, end]| (s, end, e.kind)))
        .collect();
    expected.sort();
    let got: Vec<_> = p
        .entities
        .iter()
        .map(|e| (e.start, e.end, e.kind))
        .collect();
    assert!(!got.is_empty());
    assert_eq!(got, expected);
    for e in &p.entities {
        let entity = report
            .entities
            .iter()
            .find(|r| r.kind == e.kind && r.spans.contains(&[e.start, e.end]));
        assert_eq!(
            entity.map(|r| r.text.clone()),
            Some(chars(&p.text, e.start, e.end))
        );
    }
}

#[test]
fn a_long_text_pages_at_line_breaks_and_a_far_offset_gives_the_last_page() {
    let host = EngineHost::load();
    // About 21,000 chars in lines of 70: several pages, each ending with a line.
    let line =
        "山城市交通局介绍，平台接入了商场、医院和学校周边的停车场，今后还将接入路边停车位。\n";
    let text: String = (0..450)
        .map(|i| format!("第{i}段：{line}"))
        .collect::<String>();
    let n = text.chars().count();
    analyse(&host, &text);
    let first = passage(&host, 0);
    assert!(first.pages >= 3, "{} pages", first.pages);
    assert_eq!(first.text_chars, n);

    let mut at = 0;
    let mut whole = String::new();
    for page in 0..first.pages {
        let p = passage(&host, at);
        assert_eq!((p.page, p.start), (page, at));
        assert_eq!(p.text, chars(&text, p.start, p.end));
        assert!(p.text.ends_with('\n'), "page {page} ends with its line");
        assert!(p.end - p.start >= wenxi_core::passage::PAGE_CHARS || page + 1 == p.pages);
        assert_tokens_tile(&p);
        // Any char of the page asks for the same page.
        assert_eq!(passage(&host, p.end - 1).start, p.start);
        whole.push_str(&p.text);
        at = p.end;
    }
    assert_eq!(whole, text);

    let last = passage(&host, 1_000_000_000);
    assert_eq!((last.page, last.end), (first.pages - 1, n));
}

#[test]
fn distribution_totals_agree_with_contexts_and_count_per_article() {
    let host = EngineHost::load();
    let report = analyse(&host, TWO_ARTICLES);
    assert_eq!(report.articles.len(), 2, "two articles");
    let terms = ["停车", "草莓", "本报讯", "平台", "没有的词"];
    let d = distribution(&host, &terms, 40);
    assert_eq!(d.text_chars, TWO_ARTICLES.chars().count());
    assert_eq!(d.terms.len(), terms.len());
    for (row, term) in d.terms.iter().zip(terms) {
        assert_eq!(row.term, term);
        let c = contexts(&host, term);
        assert_eq!(row.total, c.total, "{term}");
        assert_eq!(row.bins.len(), 40);
        assert_eq!(row.bins.iter().sum::<usize>(), row.total, "{term}");
        // Each article's count is the count in that article's own text.
        let per_article: Vec<usize> = report
            .articles
            .iter()
            .map(|a| chars(TWO_ARTICLES, a.start, a.end).matches(term).count())
            .collect();
        assert_eq!(row.per_article, per_article, "{term}");
    }
    let counts = |term: &str| {
        d.terms
            .iter()
            .find(|t| t.term == term)
            .map(|t| (t.total, t.per_article.clone()))
    };
    assert_eq!(counts("草莓"), Some((4, vec![0, 4])));
    assert_eq!(counts("本报讯"), Some((2, vec![1, 1])));
    assert_eq!(counts("没有的词"), Some((0, vec![0, 0])));
}

#[test]
fn a_distribution_is_capped_in_terms_and_slices() {
    let host = EngineHost::load();
    analyse(&host, TWO_ARTICLES);
    let many: Vec<String> = (0..30).map(|i| format!("词{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let d = distribution(&host, &many, 1_000_000);
    assert_eq!(d.terms.len(), MAX_DISTRIBUTION_TERMS);
    assert!(d
        .terms
        .iter()
        .all(|t| t.bins.len() == MAX_DISTRIBUTION_BINS));
    let d = distribution(&host, &["草莓"], 0);
    assert_eq!(d.terms[0].bins, [4]);
}
