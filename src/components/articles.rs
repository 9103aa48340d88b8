//! The articles of a paste that holds several: each with its size, its own keywords, the terms
//! that set it apart from the rest (log-likelihood G²) and its entities by type.

use std::rc::Rc;

use wenxi_core::{Article, EntityType, KeyTerm};
use yew::prelude::*;

use crate::components::entities::{kind_label, pick};
use crate::i18n::{use_lang, Lang};
use crate::state::views::TextMark;

/// Keywords and key terms listed per article.
const TERMS_SHOWN: usize = 8;
/// Entities listed per type and article.
const ENTITIES_SHOWN: usize = 6;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub articles: Rc<[Article]>,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
    /// Opens the text at an article's start; without it no button is drawn.
    #[prop_or_default]
    pub on_show_in_text: Option<Callback<(usize, Option<TextMark>)>>,
    /// How many of the articles get a card (the first); all by default.
    #[prop_or(usize::MAX)]
    pub shown: usize,
}

/// The id of an article's card, for links to it.
pub fn article_id(index: usize) -> String {
    format!("article-{}", index + 1)
}

/// An article's size: "1,234 字 · 12 句" / "1,234 characters · 12 sentences".
pub fn article_size(a: &Article, lang: Lang) -> String {
    format!(
        "{} · {}",
        lang.count(a.stats.characters, "字", "character", "characters"),
        lang.count(a.stats.sentences, "句", "sentence", "sentences")
    )
}

/// What "sets it apart" means, in one sentence.
pub fn key_terms_explained(lang: Lang) -> &'static str {
    lang.tr(
        "“本篇特有”的词在这篇里用得比其余各篇明显更多，按对数似然比 G² 排序：G² 大于 3.84 相当于 p < 0.05，大于 10.83 相当于 p < 0.001。",
        "Terms that set an article apart are used markedly more in it than in the other articles, \
         ranked by log-likelihood G²: above 3.84 the difference is significant at p < 0.05, above \
         10.83 at p < 0.001.",
    )
}

#[derive(Properties, PartialEq)]
struct KeyTermTableProps {
    terms: Rc<[KeyTerm]>,
    on_pick: Callback<Option<String>>,
}

/// The terms that set one article apart: uses here and in the other articles, and G².
#[component(KeyTermTable)]
fn key_term_table(props: &KeyTermTableProps) -> Html {
    let lang = use_lang();
    html! {
        <table class="key-terms">
            <caption class="label">{ lang.tr("本篇特有", "Sets it apart") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ lang.tr("词", "Term") }</th>
                    <th scope="col" class="num">{ lang.tr("本篇", "Here") }</th>
                    <th scope="col" class="num">{ lang.tr("其余", "Others") }</th>
                    <th scope="col" class="num"><abbr title={lang.tr("对数似然比", "log-likelihood")}>{ "G²" }</abbr></th>
                </tr>
            </thead>
            <tbody>
                { for props.terms.iter().take(TERMS_SHOWN).map(|t| {
                    let title = match lang {
                        Lang::Zh => format!("本篇 {} 次，其余文章 {} 次", t.count, t.rest_count),
                        Lang::En => format!("{} here, {} in the other articles", t.count, t.rest_count),
                    };
                    html! {
                        <tr data-testid="article-key-term" data-term={t.term.clone()}
                            data-count={t.count.to_string()} data-rest-count={t.rest_count.to_string()}
                            {title}>
                            <th scope="row">{ pick(&t.term, &props.on_pick, lang) }</th>
                            <td class="num">{ t.count }</td>
                            <td class="num">{ t.rest_count }</td>
                            <td class="num">{ format!("{:.1}", t.log_likelihood) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleCardProps {
    index: usize,
    article: Article,
    on_pick: Callback<Option<String>>,
    on_show_in_text: Option<Callback<(usize, Option<TextMark>)>>,
}

#[component(ArticleCard)]
fn article_card(props: &ArticleCardProps) -> Html {
    let lang = use_lang();
    let (i, a) = (props.index, &props.article);
    let chip =
        |term: &str| html! { <span class="chip">{ pick(term, &props.on_pick, lang) }</span> };
    let entities = EntityType::ALL.iter().filter_map(|&kind| {
        let names: Vec<_> = a.entities.iter().filter(|e| e.kind == kind).collect();
        (!names.is_empty()).then(|| {
            html! {
                <div class="article-entities" data-type={kind.as_str()}>
                    <span class="label">{ kind_label(kind, lang) }</span>
                    { for names.iter().take(ENTITIES_SHOWN).map(|e| chip(&e.text)) }
                    if names.len() > ENTITIES_SHOWN {
                        <span class="muted">{ match lang {
                            Lang::Zh => format!("等 {} 个", names.len()),
                            Lang::En => format!("{} in all", names.len()),
                        } }</span>
                    }
                </div>
            }
        })
    });
    let in_text = props.on_show_in_text.as_ref().map(|show| {
        let (show, at) = (show.clone(), a.start);
        let onclick = Callback::from(move |_: MouseEvent| show.emit((at, None)));
        let label = match lang {
            Lang::Zh => format!("在原文中查看第 {} 篇", i + 1),
            Lang::En => format!("Show in text: article {}", i + 1),
        };
        html! {
            <button type="button" class="quiet" data-testid="article-in-text"
                    aria-label={label} {onclick}>
                { lang.tr("在原文中查看", "Show in text") }
            </button>
        }
    });
    let heading = format!("{}-title", article_id(i));
    html! {
        <li data-testid="article" data-index={i.to_string()} data-title={a.title.clone()}
            data-start={a.start.to_string()} data-end={a.end.to_string()} id={article_id(i)}
            aria-labelledby={heading.clone()}>
            <div class="article-head">
                <h3 id={heading}>
                    <span class="index">{ format!("{}.", i + 1) }</span>
                    { a.title.clone() }
                </h3>
                <span class="muted size">{ article_size(a, lang) }</span>
                { for in_text }
            </div>
            if !a.keywords.is_empty() {
                <div class="article-row">
                    <span class="label">{ lang.tr("关键词", "Keywords") }</span>
                    { for a.keywords.iter().take(TERMS_SHOWN).map(|k| chip(&k.term)) }
                </div>
            }
            if !a.key_terms.is_empty() {
                <KeyTermTable terms={Rc::<[KeyTerm]>::from(a.key_terms.clone())}
                              on_pick={props.on_pick.clone()} />
            }
            { for entities }
        </li>
    }
}

#[component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    html! {
        <ol class="articles">
            { for props.articles.iter().take(props.shown).enumerate().map(|(index, a)| html! {
                <ArticleCard key={index} {index} article={a.clone()} on_pick={props.on_pick.clone()}
                             on_show_in_text={props.on_show_in_text.clone()} />
            }) }
        </ol>
    }
}
