//! The page's entry point: mounts the app on `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<wenxi::app::App>::new().render();
}
