//! What the saving hook does, step by step: save, take another tab's text, restore on load,
//! load a closed tab's text. Shared by the hook's effects and callbacks through [`Saver`].

use crate::i18n::Said;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::BroadcastChannel;
use yew::prelude::*;

use super::record::{fingerprint, newest, SaveNotice, Slot, TextRecord};
use super::saved::{sort_saved, LiveTabs, Saved};
use super::sync::OrphanOffer;
use super::{tabs, text};
use crate::state::SharedText;

/// Everything the save, the channel and the page-hide listener share.
pub(super) struct Saver {
    pub(super) tab: String,
    /// The text as last rendered (shared with the page's state, not copied).
    pub(super) latest: RefCell<SharedText>,
    /// The fingerprint of the text last saved or restored: the same text is not saved again.
    pub(super) saved: RefCell<String>,
    /// The fingerprint of the text last loaded (restored or taken): while the text is still
    /// that, this tab has no edits of its own to lose.
    pub(super) loaded: RefCell<String>,
    /// False until the saved text is restored: nothing is saved over it before.
    pub(super) ready: Cell<bool>,
    pub(super) conflict: Cell<bool>,
    pub(super) channel: Option<BroadcastChannel>,
    /// Closed tabs' texts not yet answered, newest first.
    pub(super) orphans: RefCell<Vec<Saved>>,
}

impl Saver {
    /// A saver for a new page load whose text area opened with `initial`.
    pub(super) fn new(initial: &str) -> Saver {
        let tab = text::new_tab_id();
        // Held from the start: a slot this tab saves later is never taken for a closed tab's.
        tabs::hold(&tab);
        Saver {
            tab,
            latest: RefCell::new(Rc::new(initial.to_string())),
            saved: RefCell::new(fingerprint(initial)),
            loaded: RefCell::new(fingerprint(initial)),
            ready: Cell::new(false),
            conflict: Cell::new(false),
            channel: BroadcastChannel::new("wenxi").ok(),
            orphans: RefCell::new(Vec::new()),
        }
    }

    /// Saves the latest text (unless already saved and not `forced`); the error is the warning.
    pub(super) async fn save(&self, forced: bool) -> Option<Result<(), Said>> {
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

    /// Shows `text` in the page as loaded (not an edit of this tab); `saved` when it is already
    /// where this tab saves.
    pub(super) fn take(&self, text: String, saved: bool, restore: &Callback<String>) {
        let print = fingerprint(&text);
        if saved {
            *self.saved.borrow_mut() = print.clone();
        }
        *self.loaded.borrow_mut() = print;
        *self.latest.borrow_mut() = Rc::new(text.clone());
        restore.emit(text);
    }

    pub(super) fn untouched(&self) -> bool {
        fingerprint(&self.latest.borrow()) == *self.loaded.borrow()
    }

    pub(super) fn ask(&self, conflict: &UseStateHandle<bool>) {
        if !self.conflict.get() {
            self.conflict.set(true);
            conflict.set(true);
        }
    }

    /// Shows the next closed tab's text, if any is left.
    pub(super) fn offer_next(&self, orphan: &UseStateHandle<Option<OrphanOffer>>) {
        let next = self.orphans.borrow().first().map(|o| OrphanOffer {
            chars: o.record.text.chars().count(),
            saved_at: o.record.saved_at,
        });
        // Always set: the handle may be an older render's, so comparing with it proves nothing.
        orphan.set(next);
    }
}

pub(super) async fn save_now(saver: &Saver, forced: bool, warning: &UseStateHandle<Option<Said>>) {
    if let Some(result) = saver.save(forced).await {
        let now = result.err();
        if **warning != now {
            warning.set(now);
        }
    }
}

pub(super) fn save_later(saver: Rc<Saver>, forced: bool, warning: UseStateHandle<Option<Said>>) {
    spawn_local(async move { save_now(&saver, forced, &warning).await });
}

/// Another tab saved a different text and this one has not edited its own: takes the newer
/// text from storage, or asks after all if the reader typed meanwhile.
pub(super) async fn take_theirs(
    saver: Rc<Saver>,
    notice: SaveNotice,
    restore: Callback<String>,
    conflict: UseStateHandle<bool>,
) {
    let theirs = newest(
        text::load_all()
            .await
            .into_iter()
            .filter(|r| r.tab == notice.tab && fingerprint(&r.text) == notice.fingerprint),
    );
    match theirs {
        Some(record) if saver.untouched() && !saver.conflict.get() => {
            saver.take(record.text, true, &restore)
        }
        Some(_) => saver.ask(&conflict),
        // Their save failed: there is nothing to take, and nothing here to lose.
        None => {}
    }
}

/// Restores the shared text, removes closed tabs' slots that hold nothing new and offers the
/// others; then saving starts.
pub(super) async fn restore_saved(
    saver: Rc<Saver>,
    restore: Callback<String>,
    warning: UseStateHandle<Option<Said>>,
    orphan: UseStateHandle<Option<OrphanOffer>>,
) {
    let saved = text::load_saved().await;
    let live = match tabs::open_tabs().await {
        Some(open) => LiveTabs::Known(open),
        None => LiveTabs::Unknown {
            now: js_sys::Date::now(),
        },
    };
    let found = sort_saved(saved, &saver.tab, &live);
    saver.ready.set(true);
    // Until now `saved` holds the fingerprint of the text the page opened with.
    let typed = fingerprint(&saver.latest.borrow()) != *saver.saved.borrow();
    match found.shared {
        Some(record) if !typed && *record.text != **saver.latest.borrow() => {
            saver.take(record.text, true, &restore)
        }
        // Typed before the saved text came back: what was typed wins, saved.
        _ => save_now(&saver, false, &warning).await,
    }
    for slot in &found.redundant {
        text::delete(slot).await;
    }
    *saver.orphans.borrow_mut() = found.orphans;
    saver.offer_next(&orphan);
}

/// Loads the first closed tab's text. The text it replaces is set aside first in a slot of this
/// tab (offered in turn once this tab is closed), so nothing is lost either way.
pub(super) async fn load_orphan(
    saver: Rc<Saver>,
    restore: Callback<String>,
    warning: UseStateHandle<Option<Said>>,
    orphan: UseStateHandle<Option<OrphanOffer>>,
) {
    let Some(chosen) = saver.orphans.borrow().first().cloned() else {
        return;
    };
    let mine = saver.latest.borrow().clone();
    if !mine.trim().is_empty() && *mine != chosen.record.text {
        let now = js_sys::Date::now();
        let aside = Slot::Tab(format!("{}.{}", saver.tab, now as u64));
        let record = TextRecord {
            text: mine.to_string(),
            tab: saver.tab.clone(),
            saved_at: now,
        };
        if let Err(problem) = text::save(&aside, &record).await {
            // This tab's text could not be kept: it is not replaced.
            warning.set(Some(problem));
            return;
        }
    }
    saver.take(chosen.record.text, false, &restore);
    save_now(&saver, false, &warning).await;
    text::delete(&chosen.slot).await;
    saver.orphans.borrow_mut().retain(|o| o.slot != chosen.slot);
    saver.offer_next(&orphan);
}
