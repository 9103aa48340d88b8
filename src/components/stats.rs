//! Statistics of the text as cards: size, structure, character classes and the most frequent
//! words of each part of speech.

use wenxi_core::{PartOfSpeech, Stats};
use yew::prelude::*;

use crate::i18n::{use_lang, Lang};

#[derive(Properties, PartialEq)]
pub struct StatsProps {
    pub stats: Stats,
}

/// "约 3 分钟" / "about 3 min".
pub fn reading_time(seconds: u32, lang: Lang) -> String {
    match seconds {
        0 => "—".to_string(),
        1..=59 => lang.tr("不到 1 分钟", "under 1 min").to_string(),
        s => {
            let minutes = (s + 30) / 60;
            lang.tr(format!("约 {minutes} 分钟"), format!("about {minutes} min"))
        }
    }
}

fn pos_heading(pos: PartOfSpeech, lang: Lang) -> &'static str {
    match pos {
        PartOfSpeech::Noun => lang.tr("常用名词", "Frequent nouns"),
        PartOfSpeech::Verb => lang.tr("常用动词", "Frequent verbs"),
        PartOfSpeech::Adjective => lang.tr("常用形容词", "Frequent adjectives"),
    }
}

/// One card: its key (`data-stat`), label, the value as shown, the number behind it
/// (`data-value`) and what it means.
struct Card {
    key: &'static str,
    label: &'static str,
    shown: String,
    value: String,
    hint: &'static str,
}

fn cards(s: &Stats, lang: Lang) -> Vec<Card> {
    let plain = |key, label, n: usize, hint| Card {
        key,
        label,
        shown: n.to_string(),
        value: n.to_string(),
        hint,
    };
    let chars = |n: f64| lang.tr(format!("{n:.1} 字"), format!("{n:.1} chars"));
    vec![
        plain(
            "characters",
            lang.tr("字符", "Characters"),
            s.characters,
            lang.tr("不含空白", "white space not counted"),
        ),
        plain(
            "han_characters",
            lang.tr("汉字", "Han characters"),
            s.han_characters,
            lang.tr("中日韩统一表意文字", "Chinese characters"),
        ),
        plain(
            "words",
            lang.tr("词数", "Words"),
            s.words,
            lang.tr(
                "分词后的词，不含标点",
                "segmented words, punctuation not counted",
            ),
        ),
        plain(
            "unique_words",
            lang.tr("不同的词", "Distinct words"),
            s.unique_words,
            lang.tr("每个词只算一次", "each word counted once"),
        ),
        plain("sentences", lang.tr("句子", "Sentences"), s.sentences, ""),
        plain(
            "paragraphs",
            lang.tr("段落", "Paragraphs"),
            s.paragraphs,
            lang.tr("非空行", "non-empty lines"),
        ),
        Card {
            key: "reading_time",
            label: lang.tr("阅读时间", "Reading time"),
            shown: reading_time(s.reading_seconds, lang),
            value: s.reading_seconds.to_string(),
            hint: lang.tr(
                "按每分钟 300 个汉字估算",
                "at 300 Chinese characters a minute",
            ),
        },
        Card {
            key: "lexical_density",
            label: lang.tr("实词占比", "Lexical density"),
            shown: format!("{:.0}%", s.lexical_density * 100.0),
            value: format!("{:.4}", s.lexical_density),
            hint: lang.tr(
                "名词、动词、形容词等实词在词数中的比例",
                "share of content words (nouns, verbs, adjectives…)",
            ),
        },
        Card {
            key: "mean_sentence_chars",
            label: lang.tr("平均句长", "Mean sentence length"),
            shown: chars(s.mean_sentence_chars),
            value: format!("{:.1}", s.mean_sentence_chars),
            hint: "",
        },
        Card {
            key: "longest_sentence_chars",
            label: lang.tr("最长句", "Longest sentence"),
            shown: lang.tr(
                format!("{} 字", s.longest_sentence_chars),
                format!("{} chars", s.longest_sentence_chars),
            ),
            value: s.longest_sentence_chars.to_string(),
            hint: "",
        },
    ]
}

#[component(StatsPanel)]
pub fn stats_panel(props: &StatsProps) -> Html {
    let lang = use_lang();
    let s = &props.stats;
    let classes = match lang {
        Lang::Zh => format!(
            "汉字 {} · 字母 {} · 数字 {} · 标点 {} · 其他 {}",
            s.han_characters,
            s.letter_characters,
            s.digit_characters,
            s.punctuation_characters,
            s.other_characters
        ),
        Lang::En => format!(
            "Han {} · letters {} · digits {} · punctuation {} · other {}",
            s.han_characters,
            s.letter_characters,
            s.digit_characters,
            s.punctuation_characters,
            s.other_characters
        ),
    };
    let card = |c: Card| {
        html! {
            <div class="stat" data-testid="stat" data-stat={c.key} data-value={c.value}
                 title={(!c.hint.is_empty()).then_some(c.hint)}>
                <dt>{ c.label }</dt>
                <dd>{ c.shown }</dd>
            </div>
        }
    };
    html! {
        <>
            <dl class="stat-cards" data-testid="stats">
                { for cards(s, lang).into_iter().map(card) }
            </dl>
            <p class="char-classes muted" data-stat="classes">{ classes }</p>
            <div class="frequent">
                { for s.frequent.iter().filter(|f| !f.words.is_empty()).map(|f| html! {
                    <section data-pos={format!("{:?}", f.pos).to_lowercase()}>
                        <h3>{ pos_heading(f.pos, lang) }</h3>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_reads_in_either_language() {
        assert_eq!(reading_time(0, Lang::Zh), "—");
        assert_eq!(reading_time(30, Lang::Zh), "不到 1 分钟");
        assert_eq!(reading_time(30, Lang::En), "under 1 min");
        assert_eq!(reading_time(170, Lang::Zh), "约 3 分钟");
        assert_eq!(reading_time(170, Lang::En), "about 3 min");
    }

    #[test]
    fn every_card_carries_the_number_it_shows() {
        let stats = Stats {
            characters: 1234,
            paragraphs: 7,
            reading_seconds: 170,
            lexical_density: 0.5,
            ..Default::default()
        };
        for lang in Lang::ALL {
            let cards = cards(&stats, lang);
            let find = |key: &str| cards.iter().find(|c| c.key == key);
            assert_eq!(find("characters").map(|c| c.shown.as_str()), Some("1234"));
            assert_eq!(find("paragraphs").map(|c| c.value.as_str()), Some("7"));
            assert_eq!(find("reading_time").map(|c| c.value.as_str()), Some("170"));
            assert_eq!(
                find("lexical_density").map(|c| c.shown.as_str()),
                Some("50%")
            );
        }
    }
}
