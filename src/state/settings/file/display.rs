//! The `display` part of a settings file: the page's language, theme, keyword method and count.
//! Every field is optional (the default), nothing else is allowed, and each value must be one
//! this page knows.

use serde_json::Value;

use super::{no, shorten, wrong_type};
use crate::i18n::Lang;
use crate::i18n::Said;
use crate::state::settings::{Display, KeywordMethod, Theme, KEYWORD_COUNT_MAX, KEYWORD_COUNT_MIN};

/// The fields of `display`.
const DISPLAY_FIELDS: [&str; 4] = ["lang", "theme", "keyword_method", "keyword_count"];

/// The display choices: every field optional (the default), each value one this page knows.
pub(super) fn display(value: Option<&Value>) -> Result<Display, Said> {
    let fields = match value {
        None => return Ok(Display::default()),
        Some(Value::Object(fields)) => fields,
        Some(other) => return Err(wrong_type("display", ("对象", "an object"), other)),
    };
    if let Some(unknown) = fields
        .keys()
        .find(|k| !DISPLAY_FIELDS.contains(&k.as_str()))
    {
        return Err(no(
            format!(
                "display.{unknown}：不认识的字段（只有 {}）",
                DISPLAY_FIELDS.join("、")
            ),
            format!(
                "display.{unknown}: unknown field (there are only {})",
                DISPLAY_FIELDS.join(", ")
            ),
        ));
    }
    let mut display = Display::default();
    if let Some(v) = fields.get("lang") {
        display.lang = one_of("display.lang", v, &Lang::ALL.map(|l| (lang_key(l), l)))?;
    }
    if let Some(v) = fields.get("theme") {
        display.theme = one_of("display.theme", v, &Theme::ALL.map(|t| (t.as_str(), t)))?;
    }
    if let Some(v) = fields.get("keyword_method") {
        display.keyword_method = one_of(
            "display.keyword_method",
            v,
            &KeywordMethod::ALL.map(|m| (m.as_str(), m)),
        )?;
    }
    if let Some(v) = fields.get("keyword_count") {
        let (min, max) = (KEYWORD_COUNT_MIN, KEYWORD_COUNT_MAX);
        display.keyword_count = match v.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(n) if (min..=max).contains(&n) => n,
            Some(_) | None if v.is_number() => {
                return Err(no(
                    format!("display.keyword_count：应是 {min} 到 {max} 之间的整数，这里是 {v}"),
                    format!("display.keyword_count: should be a whole number from {min} to {max}; this is {v}"),
                ))
            }
            _ => return Err(wrong_type("display.keyword_count", ("数字", "a number"), v)),
        };
    }
    Ok(display)
}

/// The key a language is written as (its serde name).
fn lang_key(lang: Lang) -> &'static str {
    lang.tr("zh", "en")
}

/// The choice `value` names among `choices` (key, value), or what is wrong.
fn one_of<T: Copy>(field: &str, value: &Value, choices: &[(&str, T)]) -> Result<T, Said> {
    let keys: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
    let Value::String(given) = value else {
        return Err(wrong_type(field, ("字符串", "a string"), value));
    };
    choices
        .iter()
        .find(|(k, _)| k == given)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let given = shorten(given);
            no(
                format!("{field}：应为 {} 之一，这里是「{given}」", keys.join("、")),
                format!(
                    "{field}: should be one of {}; this is “{given}”",
                    keys.join(", ")
                ),
            )
        })
}
