//! The keyword table: one row per term of any ranking, sortable by each ranking's column,
//! each row with what its scores were made from and a way to say it is no keyword.

use std::rc::Rc;

use yew::prelude::*;

use super::rows::{Row, Sort, SortKey};
use crate::components::keywords::{
    common_lines, pos_label, ranking_lines, score_bar, term_button, Ranking,
};
use crate::i18n::{use_lang, Lang};

#[derive(Properties, PartialEq)]
pub struct KeywordTableProps {
    pub rows: Rc<Vec<Row>>,
    /// Indexes into `rows`, in the order shown (already sorted and filtered).
    pub order: Rc<Vec<usize>>,
    pub sort: Sort,
    pub on_sort: Callback<SortKey>,
    /// At most this many rows are drawn.
    pub limit: usize,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
    /// Called with a term the reader says is not a keyword.
    #[prop_or_default]
    pub on_not_keyword: Callback<String>,
}

fn column_label(key: SortKey, lang: Lang) -> &'static str {
    match key {
        SortKey::Term => lang.tr("词", "Term"),
        SortKey::Count => lang.tr("次数", "Count"),
        SortKey::Tfidf => "TF-IDF",
        SortKey::Textrank => "TextRank",
    }
}

fn score_cell(k: Option<&wenxi_core::Keyword>, lang: Lang) -> Html {
    match k {
        Some(k) => html! {
            <td class="score">
                { score_bar(k.score) }
                <span class="value">{ format!("{:.2}", k.score) }</span>
            </td>
        },
        None => html! {
            <td class="score absent">
                <span aria-hidden="true">{ "—" }</span>
                <span class="visually-hidden">{ lang.tr("不在此榜", "not in this ranking") }</span>
            </td>
        },
    }
}

fn data_score(k: Option<&wenxi_core::Keyword>) -> String {
    k.map(|k| format!("{:.4}", k.score)).unwrap_or_default()
}

#[component(KeywordTable)]
pub fn keyword_table(props: &KeywordTableProps) -> Html {
    let lang = use_lang();
    let sort = props.sort;
    let header = |key: SortKey, class: &'static str| {
        let active = sort.key == key;
        let aria_sort = match (active, sort.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        };
        let arrow = match (active, sort.descending) {
            (false, _) => "↕",
            (true, true) => "↓",
            (true, false) => "↑",
        };
        let onclick = {
            let on_sort = props.on_sort.clone();
            Callback::from(move |_: MouseEvent| on_sort.emit(key))
        };
        let title = lang.tr(
            "按此列排序（再按一次反向）",
            "Sort by this column (again to reverse)",
        );
        html! {
            <th scope="col" class={class} aria-sort={aria_sort}>
                <button type="button" class="sort" data-testid="keyword-sort" data-sort={key.as_str()}
                        {title} {onclick}>
                    { column_label(key, lang) }
                    <span class="arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let row = |(i, row): (usize, &Row)| {
        let current = sort.key.ranking().and_then(|r| row.in_ranking(r));
        html! {
            // Keyed by term: a resort moves each row (and its open explanation) with it.
            <tr key={row.term.clone()} data-testid="keyword" data-term={row.term.clone()} data-pos={row.pos.clone()}
                data-count={row.count.to_string()} data-tfidf={data_score(row.tfidf.as_ref())}
                data-textrank={data_score(row.textrank.as_ref())} data-rank={sort.key.rank_name()}
                data-score={data_score(current)}>
                <td class="rank">{ i + 1 }</td>
                <th scope="row" class="term">
                    { term_button(&row.term, &props.on_pick, lang) }
                    // The part of speech under the term where the screen is too narrow for
                    // its own column (only one of the two is displayed).
                    <span class="pos-inline">{ pos_label(&row.pos, lang) }</span>
                </th>
                <td class="pos">{ pos_label(&row.pos, lang) }</td>
                <td class="num">{ row.count }</td>
                { score_cell(row.tfidf.as_ref(), lang) }
                { score_cell(row.textrank.as_ref(), lang) }
                <td class="why-cell">
                    <Why row={row.clone()} on_not_keyword={props.on_not_keyword.clone()} />
                </td>
            </tr>
        }
    };
    html! {
        <div class="table-wrap">
            <table class="keyword-table">
                <caption class="visually-hidden">
                    { lang.tr("关键词：按列标题排序", "Keywords: sort by a column's header") }
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="rank">{ "#" }</th>
                        { header(SortKey::Term, "term") }
                        <th scope="col" class="pos">{ lang.tr("词性", "Part of speech") }</th>
                        { header(SortKey::Count, "num") }
                        { header(SortKey::Tfidf, "score") }
                        { header(SortKey::Textrank, "score") }
                        <th scope="col" class="why-cell">
                            <span class="visually-hidden">{ lang.tr("说明", "Explanation") }</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    { for props.order.iter().take(props.limit).filter_map(|&i| props.rows.get(i))
                        .enumerate().map(row) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct WhyProps {
    row: Row,
    on_not_keyword: Callback<String>,
}

/// What a row's scores were made from. Its body is drawn only once opened: a table of
/// hundreds of rows carries a summary each, not hundreds of lists.
#[component(Why)]
fn why(props: &WhyProps) -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let details = use_node_ref();
    let ontoggle = {
        let (open, details) = (open.clone(), details.clone());
        Callback::from(move |_: Event| {
            if let Some(d) = details.cast::<web_sys::Element>() {
                open.set(d.has_attribute("open"));
            }
        })
    };
    let row = &props.row;
    let not_keyword = {
        let (on, term) = (props.on_not_keyword.clone(), row.term.clone());
        Callback::from(move |_: MouseEvent| on.emit(term.clone()))
    };
    let first = Ranking::ALL.iter().find_map(|&r| row.in_ranking(r));
    let body = || {
        html! {
            <div class="why-body">
                if let Some(k) = first {
                    <ul>{ for common_lines(k, lang).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                }
                { for Ranking::ALL.iter().filter_map(|&r| row.in_ranking(r).map(|k| (r, k))).map(|(r, k)| html! {
                    <section class="why-ranking" data-rank={r.as_str()}>
                        <p class="why-ranking-name">{ r.label(lang) }</p>
                        <ul>{ for ranking_lines(r, k, lang).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                    </section>
                }) }
                <button type="button" class="quiet" data-testid="not-keyword" onclick={not_keyword}
                        title={lang.tr("加入停用词：以后不再算作关键词", "Add it to the stop words: never a keyword again")}>
                    { lang.tr("不算关键词", "Not a keyword") }
                </button>
            </div>
        }
    };
    html! {
        <details class="why" data-testid="keyword-why" ref={details} {ontoggle}>
            <summary aria-label={lang.tr(
                format!("「{}」的得分说明", row.term),
                format!("Why: how the scores of “{}” were made", row.term),
            )}>{ lang.tr("说明", "Why") }</summary>
            if *open { { body() } }
        </details>
    }
}
