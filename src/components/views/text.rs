//! 原文 Text: the analysed text a page at a time, with highlight layers (keywords, entity
//! types, word boundaries and parts of speech) and a mark on a picked term or entity.

mod body;
mod layers;
mod pieces;

use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wenxi_core::passage::Passage;
use yew::prelude::*;

use super::{use_reader, Reader};
use crate::i18n::Lang;
use crate::state::settings::KeywordMethod;
use crate::state::views::TextMark;
use body::TextBody;
use layers::{LayerToggles, Layers};
use pieces::{folded, mark_spans};

/// Opens the text view at char `at`, marking `mark`; the page scrolls to that place once shown.
pub(super) fn show_in_text(reader: &Reader, at: usize, mark: Option<TextMark>) {
    reader.on.show_in_text.emit((at, mark));
}

/// The reader's keywords (of the ranking chosen in the settings), folded as the engine
/// matches them.
fn keyword_set(reader: &Reader) -> HashSet<String> {
    let report = &reader.report;
    let list = match reader.settings.display.keyword_method {
        KeywordMethod::Tfidf => &report.keywords,
        KeywordMethod::Textrank => &report.textrank,
        KeywordMethod::Frequency => &report.frequency,
    };
    list.iter().map(|k| folded(&k.term)).collect()
}

fn mark_label(mark: &TextMark, lang: Lang) -> String {
    match mark {
        TextMark::Term(term) => term.clone(),
        TextMark::Entity { text, kind } => {
            let kind = layers::Layer::Entity(*kind).label(lang);
            format!("{text}（{kind}）")
        }
    }
}

/// Scrolls `element` to the middle of the window (no web-sys feature for the options object).
fn scroll_to_middle(element: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"center".into());
    let scroll = js_sys::Reflect::get(element, &"scrollIntoView".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match scroll {
        Some(f) => {
            let _ = f.call1(element, &JsValue::from(options));
        }
        None => element.scroll_into_view(),
    }
}

/// The place to bring into view on a page just shown: the first mark at or after the char
/// asked for (or the first mark), else the word at that char.
fn scroll_target(body: &web_sys::Element, asked: Option<usize>) -> Option<web_sys::Element> {
    let marks = body.query_selector_all("mark[data-at]").ok()?;
    let at_of = |el: &web_sys::Element, attr: &str| {
        el.get_attribute(attr)
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(0)
    };
    let elements = |list: web_sys::NodeList| {
        (0..list.length())
            .filter_map(move |i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
    };
    let asked_at = asked.unwrap_or(0);
    let mark = elements(marks.clone())
        .find(|m| at_of(m, "data-at") >= asked_at)
        .or_else(|| elements(marks).next());
    if mark.is_some() {
        return mark;
    }
    let asked = asked?;
    let words = body.query_selector_all("[data-s]").ok()?;
    elements(words).find(|w| at_of(w, "data-s") >= asked)
}

#[derive(Properties, PartialEq)]
struct PageNavProps {
    passage: Rc<Passage>,
    /// The copy under the text (its test ids end in `-end`).
    #[prop_or_default]
    at_end: bool,
    mark: Option<TextMark>,
    on_go: Callback<(usize, Option<TextMark>)>,
    lang: Lang,
}

/// Previous and next page, and where the reader is.
#[component(PageNav)]
fn page_nav(props: &PageNavProps) -> Html {
    let (p, lang) = (&props.passage, props.lang);
    let go = |at: usize| {
        let (on_go, mark) = (props.on_go.clone(), props.mark.clone());
        Callback::from(move |_: MouseEvent| on_go.emit((at, mark.clone())))
    };
    let (number, pages) = (p.page + 1, p.pages);
    let id = |name: &str| {
        if props.at_end {
            format!("{name}-end")
        } else {
            name.to_string()
        }
    };
    let label = match lang {
        Lang::Zh => format!("第 {number}/{pages} 页"),
        Lang::En => format!("Page {number} of {pages}"),
    };
    html! {
        <nav class="text-pages" aria-label={if props.at_end { lang.tr("翻页（文末）", "Pages (end of text)") } else { lang.tr("翻页", "Pages") }}>
            <button type="button" class="ghost" data-testid={id("text-page-prev")}
                    disabled={p.page == 0} onclick={go(p.start.saturating_sub(1))}>
                { lang.tr("‹ 上一页", "‹ Previous") }
            </button>
            <span data-testid={id("text-page")} data-page={number.to_string()} data-pages={pages.to_string()}
                  aria-live={(!props.at_end).then_some("polite")}>{ label }</span>
            <button type="button" class="ghost" data-testid={id("text-page-next")}
                    disabled={p.page + 1 >= pages} onclick={go(p.end)}>
                { lang.tr("下一页 ›", "Next ›") }
            </button>
        </nav>
    }
}

#[component(TextView)]
pub fn text_view() -> Html {
    let layers = use_state(Layers::default);
    let body_ref = use_node_ref();
    let reader = use_reader();
    let report_key = reader.as_ref().map(|r| {
        (
            Rc::as_ptr(&r.report) as usize,
            r.settings.display.keyword_method,
        )
    });
    let keywords = {
        let reader = reader.clone();
        use_memo(report_key, move |_| {
            reader.as_ref().map(keyword_set).unwrap_or_default()
        })
    };
    let passage = reader.as_ref().and_then(|r| r.passage.clone());
    let mark = reader.as_ref().and_then(|r| r.mark.clone());
    let marks = {
        let key = (
            passage.as_ref().map(|p| Rc::as_ptr(p) as usize),
            mark.clone(),
        );
        let (passage, mark) = (passage.clone(), mark.clone());
        use_memo(key, move |_| match (&passage, &mark) {
            (Some(p), Some(m)) => mark_spans(p, m),
            _ => Vec::new(),
        })
    };
    // A page just shown (or a new mark on it): bring the place asked for into view.
    // A page turned to with nothing to show on it opens at its top.
    let last_page = use_mut_ref(|| None::<usize>);
    {
        let body_ref = body_ref.clone();
        let asked = reader.as_ref().map_or(0, |r| r.passage_at);
        let page_start = passage.as_ref().map(|p| p.start);
        let key = (
            passage.as_ref().map(|p| Rc::as_ptr(p) as usize),
            mark.clone(),
            asked,
        );
        use_effect_with(key, move |(page, mark, asked)| {
            let Some(body) = page.and(body_ref.cast::<web_sys::Element>()) else {
                // The asked-for place is kept while the page is on its way.
                return;
            };
            let turned = last_page
                .replace(*page)
                .is_some_and(|last| Some(last) != *page);
            // A page turned to (asked at its first char) without a mark opens at its top;
            // anything else scrolls to the place asked for or the first mark after it.
            let target = (mark.is_some() || page_start != Some(*asked))
                .then(|| scroll_target(&body, Some(*asked)))
                .flatten();
            match target {
                Some(target) => scroll_to_middle(&target),
                None if turned => {
                    // The page's top and its buttons, where reading goes on.
                    body.set_scroll_top(0);
                    if let Some(view) = body.parent_element() {
                        view.scroll_into_view_with_bool(true);
                    }
                }
                None => {}
            }
        });
    }
    let Some(reader) = reader else {
        return Html::default();
    };
    let lang = reader.lang;
    let Some(passage) = passage else {
        return html! {
            <section class="card text-view" data-testid="text-view" aria-busy="true">
                <p class="muted" data-testid="text-loading">{ lang.tr("正在载入原文……", "Loading the text…") }</p>
            </section>
        };
    };
    let on_toggle = {
        let layers = layers.clone();
        Callback::from(move |layer| layers.set(layers.toggled(layer)))
    };
    let mark_line = mark.as_ref().map(|m| {
        let n = marks.len();
        let what = mark_label(m, lang);
        let said = match lang {
            Lang::Zh => format!("标出：{what}（本页 {n} 处）"),
            Lang::En => format!("Marked: {what} ({n} on this page)"),
        };
        let clear = {
            let (on, at) = (reader.on.show_in_text.clone(), passage.start);
            Callback::from(move |_: MouseEvent| on.emit((at, None)))
        };
        html! {
            <p class="text-mark-line" data-testid="text-mark-line" data-count={n.to_string()}>
                <mark class="text-mark">{ said }</mark>
                <button type="button" class="ghost" data-testid="text-mark-clear" onclick={clear}>
                    { lang.tr("清除标记", "Clear mark") }
                </button>
            </p>
        }
    });
    html! {
        <section class="card text-view" data-testid="text-view">
            <h2 class="visually-hidden">{ lang.tr("原文", "Text") }</h2>
            <LayerToggles layers={(*layers).clone()} {on_toggle} {lang} />
            { mark_line.unwrap_or_default() }
            if passage.pages > 1 {
                <PageNav passage={passage.clone()} mark={mark.clone()}
                         on_go={reader.on.show_in_text.clone()} {lang} />
            }
            // Focusable, so that a keyboard scrolls it; a region named for what it holds.
            <div class={layers.classes()} ref={body_ref} lang="zh-CN" tabindex="0" role="region"
                 aria-label={lang.tr("原文", "Text of the article")}
                 data-start={passage.start.to_string()} data-end={passage.end.to_string()}>
                <TextBody passage={passage.clone()} keywords={keywords.clone()}
                          marks={marks.clone()} on_pick={reader.on.pick.clone()} />
            </div>
            if passage.pages > 1 {
                <PageNav passage={passage.clone()} mark={mark.clone()} at_end=true
                         on_go={reader.on.show_in_text.clone()} {lang} />
            }
            <p class="muted text-hint">{ lang.tr(
                "点一个词，查看它的全部上下文。",
                "Click a word to see all its contexts.",
            ) }</p>
        </section>
    }
}
