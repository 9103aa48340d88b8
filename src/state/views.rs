//! Which view of the report the reader is on, and what the text and distribution views asked
//! the worker for. The views themselves only draw; every request they need goes out from here.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wenxi_core::contexts::Distribution;
use wenxi_core::passage::Passage;
use wenxi_core::EntityType;

use super::settings::KeywordMethod;
use super::AppState;
use crate::protocol::Request;

/// The report's views, in the order the tabs list them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    #[default]
    Overview,
    Keywords,
    Entities,
    Text,
    Contexts,
    Distribution,
    Articles,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Overview,
        View::Keywords,
        View::Entities,
        View::Text,
        View::Contexts,
        View::Distribution,
        View::Articles,
    ];

    /// The name in `data-view` attributes and the page's address (`#keywords`).
    pub fn as_str(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Keywords => "keywords",
            View::Entities => "entities",
            View::Text => "text",
            View::Contexts => "contexts",
            View::Distribution => "distribution",
            View::Articles => "articles",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == name)
    }

    /// The tab's label.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            View::Overview => lang.tr("概览", "Overview"),
            View::Keywords => lang.tr("关键词", "Keywords"),
            View::Entities => lang.tr("实体", "Entities"),
            View::Text => lang.tr("原文", "Text"),
            View::Contexts => lang.tr("上下文", "Contexts"),
            View::Distribution => lang.tr("分布", "Distribution"),
            View::Articles => lang.tr("分篇", "Articles"),
        }
    }
}

/// What the text view marks besides its layers: a term the reader picked, or one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextMark {
    Term(String),
    Entity { text: String, kind: EntityType },
}

/// Terms a distribution shows when the reader has not chosen any: the leading keywords.
pub const DEFAULT_DISTRIBUTION_TERMS: usize = 5;
/// Slices of the text in a dispersion plot.
pub const DISTRIBUTION_BINS: usize = 120;

/// The views' part of the state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewsSlot {
    pub view: View,
    /// The text view's page (the one holding `passage_at`), once the worker has sent it.
    pub passage: Option<Rc<Passage>>,
    /// The char the text view is to show.
    pub passage_at: usize,
    /// What the text view marks.
    pub mark: Option<TextMark>,
    /// The terms the reader chose for the distribution view (empty: the leading keywords).
    pub distribution_terms: Vec<String>,
    pub distribution: Option<Rc<Distribution>>,
    /// Requests to send now, each in its own slot (an effect in `App` sends them by id).
    pub outgoing_passage: Option<Rc<Request>>,
    pub outgoing_distribution: Option<Rc<Request>>,
    last_id: u64,
}

impl ViewsSlot {
    fn next_id(&mut self) -> u64 {
        self.last_id += 1;
        self.last_id
    }
}

/// The id of a passage or distribution request.
pub fn request_id(request: &Option<Rc<Request>>) -> Option<u64> {
    match request.as_deref() {
        Some(Request::Passage { id, .. } | Request::Distribution { id, .. }) => Some(*id),
        _ => None,
    }
}

impl AppState {
    /// The reader opened `view`: fetch what it shows if it is not here yet.
    pub(super) fn show_view(&mut self, view: View) {
        self.views.view = view;
        self.fetch_for_view();
    }

    /// Asks the worker for what the current view needs and does not have.
    pub(super) fn fetch_for_view(&mut self) {
        if !self.engine_ready || self.report.is_none() || self.in_flight.is_some() {
            // Asked again when the report arrives: the worker answers for its last text.
            return;
        }
        match self.views.view {
            View::Text if self.views.passage.is_none() => self.request_passage(),
            View::Distribution if self.views.distribution.is_none() => self.request_distribution(),
            _ => {}
        }
    }

    fn request_passage(&mut self) {
        let id = self.views.next_id();
        self.views.outgoing_passage = Some(Rc::new(Request::Passage {
            id,
            at: self.views.passage_at,
        }));
    }

    fn request_distribution(&mut self) {
        let terms = self.distribution_terms();
        if terms.is_empty() {
            self.views.distribution = Some(Rc::default());
            return;
        }
        let id = self.views.next_id();
        self.views.outgoing_distribution = Some(Rc::new(Request::Distribution {
            id,
            terms,
            bins: DISTRIBUTION_BINS,
        }));
    }

    /// The terms the distribution view shows: the reader's, or the leading keywords of the
    /// chosen ranking and the word whose contexts are open.
    pub fn distribution_terms(&self) -> Vec<String> {
        if !self.views.distribution_terms.is_empty() {
            return self.views.distribution_terms.clone();
        }
        let Some(report) = &self.report else {
            return Vec::new();
        };
        let list = match self.settings.display.keyword_method {
            KeywordMethod::Tfidf => &report.keywords,
            KeywordMethod::Textrank => &report.textrank,
            KeywordMethod::Frequency => &report.frequency,
        };
        let mut terms: Vec<String> = list
            .iter()
            .take(DEFAULT_DISTRIBUTION_TERMS)
            .map(|k| k.term.clone())
            .collect();
        if let Some(term) = &self.contexts_term {
            if !terms.contains(term) {
                terms.push(term.clone());
            }
        }
        terms
    }

    /// The text view is to show char `at`, marking `mark`.
    pub(super) fn show_in_text(&mut self, at: usize, mark: Option<TextMark>) {
        let same_page = self
            .views
            .passage
            .as_ref()
            .is_some_and(|p| p.start <= at && (at < p.end || p.end == p.text_chars));
        self.views.passage_at = at;
        self.views.mark = mark;
        if !same_page {
            self.views.passage = None;
        }
        self.show_view(View::Text);
    }

    pub(super) fn set_distribution_terms(&mut self, terms: Vec<String>) {
        let mut clean: Vec<String> = Vec::new();
        for term in terms.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !clean.iter().any(|t| t == term) {
                clean.push(term.to_string());
            }
        }
        clean.truncate(crate::engine_host::MAX_DISTRIBUTION_TERMS);
        self.views.distribution_terms = clean;
        self.views.distribution = None;
        self.fetch_for_view();
    }

    /// A new report: what the views fetched belongs to the old text.
    pub(super) fn views_report_arrived(&mut self) {
        self.views.passage = None;
        self.views.distribution = None;
        self.views.outgoing_passage = None;
        self.views.outgoing_distribution = None;
        if self
            .report
            .as_ref()
            .is_none_or(|r| self.views.passage_at > r.stats.characters)
        {
            self.views.passage_at = 0;
        }
        self.fetch_for_view();
    }

    /// The worker's answer to passage request `id` (false when stale).
    pub(super) fn passage_arrived(&mut self, id: u64, passage: Passage) -> bool {
        if request_id(&self.views.outgoing_passage) != Some(id) {
            return false;
        }
        self.views.passage = Some(Rc::new(passage));
        true
    }

    /// The worker's answer to distribution request `id` (false when stale).
    pub(super) fn distribution_arrived(&mut self, id: u64, distribution: Distribution) -> bool {
        if request_id(&self.views.outgoing_distribution) != Some(id) {
            return false;
        }
        self.views.distribution = Some(Rc::new(distribution));
        true
    }

    /// The worker was replaced: requests sent to the old one are lost.
    pub(super) fn views_worker_replaced(&mut self) {
        self.views.outgoing_passage = None;
        self.views.outgoing_distribution = None;
    }
}

#[cfg(test)]
#[path = "views/tests.rs"]
mod tests;
