//! The cloud slot's rules, without a browser.

use std::rc::Rc;

use wenxi_core::cloud::{CloudOptions, Orientation, Shape, ShapeMask};
use wenxi_core::{Cloud, CloudWord, StageTimes};

use super::*;
use crate::protocol::Request;
use crate::state::settings::{Settings, SettingsEdit};
use crate::state::tests_support::{ready, reduce};
use crate::state::{Action, AppState};

/// A state whose analysis `1` of a short text has just come back.
fn reported() -> AppState {
    let state = reduce(ready("一段文字。"), Action::Analyse { now_ms: 0.0 });
    reduce(
        state,
        Action::Report {
            id: 1,
            report: Box::default(),
            engine_ms: 1.0,
            stages: StageTimes::default(),
            memory_bytes: 0,
            now_ms: 1.0,
        },
    )
}

/// The cloud request waiting to go out: its id, options and whether it has a mask.
fn cloud_request(state: &AppState) -> Option<(u64, CloudOptions, String, bool)> {
    match state.cloud.outgoing.as_deref() {
        Some(Request::Cloud {
            id,
            options,
            font,
            mask,
            ..
        }) => Some((*id, options.clone(), font.clone(), mask.is_some())),
        _ => None,
    }
}

/// `state` analysed once more, then given `text` and that analysed too (from time `t` on).
fn analysed_again(state: AppState, text: &str, t: f64) -> AppState {
    let state = reduce(state, Action::Analyse { now_ms: t });
    let state = reduce(
        reduce(state, Action::Edit(text.into())),
        Action::Analyse { now_ms: t + 1.0 },
    );
    let analysis = state.in_flight.expect("an analysis in flight");
    reduce(
        state,
        Action::Report {
            id: analysis,
            report: Box::default(),
            engine_ms: 1.0,
            stages: StageTimes::default(),
            memory_bytes: 0,
            now_ms: t + 2.0,
        },
    )
}

fn a_cloud(term: &str) -> Box<Cloud> {
    Box::new(Cloud {
        width: 800.0,
        height: 500.0,
        words: vec![CloudWord {
            term: term.into(),
            ..CloudWord::default()
        }],
        ..Cloud::default()
    })
}

fn choose(state: AppState, change: impl FnOnce(&mut CloudSettings)) -> AppState {
    let mut chosen = state.settings.cloud.clone();
    change(&mut chosen);
    reduce(state, Action::EditCloud(CloudEdit::Choose(chosen)))
}

#[test]
fn each_report_asks_for_a_cloud_in_the_readers_choices() {
    let state = ready("一段文字。");
    assert_eq!(cloud_request(&state), None, "nothing before a report");
    let state = choose(state, |c| c.options.max_words = 120);
    assert_eq!(cloud_request(&state), None, "no analysis in the worker yet");
    let state = reported();
    let (id, options, _, mask) = cloud_request(&state).expect("a request");
    assert_eq!(options, state.settings.cloud.options);
    assert!(!mask);
    // Another report: another request, with a new id.
    let state = analysed_again(state, "另一段文字。", 2.0);
    assert!(cloud_request(&state).is_some_and(|(next, ..)| next > id));
}

#[test]
fn the_newest_answer_is_shown_and_older_ones_ignored() {
    let state = reported();
    let (first, ..) = cloud_request(&state).expect("a request");
    let state = choose(state, |c| c.options.shape = Shape::Star);
    let (second, options, ..) = cloud_request(&state).expect("a second request");
    assert!(second > first);
    assert_eq!(options.shape, Shape::Star);
    let state = reduce(
        state,
        Action::Cloud {
            id: first,
            cloud: a_cloud("旧"),
            layout_ms: 5.0,
        },
    );
    assert_eq!(state.cloud.cloud, None, "a stale answer is ignored");
    let state = reduce(
        state,
        Action::Cloud {
            id: second,
            cloud: a_cloud("新"),
            layout_ms: 7.5,
        },
    );
    let shown = state.cloud.cloud.as_deref().expect("the newest cloud");
    assert_eq!(shown.words[0].term, "新");
    assert_eq!(state.cloud.layout_ms, Some(7.5));
}

#[test]
fn a_new_report_shows_its_own_cloud_until_the_precise_one_arrives() {
    let state = reported();
    let (id, ..) = cloud_request(&state).expect("a request");
    let state = reduce(
        state,
        Action::Cloud {
            id,
            cloud: a_cloud("词"),
            layout_ms: 1.0,
        },
    );
    assert!(state.cloud.cloud.is_some());
    let state = analysed_again(state, "换一段。", 5.0);
    assert_eq!(state.cloud.cloud, None);
}

#[test]
fn colours_redraw_but_layout_choices_ask_again() {
    let state = reported();
    let (id, ..) = cloud_request(&state).expect("a request");
    let state = choose(state, |c| {
        c.palette = Palette::ColorBlind;
        c.background = Background::Dark;
    });
    assert_eq!(
        cloud_request(&state).map(|r| r.0),
        Some(id),
        "no new request"
    );
    assert_eq!(state.settings.cloud.palette, Palette::ColorBlind);
    let mut last = id;
    let mut state = state;
    for change in [
        (|c: &mut CloudSettings| c.options.orientation = Orientation::Vertical)
            as fn(&mut CloudSettings),
        |c| c.options.seed += 1,
        |c| c.font = "Noto Serif CJK SC".into(),
        |c| c.options.max_words = 200,
    ] {
        state = choose(state, change);
        let (next, ..) = cloud_request(&state).expect("a request");
        assert!(next > last);
        last = next;
    }
    // Choosing what is already chosen changes nothing.
    let same = choose(state.clone(), |_| {});
    assert_eq!(same, state);
}

#[test]
fn a_mask_is_sent_with_the_mask_shape_and_dropped_with_it() {
    let state = reported();
    let mask = Rc::new(ShapeMask::from_fn(800, 500, |x, y| x < 400 && y < 250));
    let state = reduce(
        state,
        Action::EditCloud(CloudEdit::Mask(Some(mask.clone()))),
    );
    assert_eq!(state.settings.cloud.options.shape, Shape::Mask);
    let (_, _, _, has_mask) = cloud_request(&state).expect("a request");
    assert!(has_mask);
    let state = choose(state, |c| c.options.shape = Shape::Ellipse);
    assert_eq!(cloud_request(&state).map(|r| r.3), Some(false));
    let state = reduce(state, Action::EditCloud(CloudEdit::Mask(None)));
    assert_eq!(state.cloud.mask, None);
    assert_eq!(state.settings.cloud.options.shape, Shape::default());
}

#[test]
fn a_replaced_worker_is_not_asked_and_its_answers_are_ignored() {
    let state = reported();
    let (id, ..) = cloud_request(&state).expect("a request");
    let state = reduce(
        state,
        Action::Failed {
            problem: crate::state::Problem::new("崩溃", "test"),
            crashed: true,
        },
    );
    assert_eq!(cloud_request(&state), None);
    let state = reduce(
        state,
        Action::Cloud {
            id,
            cloud: a_cloud("词"),
            layout_ms: 1.0,
        },
    );
    assert_eq!(state.cloud.cloud, None);
    let state = choose(state, |c| c.options.seed = 9);
    assert_eq!(
        cloud_request(&state),
        None,
        "the new worker has no keywords"
    );
    assert_eq!(state.settings.cloud.options.seed, 9, "the choice is kept");
}

#[test]
fn cloud_choices_do_not_reanalyse_but_dictionary_edits_do() {
    let state = reported();
    let state = choose(state, |c| c.options.shape = Shape::Cardioid);
    assert_eq!(state.in_flight, None, "a cloud choice is no new analysis");
    // Another tab's cloud choice: laid out again here, not analysed again.
    let mut theirs = (*state.settings).clone();
    theirs.cloud.options.shape = Shape::Star;
    let before = cloud_request(&state).map(|r| r.0);
    let state = reduce(
        state,
        Action::SettingsSavedElsewhere {
            settings: Rc::new(theirs),
            now_ms: 9.0,
        },
    );
    assert_eq!(state.in_flight, None);
    assert!(cloud_request(&state).map(|r| r.0) > before);
    let state = reduce(
        state,
        Action::EditSettings {
            edit: SettingsEdit::AddStopword("文字".into()),
            now_ms: 10.0,
        },
    );
    assert!(state.in_flight.is_some());
}

#[test]
fn cloud_choices_survive_storage_and_the_settings_file() {
    let mut settings = Settings::default();
    settings.cloud.options.shape = Shape::Star;
    settings.cloud.options.max_words = 150;
    settings.cloud.font = "Noto Serif CJK SC".into();
    settings.cloud.palette = Palette::Warm;
    settings.cloud.background = Background::White;
    assert_eq!(
        Settings::from_json(&settings.to_json()),
        Ok(settings.clone())
    );
    let file = crate::state::settings::file::to_file(&settings);
    assert_eq!(crate::state::settings::file::from_file(&file), Ok(settings));
}

#[test]
fn older_and_odd_stored_cloud_choices_fall_back_to_defaults() {
    // A version-1 file and stored settings from before the cloud had choices.
    let old_file = r#"{"format":"wenxi-settings","version":1,"user_words":[],
        "extra_stopwords":["的话"],"removed_stopwords":[],"keyword_pos":[]}"#;
    let read = crate::state::settings::file::from_file(old_file).expect("an old file reads");
    assert_eq!(read.cloud, CloudSettings::default());
    let stored = Settings::from_json(r#"{"version":1,"extra_stopwords":["的话"]}"#)
        .expect("old stored settings read");
    assert_eq!(stored.cloud, CloudSettings::default());
    // Unreadable cloud choices in storage cost only the cloud choices.
    let odd = Settings::from_json(r#"{"version":1,"extra_stopwords":["的话"],"cloud":7}"#)
        .expect("the rest still reads");
    assert_eq!(odd.extra_stopwords, ["的话"]);
    assert_eq!(odd.cloud, CloudSettings::default());
    // Out-of-range numbers are brought into range, a strange font name is cleaned.
    let wild = Settings::from_json(
        r#"{"version":1,"cloud":{"options":{"max_words":100000,"width":3,"min_font":-1},
            "font":"Evil\"; } body {"}}"#,
    )
    .expect("reads");
    assert_eq!(wild.cloud.options.max_words, MAX_WORDS);
    assert_eq!(wild.cloud.options.width, CloudOptions::default().width);
    assert_eq!(
        wild.cloud.options.min_font,
        CloudOptions::default().min_font
    );
    assert!(
        !wild.cloud.font.contains(['"', ';', '}']),
        "{}",
        wild.cloud.font
    );
    // A settings file is strict: a wrong cloud field is named.
    let bad = r#"{"format":"wenxi-settings","version":1,"cloud":{"palette":"plaid"}}"#;
    let error = crate::state::settings::file::from_file(bad).expect_err("refused");
    assert!(error.starts_with("cloud："), "{error}");
}

#[test]
fn a_narrow_panel_gets_a_layout_of_its_own_size() {
    let state = reported();
    let (id, options, ..) = cloud_request(&state).expect("a request");
    assert_eq!((options.width, options.height), (800, 500));
    let wide = reduce(state.clone(), Action::CloudPanelWidth(900));
    assert_eq!(
        cloud_request(&wide).map(|r| r.0),
        Some(id),
        "a wide panel changes nothing"
    );
    let phone = reduce(state, Action::CloudPanelWidth(343));
    let (next, options, ..) = cloud_request(&phone).expect("a request");
    assert!(next > id);
    assert_eq!((options.width, options.height), (343, 343));
    // The reader's own size stays in the settings.
    assert_eq!(phone.settings.cloud.options.width, 800);
    let again = reduce(phone.clone(), Action::CloudPanelWidth(343));
    assert_eq!(again, phone);
}
