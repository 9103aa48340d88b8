//! Opening files, without a browser (the bytes themselves are the worker's business).

use wasm_bindgen::{JsCast, JsValue};

use super::super::tests_support::{engine_ready, ready, reduce};
use super::*;
use crate::i18n::Said;
use crate::state::{Action, Status};

/// A file of `size` bytes whose content the browser read (a stand-in buffer: the reducer never
/// looks inside it).
fn read_file(name: &str, size: f64) -> OpenedFile {
    OpenedFile {
        name: name.into(),
        size,
        bytes: Some(JsValue::UNDEFINED.unchecked_into()),
    }
}

fn imported(id: u64, text: Result<&str, &str>) -> Action {
    Action::Imported {
        id,
        text: text
            .map(String::from)
            .map_err(|e| Said::new(e, format!("{e} (in English)"))),
        notes: vec![Said::new("按 GB18030 编码读取", "read as GB18030")],
        now_ms: 10.0,
    }
}

#[test]
fn a_file_over_the_limit_is_refused_with_the_limit_and_the_text_stays() {
    let s = ready("原来的文字");
    let s = reduce(
        s,
        Action::OpenFile(OpenedFile {
            name: "大.txt".into(),
            size: (MAX_FILE_BYTES + 1) as f64,
            bytes: None,
        }),
    );
    let notice = s.import_notice.clone().expect("a notice");
    let error = notice.error.clone().expect("an error");
    assert!(
        error.zh.contains("64.0 MB"),
        "the limit is stated: {error:?}"
    );
    assert!(
        error.en.contains("64.0 MB") && error.en.starts_with("The file is too large"),
        "and said in English too: {error:?}"
    );
    assert_eq!(&*s.text, "原来的文字");
    assert_eq!(s.file_sends, 0);
    assert!(s.file.is_none());
}

#[test]
fn a_file_read_replaces_the_text_which_can_be_put_back() {
    let s = ready("原来的文字");
    let s = reduce(s, Action::OpenFile(read_file("稿子.docx", 2048.0)));
    assert_eq!(s.file_sends, 1, "sent at once: the engine is ready");
    let id = s.file.as_ref().map(|f| f.id).expect("a file on its way");
    // An answer about another file is not this one's.
    let s = reduce(s, imported(id + 1, Ok("别的")));
    assert_eq!(&*s.text, "原来的文字");
    let s = reduce(s, imported(id, Ok("文件里的文字")));
    assert_eq!(&*s.text, "文件里的文字");
    assert_eq!(s.text_version, 1, "written into the text area");
    assert_eq!(s.status(), Status::Busy, "and analysed");
    let notice = s.import_notice.clone().expect("a notice");
    assert_eq!(notice.notes.len(), 1);
    assert_eq!(
        notice.replaced.as_deref().map(String::as_str),
        Some("原来的文字")
    );
    let s = reduce(s, Action::UndoImport { now_ms: 20.0 });
    assert_eq!(&*s.text, "原来的文字");
    assert_eq!(s.text_version, 2);
    assert!(s.import_notice.is_none());
}

#[test]
fn a_file_that_cannot_be_read_changes_nothing_but_says_why() {
    let s = ready("原来的文字");
    let s = reduce(s, Action::OpenFile(read_file("扫描件.pdf", 2048.0)));
    let id = s.file.as_ref().map(|f| f.id).unwrap_or_default();
    let s = reduce(s, imported(id, Err("这是 PDF 文件")));
    assert_eq!(&*s.text, "原来的文字");
    assert_eq!(s.text_version, 0);
    let notice = s.import_notice.clone().expect("a notice");
    assert_eq!(
        notice.error.as_ref().map(|e| e.zh.as_str()),
        Some("这是 PDF 文件")
    );
    assert!(s.file.is_none());
}

#[test]
fn a_file_waits_for_the_engine_and_is_not_sent_again_after_it_crashed_the_worker() {
    let s = reduce(
        AppState::with_text("原来的文字".into()),
        Action::OpenFile(read_file("稿子.docx", 10.0)),
    );
    assert_eq!(s.file_sends, 0, "no engine yet");
    let s = reduce(s, engine_ready());
    assert_eq!(s.file_sends, 1);
    let s = reduce(
        s,
        Action::Failed {
            problem: crate::state::Problem::new("分析引擎出错，已重新启动", "oom"),
            crashed: true,
        },
    );
    assert!(s.file.is_none());
    assert!(s.import_notice.as_ref().is_some_and(|n| n.error.is_some()));
    let s = reduce(s, engine_ready());
    assert_eq!(
        s.file_sends, 1,
        "the file that broke the worker is not sent again"
    );
    assert_eq!(&*s.text, "原来的文字");
}

#[test]
fn opening_a_file_cancels_a_long_analysis_of_the_text_it_replaces() {
    let long = "长".repeat(CANCEL_ABOVE_BYTES / 3 + 1);
    let s = reduce(ready(&long), Action::Analyse { now_ms: 0.0 });
    let s = reduce(s, Action::OpenFile(read_file("稿子.docx", 10.0)));
    assert_eq!(s.cancels, 1);
    assert_eq!(s.file_sends, 0, "sent once the new worker is ready");
    let s = reduce(s, engine_ready());
    assert_eq!(s.file_sends, 1);
    assert!(s.outgoing.is_none(), "the old text is not analysed again");
}
