//! The analysis worker's entry point (trunk builds it with `data-type="worker"`).
//!
//! On start it loads the engine, says `ready`, then answers each message. A panic is reported to
//! the page as a `crashed` response before the wasm instance traps, so the page can tell the user
//! what happened; the page then replaces this worker with a fresh one.

use std::panic;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use wenxi::engine_host::EngineHost;
use wenxi::protocol::Response;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now_ms() -> f64 {
    scope().performance().map(|p| p.now()).unwrap_or_default()
}

fn post(response: &Response) {
    // Posting a string cannot fail in a live worker; if it ever did there is no one to tell.
    let _ = scope().post_message(&JsValue::from_str(&response.to_json()));
}

fn main() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&Response::Crashed {
            message: format!("worker panicked: {info}"),
        });
    }));

    let start = now_ms();
    let host = std::rc::Rc::new(EngineHost::load());
    let host_for_warm_up = host.clone();
    let load_ms = now_ms() - start;

    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(request) = event.data().as_string() else {
            post(&Response::Failed {
                id: None,
                message: "the worker only accepts JSON text messages".into(),
            });
            return;
        };
        post(&host.handle(&request, now_ms));
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Only now: the page sends nothing before `ready`, and a message that reached a worker with
    // no handler yet would be lost.
    post(&Response::Ready { load_ms });
    // Requests that arrive meanwhile wait in the queue for these few milliseconds.
    host_for_warm_up.warm_up();
}
