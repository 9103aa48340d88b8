//! Messages between the page and the analysis worker, sent as JSON strings.
//!
//! JSON rather than structured clone: the report is small (tens of KB at most), the page and the
//! worker are separate wasm modules that cannot share memory anyway, and JSON keeps the protocol
//! readable in the browser's devtools. The one exception is a file to import: its bytes travel
//! beside the JSON as a transferred `ArrayBuffer` (`{json, bytes}`), never through JSON or the
//! page's wasm memory.

use serde::{Deserialize, Serialize};
use wenxi_core::cloud::{CloudOptions, ShapeMask};
use wenxi_core::contexts::{Contexts, Distribution};
use wenxi_core::passage::Passage;

use crate::state::settings::KeywordMethod;
use wenxi_core::progress::Progress;
use wenxi_core::{Cloud, Options, Report, StageTimes};

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Analyse `text`; the answer carries the same `id`.
    Analyse {
        id: u64,
        text: String,
        options: Options,
    },
    /// Where `term` occurs in the text of the last analysis.
    Contexts { id: u64, term: String },
    /// Lay the keyword cloud of the last analysis out again, with glyphs measured in `font`
    /// (a CSS family the page found on this system; empty for the default) and, for
    /// `Shape::Mask`, the reader's image as `mask`.
    Cloud {
        id: u64,
        options: CloudOptions,
        font: String,
        mask: Option<ShapeMask>,
        /// Which ranking's keywords the cloud shows.
        #[serde(default)]
        ranking: KeywordMethod,
    },
    /// The page of the last analysed text that holds char `at`, segmented, with its entities
    /// (the text view).
    Passage { id: u64, at: usize },
    /// How `terms` spread over the last analysed text, in `bins` slices and per article.
    Distribution {
        id: u64,
        terms: Vec<String>,
        bins: usize,
    },
    /// Read the file `name` (its bytes travel beside this message) and answer with its text.
    Import { id: u64, name: String },
    /// Make the worker panic on purpose. It exists so that tests can prove that a crashed
    /// worker leaves the page usable and the user's text intact; nothing in the UI sends it.
    Panic,
}

/// What the worker tells the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    /// The dictionary and models are loaded; `load_ms` is how long that took inside the worker.
    Ready { load_ms: f64 },
    /// The analysis of request `id`; `engine_ms` is the engine's own time for it, `stages`
    /// how that time divides.
    Report {
        id: u64,
        report: Box<Report>,
        engine_ms: f64,
        stages: StageTimes,
        /// The worker's wasm memory after the analysis, in bytes (it only grows, so this is its
        /// peak so far); 0 where it is not known (natively).
        #[serde(default)]
        memory_bytes: u64,
    },
    /// Analysis `id` is under way (sent a few times a second during long analyses).
    Progress { id: u64, progress: Progress },
    /// The answer to `Request::Contexts` number `id`.
    Contexts { id: u64, contexts: Box<Contexts> },
    /// The answer to `Request::Passage` number `id`.
    Passage { id: u64, passage: Box<Passage> },
    /// The answer to `Request::Distribution` number `id`.
    Distribution {
        id: u64,
        distribution: Box<Distribution>,
    },
    /// The answer to `Request::Cloud` number `id`; `layout_ms` is the layout's own time.
    Cloud {
        id: u64,
        cloud: Box<Cloud>,
        layout_ms: f64,
    },
    /// The text of the file of `Request::Import` number `id`. `notes` are things the reader
    /// should know (the encoding guessed, parts left out), already in words: in Chinese, and
    /// in English in `notes_en` (empty from a worker older than the English page).
    Imported {
        id: u64,
        name: String,
        text: String,
        notes: Vec<String>,
        #[serde(default)]
        notes_en: Vec<String>,
    },
    /// The file of `Request::Import` number `id` could not be read; `message` says why and what
    /// to do, for the reader, in Chinese, and `message_en` in English (empty from an older
    /// worker: the page then shows the Chinese).
    ImportFailed {
        id: u64,
        name: String,
        message: String,
        #[serde(default)]
        message_en: String,
    },
    /// The request could not be read or answered (`id` when it was known); the worker is fine.
    Failed { id: Option<u64>, message: String },
    /// The worker panicked, or its wasm failed to load: it is of no further use.
    Crashed { message: String },
}

impl Request {
    pub fn to_json(&self) -> String {
        // Serialising these plain enums cannot fail: no maps with non-string keys, no floats
        // that are not finite are produced by the engine.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("unreadable request: {e}"))
    }
}

impl Response {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| {
            // A report with a non-finite float would fail here; say so instead of going silent.
            serde_json::json!({"kind": "failed", "id": null, "message": format!("unserialisable response: {e}")})
                .to_string()
        })
    }

    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("unreadable response: {e}"))
    }
}
