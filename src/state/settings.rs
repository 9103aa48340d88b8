//! What the reader tells the engine: their dictionary, stop-word edits and the parts of speech
//! a keyword may have. Kept in `localStorage` as versioned JSON and sent with every analysis as
//! [`Options`].

pub mod file;

use serde::{Deserialize, Serialize};
use wenxi_core::keywords::CANDIDATE_POS;
use wenxi_core::normalize::fold_width;
use wenxi_core::userdict::{self, UserWord};
use wenxi_core::Options;

/// The version of the stored JSON. Content of another version is ignored, not guessed at.
pub const SETTINGS_VERSION: u32 = 1;

/// The reader's settings. Every list keeps the order things were added in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Words segmentation must keep whole.
    pub user_words: Vec<UserWord>,
    /// The reader's own stop words.
    pub extra_stopwords: Vec<String>,
    /// Built-in stop words counted after all.
    pub removed_stopwords: Vec<String>,
    /// jieba tags a keyword may have; empty means the engine's default set.
    pub keyword_pos: Vec<String>,
    /// Whether the built-in stop-word lists apply (the reader's own always do).
    pub builtin_stopwords: bool,
    /// How the page shows the report: its language, theme, keyword method and count (not sent
    /// with analyses, except the count). Stored choices this page cannot read fall back to the
    /// defaults.
    #[serde(deserialize_with = "lenient_display")]
    pub display: Display,
    /// How the keyword cloud is laid out and coloured (not sent with analyses). Stored cloud
    /// choices this page cannot read fall back to the defaults; the rest is kept.
    #[serde(deserialize_with = "lenient_cloud")]
    pub cloud: super::cloud::CloudSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            user_words: Vec::new(),
            extra_stopwords: Vec::new(),
            removed_stopwords: Vec::new(),
            keyword_pos: Vec::new(),
            builtin_stopwords: true,
            display: Display::default(),
            cloud: Default::default(),
        }
    }
}

/// Light or dark; by default whatever the system says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Which keyword ranking leads: the overview's list, the keyword table's first sort, the cloud.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeywordMethod {
    #[default]
    Tfidf,
    Textrank,
    Frequency,
}

impl KeywordMethod {
    pub const ALL: [KeywordMethod; 3] = [
        KeywordMethod::Tfidf,
        KeywordMethod::Textrank,
        KeywordMethod::Frequency,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            KeywordMethod::Tfidf => "tfidf",
            KeywordMethod::Textrank => "textrank",
            KeywordMethod::Frequency => "frequency",
        }
    }
}

/// Keywords listed: at least, at most, and by default.
pub const KEYWORD_COUNT_MIN: usize = 5;
pub const KEYWORD_COUNT_MAX: usize = wenxi_core::RANK_DEPTH;
pub const KEYWORD_COUNT_DEFAULT: usize = 50;

/// How the page shows the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Display {
    pub lang: crate::i18n::Lang,
    pub theme: Theme,
    pub keyword_method: KeywordMethod,
    /// Keywords each ranking lists ([`KEYWORD_COUNT_MIN`]..=[`KEYWORD_COUNT_MAX`]).
    pub keyword_count: usize,
}

impl Default for Display {
    fn default() -> Self {
        Display {
            lang: Default::default(),
            theme: Default::default(),
            keyword_method: Default::default(),
            keyword_count: KEYWORD_COUNT_DEFAULT,
        }
    }
}

fn lenient_display<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Display, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    let mut display: Display = serde_json::from_value(value).unwrap_or_default();
    display.keyword_count = display
        .keyword_count
        .clamp(KEYWORD_COUNT_MIN, KEYWORD_COUNT_MAX);
    Ok(display)
}

fn lenient_cloud<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<super::cloud::CloudSettings, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

/// The stored form: the settings under a version number.
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    #[serde(flatten)]
    settings: Settings,
}

/// One change the reader makes.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingsEdit {
    /// Adds words to the dictionary (a word already there takes the new frequency and tag).
    AddWords(Vec<UserWord>),
    RemoveWord(String),
    /// Not a keyword: adds the word to the reader's stop words.
    AddStopword(String),
    RemoveStopword(String),
    /// A built-in stop word the reader wants counted.
    CountAfterAll(String),
    /// Undoes [`SettingsEdit::CountAfterAll`].
    StopCounting(String),
    /// Allows or forbids one group of parts of speech ([`POS_GROUPS`]).
    SetPosGroup {
        group: &'static str,
        on: bool,
    },
    /// Turns the built-in stop-word lists on or off.
    SetBuiltinStopwords(bool),
    SetLang(crate::i18n::Lang),
    SetTheme(Theme),
    SetKeywordMethod(KeywordMethod),
    /// Keywords listed per ranking (clamped to the allowed range).
    SetKeywordCount(usize),
    /// Replaces every setting at once: an imported settings file ([`file::from_file`]), read
    /// whole before it gets here.
    ReplaceAll(Settings),
}

/// Groups of jieba tags the reader picks keywords by. The default groups together are exactly
/// the engine's default candidate tags (checked by a test).
pub struct PosGroup {
    pub key: &'static str,
    pub label: &'static str,
    pub tags: &'static [&'static str],
    pub default: bool,
}

pub const POS_GROUPS: [PosGroup; 7] = [
    PosGroup {
        key: "noun",
        label: "名词",
        tags: &["n", "ng", "nz", "nw", "vn", "an"],
        default: true,
    },
    PosGroup {
        key: "proper",
        label: "专名（人名、地名、机构）",
        tags: &["nr", "nrt", "nrfg", "ns", "nt"],
        default: true,
    },
    PosGroup {
        key: "verb",
        label: "动词",
        tags: &["v"],
        default: true,
    },
    PosGroup {
        key: "english",
        label: "英文",
        tags: &["eng"],
        default: true,
    },
    PosGroup {
        key: "idiom",
        label: "成语、习用语",
        tags: &["i", "l"],
        default: true,
    },
    PosGroup {
        key: "abbreviation",
        label: "简称",
        tags: &["j"],
        default: true,
    },
    PosGroup {
        key: "adjective",
        label: "形容词",
        tags: &["a", "ad"],
        default: false,
    },
];

/// A word as the reader typed it, or why it cannot be one (jieba's format is one word a line,
/// fields separated by spaces, so a word holds no white space).
pub fn clean_word(word: &str) -> Result<String, &'static str> {
    let word = word.trim();
    if word.is_empty() {
        Err("请输入一个词")
    } else if word.chars().any(char::is_whitespace) {
        Err("词里不能有空格")
    } else if word.chars().any(char::is_control) {
        Err("词里不能有控制字符")
    } else {
        Ok(word.to_string())
    }
}

fn add_once(list: &mut Vec<String>, word: &str) {
    if !list.iter().any(|w| w == word) {
        list.push(word.to_string());
    }
}

fn remove(list: &mut Vec<String>, word: &str) {
    list.retain(|w| w != word);
}

impl Settings {
    /// The options one analysis is sent with.
    pub fn options(&self) -> Options {
        Options {
            user_words: self.user_words.clone(),
            extra_stopwords: self.extra_stopwords.clone(),
            removed_stopwords: self.removed_stopwords.clone(),
            keyword_pos: self.keyword_pos.clone(),
            builtin_stopwords: self.builtin_stopwords,
            top_k: self.display.keyword_count,
        }
    }

    /// The tags keywords may have now (the engine's default set when none were chosen).
    pub fn effective_pos(&self) -> Vec<&str> {
        if self.keyword_pos.is_empty() {
            CANDIDATE_POS.to_vec()
        } else {
            self.keyword_pos.iter().map(String::as_str).collect()
        }
    }

    /// True when every tag of `group` may be a keyword.
    pub fn pos_group_on(&self, group: &PosGroup) -> bool {
        let allowed = self.effective_pos();
        group.tags.iter().all(|t| allowed.contains(t))
    }

    /// True when both tell the engine the same (they may differ in cloud choices).
    pub fn same_analysis(&self, other: &Settings) -> bool {
        self.options() == other.options()
    }

    pub fn has_word(&self, word: &str) -> bool {
        self.user_words.iter().any(|w| w.word == word)
    }

    /// Applies one edit; returns whether anything changed (an unchanged setting needs no new
    /// analysis).
    pub fn apply(&mut self, edit: SettingsEdit) -> bool {
        let before = self.clone();
        match edit {
            SettingsEdit::AddWords(words) => {
                // Checked as the engine checks them, so the list shows what it will use.
                for word in words
                    .iter()
                    .filter_map(|w| userdict::check_with(w, fold_width).ok())
                {
                    match self.user_words.iter_mut().find(|w| w.word == word.word) {
                        Some(old) => *old = word,
                        None => self.user_words.push(word),
                    }
                }
            }
            SettingsEdit::RemoveWord(word) => self.user_words.retain(|w| w.word != word),
            SettingsEdit::AddStopword(word) => {
                if let Ok(word) = clean_word(&word) {
                    remove(&mut self.removed_stopwords, &word);
                    add_once(&mut self.extra_stopwords, &word);
                }
            }
            SettingsEdit::RemoveStopword(word) => remove(&mut self.extra_stopwords, &word),
            SettingsEdit::CountAfterAll(word) => {
                if let Ok(word) = clean_word(&word) {
                    remove(&mut self.extra_stopwords, &word);
                    add_once(&mut self.removed_stopwords, &word);
                }
            }
            SettingsEdit::StopCounting(word) => remove(&mut self.removed_stopwords, &word),
            SettingsEdit::SetPosGroup { group, on } => self.set_pos_group(group, on),
            SettingsEdit::SetBuiltinStopwords(on) => self.builtin_stopwords = on,
            SettingsEdit::SetLang(lang) => self.display.lang = lang,
            SettingsEdit::SetTheme(theme) => self.display.theme = theme,
            SettingsEdit::SetKeywordMethod(method) => self.display.keyword_method = method,
            SettingsEdit::SetKeywordCount(n) => {
                self.display.keyword_count = n.clamp(KEYWORD_COUNT_MIN, KEYWORD_COUNT_MAX)
            }
            SettingsEdit::ReplaceAll(settings) => *self = settings,
        }
        *self != before
    }

    fn set_pos_group(&mut self, key: &str, on: bool) {
        let chosen: Vec<&PosGroup> = POS_GROUPS
            .iter()
            .filter(|g| {
                if g.key == key {
                    on
                } else {
                    self.pos_group_on(g)
                }
            })
            .collect();
        // No group at all would mean no keywords: keep the last one.
        if chosen.is_empty() {
            return;
        }
        let is_default = POS_GROUPS
            .iter()
            .all(|g| g.default == chosen.iter().any(|c| c.key == g.key));
        self.keyword_pos = if is_default {
            Vec::new()
        } else {
            chosen
                .iter()
                .flat_map(|g| g.tags.iter().map(|t| t.to_string()))
                .collect()
        };
    }

    /// The stored form: versioned JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Stored {
            version: SETTINGS_VERSION,
            settings: self.clone(),
        })
        .unwrap_or_default()
    }

    /// Reads stored settings. Anything unreadable, of another version, or not settings at all is
    /// an error in words for the reader; unknown fields are ignored and malformed words dropped.
    pub fn from_json(text: &str) -> Result<Settings, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| "保存的设置不是有效的 JSON".to_string())?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(SETTINGS_VERSION) => {}
            Some(v) => {
                return Err(format!(
                    "保存的设置是第 {v} 版，本页面只认第 {SETTINGS_VERSION} 版"
                ))
            }
            None => return Err("保存的设置没有版本号".to_string()),
        }
        let stored: Stored =
            serde_json::from_value(value).map_err(|e| format!("保存的设置格式不对（{e}）"))?;
        Ok(stored.settings.cleaned())
    }

    /// Drops what the page itself would never have stored: blank or spaced words, duplicates.
    fn cleaned(self) -> Settings {
        let mut clean = Settings::default();
        clean.apply(SettingsEdit::AddWords(self.user_words));
        for word in self.removed_stopwords {
            clean.apply(SettingsEdit::CountAfterAll(word));
        }
        for word in self.extra_stopwords {
            clean.apply(SettingsEdit::AddStopword(word));
        }
        let mut pos = Vec::new();
        for tag in self.keyword_pos {
            if !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphabetic()) {
                add_once(&mut pos, &tag);
            }
        }
        clean.keyword_pos = pos;
        clean.cloud = self.cloud.cleaned();
        clean.builtin_stopwords = self.builtin_stopwords;
        clean.display = self.display;
        clean.display.keyword_count = clean
            .display
            .keyword_count
            .clamp(KEYWORD_COUNT_MIN, KEYWORD_COUNT_MAX);
        clean
    }
}

#[cfg(test)]
mod tests;
