//! A ranked keyword list with score bars and occurrence counts.

use std::rc::Rc;

use wenxi_core::Keyword;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeywordTableProps {
    pub title: AttrValue,
    /// `tfidf` or `textrank`: which ranking these rows come from (`data-rank`).
    pub rank: AttrValue,
    pub keywords: Rc<[Keyword]>,
    /// How many rows to show.
    #[prop_or(20)]
    pub limit: usize,
    /// Called with the term of a row the reader picks.
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

/// The word as a button that opens its contexts.
pub fn pick_button(term: &str, on_pick: &Callback<Option<String>>) -> Html {
    let onclick = {
        let on_pick = on_pick.clone();
        let term = term.to_string();
        Callback::from(move |_: MouseEvent| on_pick.emit(Some(term.clone())))
    };
    html! {
        <button type="button" class="pick" title="查看出现位置与上下文" {onclick}>{ term }</button>
    }
}

#[component(KeywordTable)]
pub fn keyword_table(props: &KeywordTableProps) -> Html {
    if props.keywords.is_empty() {
        return html! {
            <section class="keywords">
                <h3>{ props.title.clone() }</h3>
                <p class="muted">{ "没有找到关键词。" }</p>
            </section>
        };
    }
    html! {
        <section class="keywords">
            <h3>{ props.title.clone() }</h3>
            <table>
                <thead><tr><th>{ "#" }</th><th>{ "词" }</th><th>{ "得分" }</th><th class="num">{ "次数" }</th></tr></thead>
                <tbody>
                { for props.keywords.iter().take(props.limit).enumerate().map(|(i, k)| html! {
                    <tr data-testid="keyword" data-term={k.term.clone()} data-rank={props.rank.clone()}
                        data-score={format!("{:.4}", k.score)} data-count={k.count.to_string()}>
                        <td class="rank">{ i + 1 }</td>
                        <td class="term">{ pick_button(&k.term, &props.on_pick) }</td>
                        <td class="score">
                            <span class="bar" style={format!("width:{:.1}%", k.score * 100.0)}></span>
                            <span class="value">{ format!("{:.2}", k.score) }</span>
                        </td>
                        <td class="num">{ k.count }</td>
                    </tr>
                }) }
                </tbody>
            </table>
        </section>
    }
}
