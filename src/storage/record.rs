//! What a saved text looks like and which one a reload restores: pure, tested without a browser.

use serde::{Deserialize, Serialize};

/// One saved text: who saved it and when, so two tabs can tell their saves apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextRecord {
    pub text: String,
    /// The id of the tab that saved it (new on every page load).
    pub tab: String,
    /// `Date.now()` at the save, in milliseconds.
    pub saved_at: f64,
}

impl TextRecord {
    /// Reads a record saved in `localStorage`. Versions before the record format saved the bare
    /// text, which comes back as a record from the epoch (older than anything saved since).
    pub fn from_saved(saved: &str) -> TextRecord {
        serde_json::from_str(saved).unwrap_or_else(|_| TextRecord {
            text: saved.to_string(),
            tab: String::new(),
            saved_at: 0.0,
        })
    }

    pub fn to_json(&self) -> String {
        // A struct of a string, a string and a number always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Where a tab saves: the shared slot, or its own while another tab's text is unresolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Shared,
    Tab(String),
}

impl Slot {
    /// The record's key in IndexedDB; in `localStorage` it follows `wenxi.text`.
    pub fn key(&self) -> String {
        match self {
            Slot::Shared => "shared".to_string(),
            Slot::Tab(tab) => format!("tab:{tab}"),
        }
    }

    /// The slot a key names (`None` for a key that is not a slot's).
    pub fn from_key(key: &str) -> Option<Slot> {
        match key {
            "shared" => Some(Slot::Shared),
            _ => key
                .strip_prefix("tab:")
                .filter(|tab| !tab.is_empty())
                .map(|tab| Slot::Tab(tab.to_string())),
        }
    }
}

/// The most recently saved of `records`.
pub fn newest(records: impl IntoIterator<Item = TextRecord>) -> Option<TextRecord> {
    records
        .into_iter()
        .max_by(|a, b| a.saved_at.total_cmp(&b.saved_at))
}

/// A short digest of a text (FNV-1a), sent to other tabs instead of the text itself so they
/// can tell whether their own text differs from what was just saved.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}-{}", text.len())
}

/// What a tab tells the others after each save (BroadcastChannel `wenxi`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveNotice {
    pub tab: String,
    pub fingerprint: String,
}

impl SaveNotice {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Option<SaveNotice> {
        serde_json::from_str(json).ok()
    }

    /// Whether this notice should stop `tab`, now holding `text`, from saving over the shared
    /// text: another tab saved something else.
    pub fn conflicts_with(&self, tab: &str, text: &str) -> bool {
        self.tab != tab && self.fingerprint != fingerprint(text)
    }

    /// What `tab`, holding `text`, does on hearing this notice. `loaded` is the fingerprint of
    /// the text it last loaded (restored, or took from another tab): a tab that has not changed
    /// that text loses nothing by taking the newer one, so only a tab with edits of its own is
    /// asked.
    pub fn reaction(&self, tab: &str, text: &str, loaded: &str) -> Heard {
        let print = fingerprint(text);
        if self.tab == tab || self.fingerprint == print {
            Heard::Nothing
        } else if print == loaded {
            Heard::Take
        } else {
            Heard::Ask
        }
    }
}

/// A tab's answer to another tab's save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// Same tab, or the same text.
    Nothing,
    /// This tab has not edited its text: it takes the newer one quietly.
    Take,
    /// This tab has edits of its own: the reader chooses, and this tab saves apart meanwhile.
    Ask,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str, tab: &str, saved_at: f64) -> TextRecord {
        TextRecord {
            text: text.into(),
            tab: tab.into(),
            saved_at,
        }
    }

    #[test]
    fn a_record_round_trips_and_a_bare_old_text_is_oldest() {
        let saved = record("第一段\n\"引号\"{json}", "a1", 1234.5);
        assert_eq!(TextRecord::from_saved(&saved.to_json()), saved);
        let old = TextRecord::from_saved("{不是记录的文本");
        assert_eq!(old.text, "{不是记录的文本");
        assert_eq!(old.saved_at, 0.0);
    }

    #[test]
    fn the_newest_record_is_the_last_saved() {
        let records = vec![
            record("甲", "a", 30.0),
            record("乙", "b", 50.0),
            record("丙", "c", 40.0),
        ];
        assert_eq!(newest(records).map(|r| r.text), Some("乙".to_string()));
        assert_eq!(newest(Vec::new()), None);
    }

    #[test]
    fn slots_have_distinct_keys() {
        assert_ne!(Slot::Shared.key(), Slot::Tab("shared".into()).key());
        assert_ne!(Slot::Tab("a".into()).key(), Slot::Tab("b".into()).key());
    }

    #[test]
    fn slot_keys_read_back_and_other_keys_are_not_slots() {
        for slot in [Slot::Shared, Slot::Tab("a1-b2.3".into())] {
            assert_eq!(Slot::from_key(&slot.key()), Some(slot));
        }
        assert_eq!(Slot::from_key("tab:"), None);
        assert_eq!(Slot::from_key("settings"), None);
    }

    #[test]
    fn a_tab_that_has_not_edited_takes_the_newer_text_and_one_that_has_is_asked() {
        let loaded = fingerprint("载入时的文本");
        let notice = SaveNotice {
            tab: "b".into(),
            fingerprint: fingerprint("那边改过的文本"),
        };
        assert_eq!(notice.reaction("a", "载入时的文本", &loaded), Heard::Take);
        assert_eq!(
            notice.reaction("a", "载入时的文本，本页又加了一句", &loaded),
            Heard::Ask
        );
        assert_eq!(
            notice.reaction("a", "那边改过的文本", &loaded),
            Heard::Nothing
        );
        assert_eq!(
            notice.reaction("b", "载入时的文本", &loaded),
            Heard::Nothing
        );
    }

    #[test]
    fn only_another_tab_saving_a_different_text_conflicts() {
        let notice = SaveNotice {
            tab: "b".into(),
            fingerprint: fingerprint("那边的文本"),
        };
        assert!(notice.conflicts_with("a", "这边的文本"));
        assert!(!notice.conflicts_with("a", "那边的文本"));
        assert!(!notice.conflicts_with("b", "这边的文本"));
        let back = SaveNotice::from_json(&notice.to_json());
        assert_eq!(back, Some(notice));
        assert_ne!(fingerprint("ab"), fingerprint("ba"));
    }
}
