//! Distribution (placeholder until the view is built).

use yew::prelude::*;

use super::use_reader;

#[component(DistributionView)]
pub fn distribution_view() -> Html {
    let Some(reader) = use_reader() else {
        return Html::default();
    };
    match reader.distribution {
        Some(d) => html! {
            <ul>{ for d.terms.iter().map(|t| html! { <li>{ format!("{} {}", t.term, t.total) }</li> }) }</ul>
        },
        None => html! { <p class="muted">{ "…" }</p> },
    }
}
