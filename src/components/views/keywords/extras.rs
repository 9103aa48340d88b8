//! Below the keyword table: keyword pairs used in the same sentences, and the phrases and new
//! words the text supports (each can go into the reader's dictionary).

use std::rc::Rc;

use wenxi_core::cooccurrence::TermLink;
use wenxi_core::phrases::Phrase;
use wenxi_core::userdict::UserWord;
use yew::prelude::*;

use crate::components::keywords::term_button;
use crate::i18n::{use_lang, Lang};
use crate::state::settings::{Settings, SettingsEdit};

/// Keyword pairs listed.
const LINKS_SHOWN: usize = 12;

#[derive(Properties, PartialEq)]
pub struct KeywordLinksProps {
    pub links: Rc<[TermLink]>,
    pub on_pick: Callback<Option<String>>,
}

#[component(KeywordLinks)]
pub fn keyword_links(props: &KeywordLinksProps) -> Html {
    let lang = use_lang();
    if props.links.is_empty() {
        return Html::default();
    }
    html! {
        <section class="keyword-links" aria-labelledby="keyword-links-title">
            <h3 id="keyword-links-title">{ lang.tr("同句共现", "Used together") }
                <span class="muted">{ lang.tr(
                    " 前 20 个关键词中常在同一句出现的词对",
                    " pairs of the top 20 keywords that share sentences",
                ) }</span>
            </h3>
            <ul>
                { for props.links.iter().take(LINKS_SHOWN).map(|l| html! {
                    <li data-testid="keyword-link" data-a={l.a.clone()} data-b={l.b.clone()}
                        data-sentences={l.sentences.to_string()}>
                        { term_button(&l.a, &props.on_pick, lang) }
                        <span class="joiner" aria-hidden="true">{ "—" }</span>
                        { term_button(&l.b, &props.on_pick, lang) }
                        <span class="count">{ lang.count(l.sentences, "句", "sentence", "sentences") }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PhraseListProps {
    pub phrases: Rc<[Phrase]>,
    pub settings: Rc<Settings>,
    pub on_pick: Callback<Option<String>>,
    pub on_settings: Callback<SettingsEdit>,
}

fn phrase_title(p: &Phrase, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "由 {} 组成；凝固度 {:.1}，左右邻接熵 {:.1} / {:.1}",
            p.parts.join(" + "),
            p.cohesion,
            p.left_entropy,
            p.right_entropy
        ),
        Lang::En => format!(
            "made of {}; cohesion {:.1}, neighbour entropy left {:.1} / right {:.1}",
            p.parts.join(" + "),
            p.cohesion,
            p.left_entropy,
            p.right_entropy
        ),
    }
}

#[component(PhraseList)]
pub fn phrase_list(props: &PhraseListProps) -> Html {
    let lang = use_lang();
    if props.phrases.is_empty() {
        return Html::default();
    }
    let add = |term: &str| {
        if props.settings.has_word(term) {
            return html! {
                <span class="muted in-dictionary">{ lang.tr("已在词典", "in the dictionary") }</span>
            };
        }
        let onclick = {
            let (on, word) = (props.on_settings.clone(), term.to_string());
            Callback::from(move |_: MouseEvent| {
                on.emit(SettingsEdit::AddWords(vec![UserWord {
                    word: word.clone(),
                    freq: None,
                    tag: None,
                }]))
            })
        };
        html! {
            <button type="button" class="quiet add" data-testid="phrase-add" {onclick}
                    aria-label={lang.tr(format!("加入词典：{term}"), format!("Add to dictionary: {term}"))}
                    title={lang.tr("加入用户词典：分词时保持完整", "Add to your dictionary: kept whole when segmenting")}>
                { lang.tr("加入词典", "Add to dictionary") }
            </button>
        }
    };
    html! {
        <section class="phrases" aria-labelledby="phrases-title">
            <h3 id="phrases-title">{ lang.tr("新词与短语", "New words and phrases") }
                <span class="muted">{ lang.tr(
                    " 文中反复成组出现、前后搭配多变的词串，可加入词典",
                    " word groups the text repeats with varied neighbours; add them to the dictionary",
                ) }</span>
            </h3>
            <ul>
                { for props.phrases.iter().map(|p| html! {
                    <li data-testid="phrase" data-term={p.term.clone()} data-count={p.count.to_string()}
                        title={phrase_title(p, lang)}>
                        { term_button(&p.term, &props.on_pick, lang) }
                        <span class="count">{ p.count }</span>
                        { add(&p.term) }
                    </li>
                }) }
            </ul>
        </section>
    }
}
