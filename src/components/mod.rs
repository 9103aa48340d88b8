//! The page's components, one job each.

mod cloud;
mod contexts;
mod editor;
mod entities;
mod keywords;
mod report;
mod stats;
mod status;

pub use cloud::CloudView;
pub use contexts::{pick_button, ContextPanel};
pub use editor::Editor;
pub use entities::EntityPanel;
pub use keywords::KeywordTable;
pub use report::{EmptyState, ReportProps, ReportView};
pub use stats::StatsPanel;
pub use status::StatusBadge;
