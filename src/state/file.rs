//! Opening a file: the page hands its bytes to the worker, which reads .txt/.md/.html/.docx
//! (`wenxi-import`) and answers with the text. The text area keeps what it had until a text
//! arrives; a refused file changes nothing, and an imported one can be undone.

use std::rc::Rc;

use super::{AppState, SharedText, CANCEL_ABOVE_BYTES};
use crate::i18n::Said;

/// Files larger than this are refused before they are read (the reader is told the limit).
pub const MAX_FILE_BYTES: usize = wenxi_import::MAX_FILE_BYTES;

/// A file the reader opened or dropped.
#[derive(Debug, Clone)]
pub struct OpenedFile {
    pub name: String,
    /// Its size in bytes, known before reading it.
    pub size: f64,
    /// Its content; `None` when it was not read (too large, or the browser refused).
    pub bytes: Option<js_sys::ArrayBuffer>,
}

/// A file on its way to the worker.
#[derive(Debug)]
pub struct FileJob {
    pub id: u64,
    pub name: String,
    pub bytes: Option<js_sys::ArrayBuffer>,
}

impl PartialEq for FileJob {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// What the page says about the last file opened.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportNotice {
    pub name: String,
    /// Things to know about a file that was read (encoding guessed, parts left out).
    pub notes: Vec<Said>,
    /// Why the file was not read; the text area was left as it was.
    pub error: Option<Said>,
    /// The text the file's text replaced, for undo (none when the text area was empty).
    pub replaced: Option<SharedText>,
}

impl ImportNotice {
    fn refused(name: &str, error: Said) -> Rc<Self> {
        Rc::new(ImportNotice {
            name: name.to_string(),
            error: Some(error),
            ..ImportNotice::default()
        })
    }
}

/// Megabytes, for the reader.
pub(crate) fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / (1024.0 * 1024.0))
}

impl AppState {
    pub(super) fn open_file(&mut self, opened: OpenedFile) {
        let name = opened.name;
        if opened.size > MAX_FILE_BYTES as f64 {
            let (size, limit) = (megabytes(opened.size), megabytes(MAX_FILE_BYTES as f64));
            let message = Said::new(
                format!("文件太大（{size}），文析最多读取 {limit} 的文件。文本框里原有的文字没有改变。"),
                format!("The file is too large ({size}): wenxi reads files of up to {limit}. The text box still holds what it held."),
            );
            self.import_notice = Some(ImportNotice::refused(&name, message));
            return;
        }
        let Some(bytes) = opened.bytes else {
            let message = Said::new(
                "浏览器没能读取这个文件。文本框里原有的文字没有改变。",
                "The browser could not read this file. The text box still holds what it held.",
            );
            self.import_notice = Some(ImportNotice::refused(&name, message));
            return;
        };
        self.next_file_id += 1;
        self.file = Some(Rc::new(FileJob {
            id: self.next_file_id,
            name,
            bytes: Some(bytes),
        }));
        self.import_notice = None;
        // The text is about to be replaced: a long analysis of it is of no use.
        if self.in_flight.is_some() && self.in_flight_bytes() >= CANCEL_ABOVE_BYTES {
            self.cancel();
            self.wanted = false;
        }
        // Else the file goes out when the engine says it is ready.
        if self.engine_ready {
            self.file_sends += 1;
        }
    }

    pub(super) fn imported(&mut self, text: Result<String, Said>, notes: Vec<Said>, now: f64) {
        let Some(file) = self.file.take() else {
            return;
        };
        match text {
            Ok(text) => {
                let replaced = (!self.text.trim().is_empty() && *self.text != *text)
                    .then(|| self.text.clone());
                self.import_notice = Some(Rc::new(ImportNotice {
                    name: file.name.clone(),
                    notes,
                    error: None,
                    replaced,
                }));
                self.set_text(text.into());
                self.text_version += 1;
                self.analyse(now);
            }
            Err(message) => {
                self.import_notice = Some(ImportNotice::refused(&file.name, message));
            }
        }
    }

    /// The worker died while a file was on its way: the file may be why, so it is dropped.
    pub(super) fn file_crashed(&mut self) {
        if let Some(file) = self.file.take() {
            let message = Said::new(
                "读取这个文件时分析引擎出错，已重新启动。文件可能已损坏，或内容过多。\
                 文本框里原有的文字没有改变。",
                "The analysis engine failed while reading this file and was restarted. The file \
                 may be damaged, or hold too much. The text box still holds what it held.",
            );
            self.import_notice = Some(ImportNotice::refused(&file.name, message));
        }
    }
}

#[cfg(test)]
mod tests;
