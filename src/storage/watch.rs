//! Settings saved by another tab apply in this one: `localStorage` fires `storage` in every
//! other tab of the site when a key changes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;

use super::{load_settings, SETTINGS_KEY};
use crate::state::settings::Settings;

/// Listens while it lives.
pub struct SettingsWatch {
    listener: Closure<dyn FnMut(StorageEvent)>,
}

impl SettingsWatch {
    /// Calls `changed` with the settings another tab saved (the defaults when it removed them;
    /// settings it could not read are not passed on).
    pub fn start(changed: impl Fn(Settings) + 'static) -> SettingsWatch {
        let listener = Closure::<dyn FnMut(StorageEvent)>::new(move |event: StorageEvent| {
            if event.key().as_deref() == Some(SETTINGS_KEY) {
                if let (settings, None) = load_settings() {
                    changed(settings);
                }
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
        }
        SettingsWatch { listener }
    }
}

impl Drop for SettingsWatch {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "storage",
                self.listener.as_ref().unchecked_ref(),
            );
        }
    }
}
