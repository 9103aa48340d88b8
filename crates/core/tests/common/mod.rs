//! Shared by the integration tests: one `Analyzer` per test binary (loading it is the slow part).

use std::sync::OnceLock;

use wenxi_core::Analyzer;

pub fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::with_embedded_model)
}
