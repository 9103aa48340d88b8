//! The keyword view's settings that change the analysis (method, count, built-in stop words)
//! and the plain-words explanation of each score.

use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::keywords::Ranking;
use crate::i18n::use_lang;
use crate::state::settings::{KeywordMethod, SettingsEdit, KEYWORD_COUNT_MAX, KEYWORD_COUNT_MIN};

#[derive(Properties, PartialEq)]
pub struct KeywordControlsProps {
    pub method: KeywordMethod,
    pub count: usize,
    pub builtin_stopwords: bool,
    pub on_settings: Callback<SettingsEdit>,
}

/// A count the reader typed, within the allowed range (`None`: not a number).
pub fn parse_count(typed: &str) -> Option<usize> {
    let n: f64 = typed.trim().parse().ok()?;
    if !n.is_finite() {
        return None;
    }
    Some((n.round().max(0.0) as usize).clamp(KEYWORD_COUNT_MIN, KEYWORD_COUNT_MAX))
}

#[component(KeywordControls)]
pub fn keyword_controls(props: &KeywordControlsProps) -> Html {
    let lang = use_lang();
    let on_method = {
        let on = props.on_settings.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            if let Some(m) = KeywordMethod::ALL
                .into_iter()
                .find(|m| m.as_str() == select.value())
            {
                on.emit(SettingsEdit::SetKeywordMethod(m));
            }
        })
    };
    let apply_count = {
        let (on, count) = (props.on_settings.clone(), props.count);
        move |input: HtmlInputElement| match parse_count(&input.value()) {
            Some(n) => {
                input.set_value(&n.to_string());
                if n != count {
                    on.emit(SettingsEdit::SetKeywordCount(n));
                }
            }
            None => input.set_value(&count.to_string()),
        }
    };
    let on_count_change = {
        let apply = apply_count.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                apply(input);
            }
        })
    };
    let on_count_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                e.prevent_default();
                apply_count(input);
            }
        }
    });
    let on_stopwords = {
        let on = props.on_settings.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                on.emit(SettingsEdit::SetBuiltinStopwords(input.checked()));
            }
        })
    };
    let method_name = |m: KeywordMethod| Ranking::of(m).label(lang);
    html! {
        <div class="keyword-controls">
            <label class="control">
                <span>{ lang.tr("排序方法", "Method") }</span>
                <select data-testid="keywords-method" onchange={on_method}>
                    { for KeywordMethod::ALL.into_iter().map(|m| html! {
                        <option value={m.as_str()} selected={m == props.method}>{ method_name(m) }</option>
                    }) }
                </select>
            </label>
            <label class="control">
                <span>{ lang.tr("每种排序列出", "Keywords per ranking") }</span>
                <input type="number" data-testid="keywords-count" inputmode="numeric"
                       min={KEYWORD_COUNT_MIN.to_string()} max={KEYWORD_COUNT_MAX.to_string()}
                       value={props.count.to_string()}
                       onchange={on_count_change} onkeydown={on_count_key} />
            </label>
            <label class="control check">
                <input type="checkbox" data-testid="keywords-stopwords" checked={props.builtin_stopwords}
                       onchange={on_stopwords} aria-describedby="keywords-stopwords-hint" />
                <span>{ lang.tr("使用内置停用词", "Use the built-in stop words") }</span>
            </label>
            <p class="muted hint" id="keywords-stopwords-hint">{ lang.tr(
                "关掉后，“的”“进行”这类虚词和常用词也会参与排名。",
                "With them off, function words such as 的 and 进行 are ranked too.",
            ) }</p>
        </div>
    }
}

/// Each score in plain words.
#[component(ScoreHelp)]
pub fn score_help() -> Html {
    let lang = use_lang();
    let item = |name: &str, zh: &'static str, en: &'static str| {
        html! { <div><dt>{ name.to_string() }</dt><dd>{ lang.tr(zh, en) }</dd></div> }
    };
    html! {
        <details class="score-help" data-testid="score-help">
            <summary>{ lang.tr("各项得分是什么意思？", "What do the scores mean?") }</summary>
            <dl>
                { item("TF-IDF",
                    "词在本文中出现得多（TF），而在一般文章里少见（IDF，来自 jieba 的语料统计），得分就高。适合找出本文特有的词。",
                    "High when a word is frequent in this text (TF) but rare in texts in general (IDF, from jieba's corpus statistics). Good at finding what is particular to this text.") }
                { item("TextRank",
                    "把相邻出现的词连成网络，像网页排名一样反复传递分数：与许多重要词相邻的词得分高。不需要外部语料。",
                    "Words that occur near each other are linked into a network, and scores flow along the links as in web page ranking: a word next to many important words scores high. Needs no outside corpus.") }
                { item(lang.tr("词频", "Frequency"),
                    "只看出现次数，得分 = 次数 / 第一名的次数。简单直观，但常用词容易靠前。",
                    "Occurrences only; score = count / the top count. Plain, but common words rise easily.") }
                { item(lang.tr("短语", "Phrases"),
                    "几个词总是连在一起出现（凝固度高：一起出现的次数远超偶然），而前后搭配的词多种多样（左右邻接熵高），就被当作一个短语或新词。",
                    "Words that keep occurring together (high cohesion: far more often than chance) and meet many different neighbours on both sides (high neighbour entropy) are taken as one phrase or new word.") }
                { item(lang.tr("得分", "Score"),
                    "每种排序都把第一名记为 1，其余按比例换算，所以只能在同一列里比较。",
                    "Each ranking gives its best term 1 and the rest in proportion, so compare scores within one column only.") }
            </dl>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_count_is_read_and_kept_in_range() {
        assert_eq!(parse_count("40"), Some(40));
        assert_eq!(parse_count(" 12.6 "), Some(13));
        assert_eq!(parse_count("1"), Some(KEYWORD_COUNT_MIN));
        assert_eq!(parse_count("-3"), Some(KEYWORD_COUNT_MIN));
        assert_eq!(parse_count("100000"), Some(KEYWORD_COUNT_MAX));
        assert_eq!(parse_count(""), None);
        assert_eq!(parse_count("abc"), None);
        assert_eq!(parse_count("NaN"), None);
    }
}
