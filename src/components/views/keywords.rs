//! Keywords: one sortable table of every ranking (TF-IDF, TextRank, frequency; phrases among
//! them), filters by part of speech, the settings that change the ranking, an explanation of
//! each score, and the keyword pairs and phrases below.

mod controls;
mod extras;
mod rows;
mod table;

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::use_reader;
use crate::components::keywords::{pos_filter_label, POS_FILTER_GROUPS};
use crate::i18n::Lang;
use crate::state::settings::SettingsEdit;
use controls::{KeywordControls, ScoreHelp};
use extras::{KeywordLinks, PhraseList};
use rows::{Row, Sort, SortKey};
use table::KeywordTable;

/// Rows drawn before a "show all" button (three rankings of up to 300 terms make up to 900).
const ROWS_SHOWN: usize = 150;

/// A report compared by pointer: memos keyed on it never walk the report.
#[derive(Clone)]
struct PtrKey(Rc<wenxi_core::Report>);

impl PartialEq for PtrKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The rows shown: sorted, without the hidden groups.
fn shown(rows: &[Row], sort: Sort, hidden: &BTreeSet<&'static str>) -> Vec<usize> {
    rows::sorted(rows, sort)
        .into_iter()
        .filter(|&i| !hidden.contains(rows[i].group()))
        .collect()
}

#[component(KeywordsView)]
pub fn keywords_view() -> Html {
    let reader = use_reader();
    let key = reader.as_ref().map(|r| PtrKey(r.report.clone()));
    let all = use_memo(key.clone(), |key| {
        Rc::new(
            key.as_ref()
                .map(|PtrKey(r)| rows::rows(r))
                .unwrap_or_default(),
        )
    });
    let method = reader
        .as_ref()
        .map(|r| r.settings.display.keyword_method)
        .unwrap_or_default();
    // The reader's own sort, until the method changes (then the method's order leads again).
    let chosen = use_state(|| None::<(Sort, crate::state::settings::KeywordMethod)>);
    let sort = match *chosen {
        Some((sort, m)) if m == method => sort,
        _ => Sort::by(SortKey::of(method)),
    };
    let hidden = use_state(BTreeSet::<&'static str>::new);
    let show_all = use_state(|| false);
    let order = use_memo((key, sort, (*hidden).clone()), |(_, sort, hidden)| {
        Rc::new(shown(&all, *sort, hidden))
    });
    let Some(reader) = reader else {
        return Html::default();
    };
    let lang = reader.lang;
    let rows: Rc<Vec<Row>> = (*all).clone();
    let on_sort = {
        let chosen = chosen.clone();
        Callback::from(move |k: SortKey| chosen.set(Some((sort.clicked(k), method))))
    };
    let not_keyword = {
        let on = reader.on.settings.clone();
        Callback::from(move |term: String| on.emit(SettingsEdit::AddStopword(term)))
    };
    let chip = |group: &'static str| {
        let on = !hidden.contains(group);
        let n = rows.iter().filter(|r| r.group() == group).count();
        let onclick = {
            let hidden = hidden.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*hidden).clone();
                if !next.remove(group) {
                    next.insert(group);
                }
                hidden.set(next);
            })
        };
        html! {
            <button type="button" class="pos-chip" data-testid="pos-filter" data-group={group}
                    aria-pressed={on.to_string()} disabled={n == 0} {onclick}>
                { pos_filter_label(group, lang) }
                <span class="count">{ n }</span>
            </button>
        }
    };
    let total = rows.len();
    let showing = order.len();
    let limit = if *show_all { showing } else { ROWS_SHOWN };
    let drawn = showing.min(limit);
    let summary = match lang {
        Lang::Zh if drawn < showing => {
            format!("共 {total} 个词，筛选后 {showing} 个，先列出 {drawn} 个")
        }
        Lang::Zh => format!("显示 {showing} / {total} 个词"),
        Lang::En if drawn < showing => {
            format!("{showing} of {total} terms match; the first {drawn} are listed")
        }
        Lang::En => format!("Showing {showing} of {total} terms"),
    };
    let more = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(true))
    };
    let settings = &reader.settings;
    let r = &reader.report;
    html! {
        <div class="kw-view">
            <section class="card" aria-labelledby="keywords-title">
                <h2 id="keywords-title">{ lang.tr("关键词", "Keywords") }</h2>
                <KeywordControls method={method} count={settings.display.keyword_count}
                                 builtin_stopwords={settings.builtin_stopwords}
                                 on_settings={reader.on.settings.clone()} />
                <div class="pos-filters" role="group"
                     aria-label={lang.tr("按词性筛选", "Filter by part of speech")}>
                    { for POS_FILTER_GROUPS.into_iter().map(chip) }
                </div>
                <p class="muted shown-count" data-testid="keywords-shown" data-shown={showing.to_string()}
                   data-total={total.to_string()} aria-live="polite">{ summary }</p>
                if total == 0 {
                    <p class="muted">{ lang.tr("没有找到关键词。", "No keywords found.") }</p>
                } else {
                    <KeywordTable rows={rows.clone()} order={(*order).clone()} {sort} {on_sort}
                                  {limit} on_pick={reader.on.pick.clone()} on_not_keyword={not_keyword} />
                }
                if drawn < showing {
                    <button type="button" class="quiet more" data-testid="keywords-show-all" onclick={more}>
                        { lang.tr(format!("显示全部 {showing} 个"), format!("Show all {showing}")) }
                    </button>
                }
                <ScoreHelp />
            </section>
            if !r.keyword_links.is_empty() || !r.phrases.is_empty() {
                <section class="card keyword-extras">
                    <KeywordLinks links={Rc::<[_]>::from(r.keyword_links.clone())} on_pick={reader.on.pick.clone()} />
                    <PhraseList phrases={Rc::<[_]>::from(r.phrases.clone())} settings={reader.settings.clone()}
                                on_pick={reader.on.pick.clone()} on_settings={reader.on.settings.clone()} />
                </section>
            }
        </div>
    }
}
