//! The hook that saves the text as the reader types and keeps two tabs from overwriting each
//! other: each save is announced on the BroadcastChannel `wenxi`; a tab that hears another tab
//! saved a different text saves in its own slot until the reader chooses which text to keep.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{BroadcastChannel, MessageEvent};
use yew::prelude::*;

use super::record::{fingerprint, newest, SaveNotice, Slot, TextRecord};
use super::text;
use crate::state::SharedText;

/// Typing pauses this long before the text is saved.
const SAVE_DELAY_MS: u32 = 300;

/// What the page shows about saving, and the reader's two answers to a conflict.
pub struct SavedText {
    /// Why the text may not survive a reload, if it may not.
    pub warning: Option<String>,
    /// Another tab saved a different text; this tab saves in its own slot meanwhile.
    pub conflict: bool,
    pub load_theirs: Callback<()>,
    pub keep_mine: Callback<()>,
}

/// Everything the save, the channel and the page-hide listener share.
struct Saver {
    tab: String,
    /// The text as last rendered (shared with the page's state, not copied).
    latest: RefCell<SharedText>,
    /// The fingerprint of the text last saved or restored: the same text is not saved again.
    saved: RefCell<String>,
    /// False until the saved text is restored: nothing is saved over it before.
    ready: Cell<bool>,
    conflict: Cell<bool>,
    channel: Option<BroadcastChannel>,
}

impl Saver {
    /// Saves the latest text (unless already saved and not `forced`); the error is the warning.
    async fn save(&self, forced: bool) -> Option<Result<(), String>> {
        let text = self.latest.borrow().clone();
        let print = fingerprint(&text);
        if !self.ready.get() || (!forced && *self.saved.borrow() == print) {
            return None;
        }
        let slot = if self.conflict.get() {
            Slot::Tab(self.tab.clone())
        } else {
            Slot::Shared
        };
        let record = TextRecord {
            text: text.to_string(),
            tab: self.tab.clone(),
            saved_at: js_sys::Date::now(),
        };
        let result = text::save(&slot, &record).await;
        *self.saved.borrow_mut() = print.clone();
        if let Some(channel) = &self.channel {
            let notice = SaveNotice {
                tab: self.tab.clone(),
                fingerprint: print,
            };
            let _ = channel.post_message(&notice.to_json().into());
        }
        Some(result)
    }
}

fn save_later(saver: Rc<Saver>, forced: bool, warning: UseStateHandle<Option<String>>) {
    spawn_local(async move {
        if let Some(result) = saver.save(forced).await {
            let now = result.err();
            if *warning != now {
                warning.set(now);
            }
        }
    });
}

/// Saves `current` as it changes and restores the newest saved text through `restore`
/// (`initial` is the text the page opened with, from the first-paint copy).
#[hook]
pub fn use_saved_text(current: &SharedText, initial: &str, restore: Callback<String>) -> SavedText {
    let warning = use_state(|| None::<String>);
    let conflict = use_state(|| false);
    let saver = use_memo((), |_| Saver {
        tab: text::new_tab_id(),
        latest: RefCell::new(Rc::new(initial.to_string())),
        saved: RefCell::new(fingerprint(initial)),
        ready: Cell::new(false),
        conflict: Cell::new(false),
        channel: BroadcastChannel::new("wenxi").ok(),
    });

    // Restore the newest saved text, then start saving; listen to the other tabs.
    {
        let (saver, restore, conflict, warning) = (
            saver.clone(),
            restore.clone(),
            conflict.clone(),
            warning.clone(),
        );
        use_effect_with((), move |_| {
            let heard = Closure::<dyn FnMut(MessageEvent)>::new({
                let (saver, conflict) = (saver.clone(), conflict.clone());
                move |event: MessageEvent| {
                    let notice = event
                        .data()
                        .as_string()
                        .and_then(|s| SaveNotice::from_json(&s));
                    if let Some(notice) = notice {
                        let clash = notice.conflicts_with(&saver.tab, &saver.latest.borrow());
                        if clash && saver.ready.get() && !saver.conflict.get() {
                            saver.conflict.set(true);
                            conflict.set(true);
                        }
                    }
                }
            });
            if let Some(channel) = &saver.channel {
                channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
            }
            // Leaving the page (reload, close, switch away) saves at once.
            let leaving = Closure::<dyn FnMut()>::new({
                let (saver, warning) = (saver.clone(), warning.clone());
                move || save_later(saver.clone(), false, warning.clone())
            });
            let window = web_sys::window();
            if let Some(window) = &window {
                let f = leaving.as_ref().unchecked_ref();
                let _ = window.add_event_listener_with_callback("pagehide", f);
                let _ = window.add_event_listener_with_callback("visibilitychange", f);
            }
            spawn_local({
                let saver = saver.clone();
                async move {
                    let found = newest(text::load_all().await);
                    saver.ready.set(true);
                    // Until now `saved` holds the fingerprint of the text the page opened with.
                    let typed = fingerprint(&saver.latest.borrow()) != *saver.saved.borrow();
                    match found {
                        Some(record) if !typed && *record.text != **saver.latest.borrow() => {
                            *saver.saved.borrow_mut() = fingerprint(&record.text);
                            *saver.latest.borrow_mut() = Rc::new(record.text.clone());
                            restore.emit(record.text);
                        }
                        // Typed before the saved text came back: what was typed wins, saved.
                        _ => save_later(saver, false, warning),
                    }
                }
            });
            move || {
                if let Some(channel) = &saver.channel {
                    channel.set_onmessage(None);
                    channel.close();
                }
                if let Some(window) = &window {
                    let f = leaving.as_ref().unchecked_ref();
                    let _ = window.remove_event_listener_with_callback("pagehide", f);
                    let _ = window.remove_event_listener_with_callback("visibilitychange", f);
                }
                drop(heard);
            }
        });
    }

    // Save once typing pauses.
    {
        let (saver, warning) = (saver.clone(), warning.clone());
        // Keyed by the shared text: comparing two renders' texts is a pointer comparison.
        use_effect_with(current.clone(), move |text| {
            *saver.latest.borrow_mut() = text.clone();
            let timeout = saver
                .ready
                .get()
                .then(|| Timeout::new(SAVE_DELAY_MS, move || save_later(saver, false, warning)));
            move || drop(timeout)
        });
    }

    let keep_mine = {
        let (saver, conflict, warning) = (saver.clone(), conflict.clone(), warning.clone());
        Callback::from(move |()| {
            saver.conflict.set(false);
            conflict.set(false);
            let (saver, warning) = (saver.clone(), warning.clone());
            spawn_local(async move {
                text::delete(&Slot::Tab(saver.tab.clone())).await;
                save_later(saver, true, warning);
            });
        })
    };
    let load_theirs = {
        let (saver, conflict) = (saver.clone(), conflict.clone());
        Callback::from(move |()| {
            saver.conflict.set(false);
            conflict.set(false);
            let (saver, restore) = (saver.clone(), restore.clone());
            spawn_local(async move {
                let theirs = newest(
                    text::load_all()
                        .await
                        .into_iter()
                        .filter(|record| record.tab != saver.tab),
                );
                text::delete(&Slot::Tab(saver.tab.clone())).await;
                if let Some(record) = theirs {
                    *saver.saved.borrow_mut() = fingerprint(&record.text);
                    *saver.latest.borrow_mut() = Rc::new(record.text.clone());
                    restore.emit(record.text);
                }
            });
        })
    };

    SavedText {
        warning: (*warning).clone(),
        conflict: *conflict,
        load_theirs,
        keep_mine,
    }
}
