//! Files a reader takes away from a report: keywords, entities, statistics and phrases as CSV
//! for a spreadsheet, the whole report as JSON, the keyword cloud as a standalone SVG.
//!
//! Whatever the text held ends up in these files, so every writer here treats it as hostile:
//! CSV cells that a spreadsheet would run as a formula are neutralised ([`csv`]), SVG text and
//! attributes are escaped ([`svg`]).

pub mod csv;
mod sheets;
pub mod svg;

pub use sheets::{csv_entities, csv_keywords, csv_phrases, csv_stats};
pub use svg::{cloud_svg, SvgOptions, PALETTE};

use crate::Report;

/// The whole report as pretty JSON: the same serde form `wenxi analyse --json` prints, so a
/// downloaded report and the command line's agree field for field.
pub fn report_json(report: &Report) -> String {
    // Serialising plain data (strings, numbers, lists) to a String cannot fail; the fallback
    // only keeps the signature free of an error nobody can act on.
    serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".to_string())
}
