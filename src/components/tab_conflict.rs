//! The notice shown when another tab saved a different text: the reader picks which to keep
//! (until then this tab's text is saved apart, so neither is lost).

use yew::prelude::*;

use crate::i18n::use_lang;

#[derive(Properties, PartialEq)]
pub struct TabConflictProps {
    /// Replace this tab's text with the other tab's.
    pub on_load: Callback<()>,
    /// Keep this tab's text (it becomes the one a reload restores).
    pub on_keep: Callback<()>,
}

#[component(TabConflict)]
pub fn tab_conflict(props: &TabConflictProps) -> Html {
    let lang = use_lang();
    let load = props.on_load.reform(|_: MouseEvent| ());
    let keep = props.on_keep.reform(|_: MouseEvent| ());
    html! {
        <div class="notice tab-conflict" role="alertdialog" data-testid="tab-conflict">
            <p>{ lang.tr(
                "另一个标签页也在编辑文本。在你选择之前，两边的文本都分别保存着。",
                "Another tab is editing the text too. Until you choose, each tab's text is saved separately.",
            ) }</p>
            <button type="button" data-testid="tab-conflict-load" onclick={load}>
                { lang.tr("载入那边的文本", "Load the other tab's text") }
            </button>
            <button type="button" data-testid="tab-conflict-keep" onclick={keep}>
                { lang.tr("保留本页文本", "Keep this page's text") }
            </button>
        </div>
    }
}
