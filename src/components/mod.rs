//! The page's components, one job each.

mod articles;
mod cloud;
mod contexts;
mod editor;
mod entities;
mod export;
mod import_notice;
mod keywords;
mod lang_switch;
mod orphan_text;
mod report;
mod settings;
mod stats;
mod status;
mod tab_conflict;
mod update_notice;
pub mod views;

pub use articles::ArticleList;
pub use cloud::{CloudContext, CloudView};
pub use contexts::{pick_button, ContextPanel};
pub use editor::Editor;
pub use entities::EntityPanel;
pub use export::ExportMenu;
pub use import_notice::{ImportNoticeProps, ImportNoticeView};
pub use keywords::{explanation, LeadingKeywords, Ranking};
pub use lang_switch::LanguageSwitch;
pub use orphan_text::{OrphanText, OrphanTextProps};
pub use report::{EmptyState, ReportProps, ReportView};
pub use settings::{SettingsPanel, SettingsProps};
pub use stats::StatsPanel;
pub use status::StatusBadge;
pub use tab_conflict::{TabConflict, TabConflictProps};
pub use update_notice::UpdateNotice;
