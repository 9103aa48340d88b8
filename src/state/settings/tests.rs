//! The settings' rules: edits, parts-of-speech groups, the stored form.

use super::*;

fn word(w: &str) -> UserWord {
    UserWord {
        word: w.into(),
        freq: None,
        tag: None,
    }
}

#[test]
fn the_default_groups_are_the_engines_default_tags() {
    let mut tags: Vec<&str> = POS_GROUPS
        .iter()
        .filter(|g| g.default)
        .flat_map(|g| g.tags.iter().copied())
        .collect();
    tags.sort_unstable();
    let mut engine = CANDIDATE_POS.to_vec();
    engine.sort_unstable();
    assert_eq!(tags, engine);
    let s = Settings::default();
    for g in &POS_GROUPS {
        assert_eq!(s.pos_group_on(g), g.default, "{}", g.key);
    }
}

#[test]
fn pos_groups_turn_on_and_off_and_the_default_is_sent_as_empty() {
    let mut s = Settings::default();
    assert!(s.apply(SettingsEdit::SetPosGroup {
        group: "verb",
        on: false
    }));
    assert!(!s.keyword_pos.is_empty());
    assert!(!s.keyword_pos.contains(&"v".to_string()));
    assert!(s.keyword_pos.contains(&"nr".to_string()));
    assert!(s.apply(SettingsEdit::SetPosGroup {
        group: "adjective",
        on: true
    }));
    assert!(s.keyword_pos.contains(&"a".to_string()));
    s.apply(SettingsEdit::SetPosGroup {
        group: "adjective",
        on: false,
    });
    s.apply(SettingsEdit::SetPosGroup {
        group: "verb",
        on: true,
    });
    assert_eq!(s.keyword_pos, Vec::<String>::new(), "back to the default");
}

#[test]
fn the_last_group_cannot_be_turned_off() {
    let mut s = Settings::default();
    for g in POS_GROUPS.iter().filter(|g| g.key != "english") {
        s.apply(SettingsEdit::SetPosGroup {
            group: g.key,
            on: false,
        });
    }
    assert_eq!(s.keyword_pos, vec!["eng".to_string()]);
    assert!(!s.apply(SettingsEdit::SetPosGroup {
        group: "english",
        on: false
    }));
    assert_eq!(s.options().keyword_pos, vec!["eng".to_string()]);
}

#[test]
fn a_word_is_either_a_stop_word_or_counted_after_all() {
    let mut s = Settings::default();
    assert!(s.apply(SettingsEdit::AddStopword(" 工作 ".into())));
    assert!(!s.apply(SettingsEdit::AddStopword("工作".into())), "once");
    assert_eq!(s.extra_stopwords, ["工作"]);
    assert!(s.apply(SettingsEdit::CountAfterAll("工作".into())));
    assert!(s.extra_stopwords.is_empty());
    assert_eq!(s.removed_stopwords, ["工作"]);
    assert!(!s.apply(SettingsEdit::AddStopword("两 个".into())));
    assert!(s.apply(SettingsEdit::StopCounting("工作".into())));
    assert_eq!(s, Settings::default());
}

#[test]
fn dictionary_words_are_added_once_and_take_the_newest_entry() {
    let mut s = Settings::default();
    s.apply(SettingsEdit::AddWords(vec![
        word("营商环境"),
        word("  "),
        word("河长制"),
    ]));
    let again = UserWord {
        freq: Some(300),
        tag: Some("nz".into()),
        ..word("营商环境")
    };
    s.apply(SettingsEdit::AddWords(vec![again.clone()]));
    assert_eq!(s.user_words, vec![again, word("河长制")]);
    assert!(s.apply(SettingsEdit::RemoveWord("河长制".into())));
    assert!(!s.has_word("河长制"));
    assert_eq!(s.options().user_words.len(), 1);
}

#[test]
fn stored_settings_survive_the_round_trip() {
    let mut s = Settings::default();
    s.apply(SettingsEdit::AddWords(vec![UserWord {
        freq: Some(12),
        tag: Some("ns".into()),
        ..word("青禾湾")
    }]));
    s.apply(SettingsEdit::AddStopword("记者".into()));
    s.apply(SettingsEdit::CountAfterAll("发展".into()));
    s.apply(SettingsEdit::SetPosGroup {
        group: "idiom",
        on: false,
    });
    assert_eq!(Settings::from_json(&s.to_json()), Ok(s));
}

#[test]
fn unreadable_or_foreign_settings_are_refused_with_a_reason() {
    for bad in [
        "",
        "{",
        "null",
        "[]",
        r#"{"user_words":[]}"#,
        r#"{"version":2,"user_words":[]}"#,
        r#"{"version":1,"user_words":"营商环境"}"#,
        r#"{"version":1,"user_words":[{"freq":3}]}"#,
    ] {
        let reason = Settings::from_json(bad).expect_err(bad);
        assert!(reason.contains("设置"), "{bad}: {reason}");
    }
}

#[test]
fn unknown_fields_and_malformed_words_are_dropped() {
    let text = r#"{"version":1,"theme":"dark","user_words":[{"word":"a b"},{"word":"河长制"}],
        "extra_stopwords":["", "记者", "记者"],"keyword_pos":["n","<b>"]}"#;
    let s = Settings::from_json(text).expect("readable");
    assert_eq!(s.user_words, vec![word("河长制")]);
    assert_eq!(s.extra_stopwords, ["记者"]);
    assert_eq!(s.keyword_pos, ["n"]);
}

#[test]
fn display_choices_and_built_in_stop_words_survive_storage() {
    let mut s = Settings::default();
    s.apply(SettingsEdit::SetLang(crate::i18n::Lang::En));
    s.apply(SettingsEdit::SetTheme(Theme::Dark));
    s.apply(SettingsEdit::SetKeywordMethod(KeywordMethod::Frequency));
    s.apply(SettingsEdit::SetKeywordCount(80));
    s.apply(SettingsEdit::SetBuiltinStopwords(false));
    assert_eq!(Settings::from_json(&s.to_json()), Ok(s));
}

#[test]
fn stored_display_choices_this_page_cannot_read_fall_back_to_the_defaults() {
    let text = r#"{"version":1,"display":{"lang":"fr","theme":"dark"},"extra_stopwords":["记者"]}"#;
    let s = Settings::from_json(text).expect("readable");
    assert_eq!(s.display, Display::default());
    assert_eq!(s.extra_stopwords, ["记者"]);
    let text = r#"{"version":1,"display":{"keyword_count":100000}}"#;
    let s = Settings::from_json(text).expect("readable");
    assert_eq!(s.display.keyword_count, KEYWORD_COUNT_MAX);
}
