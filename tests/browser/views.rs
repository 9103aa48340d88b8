use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use wenxi::components::views::Reader;
use wenxi::components::ReportView;
use wenxi::i18n::Lang;
use wenxi::state::views::View;
use yew::prelude::*;

use super::{all, analyse, attr, mount_point, one, reader, recording, render_view, ARTICLE};

#[derive(Properties, PartialEq)]
struct TabsHostProps {
    reader: Reader,
}

/// The report as the page holds it: the view the tabs ask for is the view shown (and what they
/// asked for is still recorded by the reader's own `on.view`).
#[component(TabsHost)]
fn tabs_host(props: &TabsHostProps) -> Html {
    let view = use_state(View::default);
    let mut reader = props.reader.clone();
    let (record, shown) = (props.reader.on.view.clone(), view.clone());
    reader.on.view = Callback::from(move |v: View| {
        record.emit(v);
        shown.set(v);
    });
    html! {
        <ContextProvider<Lang> context={reader.lang}>
            <ReportView {reader} view={*view} />
        </ContextProvider<Lang>>
    }
}

/// A key pressed on an element, as the browser sends it (bubbling, cancelable).
fn press(on: &Element, key: &str) {
    let init = js_sys::Object::new();
    for (name, value) in [
        ("key", JsValue::from_str(key)),
        ("bubbles", JsValue::TRUE),
        ("cancelable", JsValue::TRUE),
    ] {
        js_sys::Reflect::set(&init, &JsValue::from_str(name), &value).unwrap();
    }
    let window = web_sys::window().unwrap();
    let class: js_sys::Function =
        js_sys::Reflect::get(&window, &JsValue::from_str("KeyboardEvent"))
            .unwrap()
            .unchecked_into();
    let args = js_sys::Array::of2(&JsValue::from_str("keydown"), &init);
    let event: web_sys::Event = js_sys::Reflect::construct(&class, &args)
        .unwrap()
        .unchecked_into();
    on.dispatch_event(&event).unwrap();
}

fn selected_tab(root: &Element) -> String {
    let selected = all(root, "[data-testid=view-tab][aria-selected=true]");
    assert_eq!(selected.len(), 1, "one tab is selected");
    attr(&selected[0], "data-view")
}

fn shown_view(root: &Element) -> String {
    attr(&one(root, "[data-testid=view]"), "data-view")
}

fn focused_id() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_view_tabs_switch_views_by_click_and_by_arrow_keys() {
    let report = Rc::new(analyse(ARTICLE));
    let (sent, on) = recording();
    let root = mount_point();
    yew::Renderer::<TabsHost>::with_root_and_props(
        root.clone(),
        TabsHostProps {
            reader: reader(report, Lang::Zh, on),
        },
    )
    .render();
    yew::scheduler::flush().await;

    // Every view has its tab; the overview is shown first, and only the selected tab is in the
    // Tab order.
    let tabs = all(&root, "[data-testid=view-tab]");
    let names: Vec<String> = tabs.iter().map(|t| attr(t, "data-view")).collect();
    let expected: Vec<&str> = View::ALL.iter().map(|v| v.as_str()).collect();
    assert_eq!(names, expected);
    assert_eq!(selected_tab(&root), "overview");
    assert_eq!(shown_view(&root), "overview");
    for t in &tabs {
        let selected = attr(t, "aria-selected") == "true";
        assert_eq!(attr(t, "tabindex"), if selected { "0" } else { "-1" });
    }

    // A click on a tab asks for its view, which is then shown in the panel the tab controls.
    one(&root, "[data-testid=view-tab][data-view=entities]").click();
    yew::scheduler::flush().await;
    assert_eq!(*sent.views.borrow(), vec![View::Entities]);
    assert_eq!(selected_tab(&root), "entities");
    assert_eq!(shown_view(&root), "entities");
    let panel = one(&root, "[data-testid=view]");
    assert_eq!(
        attr(&panel, "aria-labelledby"),
        "tab-entities",
        "the panel is labelled by its tab"
    );
    assert!(!all(&root, "[data-testid=entity]").is_empty());

    // ArrowRight on the selected tab opens the next view and moves the focus to its tab;
    // ArrowLeft goes back; End and Home go to the last and the first; they wrap round.
    let selected = one(&root, "[data-testid=view-tab][aria-selected=true]");
    selected.focus().unwrap();
    press(&selected, "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(sent.views.borrow().last(), Some(&View::Text));
    assert_eq!(shown_view(&root), "text");
    assert_eq!(focused_id(), "tab-text");

    let keys: [(&str, View); 4] = [
        ("ArrowLeft", View::Entities),
        ("End", View::Articles),
        ("ArrowRight", View::Overview),
        ("Home", View::Overview),
    ];
    for (key, then) in keys {
        let selected = one(&root, "[data-testid=view-tab][aria-selected=true]");
        press(&selected, key);
        yew::scheduler::flush().await;
        assert_eq!(sent.views.borrow().last(), Some(&then), "{key}");
        assert_eq!(shown_view(&root), then.as_str(), "{key}");
        assert_eq!(focused_id(), format!("tab-{}", then.as_str()), "{key}");
    }
    // Other keys leave the tabs alone.
    let before = sent.views.borrow().len();
    press(
        &one(&root, "[data-testid=view-tab][aria-selected=true]"),
        "a",
    );
    yew::scheduler::flush().await;
    assert_eq!(sent.views.borrow().len(), before);

    // The overview's "all keywords" link opens the keywords view.
    one(&root, "[data-testid=overview-more-keywords]").click();
    yew::scheduler::flush().await;
    assert_eq!(sent.views.borrow().last(), Some(&View::Keywords));
    assert_eq!(shown_view(&root), "keywords");
}

/// A character of the Han script (CJK ideographs and their extensions, and the CJK
/// punctuation a Chinese label would bring along).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{2ffff}')
}

fn han_in(e: &Element) -> Vec<char> {
    e.text_content()
        .unwrap_or_default()
        .chars()
        .filter(|&c| is_han(c))
        .collect()
}

#[wasm_bindgen_test]
async fn in_english_the_tabs_and_the_keyword_headers_have_no_chinese() {
    let report = Rc::new(analyse(ARTICLE));
    for lang in Lang::ALL {
        let (_, on) = recording();
        let root = render_view(reader(report.clone(), lang, on), View::Keywords).await;
        let tabs = all(&root, "[data-testid=view-tab]");
        assert_eq!(tabs.len(), View::ALL.len());
        let labels: Vec<String> = tabs
            .iter()
            .map(|t| t.unchecked_ref::<HtmlElement>().inner_text())
            .collect();
        // The tablist's own name too.
        let list = one(&root, "[role=tablist]");
        let list_name = attr(&list, "aria-label");
        let headers: Vec<Element> = all(&root, ".keyword-table thead th, .keyword-table caption");
        assert!(headers.len() >= 7, "{}", headers.len());
        let heading = one(&root, "#keywords-title");
        match lang {
            Lang::En => {
                for (t, label) in tabs.iter().zip(&labels) {
                    assert!(han_in(t).is_empty(), "tab {label:?}");
                    assert!(!label.trim().is_empty());
                }
                assert!(!list_name.chars().any(is_han), "{list_name}");
                for h in headers.iter().chain([heading.unchecked_ref::<Element>()]) {
                    assert!(
                        han_in(h).is_empty(),
                        "header {:?}",
                        h.text_content().unwrap_or_default()
                    );
                    for name in ["title", "aria-label"] {
                        let said = attr(h, name);
                        assert!(!said.chars().any(is_han), "{said}");
                    }
                    for b in all(h, "button") {
                        let title = attr(&b, "title");
                        assert!(!title.chars().any(is_han), "{title}");
                    }
                }
                assert_eq!(heading.inner_text(), "Keywords");
            }
            // The same places are Chinese by default: the check above can fail.
            Lang::Zh => {
                assert!(labels.iter().all(|l| l.chars().any(is_han)), "{labels:?}");
                assert!(han_in(&heading).len() >= 2);
            }
        }
    }
}
