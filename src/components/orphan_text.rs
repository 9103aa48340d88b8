//! The notice shown on load when a tab was closed with a text of its own still unchosen: the
//! reader loads it (this page's text is set aside, not lost) or discards it.

use yew::prelude::*;

use crate::i18n::{use_lang, Lang};

#[derive(Properties, PartialEq)]
pub struct OrphanTextProps {
    /// The closed tab's text, in characters.
    pub chars: usize,
    /// When it was saved (`Date.now()` milliseconds).
    pub saved_at: f64,
    pub on_load: Callback<()>,
    pub on_discard: Callback<()>,
}

/// "11月27日 16:05" / "27 Nov 16:05" in the reader's time zone.
fn when(saved_at: f64, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let date = js_sys::Date::new(&saved_at.into());
    let (month, day) = (date.get_month() as usize, date.get_date());
    let time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    match lang {
        Lang::Zh => format!("{}月{day}日 {time}", month + 1),
        Lang::En => format!("{day} {} {time}", MONTHS.get(month).unwrap_or(&"")),
    }
}

#[component(OrphanText)]
pub fn orphan_text(props: &OrphanTextProps) -> Html {
    let lang = use_lang();
    let (chars, saved) = (props.chars, when(props.saved_at, lang));
    let load = props.on_load.reform(|_: MouseEvent| ());
    let discard = props.on_discard.reform(|_: MouseEvent| ());
    html! {
        <div class="notice orphan-text" role="alertdialog" data-testid="orphan-text"
             data-chars={props.chars.to_string()}>
            <p>{ lang.tr(
                format!("另一个标签页关闭前保存了不同的文本（{chars} 字，{saved}）"),
                format!("Another tab saved a different text before it closed ({chars} characters, {saved})"),
            ) }</p>
            <button type="button" data-testid="orphan-load" onclick={load}
                    title={lang.tr(
                        "本页现在的文本会另存一份，关闭本页后再打开时仍会提示",
                        "This page's text is kept apart, and offered again when the page is next opened",
                    )}>
                { lang.tr("载入它", "Load it") }
            </button>
            <button type="button" data-testid="orphan-discard" onclick={discard}>
                { lang.tr("丢弃", "Discard") }
            </button>
        </div>
    }
}
