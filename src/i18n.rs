//! The page's two languages. Every string the reader sees is written in both, where it is used:
//! `lang.tr("关键词", "Keywords")`. A table of keys would keep the two versions apart from the
//! markup they belong to; pairs in place keep them side by side, and a missing translation is a
//! compile error, not a blank.

use serde::{Deserialize, Serialize};
use yew::prelude::*;

/// The language of the page (not of the text analysed: that is always Chinese).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The version of a string for this language.
    pub fn tr<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The BCP 47 tag for the page's `lang` attribute.
    pub fn tag(self) -> &'static str {
        self.tr("zh-CN", "en")
    }

    /// The language's own name, as a language picker lists it.
    pub fn native_name(self) -> &'static str {
        self.tr("简体中文", "English")
    }

    /// A count with its noun: "3 次" / "3 times" (English plural by `s`).
    pub fn count(self, n: usize, zh: &str, en_one: &str, en_many: &str) -> String {
        match self {
            Lang::Zh => format!("{n} {zh}"),
            Lang::En if n == 1 => format!("{n} {en_one}"),
            Lang::En => format!("{n} {en_many}"),
        }
    }
}

/// The English name of month `month` (1 to 12), `""` for any other number.
pub fn month_en(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    month
        .checked_sub(1)
        .and_then(|m| MONTHS.get(m as usize))
        .copied()
        .unwrap_or("")
}

/// The page's language, as components read it (provided by `App` from the settings).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// A sentence for the reader in both languages, made where the page's language is not known
/// (storage, the worker, the reducer) and picked where it is shown: `said.get(lang)`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said {
    pub zh: String,
    pub en: String,
}

impl Said {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Said {
        Said {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The version for `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.tr(&self.zh, &self.en)
    }

    /// True when either version holds `part`.
    pub fn contains(&self, part: &str) -> bool {
        self.zh.contains(part) || self.en.contains(part)
    }
}

/// Chinese, as a place that cannot know the page's language shows it.
impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_picks_its_own_version() {
        assert_eq!(Lang::Zh.tr("词", "word"), "词");
        assert_eq!(Lang::En.tr("词", "word"), "word");
        assert_eq!(Lang::En.count(1, "次", "time", "times"), "1 time");
        assert_eq!(Lang::En.count(2, "次", "time", "times"), "2 times");
        assert_eq!(Lang::Zh.count(2, "次", "time", "times"), "2 次");
        assert_eq!(
            serde_json::to_string(&Lang::En).ok().as_deref(),
            Some("\"en\"")
        );
    }
}
