//! The settings file: what is written reads back the same, and every kind of wrong file is
//! refused with its field named.

use super::*;
use crate::state::settings::{KeywordMethod, Theme, KEYWORD_COUNT_DEFAULT};

fn word(w: &str, freq: Option<usize>, tag: Option<&str>) -> UserWord {
    UserWord {
        word: w.into(),
        freq,
        tag: tag.map(str::to_string),
    }
}

fn some_settings() -> Settings {
    let mut s = Settings::default();
    s.apply(SettingsEdit::AddWords(vec![
        word("智慧水务", None, None),
        word("陈明远", Some(500), Some("nr")),
    ]));
    s.apply(SettingsEdit::AddStopword("记者".into()));
    s.apply(SettingsEdit::CountAfterAll("发展".into()));
    s.apply(SettingsEdit::SetPosGroup {
        group: "adjective",
        on: true,
    });
    s
}

/// The exported file of `some_settings` as JSON, to edit into a wrong one.
fn exported() -> Map<String, Value> {
    match serde_json::from_str(&to_file(&some_settings())) {
        Ok(Value::Object(map)) => map,
        other => panic!("not an object: {other:?}"),
    }
}

fn with(field: &str, value: Value) -> String {
    let mut map = exported();
    map.insert(field.into(), value);
    Value::Object(map).to_string()
}

fn rejected(text: &str) -> String {
    match from_file(text) {
        Err(message) => message,
        Ok(s) => panic!("accepted {text:?} as {s:?}"),
    }
}

#[test]
fn an_exported_file_reads_back_as_the_same_settings() {
    let settings = some_settings();
    assert!(!settings.keyword_pos.is_empty() && settings.user_words.len() == 2);
    let text = to_file(&settings);
    assert_eq!(from_file(&text), Ok(settings.clone()));
    // With a byte-order mark, as some editors save it.
    assert_eq!(from_file(&format!("\u{feff}{text}")), Ok(settings));
    assert_eq!(
        from_file(&to_file(&Settings::default())),
        Ok(Settings::default())
    );
}

#[test]
fn missing_lists_are_empty() {
    let text = r#"{"format":"wenxi-settings","version":1,"extra_stopwords":["记者"]}"#;
    let s = from_file(text).expect("a valid file");
    assert_eq!(s.extra_stopwords, ["记者"]);
    assert!(s.user_words.is_empty() && s.keyword_pos.is_empty());
}

#[test]
fn an_unexpected_field_is_named() {
    let message = rejected(&with("theme", Value::from("dark")));
    assert!(message.starts_with("theme："), "{message}");
    let mut map = exported();
    map.insert(
        "user_words".into(),
        serde_json::json!([{"word": "词", "colour": "red"}]),
    );
    let message = rejected(&Value::Object(map).to_string());
    assert!(message.starts_with("user_words[0]："), "{message}");
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn wrong_types_are_named_with_their_place() {
    for (field, value, place) in [
        ("user_words", serde_json::json!("词"), "user_words："),
        (
            "user_words",
            serde_json::json!([{"word": 3}]),
            "user_words[0]：",
        ),
        (
            "user_words",
            serde_json::json!([{"word": "a"}, {"word": "b", "freq": "高"}]),
            "user_words[1]：",
        ),
        (
            "extra_stopwords",
            serde_json::json!(["a", 1]),
            "extra_stopwords[1]：",
        ),
        (
            "removed_stopwords",
            serde_json::json!({}),
            "removed_stopwords：",
        ),
        ("keyword_pos", serde_json::json!([null]), "keyword_pos[0]："),
        ("version", serde_json::json!("1"), "version："),
        ("format", serde_json::json!(1), "format："),
    ] {
        let message = rejected(&with(field, value));
        assert!(message.starts_with(place), "{place}: {message}");
    }
}

#[test]
fn another_format_or_version_is_refused() {
    let message = rejected(&with("format", Value::from("other-app")));
    assert!(message.contains("other-app"), "{message}");
    let message = rejected(&with("version", Value::from(2)));
    assert!(
        message.starts_with("version：") && message.contains('2'),
        "{message}"
    );
    let mut map = exported();
    map.remove("format");
    assert!(rejected(&Value::Object(map).to_string()).starts_with("format："));
}

#[test]
fn words_the_dictionary_would_refuse_are_refused() {
    for (value, place) in [
        (serde_json::json!([{"word": "两个 词"}]), "user_words[0]"),
        (serde_json::json!([{"word": "#注释"}]), "user_words[0]"),
        (
            serde_json::json!([{"word": "好"}, {"word": "词", "freq": 1_000_000_000u64}]),
            "user_words[1]",
        ),
        (
            serde_json::json!([{"word": "词", "tag": "n n"}]),
            "user_words[0]",
        ),
        (
            serde_json::json!([{"word": "词", "freq": -1}]),
            "user_words[0]",
        ),
    ] {
        let message = rejected(&with("user_words", value));
        assert!(message.starts_with(place), "{place}: {message}");
    }
    for value in ["", "有 空格", "\u{7}"] {
        let message = rejected(&with("extra_stopwords", serde_json::json!([value])));
        assert!(message.starts_with("extra_stopwords[0]"), "{message}");
    }
    let long = "长".repeat(MAX_WORD_CHARS + 1);
    assert!(
        rejected(&with("removed_stopwords", serde_json::json!([long])))
            .starts_with("removed_stopwords[0]")
    );
    for tag in ["", "n1", "名词", "abcdefghi"] {
        let message = rejected(&with("keyword_pos", serde_json::json!([tag])));
        assert!(message.starts_with("keyword_pos[0]"), "{message}");
    }
}

#[test]
fn a_word_both_stopped_and_counted_is_refused() {
    let mut map = exported();
    map.insert("extra_stopwords".into(), serde_json::json!(["发展"]));
    map.insert("removed_stopwords".into(), serde_json::json!(["发展"]));
    assert!(rejected(&Value::Object(map).to_string()).contains("发展"));
}

#[test]
fn absurd_sizes_are_refused() {
    let words: Vec<String> = (0..=MAX_STOPWORDS).map(|i| format!("w{i}")).collect();
    let message = rejected(&with("extra_stopwords", serde_json::json!(words)));
    assert!(message.starts_with("extra_stopwords："), "{message}");
    let tags = vec!["n"; MAX_TAGS + 1];
    assert!(rejected(&with("keyword_pos", serde_json::json!(tags))).starts_with("keyword_pos："));
    let huge = format!("{{\"format\":\"{}\"}}", "x".repeat(MAX_FILE_BYTES));
    assert!(rejected(&huge).contains("太大"));
}

#[test]
fn what_is_not_json_or_not_an_object_says_so() {
    let message = rejected("{\"format\": \"wenxi-settings\",\n  oops}");
    assert!(message.contains("第 2 行"), "{message}");
    assert!(rejected("\u{0}\u{1}PK\u{3}\u{4}").contains("不是有效的 JSON"));
    assert!(rejected("[1, 2]").contains("数组"));
    assert!(rejected("").contains("JSON"));
}

#[test]
fn the_summary_counts_what_came_in() {
    let summary = summary(&some_settings());
    assert!(
        summary.starts_with("导入了 2 个词、1 个停用词"),
        "{summary}"
    );
}

#[test]
fn replacing_all_settings_is_one_edit() {
    let mut s = Settings::default();
    let imported = some_settings();
    assert!(s.apply(SettingsEdit::ReplaceAll(imported.clone())));
    assert_eq!(s, imported);
    assert!(
        !s.apply(SettingsEdit::ReplaceAll(imported)),
        "the same settings change nothing"
    );
}

#[test]
fn display_choices_and_built_in_stop_words_are_written_and_read_back() {
    let mut s = some_settings();
    s.apply(SettingsEdit::SetLang(Lang::En));
    s.apply(SettingsEdit::SetTheme(Theme::Dark));
    s.apply(SettingsEdit::SetKeywordMethod(KeywordMethod::Textrank));
    s.apply(SettingsEdit::SetKeywordCount(120));
    s.apply(SettingsEdit::SetBuiltinStopwords(false));
    let text = to_file(&s);
    assert!(text.contains("\"builtin_stopwords\": false"), "{text}");
    assert!(text.contains("\"lang\": \"en\"") && text.contains("\"theme\": \"dark\""));
    assert!(text.contains("\"keyword_method\": \"textrank\"") && text.contains("120"));
    assert_eq!(from_file(&text), Ok(s));
}

#[test]
fn a_file_written_before_display_choices_loads_with_the_defaults() {
    let mut map = exported();
    map.remove("display");
    map.remove("builtin_stopwords");
    let s = from_file(&Value::Object(map).to_string()).expect("an older file");
    assert_eq!(s.display, Display::default());
    assert!(s.builtin_stopwords);
    // And each display field alone is optional.
    let s = from_file(&with("display", serde_json::json!({"theme": "light"}))).expect("partial");
    assert_eq!(s.display.theme, Theme::Light);
    assert_eq!(s.display.lang, Lang::Zh);
    assert_eq!(s.display.keyword_count, KEYWORD_COUNT_DEFAULT);
}

#[test]
fn wrong_display_values_are_refused_naming_the_field() {
    use serde_json::json;
    let cases = [
        (with("display", json!({"lang": "fr"})), "display.lang"),
        (with("display", json!({"theme": "sepia"})), "display.theme"),
        (with("display", json!({"theme": 1})), "display.theme"),
        (
            with("display", json!({"keyword_method": "bm25"})),
            "display.keyword_method",
        ),
        (
            with("display", json!({"keyword_count": 4})),
            "display.keyword_count",
        ),
        (
            with("display", json!({"keyword_count": 301})),
            "display.keyword_count",
        ),
        (
            with("display", json!({"keyword_count": 7.5})),
            "display.keyword_count",
        ),
        (
            with("display", json!({"keyword_count": "50"})),
            "display.keyword_count",
        ),
        (with("display", json!({"colour": "red"})), "display.colour"),
        (with("display", json!(["en"])), "display"),
        (with("builtin_stopwords", json!("no")), "builtin_stopwords"),
    ];
    for (text, field) in cases {
        let zh = rejected(&text);
        assert!(zh.starts_with(&format!("{field}：")), "{field}: {zh}");
        let en = from_file_in(&text, Lang::En).expect_err("refused in English too");
        assert!(en.starts_with(&format!("{field}: ")), "{field}: {en}");
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "Chinese in the English refusal: {en}"
        );
    }
}

#[test]
fn refusals_and_the_summary_read_in_english() {
    let en = from_file_in("[1]", Lang::En).expect_err("not an object");
    assert_eq!(en, "A settings file is a JSON object; this is an array");
    let en = from_file_in(&with("format", Value::from("other")), Lang::En).expect_err("format");
    assert!(en.starts_with("format: should be “wenxi-settings”"), "{en}");
    let en = from_file_in(&with("extra_stopwords", Value::from("记者")), Lang::En)
        .expect_err("not a list");
    assert_eq!(en, "extra_stopwords: should be an array; this is a string");
    assert_eq!(
        summary_in(&some_settings(), Lang::En),
        "Imported 2 words, 1 stop word, 1 stop word counted after all, chosen parts of speech"
    );
}
