//! Text (placeholder until the view is built).

use yew::prelude::*;

use super::use_reader;

#[component(TextView)]
pub fn text_view() -> Html {
    let Some(reader) = use_reader() else {
        return Html::default();
    };
    match reader.passage {
        Some(p) => html! { <section class="card"><p>{ p.text.clone() }</p></section> },
        None => html! { <p class="muted">{ "…" }</p> },
    }
}
