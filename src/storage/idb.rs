//! The texts in IndexedDB (database `wenxi`, store `texts`): far beyond `localStorage`'s few
//! megabytes. Plain web-sys, each request awaited through its DOM events.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{EventTarget, IdbDatabase, IdbOpenDbRequest, IdbTransactionMode};

use super::record::{Slot, TextRecord};
use super::saved::Saved;

const DATABASE: &str = "wenxi";
const STORE: &str = "texts";

thread_local! {
    /// Opened once per page; `None` until the first successful open.
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Waits for `ok` or `failed` (or `abort`) on `target`.
async fn settled(target: &EventTarget, ok: &str, failed: &str) -> Result<(), JsValue> {
    let mut listeners = Vec::new();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &e);
        });
        let fail = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        let _ = target.add_event_listener_with_callback(ok, done.as_ref().unchecked_ref());
        for name in [failed, "abort"] {
            let _ = target.add_event_listener_with_callback(name, fail.as_ref().unchecked_ref());
        }
        listeners.push(done);
        listeners.push(fail);
    });
    let outcome = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(drop);
    if let [done, fail] = &listeners[..] {
        let _ = target.remove_event_listener_with_callback(ok, done.as_ref().unchecked_ref());
        for name in [failed, "abort"] {
            let _ = target.remove_event_listener_with_callback(name, fail.as_ref().unchecked_ref());
        }
    }
    outcome
}

/// The database, opened (and created) on first use; an error where IndexedDB is unavailable.
pub async fn open() -> Result<IdbDatabase, JsValue> {
    if let Some(db) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()?
        .ok_or("no IndexedDB")?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, 1)?;
    let upgrade = Closure::<dyn FnMut(JsValue)>::new({
        let request = request.clone();
        move |_| {
            if let Ok(db) = request.result().map(JsCast::unchecked_into::<IdbDatabase>) {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    settled(&request, "success", "error").await?;
    request.set_onupgradeneeded(None);
    let db: IdbDatabase = request.result()?.unchecked_into();
    OPEN.with(|open| *open.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn to_js(record: &TextRecord) -> Result<JsValue, JsValue> {
    let object = Object::new();
    Reflect::set(&object, &"text".into(), &record.text.as_str().into())?;
    Reflect::set(&object, &"tab".into(), &record.tab.as_str().into())?;
    Reflect::set(&object, &"saved_at".into(), &record.saved_at.into())?;
    Ok(object.into())
}

fn from_js(value: &JsValue) -> Option<TextRecord> {
    let field = |name: &str| Reflect::get(value, &name.into()).ok();
    Some(TextRecord {
        text: field("text")?.as_string()?,
        tab: field("tab")?.as_string()?,
        saved_at: field("saved_at")?.as_f64()?,
    })
}

/// Saves `record` in `slot`, resolving once the write is committed.
pub async fn put(slot: &Slot, record: &TextRecord) -> Result<(), JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    tx.object_store(STORE)?
        .put_with_key(&to_js(record)?, &slot.key().into())?;
    settled(&tx, "complete", "error").await
}

/// Removes the record in `slot` (nothing happens when there is none).
pub async fn delete(slot: &Slot) -> Result<(), JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    tx.object_store(STORE)?.delete(&slot.key().into())?;
    settled(&tx, "complete", "error").await
}

/// Every saved record and its slot.
pub async fn all() -> Result<Vec<Saved>, JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE)?;
    let store = tx.object_store(STORE)?;
    let (values, keys) = (store.get_all()?, store.get_all_keys()?);
    settled(&tx, "complete", "error").await?;
    let values: Array = values.result()?.unchecked_into();
    let keys: Array = keys.result()?.unchecked_into();
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(key, value)| {
            Some(Saved {
                slot: Slot::from_key(&key.as_string()?)?,
                record: from_js(&value)?,
            })
        })
        .collect())
}
