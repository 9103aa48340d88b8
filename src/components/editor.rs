//! The text area: analysis starts by itself once typing pauses, or at once on Ctrl+Enter or the
//! button.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// How long the input must rest before an analysis starts by itself.
pub const SETTLE_MS: u32 = 400;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: String,
    pub on_edit: Callback<String>,
    pub on_analyse: Callback<()>,
}

#[component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    let oninput = {
        let timer = timer.clone();
        let on_edit = props.on_edit.clone();
        let on_analyse = props.on_analyse.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(area.value());
            let on_analyse = on_analyse.clone();
            // Replacing the timeout drops (cancels) the previous one.
            *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || on_analyse.emit(())));
        })
    };

    let analyse_now = {
        let timer = timer.clone();
        let on_analyse = props.on_analyse.clone();
        move || {
            timer.borrow_mut().take();
            on_analyse.emit(());
        }
    };

    let onkeydown = {
        let analyse_now = analyse_now.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                analyse_now();
            }
        })
    };
    let onclick = Callback::from(move |_: MouseEvent| analyse_now());

    let characters = props.text.chars().filter(|c| !c.is_whitespace()).count();

    html! {
        <div class="editor">
            <label for="input" class="editor-label">{ "文章" }</label>
            <textarea
                id="input"
                data-testid="input"
                value={props.text.clone()}
                {oninput}
                {onkeydown}
                placeholder="在此粘贴或输入一篇中文文章……"
                spellcheck="false"
                autofocus=true
            />
            <div class="editor-bar">
                <span class="count">{ format!("{characters} 字") }</span>
                <span class="hint"><kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Enter" }</kbd>{ " 立即分析" }</span>
                <button type="button" data-testid="analyse" {onclick}>{ "分析" }</button>
            </div>
        </div>
    }
}
