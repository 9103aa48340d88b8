//! 分布 Distribution: where several terms occur across the text, one dispersion strip per term
//! on one shared scale, the articles' boundaries across them, and counts per article.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wenxi_core::contexts::{Distribution, TermSpread};
use wenxi_core::Article;
use yew::prelude::*;

use super::{use_reader, Reader};
use crate::i18n::Lang;
use crate::state::views::TextMark;

/// Width of a strip in SVG units (it is stretched to the column's width).
const STRIP_W: f64 = 1000.0;
const STRIP_H: f64 = 28.0;

/// Where a slice of the text begins, in chars (as the reducer asks for it).
fn bin_start(bin: usize, bins: usize, text_chars: usize) -> usize {
    bin * text_chars / bins.max(1)
}

/// Where char `at` lies across the strip, in SVG units.
fn x_of(at: usize, text_chars: usize) -> f64 {
    STRIP_W * at as f64 / text_chars.max(1) as f64
}

/// Articles' starts closer than this (SVG units of [`STRIP_W`]) to the last one drawn get no
/// line of their own: 1% of the strip, about the width of a slice, 4 px in the narrowest
/// column (closer lines read as one red smear, and a paste of 1,690 articles drew 1,690
/// lines in every strip).
const BOUNDARY_GAP: f64 = 10.0;
/// The same for the ruler's labels: "第144篇" is about 50 px wide, 15% of the ruler in the
/// narrowest column it has (two-column page at 1,280 px: ~440 px; a phone: ~330 px).
const LABEL_GAP: f64 = 150.0;
/// Articles given a column of counts at first; the rest on request (a column per article of a
/// 1,690-article paste made a table of 10,000 cells that held the page for half a second).
const TABLE_ARTICLES: usize = 50;

/// The articles (index and start, in SVG units) whose starts lie at least `gap` past the last
/// one kept, in text order; the first is always kept.
fn spaced(articles: &[Article], text_chars: usize, gap: f64) -> Vec<(usize, f64)> {
    let mut kept: Vec<(usize, f64)> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let x = x_of(a.start, text_chars);
        if kept.last().is_none_or(|&(_, last)| x - last >= gap) {
            kept.push((i, x));
        }
    }
    kept
}

/// A slice's place in words: its share of the text, and the article it starts in.
fn place(bin: usize, bins: usize, articles: &[Article], text_chars: usize, lang: Lang) -> String {
    let from = 100 * bin / bins.max(1);
    let to = 100 * (bin + 1) / bins.max(1);
    let start = bin_start(bin, bins, text_chars);
    let article = articles
        .iter()
        .position(|a| a.start <= start && start < a.end)
        .filter(|_| articles.len() > 1);
    match (lang, article) {
        (Lang::Zh, Some(a)) => format!("全文 {from}%–{to}% 处（第 {} 篇）", a + 1),
        (Lang::Zh, None) => format!("全文 {from}%–{to}% 处"),
        (Lang::En, Some(a)) => format!("{from}–{to}% into the text (article {})", a + 1),
        (Lang::En, None) => format!("{from}–{to}% into the text"),
    }
}

#[derive(Properties)]
struct StripProps {
    spread: TermSpread,
    /// The highest count of any slice of any term: every strip is on this scale.
    max: usize,
    text_chars: usize,
    report: Rc<wenxi_core::Report>,
    on_bin: Callback<(String, usize)>,
    lang: Lang,
}

impl PartialEq for StripProps {
    fn eq(&self, other: &Self) -> bool {
        self.spread == other.spread
            && self.max == other.max
            && self.text_chars == other.text_chars
            && Rc::ptr_eq(&self.report, &other.report)
            && self.on_bin == other.on_bin
            && self.lang == other.lang
    }
}

/// One term's strip: a bar per non-empty slice, as tall as its count on the shared scale.
#[component(Strip)]
fn strip(props: &StripProps) -> Html {
    let (bins, lang) = (props.spread.bins.len(), props.lang);
    let articles = &props.report.articles;
    let w = STRIP_W / bins.max(1) as f64;
    let max = props.max.max(1) as f64;
    let bar = |(i, &count): (usize, &usize)| {
        let h = 4.0 + (STRIP_H - 6.0) * count as f64 / max;
        let title = match lang {
            Lang::Zh => format!(
                "{}：{count} 处（点击查看原文）",
                place(i, bins, articles, props.text_chars, lang)
            ),
            Lang::En => format!(
                "{}: {} (click to see the text)",
                place(i, bins, articles, props.text_chars, lang),
                lang.count(count, "处", "occurrence", "occurrences")
            ),
        };
        html! {
            <rect class="bin" data-bin={i.to_string()} data-count={count.to_string()}
                  x={format!("{:.1}", i as f64 * w)} y={format!("{:.1}", STRIP_H - 1.0 - h)}
                  width={format!("{:.1}", (w - 1.0).max(1.5))} height={format!("{h:.1}")}>
                <title>{ title }</title>
            </rect>
        }
    };
    let onclick = {
        let (on_bin, term) = (props.on_bin.clone(), props.spread.term.clone());
        Callback::from(move |e: MouseEvent| {
            let bin = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-bin]").ok().flatten())
                .and_then(|el| el.get_attribute("data-bin"))
                .and_then(|s| s.parse::<usize>().ok());
            if let Some(bin) = bin {
                on_bin.emit((term.clone(), bin));
            }
        })
    };
    let label = match lang {
        Lang::Zh => format!(
            "「{}」在全文中的分布，从左（开头）到右（结尾）",
            props.spread.term
        ),
        Lang::En => format!(
            "Where “{}” occurs, from the start of the text (left) to its end (right)",
            props.spread.term
        ),
    };
    html! {
        <svg class="strip" viewBox={format!("0 0 {STRIP_W} {STRIP_H}")} preserveAspectRatio="none"
             role="img" aria-label={label} {onclick}>
            <line class="axis" x1="0" y1={format!("{}", STRIP_H - 0.5)} x2={STRIP_W.to_string()} y2={format!("{}", STRIP_H - 0.5)} />
            if articles.len() > 1 {
                { for spaced(articles, props.text_chars, BOUNDARY_GAP).into_iter().skip(1).map(|(_, x)| {
                    let x = format!("{x:.1}");
                    html! { <line class="boundary" x1={x.clone()} x2={x} y1="0" y2={STRIP_H.to_string()} /> }
                }) }
            }
            { for props.spread.bins.iter().enumerate().filter(|(_, &c)| c > 0).map(bar) }
        </svg>
    }
}

/// The article numbers above the strips, each where its article starts.
fn article_ruler(articles: &[Article], text_chars: usize, lang: Lang) -> Html {
    if articles.len() < 2 {
        return Html::default();
    }
    html! {
        <div class="dist-row ruler-row" aria-hidden="true">
            <span></span>
            <span></span>
            // An SVG that is not stretched: its texts keep their shape, placed by percentages.
            <svg class="dist-ruler" width="100%" height="18">
                { for spaced(articles, text_chars, BOUNDARY_GAP).into_iter().map(|(_, x)| {
                    let x = format!("{:.2}%", x / STRIP_W * 100.0);
                    html! { <line x1={x.clone()} x2={x} y1="0" y2="18" /> }
                }) }
                { for spaced(articles, text_chars, LABEL_GAP).into_iter().map(|(i, x)| {
                    html! {
                        <text x={format!("{:.2}%", x / STRIP_W * 100.0)} dx="4" y="13">
                            { match lang { Lang::Zh => format!("第{}篇", i + 1), Lang::En => format!("#{}", i + 1) } }
                        </text>
                    }
                }) }
            </svg>
        </div>
    }
}

#[derive(Properties)]
struct ArticleTableProps {
    distribution: Rc<Distribution>,
    report: Rc<wenxi_core::Report>,
    lang: Lang,
}

impl PartialEq for ArticleTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.distribution, &other.distribution)
            && Rc::ptr_eq(&self.report, &other.report)
            && self.lang == other.lang
    }
}

/// Terms × articles: how often each term occurs in each article (the first
/// [`TABLE_ARTICLES`] articles, all on request).
#[component(ArticleTable)]
fn article_table(props: &ArticleTableProps) -> Html {
    let (d, articles, lang) = (&props.distribution, &props.report.articles, props.lang);
    let all = use_state(|| false);
    if articles.len() < 2 {
        return Html::default();
    }
    let columns = if *all {
        articles.len()
    } else {
        articles.len().min(TABLE_ARTICLES)
    };
    let show_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(true))
    };
    html! {
        <div class="dist-articles">
            <h3>{ lang.tr("各篇中的次数", "Occurrences per article") }</h3>
            <div class="table-scroll">
                <table data-testid="distribution-articles">
                    <thead><tr>
                        <th scope="col">{ lang.tr("词语", "Term") }</th>
                        { for articles.iter().take(columns).enumerate().map(|(i, a)| html! {
                            <th scope="col" class="num" title={a.title.clone()}>
                                { match lang { Lang::Zh => format!("第{}篇", i + 1), Lang::En => format!("Article {}", i + 1) } }
                                <span class="article-title">{ a.title.clone() }</span>
                            </th>
                        }) }
                    </tr></thead>
                    <tbody>
                        { for d.terms.iter().map(|t| html! {
                            <tr>
                                <th scope="row">{ t.term.clone() }</th>
                                { for t.per_article.iter().take(columns).enumerate().map(|(i, &n)| html! {
                                    <td class={classes!("num", (n == 0).then_some("zero"))}
                                        data-testid="distribution-article-cell" data-term={t.term.clone()}
                                        data-article={(i + 1).to_string()} data-count={n.to_string()}>{ n }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if columns < articles.len() {
                <p class="muted dist-columns" data-testid="distribution-articles-shown">
                    { match lang {
                        Lang::Zh => format!("只列出前 {columns} 篇，共 {} 篇。", articles.len()),
                        Lang::En => format!("The first {columns} of {} articles.", articles.len()),
                    } }
                    <button type="button" class="quiet" data-testid="distribution-articles-all" onclick={show_all}>
                        { match lang {
                            Lang::Zh => format!("全部列出（{} 篇）", articles.len()),
                            Lang::En => format!("List all {}", articles.len()),
                        } }
                    </button>
                </p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TermChipsProps {
    terms: Rc<[String]>,
    on_terms: Callback<Vec<String>>,
    lang: Lang,
}

/// The terms shown, each removable; a box to add one; a way back to the leading keywords.
#[component(TermChips)]
fn term_chips(props: &TermChipsProps) -> Html {
    let lang = props.lang;
    let typed = use_state(String::new);
    let chip = |term: &String| {
        let onclick = {
            let (on_terms, terms, term) =
                (props.on_terms.clone(), props.terms.clone(), term.clone());
            Callback::from(move |_: MouseEvent| {
                on_terms.emit(terms.iter().filter(|t| **t != term).cloned().collect())
            })
        };
        let remove = match lang {
            Lang::Zh => format!("移除「{term}」"),
            Lang::En => format!("Remove “{term}”"),
        };
        html! {
            <li class="chip" data-testid="distribution-term" data-term={term.clone()}>
                { term.clone() }
                <button type="button" class="remove" data-testid="distribution-remove"
                        aria-label={remove.clone()} title={remove} {onclick}>{ "×" }</button>
            </li>
        }
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                typed.set(input.value());
            }
        })
    };
    let onsubmit = {
        let (typed, on_terms, terms) = (typed.clone(), props.on_terms.clone(), props.terms.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let term = typed.trim().to_string();
            if term.is_empty() {
                return;
            }
            let mut next = terms.to_vec();
            if !next.contains(&term) {
                next.push(term);
            }
            on_terms.emit(next);
            typed.set(String::new());
        })
    };
    let reset = {
        let on_terms = props.on_terms.clone();
        Callback::from(move |_: MouseEvent| on_terms.emit(Vec::new()))
    };
    html! {
        <div class="dist-terms">
            <ul class="chips" aria-label={lang.tr("显示的词语", "Terms shown")}>
                { for props.terms.iter().map(chip) }
            </ul>
            <form class="dist-add" {onsubmit}>
                <input type="text" data-testid="distribution-add" value={(*typed).clone()} {oninput}
                       aria-label={lang.tr("添加词语", "Add a term")} autocomplete="off"
                       placeholder={lang.tr("添加词语", "Add a term")} />
                <button type="submit" data-testid="distribution-add-submit">{ lang.tr("添加", "Add") }</button>
                <button type="button" class="ghost" data-testid="distribution-reset" onclick={reset}>
                    { lang.tr("恢复默认", "Reset") }
                </button>
            </form>
        </div>
    }
}

fn rows(reader: &Reader, d: &Rc<Distribution>) -> Html {
    let lang = reader.lang;
    if d.terms.is_empty() {
        return html! {
            <p class="muted" data-testid="distribution-empty">{ lang.tr(
                "没有要显示的词语：在上面添加一个。",
                "No terms to show: add one above.",
            ) }</p>
        };
    }
    let max = d
        .terms
        .iter()
        .flat_map(|t| t.bins.iter().copied())
        .max()
        .unwrap_or(0);
    let on_bin = {
        let (reader, text_chars) = (reader.clone(), d.text_chars);
        Callback::from(move |(term, bin): (String, usize)| {
            let bins = reader
                .distribution
                .as_ref()
                .and_then(|d| d.terms.first())
                .map_or(1, |t| t.bins.len());
            let at = bin_start(bin, bins, text_chars);
            super::text::show_in_text(&reader, at, Some(TextMark::Term(term)));
        })
    };
    let row = |t: &TermSpread| {
        let total = if t.total == 0 {
            html! { <span class="muted zero">{ lang.tr("文中没有出现", "does not occur") }</span> }
        } else {
            html! { <span class="total">{ lang.count(t.total, "次", "time", "times") }</span> }
        };
        html! {
            <li class="dist-row" data-testid="distribution-row" data-term={t.term.clone()}
                data-total={t.total.to_string()}>
                <span class="term">{ crate::components::pick_button(&t.term, &reader.on.pick) }</span>
                { total }
                <Strip spread={t.clone()} {max} text_chars={d.text_chars} report={reader.report.clone()}
                       on_bin={on_bin.clone()} {lang} />
            </li>
        }
    };
    html! {
        <>
            { article_ruler(&reader.report.articles, d.text_chars, lang) }
            <ul class="dist-rows">{ for d.terms.iter().map(row) }</ul>
            <p class="muted dist-hint">{ lang.tr(
                "每一行从左（开头）到右（结尾）表示全文，竖条越高，那里出现得越多；所有行用同一刻度。点竖条查看原文，点词语查看上下文。",
                "Each strip is the whole text, from its start (left) to its end (right); the taller a bar, the more often the term occurs there, on one scale for all rows. Click a bar to see the text there, a term to see its contexts.",
            ) }</p>
            <ArticleTable distribution={d.clone()} report={reader.report.clone()} {lang} />
        </>
    }
}

#[component(DistributionView)]
pub fn distribution_view() -> Html {
    let Some(reader) = use_reader() else {
        return Html::default();
    };
    let lang = reader.lang;
    let body = match &reader.distribution {
        Some(d) => rows(&reader, d),
        None => html! {
            <p class="muted" aria-busy="true" data-testid="distribution-loading">{ lang.tr("正在统计……", "Counting…") }</p>
        },
    };
    html! {
        <section class="card distribution-view" data-testid="distribution">
            <h2>{ lang.tr("词语在全文中的分布", "Where terms occur in the text") }</h2>
            <TermChips terms={reader.distribution_terms.clone()} on_terms={reader.on.distribution_terms.clone()} {lang} />
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starting_at(starts: &[usize]) -> Vec<Article> {
        starts
            .iter()
            .map(|&start| Article {
                start,
                ..Article::default()
            })
            .collect()
    }

    /// The first article is always kept; the others only at the gap past the last kept one, so
    /// many close starts give few lines, and well-spaced ones all get theirs.
    #[test]
    fn close_starts_share_one_line() {
        let text_chars = 10_000;
        let far = starting_at(&[0, 2_000, 5_000, 9_000]);
        let kept: Vec<usize> = spaced(&far, text_chars, BOUNDARY_GAP)
            .iter()
            .map(|k| k.0)
            .collect();
        assert_eq!(kept, [0, 1, 2, 3]);
        let many = starting_at(&(0..1_690).map(|i| i * 5).collect::<Vec<_>>());
        let kept = spaced(&many, 1_690 * 5, BOUNDARY_GAP);
        assert_eq!(kept[0], (0, 0.0));
        assert!(
            kept.len() <= (STRIP_W / BOUNDARY_GAP) as usize + 1,
            "{}",
            kept.len()
        );
        assert!(kept.windows(2).all(|p| p[1].1 - p[0].1 >= BOUNDARY_GAP));
        let labels = spaced(&many, 1_690 * 5, LABEL_GAP);
        assert!(labels.len() <= (STRIP_W / LABEL_GAP) as usize + 1);
    }
}
