//! The printable report: a button that draws a static report of the current analysis outside
//! the page's own layout and asks the browser to print it.
//!
//! The report is drawn only while printing, in a `div.print-host` appended to `<body>` (a
//! portal), so the print stylesheet can hide every other child of `<body>` and the report is
//! laid out on paper from the top of the first page. It is removed on `afterprint`.

mod cloud;
mod date;
mod sections;

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_reader;
use crate::i18n::use_lang;
use sections::PrintReport;

/// How long a title taken from the text's first line may be, in chars.
const TITLE_CHARS: usize = 60;

/// The first non-empty line of the text area, cut to [`TITLE_CHARS`]; `None` when there is no
/// text area (a very long text is shown as a preview) or it is empty.
fn text_title() -> Option<String> {
    let area = web_sys::window()?
        .document()?
        .query_selector("[data-testid=input]")
        .ok()??
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    title_of(&area.value())
}

/// The first non-empty line of `text`, trimmed and cut to [`TITLE_CHARS`] (with an ellipsis).
fn title_of(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut title: String = line.chars().take(TITLE_CHARS).collect();
    if line.chars().count() > TITLE_CHARS {
        title.push('…');
    }
    Some(title)
}

/// The element the report is drawn into while printing (detached otherwise).
fn new_host() -> Option<web_sys::Element> {
    let host = web_sys::window()?.document()?.create_element("div").ok()?;
    host.set_class_name("print-host");
    Some(host)
}

fn attach(host: &web_sys::Element) {
    if host.is_connected() {
        return;
    }
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.append_child(host);
    }
}

/// 打印报告 / Print report: draws [`PrintReport`] and calls `window.print()` once it is in the
/// page; `afterprint` removes it again.
#[component(PrintButton)]
pub fn print_button() -> Html {
    let lang = use_lang();
    let reader = use_reader();
    let host = use_memo((), |_| new_host());
    // The number of the print asked for (each press prints again), or `None`.
    let printing = use_state(|| None::<u32>);
    let title = use_state(|| None::<String>);
    let asked = use_mut_ref(|| 0u32);

    // Once the report is drawn into the detached host: attach it and print. When printing ends
    // (or the button goes away with the report), take the host out of the page.
    {
        let host = host.clone();
        use_effect_with(*printing, move |printing| {
            if let (Some(_), Some(host)) = (printing, host.as_ref()) {
                attach(host);
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
            let host = host.clone();
            let printing = printing.is_some();
            move || {
                if printing {
                    if let Some(host) = host.as_ref() {
                        host.remove();
                    }
                }
            }
        });
    }
    {
        let done = printing.setter();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|window| {
                let closure = Closure::<dyn Fn()>::new(move || done.set(None));
                window
                    .add_event_listener_with_callback(
                        "afterprint",
                        closure.as_ref().unchecked_ref(),
                    )
                    .ok()?;
                Some((window, closure))
            });
            move || {
                if let Some((window, closure)) = listener {
                    let _ = window.remove_event_listener_with_callback(
                        "afterprint",
                        closure.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let onclick = {
        let (printing, title, asked) = (printing.clone(), title.clone(), asked.clone());
        Callback::from(move |_: MouseEvent| {
            title.set(text_title());
            let mut n = asked.borrow_mut();
            *n = n.wrapping_add(1);
            printing.set(Some(*n));
        })
    };
    let report = match (*printing, reader, host.as_ref()) {
        (Some(_), Some(reader), Some(host)) => create_portal(
            html! {
                <PrintReport report={Rc::clone(&reader.report)} settings={Rc::clone(&reader.settings)}
                             lang={reader.lang} title={(*title).clone().map(AttrValue::from)} />
            },
            host.clone(),
        ),
        _ => Html::default(),
    };
    html! {
        <>
            <button type="button" class="quiet print-button" data-testid="print-report"
                    title={lang.tr("打印一份完整的分析报告，或在打印对话框中另存为 PDF",
                                   "Print a complete report of the analysis, or save it as a PDF from the print dialogue")}
                    {onclick}>
                { lang.tr("打印报告", "Print report") }
            </button>
            { report }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::title_of;

    #[test]
    fn the_title_is_the_first_line_with_text() {
        assert_eq!(
            title_of("\n  \n  江南古籍修复中心  \n正文").as_deref(),
            Some("江南古籍修复中心")
        );
        assert_eq!(title_of(" \n\t\n"), None);
        let long = "长".repeat(70);
        let title = title_of(&long).unwrap_or_default();
        assert_eq!(title.chars().count(), 61);
        assert!(title.ends_with('…'));
    }
}
