//! The notice shown when another tab saved a different text: the reader picks which to keep
//! (until then this tab's text is saved apart, so neither is lost).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabConflictProps {
    /// Replace this tab's text with the other tab's.
    pub on_load: Callback<()>,
    /// Keep this tab's text (it becomes the one a reload restores).
    pub on_keep: Callback<()>,
}

#[component(TabConflict)]
pub fn tab_conflict(props: &TabConflictProps) -> Html {
    let load = props.on_load.reform(|_: MouseEvent| ());
    let keep = props.on_keep.reform(|_: MouseEvent| ());
    html! {
        <div class="notice tab-conflict" role="alertdialog" data-testid="tab-conflict">
            <p>{ "另一个标签页也在编辑文本。在你选择之前，两边的文本都分别保存着。" }</p>
            <button type="button" data-testid="tab-conflict-load" onclick={load}>
                { "载入那边的文本" }
            </button>
            <button type="button" data-testid="tab-conflict-keep" onclick={keep}>
                { "保留本页文本" }
            </button>
        </div>
    }
}
