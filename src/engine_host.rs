//! The worker's side: owns the engine for the life of the worker and answers requests.
//!
//! `EngineHost` is plain Rust over strings so it is tested without a worker; `bin/worker.rs`
//! only wires it to `postMessage`.

use crate::protocol::{Request, Response};
use wenxi_core::Analyzer;

/// A short made-up news paragraph touching every stage: names, places, organisations, times,
/// quantities, a title of a work, Latin words and punctuation.
const WARM_UP_TEXT: &str =
    "本报讯（记者张文华）2024年5月3日上午，北京市海淀区图书馆举办《城市记忆》读书会，\
约120名读者参加。馆长李明介绍，今年全馆新增藏书3.5万册，数字化项目投入资金800万元。\
与会专家认为，公共图书馆应当利用AI和大数据技术，为市民提供更好的阅读服务。\n\
活动还邀请了清华大学的学者分享古籍保护经验。";

/// Occurrences listed with their context; the count and the dispersion cover all of them.
const CONTEXT_LINES: usize = 200;

/// The engine, loaded once; every analysis after the first reuses its dictionary.
pub struct EngineHost {
    analyzer: Analyzer,
    /// The text of the last analysis: contexts are asked for in it.
    last_text: std::cell::RefCell<String>,
}

impl EngineHost {
    /// Loads the dictionary and keyword models (the slow part: hundreds of milliseconds in wasm).
    pub fn load() -> Self {
        EngineHost {
            analyzer: Analyzer::new(),
            last_text: Default::default(),
        }
    }

    /// Gives the engine the entity model's file, or says why there is none. A file that is
    /// missing or does not load leaves names to the part-of-speech rules, and every report then
    /// says so; nothing else is affected.
    pub fn set_entity_model(&mut self, bytes: Result<Vec<u8>, String>) {
        let model = bytes.and_then(|bytes| {
            wenxi_core::ner::NerModel::from_bytes(&bytes)
                .map_err(|e| format!("the entity model file is unusable: {e}"))
        });
        self.analyzer.set_entity_model(model);
    }

    /// Runs the engine once on a short text. The browser first runs wasm from a quickly
    /// compiled baseline and optimises the functions that turn out hot; without this the
    /// user's first analysis runs in baseline code and takes several times longer than later
    /// ones. Called after `ready` is sent, so the page does not wait for it.
    pub fn warm_up(&self) {
        // Three times over, so that the stages that need repeats (phrases, co-occurrence) run too.
        let text = WARM_UP_TEXT.repeat(3);
        let _ = self
            .analyzer
            .analyse(&text, &wenxi_core::Options::default());
    }

    /// Answers one request given as JSON. `now_ms` reads a monotonic clock; it is a parameter
    /// so that the host does not depend on where it runs.
    pub fn handle(&self, request: &str, now_ms: impl Fn() -> f64) -> Response {
        match Request::from_json(request) {
            Ok(Request::Analyse { id, text, options }) => {
                let start = now_ms();
                let (report, stages) = self.analyzer.analyse_timed(&text, &options, &now_ms);
                *self.last_text.borrow_mut() = text;
                Response::Report {
                    id,
                    report: Box::new(report),
                    engine_ms: now_ms() - start,
                    stages,
                }
            }
            Ok(Request::Contexts { id, term }) => Response::Contexts {
                id,
                contexts: Box::new(self.analyzer.contexts(
                    &self.last_text.borrow(),
                    &term,
                    CONTEXT_LINES,
                )),
            },
            Ok(Request::Panic) => panic!("deliberate panic requested by a test"),
            Err(message) => Response::Failed { id: None, message },
        }
    }
}
