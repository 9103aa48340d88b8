//! The articles of a paste that holds several: each with its size, its own keywords, the terms
//! that set it apart from the rest (log-likelihood G²) and its entities by type.

use std::rc::Rc;

use wenxi_core::{Article, EntityType};
use yew::prelude::*;

/// Keywords and key terms listed per article.
const TERMS_SHOWN: usize = 8;
/// Entities listed per type and article.
const ENTITIES_SHOWN: usize = 6;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub articles: Rc<[Article]>,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

#[component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let pick = |term: &str| super::pick_button(term, &props.on_pick);
    let article = |(i, a): (usize, &Article)| {
        let entities = EntityType::ALL.iter().filter_map(|&kind| {
            let names: Vec<_> = a.entities.iter().filter(|e| e.kind == kind).collect();
            (!names.is_empty()).then(|| {
                html! {
                    <div class="article-entities" data-type={kind.as_str()}>
                        <span class="label">{ kind.label_zh() }</span>
                        { for names.iter().take(ENTITIES_SHOWN).map(|e| html! {
                            <span class="chip">{ pick(&e.text) }</span>
                        }) }
                        if names.len() > ENTITIES_SHOWN {
                            <span class="muted">{ format!("等 {} 个", names.len()) }</span>
                        }
                    </div>
                }
            })
        });
        html! {
            <li data-testid="article" data-title={a.title.clone()} data-start={a.start.to_string()}
                data-end={a.end.to_string()}>
                <h3>
                    <span class="index">{ format!("{}.", i + 1) }</span>
                    { a.title.clone() }
                    <span class="muted size">{ format!(" {} 字", a.stats.characters) }</span>
                </h3>
                if !a.keywords.is_empty() {
                    <div class="article-row">
                        <span class="label">{ "关键词" }</span>
                        { for a.keywords.iter().take(TERMS_SHOWN).map(|k| html! {
                            <span class="chip">{ pick(&k.term) }</span>
                        }) }
                    </div>
                }
                if !a.key_terms.is_empty() {
                    <div class="article-row">
                        <span class="label" title="比其余文章用得明显更多的词；G² 越大越突出（3.84 对应 p < 0.05，10.83 对应 p < 0.001）">
                            { "本篇特有" }
                        </span>
                        { for a.key_terms.iter().take(TERMS_SHOWN).map(|t| html! {
                            <span class="chip" data-testid="article-key-term" data-term={t.term.clone()}
                                  title={format!("本篇 {} 次，其余文章 {} 次", t.count, t.rest_count)}>
                                { pick(&t.term) }
                                <span class="count">{ format!("G² {:.1}", t.log_likelihood) }</span>
                            </span>
                        }) }
                    </div>
                }
                { for entities }
            </li>
        }
    };
    html! {
        <ol class="articles">{ for props.articles.iter().enumerate().map(article) }</ol>
    }
}
