//! What a page load finds in storage and what it does with each record: restore the shared
//! text, offer the texts of tabs that are gone, quietly remove what would only repeat. Pure,
//! tested without a browser.

use std::collections::HashSet;

use super::record::{newest, Slot, TextRecord};

/// Without Web Locks a live tab cannot be told from a closed one; a tab slot untouched this
/// long (milliseconds: a day) is taken for a closed tab's.
pub const UNANSWERED_AFTER_MS: f64 = 24.0 * 3600.0 * 1000.0;

/// One record and where it is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub slot: Slot,
    pub record: TextRecord,
}

/// Which tabs are open: known exactly (Web Locks), or guessed from the age of their saves.
pub enum LiveTabs {
    Known(HashSet<String>),
    Unknown { now: f64 },
}

impl LiveTabs {
    fn holds(&self, record: &TextRecord) -> bool {
        match self {
            LiveTabs::Known(tabs) => tabs.contains(&record.tab),
            LiveTabs::Unknown { now } => now - record.saved_at < UNANSWERED_AFTER_MS,
        }
    }
}

/// The records sorted out on load.
#[derive(Debug, Default, PartialEq)]
pub struct Found {
    /// The text every tab shares (the newest copy of it, IndexedDB's or `localStorage`'s).
    pub shared: Option<TextRecord>,
    /// Texts saved apart by tabs that are gone, newest first: the reader is asked about each.
    pub orphans: Vec<Saved>,
    /// Slots of gone tabs that hold nothing new (empty, the shared text, or a repeat of a newer
    /// orphan): removed without asking.
    pub redundant: Vec<Slot>,
}

/// Sorts what storage holds. `me` is this page's tab id; slots of open tabs (this one included)
/// are left alone.
pub fn sort_saved(saved: Vec<Saved>, me: &str, live: &LiveTabs) -> Found {
    let mut shared: Vec<TextRecord> = Vec::new();
    let mut tabs: Vec<Saved> = Vec::new();
    for item in saved {
        match item.slot {
            Slot::Shared => shared.push(item.record),
            Slot::Tab(_) if item.record.tab == me || live.holds(&item.record) => {}
            Slot::Tab(_) => tabs.push(item),
        }
    }
    let mut found = Found {
        shared: newest(shared),
        ..Found::default()
    };
    tabs.sort_by(|a, b| b.record.saved_at.total_cmp(&a.record.saved_at));
    let shared_text = found.shared.as_ref().map_or("", |r| r.text.as_str());
    for item in tabs {
        let text = item.record.text.as_str();
        let repeat = text.trim().is_empty()
            || text == shared_text
            || found.orphans.iter().any(|o| o.record.text == text);
        // The same slot can be in IndexedDB and in `localStorage`: one offer, one removal.
        let seen = found.orphans.iter().any(|o| o.slot == item.slot);
        if repeat || seen {
            if !found.redundant.contains(&item.slot) && !seen {
                found.redundant.push(item.slot);
            }
        } else {
            found.orphans.push(item);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(slot: &str, text: &str, tab: &str, saved_at: f64) -> Saved {
        Saved {
            slot: Slot::from_key(slot).unwrap_or(Slot::Shared),
            record: TextRecord {
                text: text.into(),
                tab: tab.into(),
                saved_at,
            },
        }
    }

    fn known(tabs: &[&str]) -> LiveTabs {
        LiveTabs::Known(tabs.iter().map(|t| t.to_string()).collect())
    }

    /// Sorted by this tab ("me") while Web Locks reports no other tab open.
    fn sorted_with_no_other_tab_open(saved: Vec<Saved>) -> Found {
        sort_saved(saved, "me", &known(&[]))
    }

    fn offered_texts(found: &Found) -> Vec<&str> {
        found
            .orphans
            .iter()
            .map(|o| o.record.text.as_str())
            .collect()
    }

    #[test]
    fn a_closed_tab_s_different_text_is_offered_and_an_open_tab_s_is_left_alone() {
        let found = sort_saved(
            vec![
                saved("shared", "共享的文本", "a", 10.0),
                saved("tab:b", "关掉的标签页写的", "b", 20.0),
                saved("tab:c", "还开着的标签页写的", "c", 30.0),
                saved("tab:me.1", "本页另存的", "me", 40.0),
            ],
            "me",
            &known(&["c"]),
        );
        assert_eq!(
            found.shared.as_ref().map(|r| r.text.as_str()),
            Some("共享的文本")
        );
        assert_eq!(offered_texts(&found), ["关掉的标签页写的"]);
        assert!(found.redundant.is_empty());
    }

    #[test]
    fn slots_holding_nothing_new_are_removed_and_the_newest_orphan_comes_first() {
        let found = sorted_with_no_other_tab_open(vec![
            saved("tab:same", "共享的文本", "x", 50.0),
            saved("tab:empty", " \n", "y", 60.0),
            saved("tab:old", "较早的草稿", "z", 5.0),
            saved("tab:new", "较晚的草稿", "w", 70.0),
            saved("tab:again", "较晚的草稿", "v", 65.0),
            saved("shared", "共享的文本", "a", 10.0),
        ]);
        let offered: Vec<String> = found.orphans.iter().map(|o| o.slot.key()).collect();
        assert_eq!(offered, ["tab:new", "tab:old"]);
        let mut removed: Vec<String> = found.redundant.iter().map(Slot::key).collect();
        removed.sort();
        assert_eq!(removed, ["tab:again", "tab:empty", "tab:same"]);
    }

    #[test]
    fn the_newest_copy_of_the_shared_text_is_the_one_restored() {
        let found = sorted_with_no_other_tab_open(vec![
            saved("shared", "IndexedDB 里较新的", "a", 20.0),
            saved("shared", "localStorage 里较旧的", "a", 10.0),
        ]);
        assert_eq!(
            found.shared.map(|r| r.text),
            Some("IndexedDB 里较新的".into())
        );
    }

    #[test]
    fn one_slot_found_in_both_stores_is_offered_once() {
        let found = sorted_with_no_other_tab_open(vec![
            saved("tab:b", "两处都有的草稿", "b", 20.0),
            saved("tab:b", "两处都有的草稿", "b", 20.0),
        ]);
        assert_eq!(found.orphans.len(), 1);
        assert!(found.redundant.is_empty(), "{:?}", found.redundant);
    }

    #[test]
    fn without_web_locks_only_a_slot_untouched_for_a_day_counts_as_closed() {
        let now = 100.0 * UNANSWERED_AFTER_MS;
        let found = sort_saved(
            vec![
                saved("tab:recent", "刚保存的", "r", now - 60_000.0),
                saved(
                    "tab:stale",
                    "一天多以前保存的",
                    "s",
                    now - UNANSWERED_AFTER_MS - 1.0,
                ),
            ],
            "me",
            &LiveTabs::Unknown { now },
        );
        assert_eq!(offered_texts(&found), ["一天多以前保存的"]);
    }
}
