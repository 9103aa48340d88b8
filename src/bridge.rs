//! The page's side of the worker: spawns it, forwards requests, and turns everything the worker
//! does (ready, report, failure, crash) into one stream of [`EngineEvent`]s.
//!
//! A worker that panics or dies is replaced by a fresh one at once, so the next request finds an
//! engine; the page decides what to show.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::i18n::Said;
use crate::protocol::{ArticlesInbox, Reported, Request, Response};
use crate::state::Problem;

/// The worker's loader (`static/worker_loader.js`), relative to the page.
pub const WORKER_URL: &str = "./worker_loader.js";

#[derive(Debug, Clone, PartialEq)]
pub enum EngineEvent {
    Ready {
        load_ms: f64,
    },
    Report {
        id: u64,
        report: Box<wenxi_core::Report>,
        engine_ms: f64,
        stages: wenxi_core::StageTimes,
        memory_bytes: u64,
    },
    Progress {
        id: u64,
        progress: wenxi_core::progress::Progress,
    },
    Contexts {
        id: u64,
        contexts: Box<wenxi_core::contexts::Contexts>,
    },
    /// A cloud laid out again with the page's options and font; `layout_ms` in the worker.
    Cloud {
        id: u64,
        cloud: Box<wenxi_core::Cloud>,
        layout_ms: f64,
    },
    Passage {
        id: u64,
        passage: Box<wenxi_core::passage::Passage>,
    },
    Distribution {
        id: u64,
        distribution: Box<wenxi_core::contexts::Distribution>,
    },
    /// The text of a file, or (`Err`) why it could not be read, in the reader's words.
    Imported {
        id: u64,
        name: String,
        text: Result<String, Said>,
        notes: Vec<Said>,
    },
    /// The worker answered with an error, or died. `crashed` is true when it had to be replaced.
    Failed {
        problem: Problem,
        crashed: bool,
    },
}

struct Live {
    worker: Worker,
    generation: u64,
    // Kept so the closures live as long as the worker they are attached to.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

struct Shared {
    live: RefCell<Option<Live>>,
    generation: Cell<u64>,
    /// Workers started since one last said `ready`: a worker that cannot even load (a missing
    /// or broken file) must not be restarted forever.
    starts_since_ready: Cell<u32>,
    on_event: Box<dyn Fn(EngineEvent)>,
}

/// A handle on the analysis worker. Cloning shares the same worker.
#[derive(Clone)]
pub struct EngineBridge {
    shared: Rc<Shared>,
}

impl PartialEq for EngineBridge {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
    }
}

impl EngineBridge {
    /// Starts the worker; `on_event` receives every event, on the page's thread.
    pub fn spawn(on_event: impl Fn(EngineEvent) + 'static) -> Self {
        let shared = Rc::new(Shared {
            live: RefCell::new(None),
            generation: Cell::new(0),
            starts_since_ready: Cell::new(0),
            on_event: Box::new(on_event),
        });
        start(&shared);
        EngineBridge { shared }
    }

    /// Sends a request; returns false when there is no live worker to send it to.
    pub fn send(&self, request: &Request) -> bool {
        match self.shared.live.borrow().as_ref() {
            Some(live) => live
                .worker
                .post_message(&JsValue::from_str(&request.to_json()))
                .is_ok(),
            None => false,
        }
    }
}

impl EngineBridge {
    /// Sends a file to import: the request as JSON and the file's bytes, transferred (not
    /// copied) to the worker. Returns false when there is no live worker.
    pub fn send_file(&self, request: &Request, bytes: &js_sys::ArrayBuffer) -> bool {
        let Some(live) = &*self.shared.live.borrow() else {
            return false;
        };
        let message = js_sys::Object::new();
        let json = JsValue::from_str(&request.to_json());
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&message, &key.into(), value);
        if set("json", &json).is_err() || set("bytes", bytes).is_err() {
            return false;
        }
        let transfer = js_sys::Array::of1(bytes);
        live.worker
            .post_message_with_transfer(&message, &transfer)
            .is_ok()
    }

    /// Stops whatever the worker is doing by replacing it with a fresh one (a running wasm
    /// call cannot be interrupted). The new worker says `ready` when it has loaded; nothing
    /// the old one was doing is answered.
    pub fn cancel(&self) {
        discard(&self.shared);
        // A deliberate restart is not a failure to load.
        self.shared.starts_since_ready.set(0);
        start(&self.shared);
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        if let Some(live) = self.live.get_mut() {
            live.worker.set_onmessage(None);
            live.worker.set_onerror(None);
            live.worker.terminate();
        }
    }
}

/// How many workers in a row may fail before saying `ready` until the bridge gives up.
const MAX_STARTS_WITHOUT_READY: u32 = 3;

fn start(shared: &Rc<Shared>) {
    shared
        .starts_since_ready
        .set(shared.starts_since_ready.get() + 1);
    let generation = shared.generation.get() + 1;
    shared.generation.set(generation);
    let (worker, early_events) = match adopt_early_worker()
        .map(Ok)
        .unwrap_or_else(|| Worker::new(WORKER_URL).map(|w| (w, Vec::new())))
    {
        Ok(adopted) => adopted,
        Err(error) => {
            (shared.on_event)(EngineEvent::Failed {
                problem: Problem::said(
                    "无法启动分析引擎：这个浏览器不允许 Web Worker",
                    "The analysis engine cannot start: this browser does not allow Web Workers",
                    describe(&error),
                ),
                crashed: false,
            });
            return;
        }
    };

    let weak = Rc::downgrade(shared);
    // The articles of a report with many arrive in parts just before it (one task each).
    let mut inbox = ArticlesInbox::default();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(shared) = current(&weak, generation) else {
            return;
        };
        let text = event.data().as_string().unwrap_or_default();
        let event = match Response::from_json(&text) {
            Ok(Response::Ready { load_ms }) => {
                shared.starts_since_ready.set(0);
                EngineEvent::Ready { load_ms }
            }
            Ok(Response::Articles { id, articles }) => return inbox.part(id, articles),
            Ok(Response::Report(Reported {
                id,
                mut report,
                engine_ms,
                stages,
                memory_bytes,
                articles_apart,
            })) => {
                inbox.complete(id, articles_apart, &mut report);
                EngineEvent::Report {
                    id,
                    report,
                    stages,
                    engine_ms,
                    memory_bytes,
                }
            }
            Ok(Response::Progress { id, progress }) => EngineEvent::Progress { id, progress },
            Ok(Response::Contexts { id, contexts }) => EngineEvent::Contexts { id, contexts },
            Ok(Response::Passage { id, passage }) => EngineEvent::Passage { id, passage },
            Ok(Response::Distribution { id, distribution }) => {
                EngineEvent::Distribution { id, distribution }
            }
            Ok(Response::Cloud {
                id,
                cloud,
                layout_ms,
            }) => EngineEvent::Cloud {
                id,
                cloud,
                layout_ms,
            },
            Ok(Response::Imported {
                id,
                name,
                text,
                notes,
                notes_en,
            }) => EngineEvent::Imported {
                id,
                name,
                text: Ok(text),
                notes: notes
                    .iter()
                    .enumerate()
                    .map(|(i, zh)| Said::new(zh.as_str(), notes_en.get(i).unwrap_or(zh)))
                    .collect(),
            },
            Ok(Response::ImportFailed {
                id,
                name,
                message,
                message_en,
            }) => {
                let en = if message_en.is_empty() {
                    message.clone()
                } else {
                    message_en
                };
                EngineEvent::Imported {
                    id,
                    name,
                    text: Err(Said::new(message, en)),
                    notes: Vec::new(),
                }
            }
            Ok(Response::Crashed { message }) => return restart(&shared, message),
            Ok(Response::Failed { message, .. }) | Err(message) => EngineEvent::Failed {
                problem: Problem::said("这次分析没有完成", "This analysis did not finish", message),
                crashed: false,
            },
        };
        (shared.on_event)(event);
    });

    let weak = Rc::downgrade(shared);
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        event.prevent_default();
        let Some(shared) = current(&weak, generation) else {
            return;
        };
        let detail = event.message();
        let detail = if detail.is_empty() {
            "the worker raised an error event without a message".to_string()
        } else {
            detail
        };
        restart(&shared, detail);
    });

    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // What the early worker said before the page listened, in order, through the same handlers
    // (set first: a handler may replace the worker, which needs `live` to be this one).
    let replay: Vec<(js_sys::Function, JsValue)> = early_events
        .into_iter()
        .map(|event| {
            let handler: &js_sys::Function = if event.is_instance_of::<ErrorEvent>() {
                on_error.as_ref().unchecked_ref()
            } else {
                on_message.as_ref().unchecked_ref()
            };
            (handler.clone(), event)
        })
        .collect();
    *shared.live.borrow_mut() = Some(Live {
        worker,
        generation,
        _on_message: on_message,
        _on_error: on_error,
    });
    for (handler, event) in replay {
        // A handler that throws has already reported what it could; the next event still runs.
        let _ = handler.call1(&JsValue::NULL, &event);
    }
}

/// The worker `static/early_worker.js` started while the page's code was downloading, with the
/// events it has sent since, taken once: a restarted worker is always a new one.
fn adopt_early_worker() -> Option<(Worker, Vec<JsValue>)> {
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str("__wenxiEarlyWorker");
    let early = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let worker: Worker = js_sys::Reflect::get(&early, &"worker".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let events = js_sys::Reflect::get(&early, &"events".into()).ok()?;
    let events: js_sys::Array = events.dyn_into().ok()?;
    // Events from here on go to the page's own handlers, set by the caller in this same task.
    worker.set_onmessage(None);
    worker.set_onerror(None);
    Some((worker, events.iter().collect()))
}

/// The shared state, if the worker of `generation` is still the live one. Events of a worker
/// already replaced (its panic message and its error event both arrive) are ignored.
fn current(weak: &Weak<Shared>, generation: u64) -> Option<Rc<Shared>> {
    let shared = weak.upgrade()?;
    let is_current = shared
        .live
        .borrow()
        .as_ref()
        .is_some_and(|live| live.generation == generation);
    is_current.then_some(shared)
}

/// Replaces a worker that died; `detail` says how, for the curious.
fn restart(shared: &Rc<Shared>, detail: String) {
    discard(shared);
    if shared.starts_since_ready.get() >= MAX_STARTS_WITHOUT_READY {
        (shared.on_event)(EngineEvent::Failed {
            problem: Problem::said(
                "分析引擎无法加载，请刷新页面重试",
                "The analysis engine could not load; reload the page to try again",
                detail,
            ),
            crashed: false,
        });
        return;
    }
    (shared.on_event)(EngineEvent::Failed {
        problem: Problem::said(
            "分析引擎出错，已重新启动",
            "The analysis engine failed and was restarted",
            detail,
        ),
        crashed: true,
    });
    start(shared);
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Stops and forgets the live worker, if any.
fn discard(shared: &Rc<Shared>) {
    let old = shared.live.borrow_mut().take();
    if let Some(old) = old {
        // Detach first: events already queued for the old worker must not reach closures that
        // are about to be freed.
        old.worker.set_onmessage(None);
        old.worker.set_onerror(None);
        old.worker.terminate();
        // The closure running now may belong to `old`; it must not be freed while it runs.
        wasm_bindgen_futures::spawn_local(async move { drop(old) });
    }
}
