use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use wenxi::components::{explanation, Ranking, ReportProps, ReportView, SettingsPanel};
use wenxi::state::settings::{Settings, SettingsEdit, POS_GROUPS};
use wenxi::storage;
use wenxi_core::phrases::Phrase;
use wenxi_core::userdict::UserWord;
use wenxi_core::{Article, KeyTerm, Report};
use yew::prelude::*;

use super::{all, analyse, attr, mount_point, ARTICLE};

const SETTINGS_KEY: &str = "wenxi.settings";

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn hidden(e: &Element) -> bool {
    e.closest("[hidden]").unwrap().is_some()
}

/// Everything a component sent to a callback.
fn recorder<T: 'static>() -> (Rc<RefCell<Vec<T>>>, Callback<T>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    (seen, Callback::from(move |x| sink.borrow_mut().push(x)))
}

async fn render(props: ReportProps) -> Element {
    let root = mount_point();
    yew::Renderer::<ReportView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
fn settings_survive_the_round_trip_through_storage() {
    let mut settings = Settings::default();
    settings.apply(SettingsEdit::AddWords(vec![UserWord {
        word: "青禾湾".into(),
        freq: Some(40),
        tag: Some("ns".into()),
    }]));
    settings.apply(SettingsEdit::AddStopword("记者".into()));
    settings.apply(SettingsEdit::CountAfterAll("发展".into()));
    settings.apply(SettingsEdit::SetPosGroup {
        group: "verb",
        on: false,
    });
    storage::save_settings(&settings).unwrap();
    let stored = local_storage().get_item(SETTINGS_KEY).unwrap().unwrap();
    assert!(stored.contains("\"version\":1"), "{stored}");
    assert_eq!(storage::load_settings(), (settings, None));

    // The defaults leave nothing behind.
    storage::save_settings(&Settings::default()).unwrap();
    assert_eq!(local_storage().get_item(SETTINGS_KEY).unwrap(), None);
    assert_eq!(storage::load_settings(), (Settings::default(), None));
}

#[wasm_bindgen_test]
fn unreadable_stored_settings_are_ignored_with_a_message() {
    for bad in [
        "not json",
        "{\"version\":99,\"user_words\":[]}",
        "{\"version\":1,\"extra_stopwords\":{\"a\":1}}",
        "[1,2,3]",
    ] {
        local_storage().set_item(SETTINGS_KEY, bad).unwrap();
        let (settings, message) = storage::load_settings();
        assert_eq!(settings, Settings::default(), "{bad}");
        assert!(message.is_some_and(|m| !m.is_empty()), "{bad}");
        // Left alone: a newer page may still read it.
        assert_eq!(
            local_storage().get_item(SETTINGS_KEY).unwrap().as_deref(),
            Some(bad)
        );
    }
    local_storage().remove_item(SETTINGS_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn rankings_switch_and_each_keyword_explains_its_score() {
    let report = Rc::new(analyse(ARTICLE));
    let (edits, on_settings) = recorder();
    let root = render(ReportProps {
        report: report.clone(),
        on_pick: Callback::default(),
        settings: Rc::default(),
        on_settings,
    })
    .await;

    let switches = all(&root, "[data-testid=rank-switch]");
    let offered: Vec<String> = switches.iter().map(|b| attr(b, "data-rank")).collect();
    let expected: Vec<&str> = [
        ("tfidf", true),
        ("textrank", !report.textrank.is_empty()),
        ("frequency", !report.frequency.is_empty()),
    ]
    .into_iter()
    .filter(|(_, on)| *on)
    .map(|(r, _)| r)
    .collect();
    assert_eq!(offered, expected);

    let lists = [
        (Ranking::TfIdf, &report.keywords),
        (Ranking::TextRank, &report.textrank),
        (Ranking::Frequency, &report.frequency),
    ];
    for (ranking, keywords) in lists.into_iter().filter(|(_, k)| !k.is_empty()) {
        let switch = switches
            .iter()
            .find(|b| attr(b, "data-rank") == ranking.as_str())
            .unwrap();
        switch.unchecked_ref::<HtmlElement>().click();
        yew::scheduler::flush().await;
        assert_eq!(attr(switch, "aria-pressed"), "true");
        // Only the chosen ranking is in sight, in the report's order.
        for row in all(&root, "[data-testid=keyword]") {
            assert_eq!(
                hidden(&row),
                attr(&row, "data-rank") != ranking.as_str(),
                "{}",
                attr(&row, "data-term")
            );
        }
        let rows = all(
            &root,
            &format!("[data-testid=keyword][data-rank={}]", ranking.as_str()),
        );
        let shown: Vec<String> = rows.iter().map(|r| attr(r, "data-term")).collect();
        let terms: Vec<String> = keywords.iter().take(20).map(|k| k.term.clone()).collect();
        assert_eq!(shown, terms);
        // The explanation of a row is that keyword's own.
        let why = one(&rows[0], "[data-testid=keyword-why]");
        let text = why.text_content().unwrap_or_default();
        for line in explanation(ranking, &keywords[0]) {
            assert!(text.contains(&line), "{line} in {text}");
        }
    }

    // "Not a keyword" on the second TF-IDF row asks for that word to become a stop word.
    let row = &all(&root, "[data-testid=keyword][data-rank=tfidf]")[1];
    one(row, "summary").click();
    one(row, "[data-testid=not-keyword]").click();
    yew::scheduler::flush().await;
    assert_eq!(
        *edits.borrow(),
        vec![SettingsEdit::AddStopword(report.keywords[1].term.clone())]
    );
}

/// A report of `ARTICLE` made to look cut short and split in two, with one phrase: the engine
/// reports these only for long or multi-article texts.
fn with_articles_and_coverage() -> Report {
    let mut report = analyse(ARTICLE);
    let total = ARTICLE.chars().count();
    let half = total / 2;
    let article = |title: &str, start, end, skip| Article {
        title: title.into(),
        start,
        end,
        stats: report.stats.clone(),
        keywords: report.keywords.iter().skip(skip).take(5).cloned().collect(),
        key_terms: report
            .keywords
            .iter()
            .skip(skip)
            .take(3)
            .map(|k| KeyTerm {
                term: k.term.clone(),
                count: k.count,
                rest_count: 0,
                log_likelihood: 12.5 * k.score,
            })
            .collect(),
        entities: report.entities.clone(),
    };
    report.articles = vec![article("上篇", 0, half, 0), article("下篇", half, total, 3)];
    report.coverage.total_chars = total;
    report.coverage.analysed_chars = half;
    report.coverage.stopped = Some("文字超过了分析上限".into());
    report.phrases.push(Phrase {
        term: "冷链物流园".into(),
        parts: vec!["冷链".into(), "物流园".into()],
        count: 3,
        cohesion: 4.0,
        left_entropy: 1.0,
        right_entropy: 1.0,
        score: 12.0,
    });
    report
}

#[wasm_bindgen_test]
async fn articles_coverage_and_phrases_are_shown_and_act() {
    let report = Rc::new(with_articles_and_coverage());
    let (picked, on_pick) = recorder();
    let (edits, on_settings) = recorder();
    let root = render(ReportProps {
        report: report.clone(),
        on_pick,
        settings: Rc::default(),
        on_settings,
    })
    .await;

    let coverage = one(&root, "[data-testid=coverage]");
    let text = coverage.text_content().unwrap();
    let c = &report.coverage;
    for part in [
        c.analysed_chars.to_string(),
        c.total_chars.to_string(),
        c.stopped.clone().unwrap(),
    ] {
        assert!(text.contains(&part), "{part} in {text}");
    }

    let articles = all(&root, "[data-testid=article]");
    let titles: Vec<String> = articles.iter().map(|a| attr(a, "data-title")).collect();
    let expected: Vec<String> = report.articles.iter().map(|a| a.title.clone()).collect();
    assert_eq!(titles, expected);
    for (shown, article) in articles.iter().zip(&report.articles) {
        let terms = all(shown, "[data-testid=article-key-term]");
        assert_eq!(terms.len(), article.key_terms.len());
        for (t, k) in terms.iter().zip(&article.key_terms) {
            assert_eq!(attr(t, "data-term"), k.term);
            let text = t.text_content().unwrap();
            assert!(text.contains(&format!("{:.1}", k.log_likelihood)), "{text}");
        }
    }
    // Picking a distinguishing term of the second article opens its contexts.
    let term = &report.articles[1].key_terms[0].term;
    one(&articles[1], "[data-testid=article-key-term] button.pick").click();
    assert_eq!(*picked.borrow(), vec![Some(term.clone())]);

    // A phrase goes into the dictionary whole.
    let phrase = root
        .query_selector("[data-testid=phrase][data-term=冷链物流园]")
        .unwrap()
        .unwrap();
    one(&phrase, "[data-testid=phrase-add]").click();
    match edits.borrow().as_slice() {
        [SettingsEdit::AddWords(words)] => {
            let words: Vec<&str> = words.iter().map(|w| w.word.as_str()).collect();
            assert_eq!(words, ["冷链物流园"]);
        }
        other => panic!("{other:?}"),
    };
}

#[wasm_bindgen_test]
async fn a_plain_report_has_no_article_or_coverage_section() {
    let mut report = analyse(ARTICLE);
    report.articles.clear();
    report.coverage.stopped = None;
    let root = render(ReportProps {
        report: Rc::new(report),
        on_pick: Callback::default(),
        settings: Rc::default(),
        on_settings: Callback::default(),
    })
    .await;
    assert!(all(&root, "[data-testid=article], [data-testid=coverage]").is_empty());
}

/// Quoted terms the engine found are listed with their counts, and picking one opens its
/// contexts.
#[wasm_bindgen_test]
async fn quoted_terms_are_listed_and_open_their_contexts() {
    let text = "全县推行“河长制”已满三年。各乡镇落实“河长制”，并试点“湖长制”。\
                他说：“今年还要把巡河做细，一条条河都要管好。”";
    let report = analyse(text);
    assert!(!report.quoted_terms.is_empty());
    let (picked, on_pick) = recorder();
    let root = render(ReportProps {
        report: Rc::new(report.clone()),
        on_pick,
        settings: Rc::default(),
        on_settings: Callback::default(),
    })
    .await;
    let shown = all(&root, "[data-testid=quoted-term]");
    let listed: Vec<(String, String)> = shown
        .iter()
        .map(|e| (attr(e, "data-term"), attr(e, "data-count")))
        .collect();
    let expected: Vec<(String, String)> = report
        .quoted_terms
        .iter()
        .map(|q| (q.term.clone(), q.count.to_string()))
        .collect();
    assert_eq!(listed, expected);
    // The quoted sentence is speech, not a term.
    assert!(listed.iter().all(|(t, _)| !t.contains('巡')));
    one(&shown[0], "button.pick").click();
    assert_eq!(
        *picked.borrow(),
        vec![Some(report.quoted_terms[0].term.clone())]
    );
}

/// The settings panel over settings that take its edits, as the page does.
#[component(SettingsHost)]
fn settings_host() -> Html {
    let settings = use_state(|| Rc::new(Settings::default()));
    let on_edit = {
        let settings = settings.clone();
        Callback::from(move |edit| {
            let mut next = (**settings).clone();
            next.apply(edit);
            settings.set(Rc::new(next));
        })
    };
    html! { <SettingsPanel settings={(*settings).clone()} {on_edit} /> }
}

fn type_into(root: &Element, testid: &str, text: &str) {
    one(root, &format!("[data-testid={testid}]"))
        .unchecked_into::<HtmlInputElement>()
        .set_value(text);
}

fn listed(root: &Element, testid: &str) -> Vec<String> {
    all(root, &format!("[data-testid={testid}]"))
        .iter()
        .map(|e| attr(e, "data-word"))
        .collect()
}

#[wasm_bindgen_test]
async fn the_settings_panel_adds_and_removes_words_and_refuses_bad_ones() {
    let root = mount_point();
    yew::Renderer::<SettingsHost>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    type_into(&root, "dict-word-input", " 河长制 ");
    type_into(&root, "dict-freq-input", "800");
    one(&root, "[data-testid=dict-add]").click();
    yew::scheduler::flush().await;
    assert_eq!(listed(&root, "dict-word"), ["河长制"]);
    let word = one(&root, "[data-testid=dict-word]");
    assert_eq!(attr(&word, "data-freq"), "800");
    assert_eq!(
        word.get_attribute("data-tag"),
        None,
        "no tag chosen, none given"
    );
    type_into(&root, "dict-word-input", "青禾湾");
    let tag = one(&root, "[data-testid=dict-tag-input]").unchecked_into::<HtmlSelectElement>();
    tag.set_value("ns");
    one(&root, "[data-testid=dict-add]").click();
    yew::scheduler::flush().await;
    let added = &all(&root, "[data-testid=dict-word]")[1];
    assert_eq!(attr(added, "data-tag"), "ns");
    assert_eq!(tag.value(), "", "the form starts afresh");
    one(added, "button.remove").click();
    yew::scheduler::flush().await;

    type_into(&root, "dict-word-input", "两 个词");
    one(&root, "[data-testid=dict-add]").click();
    yew::scheduler::flush().await;
    assert!(one(&root, "[data-testid=dict-problem]")
        .text_content()
        .is_some_and(|t| !t.is_empty()));
    assert_eq!(listed(&root, "dict-word"), ["河长制"], "nothing added");

    type_into(&root, "stopword-input", "记者");
    one(&root, "[data-testid=stopword-add]").click();
    yew::scheduler::flush().await;
    assert_eq!(listed(&root, "stopword"), ["记者"]);
    one(&root, "[data-testid=stopword] button.remove").click();
    one(&root, "[data-testid=dict-word] button.remove").click();
    yew::scheduler::flush().await;
    assert!(listed(&root, "stopword").is_empty());
    assert!(listed(&root, "dict-word").is_empty());

    // The parts-of-speech boxes show the engine's default set at first.
    let boxes = all(&root, "[data-testid=pos-group]");
    assert_eq!(boxes.len(), POS_GROUPS.len());
    for (b, g) in boxes.iter().zip(&POS_GROUPS) {
        assert_eq!(b.unchecked_ref::<HtmlInputElement>().checked(), g.default);
    }
}
