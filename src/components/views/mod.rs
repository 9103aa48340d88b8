//! The report's views, one tab each, and what every view reads: the [`Reader`] context.
//!
//! Only the view shown is drawn. Each view is a component without props that takes what it
//! needs from the context, so a view can be added or changed without touching the others.
//! Where each view lives:
//!
//! | view | file | shows |
//! |---|---|---|
//! | 概览 Overview | `overview.rs` | statistics as cards, leading keywords and entities, the cloud |
//! | 关键词 Keywords | `keywords.rs` | one sortable table of every ranking, filters, explanations |
//! | 实体 Entities | `entities.rs` | entities by type, values, co-occurrence |
//! | 原文 Text | `text.rs` | the text with highlight layers and word boundaries, a page at a time |
//! | 上下文 Contexts | `contexts.rs` | keyword-in-context lines of any term, sortable |
//! | 分布 Distribution | `distribution.rs` | dispersion plots of several terms, counts per article |
//! | 分篇 Articles | `articles.rs` | each article of a multi-article paste and what sets it apart |

mod articles;
mod contexts;
mod distribution;
mod entities;
mod keywords;
mod overview;
mod print;
mod text;

use std::rc::Rc;

use web_sys::KeyboardEvent;
use wenxi_core::contexts::{Contexts, Distribution};
use wenxi_core::passage::Passage;
use wenxi_core::Report;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::settings::{Settings, SettingsEdit};
use crate::state::views::{TextMark, View};

pub use articles::ArticlesView;
pub use contexts::ContextsView;
pub use distribution::DistributionView;
pub use entities::EntitiesView;
pub use keywords::KeywordsView;
pub use overview::OverviewView;
pub use print::PrintButton;
pub use text::TextView;

/// What the views read, and the ways they change the page.
#[derive(Clone)]
pub struct Reader {
    pub report: Rc<Report>,
    pub settings: Rc<Settings>,
    pub lang: Lang,
    /// The word whose contexts were asked for, and the worker's answer (`None` while it looks).
    pub contexts_term: Option<String>,
    pub contexts: Option<Rc<Contexts>>,
    /// The text view's page, once the worker has sent it, and what it marks.
    pub passage: Option<Rc<Passage>>,
    /// The char the text view was asked to show (its page scrolls there).
    pub passage_at: usize,
    pub mark: Option<TextMark>,
    /// The terms the distribution view shows now, and their spread once the worker has sent it.
    pub distribution_terms: Rc<[String]>,
    pub distribution: Option<Rc<Distribution>>,
    pub on: ReaderActions,
}

impl PartialEq for Reader {
    /// The report is never changed in place: the same pointer is the same report, and a
    /// report of megabytes is not walked to find that out.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.settings == other.settings
            && self.lang == other.lang
            && self.contexts_term == other.contexts_term
            && opt_ptr_eq(&self.contexts, &other.contexts)
            && opt_ptr_eq(&self.passage, &other.passage)
            && self.passage_at == other.passage_at
            && self.mark == other.mark
            && self.distribution_terms == other.distribution_terms
            && opt_ptr_eq(&self.distribution, &other.distribution)
            && self.on == other.on
    }
}

fn opt_ptr_eq<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// The ways a view changes the page (each dispatches one `Action`).
#[derive(Clone, PartialEq, Default)]
pub struct ReaderActions {
    /// Opens the contexts of a term (switching to the contexts view); `None` closes them.
    pub pick: Callback<Option<String>>,
    pub settings: Callback<SettingsEdit>,
    /// Opens a view.
    pub view: Callback<View>,
    /// Shows char `at` in the text view, marking a term or an entity.
    pub show_in_text: Callback<(usize, Option<TextMark>)>,
    /// Sets the distribution view's terms (empty: the leading keywords).
    pub distribution_terms: Callback<Vec<String>>,
}

/// The context every view reads (provided by `ReportView`). Outside a report it is absent,
/// and the views are never drawn there.
#[hook]
pub fn use_reader() -> Option<Reader> {
    use_context::<Reader>()
}

#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    pub current: View,
    pub on_view: Callback<View>,
    /// Views with nothing to show are still listed (each says why it is empty), so the tabs
    /// never move under the reader's hand.
    #[prop_or_default]
    pub counts: Rc<[(View, Option<usize>)]>,
}

/// The tab id of a view (its panel is labelled by it).
pub fn tab_id(view: View) -> String {
    format!("tab-{}", view.as_str())
}

/// The panel id of a view.
pub fn panel_id(view: View) -> String {
    format!("panel-{}", view.as_str())
}

/// The tabs: one click to any view; arrow keys, Home and End move between them (the WAI-ARIA
/// tabs pattern with automatic activation), Tab leaves them for the panel.
#[component(ViewTabs)]
pub fn view_tabs(props: &ViewTabsProps) -> Html {
    let lang = crate::i18n::use_lang();
    let list = use_node_ref();
    let onkeydown = {
        let (on_view, current, list) = (props.on_view.clone(), props.current, list.clone());
        Callback::from(move |e: KeyboardEvent| {
            let at = View::ALL.iter().position(|&v| v == current).unwrap_or(0);
            let n = View::ALL.len();
            let to = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (at + 1) % n,
                "ArrowLeft" | "ArrowUp" => (at + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            on_view.emit(View::ALL[to]);
            // Focus follows: the new tab is drawn by then or in the next frame; either way the
            // element with its id exists already (every tab is always drawn).
            if let Some(tab) = list
                .cast::<web_sys::Element>()
                .and_then(|l| {
                    l.query_selector(&format!("#{}", tab_id(View::ALL[to])))
                        .ok()
                })
                .flatten()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            {
                let _ = tab.focus();
            }
        })
    };
    let tab = |view: View| {
        let selected = view == props.current;
        let onclick = {
            let on_view = props.on_view.clone();
            Callback::from(move |_: MouseEvent| on_view.emit(view))
        };
        let count = props
            .counts
            .iter()
            .find(|(v, _)| *v == view)
            .and_then(|(_, c)| *c);
        html! {
            <button type="button" role="tab" id={tab_id(view)} class="view-tab"
                    data-testid="view-tab" data-view={view.as_str()}
                    aria-selected={selected.to_string()} aria-controls={panel_id(view)}
                    tabindex={if selected { "0" } else { "-1" }} {onclick}>
                { view.label(lang) }
                if let Some(count) = count {
                    <span class="tab-count">{ count }</span>
                }
            </button>
        }
    };
    html! {
        <div class="view-tabs" role="tablist" ref={list}
             aria-label={lang.tr("分析结果的视图", "Views of the analysis")} {onkeydown}>
            { for View::ALL.into_iter().map(tab) }
        </div>
    }
}

/// The view shown, in its tab panel.
#[derive(Properties, PartialEq)]
pub struct ViewPanelProps {
    pub view: View,
}

#[component(ViewPanel)]
pub fn view_panel(props: &ViewPanelProps) -> Html {
    let view = props.view;
    let body = match view {
        View::Overview => html! { <OverviewView /> },
        View::Keywords => html! { <KeywordsView /> },
        View::Entities => html! { <EntitiesView /> },
        View::Text => html! { <TextView /> },
        View::Contexts => html! { <ContextsView /> },
        View::Distribution => html! { <DistributionView /> },
        View::Articles => html! { <ArticlesView /> },
    };
    html! {
        <section class="view-panel" role="tabpanel" id={panel_id(view)} aria-labelledby={tab_id(view)}
                 data-testid="view" data-view={view.as_str()} tabindex="0">
            { body }
        </section>
    }
}
