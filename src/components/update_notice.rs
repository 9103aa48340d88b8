//! "A new version is ready": shown when the service worker has installed a newer build.
//!
//! `static/register_sw.js` owns the service worker; it talks to this component through two
//! window events, so the notice needs no service-worker bindings on the Rust side.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Event;
use yew::prelude::*;

use crate::i18n::use_lang;

/// Fired by register_sw.js when a new version has installed and waits.
const READY_EVENT: &str = "wenxi-update-ready";
/// Fired here when the user asks for the new version; register_sw.js activates it and reloads.
const APPLY_EVENT: &str = "wenxi-apply-update";
/// Set by register_sw.js, for a version that was ready before this component listened.
const WAITING_FLAG: &str = "__wenxiUpdate";

fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &WAITING_FLAG.into()).ok())
        .is_some_and(|value| value.is_truthy())
}

#[component(UpdateNotice)]
pub fn update_notice() -> Html {
    let lang = use_lang();
    let ready = use_state(update_waiting);
    {
        let ready = ready.setter();
        use_effect_with((), move |()| {
            let listener = Closure::<dyn Fn()>::new(move || ready.set(true));
            let window = web_sys::window();
            if let Some(window) = &window {
                // Cannot fail for a plain function listener.
                let _ = window.add_event_listener_with_callback(
                    READY_EVENT,
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        READY_EVENT,
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    if !*ready {
        return html! {};
    }
    let onclick = Callback::from(|_: MouseEvent| {
        if let (Some(window), Ok(event)) = (web_sys::window(), Event::new(APPLY_EVENT)) {
            let _ = window.dispatch_event(&event);
        }
    });
    html! {
        <p class="notice update" role="status" data-testid="update-ready">
            { lang.tr("新版本已就绪，刷新即可使用 ", "A new version is ready: reload to use it ") }
            <button type="button" class="quiet" {onclick} data-testid="update-apply">{ lang.tr("刷新", "Reload") }</button>
        </p>
    }
}
