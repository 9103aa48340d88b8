//! The page's state and every way it changes, as a yew `Reducible`.
//!
//! The reducer is pure: it never talks to the worker. When it decides a request must go out it
//! records it in `outgoing`, and an effect in `App` sends it. That keeps the rules (one request
//! in flight, the newest text wins, nothing is sent before the engine is ready) in one place
//! where they are tested without a browser.

pub mod cloud;
pub mod file;
pub mod settings;
pub mod views;

use std::rc::Rc;

use wenxi_core::contexts::Contexts;
use wenxi_core::progress::Progress;
use wenxi_core::{Report, StageTimes};
use yew::Reducible;

use crate::i18n::Said;
use crate::protocol::Request;
use cloud::{CloudEdit, CloudSlot};
use file::{FileJob, ImportNotice};
use settings::{Settings, SettingsEdit};
use views::{TextMark, View, ViewsSlot};

/// What the status indicator shows (`data-state` on `[data-testid=status]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Loading,
    Ready,
    Busy,
    Done,
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Loading => "loading",
            Status::Ready => "ready",
            Status::Busy => "busy",
            Status::Done => "done",
            Status::Error => "error",
        }
    }
}

/// Something went wrong: a sentence for the reader (in both languages) and the technical detail
/// behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub summary: Said,
    pub detail: String,
}

impl Problem {
    /// A problem said in Chinese only (the English page shows the same sentence): prefer
    /// [`Problem::said`].
    pub fn new(summary: impl Into<String>, detail: impl Into<String>) -> Self {
        let summary = summary.into();
        Problem {
            summary: Said::new(summary.clone(), summary),
            detail: detail.into(),
        }
    }

    /// A problem said in both languages.
    pub fn said(zh: &str, en: &str, detail: impl Into<String>) -> Self {
        Problem {
            summary: Said::new(zh, en),
            detail: detail.into(),
        }
    }
}

/// Timings shown under the report, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timings {
    /// Dictionary and model load inside the worker.
    pub load_ms: Option<f64>,
    /// The engine's own time for the last analysis.
    pub engine_ms: Option<f64>,
    /// From sending the last request to holding its report.
    pub round_trip_ms: Option<f64>,
    /// How the engine's time for the last analysis divides.
    pub stages: Option<StageTimes>,
    /// The worker's wasm memory after the last analysis (its peak so far), in bytes.
    pub worker_memory_bytes: Option<u64>,
}

/// The reader's text, shared rather than copied: it can be tens of megabytes. An `Rc` of a
/// sized `Eq` type compares by pointer first (std specialises `Rc<T: Eq>`'s `==`; `Rc<str>`,
/// being unsized, does not), so yew's comparisons of props and effect keys cost nothing when
/// the text has not changed.
pub type SharedText = Rc<String>;

/// An analysis of a text at least this long (bytes of UTF-8, about a second of work in the
/// browser) is cancelled when the text changes under it: restarting the worker (about a second)
/// costs less than waiting. A shorter one is let finish, and the new text analysed after it.
pub const CANCEL_ABOVE_BYTES: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// The reader's text. Shared, not copied, between renders and the saving hook: it can be
    /// tens of megabytes.
    pub text: SharedText,
    /// Counts replacements of the text from outside the text area (a restored or imported
    /// text): the editor writes the text into the text area only when this changes, never
    /// while the reader types.
    pub text_version: u64,
    pub engine_ready: bool,
    /// The request the worker is working on, if any.
    pub in_flight: Option<u64>,
    /// The text and settings being analysed: asking again for the same is not a new request,
    /// and a long one is cancelled when the text changes.
    in_flight_of: Option<(SharedText, Rc<Settings>)>,
    /// How far the analysis in flight has got, once it has said (long analyses only).
    pub progress: Option<Progress>,
    /// Counts cancellations: each one replaces the worker (an effect in `App` does it).
    pub cancels: u64,
    /// The file being read, kept until its text arrives (the worker may be replaced meanwhile).
    pub file: Option<Rc<FileJob>>,
    /// Counts the times `file` is to be sent to the worker (an effect in `App` sends it).
    pub file_sends: u64,
    /// What the last file opened gave: its name, notes, an error, the text it replaced.
    pub import_notice: Option<Rc<ImportNotice>>,
    next_file_id: u64,
    /// An analysis was asked for while none could start; start one as soon as possible.
    pub wanted: bool,
    /// The request to send now (set by the reducer, sent by an effect in `App`).
    pub outgoing: Option<Rc<Request>>,
    pub next_id: u64,
    sent_at_ms: f64,
    pub report: Option<Rc<Report>>,
    /// The last analysis asked for found no text: show the empty state, not a stale report.
    pub empty: bool,
    pub error: Option<Problem>,
    pub timings: Timings,
    /// The word whose occurrences the reader asked to see, and what the worker found.
    pub contexts_term: Option<String>,
    pub contexts: Option<Rc<Contexts>>,
    /// The contexts request to send now (its own slot: it may go out beside an analysis).
    pub outgoing_contexts: Option<Rc<Request>>,
    next_contexts_id: u64,
    /// The reader's dictionary, stop words and keyword tags, sent with every analysis; and
    /// their cloud choices.
    pub settings: Rc<Settings>,
    /// The cloud laid out by the worker for this report, and the request for the next one.
    pub cloud: CloudSlot,
    /// The view shown, and what the text and distribution views fetched.
    pub views: ViewsSlot,
}

pub enum Action {
    /// The user changed the text.
    Edit(String),
    /// The text was replaced from outside the text area (a text restored from storage).
    Replace(String),
    /// The reader stopped the analysis under way.
    Cancel,
    Progress {
        id: u64,
        progress: Progress,
    },
    /// The reader opened or dropped a file (its bytes not yet read by the engine).
    OpenFile(file::OpenedFile),
    /// The worker read the file of request `id` (or could not).
    Imported {
        id: u64,
        text: Result<String, Said>,
        notes: Vec<Said>,
        now_ms: f64,
    },
    /// Puts back the text an imported file replaced.
    UndoImport {
        now_ms: f64,
    },
    DismissImportNotice,
    /// Analyse the current text (input settled, Ctrl+Enter, the button, or a restored text).
    Analyse {
        now_ms: f64,
    },
    EngineReady {
        load_ms: f64,
        now_ms: f64,
    },
    Report {
        id: u64,
        report: Box<Report>,
        engine_ms: f64,
        stages: StageTimes,
        memory_bytes: u64,
        now_ms: f64,
    },
    Failed {
        problem: Problem,
        crashed: bool,
    },
    /// The reader asked where a word occurs (`None` closes the view).
    ShowContexts(Option<String>),
    Contexts {
        id: u64,
        contexts: Box<Contexts>,
    },
    /// The reader changed a setting: the text is analysed again with it.
    EditSettings {
        edit: SettingsEdit,
        now_ms: f64,
    },
    /// The worker laid out cloud request `id`.
    Cloud {
        id: u64,
        cloud: Box<wenxi_core::Cloud>,
        layout_ms: f64,
    },
    /// The reader changed a cloud choice or its mask: the cloud is laid out again (colours and
    /// background only redraw).
    EditCloud(CloudEdit),
    /// The cloud panel is `width` CSS px wide: a narrow one gets a layout of its own size.
    CloudPanelWidth(u32),
    /// Another tab saved different settings: they apply here too.
    SettingsSavedElsewhere {
        settings: Rc<Settings>,
        now_ms: f64,
    },
    /// The reader opened a view.
    ShowView(View),
    /// Show char `at` in the text view, marking a term or an entity.
    ShowInText {
        at: usize,
        mark: Option<TextMark>,
    },
    /// The reader chose the terms of the distribution view (none: the leading keywords).
    SetDistributionTerms(Vec<String>),
    Passage {
        id: u64,
        passage: Box<wenxi_core::passage::Passage>,
    },
    Distribution {
        id: u64,
        distribution: Box<wenxi_core::contexts::Distribution>,
    },
}

impl AppState {
    pub fn with_text(text: String) -> Self {
        AppState {
            text: text.into(),
            next_id: 1,
            ..AppState::default()
        }
    }

    /// The state of a page opened with saved settings.
    pub fn with_settings(self, settings: Settings) -> Self {
        AppState {
            settings: Rc::new(settings),
            ..self
        }
    }

    pub fn status(&self) -> Status {
        if self.in_flight.is_some() {
            Status::Busy
        } else if self.error.is_some() {
            Status::Error
        } else if !self.engine_ready {
            Status::Loading
        } else if self.report.is_some() && !self.empty {
            Status::Done
        } else {
            Status::Ready
        }
    }

    /// Asks the worker for the contexts of `contexts_term` in the last analysed text.
    fn request_contexts(&mut self) {
        let Some(term) = self.contexts_term.clone() else {
            return;
        };
        if !self.engine_ready || self.report.is_none() {
            return;
        }
        self.next_contexts_id += 1;
        self.outgoing_contexts = Some(Rc::new(Request::Contexts {
            id: self.next_contexts_id,
            term,
        }));
    }

    /// Starts an analysis of the current text if one can start now, else remembers to.
    fn analyse(&mut self, now_ms: f64) {
        if self.text.trim().is_empty() {
            self.empty = true;
            self.wanted = false;
            self.error = None;
            return;
        }
        let same = self.in_flight_of.as_ref().is_some_and(|(text, settings)| {
            Rc::ptr_eq(text, &self.text) && Rc::ptr_eq(settings, &self.settings)
        });
        if self.in_flight.is_some() && same {
            // Already under way (the settle timer and the button, say): not worth a second run.
            return;
        }
        if !self.engine_ready || self.in_flight.is_some() {
            self.wanted = true;
            return;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.in_flight = Some(id);
        self.in_flight_of = Some((self.text.clone(), self.settings.clone()));
        self.progress = None;
        self.wanted = false;
        self.sent_at_ms = now_ms;
        self.outgoing = Some(Rc::new(Request::Analyse {
            id,
            text: self.text.to_string(),
            options: self.settings.options(),
        }));
    }

    /// The size of the text being analysed (bytes of UTF-8).
    pub(super) fn in_flight_bytes(&self) -> usize {
        self.in_flight_of.as_ref().map_or(0, |(text, _)| text.len())
    }

    /// Stops the analysis in flight by replacing the worker; the engine is loading again until
    /// the new worker says it is ready.
    fn cancel(&mut self) {
        self.cloud.worker_replaced();
        self.in_flight = None;
        self.outgoing = None;
        self.progress = None;
        self.engine_ready = false;
        self.cancels += 1;
    }

    /// A new text: its analysis is wanted, and a long analysis of the old one is not.
    fn set_text(&mut self, text: SharedText) {
        self.text = text;
        if self.in_flight.is_some() && self.in_flight_bytes() >= CANCEL_ABOVE_BYTES {
            self.cancel();
            self.wanted = true;
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => next.set_text(text.into()),
            Action::Replace(text) => {
                next.set_text(text.into());
                next.text_version += 1;
            }
            Action::Cancel => {
                if next.in_flight.is_none() {
                    return self;
                }
                next.cancel();
                next.wanted = false;
            }
            Action::Progress { id, progress } => {
                if next.in_flight != Some(id) {
                    return self;
                }
                next.progress = Some(progress);
            }
            Action::OpenFile(opened) => next.open_file(opened),
            Action::Imported {
                id,
                text,
                notes,
                now_ms,
            } => {
                if next.file.as_ref().is_none_or(|f| f.id != id) {
                    return self;
                }
                next.imported(text, notes, now_ms);
            }
            Action::UndoImport { now_ms } => {
                let Some(previous) = next.import_notice.as_ref().and_then(|n| n.replaced.clone())
                else {
                    return self;
                };
                next.import_notice = None;
                next.set_text(previous);
                next.text_version += 1;
                next.analyse(now_ms);
            }
            Action::DismissImportNotice => next.import_notice = None,
            Action::Analyse { now_ms } => next.analyse(now_ms),
            Action::EngineReady { load_ms, now_ms } => {
                next.engine_ready = true;
                next.timings.load_ms = Some(load_ms);
                // A file sent to a worker that was replaced is sent to the new one.
                if next.file.is_some() {
                    next.file_sends += 1;
                }
                if next.wanted {
                    next.analyse(now_ms);
                }
                next.fetch_for_view();
            }
            Action::Report {
                id,
                report,
                engine_ms,
                stages,
                memory_bytes,
                now_ms,
            } => {
                if next.in_flight != Some(id) {
                    return self;
                }
                next.in_flight = None;
                next.outgoing = None;
                next.progress = None;
                next.error = None;
                next.empty = report.is_empty();
                next.report = Some(Rc::new(*report));
                next.timings.engine_ms = Some(engine_ms);
                next.timings.stages = Some(stages);
                next.timings.worker_memory_bytes = (memory_bytes > 0).then_some(memory_bytes);
                next.timings.round_trip_ms = Some(now_ms - next.sent_at_ms);
                next.cloud.report_arrived();
                next.cloud
                    .request(&next.settings.cloud, next.settings.display.keyword_method);
                // The text changed under the contexts shown: ask again in the new one.
                next.request_contexts();
                if next.wanted {
                    next.analyse(now_ms);
                }
                next.views_report_arrived();
            }
            Action::Failed { problem, crashed } => {
                next.in_flight = None;
                next.outgoing = None;
                next.progress = None;
                if crashed {
                    // The file may be what broke the worker: it is not sent to the next one.
                    next.file_crashed();
                }
                // Retrying the text that just failed could fail the same way, forever: wait
                // for the user's next edit or click instead.
                next.wanted = false;
                next.error = Some(problem);
                if crashed {
                    next.engine_ready = false;
                    next.cloud.worker_replaced();
                    next.views_worker_replaced();
                }
            }
            Action::ShowContexts(term) => {
                next.contexts = None;
                next.contexts_term = term.filter(|t| !t.trim().is_empty());
                if next.contexts_term.is_none() {
                    next.outgoing_contexts = None;
                } else {
                    next.views.view = View::Contexts;
                }
                next.request_contexts();
            }
            Action::Contexts { id, contexts } => {
                if next.next_contexts_id != id || next.contexts_term.is_none() {
                    return self;
                }
                next.contexts = Some(Rc::new(*contexts));
            }
            Action::EditSettings { edit, now_ms } => {
                let mut settings = (*next.settings).clone();
                if !settings.apply(edit) {
                    return self;
                }
                let settings = Rc::new(settings);
                next.take_settings(settings, now_ms);
            }
            Action::SettingsSavedElsewhere { settings, now_ms } => {
                if settings == next.settings {
                    return self;
                }
                next.take_settings(settings, now_ms);
            }
            Action::Cloud {
                id,
                cloud,
                layout_ms,
            } => {
                if !next.cloud.answered(id, *cloud, layout_ms) {
                    return self;
                }
            }
            Action::CloudPanelWidth(width) => {
                if !next.cloud_panel_width(width) {
                    return self;
                }
            }
            Action::EditCloud(edit) => {
                if !next.edit_cloud(edit) {
                    return self;
                }
            }
            Action::ShowView(view) => next.show_view(view),
            Action::ShowInText { at, mark } => next.show_in_text(at, mark),
            Action::SetDistributionTerms(terms) => next.set_distribution_terms(terms),
            Action::Passage { id, passage } => {
                if !next.passage_arrived(id, *passage) {
                    return self;
                }
            }
            Action::Distribution { id, distribution } => {
                if !next.distribution_arrived(id, *distribution) {
                    return self;
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
use tests as tests_support;
