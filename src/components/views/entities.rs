//! Entities (placeholder until the view is built): entities by type.

use std::rc::Rc;

use yew::prelude::*;

use super::use_reader;
use crate::components::EntityPanel;

#[component(EntitiesView)]
pub fn entities_view() -> Html {
    let Some(reader) = use_reader() else {
        return Html::default();
    };
    let r = &reader.report;
    html! {
        <section class="card">
            <EntityPanel entities={Rc::<[_]>::from(r.entities.clone())}
                         links={Rc::<[_]>::from(r.entity_links.clone())}
                         names_from={r.names_from.clone()} on_pick={reader.on.pick.clone()} />
        </section>
    }
}
