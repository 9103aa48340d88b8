//! The user's dictionary: its words, a form to add one, import of a jieba-format `.txt` (bad
//! lines listed by number, good ones kept) and export as a download.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use wenxi_core::normalize::fold_width;
use wenxi_core::userdict::{self, DictError, UserWord};
use yew::prelude::*;

use crate::download::download;
use crate::i18n::{use_lang, Lang};
use crate::state::settings::file::clean_word_en;
use crate::state::settings::{clean_word, SettingsEdit};

/// Tags offered when adding a word (jieba/ICTCLAS), with what they mean in each language.
const TAGS: [(&str, &str, &str); 11] = [
    (
        "",
        "自动（新词按专名）",
        "automatic (new words as proper names)",
    ),
    ("n", "n 名词", "n noun"),
    ("nr", "nr 人名", "nr person's name"),
    ("ns", "ns 地名", "ns place name"),
    ("nt", "nt 机构名", "nt organisation name"),
    ("nz", "nz 其他专名", "nz other proper name"),
    ("v", "v 动词", "v verb"),
    ("vn", "vn 名动词", "vn verbal noun"),
    ("eng", "eng 英文", "eng English word"),
    ("i", "i 成语", "i idiom"),
    ("j", "j 简称", "j abbreviation"),
];
/// Bad lines of an import listed one by one; the rest are counted.
const ERRORS_SHOWN: usize = 20;
/// The name of the exported file.
const EXPORT_NAME: &str = "wenxi-userdict.txt";

/// What the last import did.
#[derive(Clone, PartialEq)]
struct ImportOutcome {
    file: String,
    words: usize,
    errors: Vec<DictError>,
}

#[derive(Properties, PartialEq)]
pub struct DictionaryProps {
    pub words: Rc<[UserWord]>,
    pub on_edit: Callback<SettingsEdit>,
}

/// A word from the form's fields, or why not, in the reader's words.
fn word_from_form(word: &str, freq: &str, tag: &str, lang: Lang) -> Result<UserWord, String> {
    let word = clean_word(word).map_err(|e| lang.tr(e, clean_word_en(e)).to_string())?;
    let freq = match freq.trim() {
        "" => None,
        f => Some(f.parse::<usize>().map_err(|_| {
            lang.tr(
                format!("词频「{f}」不是非负整数"),
                format!("The frequency “{f}” is not a whole number of 0 or more"),
            )
        })?),
    };
    let tag = (!tag.is_empty()).then(|| tag.to_string());
    userdict::check_with(&UserWord { word, freq, tag }, fold_width).map_err(|e| {
        lang.tr(
            format!("不能加入词典：{e}"),
            format!("Cannot add it to the dictionary: {e}"),
        )
    })
}

fn value(node: &NodeRef) -> String {
    if let Some(input) = node.cast::<HtmlInputElement>() {
        input.value()
    } else if let Some(select) = node.cast::<HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

#[component(DictionaryEditor)]
pub fn dictionary_editor(props: &DictionaryProps) -> Html {
    let lang = use_lang();
    let (word, freq, tag) = (use_node_ref(), use_node_ref(), use_node_ref());
    let problem = use_state(|| None::<String>);
    let imported = use_state(|| None::<ImportOutcome>);

    let onsubmit = {
        let (word, freq, tag) = (word.clone(), freq.clone(), tag.clone());
        let (problem, on_edit) = (problem.clone(), props.on_edit.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match word_from_form(&value(&word), &value(&freq), &value(&tag), lang) {
                Ok(w) => {
                    problem.set(None);
                    on_edit.emit(SettingsEdit::AddWords(vec![w]));
                    for node in [&word, &freq] {
                        if let Some(input) = node.cast::<HtmlInputElement>() {
                            input.set_value("");
                        }
                    }
                    if let Some(select) = tag.cast::<HtmlSelectElement>() {
                        select.set_value("");
                    }
                }
                Err(message) => problem.set(Some(message)),
            }
        })
    };

    let onchange = {
        let (imported, on_edit) = (imported.clone(), props.on_edit.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Cleared, so that picking the same file again imports it again.
            input.set_value("");
            let (imported, on_edit) = (imported.clone(), on_edit.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let outcome = match text.ok().and_then(|t| t.as_string()) {
                    Some(text) => {
                        let (words, errors) = userdict::parse_with(&text, fold_width);
                        let count = words.len();
                        if count > 0 {
                            on_edit.emit(SettingsEdit::AddWords(words));
                        }
                        ImportOutcome {
                            file: file.name(),
                            words: count,
                            errors,
                        }
                    }
                    None => ImportOutcome {
                        file: file.name(),
                        words: 0,
                        errors: vec![DictError {
                            line: 0,
                            text: String::new(),
                            message: lang
                                .tr(
                                    "文件读不出来（不是文本文件？）",
                                    "The file cannot be read (is it a text file?)",
                                )
                                .into(),
                        }],
                    },
                };
                imported.set(Some(outcome));
            });
        })
    };

    let export = {
        let (words, problem) = (props.words.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            if download(
                EXPORT_NAME,
                "text/plain;charset=utf-8",
                &userdict::format(&words),
            )
            .is_err()
            {
                problem.set(Some(
                    lang.tr(
                        "浏览器没能生成下载文件",
                        "The browser could not make the download",
                    )
                    .into(),
                ));
            }
        })
    };

    let word_item = |w: &UserWord| {
        let remove = {
            let (on_edit, word) = (props.on_edit.clone(), w.word.clone());
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(SettingsEdit::RemoveWord(word.clone()))
            })
        };
        let detail = [
            w.freq
                .map(|f| lang.tr(format!("词频 {f}"), format!("frequency {f}"))),
            w.tag.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        html! {
            <li data-testid="dict-word" data-word={w.word.clone()}
                data-freq={w.freq.map(|f| f.to_string())} data-tag={w.tag.clone()}>
                <span class="word">{ w.word.clone() }</span>
                if !detail.is_empty() { <span class="muted">{ detail }</span> }
                <button type="button" class="remove" aria-label={lang.tr(
                            format!("从词典删除「{}」", w.word),
                            format!("Remove “{}” from the dictionary", w.word),
                        )}
                        onclick={remove}>{ "×" }</button>
            </li>
        }
    };

    let import_report = imported.as_ref().map(|o| {
        html! {
            <div class="import-report" data-testid="dict-import-report" data-words={o.words.to_string()}
                 data-errors={o.errors.len().to_string()} role="status">
                <p>{ lang.tr(
                        format!("从「{}」导入 {} 个词", o.file, o.words),
                        format!("Imported {} from “{}”", lang.count(o.words, "", "word", "words"), o.file),
                    ) }
                    if !o.errors.is_empty() { { lang.tr(
                        format!("，{} 行无法使用：", o.errors.len()),
                        format!("; {} could not be used:", lang.count(o.errors.len(), "", "line", "lines")),
                    ) } }
                </p>
                if !o.errors.is_empty() {
                    <ul class="import-errors">
                        { for o.errors.iter().take(ERRORS_SHOWN).map(|e| html! {
                            <li data-testid="dict-import-error" data-line={e.line.to_string()}>
                                if e.line > 0 { <span class="line">{ lang.tr(format!("第 {} 行", e.line), format!("line {}", e.line)) }</span> }
                                if !e.text.is_empty() { <code>{ e.text.clone() }</code> }
                                <span class="muted">{ e.message.clone() }</span>
                            </li>
                        }) }
                    </ul>
                    if o.errors.len() > ERRORS_SHOWN {
                        <p class="muted">{ {
                            let more = o.errors.len() - ERRORS_SHOWN;
                            lang.tr(
                                format!("另有 {more} 行未列出。"),
                                format!("{} more not listed.", lang.count(more, "", "line", "lines")),
                            )
                        } }</p>
                    }
                }
            </div>
        }
    });

    html! {
        <section class="settings-part dictionary">
            <h3>{ lang.tr("用户词典", "My dictionary") }<span class="muted">{ lang.tr(
                " 分词时保持完整的词（人名、术语、新词）",
                " words kept whole when the text is split into words (names, terms, new words)",
            ) }</span></h3>
            if props.words.is_empty() {
                <p class="muted">{ lang.tr("词典是空的。", "The dictionary is empty.") }</p>
            } else {
                <ul class="word-list">{ for props.words.iter().map(word_item) }</ul>
            }
            <form class="add-word" {onsubmit}>
                <input ref={word} data-testid="dict-word-input" aria-label={lang.tr("要加入词典的词", "Word to add to the dictionary")}
                       placeholder={lang.tr("词", "Word")} />
                <input ref={freq} data-testid="dict-freq-input"
                       aria-label={lang.tr("词频（可不填）", "Frequency (optional)")}
                       placeholder={lang.tr("词频（可不填）", "Frequency (optional)")}
                       type="number" min="0" step="1" class="freq" />
                <select ref={tag} data-testid="dict-tag-input" aria-label={lang.tr("词性", "Part of speech")}>
                    // `selected` said outright: a browser selects whichever option it is given first.
                    { for TAGS.iter().map(|&(t, zh, en)| html! {
                        <option value={t} selected={t.is_empty()}>{ lang.tr(zh, en) }</option>
                    }) }
                </select>
                <button type="submit" data-testid="dict-add">{ lang.tr("加入词典", "Add to dictionary") }</button>
            </form>
            if let Some(message) = &*problem {
                <p class="notice" role="alert" data-testid="dict-problem">{ message.clone() }</p>
            }
            <div class="dict-files">
                <label class="file-button">
                    { lang.tr("导入 .txt", "Import .txt") }
                    <input type="file" accept=".txt,text/plain" data-testid="dict-import" {onchange} />
                </label>
                <button type="button" class="quiet" data-testid="dict-export" onclick={export}
                        disabled={props.words.is_empty()}>{ lang.tr("导出 .txt", "Export .txt") }</button>
                <span class="muted">{ lang.tr(
                    "jieba 格式：每行「词 [词频] [词性]」",
                    "jieba's format: one “word [frequency] [tag]” a line",
                ) }</span>
            </div>
            { import_report }
        </section>
    }
}
