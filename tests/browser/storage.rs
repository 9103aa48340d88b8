//! The text store: IndexedDB for texts of megabytes, `localStorage` as the first-paint copy and
//! the fallback, and the record each save leaves.

use wasm_bindgen_test::*;
use wenxi::storage::record::{newest, Slot, TextRecord};
use wenxi::storage::text::{self, LOCAL_KEY};

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A text of about `bytes` bytes, varied so no layer can store it as a repeat of one line.
fn big_text(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 64);
    let mut i = 0u64;
    while text.len() < bytes {
        text.push_str(&format!(
            "第{i}段：冷链仓库在夜里盘点了{}箱货物。\n",
            i * 7 % 1013
        ));
        i += 1;
    }
    text
}

fn record(text: String, tab: &str, saved_at: f64) -> TextRecord {
    TextRecord {
        text,
        tab: tab.into(),
        saved_at,
    }
}

async fn forget(slots: &[Slot]) {
    for slot in slots {
        text::delete(slot).await;
    }
    local_storage().remove_item(LOCAL_KEY).unwrap();
}

async fn a_five_megabyte_text_comes_back_from_indexeddb() {
    let big = big_text(5 << 20);
    let saved_at = js_sys::Date::now();
    text::save(&Slot::Shared, &record(big.clone(), "big", saved_at))
        .await
        .unwrap();
    // Too large for the first-paint copy: that is dropped, not left stale.
    assert!(local_storage().get_item(LOCAL_KEY).unwrap().is_none());
    assert!(text::load_fast().is_none());
    let back = newest(text::load_all().await).unwrap();
    assert_eq!(back.tab, "big");
    assert_eq!(back.saved_at, saved_at);
    assert!(back.text == big, "5 MB text changed on the way back");
    forget(&[Slot::Shared]).await;
}

async fn a_small_text_is_also_copied_for_the_first_paint_as_a_record() {
    let saved = record(
        "短文本：第一行\n第二行".into(),
        "tab-a",
        1_700_000_000_000.5,
    );
    text::save(&Slot::Shared, &saved).await.unwrap();
    let raw = local_storage().get_item(LOCAL_KEY).unwrap().unwrap();
    let fields: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(fields["text"], saved.text.as_str());
    assert_eq!(fields["tab"], "tab-a");
    assert_eq!(fields["saved_at"], 1_700_000_000_000.5);
    assert_eq!(text::load_fast(), Some(saved));
    forget(&[Slot::Shared]).await;
}

async fn a_tab_slot_is_kept_apart_and_the_newest_record_wins() {
    let shared = record("共享的文本".into(), "a", 1000.0);
    let mine = record("本页自己的文本".into(), "b", 2000.0);
    let slot = Slot::Tab("b".into());
    text::save(&Slot::Shared, &shared).await.unwrap();
    text::save(&slot, &mine).await.unwrap();
    let all = text::load_all().await;
    assert!(all.contains(&shared) && all.contains(&mine));
    assert!(
        newest(all) == Some(mine.clone()),
        "the tab's newer text wins"
    );
    // The shared first-paint copy is not touched by a tab's own save.
    assert_eq!(text::load_fast(), Some(shared.clone()));
    text::delete(&slot).await;
    assert!(!text::load_all().await.contains(&mine));
    forget(&[Slot::Shared]).await;
}

async fn without_indexeddb_localstorage_keeps_small_texts_and_says_when_it_cannot() {
    let slot = Slot::Tab("fallback".into());
    let small = record("只存在本地存储里的文本".into(), "fallback", 3000.0);
    text::save_local(&slot, &small).unwrap();
    assert!(text::load_all().await.contains(&small));
    // localStorage holds about 5 M characters per site: 20 MB (7 M characters) cannot fit.
    let refused = text::save_local(&slot, &record(big_text(20 << 20), "fallback", 4000.0));
    let Err(message) = refused else {
        panic!("localStorage took 20 MB");
    };
    assert!(message.contains("不会保留"), "{message}");
    // The refused save left the small text as it was.
    assert!(text::load_all().await.contains(&small));
    forget(&[slot]).await;
    assert!(!text::load_all().await.contains(&small));
}

async fn a_text_saved_by_an_older_version_is_restored() {
    forget(&[Slot::Shared]).await;
    local_storage()
        .set_item(LOCAL_KEY, "旧版本保存的纯文本")
        .unwrap();
    let back = text::load_fast().unwrap();
    assert_eq!(back.text, "旧版本保存的纯文本");
    assert!(text::load_all().await.contains(&back));
    local_storage().remove_item(LOCAL_KEY).unwrap();
}

/// One test, the steps in order: they share one store, and wasm-bindgen-test runs async tests
/// concurrently.
#[wasm_bindgen_test]
async fn the_text_store_saves_restores_and_falls_back() {
    forget(&[Slot::Shared]).await;
    a_five_megabyte_text_comes_back_from_indexeddb().await;
    a_small_text_is_also_copied_for_the_first_paint_as_a_record().await;
    a_tab_slot_is_kept_apart_and_the_newest_record_wins().await;
    without_indexeddb_localstorage_keeps_small_texts_and_says_when_it_cannot().await;
    a_text_saved_by_an_older_version_is_restored().await;
}
