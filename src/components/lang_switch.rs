//! The language switch in the masthead (placeholder until it is built).

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
    let other = props.lang.tr(Lang::En, Lang::Zh);
    let onclick = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(SettingsEdit::SetLang(other)))
    };
    html! {
        <button type="button" class="quiet lang-switch" data-testid="lang-switch" lang={other.tag()} {onclick}>
            { other.native_name() }
        </button>
    }
}
