//! Entities grouped by type, each with its count.

use std::rc::Rc;

use wenxi_core::{Entity, EntityType};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    pub entities: Rc<[Entity]>,
}

#[component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    let groups = EntityType::ALL.iter().map(|&kind| {
        let items: Vec<&Entity> = props.entities.iter().filter(|e| e.kind == kind).collect();
        html! {
            <section class="entity-group" data-group={kind.as_str()}>
                <h4>{ kind.label_zh() }<span class="muted">{ format!(" {}", items.len()) }</span></h4>
                if items.is_empty() {
                    <p class="muted">{ "无" }</p>
                } else {
                    <ul>
                    { for items.into_iter().map(|e| html! {
                        <li data-testid="entity" data-type={kind.as_str()} data-text={e.text.clone()} data-count={e.count.to_string()}>
                            <span class="text">{ e.text.clone() }</span>
                            <span class="count">{ e.count }</span>
                        </li>
                    }) }
                    </ul>
                }
            </section>
        }
    });
    html! { <div class="entities">{ for groups }</div> }
}
