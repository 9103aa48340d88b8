//! The user's text and settings survive a reload (and a crashed worker) in `localStorage`.

use crate::state::settings::Settings;

const TEXT_KEY: &str = "wenxi.text";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text saved by an earlier visit, or an empty string.
pub fn load_text() -> String {
    local_storage()
        .and_then(|s| s.get_item(TEXT_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Saves the text; returns an error message when the browser refuses (quota, private mode).
pub fn save_text(text: &str) -> Result<(), String> {
    let storage = local_storage().ok_or("本地存储不可用，刷新页面后文本不会保留")?;
    let result = if text.is_empty() {
        storage.remove_item(TEXT_KEY)
    } else {
        storage.set_item(TEXT_KEY, text)
    };
    result.map_err(|_| "文本太大，超出浏览器本地存储的容量：刷新页面后文本不会保留".to_string())
}

const SETTINGS_KEY: &str = "wenxi.settings";

/// The settings saved by an earlier visit, and a message when what was saved could not be used
/// (the defaults are used then, and the saved text is left alone until the reader changes a
/// setting).
pub fn load_settings() -> (Settings, Option<String>) {
    let Some(text) = local_storage().and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten()) else {
        return (Settings::default(), None);
    };
    match Settings::from_json(&text) {
        Ok(settings) => (settings, None),
        Err(reason) => (
            Settings::default(),
            Some(format!("{reason}，已改用默认设置。")),
        ),
    }
}

/// Saves the settings; the defaults are saved as no entry at all.
pub fn save_settings(settings: &Settings) -> Result<(), String> {
    let storage = local_storage().ok_or("本地存储不可用，刷新页面后设置不会保留")?;
    let result = if *settings == Settings::default() {
        storage.remove_item(SETTINGS_KEY)
    } else {
        storage.set_item(SETTINGS_KEY, &settings.to_json())
    };
    result.map_err(|_| "浏览器拒绝保存设置：刷新页面后设置不会保留".to_string())
}
