//! The keyword rankings: a switch among TF-IDF, TextRank and plain frequency, each a table with
//! score bars, counts, and for every row what its score was made from.

use std::rc::Rc;

use wenxi_core::Keyword;
use yew::prelude::*;

/// Which ranking a table shows (`data-rank`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    TfIdf,
    TextRank,
    Frequency,
}

impl Ranking {
    pub const ALL: [Ranking; 3] = [Ranking::TfIdf, Ranking::TextRank, Ranking::Frequency];

    pub fn as_str(self) -> &'static str {
        match self {
            Ranking::TfIdf => "tfidf",
            Ranking::TextRank => "textrank",
            Ranking::Frequency => "frequency",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Ranking::TfIdf => "TF-IDF",
            Ranking::TextRank => "TextRank",
            Ranking::Frequency => "词频",
        }
    }
}

/// What a keyword's score was made from, a line each, in the reader's words.
pub fn explanation(ranking: Ranking, k: &Keyword) -> Vec<String> {
    let why = &k.why;
    let pos = if k.pos == "phrase" {
        "短语或新词".to_string()
    } else {
        format!("词性 {}", k.pos)
    };
    let mut lines = vec![format!("出现 {} 次 · {pos}", k.count)];
    if why.tf > 0.0 {
        lines.push(format!("词频 tf {:.4}（出现次数 / 全文候选词数）", why.tf));
    }
    match ranking {
        Ranking::TfIdf => {
            match why.idf {
                Some(idf) if why.idf_unknown => {
                    lines.push(format!("IDF {idf:.2}：词典未收录，取中位数 IDF"))
                }
                Some(idf) => lines.push(format!("IDF {idf:.2}（越少见的词越高）")),
                None => {}
            }
            if why.raw > 0.0 {
                lines.push(format!("TF-IDF 原始值 {:.4}", why.raw));
            }
        }
        Ranking::TextRank => {
            if !why.neighbours.is_empty() {
                lines.push(format!("TextRank 邻近词：{}", why.neighbours.join("、")));
            }
            if why.raw > 0.0 {
                lines.push(format!("TextRank 原始得分 {:.4}", why.raw));
            }
        }
        Ranking::Frequency => lines.push("按出现次数排序".to_string()),
    }
    lines.push(format!(
        "得分 {:.2}：与本榜第一名相比（第一名为 1）",
        k.score
    ));
    lines
}

#[derive(Properties, PartialEq)]
pub struct KeywordTableProps {
    pub ranking: Ranking,
    pub keywords: Rc<[Keyword]>,
    /// How many rows to show.
    #[prop_or(20)]
    pub limit: usize,
    /// Not the ranking shown now: kept in the page, out of sight.
    #[prop_or_default]
    pub hidden: bool,
    /// Called with the term of a row the reader picks.
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
    /// Called with a term the reader says is not a keyword.
    #[prop_or_default]
    pub on_not_keyword: Callback<String>,
}

#[component(KeywordTable)]
pub fn keyword_table(props: &KeywordTableProps) -> Html {
    let ranking = props.ranking;
    let id = format!("ranking-{}", ranking.as_str());
    if props.keywords.is_empty() {
        return html! {
            <section class="keywords" {id} hidden={props.hidden}>
                <p class="muted">{ "没有找到关键词。" }</p>
            </section>
        };
    }
    let row = |(i, k): (usize, &Keyword)| {
        let not_keyword = {
            let on = props.on_not_keyword.clone();
            let term = k.term.clone();
            Callback::from(move |_: MouseEvent| on.emit(term.clone()))
        };
        html! {
            <tr data-testid="keyword" data-term={k.term.clone()} data-rank={ranking.as_str()} data-pos={k.pos.clone()}
                data-score={format!("{:.4}", k.score)} data-count={k.count.to_string()}>
                <td class="rank">{ i + 1 }</td>
                <td class="term">{ super::pick_button(&k.term, &props.on_pick) }</td>
                <td class="score">
                    // An SVG bar: its width is an attribute, where a `style` would need the
                    // CSP to allow inline styles.
                    <svg class="bar" aria-hidden="true" focusable="false">
                        <rect height="100%" width={format!("{:.1}%", k.score.clamp(0.0, 1.0) * 100.0)} />
                    </svg>
                    <span class="value">{ format!("{:.2}", k.score) }</span>
                </td>
                <td class="num">{ k.count }</td>
                <td class="why-cell">
                    <details class="why" data-testid="keyword-why">
                        <summary aria-label={format!("「{}」的得分说明", k.term)}>{ "说明" }</summary>
                        <div class="why-body">
                            <ul>{ for explanation(ranking, k).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                            <button type="button" class="quiet" data-testid="not-keyword"
                                    onclick={not_keyword}
                                    title="加入停用词：以后不再算作关键词">{ "不算关键词" }</button>
                        </div>
                    </details>
                </td>
            </tr>
        }
    };
    html! {
        <section class="keywords" {id} hidden={props.hidden}>
            <table>
                <thead><tr><th>{ "#" }</th><th>{ "词" }</th><th>{ "得分" }</th><th class="num">{ "次数" }</th><th></th></tr></thead>
                <tbody>{ for props.keywords.iter().take(props.limit).enumerate().map(row) }</tbody>
            </table>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct KeywordRankingsProps {
    pub tfidf: Rc<[Keyword]>,
    pub textrank: Rc<[Keyword]>,
    pub frequency: Rc<[Keyword]>,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
    #[prop_or_default]
    pub on_not_keyword: Callback<String>,
}

/// The three rankings behind one switch. All three stay in the page (the others hidden), so
/// switching is instant and every ranking's rows can be read from the page.
#[component(KeywordRankings)]
pub fn keyword_rankings(props: &KeywordRankingsProps) -> Html {
    let shown = use_state(|| Ranking::TfIdf);
    let list = |r: Ranking| match r {
        Ranking::TfIdf => props.tfidf.clone(),
        Ranking::TextRank => props.textrank.clone(),
        Ranking::Frequency => props.frequency.clone(),
    };
    // A ranking the engine did not fill is not offered.
    let offered: Vec<Ranking> = Ranking::ALL
        .into_iter()
        .filter(|&r| r == Ranking::TfIdf || !list(r).is_empty())
        .collect();
    let current = if offered.contains(&*shown) {
        *shown
    } else {
        Ranking::TfIdf
    };
    let switch = offered.iter().map(|&r| {
        let onclick = {
            let shown = shown.clone();
            Callback::from(move |_: MouseEvent| shown.set(r))
        };
        html! {
            <button type="button" class="switch" data-testid="rank-switch" data-rank={r.as_str()}
                    aria-pressed={(r == current).to_string()}
                    aria-controls={format!("ranking-{}", r.as_str())} {onclick}>
                { r.label() }
            </button>
        }
    });
    html! {
        <>
            <div class="rank-switch" role="group" aria-label="关键词排序方式">{ for switch }</div>
            { for offered.iter().map(|&r| html! {
                <KeywordTable ranking={r} keywords={list(r)} hidden={r != current}
                              on_pick={props.on_pick.clone()}
                              on_not_keyword={props.on_not_keyword.clone()} />
            }) }
        </>
    }
}
