//! The settings as a file the reader keeps or moves to another browser, and the strict reading
//! of such a file. Unlike the page's own storage (which drops what it cannot use), an imported
//! file is all or nothing: anything unexpected rejects it with the field and the reason, so a
//! wrong or tampered file never half-replaces the reader's settings.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wenxi_core::normalize::fold_width;
use wenxi_core::userdict::{self, UserWord, MAX_WORDS, MAX_WORD_CHARS};

use super::{clean_word, Display, Settings, SettingsEdit};
use crate::i18n::Lang;
use crate::i18n::Said;
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

const FIELDS: [&str; 9] = [
    "format",
    "version",
    "user_words",
    "extra_stopwords",
    "removed_stopwords",
    "keyword_pos",
    "builtin_stopwords",
    "display",
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
    /// Optional when read (true): files written before it existed have none.
    builtin_stopwords: bool,
    /// Optional when read (the defaults), as is each of its fields.
    display: &'a Display,
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
        builtin_stopwords: settings.builtin_stopwords,
        display: &settings.display,
        cloud: &settings.cloud,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A settings file read whole, or what is wrong with it (the field and the reason, in Chinese).
pub fn from_file(text: &str) -> Result<Settings, String> {
    from_file_in(text, Lang::Zh)
}

/// A settings file read whole, or what is wrong with it in the reader's language.
pub fn from_file_in(text: &str, lang: Lang) -> Result<Settings, String> {
    read(text).map_err(|said| said.get(lang).to_string())
}

/// Both languages of a refusal.
fn no(zh: String, en: String) -> Said {
    Said { zh, en }
}

fn read(text: &str) -> Result<Settings, Said> {
    if text.len() > MAX_FILE_BYTES {
        let (kb, max) = (text.len() / 1024, MAX_FILE_BYTES / 1024);
        return Err(no(
            format!("文件太大（{kb} KB）：设置文件不超过 {max} KB"),
            format!("The file is too large ({kb} KB): a settings file is at most {max} KB"),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let (line, column, (zh, en)) = (e.line(), e.column(), json_problem(&e));
        no(
            format!("不是有效的 JSON（第 {line} 行第 {column} 列：{zh}）"),
            format!("Not valid JSON (line {line}, column {column}: {en})"),
        )
    })?;
    let Value::Object(fields) = value else {
        let (zh, en) = kind(&value);
        return Err(no(
            format!("设置文件应是一个 JSON 对象，这里是{zh}"),
            format!("A settings file is a JSON object; this is {en}"),
        ));
    };
    if let Some(unknown) = fields.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(no(
            format!(
                "{unknown}：不认识的字段（设置文件只有 {}）",
                FIELDS.join("、")
            ),
            format!(
                "{unknown}: unknown field (a settings file has only {})",
                FIELDS.join(", ")
            ),
        ));
    }
    check_header(&fields)?;
    let user_words = user_words(fields.get("user_words"))?;
    let extra = word_list(&fields, "extra_stopwords")?;
    let removed = word_list(&fields, "removed_stopwords")?;
    let removed_set: HashSet<&String> = removed.iter().collect();
    if let Some(both) = extra.iter().find(|w| removed_set.contains(w)) {
        return Err(no(
            format!("extra_stopwords、removed_stopwords：「{both}」不能既是停用词又仍然计入"),
            format!("extra_stopwords, removed_stopwords: “{both}” cannot be both a stop word and counted after all"),
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
    settings.builtin_stopwords = match fields.get("builtin_stopwords") {
        None => true,
        Some(Value::Bool(on)) => *on,
        Some(other) => {
            return Err(wrong_type(
                "builtin_stopwords",
                ("真假值", "true or false"),
                other,
            ))
        }
    };
    settings.display = display::display(fields.get("display"))?;
    settings.cloud = cloud(fields.get("cloud"))?;
    Ok(settings)
}

/// "field: should be X, this is Y".
fn wrong_type(field: &str, (zh, en): (&str, &str), value: &Value) -> Said {
    let (is_zh, is_en) = kind(value);
    no(
        format!("{field}：应是{zh}，这里是{is_zh}"),
        format!("{field}: should be {en}; this is {is_en}"),
    )
}

/// What an import brought, for the notice: "导入了 12 个词、3 个停用词".
pub fn summary(settings: &Settings) -> String {
    summary_in(settings, Lang::Zh)
}

/// What an import brought, in the reader's language.
pub fn summary_in(settings: &Settings, lang: Lang) -> String {
    let mut parts = vec![
        lang.count(settings.user_words.len(), "个词", "word", "words"),
        lang.count(
            settings.extra_stopwords.len(),
            "个停用词",
            "stop word",
            "stop words",
        ),
    ];
    if !settings.removed_stopwords.is_empty() {
        parts.push(lang.count(
            settings.removed_stopwords.len(),
            "个仍计入的停用词",
            "stop word counted after all",
            "stop words counted after all",
        ));
    }
    if !settings.keyword_pos.is_empty() {
        parts.push(
            lang.tr("自定的关键词词性", "chosen parts of speech")
                .to_string(),
        );
    }
    match lang {
        Lang::Zh => format!("导入了 {}", parts.join("、")),
        Lang::En => format!("Imported {}", parts.join(", ")),
    }
}

fn json_problem(e: &serde_json::Error) -> (&'static str, &'static str) {
    match e.classify() {
        serde_json::error::Category::Eof => ("文件在中途结束", "the file ends too soon"),
        serde_json::error::Category::Syntax => ("语法错误", "syntax error"),
        serde_json::error::Category::Data => ("内容不对", "wrong content"),
        serde_json::error::Category::Io => ("读不出来", "unreadable"),
    }
}

/// The JSON type of `value`, in words.
fn kind(value: &Value) -> (&'static str, &'static str) {
    match value {
        Value::Null => (" null", "null"),
        Value::Bool(_) => ("真假值", "true or false"),
        Value::Number(_) => ("数字", "a number"),
        Value::String(_) => ("字符串", "a string"),
        Value::Array(_) => ("数组", "an array"),
        Value::Object(_) => ("对象", "an object"),
    }
}

fn check_header(fields: &Map<String, Value>) -> Result<(), Said> {
    match fields.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            let f = shorten(f);
            return Err(no(
                format!("format：应为「{FORMAT}」，这里是「{f}」（不是文析的设置文件）"),
                format!("format: should be “{FORMAT}”; this is “{f}” (not a wenxi settings file)"),
            ));
        }
        Some(other) => return Err(wrong_type("format", ("字符串", "a string"), other)),
        None => {
            return Err(no(
                format!("format：缺少这个字段（应为「{FORMAT}」）"),
                format!("format: the field is missing (it should be “{FORMAT}”)"),
            ))
        }
    }
    match fields.get("version") {
        Some(Value::Number(v)) if v.as_u64() == Some(VERSION) => Ok(()),
        Some(Value::Number(v)) => Err(no(
            format!("version：本页面只认第 {VERSION} 版，这个文件是第 {v} 版"),
            format!("version: this page reads version {VERSION} only; this file is version {v}"),
        )),
        Some(other) => Err(wrong_type("version", ("数字", "a number"), other)),
        None => Err(no(
            "version：缺少这个字段".to_string(),
            "version: the field is missing".to_string(),
        )),
    }
}

/// The array in `field` (a missing field is an empty list), at most `max` long.
fn array<'a>(field: &str, value: Option<&'a Value>, max: usize) -> Result<&'a [Value], Said> {
    match value {
        None => Ok(&[]),
        Some(Value::Array(items)) if items.len() > max => {
            let n = items.len();
            Err(no(
                format!("{field}：最多 {max} 项，这里有 {n} 项"),
                format!("{field}: at most {max} items; this has {n}"),
            ))
        }
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(wrong_type(field, ("数组", "an array"), other)),
    }
}

fn user_words(value: Option<&Value>) -> Result<Vec<UserWord>, Said> {
    let items = array("user_words", value, MAX_WORDS)?;
    let mut words = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("user_words[{i}]");
        let file_word = FileWord::deserialize(item)
            .map_err(|e| no(format!("{at}：{e}"), format!("{at}: {e}")))?;
        let word = UserWord {
            word: file_word.word,
            freq: file_word.freq,
            tag: file_word.tag,
        };
        // The page's own check (a width fold, no Unicode tables in its wasm); the worker
        // normalises fully when it applies the words.
        let checked = userdict::check_with(&word, fold_width).map_err(|e| {
            let shown = shorten(&word.word);
            no(
                format!("{at}（「{shown}」）：{e}"),
                format!("{at} (“{shown}”): {e}"),
            )
        })?;
        words.push(checked);
    }
    Ok(words)
}

fn word_list(fields: &Map<String, Value>, field: &str) -> Result<Vec<String>, Said> {
    let items = array(field, fields.get(field), MAX_STOPWORDS)?;
    let mut words = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("{field}[{i}]");
        let Value::String(word) = item else {
            return Err(wrong_type(&at, ("字符串", "a string"), item));
        };
        let word = clean_word(word)
            .map_err(|e| no(format!("{at}：{e}"), format!("{at}: {}", clean_word_en(e))))?;
        if word.chars().count() > MAX_WORD_CHARS {
            return Err(no(
                format!("{at}：词太长（最多 {MAX_WORD_CHARS} 个字）"),
                format!("{at}: the word is too long (at most {MAX_WORD_CHARS} characters)"),
            ));
        }
        words.push(word);
    }
    Ok(words)
}

/// `clean_word`'s reasons in English.
pub fn clean_word_en(reason: &str) -> &str {
    match reason {
        "请输入一个词" => "type a word",
        "词里不能有空格" => "a word cannot hold spaces",
        "词里不能有控制字符" => "a word cannot hold control characters",
        other => other,
    }
}

/// The cloud choices (the defaults when the file has none); every option by its own name.
fn cloud(value: Option<&Value>) -> Result<CloudSettings, Said> {
    match value {
        None => Ok(CloudSettings::default()),
        Some(value @ Value::Object(_)) => CloudSettings::deserialize(value)
            .map(CloudSettings::cleaned)
            .map_err(|e| no(format!("cloud：{e}"), format!("cloud: {e}"))),
        Some(other) => Err(wrong_type("cloud", ("对象", "an object"), other)),
    }
}

fn tags(value: Option<&Value>) -> Result<Vec<String>, Said> {
    let items = array("keyword_pos", value, MAX_TAGS)?;
    let mut tags: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("keyword_pos[{i}]");
        let Value::String(tag) = item else {
            return Err(wrong_type(&at, ("字符串", "a string"), item));
        };
        if tag.is_empty()
            || tag.len() > MAX_TAG_CHARS
            || !tag.chars().all(|c| c.is_ascii_alphabetic())
        {
            let tag = shorten(tag);
            return Err(no(
                format!("{at}：「{tag}」不是词性标记（1 到 {MAX_TAG_CHARS} 个英文字母，如 n、nr、v）"),
                format!("{at}: “{tag}” is not a part-of-speech tag (1 to {MAX_TAG_CHARS} Latin letters, such as n, nr, v)"),
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

mod display;

#[cfg(test)]
mod tests;
