//! The hook that saves the text as the reader types and keeps two tabs from overwriting each
//! other: each save is announced on the BroadcastChannel `wenxi`. A tab that hears another tab
//! saved a different text takes it quietly if it has not edited its own; otherwise it saves in
//! its own slot until the reader chooses which text to keep. On load, texts that closed tabs
//! left in their slots are offered.

use crate::i18n::Said;
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::MessageEvent;
use yew::prelude::*;

use super::record::{newest, Heard, SaveNotice, Slot};
use super::saver::{load_orphan, restore_saved, save_later, save_now, take_theirs, Saver};
use super::text;
use crate::state::SharedText;

/// Typing pauses this long before the text is saved.
const SAVE_DELAY_MS: u32 = 300;

/// A text saved apart by a tab that was closed before the reader chose: offered, not lost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrphanOffer {
    pub chars: usize,
    /// `Date.now()` at its save.
    pub saved_at: f64,
}

/// What the page shows about saving, and the reader's answers to a conflict and to a closed
/// tab's text.
pub struct SavedText {
    /// Why the text may not survive a reload, if it may not, in both languages.
    pub said_warning: Option<Said>,
    /// Another tab saved a different text; this tab saves in its own slot meanwhile.
    pub conflict: bool,
    pub load_theirs: Callback<()>,
    pub keep_mine: Callback<()>,
    /// The next closed tab's text to offer.
    pub orphan: Option<OrphanOffer>,
    /// Load it (this tab's text is set aside in a slot of its own first).
    pub load_orphan: Callback<()>,
    pub discard_orphan: Callback<()>,
}

/// Saves `current` as it changes and restores the saved text through `restore` (`initial` is
/// the text the page opened with, from the first-paint copy).
#[hook]
pub fn use_saved_text(current: &SharedText, initial: &str, restore: Callback<String>) -> SavedText {
    let warning = use_state(|| None::<Said>);
    let conflict = use_state(|| false);
    let orphan = use_state(|| None::<OrphanOffer>);
    let saver = use_memo((), |_| Saver::new(initial));

    // Restore the saved text, then start saving; listen to the other tabs.
    {
        let (saver, restore, conflict, warning, orphan) = (
            saver.clone(),
            restore.clone(),
            conflict.clone(),
            warning.clone(),
            orphan.clone(),
        );
        use_effect_with((), move |_| {
            let heard = Closure::<dyn FnMut(MessageEvent)>::new({
                let (saver, conflict, restore) = (saver.clone(), conflict.clone(), restore.clone());
                move |event: MessageEvent| {
                    let notice = event
                        .data()
                        .as_string()
                        .and_then(|s| SaveNotice::from_json(&s));
                    let Some(notice) = notice.filter(|_| saver.ready.get()) else {
                        return;
                    };
                    let text = saver.latest.borrow().clone();
                    let loaded = saver.loaded.borrow().clone();
                    match notice.reaction(&saver.tab, &text, &loaded) {
                        Heard::Nothing => {}
                        Heard::Ask => saver.ask(&conflict),
                        Heard::Take if saver.conflict.get() => {}
                        Heard::Take => spawn_local(take_theirs(
                            saver.clone(),
                            notice,
                            restore.clone(),
                            conflict.clone(),
                        )),
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
            spawn_local(restore_saved(saver.clone(), restore, warning, orphan));
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
                save_now(&saver, true, &warning).await;
            });
        })
    };
    let load_theirs = {
        let (saver, conflict, restore) = (saver.clone(), conflict.clone(), restore.clone());
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
                    saver.take(record.text, true, &restore);
                }
            });
        })
    };
    let load_orphan = {
        let (saver, warning, orphan) = (saver.clone(), warning.clone(), orphan.clone());
        Callback::from(move |()| {
            spawn_local(load_orphan(
                saver.clone(),
                restore.clone(),
                warning.clone(),
                orphan.clone(),
            ))
        })
    };
    let discard_orphan = {
        let (saver, orphan) = (saver.clone(), orphan.clone());
        Callback::from(move |()| {
            let (saver, orphan) = (saver.clone(), orphan.clone());
            spawn_local(async move {
                let first = saver.orphans.borrow().first().map(|o| o.slot.clone());
                if let Some(slot) = first {
                    text::delete(&slot).await;
                    saver.orphans.borrow_mut().retain(|o| o.slot != slot);
                }
                saver.offer_next(&orphan);
            });
        })
    };

    SavedText {
        said_warning: (*warning).clone(),
        conflict: *conflict,
        load_theirs,
        keep_mine,
        orphan: *orphan,
        load_orphan,
        discard_orphan,
    }
}
