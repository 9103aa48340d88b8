//! How the page looks and which keywords it lists: language, theme, keyword method and count,
//! and whether the built-in stop words apply. Each control emits its own `SettingsEdit`.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{use_lang, Lang};
use crate::state::settings::{
    Display, KeywordMethod, SettingsEdit, Theme, KEYWORD_COUNT_MAX, KEYWORD_COUNT_MIN,
};

fn theme_label(theme: Theme, lang: Lang) -> &'static str {
    match theme {
        Theme::System => lang.tr("跟随系统", "Same as the system"),
        Theme::Light => lang.tr("浅色", "Light"),
        Theme::Dark => lang.tr("深色", "Dark"),
    }
}

fn method_label(method: KeywordMethod, lang: Lang) -> &'static str {
    match method {
        KeywordMethod::Tfidf => {
            lang.tr("TF-IDF（词频 × 逆文档频率）", "TF-IDF (frequency × rarity)")
        }
        KeywordMethod::Textrank => lang.tr(
            "TextRank（词语共现图）",
            "TextRank (word co-occurrence graph)",
        ),
        KeywordMethod::Frequency => lang.tr("词频", "Frequency"),
    }
}

/// A labelled `<select>` over `choices` (key, label); emits the index chosen.
fn select(
    testid: &'static str,
    label: &'static str,
    current: usize,
    choices: Vec<(&'static str, &'static str)>,
    on_index: Callback<usize>,
) -> Html {
    let onchange = Callback::from(move |event: Event| {
        if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
            if let Ok(i) = usize::try_from(select.selected_index()) {
                on_index.emit(i);
            }
        }
    });
    html! {
        <label class="setting">
            <span>{ label }</span>
            <select data-testid={testid} {onchange}>
                { for choices.into_iter().enumerate().map(|(i, (key, text))| html! {
                    <option value={key} selected={i == current}>{ text }</option>
                }) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct DisplaySettingsProps {
    pub display: Display,
    pub builtin_stopwords: bool,
    pub on_edit: Callback<SettingsEdit>,
}

#[component(DisplaySettings)]
pub fn display_settings(props: &DisplaySettingsProps) -> Html {
    let lang = use_lang();
    let d = &props.display;
    let on_edit = &props.on_edit;
    let by_index = |make: fn(usize) -> Option<SettingsEdit>| {
        let on_edit = on_edit.clone();
        Callback::from(move |i: usize| {
            if let Some(edit) = make(i) {
                on_edit.emit(edit);
            }
        })
    };
    let position = |found: Option<usize>| found.unwrap_or(0);
    // Each language is named in itself, so a reader who cannot read the page finds their own.
    let langs = select(
        "setting-lang",
        lang.tr("界面语言 Language", "Language 界面语言"),
        position(Lang::ALL.iter().position(|l| *l == d.lang)),
        Lang::ALL
            .iter()
            .map(|l| (l.tag(), l.native_name()))
            .collect(),
        by_index(|i| Lang::ALL.get(i).copied().map(SettingsEdit::SetLang)),
    );
    let themes = select(
        "setting-theme",
        lang.tr("外观", "Theme"),
        position(Theme::ALL.iter().position(|t| *t == d.theme)),
        Theme::ALL
            .iter()
            .map(|t| (t.as_str(), theme_label(*t, lang)))
            .collect(),
        by_index(|i| Theme::ALL.get(i).copied().map(SettingsEdit::SetTheme)),
    );
    let methods = select(
        "setting-keyword-method",
        lang.tr("关键词算法", "Keyword method"),
        position(
            KeywordMethod::ALL
                .iter()
                .position(|m| *m == d.keyword_method),
        ),
        KeywordMethod::ALL
            .iter()
            .map(|m| (m.as_str(), method_label(*m, lang)))
            .collect(),
        by_index(|i| {
            KeywordMethod::ALL
                .get(i)
                .copied()
                .map(SettingsEdit::SetKeywordMethod)
        }),
    );
    let on_count = {
        let (on_edit, now) = (on_edit.clone(), d.keyword_count);
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                match input.value().trim().parse::<usize>() {
                    Ok(n) => {
                        let n = n.clamp(KEYWORD_COUNT_MIN, KEYWORD_COUNT_MAX);
                        input.set_value(&n.to_string());
                        on_edit.emit(SettingsEdit::SetKeywordCount(n));
                    }
                    // Not a number: the field shows the setting again.
                    Err(_) => input.set_value(&now.to_string()),
                }
            }
        })
    };
    let on_builtin = {
        let on_edit = on_edit.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_edit.emit(SettingsEdit::SetBuiltinStopwords(input.checked()));
        })
    };
    let count_hint = lang.tr(
        format!("{KEYWORD_COUNT_MIN}–{KEYWORD_COUNT_MAX} 个"),
        format!("{KEYWORD_COUNT_MIN}–{KEYWORD_COUNT_MAX}"),
    );
    html! {
        <section class="settings-part display-settings">
            <h3>{ lang.tr("显示与关键词", "Display and keywords") }</h3>
            <div class="settings-grid">
                { langs }
                { themes }
                { methods }
                <label class="setting">
                    <span>{ lang.tr("每种排名列出的关键词数", "Keywords listed per ranking") }</span>
                    <input type="number" data-testid="setting-keyword-count"
                           min={KEYWORD_COUNT_MIN.to_string()} max={KEYWORD_COUNT_MAX.to_string()}
                           step="5" value={d.keyword_count.to_string()}
                           aria-describedby="keyword-count-hint" onchange={on_count} />
                    <span class="muted" id="keyword-count-hint">{ count_hint }</span>
                </label>
                <label class="setting check">
                    <input type="checkbox" data-testid="setting-builtin-stopwords"
                           checked={props.builtin_stopwords} onchange={on_builtin} />
                    <span>{ lang.tr(
                        "使用内置停用词（“的”“了”“我们”等常用词不算关键词）",
                        "Use the built-in stop words (common words such as 的, 了, 我们 are not keywords)",
                    ) }</span>
                </label>
            </div>
        </section>
    }
}
