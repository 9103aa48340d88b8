//! The settings as a file the reader keeps or moves to another browser, and the strict reading
//! of such a file. Unlike the page's own storage (which drops what it cannot use), an imported
//! file is all or nothing: anything unexpected rejects it with the field and the reason, so a
//! wrong or tampered file never half-replaces the reader's settings.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wenxi_core::normalize::fold_width;
use wenxi_core::userdict::{self, UserWord, MAX_WORDS, MAX_WORD_CHARS};

use super::{clean_word, Settings, SettingsEdit};
use crate::state::cloud::CloudSettings;

/// What the `format` field must say.
pub const FORMAT: &str = "wenxi-settings";
/// The version this page writes and reads.
pub const VERSION: u64 = 1;
/// A settings file of MAX_WORDS long words with tags stays well under this; anything bigger is
/// not a settings file, and is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Stop-word lists hold at most as many words as the dictionary.
pub const MAX_STOPWORDS: usize = MAX_WORDS;
/// jieba's tag set has about 60 tags.
pub const MAX_TAGS: usize = 100;
/// A tag is 1 to this many ASCII letters, as the dictionary's tags are.
const MAX_TAG_CHARS: usize = 8;

const FIELDS: [&str; 7] = [
    "format",
    "version",
    "user_words",
    "extra_stopwords",
    "removed_stopwords",
    "keyword_pos",
    "cloud",
];

/// The file as written: every field named, in a fixed order.
#[derive(Serialize)]
struct SettingsFile<'a> {
    format: &'static str,
    version: u64,
    user_words: &'a [UserWord],
    extra_stopwords: &'a [String],
    removed_stopwords: &'a [String],
    keyword_pos: &'a [String],
    /// Optional when read: files written before the cloud had choices have none.
    cloud: &'a CloudSettings,
}

/// One word of `user_words` as the file may give it: nothing else is allowed in it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileWord {
    word: String,
    #[serde(default)]
    freq: Option<usize>,
    #[serde(default)]
    tag: Option<String>,
}

/// The settings as the file's text (pretty JSON).
pub fn to_file(settings: &Settings) -> String {
    let file = SettingsFile {
        format: FORMAT,
        version: VERSION,
        user_words: &settings.user_words,
        extra_stopwords: &settings.extra_stopwords,
        removed_stopwords: &settings.removed_stopwords,
        keyword_pos: &settings.keyword_pos,
        cloud: &settings.cloud,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A settings file read whole, or what is wrong with it (the field and the reason, in Chinese).
pub fn from_file(text: &str) -> Result<Settings, String> {
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "文件太大（{} KB）：设置文件不超过 {} KB",
            text.len() / 1024,
            MAX_FILE_BYTES / 1024
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "不是有效的 JSON（第 {} 行第 {} 列：{}）",
            e.line(),
            e.column(),
            json_problem(&e)
        )
    })?;
    let Value::Object(fields) = value else {
        return Err(format!(
            "设置文件应是一个 JSON 对象，这里是{}",
            kind(&value)
        ));
    };
    if let Some(unknown) = fields.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(format!(
            "{unknown}：不认识的字段（设置文件只有 {}）",
            FIELDS.join("、")
        ));
    }
    check_header(&fields)?;
    let user_words = user_words(fields.get("user_words"))?;
    let extra = word_list(&fields, "extra_stopwords")?;
    let removed = word_list(&fields, "removed_stopwords")?;
    let removed_set: HashSet<&String> = removed.iter().collect();
    if let Some(both) = extra.iter().find(|w| removed_set.contains(w)) {
        return Err(format!(
            "extra_stopwords、removed_stopwords：「{both}」不能既是停用词又仍然计入"
        ));
    }
    let keyword_pos = tags(fields.get("keyword_pos"))?;

    let mut settings = Settings::default();
    settings.apply(SettingsEdit::AddWords(user_words));
    for word in removed {
        settings.apply(SettingsEdit::CountAfterAll(word));
    }
    for word in extra {
        settings.apply(SettingsEdit::AddStopword(word));
    }
    settings.keyword_pos = keyword_pos;
    settings.cloud = cloud(fields.get("cloud"))?;
    Ok(settings)
}

/// What an import brought, for the notice: "导入了 12 个词、3 个停用词".
pub fn summary(settings: &Settings) -> String {
    let mut parts = vec![
        format!("{} 个词", settings.user_words.len()),
        format!("{} 个停用词", settings.extra_stopwords.len()),
    ];
    if !settings.removed_stopwords.is_empty() {
        parts.push(format!(
            "{} 个仍计入的停用词",
            settings.removed_stopwords.len()
        ));
    }
    if !settings.keyword_pos.is_empty() {
        parts.push("自定的关键词词性".to_string());
    }
    format!("导入了 {}", parts.join("、"))
}

fn json_problem(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "文件在中途结束",
        serde_json::error::Category::Syntax => "语法错误",
        serde_json::error::Category::Data => "内容不对",
        serde_json::error::Category::Io => "读不出来",
    }
}

/// The JSON type of `value`, in words.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => " null",
        Value::Bool(_) => "真假值",
        Value::Number(_) => "数字",
        Value::String(_) => "字符串",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

fn check_header(fields: &Map<String, Value>) -> Result<(), String> {
    match fields.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(format!(
                "format：应为「{FORMAT}」，这里是「{}」（不是文析的设置文件）",
                shorten(f)
            ))
        }
        Some(other) => return Err(format!("format：应是字符串，这里是{}", kind(other))),
        None => return Err(format!("format：缺少这个字段（应为「{FORMAT}」）")),
    }
    match fields.get("version") {
        Some(Value::Number(v)) if v.as_u64() == Some(VERSION) => Ok(()),
        Some(Value::Number(v)) => Err(format!(
            "version：本页面只认第 {VERSION} 版，这个文件是第 {v} 版"
        )),
        Some(other) => Err(format!("version：应是数字，这里是{}", kind(other))),
        None => Err("version：缺少这个字段".to_string()),
    }
}

/// The array in `field` (a missing field is an empty list), at most `max` long.
fn array<'a>(field: &str, value: Option<&'a Value>, max: usize) -> Result<&'a [Value], String> {
    match value {
        None => Ok(&[]),
        Some(Value::Array(items)) if items.len() > max => {
            Err(format!("{field}：最多 {max} 项，这里有 {} 项", items.len()))
        }
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(format!("{field}：应是数组，这里是{}", kind(other))),
    }
}

fn user_words(value: Option<&Value>) -> Result<Vec<UserWord>, String> {
    let items = array("user_words", value, MAX_WORDS)?;
    let mut words = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("user_words[{i}]");
        let file_word = FileWord::deserialize(item).map_err(|e| format!("{at}：{e}"))?;
        let word = UserWord {
            word: file_word.word,
            freq: file_word.freq,
            tag: file_word.tag,
        };
        // The page's own check (a width fold, no Unicode tables in its wasm); the worker
        // normalises fully when it applies the words.
        let checked = userdict::check_with(&word, fold_width)
            .map_err(|e| format!("{at}（「{}」）：{e}", shorten(&word.word)))?;
        words.push(checked);
    }
    Ok(words)
}

fn word_list(fields: &Map<String, Value>, field: &str) -> Result<Vec<String>, String> {
    let items = array(field, fields.get(field), MAX_STOPWORDS)?;
    let mut words = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Value::String(word) = item else {
            return Err(format!("{field}[{i}]：应是字符串，这里是{}", kind(item)));
        };
        let word = clean_word(word).map_err(|e| format!("{field}[{i}]：{e}"))?;
        if word.chars().count() > MAX_WORD_CHARS {
            return Err(format!(
                "{field}[{i}]：词太长（最多 {MAX_WORD_CHARS} 个字）"
            ));
        }
        words.push(word);
    }
    Ok(words)
}

/// The cloud choices (the defaults when the file has none); every option by its own name.
fn cloud(value: Option<&Value>) -> Result<CloudSettings, String> {
    match value {
        None => Ok(CloudSettings::default()),
        Some(value @ Value::Object(_)) => CloudSettings::deserialize(value)
            .map(CloudSettings::cleaned)
            .map_err(|e| format!("cloud：{e}")),
        Some(other) => Err(format!("cloud：应是对象，这里是{}", kind(other))),
    }
}

fn tags(value: Option<&Value>) -> Result<Vec<String>, String> {
    let items = array("keyword_pos", value, MAX_TAGS)?;
    let mut tags: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("keyword_pos[{i}]");
        let Value::String(tag) = item else {
            return Err(format!("{at}：应是字符串，这里是{}", kind(item)));
        };
        if tag.is_empty()
            || tag.len() > MAX_TAG_CHARS
            || !tag.chars().all(|c| c.is_ascii_alphabetic())
        {
            return Err(format!(
                "{at}：「{}」不是词性标记（1 到 {MAX_TAG_CHARS} 个英文字母，如 n、nr、v）",
                shorten(tag)
            ));
        }
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    Ok(tags)
}

/// A value quoted in a message, cut short so a pasted essay does not fill the notice.
fn shorten(text: &str) -> String {
    const SHOWN: usize = 20;
    if text.chars().count() <= SHOWN {
        text.to_string()
    } else {
        text.chars().take(SHOWN).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests;
