//! What opening a file did: its text replaced the text area's (with undo), or why it was
//! refused (the text area unchanged).

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::use_lang;
use crate::state::file::ImportNotice;

#[derive(Properties, PartialEq)]
pub struct ImportNoticeProps {
    pub notice: Rc<ImportNotice>,
    pub on_undo: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component(ImportNoticeView)]
pub fn import_notice_view(props: &ImportNoticeProps) -> Html {
    let lang = use_lang();
    let notice = &props.notice;
    let name = &notice.name;
    let dismiss = html! {
        <button type="button" class="quiet" data-testid="import-dismiss"
                onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>{ lang.tr("知道了", "Dismiss") }</button>
    };
    match &notice.error {
        Some(error) => html! {
            <div class="import-notice failed" role="alert" data-testid="import-error">
                <p>{ lang.tr(
                    format!("无法打开「{name}」：{}", error.zh),
                    format!("Could not open “{name}”: {}", error.en),
                ) }</p>
                <div class="actions">{ dismiss }</div>
            </div>
        },
        None => html! {
            <div class="import-notice" role="status" data-testid="import-done">
                <p>{ lang.tr(format!("已打开「{name}」。"), format!("Opened “{name}”.")) }</p>
                if !notice.notes.is_empty() {
                    <ul>{ for notice.notes.iter().map(|n| html! { <li>{ n.get(lang).to_string() }</li> }) }</ul>
                }
                <div class="actions">
                    if notice.replaced.is_some() {
                        <button type="button" class="quiet" data-testid="import-undo"
                                onclick={props.on_undo.reform(|_: MouseEvent| ())}>
                            { lang.tr("撤销，恢复原来的文字", "Undo: put the earlier text back") }
                        </button>
                    }
                    { dismiss }
                </div>
            </div>
        },
    }
}
