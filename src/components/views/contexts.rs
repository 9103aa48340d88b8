//! 上下文 Contexts: keyword-in-context lines of any term the reader picks or types, sortable
//! by left or right context, each a way to its place in the text.

use yew::prelude::*;

use super::{use_reader, Reader};
use crate::components::ContextPanel;
use crate::state::settings::KeywordMethod;
use crate::state::views::{TextMark, View};

/// Leading keywords offered as quick picks before a term is chosen.
const QUICK_PICKS: usize = 12;

fn leading_keywords(reader: &Reader) -> Vec<String> {
    let report = &reader.report;
    let list = match reader.settings.display.keyword_method {
        KeywordMethod::Tfidf => &report.keywords,
        KeywordMethod::Textrank => &report.textrank,
        KeywordMethod::Frequency => &report.frequency,
    };
    list.iter()
        .take(QUICK_PICKS)
        .map(|k| k.term.clone())
        .collect()
}

#[component(ContextsView)]
pub fn contexts_view() -> Html {
    let reader = use_reader();
    let term = reader.as_ref().and_then(|r| r.contexts_term.clone());
    let typed = use_state(|| term.clone().unwrap_or_default());
    // A term picked elsewhere shows in the box.
    {
        let typed = typed.clone();
        use_effect_with(term.clone(), move |term| {
            if let Some(term) = term {
                typed.set(term.clone());
            }
        });
    }
    let Some(reader) = reader else {
        return Html::default();
    };
    let lang = reader.lang;
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                typed.set(input.value());
            }
        })
    };
    let onsubmit = {
        let (typed, pick) = (typed.clone(), reader.on.pick.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let term = typed.trim();
            if !term.is_empty() {
                pick.emit(Some(term.to_string()));
            }
        })
    };
    let search = html! {
        <form class="card contexts-search" role="search" {onsubmit}>
            <label for="contexts-search">{ lang.tr("查一个词的上下文", "Find a word in context") }</label>
            <div class="contexts-search-row">
                <input id="contexts-search" type="search" data-testid="contexts-search"
                       value={(*typed).clone()} {oninput} autocomplete="off"
                       placeholder={lang.tr("输入词语，按回车", "Type a word, press Enter")} />
                <button type="submit" data-testid="contexts-search-submit">{ lang.tr("查找", "Find") }</button>
            </div>
        </form>
    };
    let body = match term {
        Some(term) => {
            let on_show = {
                let (reader, term) = (reader.clone(), term.clone());
                Callback::from(move |at: usize| {
                    super::text::show_in_text(&reader, at, Some(TextMark::Term(term.clone())));
                })
            };
            let on_distribution = {
                let reader = reader.clone();
                Callback::from(move |term: String| {
                    let mut terms: Vec<String> = reader.distribution_terms.to_vec();
                    if !terms.contains(&term) {
                        terms.push(term);
                    }
                    reader.on.distribution_terms.emit(terms);
                    reader.on.view.emit(View::Distribution);
                })
            };
            html! {
                <ContextPanel {term} contexts={reader.contexts.clone()} on_close={reader.on.pick.clone()}
                              {on_show} {on_distribution} />
            }
        }
        None => {
            let quick = leading_keywords(&reader);
            let pick = |term: String| {
                let pick = reader.on.pick.clone();
                let onclick = {
                    let term = term.clone();
                    Callback::from(move |_: MouseEvent| pick.emit(Some(term.clone())))
                };
                html! {
                    <li><button type="button" class="chip" data-testid="contexts-quick"
                                data-term={term.clone()} {onclick}>{ term }</button></li>
                }
            };
            html! {
                <section class="card contexts-empty">
                    <p class="muted">{ lang.tr(
                        "在上面输入任何词语，或在关键词、实体、词云和原文中点一个词，就能看到它在文中的每一处及前后文。",
                        "Type any word above, or click a word among the keywords, the entities, the cloud or the text, to see each place it occurs with the words around it.",
                    ) }</p>
                    if !quick.is_empty() {
                        <h3>{ lang.tr("文中的关键词", "Keywords of the text") }</h3>
                        <ul class="chips">{ for quick.into_iter().map(pick) }</ul>
                    }
                </section>
            }
        }
    };
    html! {
        <div class="contexts-view">
            { search }
            { body }
        </div>
    }
}
