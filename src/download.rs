//! Files the page hands the reader: one Blob download, made and freed here.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `name`, of MIME type `mime` (e.g. `text/csv;charset=utf-8`).
/// The text is encoded as UTF-8, as a Blob made from a string always is.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(name, &blob)
}

/// Offers `blob` (a picture drawn in the page, say) as a download named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let clicked = click_link(name, &url);
    // The browser has taken the file once the click is handled; free it a moment later (at
    // once could cancel the download in some browsers), and also when the click failed.
    gloo_timers::callback::Timeout::new(1_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    clicked
}

/// Clicks a detached `<a download>`: the way a page starts a download of its own data.
fn click_link(name: &str, url: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlElement = document.create_element("a")?.unchecked_into();
    link.set_attribute("href", url)?;
    link.set_attribute("download", name)?;
    link.click();
    Ok(())
}
