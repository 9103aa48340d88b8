//! Where one word occurs: how its occurrences spread over the text, and each with its context
//! (keyword in context), sortable as a concordancer sorts. Opened by picking a keyword, an
//! entity, a cloud word or a word of the text, or by searching in the contexts view.

use std::cmp::Ordering;
use std::rc::Rc;

use wenxi_core::contexts::{ContextLine, Contexts};
use wenxi_core::normalize::fold_width;
use yew::prelude::*;

use crate::i18n::{use_lang, Lang};

/// The word as a button that opens its contexts.
pub fn pick_button(term: &str, on_pick: &Callback<Option<String>>) -> Html {
    html! { <PickButton term={term.to_string()} on_pick={on_pick.clone()} /> }
}

#[derive(Properties, PartialEq)]
pub struct PickButtonProps {
    pub term: String,
    pub on_pick: Callback<Option<String>>,
}

/// A word that opens its contexts when clicked (in the page's language: a component, so that
/// `pick_button`'s callers need not pass the language).
#[component(PickButton)]
pub fn pick_button_component(props: &PickButtonProps) -> Html {
    let lang = use_lang();
    let onclick = {
        let on_pick = props.on_pick.clone();
        let term = props.term.clone();
        Callback::from(move |_: MouseEvent| on_pick.emit(Some(term.clone())))
    };
    html! {
        <button type="button" class="pick" {onclick}
                title={lang.tr("查看出现位置与上下文", "See where it occurs, in context")}>
            { props.term.clone() }
        </button>
    }
}

/// Context chars shown on each side: the words nearest the match are the ones that matter, so
/// a long left context loses its start, a long right context its end.
const SHOWN: usize = 16;

fn near_end(left: &str) -> String {
    let n = left.chars().count();
    if n <= SHOWN {
        return left.to_string();
    }
    let tail: String = left.chars().skip(n - SHOWN).collect();
    format!("…{tail}")
}

fn near_start(right: &str) -> String {
    if right.chars().count() <= SHOWN {
        return right.to_string();
    }
    let head: String = right.chars().take(SHOWN).collect();
    format!("{head}…")
}

/// The orders of keyword-in-context lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LineOrder {
    /// As they occur in the text.
    #[default]
    Position,
    /// By the left context read backwards from the match, the nearest char first (so lines
    /// whose match follows the same word come together), as concordancers sort.
    Left,
    /// By the right context, from the match on.
    Right,
}

impl LineOrder {
    pub const ALL: [LineOrder; 3] = [LineOrder::Position, LineOrder::Left, LineOrder::Right];

    pub fn as_str(self) -> &'static str {
        match self {
            LineOrder::Position => "position",
            LineOrder::Left => "left",
            LineOrder::Right => "right",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LineOrder::Position => lang.tr("按出现顺序", "By position"),
            LineOrder::Left => lang.tr("按左侧上下文", "By left context"),
            LineOrder::Right => lang.tr("按右侧上下文", "By right context"),
        }
    }

    fn from_name(name: &str) -> LineOrder {
        LineOrder::ALL
            .into_iter()
            .find(|o| o.as_str() == name)
            .unwrap_or_default()
    }
}

/// A char as sorted: full-width forms folded, Latin letters in lower case.
fn sort_char(c: char) -> char {
    let c = fold_width(c);
    c.to_lowercase().next().unwrap_or(c)
}

/// The lines in `order` (ties, and the position order, by place in the text).
pub fn sorted_lines(lines: &[ContextLine], order: LineOrder) -> Vec<&ContextLine> {
    let key = |l: &ContextLine| -> Vec<char> {
        match order {
            LineOrder::Position => Vec::new(),
            LineOrder::Left => l.left.chars().rev().map(sort_char).collect(),
            LineOrder::Right => l.right.chars().map(sort_char).collect(),
        }
    };
    let mut keyed: Vec<(Vec<char>, &ContextLine)> = lines.iter().map(|l| (key(l), l)).collect();
    keyed.sort_by(|(a, la), (b, lb)| match a.cmp(b) {
        Ordering::Equal => la.start.cmp(&lb.start),
        other => other,
    });
    keyed.into_iter().map(|(_, l)| l).collect()
}

#[derive(Properties, PartialEq)]
pub struct ContextPanelProps {
    pub term: String,
    /// `None` while the worker is looking.
    pub contexts: Option<Rc<Contexts>>,
    /// Called with `None` to close the panel.
    pub on_close: Callback<Option<String>>,
    /// Shows the occurrence starting at this char in the text view.
    pub on_show: Callback<usize>,
    /// Adds the term to the distribution view and opens it.
    pub on_distribution: Callback<String>,
}

#[component(ContextPanel)]
pub fn context_panel(props: &ContextPanelProps) -> Html {
    let lang = use_lang();
    let order = use_state(LineOrder::default);
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(None))
    };
    let to_distribution = {
        let (on, term) = (props.on_distribution.clone(), props.term.clone());
        Callback::from(move |_: MouseEvent| on.emit(term.clone()))
    };
    let on_order = {
        let order = order.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                order.set(LineOrder::from_name(&select.value()));
            }
        })
    };
    let body = match &props.contexts {
        None => {
            html! { <p class="muted" aria-busy="true">{ lang.tr("正在查找……", "Searching…") }</p> }
        }
        Some(c) if c.total == 0 => html! {
            <p class="muted" data-testid="contexts-none">{ lang.tr("文中没有找到这个词。", "The text does not contain this word.") }</p>
        },
        Some(c) => html! {
            <>
                <Dispersion bins={c.dispersion.clone()} />
                <div class="kwic-tools">
                    <label>
                        { lang.tr("排序", "Sort") }
                        <select data-testid="contexts-sort" onchange={on_order}>
                            { for LineOrder::ALL.into_iter().map(|o| html! {
                                <option value={o.as_str()} selected={o == *order}>{ o.label(lang) }</option>
                            }) }
                        </select>
                    </label>
                    if c.total > c.lines.len() {
                        <span class="muted" data-testid="contexts-listed">{ match lang {
                            Lang::Zh => format!("共 {} 处，只列出前 {} 处；排序只在这些行之间。", c.total, c.lines.len()),
                            Lang::En => format!("Only the first {} of {} occurrences are listed; sorting orders these.", c.lines.len(), c.total),
                        } }</span>
                    }
                </div>
                <ol class="kwic" data-order={order.as_str()}>
                    { for sorted_lines(&c.lines, *order).into_iter().map(|l| line_html(l, &props.on_show, lang)) }
                </ol>
            </>
        },
    };
    let total = props.contexts.as_ref().map(|c| c.total);
    html! {
        <section class="card contexts" data-testid="contexts" data-term={props.term.clone()}
                 data-total={total.map(|t| t.to_string())}>
            <header>
                <h2>{ format!("「{}」", props.term) }
                    if let Some(total) = total {
                        <span class="muted">{ match lang {
                            Lang::Zh => format!(" 出现 {total} 次"),
                            Lang::En => format!(" occurs {}", lang.count(total, "次", "time", "times")),
                        } }</span>
                    }
                </h2>
                <div class="contexts-actions">
                    <button type="button" class="ghost" data-testid="contexts-to-distribution"
                            onclick={to_distribution}>{ lang.tr("加入分布图", "Add to distribution") }</button>
                    <button type="button" class="close" aria-label={lang.tr("关闭", "Close")}
                            title={lang.tr("关闭", "Close")} onclick={close}>{ "×" }</button>
                </div>
            </header>
            { body }
        </section>
    }
}

/// One keyword-in-context line: left context (right-aligned), the match, right context, and a
/// way to the place in the text.
fn line_html(l: &ContextLine, on_show: &Callback<usize>, lang: Lang) -> Html {
    let onclick = {
        let (on_show, start) = (on_show.clone(), l.start);
        Callback::from(move |_: MouseEvent| on_show.emit(start))
    };
    html! {
        <li data-testid="context-line" data-start={l.start.to_string()}
            data-left={l.left.clone()} data-right={l.right.clone()}>
            <span class="left"><bdi>{ near_end(&l.left) }</bdi></span>
            <mark>{ l.matched.clone() }</mark>
            <span class="right">{ near_start(&l.right) }</span>
            <button type="button" class="ghost in-text" data-testid="context-in-text"
                    aria-label={lang.tr("在原文中查看", "Show in text")} {onclick}>
                { lang.tr("原文", "In text") }
            </button>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct DispersionProps {
    bins: Vec<usize>,
}

/// One bar per slice of the text, from its start (left) to its end (right).
#[component(Dispersion)]
fn dispersion(props: &DispersionProps) -> Html {
    let lang = use_lang();
    let max = props.bins.iter().copied().max().unwrap_or(0).max(1) as f64;
    let n = props.bins.len().max(1) as f64;
    html! {
        <svg class="dispersion" viewBox="0 0 600 40" preserveAspectRatio="none" role="img"
             aria-label={lang.tr("在全文中的分布：从左（开头）到右（结尾）",
                                 "Spread over the text, from its start (left) to its end (right)")}>
            <line x1="0" y1="39.5" x2="600" y2="39.5" class="axis" />
            { for props.bins.iter().enumerate().filter(|(_, &c)| c > 0).map(|(i, &c)| {
                let h = 4.0 + 34.0 * c as f64 / max;
                let w = 600.0 / n;
                html! {
                    <rect x={format!("{:.1}", i as f64 * w)} y={format!("{:.1}", 39.0 - h)}
                          width={format!("{:.1}", (w - 1.0).max(1.0))} height={format!("{h:.1}")}>
                        <title>{ lang.count(c, "处", "occurrence", "occurrences") }</title>
                    </rect>
                }
            }) }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(start: usize, left: &str, right: &str) -> ContextLine {
        ContextLine {
            start,
            end: start + 2,
            left: left.into(),
            matched: "古籍".into(),
            right: right.into(),
        }
    }

    fn starts(lines: Vec<&ContextLine>) -> Vec<usize> {
        lines.iter().map(|l| l.start).collect()
    }

    #[test]
    fn lines_sort_by_the_nearest_context_first() {
        let lines = [
            line(10, "保护", "修复"),
            line(20, "数字化", "保护"),
            line(30, "修复", "修复工作"),
            line(40, "和古籍保护", "Ａ版"),
            line(50, "", "a版"),
        ];
        assert_eq!(
            starts(sorted_lines(&lines, LineOrder::Position)),
            [10, 20, 30, 40, 50]
        );
        // Read backwards, in code point order: "" < 化字数 < 复修 < 护保 < 护保籍古和.
        assert_eq!(
            starts(sorted_lines(&lines, LineOrder::Left)),
            [50, 20, 30, 10, 40]
        );
        // Ａ版 and a版 fold to the same key and keep their order; Latin sorts before CJK;
        // 保护 < 修复 < 修复工作.
        assert_eq!(
            starts(sorted_lines(&lines, LineOrder::Right)),
            [40, 50, 20, 10, 30]
        );
    }

    #[test]
    fn long_contexts_keep_the_chars_nearest_the_match() {
        let long = "一二三四五六七八九十甲乙丙丁戊己庚辛";
        assert_eq!(near_end(long), "…三四五六七八九十甲乙丙丁戊己庚辛");
        assert_eq!(near_start(long), "一二三四五六七八九十甲乙丙丁戊己…");
        assert_eq!(near_end("短"), "短");
        assert_eq!(LineOrder::from_name("left"), LineOrder::Left);
        assert_eq!(LineOrder::from_name("nonsense"), LineOrder::Position);
    }
}
