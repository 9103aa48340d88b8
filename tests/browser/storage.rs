//! The text store: IndexedDB for texts of megabytes, `localStorage` as the first-paint copy and
//! the fallback, and the record each save leaves; which tabs are open; the closed tab's notice.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use wenxi::components::{OrphanText, OrphanTextProps};
use wenxi::storage::record::{newest, Slot, TextRecord};
use wenxi::storage::saved::Saved;
use wenxi::storage::tabs;
use wenxi::storage::text::{self, LOCAL_KEY};
use yew::prelude::*;

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

async fn each_record_comes_back_with_its_slot_from_either_store() {
    let in_database = Saved {
        slot: Slot::Tab("closed-1".into()),
        record: record("关掉的标签页在数据库里的文本".into(), "closed-1", 5000.0),
    };
    let in_local = Saved {
        slot: Slot::Tab("closed-2".into()),
        record: record("关掉的标签页在本地存储里的文本".into(), "closed-2", 6000.0),
    };
    let shared = record("共享的文本".into(), "a", 7000.0);
    text::save(&in_database.slot, &in_database.record)
        .await
        .unwrap();
    text::save_local(&in_local.slot, &in_local.record).unwrap();
    text::save(&Slot::Shared, &shared).await.unwrap();
    // Another key of the site is not a text.
    local_storage().set_item("wenxi.text.other", "x").unwrap();
    let saved = text::load_saved().await;
    assert!(saved.contains(&in_database), "{saved:?}");
    assert!(saved.contains(&in_local), "{saved:?}");
    // The shared text is in IndexedDB and, copied for the first paint, in `localStorage`.
    let shared_copies = saved.iter().filter(|s| s.slot == Slot::Shared).count();
    assert_eq!(shared_copies, 2, "{saved:?}");
    assert!(saved
        .iter()
        .all(|s| s.slot != Slot::Shared || s.record == shared));
    assert_eq!(saved.len(), 4, "{saved:?}");
    local_storage().remove_item("wenxi.text.other").unwrap();
    forget(&[Slot::Shared, in_database.slot, in_local.slot]).await;
}

async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

async fn a_tab_that_holds_its_lock_counts_as_open() {
    let before = tabs::open_tabs().await.expect("Chromium has Web Locks");
    assert!(!before.contains("tab-under-test"));
    assert!(tabs::hold("tab-under-test"));
    // The lock is granted asynchronously.
    let mut open = false;
    for _ in 0..50 {
        let now = tabs::open_tabs().await.unwrap_or_default();
        if now.contains("tab-under-test") {
            open = !now.contains("never-opened");
            break;
        }
        sleep(10).await;
    }
    assert!(open, "the held lock is listed, and only it");
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
    each_record_comes_back_with_its_slot_from_either_store().await;
    a_tab_that_holds_its_lock_counts_as_open().await;
}

#[wasm_bindgen_test]
async fn the_closed_tab_notice_says_how_long_and_answers_each_button() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let (loads, discards) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
    let saved_at = js_sys::Date::new_with_year_month_day_hr_min(2026, 2, 9, 7, 5).get_time();
    yew::Renderer::<OrphanText>::with_root_and_props(
        root.clone(),
        OrphanTextProps {
            chars: 1234,
            saved_at,
            on_load: Callback::from({
                let loads = loads.clone();
                move |()| loads.set(loads.get() + 1)
            }),
            on_discard: Callback::from({
                let discards = discards.clone();
                move |()| discards.set(discards.get() + 1)
            }),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let notice = root
        .query_selector("[data-testid=orphan-text]")
        .unwrap()
        .unwrap();
    let said = notice.text_content().unwrap();
    assert!(
        said.contains("另一个标签页关闭前保存了不同的文本"),
        "{said}"
    );
    assert!(said.contains("1234 字"), "{said}");
    assert!(said.contains("3月9日 07:05"), "{said}");
    let click = |id: &str| {
        root.query_selector(&format!("[data-testid={id}]"))
            .unwrap()
            .unwrap()
            .unchecked_into::<HtmlElement>()
            .click()
    };
    click("orphan-load");
    assert_eq!((loads.get(), discards.get()), (1, 0));
    click("orphan-discard");
    assert_eq!((loads.get(), discards.get()), (1, 1));
}
