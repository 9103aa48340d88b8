//! Where one word occurs: how its occurrences spread over the text, and each with its context
//! (keyword in context). Opened by picking a keyword, an entity or a cloud word.

use std::rc::Rc;

use wenxi_core::contexts::Contexts;
use yew::prelude::*;

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

#[derive(Properties, PartialEq)]
pub struct ContextPanelProps {
    pub term: String,
    /// `None` while the worker is looking.
    pub contexts: Option<Rc<Contexts>>,
    /// Called with `None` to close the panel.
    pub on_close: Callback<Option<String>>,
}

#[component(ContextPanel)]
pub fn context_panel(props: &ContextPanelProps) -> Html {
    let node = use_node_ref();
    // Bring the panel into view when it opens for a word picked further down the page.
    {
        let node = node.clone();
        use_effect_with(props.term.clone(), move |_| {
            if let Some(element) = node.cast::<web_sys::Element>() {
                element.scroll_into_view();
            }
        });
    }
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(None))
    };
    let body = match &props.contexts {
        None => html! { <p class="muted">{ "正在查找……" }</p> },
        Some(c) if c.total == 0 => html! { <p class="muted">{ "文中没有找到这个词。" }</p> },
        Some(c) => html! {
            <>
                <Dispersion bins={c.dispersion.clone()} />
                <ol class="kwic">
                    { for c.lines.iter().map(|l| html! {
                        <li data-testid="context-line" data-start={l.start.to_string()}>
                            <span class="left"><bdi>{ near_end(&l.left) }</bdi></span>
                            <mark>{ l.matched.clone() }</mark>
                            <span class="right">{ near_start(&l.right) }</span>
                        </li>
                    }) }
                </ol>
                if c.total > c.lines.len() {
                    <p class="muted">{ format!("只列出前 {} 处。", c.lines.len()) }</p>
                }
            </>
        },
    };
    let total = props.contexts.as_ref().map(|c| c.total);
    html! {
        <section class="card contexts" data-testid="contexts" data-term={props.term.clone()}
                 data-total={total.map(|t| t.to_string())} ref={node}>
            <header>
                <h2>{ format!("「{}」", props.term) }
                    if let Some(total) = total {
                        <span class="muted">{ format!(" 出现 {total} 次") }</span>
                    }
                </h2>
                <button type="button" class="close" aria-label="关闭" onclick={close}>{ "×" }</button>
            </header>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DispersionProps {
    bins: Vec<usize>,
}

/// One bar per slice of the text, from its start (left) to its end (right).
#[component(Dispersion)]
fn dispersion(props: &DispersionProps) -> Html {
    let max = props.bins.iter().copied().max().unwrap_or(0).max(1) as f64;
    let n = props.bins.len().max(1) as f64;
    html! {
        <svg class="dispersion" viewBox="0 0 600 40" preserveAspectRatio="none" role="img"
             aria-label="在全文中的分布：从左（开头）到右（结尾）">
            <line x1="0" y1="39.5" x2="600" y2="39.5" class="axis" />
            { for props.bins.iter().enumerate().filter(|(_, &c)| c > 0).map(|(i, &c)| {
                let h = 4.0 + 34.0 * c as f64 / max;
                let w = 600.0 / n;
                html! {
                    <rect x={format!("{:.1}", i as f64 * w)} y={format!("{:.1}", 39.0 - h)}
                          width={format!("{:.1}", (w - 1.0).max(1.0))} height={format!("{h:.1}")}>
                        <title>{ format!("{c} 处") }</title>
                    </rect>
                }
            }) }
        </svg>
    }
}
