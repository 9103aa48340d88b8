//! The worker's side: owns the engine for the life of the worker and answers requests.
//!
//! `EngineHost` is plain Rust over strings so it is tested without a worker; `bin/worker.rs`
//! only wires it to `postMessage`.

use crate::protocol::{Request, Response};
use wenxi_core::Analyzer;

/// The engine, loaded once; every analysis after the first reuses its dictionary.
pub struct EngineHost {
    analyzer: Analyzer,
}

impl EngineHost {
    /// Loads the dictionary and models (the slow part: hundreds of milliseconds in wasm).
    pub fn load() -> Self {
        EngineHost {
            analyzer: Analyzer::new(),
        }
    }

    /// Answers one request given as JSON. `now_ms` reads a monotonic clock; it is a parameter
    /// so that the host does not depend on where it runs.
    pub fn handle(&self, request: &str, now_ms: impl Fn() -> f64) -> Response {
        match Request::from_json(request) {
            Ok(Request::Analyse { id, text, options }) => {
                let start = now_ms();
                let report = self.analyzer.analyse(&text, &options);
                Response::Report {
                    id,
                    report: Box::new(report),
                    engine_ms: now_ms() - start,
                }
            }
            Ok(Request::Panic) => panic!("deliberate panic requested by a test"),
            Err(message) => Response::Failed { id: None, message },
        }
    }
}
