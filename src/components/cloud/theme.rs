//! Whether the page is drawn dark now: the reader's theme, or with "system" the system's
//! preference, followed live (`prefers-color-scheme` changes while the page is open).
//!
//! `matchMedia` is reached through `js_sys::Reflect`, so no extra web-sys features are needed.

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::state::settings::Theme;

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The `MediaQueryList` for a dark system preference, if the browser has one.
fn dark_query() -> Option<JsValue> {
    let window = web_sys::window()?;
    let match_media: Function = Reflect::get(&window, &"matchMedia".into())
        .ok()?
        .dyn_into()
        .ok()?;
    match_media.call1(&window, &DARK_QUERY.into()).ok()
}

fn matches(query: &JsValue) -> bool {
    Reflect::get(query, &"matches".into()).is_ok_and(|m| m.is_truthy())
}

/// Calls `method` ("addEventListener" or "removeEventListener") of `query` for `change`.
fn listen(query: &JsValue, method: &str, listener: &Function) {
    if let Some(f) = Reflect::get(query, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = f.call2(query, &"change".into(), listener);
    }
}

/// True while the system prefers dark, updated when that changes.
#[hook]
pub fn use_system_dark() -> bool {
    let dark = use_state(|| dark_query().is_some_and(|q| matches(&q)));
    {
        let dark = dark.setter();
        use_effect_with((), move |_| {
            let query = dark_query();
            let listener = query
                .clone()
                .map(|q| Closure::<dyn Fn()>::new(move || dark.set(matches(&q))));
            if let (Some(q), Some(l)) = (&query, &listener) {
                listen(q, "addEventListener", l.as_ref().unchecked_ref());
            }
            move || {
                if let (Some(q), Some(l)) = (&query, &listener) {
                    listen(q, "removeEventListener", l.as_ref().unchecked_ref());
                }
            }
        });
    }
    *dark
}

/// True when the page is dark with this theme.
#[hook]
pub fn use_page_dark(theme: Theme) -> bool {
    let system = use_system_dark();
    match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => system,
    }
}
