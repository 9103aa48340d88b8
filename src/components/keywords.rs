//! Keywords as every view shows them: the three rankings, what each score was made from, a
//! tag's name in words, the score bar, and the list of a ranking's leading keywords (the
//! overview's). The sortable table of all rankings is the keywords view's
//! (`views/keywords/`).

use std::rc::Rc;

use wenxi_core::Keyword;
use yew::prelude::*;

use crate::i18n::{use_lang, Lang};
use crate::state::settings::KeywordMethod;

/// One of the engine's rankings (`data-rank`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    TfIdf,
    TextRank,
    Frequency,
}

impl Ranking {
    pub const ALL: [Ranking; 3] = [Ranking::TfIdf, Ranking::TextRank, Ranking::Frequency];

    pub fn as_str(self) -> &'static str {
        match self {
            Ranking::TfIdf => "tfidf",
            Ranking::TextRank => "textrank",
            Ranking::Frequency => "frequency",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Ranking::TfIdf => "TF-IDF",
            Ranking::TextRank => "TextRank",
            Ranking::Frequency => lang.tr("词频", "Frequency"),
        }
    }

    /// The ranking a keyword method leads with.
    pub fn of(method: KeywordMethod) -> Ranking {
        match method {
            KeywordMethod::Tfidf => Ranking::TfIdf,
            KeywordMethod::Textrank => Ranking::TextRank,
            KeywordMethod::Frequency => Ranking::Frequency,
        }
    }

    /// This ranking's list in a report.
    pub fn list(self, report: &wenxi_core::Report) -> &[Keyword] {
        match self {
            Ranking::TfIdf => &report.keywords,
            Ranking::TextRank => &report.textrank,
            Ranking::Frequency => &report.frequency,
        }
    }
}

/// A jieba (ICTCLAS) part-of-speech tag in the reader's words; an unknown tag as itself.
pub fn pos_label(tag: &str, lang: Lang) -> String {
    let (zh, en) = match tag {
        "phrase" => ("短语", "phrase"),
        "n" => ("名词", "noun"),
        "ng" => ("名词性语素", "noun morpheme"),
        "nz" => ("其他专名", "other proper noun"),
        "nw" => ("作品名", "title of a work"),
        "vn" => ("名动词", "verbal noun"),
        "an" => ("名形词", "adjectival noun"),
        "nr" | "nrfg" => ("人名", "person name"),
        "nrt" => ("音译人名", "transliterated name"),
        "ns" => ("地名", "place name"),
        "nt" => ("机构名", "organisation name"),
        "v" => ("动词", "verb"),
        "vd" => ("副动词", "adverbial verb"),
        "vg" => ("动词性语素", "verb morpheme"),
        "vi" => ("不及物动词", "intransitive verb"),
        "a" => ("形容词", "adjective"),
        "ad" => ("副形词", "adverbial adjective"),
        "ag" => ("形容词性语素", "adjective morpheme"),
        "i" => ("成语", "idiom"),
        "l" => ("习用语", "set phrase"),
        "j" => ("简称", "abbreviation"),
        "eng" => ("英文", "English word"),
        "m" => ("数词", "numeral"),
        "mq" => ("数量词", "number and measure word"),
        "q" => ("量词", "measure word"),
        "t" | "tg" => ("时间词", "time word"),
        "s" => ("处所词", "place word"),
        "f" => ("方位词", "locality word"),
        "d" | "df" | "dg" => ("副词", "adverb"),
        "r" | "rr" | "rz" | "rg" => ("代词", "pronoun"),
        "p" => ("介词", "preposition"),
        "c" => ("连词", "conjunction"),
        "u" | "uj" | "ul" | "uv" | "uz" | "ud" | "ug" => ("助词", "particle"),
        "y" => ("语气词", "modal particle"),
        "e" => ("叹词", "interjection"),
        "o" => ("拟声词", "onomatopoeia"),
        "z" | "zg" => ("状态词", "descriptive word"),
        "b" => ("区别词", "distinguishing word"),
        "x" => ("其他", "other"),
        other => return lang.tr(format!("词性 {other}"), format!("tag {other}")),
    };
    lang.tr(zh, en).to_string()
}

/// The groups the keyword table filters by, in the order its chips are listed.
pub const POS_FILTER_GROUPS: [&str; 8] = [
    "noun",
    "proper",
    "verb",
    "adjective",
    "idiom",
    "english",
    "phrase",
    "other",
];

/// The filter group of a tag (one of [`POS_FILTER_GROUPS`]).
pub fn pos_filter_group(tag: &str) -> &'static str {
    match tag {
        "n" | "ng" | "nz" | "nw" | "vn" | "an" => "noun",
        "nr" | "nrt" | "nrfg" | "ns" | "nt" => "proper",
        "a" | "ad" | "ag" => "adjective",
        "i" | "l" => "idiom",
        "eng" => "english",
        "phrase" => "phrase",
        t if t.starts_with('v') => "verb",
        _ => "other",
    }
}

/// A filter group's name on its chip.
pub fn pos_filter_label(group: &str, lang: Lang) -> &'static str {
    match group {
        "noun" => lang.tr("名词", "Nouns"),
        "proper" => lang.tr("专名", "Proper names"),
        "verb" => lang.tr("动词", "Verbs"),
        "adjective" => lang.tr("形容词", "Adjectives"),
        "idiom" => lang.tr("成语、习用语", "Idioms"),
        "english" => lang.tr("英文", "English"),
        "phrase" => lang.tr("短语", "Phrases"),
        _ => lang.tr("其他", "Other"),
    }
}

/// What every ranking says of a keyword: how often it occurs, its part of speech, its term
/// frequency.
pub fn common_lines(k: &Keyword, lang: Lang) -> Vec<String> {
    let pos = pos_label(&k.pos, lang);
    let mut lines = vec![match lang {
        Lang::Zh => format!("出现 {} 次 · {pos}", k.count),
        Lang::En => format!(
            "{} · {pos}",
            lang.count(k.count, "次", "occurrence", "occurrences")
        ),
    }];
    if k.why.tf > 0.0 {
        lines.push(lang.tr(
            format!("词频 tf {:.4}（出现次数 / 全文候选词数）", k.why.tf),
            format!(
                "term frequency tf {:.4} (occurrences / candidate words in the text)",
                k.why.tf
            ),
        ));
    }
    lines
}

/// What one ranking's score of a keyword was made from, a line each.
pub fn ranking_lines(ranking: Ranking, k: &Keyword, lang: Lang) -> Vec<String> {
    let why = &k.why;
    let mut lines = Vec::new();
    match ranking {
        Ranking::TfIdf => {
            match why.idf {
                Some(idf) if why.idf_unknown => lines.push(lang.tr(
                    format!("IDF {idf:.2}：词典未收录，取中位数 IDF"),
                    format!("IDF {idf:.2}: not in the dictionary, so the median IDF"),
                )),
                Some(idf) => lines.push(lang.tr(
                    format!("IDF {idf:.2}（越少见的词越高）"),
                    format!("IDF {idf:.2} (the rarer the word, the higher)"),
                )),
                None => {}
            }
            if why.raw > 0.0 {
                lines.push(lang.tr(
                    format!("TF-IDF 原始值 {:.4}", why.raw),
                    format!("TF-IDF raw value {:.4}", why.raw),
                ));
            }
        }
        Ranking::TextRank => {
            if !why.neighbours.is_empty() {
                lines.push(lang.tr(
                    format!("TextRank 邻近词：{}", why.neighbours.join("、")),
                    format!("TextRank neighbours: {}", why.neighbours.join(", ")),
                ));
            }
            if why.raw > 0.0 {
                lines.push(lang.tr(
                    format!("TextRank 原始得分 {:.4}", why.raw),
                    format!("TextRank raw score {:.4}", why.raw),
                ));
            }
        }
        Ranking::Frequency => lines.push(
            lang.tr("按出现次数排序", "ranked by occurrences")
                .to_string(),
        ),
    }
    lines.push(lang.tr(
        format!(
            "{}{}得分 {:.2}：与本榜第一名相比（第一名为 1）",
            ranking.label(lang),
            // A space after a Latin name (TF-IDF 得分), none after a Chinese one (词频得分).
            if ranking.label(lang).is_ascii() {
                " "
            } else {
                ""
            },
            k.score
        ),
        format!(
            "{} score {:.2}: relative to the best of this ranking (the best is 1)",
            ranking.label(lang),
            k.score
        ),
    ));
    lines
}

/// What a keyword's score in one ranking was made from, a line each, in the reader's words.
pub fn explanation(ranking: Ranking, k: &Keyword, lang: Lang) -> Vec<String> {
    let mut lines = common_lines(k, lang);
    lines.extend(ranking_lines(ranking, k, lang));
    lines
}

/// A score as a bar: an SVG whose rect width is an attribute, where a `style` would need the
/// CSP to allow inline styles.
pub fn score_bar(score: f64) -> Html {
    html! {
        <svg class="bar" aria-hidden="true" focusable="false">
            <rect height="100%" width={format!("{:.1}%", score.clamp(0.0, 1.0) * 100.0)} />
        </svg>
    }
}

/// A term as a button that opens its contexts.
pub fn term_button(term: &str, on_pick: &Callback<Option<String>>, lang: Lang) -> Html {
    let onclick = {
        let (on_pick, term) = (on_pick.clone(), term.to_string());
        Callback::from(move |_: MouseEvent| on_pick.emit(Some(term.clone())))
    };
    html! {
        <button type="button" class="pick"
                title={lang.tr("查看出现位置与上下文", "Where it occurs, in context")} {onclick}>
            { term.to_string() }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct LeadingKeywordsProps {
    pub ranking: Ranking,
    pub keywords: Rc<[Keyword]>,
    /// How many to list.
    #[prop_or(20)]
    pub limit: usize,
    /// Called with the term the reader picks.
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

/// The leading keywords of one ranking, each a button that opens its contexts, with its
/// score as a bar.
#[component(LeadingKeywords)]
pub fn leading_keywords(props: &LeadingKeywordsProps) -> Html {
    let lang = use_lang();
    if props.keywords.is_empty() {
        return html! {
            <p class="muted">{ lang.tr("没有找到关键词。", "No keywords found.") }</p>
        };
    }
    let ranking = props.ranking;
    let row = |(i, k): (usize, &Keyword)| {
        let onclick = {
            let (on_pick, term) = (props.on_pick.clone(), k.term.clone());
            Callback::from(move |_: MouseEvent| on_pick.emit(Some(term.clone())))
        };
        // The name is the content: what is seen, and in between, hidden, what it means.
        let (score_said, times) = match lang {
            Lang::Zh => (format!("，得分 {:.2}，出现", k.score), " 次"),
            Lang::En => (
                format!(", score {:.2},", k.score),
                if k.count == 1 { " time" } else { " times" },
            ),
        };
        html! {
            <li data-testid="keyword" data-term={k.term.clone()} data-rank={ranking.as_str()}
                data-pos={k.pos.clone()} data-score={format!("{:.4}", k.score)}
                data-count={k.count.to_string()}>
                <button type="button" class="leading-keyword" {onclick}
                        title={lang.tr("查看出现位置与上下文", "Where it occurs, in context")}>
                    <span class="rank">{ i + 1 }</span>
                    <span class="term">{ k.term.clone() }<span class="visually-hidden">{ score_said }</span></span>
                    <span class="score">{ score_bar(k.score) }</span>
                    <span class="count">{ k.count }<span class="visually-hidden">{ times }</span></span>
                </button>
            </li>
        }
    };
    html! {
        <ol class="leading-keywords">
            { for props.keywords.iter().take(props.limit).enumerate().map(row) }
        </ol>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_as_words_and_fall_into_their_filter_group() {
        assert_eq!(pos_label("nr", Lang::Zh), "人名");
        assert_eq!(pos_label("nr", Lang::En), "person name");
        assert_eq!(pos_label("phrase", Lang::Zh), "短语");
        assert_eq!(pos_label("zz", Lang::En), "tag zz");
        let groups: Vec<&str> = ["n", "vn", "ns", "v", "vd", "ad", "l", "eng", "phrase", "m"]
            .into_iter()
            .map(pos_filter_group)
            .collect();
        assert_eq!(
            groups,
            [
                "noun",
                "noun",
                "proper",
                "verb",
                "verb",
                "adjective",
                "idiom",
                "english",
                "phrase",
                "other"
            ]
        );
        assert!(groups.iter().all(|g| POS_FILTER_GROUPS.contains(g)));
    }

    #[test]
    fn an_explanation_says_what_each_ranking_used_in_either_language() {
        let k = Keyword {
            term: "古籍".into(),
            score: 0.5,
            count: 3,
            pos: "n".into(),
            why: wenxi_core::KeywordWhy {
                raw: 0.2,
                tf: 0.01,
                idf: Some(7.5),
                idf_unknown: false,
                neighbours: vec!["修复".into()],
            },
        };
        let zh = explanation(Ranking::TfIdf, &k, Lang::Zh).join("\n");
        assert!(
            zh.contains("出现 3 次 · 名词") && zh.contains("IDF 7.50"),
            "{zh}"
        );
        let en = explanation(Ranking::TextRank, &k, Lang::En).join("\n");
        assert!(
            en.contains("3 occurrences · noun") && en.contains("neighbours: 修复"),
            "{en}"
        );
        assert!(!en.contains("IDF"), "{en}");
    }
}
