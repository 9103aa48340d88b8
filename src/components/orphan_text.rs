//! The notice shown on load when a tab was closed with a text of its own still unchosen: the
//! reader loads it (this page's text is set aside, not lost) or discards it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OrphanTextProps {
    /// The closed tab's text, in characters.
    pub chars: usize,
    /// When it was saved (`Date.now()` milliseconds).
    pub saved_at: f64,
    pub on_load: Callback<()>,
    pub on_discard: Callback<()>,
}

/// "11月27日 16:05" in the reader's time zone.
fn when(saved_at: f64) -> String {
    let date = js_sys::Date::new(&saved_at.into());
    format!(
        "{}月{}日 {:02}:{:02}",
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

#[component(OrphanText)]
pub fn orphan_text(props: &OrphanTextProps) -> Html {
    let load = props.on_load.reform(|_: MouseEvent| ());
    let discard = props.on_discard.reform(|_: MouseEvent| ());
    html! {
        <div class="notice orphan-text" role="alertdialog" data-testid="orphan-text"
             data-chars={props.chars.to_string()}>
            <p>{ format!("另一个标签页关闭前保存了不同的文本（{} 字，{}）", props.chars, when(props.saved_at)) }</p>
            <button type="button" data-testid="orphan-load" onclick={load}
                    title="本页现在的文本会另存一份，关闭本页后再打开时仍会提示">
                { "载入它" }
            </button>
            <button type="button" data-testid="orphan-discard" onclick={discard}>
                { "丢弃" }
            </button>
        </div>
    }
}
