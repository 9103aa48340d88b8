//! The settings as a file: export all of them, import a file back. An import replaces every
//! setting at once or, when anything in the file is wrong, nothing (the notice says what).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::download::download;
use crate::i18n::{use_lang, Lang};
use crate::state::settings::file::{from_file_in, summary_in, to_file, MAX_FILE_BYTES};
use crate::state::settings::{Settings, SettingsEdit};

const EXPORT_NAME: &str = "wenxi-settings.json";

/// What the last import or export did, for the notice.
#[derive(Clone, PartialEq)]
enum Outcome {
    Imported(String),
    Rejected(String),
}

#[derive(Properties, PartialEq)]
pub struct SettingsFilesProps {
    pub settings: Rc<Settings>,
    pub on_edit: Callback<SettingsEdit>,
}

/// What `file` holds as settings, or why it cannot be used.
async fn read(file: web_sys::File, lang: Lang) -> Result<Settings, String> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        let kb = file.size() / 1024.0;
        return Err(lang.tr(
            format!("「{name}」太大（{kb:.0} KB），不是设置文件"),
            format!("“{name}” is too large ({kb:.0} KB) to be a settings file"),
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| {
            lang.tr(
                format!("「{name}」读不出来"),
                format!("“{name}” cannot be read"),
            )
        })?;
    from_file_in(&text, lang).map_err(|problem| {
        lang.tr(
            format!("「{name}」不能导入：{problem}"),
            format!("“{name}” cannot be imported: {problem}"),
        )
    })
}

#[component(SettingsFiles)]
pub fn settings_files(props: &SettingsFilesProps) -> Html {
    let lang = use_lang();
    let outcome = use_state(|| None::<Outcome>);
    let export = {
        let (settings, outcome) = (props.settings.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let text = to_file(&settings);
            if download(EXPORT_NAME, "application/json;charset=utf-8", &text).is_err() {
                outcome.set(Some(Outcome::Rejected(
                    lang.tr(
                        "浏览器没能生成下载文件",
                        "The browser could not make the download",
                    )
                    .into(),
                )));
            }
        })
    };
    let onchange = {
        let (outcome, on_edit) = (outcome.clone(), props.on_edit.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Cleared, so that picking the same file again imports it again.
            input.set_value("");
            let (outcome, on_edit) = (outcome.clone(), on_edit.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read(file, lang).await {
                    Ok(settings) => {
                        let said = summary_in(&settings, lang);
                        on_edit.emit(SettingsEdit::ReplaceAll(settings));
                        outcome.set(Some(Outcome::Imported(said)));
                    }
                    Err(problem) => outcome.set(Some(Outcome::Rejected(problem))),
                }
            });
        })
    };
    let notice = outcome.as_ref().map(|o| {
        let (state, role, text) = match o {
            Outcome::Imported(text) => ("imported", "status", text),
            Outcome::Rejected(text) => ("rejected", "alert", text),
        };
        html! {
            <p class="notice" {role} data-testid="settings-file-notice" data-outcome={state}>
                { text.clone() }
            </p>
        }
    });
    html! {
        <section class="settings-part">
            <h3>{ lang.tr("设置文件", "Settings file") }<span class="muted">{ lang.tr(
                " 全部设置一起保存，或换到另一台电脑",
                " keep every setting in one file, or move them to another computer",
            ) }</span></h3>
            <div class="settings-files">
                <button type="button" class="quiet" data-testid="settings-export" onclick={export}>
                    { lang.tr("导出设置", "Export settings") }
                </button>
                <label class="file-button">
                    { lang.tr("导入设置", "Import settings") }
                    <input type="file" accept=".json,application/json" data-testid="settings-import"
                           {onchange} />
                </label>
                <span class="muted">{ lang.tr("导入会替换现有的全部设置", "Importing replaces every current setting") }</span>
            </div>
            { notice }
        </section>
    }
}
