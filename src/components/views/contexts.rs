//! Contexts (placeholder until the view is built).

use yew::prelude::*;

use super::use_reader;
use crate::components::ContextPanel;

#[component(ContextsView)]
pub fn contexts_view() -> Html {
    let Some(reader) = use_reader() else {
        return Html::default();
    };
    match reader.contexts_term.clone() {
        Some(term) => html! {
            <ContextPanel {term} contexts={reader.contexts.clone()} on_close={reader.on.pick.clone()} />
        },
        None => {
            html! { <p class="muted">{ reader.lang.tr("点选一个词查看上下文。", "Pick a word to see its contexts.") }</p> }
        }
    }
}
