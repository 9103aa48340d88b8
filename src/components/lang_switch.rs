//! The language switch in the masthead: one small button naming the other language in itself
//! ("English" on the Chinese page, "简体中文" on the English one), so a reader who cannot read
//! the page still finds it. Screen readers hear what it does, in the page's language.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::settings::SettingsEdit;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub lang: Lang,
    pub on_edit: Callback<SettingsEdit>,
}

#[component(LanguageSwitch)]
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let lang = props.lang;
    let other = lang.tr(Lang::En, Lang::Zh);
    let onclick = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(SettingsEdit::SetLang(other)))
    };
    // The accessible name holds the visible text (WCAG "label in name").
    let label = lang.tr(
        "界面语言：切换到 English",
        "Page language: switch to 简体中文",
    );
    html! {
        <button type="button" class="quiet lang-switch" data-testid="lang-switch"
                aria-label={label} title={label} {onclick}>
            <span lang={other.tag()}>{ other.native_name() }</span>
        </button>
    }
}
