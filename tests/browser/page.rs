//! Rendering for the component tests: the report under the page's language, with a
//! [`Reader`] built from an analysed report and actions that record what they are sent.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use wenxi::components::views::{Reader, ReaderActions};
use wenxi::components::ReportView;
use wenxi::i18n::Lang;
use wenxi::state::settings::SettingsEdit;
use wenxi::state::views::{TextMark, View};
use wenxi_core::Report;
use yew::prelude::*;

/// A fresh element in the page to mount a component on.
pub(crate) fn mount_point() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Everything a component sent to a callback.
pub(crate) fn recorder<T: 'static>() -> (Log<T>, Callback<T>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    (seen, Callback::from(move |x| sink.borrow_mut().push(x)))
}

/// What a callback was sent, in order.
pub(crate) type Log<T> = Rc<RefCell<Vec<T>>>;

/// What the views sent through the reader's actions.
pub(crate) struct Sent {
    pub(crate) picks: Log<Option<String>>,
    pub(crate) edits: Log<SettingsEdit>,
    pub(crate) views: Log<View>,
    pub(crate) in_text: Log<(usize, Option<TextMark>)>,
}

/// Reader actions that record what they are sent.
pub(crate) fn recording() -> (Sent, ReaderActions) {
    let (picks, pick) = recorder();
    let (edits, settings) = recorder();
    let (views, view) = recorder();
    let (in_text, show_in_text) = recorder();
    let sent = Sent {
        picks,
        edits,
        views,
        in_text,
    };
    let on = ReaderActions {
        pick,
        settings,
        view,
        show_in_text,
        distribution_terms: Callback::default(),
    };
    (sent, on)
}

/// What the views read, for an analysed report: default settings, nothing asked of the worker
/// yet.
pub(crate) fn reader(report: Rc<Report>, lang: Lang, on: ReaderActions) -> Reader {
    Reader {
        report,
        settings: Rc::default(),
        lang,
        contexts_term: None,
        contexts: None,
        passage: None,
        passage_at: 0,
        mark: None,
        distribution_terms: Rc::from(Vec::new()),
        distribution: None,
        on,
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct PageProps {
    reader: Reader,
    view: View,
}

/// `ReportView` as the page mounts it: under the page's language (`App` provides it).
#[component(Page)]
pub(crate) fn page(props: &PageProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.reader.lang}>
            <ReportView reader={props.reader.clone()} view={props.view} />
        </ContextProvider<Lang>>
    }
}

/// Renders `ReportView` with `reader` and `view` on a fresh element and waits until it is drawn.
pub(crate) async fn render_view(reader: Reader, view: View) -> Element {
    let root = mount_point();
    yew::Renderer::<Page>::with_root_and_props(root.clone(), PageProps { reader, view }).render();
    yew::scheduler::flush().await;
    root
}

/// Renders `view` of `report` in Chinese, its actions going nowhere.
pub(crate) async fn render_report(report: Rc<Report>, view: View) -> Element {
    render_view(reader(report, Lang::Zh, ReaderActions::default()), view).await
}

/// Lets the browser run what it queued (a `toggle` event, a timer), then redraws.
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    yew::scheduler::flush().await;
}

pub(crate) fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub(crate) fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

pub(crate) fn attr(e: &Element, name: &str) -> String {
    e.get_attribute(name).unwrap_or_default()
}
