//! Entities grouped by type, each with its count, what a time or quantity means, and a way to
//! see it in the text.

use std::rc::Rc;

use wenxi_core::{Entity, EntityLink, EntityType, NameSource};
use yew::prelude::*;

use crate::i18n::{use_lang, Lang};
use crate::state::views::TextMark;

mod values;
pub use values::value_text;

#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    pub entities: Rc<[Entity]>,
    /// Pairs listed under the groups (leave empty when they are shown elsewhere).
    pub links: Rc<[EntityLink]>,
    pub names_from: NameSource,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
    /// Shows an entity in the text; without it no "in text" buttons are drawn.
    #[prop_or_default]
    pub on_show_in_text: Option<Callback<(usize, Option<TextMark>)>>,
    /// Types the reader has hidden.
    #[prop_or_default]
    pub hidden: Rc<[EntityType]>,
}

/// How many co-occurring pairs to list.
pub const LINKS_SHOWN: usize = 12;

/// Entities of one type listed before a "show all" button: a 20 MB text had 9,848 distinct
/// entities, and drawing them all took the page hundreds of milliseconds.
const ENTITIES_SHOWN: usize = 100;

/// A type's name as a heading says it.
pub fn kind_label(kind: EntityType, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => kind.label_zh(),
        Lang::En => match kind {
            EntityType::Person => "People",
            EntityType::Place => "Places",
            EntityType::Organization => "Organisations",
            EntityType::Time => "Times",
            EntityType::Quantity => "Quantities",
            EntityType::Work => "Works",
        },
    }
}

/// The tooltip: where the entity first occurs.
fn entity_title(e: &Entity, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("首次出现在第 {} 字", e.first + 1),
        Lang::En => format!("First occurs at character {}", e.first + 1),
    }
}

/// The word as a button that opens its contexts.
pub fn pick(term: &str, on_pick: &Callback<Option<String>>, lang: Lang) -> Html {
    let onclick = {
        let on_pick = on_pick.clone();
        let term = term.to_string();
        Callback::from(move |_: MouseEvent| on_pick.emit(Some(term.clone())))
    };
    html! {
        <button type="button" class="pick" {onclick}
                title={lang.tr("查看出现位置与上下文", "Show where it occurs, in context")}>
            { term }
        </button>
    }
}

#[derive(Properties, PartialEq)]
struct EntityItemProps {
    entity: Entity,
    on_pick: Callback<Option<String>>,
    on_show_in_text: Option<Callback<(usize, Option<TextMark>)>>,
}

/// One entity: its name (opens its contexts), its count, its value, and "in text".
#[component(EntityItem)]
fn entity_item(props: &EntityItemProps) -> Html {
    let lang = use_lang();
    let e = &props.entity;
    let kind = e.kind;
    let in_text = props.on_show_in_text.as_ref().map(|show| {
        let show = show.clone();
        let (at, text) = (e.first, e.text.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            show.emit((
                at,
                Some(TextMark::Entity {
                    text: text.clone(),
                    kind,
                }),
            ))
        });
        let label = match lang {
            Lang::Zh => format!("在原文中标出“{}”", e.text),
            Lang::En => format!("Highlight “{}” in text", e.text),
        };
        html! {
            <button type="button" class="in-text" data-testid="entity-in-text"
                    aria-label={label.clone()} title={label} {onclick}>
                { lang.tr("原文", "in text") }
            </button>
        }
    });
    let count_label = lang.count(e.count, "次", "time", "times");
    html! {
        <li data-testid="entity" data-type={kind.as_str()} data-text={e.text.clone()}
            data-count={e.count.to_string()}
            data-value={e.value.as_ref().map(wenxi_core::values::display)}
            title={entity_title(e, lang)}>
            <span class="text">{ pick(&e.text, &props.on_pick, lang) }</span>
            <span class="count" aria-hidden="true" title={count_label.clone()}>{ e.count }</span>
            <span class="visually-hidden">{ count_label }</span>
            if let Some(v) = &e.value {
                <span class="value" data-testid="entity-value"
                      title={lang.tr("规范化的值", "Normalised value")}>
                    { value_text(v, lang) }
                </span>
            }
            { for in_text }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct EntityGroupProps {
    kind: EntityType,
    items: Rc<[Entity]>,
    on_pick: Callback<Option<String>>,
    on_show_in_text: Option<Callback<(usize, Option<TextMark>)>>,
}

/// The entities of one type, the first hundred until the reader asks for all.
#[component(EntityGroup)]
fn entity_group(props: &EntityGroupProps) -> Html {
    let lang = use_lang();
    let expanded = use_state(|| false);
    let kind = props.kind;
    let total = props.items.len();
    let shown = if *expanded {
        total
    } else {
        total.min(ENTITIES_SHOWN)
    };
    let show_all = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(true))
    };
    let heading_id = format!("entity-group-{}", kind.as_str());
    html! {
        <section class="entity-group" data-group={kind.as_str()} aria-labelledby={heading_id.clone()}>
            <h4 id={heading_id}>{ kind_label(kind, lang) }<span class="muted">{ format!(" {total}") }</span></h4>
            if total == 0 {
                <p class="muted">{ lang.tr("无", "None") }</p>
            } else {
                <ul>
                { for props.items.iter().take(shown).map(|e| html! {
                    <EntityItem key={e.text.clone()} entity={e.clone()} on_pick={props.on_pick.clone()}
                                on_show_in_text={props.on_show_in_text.clone()} />
                }) }
                </ul>
                if shown < total {
                    <button type="button" class="quiet" data-testid="entity-show-all"
                            data-type={kind.as_str()} onclick={show_all}>
                        { match lang {
                            Lang::Zh => format!("显示全部 {total} 个"),
                            Lang::En => format!("Show all {total}"),
                        } }
                    </button>
                }
            }
        </section>
    }
}

/// A shared value compared by pointer: the key of a memo over a report (or a part of it), which
/// is never changed in place. It holds the value, so its address cannot be reused meanwhile.
pub struct Same<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The entities of each type, in [`EntityType::ALL`] order.
pub fn by_type(entities: &[Entity]) -> Vec<(EntityType, Rc<[Entity]>)> {
    EntityType::ALL
        .iter()
        .map(|&kind| {
            let items: Rc<[Entity]> = entities
                .iter()
                .filter(|e| e.kind == kind)
                .cloned()
                .collect();
            (kind, items)
        })
        .collect()
}

#[component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    let lang = use_lang();
    let grouped = use_memo(Same(props.entities.clone()), |e| by_type(&e.0));
    let groups = grouped
        .iter()
        .filter(|(kind, _)| !props.hidden.contains(kind))
        .map(|(kind, items)| {
            let (kind, items) = (*kind, items.clone());
            html! {
                <EntityGroup key={kind.as_str()} {kind} {items} on_pick={props.on_pick.clone()}
                             on_show_in_text={props.on_show_in_text.clone()} />
            }
        });
    let notice = match &props.names_from {
        NameSource::Model => Html::default(),
        NameSource::Rules { reason } => html! {
            <p class="notice" data-testid="entity-model-unavailable" title={reason.clone()}>
                { lang.tr(
                    "实体识别模型不可用：下面的人名、地名、机构名只是按词性规则找出的粗略结果。",
                    "The entity model is unavailable: the people, places and organisations below \
                     were found by part-of-speech rules alone and are only rough.",
                ) }
            </p>
        },
    };
    html! {
        <>
            { notice }
            <div class="entities">{ for groups }</div>
            if !props.links.is_empty() {
                <EntityLinkList links={props.links.clone()} on_pick={props.on_pick.clone()} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct EntityLinkListProps {
    pub links: Rc<[EntityLink]>,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

/// The pairs of names most often in the same sentence, most first.
#[component(EntityLinkList)]
pub fn entity_link_list(props: &EntityLinkListProps) -> Html {
    let lang = use_lang();
    let links = props.links.iter().take(LINKS_SHOWN).map(|l| {
        let sentences = lang.count(l.sentences, "句", "sentence", "sentences");
        html! {
            <li data-testid="entity-link" data-a={l.a.text.clone()} data-b={l.b.text.clone()}
                data-sentences={l.sentences.to_string()}>
                <span class={classes!("name", l.a.kind.as_str())}>{ pick(&l.a.text, &props.on_pick, lang) }</span>
                <span class="joiner" aria-hidden="true">{ "—" }</span>
                <span class={classes!("name", l.b.kind.as_str())}>{ pick(&l.b.text, &props.on_pick, lang) }</span>
                <span class="count" title={lang.tr("同时提到两者的句子数", "Sentences that name both")}>
                    { sentences }
                </span>
            </li>
        }
    });
    html! {
        <section class="entity-links">
            <h4>
                { lang.tr("最常同句的名字", "Names most often in one sentence") }
                <span class="muted">{ lang.tr(
                    " 人名、地名、机构两两配对",
                    " people, places and organisations, in pairs",
                ) }</span>
            </h4>
            <ul>{ for links }</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn english_names_every_type() {
        for kind in EntityType::ALL {
            assert!(kind_label(kind, Lang::En).is_ascii());
            assert_eq!(kind_label(kind, Lang::Zh), kind.label_zh());
        }
    }
}
