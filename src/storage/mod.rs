//! The user's text and settings survive a reload, a crashed worker and a second tab.
//!
//! Settings are small and live in `localStorage`; the text lives in IndexedDB ([`text`]).

mod idb;
pub mod record;
pub mod saved;
mod saver;
mod sync;
pub mod tabs;
pub mod text;
mod watch;

pub use sync::{use_saved_text, OrphanOffer, SavedText};
pub use watch::SettingsWatch;

use crate::i18n::Said;
use crate::state::settings::Settings;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

const SETTINGS_KEY: &str = "wenxi.settings";

/// The settings saved by an earlier visit, and a message when what was saved could not be used
/// (the defaults are used then, and the saved text is left alone until the reader changes a
/// setting).
pub fn load_settings() -> (Settings, Option<Said>) {
    let Some(text) = local_storage().and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten()) else {
        return (Settings::default(), None);
    };
    match Settings::from_json(&text) {
        Ok(settings) => (settings, None),
        Err(reason) => (
            Settings::default(),
            Some(Said::new(
                format!("{reason}，已改用默认设置。"),
                format!("The saved settings could not be used ({reason}); the defaults are used instead."),
            )),
        ),
    }
}

/// Saves the settings; the defaults are saved as no entry at all.
pub fn save_settings(settings: &Settings) -> Result<(), Said> {
    let storage = local_storage().ok_or_else(|| {
        Said::new(
            "本地存储不可用，刷新页面后设置不会保留",
            "Local storage is not available: the settings will not survive a reload",
        )
    })?;
    let result = if *settings == Settings::default() {
        storage.remove_item(SETTINGS_KEY)
    } else {
        storage.set_item(SETTINGS_KEY, &settings.to_json())
    };
    result.map_err(|_| {
        Said::new(
            "浏览器拒绝保存设置：刷新页面后设置不会保留",
            "The browser refused to save the settings: they will not survive a reload",
        )
    })
}
