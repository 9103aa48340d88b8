//! The settings that steer the engine: the user's dictionary, stop words, and the parts of speech
//! a keyword may have. Every change is saved and the text analysed again.

mod dictionary;
mod display;
mod file;

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Said;
use crate::i18n::{use_lang, Lang};
use crate::state::settings::file::clean_word_en;
use crate::state::settings::{clean_word, Settings, SettingsEdit, POS_GROUPS};
use dictionary::DictionaryEditor;
use display::DisplaySettings;
use file::SettingsFiles;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: Rc<Settings>,
    pub on_edit: Callback<SettingsEdit>,
    /// Why the saved settings could not be used, if they could not.
    #[prop_or_default]
    pub notice: Option<Said>,
}

/// One line of what is set, for the folded panel.
fn summary(s: &Settings, lang: Lang) -> String {
    let custom = !s.keyword_pos.is_empty();
    let (words, extra, removed) = (
        s.user_words.len(),
        s.extra_stopwords.len(),
        s.removed_stopwords.len(),
    );
    match lang {
        Lang::Zh => format!(
            "词典 {words} 个词 · 停用词 +{extra} · 仍计入 {removed} · 关键词词性 {}",
            if custom { "自定" } else { "默认" }
        ),
        Lang::En => format!(
            "dictionary {} · stop words +{extra} · counted after all {removed} · parts of speech: {}",
            lang.count(words, "", "word", "words"),
            if custom { "chosen" } else { "default" }
        ),
    }
}

/// A part-of-speech group's name (the groups in `POS_GROUPS` carry the Chinese one).
fn group_label(key: &str, zh: &'static str, lang: Lang) -> &'static str {
    let en = match key {
        "noun" => "Nouns",
        "proper" => "Proper names (people, places, organisations)",
        "verb" => "Verbs",
        "english" => "English words",
        "idiom" => "Idioms and set phrases",
        "abbreviation" => "Abbreviations",
        "adjective" => "Adjectives",
        _ => zh,
    };
    lang.tr(zh, en)
}

#[component(SettingsPanel)]
pub fn settings_panel(props: &SettingsProps) -> Html {
    let lang = use_lang();
    let s = &props.settings;
    let edit = |make: fn(String) -> SettingsEdit| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |word: String| on_edit.emit(make(word)))
    };
    // The last group on cannot be turned off (no keywords at all): say so by disabling it.
    let groups_on = POS_GROUPS.iter().filter(|g| s.pos_group_on(g)).count();
    let groups = POS_GROUPS.iter().map(|g| {
        let on = s.pos_group_on(g);
        let disabled = on && groups_on == 1;
        let onchange = {
            let (on_edit, group) = (props.on_edit.clone(), g.key);
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                on_edit.emit(SettingsEdit::SetPosGroup {
                    group,
                    on: input.checked(),
                });
            })
        };
        html! {
            <label class="pos-group" title={g.tags.join(" ")}>
                <input type="checkbox" data-testid="pos-group" data-group={g.key} checked={on} {disabled} {onchange} />
                { group_label(g.key, g.label, lang) }
            </label>
        }
    });
    html! {
        <>
            if let Some(notice) = &props.notice {
                <p class="notice" role="status" data-testid="settings-notice">{
                    notice.get(lang).to_string()
                }</p>
            }
            <details class="card settings" data-testid="settings">
                <summary>
                    <h2>{ lang.tr("设置", "Settings") }</h2>
                    <span class="muted">{ summary(s, lang) }</span>
                </summary>
                <DisplaySettings display={s.display.clone()} builtin_stopwords={s.builtin_stopwords}
                                 on_edit={props.on_edit.clone()} />
                <DictionaryEditor words={Rc::<[_]>::from(s.user_words.clone())} on_edit={props.on_edit.clone()} />
                <section class="settings-part">
                    <h3>{ lang.tr("停用词", "Stop words") }<span class="muted">{ lang.tr(" 不算作关键词的词", " words never taken as keywords") }</span></h3>
                    <WordList testid="stopword" label={lang.tr("我的停用词", "My stop words")}
                              placeholder={lang.tr("例如：记者", "e.g. 记者")}
                              words={s.extra_stopwords.clone()}
                              on_add={edit(SettingsEdit::AddStopword)} on_remove={edit(SettingsEdit::RemoveStopword)} />
                    <WordList testid="counted" label={lang.tr("仍然计入的内置停用词", "Built-in stop words counted after all")}
                              placeholder={lang.tr("例如：发展", "e.g. 发展")}
                              words={s.removed_stopwords.clone()} only_builtin=true
                              on_add={edit(SettingsEdit::CountAfterAll)} on_remove={edit(SettingsEdit::StopCounting)} />
                </section>
                <section class="settings-part">
                    <h3>{ lang.tr("关键词词性", "Keyword parts of speech") }<span class="muted">{ lang.tr(" 关键词只从勾选的词性中选", " keywords come only from the parts ticked") }</span></h3>
                    <div class="pos-groups">{ for groups }</div>
                </section>
                <SettingsFiles settings={s.clone()} on_edit={props.on_edit.clone()} />
            </details>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct WordListProps {
    /// `data-testid` of the items; the input and button take `-input` and `-add` after it.
    testid: &'static str,
    label: &'static str,
    placeholder: &'static str,
    words: Vec<String>,
    /// Only built-in stop words (Chinese or English) may be added.
    #[prop_or_default]
    only_builtin: bool,
    on_add: Callback<String>,
    on_remove: Callback<String>,
}

/// A list of words with a remove button each and a field to add one.
#[component(WordList)]
fn word_list(props: &WordListProps) -> Html {
    let lang = use_lang();
    let input = use_node_ref();
    let problem = use_state(|| None::<String>);
    let onsubmit = {
        let (input, problem) = (input.clone(), problem.clone());
        let (on_add, only_builtin) = (props.on_add.clone(), props.only_builtin);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(field) = input.cast::<HtmlInputElement>() else {
                return;
            };
            match clean_word(&field.value()) {
                Err(message) => {
                    problem.set(Some(lang.tr(message, clean_word_en(message)).to_string()))
                }
                Ok(word)
                    if only_builtin
                        && !wenxi_core::stopwords::StopWords::builtin().contains(&word) =>
                {
                    problem.set(Some(lang.tr(
                        format!("「{word}」不是内置停用词，本来就会计入"),
                        format!("“{word}” is not a built-in stop word: it is counted anyway"),
                    )))
                }
                Ok(word) => {
                    problem.set(None);
                    field.set_value("");
                    on_add.emit(word);
                }
            }
        })
    };
    let testid = props.testid;
    html! {
        <div class="word-list-editor">
            <h4>{ props.label }</h4>
            if !props.words.is_empty() {
                <ul class="word-list">
                    { for props.words.iter().map(|w| {
                        let onclick = {
                            let (on_remove, w) = (props.on_remove.clone(), w.clone());
                            Callback::from(move |_: MouseEvent| on_remove.emit(w.clone()))
                        };
                        html! {
                            <li data-testid={testid} data-word={w.clone()}>
                                <span class="word">{ w.clone() }</span>
                                <button type="button" class="remove" aria-label={lang.tr(format!("移除「{w}」"), format!("Remove “{w}”"))} {onclick}>{ "×" }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <form class="add-word" {onsubmit}>
                <input ref={input} data-testid={format!("{testid}-input")} aria-label={props.label}
                       placeholder={props.placeholder} />
                <button type="submit" class="quiet" data-testid={format!("{testid}-add")}>{ lang.tr("添加", "Add") }</button>
            </form>
            if let Some(message) = &*problem {
                <p class="notice" role="alert">{ message.clone() }</p>
            }
        </div>
    }
}
