//! The worker's side: owns the engine for the life of the worker and answers requests.
//!
//! `EngineHost` is plain Rust over strings so it is tested without a worker; `bin/worker.rs`
//! only wires it to `postMessage`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::protocol::{send_articles_apart, Reported, Request, Response};
use crate::state::settings::KeywordMethod;
use wenxi_core::cloud::{self, CloudInput, EstimatedGlyphs, GlyphSource};
use wenxi_core::limits::Limit;
use wenxi_core::passage::{self, PassageEntity};
use wenxi_core::progress::Progress;
use wenxi_core::{Analyzer, Report};

mod warm_up;

/// Progress of an analysis is told no more often than this: the page redraws its bar on each.
pub const PROGRESS_EVERY_MS: f64 = 200.0;

/// Occurrences (`spans`) of one entity or quoted term sent to the page; `count` stays exact.
/// A 20 MB text gave 600,000 entity spans, 13 MB of JSON that cost the page 0.7 s to take in;
/// the page asks for the occurrences of one term when it needs them (`Request::Contexts`).
pub const SPANS_SENT: usize = 200;

/// Cuts the report's per-occurrence lists to what the page shows.
fn keep_spans_for_page(report: &mut Report) {
    for entity in &mut report.entities {
        entity.spans.truncate(SPANS_SENT);
    }
    for term in &mut report.quoted_terms {
        term.spans.truncate(SPANS_SENT);
    }
}

/// The size of this wasm instance's memory (a wasm memory never shrinks: its peak so far).
pub fn wasm_memory_bytes() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) as u64 * 65_536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// Terms one distribution request may ask about, and slices it may cut the text into.
pub const MAX_DISTRIBUTION_TERMS: usize = 20;
pub const MAX_DISTRIBUTION_BINS: usize = 1000;

/// Occurrences listed with their context; the count and the dispersion cover all of them.
const CONTEXT_LINES: usize = 200;

/// TF-IDF keywords kept for the cloud: the most a reader may ask a cloud to show, more than
/// the report lists, so they stay here and never cross to the page. The engine ranks this deep
/// for every report, so keeping them changes nothing in the report.
pub const CLOUD_KEYWORDS: usize = wenxi_core::RANK_DEPTH;

/// Gives the glyph source that measures words in a font family (the worker's draws on a
/// canvas; the default estimates, so the host runs natively).
pub type GlyphsFor = Box<dyn Fn(&str) -> Rc<dyn GlyphSource>>;

/// The engine, loaded once; every analysis after the first reuses its dictionary.
pub struct EngineHost {
    /// In a `RefCell` because the user's words change the segmenter (`set_user_words`) while
    /// the worker shares the host between its message handler and the warm-up.
    analyzer: RefCell<Analyzer>,
    /// The text of the last analysis: contexts are asked for in it.
    last_text: RefCell<String>,
    /// The last analysis's keywords of each ranking (TF-IDF, TextRank, frequency), best first:
    /// clouds are laid out from them.
    cloud_words: RefCell<[Vec<CloudInput>; 3]>,
    /// Every entity occurrence of the last analysis, by start: the text view's highlights.
    entity_spans: RefCell<Vec<PassageEntity>>,
    /// The last analysis's articles (char spans), for distributions per article.
    article_spans: RefCell<Vec<[usize; 2]>>,
    /// Where the pages of the last text start, worked out when a page is first asked for.
    page_starts: RefCell<Option<Vec<(usize, usize)>>>,
    glyphs: GlyphsFor,
}

impl EngineHost {
    /// The engine built from the lexicon file's bytes (`lexicon.bin`: jieba's dictionary and
    /// IDF table, which the worker fetches), or why there is none: without it there is no
    /// engine, and the worker tells the page so.
    pub fn with_lexicon(bytes: Result<Vec<u8>, String>) -> Result<Self, String> {
        let lexicon = bytes.and_then(|bytes| {
            wenxi_core::lexicon::Lexicon::from_bytes(&bytes)
                .map_err(|e| format!("the dictionary file (lexicon.bin) is unusable: {e}"))
        })?;
        Ok(Self::with_analyzer(Analyzer::with_lexicon(&lexicon)))
    }

    /// The engine with the lexicon compiled in, for tests and debug builds only: the release
    /// worker fetches the file ([`EngineHost::with_lexicon`]), keeping it out of the wasm.
    #[cfg(any(test, debug_assertions))]
    pub fn load() -> Self {
        const LEXICON: &[u8] = include_bytes!("../crates/core/models/lexicon.bin");
        match Self::with_lexicon(Ok(LEXICON.to_vec())) {
            Ok(host) => host,
            Err(e) => panic!("{e}"),
        }
    }

    fn with_analyzer(analyzer: Analyzer) -> Self {
        EngineHost {
            analyzer: RefCell::new(analyzer),
            last_text: Default::default(),
            cloud_words: Default::default(),
            entity_spans: Default::default(),
            article_spans: Default::default(),
            page_starts: Default::default(),
            glyphs: Box::new(|_| Rc::new(EstimatedGlyphs)),
        }
    }

    /// Measures cloud words with the glyph sources `glyphs` gives for a font family.
    pub fn set_glyphs(&mut self, glyphs: impl Fn(&str) -> Rc<dyn GlyphSource> + 'static) {
        self.glyphs = Box::new(glyphs);
    }

    /// Lays the last analysis's keywords out as a cloud.
    fn cloud(
        &self,
        options: &cloud::CloudOptions,
        font: &str,
        mask: Option<&cloud::ShapeMask>,
        ranking: KeywordMethod,
    ) -> wenxi_core::Cloud {
        let glyphs = (self.glyphs)(font);
        let lists = self.cloud_words.borrow();
        let words = match ranking {
            KeywordMethod::Tfidf => &lists[0],
            KeywordMethod::Textrank => &lists[1],
            KeywordMethod::Frequency => &lists[2],
        };
        cloud::layout(words, options, glyphs.as_ref(), mask)
    }

    /// Gives the engine the entity model's file, or says why there is none. A file that is
    /// missing or does not load leaves names to the part-of-speech rules, and every report then
    /// says so; nothing else is affected.
    pub fn set_entity_model(&mut self, bytes: Result<Vec<u8>, String>) {
        let model = bytes.and_then(|bytes| {
            wenxi_core::ner::NerModel::from_bytes(&bytes)
                .map_err(|e| format!("the entity model file is unusable: {e}"))
        });
        self.analyzer.get_mut().set_entity_model(model);
    }

    /// Runs warm-up slice `slice` (see [`warm_up`]): one analysis of made-up news, so that
    /// the browser optimises the engine's functions before a reader's first long text. The
    /// worker runs the slices after saying `ready`, each in a task of its own; false when
    /// there is no such slice (the warm-up is over).
    pub fn warm_up(&self, slice: usize) -> bool {
        if slice >= warm_up::slices() {
            return false;
        }
        if let Ok(analyzer) = self.analyzer.try_borrow() {
            let _ = analyzer.analyse(&warm_up::text(slice), &wenxi_core::Options::default());
        }
        true
    }

    /// Answers one request given as JSON. `now_ms` reads a monotonic clock; it is a parameter
    /// so that the host does not depend on where it runs. `tell` receives what is said before
    /// the answer: progress of a long analysis, at most every [`PROGRESS_EVERY_MS`].
    pub fn handle(
        &self,
        request: &str,
        now_ms: impl Fn() -> f64,
        tell: &dyn Fn(Response),
    ) -> Response {
        match Request::from_json(request) {
            Ok(Request::Analyse {
                id,
                text,
                mut options,
            }) => {
                // The one borrow of the handler: requests are answered one at a time.
                let Ok(mut analyzer) = self.analyzer.try_borrow_mut() else {
                    return Response::Failed {
                        id: Some(id),
                        message: "the engine is busy with another request".into(),
                    };
                };
                let start = now_ms();
                // Rebuilds the segmenter only when the user's words changed since last time;
                // the time it takes counts as engine time.
                analyzer.set_user_words(&options.user_words);
                // Ranked deep enough for the largest cloud; the page gets the list it asked for.
                let page_top_k = options.top_k;
                options.top_k = page_top_k.max(CLOUD_KEYWORDS);
                let told = Cell::new(start);
                let progress = |progress: Progress| {
                    let now = now_ms();
                    if now - told.get() >= PROGRESS_EVERY_MS {
                        told.set(now);
                        tell(Response::Progress { id, progress });
                    }
                };
                let (mut report, stages) = analyzer.analyse_observed(
                    &text,
                    &options,
                    &now_ms,
                    &progress,
                    Limit::default(),
                );
                self.keep_for_views(&report);
                keep_spans_for_page(&mut report);
                let inputs =
                    |list: &[wenxi_core::Keyword]| list.iter().map(CloudInput::from).collect();
                *self.cloud_words.borrow_mut() = [
                    inputs(&report.keywords),
                    inputs(&report.textrank),
                    inputs(&report.frequency),
                ];
                report.keywords.truncate(page_top_k);
                report.textrank.truncate(page_top_k);
                report.frequency.truncate(page_top_k);
                *self.last_text.borrow_mut() = text;
                *self.page_starts.borrow_mut() = None;
                let engine_ms = now_ms() - start;
                // Many articles go ahead in parts, so the page reads them in short tasks.
                let articles_apart = send_articles_apart(id, &mut report, tell);
                Response::Report(Reported {
                    id,
                    report: Box::new(report),
                    engine_ms,
                    stages,
                    memory_bytes: wasm_memory_bytes(),
                    articles_apart,
                })
            }
            // Matched as a string in the last text: no segmenting, so the user's words stay
            // as that analysis set them.
            Ok(Request::Contexts { id, term }) => match self.analyzer.try_borrow() {
                Ok(analyzer) => Response::Contexts {
                    id,
                    contexts: Box::new(analyzer.contexts(
                        &self.last_text.borrow(),
                        &term,
                        CONTEXT_LINES,
                    )),
                },
                Err(_) => Response::Failed {
                    id: Some(id),
                    message: "the engine is busy with another request".into(),
                },
            },
            Ok(Request::Passage { id, at }) => match self.analyzer.try_borrow() {
                Ok(analyzer) => {
                    let text = self.last_text.borrow();
                    let mut starts = self.page_starts.borrow_mut();
                    let starts = starts.get_or_insert_with(|| passage::page_starts(&text));
                    let page = passage::page_of(starts, at);
                    let passage =
                        analyzer.passage(&text, starts, page, &self.entity_spans.borrow());
                    Response::Passage {
                        id,
                        passage: Box::new(passage),
                    }
                }
                Err(_) => Response::Failed {
                    id: Some(id),
                    message: "the engine is busy with another request".into(),
                },
            },
            Ok(Request::Distribution { id, terms, bins }) => {
                let terms: Vec<String> = terms.into_iter().take(MAX_DISTRIBUTION_TERMS).collect();
                let distribution = wenxi_core::contexts::spread(
                    &self.last_text.borrow(),
                    &terms,
                    bins.clamp(1, MAX_DISTRIBUTION_BINS),
                    &self.article_spans.borrow(),
                );
                Response::Distribution {
                    id,
                    distribution: Box::new(distribution),
                }
            }
            Ok(Request::Cloud {
                id,
                options,
                font,
                mask,
                ranking,
            }) => {
                let start = now_ms();
                let cloud = self.cloud(&options, &font, mask.as_ref(), ranking);
                Response::Cloud {
                    id,
                    cloud: Box::new(cloud),
                    layout_ms: now_ms() - start,
                }
            }
            Ok(Request::Import { id, .. }) => Response::Failed {
                id: Some(id),
                message: "a file to import came without its bytes".into(),
            },
            Ok(Request::Panic) => panic!("deliberate panic requested by a test"),
            Err(message) => Response::Failed { id: None, message },
        }
    }

    /// Keeps what the text and distribution views ask about later: every entity occurrence (the
    /// page gets only the first few of each) and the articles' spans.
    fn keep_for_views(&self, report: &Report) {
        let mut spans: Vec<PassageEntity> = report
            .entities
            .iter()
            .flat_map(|e| {
                e.spans.iter().map(|&[start, end]| PassageEntity {
                    start,
                    end,
                    kind: e.kind,
                })
            })
            .collect();
        spans.sort_by_key(|e| (e.start, e.end));
        *self.entity_spans.borrow_mut() = spans;
        *self.article_spans.borrow_mut() =
            report.articles.iter().map(|a| [a.start, a.end]).collect();
    }

    /// Reads the file of `Request::Import` (the JSON in `request`, the file's bytes in `bytes`).
    pub fn import(&self, request: &str, bytes: &[u8]) -> Response {
        let (id, name) = match Request::from_json(request) {
            Ok(Request::Import { id, name }) => (id, name),
            Ok(_) => {
                return Response::Failed {
                    id: None,
                    message: "bytes came with a request that is not an import".into(),
                }
            }
            Err(message) => return Response::Failed { id: None, message },
        };
        match wenxi_import::import(&name, bytes) {
            Ok(imported) => Response::Imported {
                id,
                name,
                notes: imported.notes.iter().map(|n| n.message_zh()).collect(),
                notes_en: imported.notes.iter().map(|n| n.message_en()).collect(),
                text: imported.text,
            },
            Err(error) => Response::ImportFailed {
                id,
                name,
                message: error.message_zh(),
                message_en: error.message_en(),
            },
        }
    }
}

#[cfg(test)]
#[path = "engine_host/cloud_tests.rs"]
mod cloud_tests;

#[cfg(test)]
#[path = "engine_host/views_tests.rs"]
mod views_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use wenxi_core::userdict::UserWord;
    use wenxi_core::Options;

    fn analyse(host: &EngineHost, text: &str, user_words: &[UserWord]) -> Report {
        let request = Request::Analyse {
            id: 1,
            text: text.into(),
            options: Options {
                user_words: user_words.to_vec(),
                ..Options::default()
            },
        };
        match host.handle(&request.to_json(), || 0.0, &|_| {}) {
            Response::Report(Reported { report, .. }) => *report,
            other => panic!("expected a report, got {other:?}"),
        }
    }

    /// A long analysis tells its progress, no more often than every PROGRESS_EVERY_MS, in
    /// order, about the request it belongs to; a short one says nothing before its report.
    #[test]
    fn long_analyses_tell_their_progress() {
        let mut host = EngineHost::load();
        // The entity model, as the worker fetches it: its stage is the one that says how far
        // into the text it is.
        let model = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/core/models/ner.bin");
        host.set_entity_model(std::fs::read(model).map_err(|e| e.to_string()));
        // A clock that moves 40 ms each time it is read: every stage looks slow.
        let clock = Cell::new(0.0);
        let now = || {
            clock.set(clock.get() + 40.0);
            clock.get()
        };
        let told = RefCell::new(Vec::new());
        let text = "北京市海淀区图书馆举办读书会，馆长李明介绍了新馆的情况。\n".repeat(4000);
        let request = Request::Analyse {
            id: 7,
            text,
            options: Options::default(),
        };
        let answer = host.handle(&request.to_json(), now, &|r| told.borrow_mut().push(r));
        assert!(matches!(answer, Response::Report(Reported { id: 7, .. })));
        let told = told.into_inner();
        assert!(told.len() >= 3, "told only {} times", told.len());
        let mut last = 0.0;
        let mut entities_midway = false;
        for response in &told {
            let Response::Progress { id: 7, progress } = response else {
                panic!("expected progress of request 7, got {response:?}");
            };
            assert!(progress.done >= last && progress.done <= 1.0);
            last = progress.done;
            entities_midway |= progress.stage == wenxi_core::progress::Stage::Entities
                && progress.done > wenxi_core::progress::Progress::at(progress.stage, 0.0).done;
        }
        assert!(
            entities_midway,
            "the entity stage never said how far it was"
        );

        let quiet = RefCell::new(0);
        let short = Request::Analyse {
            id: 8,
            text: "短文。".into(),
            options: Options::default(),
        };
        host.handle(&short.to_json(), || 0.0, &|_| *quiet.borrow_mut() += 1);
        assert_eq!(quiet.into_inner(), 0);
    }

    /// Hundreds of occurrences of a name cross to the page as the first SPANS_SENT, with the
    /// count still counting all of them.
    #[test]
    fn only_the_first_occurrences_cross_to_the_page() {
        let host = EngineHost::load();
        let text = "馆长李明介绍了新馆。".repeat(SPANS_SENT + 50);
        let report = analyse(&host, &text, &[]);
        let name = report
            .entities
            .iter()
            .find(|e| e.text == "李明")
            .expect("李明 is found");
        assert_eq!(name.count, SPANS_SENT + 50);
        assert_eq!(name.spans.len(), SPANS_SENT);
        assert_eq!(name.spans.first(), Some(&[2, 4]));
    }

    /// The page sends its words with every analysis; the host applies them, and an analysis
    /// without them segments as jieba alone does again.
    #[test]
    fn each_analysis_uses_the_words_it_was_sent() {
        let host = EngineHost::load();
        let word = "霁月湾";
        let text = "霁月湾的新码头今天启用，霁月湾的渔民很高兴。";
        let tagged = |r: &Report| r.keywords.iter().any(|k| k.term == word && k.pos == "ns");
        let words = [UserWord {
            word: word.into(),
            freq: None,
            tag: Some("ns".into()),
        }];
        assert!(!tagged(&analyse(&host, text, &[])));
        assert!(tagged(&analyse(&host, text, &words)));
        assert!(tagged(&analyse(&host, text, &words)));
        assert!(!tagged(&analyse(&host, text, &[])));
    }

    /// The warm-up's slices give every stage work (several articles, every kind of entity,
    /// a cloud), end after the last, and leave the reader's last analysis to the views.
    #[test]
    fn the_warm_up_exercises_every_stage_and_leaves_the_last_analysis_alone() {
        let host = EngineHost::load();
        let analyzer = host.analyzer.borrow();
        for slice in [0, warm_up::slices() - 1] {
            let report = analyzer.analyse(&warm_up::text(slice), &Options::default());
            let kinds: std::collections::BTreeSet<String> = report
                .entities
                .iter()
                .map(|e| format!("{:?}", e.kind))
                .collect();
            assert!(kinds.len() >= 6, "slice {slice}: only {kinds:?}");
            assert!(report.cloud.words.len() >= 20, "slice {slice}");
            if slice > 0 {
                assert!(report.articles.len() >= 8, "slice {slice}");
            }
        }
        drop(analyzer);
        let text = "馆长李明介绍了新馆。";
        analyse(&host, text, &[]);
        assert!((0..warm_up::slices()).all(|slice| host.warm_up(slice)));
        assert!(!host.warm_up(warm_up::slices()));
        let contexts = match host.handle(
            &Request::Contexts {
                id: 3,
                term: "李明".into(),
            }
            .to_json(),
            || 0.0,
            &|_| {},
        ) {
            Response::Contexts { contexts, .. } => contexts,
            other => panic!("expected contexts, got {other:?}"),
        };
        assert_eq!(
            contexts.total, 1,
            "the contexts are still those of the reader's text"
        );
    }
}
