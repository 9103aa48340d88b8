//! The analysis worker's entry point (trunk builds it with `data-type="worker"`).
//!
//! On start it fetches the lexicon (jieba's dictionary and IDF table) and the entity model at
//! once, builds the engine from the lexicon while the model downloads, says `ready`, then
//! answers each message; a missing or unusable lexicon is reported as a crash. A panic is
//! reported to the page as a `crashed` response before the wasm instance traps, so the page can
//! tell the user what happened; the page then replaces this worker with a fresh one.

use std::cell::Cell;
use std::panic;
use std::rc::Rc;

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use wenxi::cloud_glyphs::CanvasGlyphs;
use wenxi::engine_host::EngineHost;
use wenxi::protocol::Response;

/// The entity model, beside this worker's files (trunk copies it from crates/core/models).
const ENTITY_MODEL_URL: &str = "./ner.bin";
/// jieba's dictionary and IDF table (crates/core/models/lexicon.bin): no engine without it.
const LEXICON_URL: &str = "./lexicon.bin";

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

/// The warm-up waits until this long after the last answer: a report is usually followed by
/// the page's own requests (the measured cloud, a view's data), which should not queue behind
/// a slice.
const WARM_UP_QUIET_MS: f64 = 250.0;

/// Runs warm-up slice `slice`, then queues the next as a task of its own: a request that
/// arrives meanwhile is answered between two slices, so it waits for one slice at most.
/// `last_answer` is when the last answer went (`now_ms`).
fn warm_up_from(host: Rc<EngineHost>, last_answer: Rc<Cell<f64>>, slice: usize) {
    let quiet_for = now_ms() - last_answer.get();
    let (slice, delay) = if quiet_for < WARM_UP_QUIET_MS {
        (slice, WARM_UP_QUIET_MS - quiet_for)
    } else if host.warm_up(slice) {
        (slice + 1, 0.0)
    } else {
        return;
    };
    let next = Closure::once_into_js(move || warm_up_from(host, last_answer, slice));
    // Without a timer (it cannot fail in a live worker) the warm-up simply ends here.
    let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(
        next.unchecked_ref(),
        delay.ceil() as i32,
    );
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// A file to import: `{json, bytes}`, the request as JSON and the file as an `ArrayBuffer`.
fn file_message(data: &JsValue) -> Option<(String, Vec<u8>)> {
    let json = js_sys::Reflect::get(data, &"json".into())
        .ok()?
        .as_string()?;
    let bytes = js_sys::Reflect::get(data, &"bytes".into()).ok()?;
    let bytes: js_sys::ArrayBuffer = bytes.dyn_into().ok()?;
    Some((json, Uint8Array::new(&bytes).to_vec()))
}

/// The request for `url` that `static/worker_loader.js` made before this wasm was loaded
/// (`self.__wenxiData[name]`), or a new one when there is none (a loader of an older version).
fn request(name: &str, url: &str) -> JsFuture {
    let early = js_sys::Reflect::get(&scope(), &"__wenxiData".into())
        .and_then(|data| js_sys::Reflect::get(&data, &name.into()))
        .ok()
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    JsFuture::from(early.unwrap_or_else(|| scope().fetch_with_str(url)))
}

/// The bytes at `url`, or why not.
async fn fetch_bytes(request: JsFuture, url: &str) -> Result<Vec<u8>, String> {
    let response: web_sys::Response = request
        .await
        .map_err(|e| format!("{url}: {}", describe(e)))?
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|e| format!("{url}: {}", describe(e)))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|e| format!("{url}: {}", describe(e)))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn main() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&Response::Crashed {
            message: format!("worker panicked: {info}"),
        });
    }));

    // Both files are asked for at once, first thing: the model downloads while the
    // dictionary is built from the lexicon.
    let lexicon_request = request("lexicon", LEXICON_URL);
    let model_request = request("ner", ENTITY_MODEL_URL);
    wasm_bindgen_futures::spawn_local(async move {
        let start = now_ms();
        let lexicon = fetch_bytes(lexicon_request, LEXICON_URL).await;
        let mut host = match EngineHost::with_lexicon(lexicon) {
            Ok(host) => host,
            Err(message) => {
                // The page's crash path: it restarts the worker a few times, then tells the
                // reader the engine could not load (a new worker may fetch the file anew).
                post(&Response::Crashed { message });
                return;
            }
        };
        host.set_entity_model(fetch_bytes(model_request, ENTITY_MODEL_URL).await);
        // Cloud words measured in the page's font on one reused canvas; without an
        // OffscreenCanvas (old browsers) the host keeps its estimate.
        if let Ok(glyphs) = CanvasGlyphs::new() {
            let glyphs = std::rc::Rc::new(glyphs);
            host.set_glyphs(move |font| {
                glyphs.set_font(font);
                glyphs.clone()
            });
        }
        let load_ms = now_ms() - start;
        let host = Rc::new(host);

        let answering = host.clone();
        let last_answer = Rc::new(Cell::new(f64::NEG_INFINITY));
        let answered = last_answer.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if let Some(request) = data.as_string() {
                post(&answering.handle(&request, now_ms, &|told| post(&told)));
            } else if let Some((request, bytes)) = file_message(&data) {
                post(&answering.import(&request, &bytes));
            } else {
                post(&Response::Failed {
                    id: None,
                    message: "the worker accepts JSON text, or {json, bytes} for a file".into(),
                });
            }
            // When the answer went: the warm-up measures the reader's quiet from here.
            answered.set(now_ms());
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        // Only now: the page sends nothing before `ready`, and a message that reached a worker
        // with no handler yet would be lost.
        post(&Response::Ready { load_ms });
        warm_up_from(host, last_answer, 0);
    });
}
