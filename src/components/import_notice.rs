//! What opening a file did: its text replaced the text area's (with undo), or why it was
//! refused (the text area unchanged).

use std::rc::Rc;

use yew::prelude::*;

use crate::state::file::ImportNotice;

#[derive(Properties, PartialEq)]
pub struct ImportNoticeProps {
    pub notice: Rc<ImportNotice>,
    pub on_undo: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component(ImportNoticeView)]
pub fn import_notice_view(props: &ImportNoticeProps) -> Html {
    let notice = &props.notice;
    let dismiss = html! {
        <button type="button" class="quiet" data-testid="import-dismiss"
                onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>{ "知道了" }</button>
    };
    match &notice.error {
        Some(error) => html! {
            <div class="import-notice failed" role="alert" data-testid="import-error">
                <p>{ format!("无法打开「{}」：{error}", notice.name) }</p>
                <div class="actions">{ dismiss }</div>
            </div>
        },
        None => html! {
            <div class="import-notice" role="status" data-testid="import-done">
                <p>{ format!("已打开「{}」。", notice.name) }</p>
                if !notice.notes.is_empty() {
                    <ul>{ for notice.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                }
                <div class="actions">
                    if notice.replaced.is_some() {
                        <button type="button" class="quiet" data-testid="import-undo"
                                onclick={props.on_undo.reform(|_: MouseEvent| ())}>
                            { "撤销，恢复原来的文字" }
                        </button>
                    }
                    { dismiss }
                </div>
            </div>
        },
    }
}
