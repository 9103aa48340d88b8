//! The page's rules, without a browser.

use super::*;

pub(super) fn reduce(state: AppState, action: Action) -> AppState {
    (*Rc::new(state).reduce(action)).clone()
}

/// The worker's answer to request `id`: an empty report, arriving at `now_ms`.
fn empty_report(id: u64, now_ms: f64) -> Action {
    Action::Report {
        id,
        report: Box::default(),
        engine_ms: 1.0,
        stages: StageTimes::default(),
        memory_bytes: 0,
        now_ms,
    }
}

/// The worker's word that the engine has loaded (in 1 ms, at time 0).
pub(super) fn engine_ready() -> Action {
    Action::EngineReady {
        load_ms: 1.0,
        now_ms: 0.0,
    }
}

/// A page holding `text` whose engine has just become ready.
pub(super) fn ready(text: &str) -> AppState {
    reduce(AppState::with_text(text.into()), engine_ready())
}

fn sent_id(state: &AppState) -> Option<u64> {
    match state.outgoing.as_deref() {
        Some(Request::Analyse { id, .. }) => Some(*id),
        _ => None,
    }
}

#[test]
fn nothing_is_sent_before_the_engine_is_ready() {
    let s = AppState::with_text("北京".into());
    let s = reduce(s, Action::Analyse { now_ms: 0.0 });
    assert_eq!(s.status(), Status::Loading);
    assert!(s.outgoing.is_none());
    assert!(s.wanted);
    let s = reduce(
        s,
        Action::EngineReady {
            load_ms: 5.0,
            now_ms: 100.0,
        },
    );
    assert_eq!(s.status(), Status::Busy);
    assert_eq!(sent_id(&s), Some(1));
    let s = reduce(s, empty_report(1, 130.0));
    // Timed from when the request went out, not from when it was first asked for.
    assert_eq!(s.timings.round_trip_ms, Some(30.0));
}

#[test]
fn edits_during_an_analysis_are_analysed_after_it() {
    let s = ready("一");
    let s = reduce(s, Action::Analyse { now_ms: 10.0 });
    assert_eq!(sent_id(&s), Some(1));
    let s = reduce(s, Action::Edit("一二".into()));
    let s = reduce(s, Action::Analyse { now_ms: 11.0 });
    assert_eq!(sent_id(&s), Some(1), "one request at a time");
    let s = reduce(s, empty_report(1, 20.0));
    assert_eq!(s.timings.round_trip_ms, Some(10.0));
    match s.outgoing.as_deref() {
        Some(Request::Analyse { id: 2, text, .. }) => assert_eq!(text, "一二"),
        other => panic!("expected request 2, got {other:?}"),
    }
}

#[test]
fn a_stale_report_is_ignored() {
    let s = ready("一");
    let s = reduce(s, Action::Analyse { now_ms: 0.0 });
    let s = reduce(s, empty_report(7, 1.0));
    assert_eq!(s.in_flight, Some(1));
    assert!(s.report.is_none());
}

#[test]
fn blank_text_is_an_empty_state_not_an_error() {
    let s = ready(" \n\t　");
    let s = reduce(s, Action::Analyse { now_ms: 0.0 });
    assert!(s.empty);
    assert!(s.outgoing.is_none());
    assert_eq!(s.status(), Status::Ready);
}

#[test]
fn a_crash_keeps_the_text_and_shows_an_error_until_the_next_analysis() {
    let s = ready("文本");
    let s = reduce(s, Action::Analyse { now_ms: 0.0 });
    let s = reduce(
        s,
        Action::Failed {
            problem: Problem::new("boom", "detail"),
            crashed: true,
        },
    );
    assert_eq!(s.status(), Status::Error);
    assert_eq!(&*s.text, "文本");
    assert!(!s.engine_ready);
    let s = reduce(s, engine_ready());
    assert_eq!(s.status(), Status::Error, "the error stays visible");
    assert!(
        s.outgoing.is_none(),
        "no automatic retry of a crashing text"
    );
    let s = reduce(s, Action::Analyse { now_ms: 2.0 });
    assert_eq!(sent_id(&s), Some(2));
    let s = reduce(s, empty_report(2, 3.0));
    assert!(s.error.is_none());
}

#[test]
fn contexts_are_asked_for_in_the_analysed_text_and_again_after_a_new_analysis() {
    let s = AppState::with_text("古籍".into());
    let s = reduce(s, Action::ShowContexts(Some("古籍".into())));
    assert!(s.outgoing_contexts.is_none(), "nothing analysed yet");
    let s = reduce(s, engine_ready());
    let s = reduce(s, Action::Analyse { now_ms: 0.0 });
    let s = reduce(s, empty_report(1, 1.0));
    let first = match s.outgoing_contexts.as_deref() {
        Some(Request::Contexts { id, term }) => {
            assert_eq!(term, "古籍");
            *id
        }
        other => panic!("expected a contexts request, got {other:?}"),
    };
    // A stale answer is ignored, the current one kept.
    let stale = reduce(
        s.clone(),
        Action::Contexts {
            id: first + 7,
            contexts: Box::default(),
        },
    );
    assert!(stale.contexts.is_none());
    let s = reduce(
        s,
        Action::Contexts {
            id: first,
            contexts: Box::default(),
        },
    );
    assert!(s.contexts.is_some());
    // Closing the view drops it.
    let s = reduce(s, Action::ShowContexts(None));
    assert!(s.contexts.is_none() && s.contexts_term.is_none());
}

#[test]
fn a_changed_setting_analyses_the_text_again_with_it() {
    let edit = |word: &str| Action::EditSettings {
        edit: SettingsEdit::AddStopword(word.into()),
        now_ms: 5.0,
    };
    let s = reduce(AppState::with_text("古籍修复".into()), edit("修复"));
    assert!(
        s.outgoing.is_none(),
        "nothing analysed yet, nothing to redo"
    );
    let s = reduce(s, engine_ready());
    let s = reduce(s, Action::Analyse { now_ms: 0.0 });
    let s = reduce(s, empty_report(1, 1.0));
    let s = reduce(s, edit("古籍"));
    match s.outgoing.as_deref() {
        Some(Request::Analyse { id: 2, options, .. }) => {
            assert_eq!(options.extra_stopwords, ["修复", "古籍"])
        }
        other => panic!("expected request 2, got {other:?}"),
    }
    let s = reduce(s, empty_report(2, 2.0));
    let again = reduce(s.clone(), edit("古籍"));
    assert!(
        again.in_flight.is_none(),
        "an edit that changes nothing is not re-run"
    );
}

/// A text long enough that its analysis is cancelled when the text changes under it.
fn long_text() -> String {
    "长".repeat(CANCEL_ABOVE_BYTES / 3 + 1)
}

#[test]
fn a_new_text_cancels_a_long_analysis_and_is_analysed_once_the_engine_is_back() {
    let s = reduce(ready(&long_text()), Action::Analyse { now_ms: 0.0 });
    assert_eq!(sent_id(&s), Some(1));
    let s = reduce(s, Action::Edit("新的短文。".into()));
    assert_eq!(s.cancels, 1, "the worker is replaced");
    assert!(s.in_flight.is_none() && s.wanted);
    assert_eq!(s.status(), Status::Loading);
    // The cancelled analysis's report can no longer be taken for the new text's.
    let s = reduce(s, empty_report(1, 5.0));
    assert!(s.report.is_none());
    let s = reduce(s, engine_ready());
    assert_eq!(sent_id(&s), Some(2));
    match s.outgoing.as_deref() {
        Some(Request::Analyse { text, .. }) => assert_eq!(text, "新的短文。"),
        other => panic!("expected an analysis, got {other:?}"),
    }
}

#[test]
fn a_short_analysis_is_let_finish_when_the_text_changes() {
    let s = reduce(ready("短文。"), Action::Analyse { now_ms: 0.0 });
    let s = reduce(s, Action::Edit("短文，改过。".into()));
    assert_eq!(s.cancels, 0);
    assert_eq!(s.in_flight, Some(1));
}

#[test]
fn the_reader_can_cancel_and_nothing_starts_again_by_itself() {
    let s = reduce(ready("短文。"), Action::Analyse { now_ms: 0.0 });
    let s = reduce(s, Action::Cancel);
    assert_eq!(s.cancels, 1);
    assert!(s.in_flight.is_none() && !s.wanted);
    let s = reduce(s, engine_ready());
    assert!(s.outgoing.is_none());
    assert_eq!(s.status(), Status::Ready);
    assert_eq!(&*s.text, "短文。", "the text stays");
    // Nothing to cancel: nothing happens.
    let again = reduce(s.clone(), Action::Cancel);
    assert_eq!(again.cancels, 1);
}

#[test]
fn progress_belongs_to_the_analysis_in_flight_only() {
    use wenxi_core::progress::{Progress, Stage};
    let s = reduce(ready("短文。"), Action::Analyse { now_ms: 0.0 });
    let at = Progress::at(Stage::Entities, 0.5);
    let s = reduce(
        s,
        Action::Progress {
            id: 9,
            progress: at,
        },
    );
    assert!(
        s.progress.is_none(),
        "progress of another request is ignored"
    );
    let s = reduce(
        s,
        Action::Progress {
            id: 1,
            progress: at,
        },
    );
    assert_eq!(s.progress, Some(at));
    let s = reduce(s, empty_report(1, 3.0));
    assert!(s.progress.is_none());
}

#[test]
fn a_restored_text_is_written_into_the_text_area_a_typed_one_is_not() {
    let s = ready("");
    let s = reduce(s, Action::Edit("打字".into()));
    assert_eq!(s.text_version, 0);
    let s = reduce(s, Action::Replace("恢复的文字".into()));
    assert_eq!(s.text_version, 1);
    assert_eq!(&*s.text, "恢复的文字");
}

#[test]
fn asking_again_for_the_analysis_under_way_starts_no_second_one() {
    let s = reduce(ready("短文。"), Action::Analyse { now_ms: 0.0 });
    // The settle timer fires after the button was pressed: same text, same settings.
    let s = reduce(s, Action::Analyse { now_ms: 1.0 });
    assert!(!s.wanted);
    let s = reduce(s, empty_report(1, 2.0));
    assert!(s.outgoing.is_none() && s.in_flight.is_none());
    // A changed text asked for meanwhile is analysed after.
    let s = reduce(s, Action::Analyse { now_ms: 3.0 });
    let s = reduce(s, Action::Edit("短文，改过。".into()));
    let s = reduce(s, Action::Analyse { now_ms: 4.0 });
    assert!(s.wanted);
}
