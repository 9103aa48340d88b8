//! Entities: the names, times and quantities of the text by type (with a type filter), what each
//! time and quantity means, a way to see each in the text, which names share sentences (a
//! matrix and a list), and the terms the text puts in quotation marks.

mod matrix;
mod quoted;

use std::rc::Rc;

use wenxi_core::{EntityType, Report};
use yew::prelude::*;

use super::use_reader;
use crate::components::entities::{kind_label, EntityLinkList, Same};
use crate::components::EntityPanel;
use crate::i18n::Lang;
use matrix::EntityMatrix;
use quoted::QuotedTerms;

/// What the view draws from a report, made once per report.
struct EntityData {
    entities: Rc<[wenxi_core::Entity]>,
    links: Rc<[wenxi_core::EntityLink]>,
    quoted: Rc<[wenxi_core::report::QuotedTerm]>,
    /// Distinct entities of each type, in [`EntityType::ALL`] order.
    counts: Vec<(EntityType, usize)>,
}

fn entity_data(r: &Report) -> EntityData {
    EntityData {
        entities: r.entities.clone().into(),
        links: r.entity_links.clone().into(),
        quoted: r.quoted_terms.clone().into(),
        counts: EntityType::ALL
            .iter()
            .map(|&k| (k, r.entities.iter().filter(|e| e.kind == k).count()))
            .collect(),
    }
}

#[component(EntitiesView)]
pub fn entities_view() -> Html {
    let reader = use_reader();
    let report = reader.as_ref().map(|r| r.report.clone());
    let data = use_memo(report.map(Same), |r| r.as_ref().map(|r| entity_data(&r.0)));
    let hidden = use_state(|| Rc::<[EntityType]>::from(Vec::new()));
    let (Some(reader), Some(data)) = (reader, data.as_ref()) else {
        return Html::default();
    };
    let lang = reader.lang;
    let chip = |&(kind, n): &(EntityType, usize)| {
        let shown = !hidden.contains(&kind);
        let onclick = {
            let hidden = hidden.clone();
            Callback::from(move |_: MouseEvent| {
                let next: Vec<EntityType> = if hidden.contains(&kind) {
                    hidden.iter().copied().filter(|&k| k != kind).collect()
                } else {
                    hidden.iter().copied().chain([kind]).collect()
                };
                hidden.set(next.into());
            })
        };
        html! {
            <button type="button" class={classes!("type-chip", kind.as_str())}
                    data-testid="entity-type-filter" data-type={kind.as_str()}
                    aria-pressed={shown.to_string()} {onclick}>
                <span class="swatch" aria-hidden="true"></span>
                { kind_label(kind, lang) }
                <span class="n">{ n }</span>
            </button>
        }
    };
    let total: usize = data.counts.iter().map(|(_, n)| n).sum();
    html! {
        <div class="entities-view">
            <section class="card" aria-labelledby="entities-heading">
                <h3 id="entities-heading">
                    { lang.tr("按类型", "By type") }
                    <span class="muted">{ match lang {
                        Lang::Zh => format!(" 共 {total} 个，数字是出现次数"),
                        Lang::En => format!(" {total} in all; the number is how often each occurs"),
                    } }</span>
                </h3>
                <div class="type-filter" role="group"
                     aria-label={lang.tr("显示哪些类型", "Types shown")}>
                    { for data.counts.iter().map(chip) }
                </div>
                if total == 0 {
                    <p class="muted" data-testid="entities-none">
                        { lang.tr("文中没有找到人名、地名、机构、时间、数量或作品。",
                                  "No people, places, organisations, times, quantities or works were found in the text.") }
                    </p>
                } else {
                    <EntityPanel entities={data.entities.clone()} links={Rc::<[_]>::from(Vec::new())}
                                 names_from={reader.report.names_from.clone()}
                                 on_pick={reader.on.pick.clone()}
                                 on_show_in_text={Some(reader.on.show_in_text.clone())}
                                 hidden={(*hidden).clone()} />
                }
            </section>
            if !data.links.is_empty() {
                <section class="card cooccurrence" aria-labelledby="cooccurrence-heading">
                    <h3 id="cooccurrence-heading">
                        { lang.tr("同句共现", "Named together") }
                        <span class="muted">{ lang.tr(
                            " 哪些人名、地名、机构常在同一句中出现",
                            " which people, places and organisations share sentences",
                        ) }</span>
                    </h3>
                    <EntityMatrix links={data.links.clone()} on_pick={reader.on.pick.clone()} />
                    <EntityLinkList links={data.links.clone()} on_pick={reader.on.pick.clone()} />
                </section>
            }
            <QuotedTerms terms={data.quoted.clone()} on_pick={reader.on.pick.clone()} />
        </div>
    }
}
