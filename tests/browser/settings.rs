//! The settings: kept in local storage, and the panel that edits them.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use wenxi::components::SettingsPanel;
use wenxi::state::settings::{Settings, SettingsEdit, POS_GROUPS};
use wenxi::storage;
use wenxi_core::userdict::UserWord;
use yew::prelude::*;

use super::{all, attr, mount_point, one};

const SETTINGS_KEY: &str = "wenxi.settings";

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
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
        assert!(
            message.is_some_and(|m| !m.zh.is_empty() && !m.en.is_empty()),
            "{bad}"
        );
        // Left alone: a newer page may still read it.
        assert_eq!(
            local_storage().get_item(SETTINGS_KEY).unwrap().as_deref(),
            Some(bad)
        );
    }
    local_storage().remove_item(SETTINGS_KEY).unwrap();
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
