//! The user's text survives a reload (and a crashed worker) in `localStorage`.

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
