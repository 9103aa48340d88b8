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
                        <td class="term">{ super::pick_button(&k.term, &props.on_pick) }</td>
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
