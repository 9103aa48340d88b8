//! Entities grouped by type, each with its count.

use std::rc::Rc;

use wenxi_core::{Entity, EntityLink, EntityType, NameSource};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    pub entities: Rc<[Entity]>,
    pub links: Rc<[EntityLink]>,
    pub names_from: NameSource,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

/// How many co-occurring pairs to list.
const LINKS_SHOWN: usize = 12;

/// Entities of one type listed before a "show all" button: a 20 MB text had 9,848 distinct
/// entities, and drawing them all took the page hundreds of milliseconds.
const ENTITIES_SHOWN: usize = 100;

/// The tooltip: what a time or quantity means, and where the entity first occurs.
fn entity_title(e: &Entity) -> String {
    let first = format!("首次出现在第 {} 字", e.first + 1);
    match &e.value {
        Some(v) => format!("{} · {first}", wenxi_core::values::display(v)),
        None => first,
    }
}

#[component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    // The types whose whole list the reader asked for.
    let expanded = use_state(Vec::<EntityType>::new);
    let groups = EntityType::ALL.iter().map(|&kind| {
        let items: Vec<&Entity> = props.entities.iter().filter(|e| e.kind == kind).collect();
        let total = items.len();
        let shown = if expanded.contains(&kind) {
            total
        } else {
            total.min(ENTITIES_SHOWN)
        };
        let show_all = {
            let expanded = expanded.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*expanded).clone();
                next.push(kind);
                expanded.set(next);
            })
        };
        html! {
            <section class="entity-group" data-group={kind.as_str()}>
                <h4>{ kind.label_zh() }<span class="muted">{ format!(" {total}") }</span></h4>
                if items.is_empty() {
                    <p class="muted">{ "无" }</p>
                } else {
                    <ul>
                    { for items.into_iter().take(shown).map(|e| html! {
                        <li data-testid="entity" data-type={kind.as_str()} data-text={e.text.clone()}
                            data-count={e.count.to_string()}
                            data-value={e.value.as_ref().map(wenxi_core::values::display)}
                            title={entity_title(e)}>
                            <span class="text">{ super::pick_button(&e.text, &props.on_pick) }</span>
                            <span class="count">{ e.count }</span>
                        </li>
                    }) }
                    </ul>
                    if shown < total {
                        <button type="button" class="quiet" data-testid="entity-show-all"
                                data-type={kind.as_str()} onclick={show_all}>
                            { format!("显示全部 {total} 个") }
                        </button>
                    }
                }
            </section>
        }
    });
    let notice = match &props.names_from {
        NameSource::Model => Html::default(),
        NameSource::Rules { reason } => html! {
            <p class="notice" data-testid="entity-model-unavailable" title={reason.clone()}>
                { "实体识别模型不可用：下面的人名、地名、机构名只是按词性规则找出的粗略结果。" }
            </p>
        },
    };
    let links = props.links.iter().take(LINKS_SHOWN).map(|l| {
        html! {
            <li data-testid="entity-link" data-a={l.a.text.clone()} data-b={l.b.text.clone()}
                data-sentences={l.sentences.to_string()}>
                <span class={classes!("name", l.a.kind.as_str())}>{ l.a.text.clone() }</span>
                <span class="joiner" aria-hidden="true">{ "—" }</span>
                <span class={classes!("name", l.b.kind.as_str())}>{ l.b.text.clone() }</span>
                <span class="count" title="同时提到两者的句子数">{ format!("{} 句", l.sentences) }</span>
            </li>
        }
    });
    html! {
        <>
            { notice }
            <div class="entities">{ for groups }</div>
            if !props.links.is_empty() {
                <section class="entity-links">
                    <h4>{ "同句共现" }<span class="muted">{ " 人名、地名、机构在同一句中出现" }</span></h4>
                    <ul>{ for links }</ul>
                </section>
            }
        </>
    }
}
