//! Basic statistics of the text.

use wenxi_core::Stats;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatsProps {
    pub stats: Stats,
}

/// "约 3 分钟" style reading time.
pub fn reading_time(seconds: u32) -> String {
    match seconds {
        0 => "—".to_string(),
        1..=59 => "不到 1 分钟".to_string(),
        s => format!("约 {} 分钟", (s + 30) / 60),
    }
}

#[component(StatsPanel)]
pub fn stats_panel(props: &StatsProps) -> Html {
    let s = &props.stats;
    let items: [(&str, &str, String); 7] = [
        ("characters", "字符", s.characters.to_string()),
        ("han_characters", "汉字", s.han_characters.to_string()),
        ("words", "词数", s.words.to_string()),
        ("unique_words", "不同的词", s.unique_words.to_string()),
        ("sentences", "句子", s.sentences.to_string()),
        ("paragraphs", "段落", s.paragraphs.to_string()),
        ("reading_time", "阅读时间", reading_time(s.reading_seconds)),
    ];
    html! {
        <dl class="stats" data-testid="stats">
            { for items.into_iter().map(|(key, label, value)| html! {
                <div class="stat" data-stat={key}>
                    <dt>{ label }</dt>
                    <dd>{ value }</dd>
                </div>
            }) }
        </dl>
    }
}
