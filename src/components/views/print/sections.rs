//! The printed report itself: what was analysed, the keywords, the entities, the articles, the
//! cloud. Static markup only (no controls), in the page's language.

use std::rc::Rc;

use wenxi_core::report::{Article, Entity, EntityType, Keyword, Stats};
use wenxi_core::{Cloud, Report};
use yew::prelude::*;

use super::cloud::cloud_svg;
use super::date::today;
use crate::components::cloud::{shown_cloud, CloudContext};
use crate::i18n::Lang;
use crate::state::settings::{KeywordMethod, Settings};

/// Entities of one type listed on paper at most (the rest are counted).
const ENTITIES_PER_TYPE: usize = 60;
/// Key terms and keywords listed per article.
const TERMS_PER_ARTICLE: usize = 10;

#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    pub report: Rc<Report>,
    pub settings: Rc<Settings>,
    pub lang: Lang,
    /// The text's first line; the report is called 文析报告 without one.
    #[prop_or_default]
    pub title: Option<AttrValue>,
}

pub fn method_label(method: KeywordMethod, lang: Lang) -> &'static str {
    match method {
        KeywordMethod::Tfidf => "TF-IDF",
        KeywordMethod::Textrank => "TextRank",
        KeywordMethod::Frequency => lang.tr("词频", "Frequency"),
    }
}

/// The ranking `method` names, as the report holds it.
pub fn ranking(report: &Report, method: KeywordMethod) -> &[Keyword] {
    match method {
        KeywordMethod::Tfidf => &report.keywords,
        KeywordMethod::Textrank => &report.textrank,
        KeywordMethod::Frequency => &report.frequency,
    }
}

/// Reading time, rounded to whole minutes.
pub fn reading_time(seconds: u32, lang: Lang) -> String {
    let minutes = (seconds + 30) / 60;
    match (lang, minutes) {
        (Lang::Zh, 0) => "不到 1 分钟".into(),
        (Lang::En, 0) => "under a minute".into(),
        (Lang::Zh, m) => format!("约 {m} 分钟"),
        (Lang::En, 1) => "about a minute".into(),
        (Lang::En, m) => format!("about {m} minutes"),
    }
}

fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn stats_section(stats: &Stats, lang: Lang) -> Html {
    let rows = [
        (lang.tr("字符", "Characters"), number(stats.characters)),
        (
            lang.tr("汉字", "Chinese characters"),
            number(stats.han_characters),
        ),
        (lang.tr("词", "Words"), number(stats.words)),
        (
            lang.tr("不同的词", "Distinct words"),
            number(stats.unique_words),
        ),
        (lang.tr("句子", "Sentences"), number(stats.sentences)),
        (lang.tr("段落", "Paragraphs"), number(stats.paragraphs)),
        (
            lang.tr("阅读时间", "Reading time"),
            reading_time(stats.reading_seconds, lang),
        ),
    ];
    html! {
        <section class="print-section" data-testid="print-stats">
            <h2>{ lang.tr("分析了什么", "What was analysed") }</h2>
            <dl class="print-stats">
                { for rows.into_iter().map(|(name, value)| html! {
                    <div class="print-stat">
                        <dt>{ name }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}

fn keywords_section(report: &Report, settings: &Settings, lang: Lang) -> Html {
    let method = settings.display.keyword_method;
    let shown = &ranking(report, method)[..ranking(report, method)
        .len()
        .min(settings.display.keyword_count)];
    let heading = match lang {
        Lang::Zh => format!(
            "关键词（{}，前 {} 个）",
            method_label(method, lang),
            shown.len()
        ),
        Lang::En => format!(
            "Keywords ({}, top {})",
            method_label(method, lang),
            shown.len()
        ),
    };
    let body = if shown.is_empty() {
        html! { <p>{ lang.tr("没有找到关键词。", "No keywords were found.") }</p> }
    } else {
        html! {
            <table class="print-table print-keywords">
                <thead>
                    <tr>
                        <th scope="col" class="num">{ lang.tr("序号", "Rank") }</th>
                        <th scope="col">{ lang.tr("词", "Term") }</th>
                        <th scope="col" class="num">{ lang.tr("次数", "Count") }</th>
                        <th scope="col" class="num">{ lang.tr("得分", "Score") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for shown.iter().enumerate().map(|(i, k)| html! {
                        <tr data-testid="print-keyword" data-term={k.term.clone()}>
                            <td class="num">{ i + 1 }</td>
                            <th scope="row">{ &k.term }</th>
                            <td class="num">{ k.count }</td>
                            <td class="num">{ format!("{:.3}", k.score) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    };
    html! {
        <section class="print-section" data-testid="print-keywords">
            <h2>{ heading }</h2>
            { body }
        </section>
    }
}

fn entity_type(kind: EntityType, entities: &[&Entity], lang: Lang) -> Html {
    let with_values = matches!(kind, EntityType::Time | EntityType::Quantity);
    let more = entities.len().saturating_sub(ENTITIES_PER_TYPE);
    let rows = entities.iter().take(ENTITIES_PER_TYPE).map(|e| {
        let value = e
            .value
            .as_ref()
            .map(wenxi_core::values::display)
            .unwrap_or_default();
        html! {
            <tr data-testid="print-entity" data-type={kind.as_str()} data-text={e.text.clone()}>
                <th scope="row">{ &e.text }</th>
                <td class="num">{ e.count }</td>
                if with_values {
                    <td>{ value }</td>
                }
            </tr>
        }
    });
    html! {
        <div class="print-entity-type">
            <h3>{ match lang {
                Lang::Zh => format!("{}（{}）", crate::components::entities::kind_label(kind, lang), entities.len()),
                Lang::En => format!("{} ({})", crate::components::entities::kind_label(kind, lang), entities.len()),
            } }</h3>
            <table class="print-table">
                <thead>
                    <tr>
                        <th scope="col">{ lang.tr("名称", "Name") }</th>
                        <th scope="col" class="num">{ lang.tr("次数", "Count") }</th>
                        if with_values {
                            <th scope="col">{ lang.tr("规范值", "Normalised value") }</th>
                        }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            if more > 0 {
                <p class="print-more">{ match lang {
                    Lang::Zh => format!("另有 {more} 个未列出。"),
                    Lang::En => format!("{more} more not listed."),
                } }</p>
            }
        </div>
    }
}

fn entities_section(report: &Report, lang: Lang) -> Html {
    let types = EntityType::ALL.into_iter().filter_map(|kind| {
        let mut of_kind: Vec<&Entity> = report.entities.iter().filter(|e| e.kind == kind).collect();
        if of_kind.is_empty() {
            return None;
        }
        of_kind.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
        Some(entity_type(kind, &of_kind, lang))
    });
    let body: Vec<Html> = types.collect();
    html! {
        <section class="print-section" data-testid="print-entities">
            <h2>{ lang.tr("实体", "Entities") }</h2>
            if body.is_empty() {
                <p>{ lang.tr("没有找到实体。", "No entities were found.") }</p>
            } else {
                <div class="print-entity-types">{ for body }</div>
            }
        </section>
    }
}

fn article(i: usize, a: &Article, lang: Lang) -> Html {
    let title = if a.title.trim().is_empty() {
        lang.tr(format!("第 {} 篇", i + 1), format!("Article {}", i + 1))
    } else {
        a.title.clone()
    };
    let join = |terms: Vec<&str>| terms.join(lang.tr("、", ", "));
    let key_terms = join(
        a.key_terms
            .iter()
            .take(TERMS_PER_ARTICLE)
            .map(|t| t.term.as_str())
            .collect(),
    );
    let keywords = join(
        a.keywords
            .iter()
            .take(TERMS_PER_ARTICLE)
            .map(|k| k.term.as_str())
            .collect(),
    );
    let size = match lang {
        Lang::Zh => format!(
            "{} 字，{} 句",
            number(a.stats.characters),
            number(a.stats.sentences)
        ),
        Lang::En => format!(
            "{} characters, {} sentences",
            number(a.stats.characters),
            number(a.stats.sentences)
        ),
    };
    html! {
        <article class="print-article" data-testid="print-article">
            <h3>{ format!("{}. {title}", i + 1) }</h3>
            <p class="print-muted">{ size }</p>
            <dl>
                if !key_terms.is_empty() {
                    <dt>{ lang.tr("与其他文章相比的特有词", "Terms that set it apart") }</dt>
                    <dd>{ key_terms }</dd>
                }
                if !keywords.is_empty() {
                    <dt>{ lang.tr("关键词", "Keywords") }</dt>
                    <dd>{ keywords }</dd>
                }
            </dl>
        </article>
    }
}

fn articles_section(report: &Report, lang: Lang) -> Html {
    if report.articles.len() < 2 {
        return Html::default();
    }
    html! {
        <section class="print-section" data-testid="print-articles">
            <h2>{ match lang {
                Lang::Zh => format!("分篇（{} 篇）", report.articles.len()),
                Lang::En => format!("Articles ({})", report.articles.len()),
            } }</h2>
            { for report.articles.iter().enumerate().map(|(i, a)| article(i, a, lang)) }
        </section>
    }
}

/// The whole report on paper.
#[component(PrintReport)]
pub fn print_report(props: &PrintReportProps) -> Html {
    let lang = props.lang;
    let report = &props.report;
    let fallback = use_memo(Rc::as_ptr(report) as usize, |_| {
        Rc::new(Cloud::clone(&report.cloud))
    });
    let cloud_context = use_context::<CloudContext>();
    let (cloud, look) = shown_cloud(cloud_context.as_ref(), &fallback);
    let title = props
        .title
        .as_ref()
        .map(|t| t.to_string())
        .unwrap_or_else(|| lang.tr("文析报告", "wenxi report").to_string());
    let cloud_html = cloud_svg(&cloud, &look, lang);
    html! {
        <article class="print-view" data-testid="print-view" lang={lang.tag()}>
            <header class="print-header">
                <p class="print-kicker">{ lang.tr("文析分析报告", "wenxi analysis report") }</p>
                <h1>{ title }</h1>
                <p class="print-muted">
                    { lang.tr("生成日期：", "Made on ") }
                    <time data-testid="print-date">{ today(lang) }</time>
                </p>
            </header>
            { stats_section(&report.stats, lang) }
            if report.coverage.stopped.is_some() {
                <p class="print-coverage" data-testid="print-coverage">{ match lang {
                    Lang::Zh => format!("注意：只分析了前 {} 字（共 {} 字）。",
                                        number(report.coverage.analysed_chars),
                                        number(report.coverage.total_chars)),
                    Lang::En => format!("Note: only the first {} of {} characters were analysed.",
                                        number(report.coverage.analysed_chars),
                                        number(report.coverage.total_chars)),
                } }</p>
            }
            { keywords_section(report, &props.settings, lang) }
            { entities_section(report, lang) }
            { articles_section(report, lang) }
            if !cloud.words.is_empty() {
                <section class="print-section print-cloud-section">
                    <h2>{ lang.tr("关键词云", "Keyword cloud") }</h2>
                    { cloud_html }
                </section>
            }
            <footer class="print-footer">
                { lang.tr("由文析在本机生成，文字没有离开这台电脑。",
                          "Made by wenxi on this computer; the text never left it.") }
            </footer>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_reads_naturally() {
        assert_eq!(reading_time(10, Lang::Zh), "不到 1 分钟");
        assert_eq!(reading_time(10, Lang::En), "under a minute");
        assert_eq!(reading_time(75, Lang::En), "about a minute");
        assert_eq!(reading_time(200, Lang::Zh), "约 3 分钟");
        assert_eq!(reading_time(200, Lang::En), "about 3 minutes");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1,000");
        assert_eq!(number(1234567), "1,234,567");
    }

    #[test]
    fn the_ranking_follows_the_method() {
        let mut report = Report::default();
        report.textrank.push(Keyword {
            term: "古籍".into(),
            score: 1.0,
            count: 3,
            pos: "n".into(),
            why: Default::default(),
        });
        assert_eq!(ranking(&report, KeywordMethod::Textrank).len(), 1);
        assert!(ranking(&report, KeywordMethod::Tfidf).is_empty());
    }
}
