//! Components and the worker host, in headless Chromium (wasm-bindgen-test).
//!
//! The report rendered here is a real one: the engine runs in this test's own wasm, which also
//! proves that it works under wasm32 in a browser.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use wenxi::components::{EmptyState, StatusBadge};
use wenxi::engine_host::EngineHost;
use wenxi::protocol::{Reported, Request, Response};
use wenxi::state::views::View;
use wenxi::state::{Problem, Status, Timings};
use wenxi_core::{EntityType, NameSource, Options, Report};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Rendering the report's views with a reader, and reading the page back.
#[path = "browser/page.rs"]
mod page;

/// The settings: storage and the panel.
#[path = "browser/settings.rs"]
mod settings;

/// The report's views in use: the keyword table, articles, coverage, phrases, quoted terms.
#[path = "browser/report.rs"]
mod report;

/// The view tabs: a click or an arrow key opens a view; English without a Han character.
#[path = "browser/views.rs"]
mod views;

/// The text store: IndexedDB, the first-paint copy, the fallback.
#[path = "browser/storage.rs"]
mod storage;

/// The cloud's glyph masks on an OffscreenCanvas, and a layout made with them.
#[path = "browser/cloud.rs"]
mod cloud;

use page::{all, attr, mount_point, next_task, one, reader, recording, render_report, render_view};

const ARTICLE: &str = include_str!("e2e/fixtures/article2.txt");

/// The model file the worker fetches, as trunk copies it into the site.
const ENTITY_MODEL: &[u8] = include_bytes!("../crates/core/models/ner.bin");
/// The dictionary file the worker fetches.
const LEXICON: &[u8] = include_bytes!("../crates/core/models/lexicon.bin");

fn host() -> &'static EngineHost {
    // One per test run: loading is the slow part. The browser runs the tests on one thread.
    thread_local! {
        static HOST: &'static EngineHost = Box::leak(Box::new({
            // As the worker builds it: from the fetched lexicon, then the fetched model.
            let mut host = match EngineHost::with_lexicon(Ok(LEXICON.to_vec())) {
                Ok(host) => host,
                Err(e) => panic!("the lexicon does not load: {e}"),
            };
            host.set_entity_model(Ok(ENTITY_MODEL.to_vec()));
            host
        }));
    }
    HOST.with(|host| *host)
}

/// A word jieba's dictionary lacks gets its part of speech from jieba's POS HMM, which jieba-rs
/// compiles in only with its `default-dict` feature. Native tests cannot see the feature go
/// missing (jieba-rs's own dev-dependency turns it back on); this build is the worker's.
#[wasm_bindgen_test]
fn a_word_outside_the_dictionary_gets_a_part_of_speech_in_the_browser() {
    let report =
        analyse("韦德莱斯说，韦德莱斯的计划很好。韦德莱斯明天来北京。李小龙和韦德莱斯见面。");
    let name = report.keywords.iter().find(|k| k.term == "韦德莱斯");
    assert_eq!(
        name.map(|k| k.pos.as_str()),
        Some("nr"),
        "an unknown name is a keyword tagged as a person's name: {:?}",
        report.keywords
    );
}

fn analyse(text: &str) -> Report {
    analyse_with(host(), text)
}

fn analyse_with(host: &EngineHost, text: &str) -> Report {
    let request = Request::Analyse {
        id: 42,
        text: text.to_string(),
        options: Options::default(),
    };
    match host.handle(&request.to_json(), || 0.0, &|_| {}) {
        Response::Report(Reported { id, report, .. }) => {
            assert_eq!(id, 42);
            *report
        }
        other => panic!("expected a report, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn report_views_show_keywords_entities_and_cloud_of_a_real_report() {
    let report = Rc::new(analyse(ARTICLE));

    // The overview: the leading keywords of the reader's method (TF-IDF by default), in the
    // report's order, with the report's numbers.
    let root = render_report(report.clone(), View::Overview).await;
    let rows = all(&root, "[data-testid=keyword][data-rank=tfidf]");
    assert!(!rows.is_empty());
    for (row, keyword) in rows.iter().zip(&report.keywords) {
        assert_eq!(attr(row, "data-term"), keyword.term);
        assert_eq!(attr(row, "data-count"), keyword.count.to_string());
        let text = row.dyn_ref::<HtmlElement>().unwrap().inner_text();
        assert!(text.contains(&keyword.term), "{text}");
    }
    assert_eq!(rows.len(), report.keywords.len().min(20));

    // The most frequent entities of each type present, a person among them.
    let leading: Vec<(String, String)> = all(&root, "[data-testid=entity]")
        .iter()
        .map(|e| (attr(e, "data-type"), attr(e, "data-text")))
        .collect();
    assert!(
        leading
            .iter()
            .any(|(t, text)| t == "person" && text == "李红梅"),
        "{leading:?}"
    );
    for (kind, text) in &leading {
        assert!(
            report
                .entities
                .iter()
                .any(|e| e.kind.as_str() == kind && &e.text == text),
            "{kind} {text} is the report's"
        );
    }

    // The cloud is an SVG with one text per laid-out word.
    let cloud = root
        .query_selector("svg[data-testid=cloud]")
        .unwrap()
        .unwrap();
    let words = all(&cloud, "[data-testid=cloud-word]");
    assert_eq!(words.len(), report.cloud.words.len());
    assert!(words.len() >= 5);

    // Statistics are displayed as computed.
    let paragraphs = root
        .query_selector("[data-stat=paragraphs] dd")
        .unwrap()
        .unwrap();
    assert_eq!(
        paragraphs.text_content().unwrap(),
        report.stats.paragraphs.to_string()
    );

    // The entities view lists every entity of the report under its type.
    let root = render_report(report.clone(), View::Entities).await;
    let shown: Vec<(String, String)> = all(&root, "[data-testid=entity]")
        .iter()
        .map(|e| (attr(e, "data-type"), attr(e, "data-text")))
        .collect();
    let expected: Vec<(String, String)> = EntityType::ALL
        .iter()
        .flat_map(|&t| {
            report
                .entities
                .iter()
                .filter(move |e| e.kind == t)
                .map(|e| (e.kind.as_str().to_string(), e.text.clone()))
        })
        .collect();
    assert_eq!(shown, expected);

    // The keywords view: one row per term of any ranking, every TF-IDF keyword among them.
    let root = render_report(report.clone(), View::Keywords).await;
    let terms: Vec<String> = all(&root, "[data-testid=keyword]")
        .iter()
        .map(|r| attr(r, "data-term"))
        .collect();
    for k in &report.keywords {
        assert!(terms.contains(&k.term), "{} in {terms:?}", k.term);
    }
}

#[wasm_bindgen_test]
async fn markup_in_the_text_is_shown_as_text() {
    let report = Rc::new(analyse(
        "<img src=x onerror=alert(1)>《<b>危险</b>的书》<script>alert(2)</script> 北京 北京",
    ));
    assert!(
        report.entities.iter().any(|e| e.text.contains("<b>")),
        "the markup reaches the report as text: {:?}",
        report.entities
    );
    for view in [View::Overview, View::Keywords, View::Entities] {
        let root = render_report(report.clone(), view).await;
        assert!(all(&root, "img, script, b").is_empty(), "{view:?}");
        if view != View::Keywords {
            let text = root.text_content().unwrap_or_default();
            assert!(text.contains("<b>危险</b>的书"), "shown as text: {text}");
        }
    }
}

#[wasm_bindgen_test]
async fn status_badge_exposes_each_state() {
    for status in [
        Status::Loading,
        Status::Ready,
        Status::Busy,
        Status::Done,
        Status::Error,
    ] {
        let root = mount_point();
        #[derive(Properties, PartialEq)]
        struct P {
            status: Status,
        }
        #[component(Host)]
        fn host_view(p: &P) -> Html {
            let error = (p.status == Status::Error)
                .then(|| Problem::new("引擎崩溃", "unreachable executed"));
            let timings = Timings {
                load_ms: Some(12.34),
                ..Timings::default()
            };
            html! { <StatusBadge status={p.status} {error} {timings} /> }
        }
        yew::Renderer::<Host>::with_root_and_props(root.clone(), P { status }).render();
        yew::scheduler::flush().await;
        let badge = root
            .query_selector("[data-testid=status]")
            .unwrap()
            .unwrap();
        assert_eq!(attr(&badge, "data-state"), status.as_str());
        assert_eq!(attr(&badge, "data-load-ms"), "12.3");
        let text = badge.text_content().unwrap();
        assert_eq!(text.contains("引擎崩溃"), status == Status::Error, "{text}");
        assert_eq!(
            badge.query_selector("details pre").unwrap().is_some(),
            status == Status::Error,
            "the technical detail is there, folded away"
        );
    }
}

#[wasm_bindgen_test]
async fn empty_state_explains_what_to_do() {
    let root = mount_point();
    yew::Renderer::<EmptyState>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("粘贴"), "{text}");
}

#[wasm_bindgen_test]
fn worker_host_answers_bad_requests_with_a_failure_not_a_panic() {
    for bad in [
        "",
        "{",
        "null",
        r#"{"kind":"unknown"}"#,
        r#"{"kind":"analyse"}"#,
    ] {
        match host().handle(bad, || 0.0, &|_| {}) {
            Response::Failed { id: None, message } => assert!(message.contains("request")),
            other => panic!("{bad:?} gave {other:?}"),
        }
    }
}

#[wasm_bindgen_test]
fn worker_host_report_survives_the_json_round_trip() {
    let report = analyse(ARTICLE);
    let response = Response::Report(Reported {
        id: 1,
        report: Box::new(report.clone()),
        engine_ms: 1.5,
        stages: wenxi_core::StageTimes::default(),
        memory_bytes: 7 * 65_536,
        articles_apart: 0,
    });
    match Response::from_json(&response.to_json()) {
        Ok(Response::Report(Reported {
            report: back,
            memory_bytes,
            ..
        })) => {
            assert_eq!(*back, report);
            assert_eq!(memory_bytes, 7 * 65_536);
        }
        other => panic!("{other:?}"),
    }
}

/// Under wasm the host tells the size of its memory with each report: at least what the
/// dictionary and the text take, in whole 64 KiB pages.
#[wasm_bindgen_test]
fn the_worker_host_reports_its_wasm_memory() {
    let request = wenxi::protocol::Request::Analyse {
        id: 3,
        text: ARTICLE.into(),
        options: wenxi_core::Options::default(),
    };
    match host().handle(&request.to_json(), || 0.0, &|_| {}) {
        Response::Report(Reported { memory_bytes, .. }) => {
            assert!(memory_bytes >= 4 << 20, "{memory_bytes}");
            assert_eq!(memory_bytes % 65_536, 0);
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn the_entity_model_runs_in_the_browser() {
    let report = analyse(ARTICLE);
    assert_eq!(report.names_from, NameSource::Model);
    let people: Vec<&str> = report
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .map(|e| e.text.as_str())
        .collect();
    for name in ["李红梅", "杨志强", "段晓峰"] {
        assert!(people.contains(&name), "{name} in {people:?}");
    }
}

#[wasm_bindgen_test]
fn a_broken_entity_model_leaves_the_rest_of_the_report_intact() {
    let mut broken = ENTITY_MODEL.to_vec();
    let middle = broken.len() / 2;
    broken[middle] ^= 0x5a;
    for bytes in [
        Ok(broken),
        Ok(ENTITY_MODEL[..100].to_vec()),
        Err("HTTP 404".to_string()),
    ] {
        let mut host = EngineHost::load();
        host.set_entity_model(bytes);
        let report = analyse_with(&host, ARTICLE);
        match &report.names_from {
            NameSource::Rules { reason } => assert!(!reason.is_empty()),
            other => panic!("expected the rules, got {other:?}"),
        }
        assert!(!report.keywords.is_empty());
        assert!(report
            .entities
            .iter()
            .any(|e| e.kind == EntityType::Quantity));
    }
}

#[wasm_bindgen_test]
fn contexts_are_found_in_the_last_analysed_text() {
    let _ = analyse(ARTICLE);
    let request = Request::Contexts {
        id: 9,
        term: "冷库".into(),
    };
    match host().handle(&request.to_json(), || 0.0, &|_| {}) {
        Response::Contexts { id, contexts } => {
            assert_eq!(id, 9);
            assert_eq!(contexts.total, ARTICLE.matches("冷库").count());
            assert!(contexts.lines.iter().all(|l| l.matched == "冷库"));
            assert_eq!(contexts.dispersion.iter().sum::<usize>(), contexts.total);
        }
        other => panic!("expected contexts, got {other:?}"),
    }
}
