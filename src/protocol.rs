//! Messages between the page and the analysis worker, sent as JSON strings.
//!
//! JSON rather than structured clone: the page and the worker are separate wasm modules that
//! cannot share memory anyway, and JSON keeps the protocol readable in the browser's devtools.
//! The report is kept to what the page shows (hundreds of KB for megabytes of text); the one
//! list that grows with the text, the articles of a long paste, crosses in parts ahead of it
//! ([`send_articles_apart`]), each read in a short task of its own. The one exception is a file to import: its bytes travel
//! beside the JSON as a transferred `ArrayBuffer` (`{json, bytes}`), never through JSON or the
//! page's wasm memory.

use serde::{Deserialize, Serialize};
use wenxi_core::cloud::{CloudOptions, ShapeMask};
use wenxi_core::contexts::{Contexts, Distribution};
use wenxi_core::passage::Passage;

use crate::state::settings::KeywordMethod;
use wenxi_core::progress::Progress;
use wenxi_core::{Article, Cloud, Options, Report, StageTimes};

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

/// The analysis of request `id`; `engine_ms` is the engine's own time for it, `stages` how that
/// time divides. Its own struct so that the page reads the big message straight into it
/// ([`Response::from_json`]); on the wire it is `{"kind":"report", id, report, …}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reported {
    pub id: u64,
    pub report: Box<Report>,
    pub engine_ms: f64,
    pub stages: StageTimes,
    /// The worker's wasm memory after the analysis, in bytes (it only grows, so this is its
    /// peak so far); 0 where it is not known (natively).
    #[serde(default)]
    pub memory_bytes: u64,
    /// How many of the report's articles went ahead of it in [`Response::Articles`] messages
    /// (its own `articles` are then empty): the page puts them back in order.
    #[serde(default)]
    pub articles_apart: usize,
}

/// What the worker tells the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    /// The dictionary and models are loaded; `load_ms` is how long that took inside the worker.
    Ready { load_ms: f64 },
    /// The analysis of a request, with the engine's figures.
    Report(Reported),
    /// Articles of report `id`, sent in parts just before it when there are many (a 5 MB
    /// paste of 1,690 articles made 9 MB of JSON: read at once it held the page's thread for
    /// 300 ms; in parts of [`ARTICLES_PER_PART`] each is a short task of its own).
    Articles { id: u64, articles: Vec<Article> },
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

/// Articles in one [`Response::Articles`] part: about 350 KB of JSON for news articles, a
/// task of a few milliseconds for the page to read.
pub const ARTICLES_PER_PART: usize = 64;

/// A report carries its articles itself when it has at most this many.
pub const ARTICLES_IN_REPORT: usize = ARTICLES_PER_PART;

/// Moves the articles of a report with many into parts sent ahead of it (by `tell`), and says
/// how many went (the `articles_apart` of its `Response::Report`).
pub fn send_articles_apart(id: u64, report: &mut Report, tell: &dyn Fn(Response)) -> usize {
    if report.articles.len() <= ARTICLES_IN_REPORT {
        return 0;
    }
    let articles = std::mem::take(&mut report.articles);
    let apart = articles.len();
    let mut rest = articles.into_iter();
    loop {
        let part: Vec<Article> = rest.by_ref().take(ARTICLES_PER_PART).collect();
        if part.is_empty() {
            return apart;
        }
        tell(Response::Articles { id, articles: part });
    }
}

/// The page's side of [`send_articles_apart`]: collects the parts of one report and gives them
/// back when the report arrives.
#[derive(Debug, Default)]
pub struct ArticlesInbox {
    id: Option<u64>,
    articles: Vec<Article>,
}

impl ArticlesInbox {
    /// A part arrived; parts of an earlier report still held (its report never came) go.
    pub fn part(&mut self, id: u64, articles: Vec<Article>) {
        if self.id != Some(id) {
            self.id = Some(id);
            self.articles.clear();
        }
        self.articles.extend(articles);
    }

    /// Report `id` arrived saying `apart` articles went ahead of it: puts them back. Parts of
    /// another report, or a count that does not match, leave the report's articles empty
    /// rather than wrong (the page then shows no articles for it).
    pub fn complete(&mut self, id: u64, apart: usize, report: &mut Report) {
        let held = std::mem::take(&mut self.articles);
        let of_this = self.id.take() == Some(id);
        if apart > 0 && of_this && held.len() == apart {
            report.articles = held;
        }
    }
}

/// Reads the field names before the first comma: `{"kind":"report",…` gives `report`. The
/// worker's serde writes the tag first.
fn kind_of(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(r#"{"kind":""#)?;
    rest.split_once('"').map(|(kind, _)| kind)
}

/// `Response::Articles`'s fields, read straight from the message.
#[derive(Deserialize)]
struct ArticlesMessage {
    id: u64,
    articles: Vec<Article>,
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
        let unreadable = |e: serde_json::Error| format!("unreadable response: {e}");
        // serde reads an internally tagged enum by first copying the whole message into a
        // generic tree to find its tag, then reading the tree: for a report of megabytes that
        // doubled the page's time. The big messages are read straight into their fields.
        match kind_of(text) {
            // The `kind` field is one serde ignores in the struct.
            Some("report") => serde_json::from_str(text)
                .map(Response::Report)
                .map_err(unreadable),
            Some("articles") => {
                let m: ArticlesMessage = serde_json::from_str(text).map_err(unreadable)?;
                Ok(Response::Articles {
                    id: m.id,
                    articles: m.articles,
                })
            }
            _ => serde_json::from_str(text).map_err(unreadable),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(n: usize) -> Vec<Article> {
        (0..n)
            .map(|i| Article {
                title: format!("第{i}篇"),
                start: i * 10,
                end: i * 10 + 10,
                ..Article::default()
            })
            .collect()
    }

    /// A report of many articles crosses as parts then the report, and the page's inbox puts
    /// the same articles back, in order; each message reads back as what was sent.
    #[test]
    fn many_articles_cross_in_parts_and_come_back_whole() {
        let n = ARTICLES_PER_PART * 2 + 5;
        let whole = Report {
            articles: articles(n),
            ..Report::default()
        };
        let mut report = whole.clone();
        let told = std::cell::RefCell::new(Vec::new());
        let apart = send_articles_apart(9, &mut report, &|r| {
            told.borrow_mut()
                .push(Response::from_json(&r.to_json()).unwrap())
        });
        assert_eq!(apart, n);
        assert!(report.articles.is_empty());
        let told = told.into_inner();
        assert_eq!(told.len(), 3);
        let message = Response::Report(Reported {
            id: 9,
            report: Box::new(report),
            engine_ms: 1.0,
            stages: StageTimes::default(),
            memory_bytes: 65_536,
            articles_apart: apart,
        });
        let Ok(Response::Report(Reported {
            id,
            mut report,
            articles_apart,
            ..
        })) = Response::from_json(&message.to_json())
        else {
            panic!("the report does not read back");
        };
        let mut inbox = ArticlesInbox::default();
        for part in told {
            let Response::Articles { id, articles } = part else {
                panic!("expected a part, got {part:?}");
            };
            assert!(articles.len() <= ARTICLES_PER_PART);
            inbox.part(id, articles);
        }
        inbox.complete(id, articles_apart, &mut report);
        assert_eq!(*report, whole);
    }

    /// A few articles stay in the report.
    #[test]
    fn a_few_articles_stay_in_the_report() {
        let mut report = Report {
            articles: articles(ARTICLES_IN_REPORT),
            ..Report::default()
        };
        let apart = send_articles_apart(1, &mut report, &|r| panic!("told {r:?}"));
        assert_eq!((apart, report.articles.len()), (0, ARTICLES_IN_REPORT));
    }

    /// Parts of a report that never came are not given to the next one.
    #[test]
    fn parts_of_another_report_are_dropped() {
        let mut inbox = ArticlesInbox::default();
        inbox.part(1, articles(3));
        inbox.part(2, articles(2));
        let mut report = Report::default();
        inbox.complete(2, 2, &mut report);
        assert_eq!(report.articles, articles(2));
        let mut stale = Report::default();
        inbox.part(3, articles(2));
        inbox.complete(4, 2, &mut stale);
        assert!(stale.articles.is_empty());
    }

    /// Every kind of response reads back, the fast-read ones and the others.
    #[test]
    fn responses_read_back_whatever_their_kind() {
        for r in [
            Response::Ready { load_ms: 3.0 },
            Response::Articles {
                id: 2,
                articles: articles(2),
            },
            Response::Failed {
                id: None,
                message: "x".into(),
            },
        ] {
            assert_eq!(Response::from_json(&r.to_json()), Ok(r));
        }
        assert!(Response::from_json(r#"{"kind":"report","id":1}"#).is_err());
    }
}
