//! Which tabs of the page are open, through Web Locks: each tab holds a lock named after its id
//! for as long as it lives, and the browser releases it when the tab is closed, crashes or is
//! discarded. Unlike a heartbeat, a frozen or throttled background tab still counts as open, and
//! unlike asking on the channel, no tab has to answer in time.

use std::collections::HashSet;

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const PREFIX: &str = "wenxi.tab.";

/// `navigator.locks`, where the browser has Web Locks (read through `Reflect`: web-sys keeps
/// them behind its unstable APIs).
fn locks() -> Option<JsValue> {
    let navigator = Reflect::get(&web_sys::window()?.into(), &"navigator".into()).ok()?;
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    function.apply(target, args)
}

/// Holds this tab's lock until the page goes away; false without Web Locks.
pub fn hold(tab: &str) -> bool {
    let Some(locks) = locks() else {
        return false;
    };
    // The lock is held until the promise the callback returns settles: never.
    let forever = Closure::once_into_js(|| Promise::new(&mut |_, _| {}));
    let name = JsValue::from(format!("{PREFIX}{tab}"));
    let Ok(granted) = call(&locks, "request", &Array::of2(&name, &forever)) else {
        return false;
    };
    // A refusal (an opaque origin) rejects the promise: caught, so no console error.
    let ignore = Closure::once_into_js(|_: JsValue| {});
    call(&granted, "catch", &Array::of1(&ignore)).is_ok()
}

/// The ids of the tabs that hold their lock now; `None` without Web Locks.
pub async fn open_tabs() -> Option<HashSet<String>> {
    let locks = locks()?;
    let snapshot = call(&locks, "query", &Array::new()).ok()?;
    let snapshot = JsFuture::from(snapshot.dyn_into::<Promise>().ok()?)
        .await
        .ok()?;
    let held: Array = Reflect::get(&snapshot, &"held".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some(
        held.iter()
            .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
            .filter_map(|name| name.strip_prefix(PREFIX).map(str::to_string))
            .collect(),
    )
}
