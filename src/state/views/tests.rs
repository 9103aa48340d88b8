//! The views' rules: what each view fetches, when, and which answers count.

use super::*;
use crate::state::tests_support::{ready, reduce};
use crate::state::Action;
use wenxi_core::{Keyword, Report, StageTimes};

fn keyword(term: &str) -> Keyword {
    Keyword {
        term: term.into(),
        score: 1.0,
        count: 1,
        pos: "n".into(),
        why: Default::default(),
    }
}

/// A page whose text was analysed: request 1 answered with a report of these TF-IDF keywords.
fn analysed(keywords: &[&str]) -> AppState {
    let s = reduce(ready("古籍修复"), Action::Analyse { now_ms: 0.0 });
    let mut report = Report::default();
    report.stats.characters = 4;
    report.keywords = keywords.iter().map(|k| keyword(k)).collect();
    reduce(
        s,
        Action::Report {
            id: 1,
            report: Box::new(report),
            engine_ms: 1.0,
            stages: StageTimes::default(),
            memory_bytes: 0,
            now_ms: 1.0,
        },
    )
}

fn passage_asked(s: &AppState) -> Option<(u64, usize)> {
    match s.views.outgoing_passage.as_deref() {
        Some(Request::Passage { id, at }) => Some((*id, *at)),
        _ => None,
    }
}

fn distribution_asked(s: &AppState) -> Option<(u64, Vec<String>)> {
    match s.views.outgoing_distribution.as_deref() {
        Some(Request::Distribution { id, terms, .. }) => Some((*id, terms.clone())),
        _ => None,
    }
}

#[test]
fn the_text_view_fetches_its_page_once_and_takes_only_its_answer() {
    let s = analysed(&["古籍"]);
    assert_eq!(
        passage_asked(&s),
        None,
        "nothing fetched for a view not shown"
    );
    let s = reduce(s, Action::ShowView(View::Text));
    let (id, at) = passage_asked(&s).expect("the page is asked for");
    assert_eq!(at, 0);
    let stale = reduce(
        s.clone(),
        Action::Passage {
            id: id + 1,
            passage: Box::default(),
        },
    );
    assert!(stale.views.passage.is_none());
    let s = reduce(
        s,
        Action::Passage {
            id,
            passage: Box::new(Passage {
                end: 4,
                text_chars: 4,
                ..Passage::default()
            }),
        },
    );
    assert!(s.views.passage.is_some());
    // Leaving and coming back asks for nothing new.
    let s = reduce(s, Action::ShowView(View::Overview));
    let s = reduce(s, Action::ShowView(View::Text));
    assert_eq!(passage_asked(&s).map(|(i, _)| i), Some(id));
}

#[test]
fn showing_a_place_in_text_opens_the_text_view_at_its_page() {
    let s = analysed(&["古籍"]);
    let mark = TextMark::Term("古籍".into());
    let s = reduce(
        s,
        Action::ShowInText {
            at: 3,
            mark: Some(mark.clone()),
        },
    );
    assert_eq!(s.views.view, View::Text);
    assert_eq!(s.views.mark, Some(mark));
    assert_eq!(passage_asked(&s).map(|(_, at)| at), Some(3));
}

#[test]
fn distributions_default_to_the_leading_keywords_and_the_open_term() {
    let s = analysed(&["一", "二", "三", "四", "五", "六"]);
    let s = reduce(s, Action::ShowContexts(Some("七".into())));
    assert_eq!(
        s.views.view,
        View::Contexts,
        "picking a word opens its contexts"
    );
    let s = reduce(s, Action::ShowView(View::Distribution));
    let (_, terms) = distribution_asked(&s).expect("asked");
    assert_eq!(terms, ["一", "二", "三", "四", "五", "七"]);
    // The reader's own terms, cleaned and without repeats.
    let s = reduce(
        s,
        Action::SetDistributionTerms(vec![" 甲 ".into(), "".into(), "乙".into(), "甲".into()]),
    );
    let (id, terms) = distribution_asked(&s).expect("asked again");
    assert_eq!(terms, ["甲", "乙"]);
    let s = reduce(
        s,
        Action::Distribution {
            id,
            distribution: Box::default(),
        },
    );
    assert!(s.views.distribution.is_some());
}

#[test]
fn a_new_report_drops_what_the_views_fetched_and_asks_again() {
    let s = analysed(&["古籍"]);
    let s = reduce(s, Action::ShowView(View::Text));
    let (id, _) = passage_asked(&s).expect("asked");
    let s = reduce(
        s,
        Action::Passage {
            id,
            passage: Box::default(),
        },
    );
    let s = reduce(s, Action::Edit("古籍修复很难".into()));
    let s = reduce(s, Action::Analyse { now_ms: 2.0 });
    let s = reduce(
        s,
        Action::Report {
            id: 2,
            report: Box::default(),
            engine_ms: 1.0,
            stages: StageTimes::default(),
            memory_bytes: 0,
            now_ms: 3.0,
        },
    );
    assert!(s.views.passage.is_none());
    assert!(passage_asked(&s).is_some_and(|(i, _)| i > id));
}
