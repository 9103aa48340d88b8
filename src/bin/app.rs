//! The page's entry point: mounts the app on `<body>`.
//!
//! When `index.html`'s shell (`#shell`, usable before this wasm loads) is there, the app is
//! rendered into a detached element instead, while the reader keeps typing in the shell; the
//! editor puts it in the shell's place in one step once it has rendered (see
//! `components/editor.rs`, `take_shell`), so the page never shows or holds two text areas.

use wenxi::app::App;

fn main() {
    console_error_panic_hook::set_once();
    let document = web_sys::window().and_then(|w| w.document());
    // `SHELL_ID` in components/editor.rs.
    let detached = document
        .filter(|d| d.get_element_by_id("shell").is_some())
        .and_then(|d| d.create_element("div").ok());
    match detached {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
