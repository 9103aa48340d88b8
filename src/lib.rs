//! wenxi (文析): the browser app. The page (`bin/app.rs`) renders; the worker (`bin/worker.rs`)
//! owns the engine. See ARCHITECTURE.md.

pub mod app;
pub mod bridge;
pub mod cloud_glyphs;
pub mod components;
pub mod download;
pub mod engine_host;
pub mod i18n;
pub mod protocol;
pub mod state;
pub mod storage;

/// Milliseconds from the page's time origin (0 where there is no `performance`).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}
