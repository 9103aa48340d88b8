//! Statistics of the text: size, structure, character classes and the most frequent words of
//! each part of speech.

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
    let items: [(&str, &str, String); 10] = [
        ("characters", "字符", s.characters.to_string()),
        ("han_characters", "汉字", s.han_characters.to_string()),
        ("words", "词数", s.words.to_string()),
        ("unique_words", "不同的词", s.unique_words.to_string()),
        ("sentences", "句子", s.sentences.to_string()),
        ("paragraphs", "段落", s.paragraphs.to_string()),
        ("reading_time", "阅读时间", reading_time(s.reading_seconds)),
        (
            "lexical_density",
            "实词占比",
            format!("{:.0}%", s.lexical_density * 100.0),
        ),
        (
            "mean_sentence_chars",
            "平均句长",
            format!("{:.1} 字", s.mean_sentence_chars),
        ),
        (
            "longest_sentence_chars",
            "最长句",
            format!("{} 字", s.longest_sentence_chars),
        ),
    ];
    let classes = format!(
        "汉字 {} · 字母 {} · 数字 {} · 标点 {} · 其他 {}",
        s.han_characters,
        s.letter_characters,
        s.digit_characters,
        s.punctuation_characters,
        s.other_characters
    );
    html! {
        <>
            <dl class="stats" data-testid="stats">
                { for items.into_iter().map(|(key, label, value)| html! {
                    <div class="stat" data-stat={key}>
                        <dt>{ label }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
            <p class="char-classes muted" data-stat="classes">{ classes }</p>
            <div class="frequent">
                { for s.frequent.iter().filter(|f| !f.words.is_empty()).map(|f| html! {
                    <section data-pos={format!("{:?}", f.pos).to_lowercase()}>
                        <h4>{ format!("常用{}", f.pos.label_zh()) }</h4>
                        <ol>
                            { for f.words.iter().map(|w| html! {
                                <li data-testid="frequent-word" data-term={w.term.clone()}>
                                    <span class="term">{ w.term.clone() }</span>
                                    <span class="count">{ w.count }</span>
                                </li>
                            }) }
                        </ol>
                    </section>
                }) }
            </div>
        </>
    }
}
