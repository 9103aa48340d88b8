//! Overview: the text at a glance. Statistics as cards, the leading keywords of the reader's
//! method, the most frequent entities of each type, and the cloud; each word opens its
//! contexts, and a link leads to the full view of each.

use std::rc::Rc;

use wenxi_core::{Cloud, Entity, EntityType, Keyword};
use yew::prelude::*;

use crate::components::entities::kind_label;

use super::use_reader;
use crate::components::keywords::{LeadingKeywords, Ranking};
use crate::components::{CloudView, StatsPanel};
use crate::i18n::Lang;
use crate::state::views::View;

/// Keywords listed in the overview.
const KEYWORDS_SHOWN: usize = 20;
/// Entities listed per type.
const ENTITIES_SHOWN: usize = 8;

/// The most frequent entities of each type that has any, in type order.
fn leading_entities(entities: &[Entity]) -> Vec<(EntityType, Vec<Entity>)> {
    EntityType::ALL
        .into_iter()
        .filter_map(|kind| {
            let mut of_kind: Vec<&Entity> = entities.iter().filter(|e| e.kind == kind).collect();
            // Stable: equal counts keep the report's order.
            of_kind.sort_by_key(|e| std::cmp::Reverse(e.count));
            let top: Vec<Entity> = of_kind
                .into_iter()
                .take(ENTITIES_SHOWN)
                .map(|e| Entity {
                    spans: Vec::new(),
                    ..e.clone()
                })
                .collect();
            (!top.is_empty()).then_some((kind, top))
        })
        .collect()
}

/// What the overview draws, derived once per report.
struct Parts {
    cloud: Rc<Cloud>,
    entities: Vec<(EntityType, Vec<Entity>)>,
}

#[component(OverviewView)]
pub fn overview_view() -> Html {
    let reader = use_reader();
    let report = reader.as_ref().map(|r| r.report.clone());
    let parts = use_memo(report.map(PtrKey), |report| {
        report.as_ref().map(|PtrKey(r)| Parts {
            cloud: Rc::new(r.cloud.clone()),
            entities: leading_entities(&r.entities),
        })
    });
    let method = reader.as_ref().map(|r| r.settings.display.keyword_method);
    let keywords = use_memo(
        (reader.as_ref().map(|r| PtrKey(r.report.clone())), method),
        |(report, method)| match (report, method) {
            (Some(PtrKey(r)), Some(m)) => Rc::<[Keyword]>::from(
                Ranking::of(*m)
                    .list(r)
                    .iter()
                    .take(KEYWORDS_SHOWN)
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
            _ => Rc::from(Vec::new()),
        },
    );
    let (Some(reader), Some(parts)) = (reader, parts.as_ref()) else {
        return Html::default();
    };
    let lang = reader.lang;
    let ranking = Ranking::of(reader.settings.display.keyword_method);
    let go = |view: View| {
        let on = reader.on.view.clone();
        Callback::from(move |_: MouseEvent| on.emit(view))
    };
    let entity_chip = |e: &Entity| {
        let onclick = {
            let (on, text) = (reader.on.pick.clone(), e.text.clone());
            Callback::from(move |_: MouseEvent| on.emit(Some(text.clone())))
        };
        // The name is the content: the text, its count, and, hidden, what the count means.
        let (before, after) = match lang {
            Lang::Zh => ("，出现 ", " 次"),
            Lang::En => (", ", if e.count == 1 { " time" } else { " times" }),
        };
        html! {
            <li>
                <button type="button" class={classes!("entity-chip", e.kind.as_str())}
                        data-testid="entity" data-type={e.kind.as_str()} data-text={e.text.clone()}
                        data-count={e.count.to_string()}
                        title={lang.tr("查看出现位置与上下文", "Where it occurs, in context")} {onclick}>
                    <span class="text">{ e.text.clone() }<span class="visually-hidden">{ before }</span></span>
                    <span class="count">{ e.count }<span class="visually-hidden">{ after }</span></span>
                </button>
            </li>
        }
    };
    html! {
        <div class="overview">
            <section class="card overview-stats" aria-labelledby="overview-stats-title">
                <h2 id="overview-stats-title">{ lang.tr("统计", "Statistics") }</h2>
                <StatsPanel stats={reader.report.stats.clone()} />
            </section>
            <div class="overview-lists">
                <section class="card overview-keywords" aria-labelledby="overview-keywords-title">
                    <header class="overview-head">
                        <h2 id="overview-keywords-title">
                            { lang.tr("关键词", "Keywords") }
                            <span class="muted">{ format!(" {}", ranking.label(lang)) }</span>
                        </h2>
                        <button type="button" class="link-button" data-testid="overview-more-keywords"
                                onclick={go(View::Keywords)}>
                            { lang.tr("全部关键词 →", "All keywords →") }
                        </button>
                    </header>
                    <LeadingKeywords {ranking} keywords={(*keywords).clone()} limit={KEYWORDS_SHOWN}
                                     on_pick={reader.on.pick.clone()} />
                </section>
                <section class="card overview-entities" aria-labelledby="overview-entities-title">
                    <header class="overview-head">
                        <h2 id="overview-entities-title">{ lang.tr("实体", "Entities") }</h2>
                        <button type="button" class="link-button" data-testid="overview-more-entities"
                                onclick={go(View::Entities)}>
                            { lang.tr("全部实体 →", "All entities →") }
                        </button>
                    </header>
                    if parts.entities.is_empty() {
                        <p class="muted">{ lang.tr("没有找到实体。", "No entities found.") }</p>
                    }
                    { for parts.entities.iter().map(|(kind, list)| html! {
                        <section class="entity-type" data-group={kind.as_str()}>
                            <h3>{ kind_label(*kind, lang) }</h3>
                            <ul class="entity-chips">{ for list.iter().map(entity_chip) }</ul>
                        </section>
                    }) }
                </section>
            </div>
            <section class="card overview-cloud" aria-labelledby="overview-cloud-title">
                <h2 id="overview-cloud-title">{ lang.tr("词云", "Keyword cloud") }</h2>
                <CloudView cloud={parts.cloud.clone()} on_pick={reader.on.pick.clone()} />
            </section>
        </div>
    }
}

/// A report compared by pointer: memos keyed on it never walk the report.
#[derive(Clone)]
struct PtrKey(Rc<wenxi_core::Report>);

impl PartialEq for PtrKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, kind: EntityType, count: usize) -> Entity {
        Entity {
            text: text.into(),
            kind,
            count,
            first: 0,
            spans: vec![[0, 1]],
            value: None,
        }
    }

    #[test]
    fn leading_entities_are_the_most_frequent_of_each_type_present() {
        let mut entities: Vec<Entity> = (0..12)
            .map(|i| entity(&format!("人{i}"), EntityType::Person, i))
            .collect();
        entities.push(entity("杭州", EntityType::Place, 3));
        let groups = leading_entities(&entities);
        let kinds: Vec<EntityType> = groups.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, [EntityType::Person, EntityType::Place]);
        let people: Vec<usize> = groups[0].1.iter().map(|e| e.count).collect();
        assert_eq!(people, [11, 10, 9, 8, 7, 6, 5, 4]);
        assert!(groups[0].1.iter().all(|e| e.spans.is_empty()));
    }
}
