//! Where the text is saved: IndexedDB when the browser has it, `localStorage` otherwise.
//!
//! IndexedDB holds texts of tens of megabytes. A small text is also copied to `localStorage`
//! (`wenxi.text`) so a reload shows it in the first paint, before IndexedDB answers; a reload
//! restores the newest record of either.

use wasm_bindgen::JsValue;

use super::idb;
use super::local_storage;
use super::record::{Slot, TextRecord};
use super::saved::Saved;
use crate::i18n::Said;

/// The shared slot in `localStorage`; tab slots follow it (`wenxi.text.tab:<id>`).
pub const LOCAL_KEY: &str = "wenxi.text";

/// Texts up to this many bytes are copied to `localStorage` (its quota is about 5 M characters
/// per site, shared with the settings).
const FAST_PATH_BYTES: usize = 1 << 20;

fn too_large() -> Said {
    Said::new(
        "文本太大，超出浏览器本地存储的容量：刷新页面后文本不会保留",
        "The text is too large for the browser's local storage: it will not survive a reload",
    )
}

/// IndexedDB refused (private windows of some browsers, storage turned off) and the text is too
/// large for `localStorage` alone.
fn no_database() -> Said {
    Said::new(
        "这个浏览器窗口不让本页使用 IndexedDB（有些浏览器的隐私窗口就是这样），\
         文本只能存进容量约 500 万字的本地存储。这段文本放不下：刷新或关闭页面后它不会保留，请另存一份。",
        "This browser window does not let the page use IndexedDB (some browsers' private windows \
         do not), so the text can only go to local storage, which holds about 5 million \
         characters. This text does not fit: it will not survive a reload or closing the page, \
         so keep a copy elsewhere.",
    )
}

fn local_key(slot: &Slot) -> String {
    match slot {
        Slot::Shared => LOCAL_KEY.to_string(),
        tab => format!("{LOCAL_KEY}.{}", tab.key()),
    }
}

/// An id for this page load, carried by each record it saves.
pub fn new_tab_id() -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{:x}-{random:x}", js_sys::Date::now() as u64)
}

/// The shared text in `localStorage`, readable before the first paint (small texts only).
pub fn load_fast() -> Option<TextRecord> {
    let saved = local_storage()?.get_item(LOCAL_KEY).ok().flatten()?;
    Some(TextRecord::from_saved(&saved))
}

/// Every record saved, in IndexedDB and in `localStorage`.
pub async fn load_all() -> Vec<TextRecord> {
    load_saved().await.into_iter().map(|s| s.record).collect()
}

/// Every record saved and its slot, in IndexedDB and in `localStorage` (a slot can be in both).
pub async fn load_saved() -> Vec<Saved> {
    let mut saved = idb::all().await.unwrap_or_default();
    if let Some(storage) = local_storage() {
        let count = storage.length().unwrap_or(0);
        for index in 0..count {
            let Some(key) = storage.key(index).ok().flatten() else {
                continue;
            };
            let slot = if key == LOCAL_KEY {
                Some(Slot::Shared)
            } else {
                key.strip_prefix(&format!("{LOCAL_KEY}."))
                    .and_then(Slot::from_key)
                    .filter(|slot| *slot != Slot::Shared)
            };
            let Some(slot) = slot else {
                continue;
            };
            if let Some(text) = storage.get_item(&key).ok().flatten() {
                let record = TextRecord::from_saved(&text);
                saved.push(Saved { slot, record });
            }
        }
    }
    saved
}

/// Saves `record` in `slot`: IndexedDB, else `localStorage`. The error says what the reader
/// stands to lose.
pub async fn save(slot: &Slot, record: &TextRecord) -> Result<(), Said> {
    match idb::put(slot, record).await {
        Ok(()) => {
            if *slot == Slot::Shared {
                save_fast(record);
            }
            Ok(())
        }
        Err(_) => save_local(slot, record).map_err(|_| no_database()),
    }
}

/// Keeps (or drops) the first-paint copy of the shared text.
fn save_fast(record: &TextRecord) {
    let Some(storage) = local_storage() else {
        return;
    };
    let copied = record.text.len() <= FAST_PATH_BYTES
        && storage.set_item(LOCAL_KEY, &record.to_json()).is_ok();
    if !copied {
        // A stale copy would show an old text until IndexedDB answers.
        let _ = storage.remove_item(LOCAL_KEY);
    }
}

/// Saves in `localStorage` alone (IndexedDB is unavailable, as in some private modes).
pub fn save_local(slot: &Slot, record: &TextRecord) -> Result<(), Said> {
    let storage = local_storage().ok_or_else(|| {
        Said::new(
            "本地存储不可用，刷新页面后文本不会保留",
            "Local storage is not available: the text will not survive a reload",
        )
    })?;
    storage
        .set_item(&local_key(slot), &record.to_json())
        .map_err(|_| too_large())
}

/// Removes the record in `slot`, wherever it is.
pub async fn delete(slot: &Slot) {
    let _: Result<(), JsValue> = idb::delete(slot).await;
    if let Some(storage) = local_storage() {
        if *slot != Slot::Shared {
            let _ = storage.remove_item(&local_key(slot));
        }
    }
}
