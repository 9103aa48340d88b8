//! The whole report, and what shows before there is one.

use std::rc::Rc;

use wenxi_core::userdict::UserWord;
use wenxi_core::{Cloud, Coverage, Report};
use yew::prelude::*;

use super::{ArticleList, CloudView, EntityPanel, ExportMenu, KeywordRankings, StatsPanel};
use crate::state::settings::{Settings, SettingsEdit};

#[derive(Properties)]
pub struct ReportProps {
    pub report: Rc<Report>,
    /// Called with a word the reader picked (a keyword, an entity, a cloud word).
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
    /// The reader's settings (to show which phrases are already in the dictionary).
    #[prop_or_default]
    pub settings: Rc<Settings>,
    /// Called when the reader changes a setting from the report (not a keyword, add a phrase).
    #[prop_or_default]
    pub on_settings: Callback<SettingsEdit>,
}

impl PartialEq for ReportProps {
    /// A report is never changed in place: the same pointer is the same report. Comparing by
    /// pointer spares every re-render of the page (each keystroke) a walk through a report
    /// that may hold megabytes.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.on_pick == other.on_pick
            && self.settings == other.settings
            && self.on_settings == other.on_settings
    }
}

/// Said when the engine stopped before the end of the text.
fn coverage_notice(c: &Coverage) -> Html {
    let Some(reason) = &c.stopped else {
        return Html::default();
    };
    html! {
        <p class="notice coverage" role="status" data-testid="coverage"
           data-analysed={c.analysed_chars.to_string()} data-total={c.total_chars.to_string()}>
            { format!("只分析了前 {} 字（共 {} 字）：{reason}", c.analysed_chars, c.total_chars) }
        </p>
    }
}

#[component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    let report = &props.report;
    // Derived once per report, not on every render of the page.
    let parts = use_memo(report.clone(), |report| {
        (
            Rc::<[_]>::from(report.keywords.clone()),
            Rc::<[_]>::from(report.textrank.clone()),
            Rc::<[_]>::from(report.frequency.clone()),
            Rc::<[_]>::from(report.articles.clone()),
            Rc::<[_]>::from(report.entities.clone()),
            Rc::<[_]>::from(report.entity_links.clone()),
            Rc::new(report.cloud.clone()) as Rc<Cloud>,
        )
    });
    let (tfidf, textrank, frequency, articles, entities, links, cloud) = (*parts).clone();
    let not_keyword = {
        let on_settings = props.on_settings.clone();
        Callback::from(move |term: String| on_settings.emit(SettingsEdit::AddStopword(term)))
    };
    let add_phrase = |term: &str| {
        if props.settings.has_word(term) {
            return html! { <span class="muted in-dictionary">{ "已在词典" }</span> };
        }
        let onclick = {
            let (on_settings, word) = (props.on_settings.clone(), term.to_string());
            Callback::from(move |_: MouseEvent| {
                on_settings.emit(SettingsEdit::AddWords(vec![UserWord {
                    word: word.clone(),
                    freq: None,
                    tag: None,
                }]))
            })
        };
        html! {
            <button type="button" class="quiet add" data-testid="phrase-add" {onclick}
                    title="加入用户词典：分词时保持完整">{ "加入词典" }</button>
        }
    };
    html! {
        <div class="report" data-testid="report">
            { coverage_notice(&report.coverage) }
            <section class="card export">
                <ExportMenu report={report.clone()} />
            </section>
            <section class="card">
                <h2>{ "概况" }</h2>
                <StatsPanel stats={report.stats.clone()} />
            </section>
            <section class="card">
                <h2>{ "词云" }</h2>
                <CloudView {cloud} on_pick={props.on_pick.clone()} />
            </section>
            <section class="card keywords-card">
                <h2>{ "关键词" }</h2>
                <KeywordRankings {tfidf} {textrank} {frequency} on_pick={props.on_pick.clone()}
                                 on_not_keyword={not_keyword} />
                if !report.keyword_links.is_empty() {
                    <section class="keyword-links">
                        <h3>{ "同句共现" }<span class="muted">{ " 前 20 个关键词中常在同一句出现的词对" }</span></h3>
                        <ul>
                            { for report.keyword_links.iter().take(12).map(|l| html! {
                                <li data-testid="keyword-link" data-a={l.a.clone()} data-b={l.b.clone()}
                                    data-sentences={l.sentences.to_string()}>
                                    { super::pick_button(&l.a, &props.on_pick) }
                                    <span class="joiner" aria-hidden="true">{ "—" }</span>
                                    { super::pick_button(&l.b, &props.on_pick) }
                                    <span class="count">{ format!("{} 句", l.sentences) }</span>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
                if !report.phrases.is_empty() {
                    <section class="phrases">
                        <h3>{ "新词与短语" }<span class="muted">{ " 文中反复成组出现、前后搭配多变的词串，可加入词典" }</span></h3>
                        <ul>
                            { for report.phrases.iter().map(|p| html! {
                                <li data-testid="phrase" data-term={p.term.clone()} data-count={p.count.to_string()}
                                    title={format!("由 {} 组成；凝固度 {:.1}，左右邻接熵 {:.1} / {:.1}",
                                        p.parts.join(" + "), p.cohesion, p.left_entropy, p.right_entropy)}>
                                    { super::pick_button(&p.term, &props.on_pick) }
                                    <span class="count">{ p.count }</span>
                                    { add_phrase(&p.term) }
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            </section>
            if !articles.is_empty() {
                <section class="card">
                    <h2>{ "分篇" }<span class="muted">{ format!(" 这段文字含 {} 篇文章", articles.len()) }</span></h2>
                    <ArticleList {articles} on_pick={props.on_pick.clone()} />
                </section>
            }
            <section class="card">
                <h2>{ "实体" }</h2>
                <EntityPanel {entities} {links} names_from={report.names_from.clone()} on_pick={props.on_pick.clone()} />
                if !report.quoted_terms.is_empty() {
                    <section class="quoted-terms">
                        <h3>{ "引号词" }<span class="muted">{ " 文中加引号的短语（不含引语）" }</span></h3>
                        <ul>
                            { for report.quoted_terms.iter().take(30).map(|q| html! {
                                <li data-testid="quoted-term" data-term={q.term.clone()}
                                    data-count={q.count.to_string()}>
                                    { super::pick_button(&q.term, &props.on_pick) }
                                    <span class="count">{ q.count }</span>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            </section>
        </div>
    }
}

#[component(EmptyState)]
pub fn empty_state() -> Html {
    html! {
        <div class="empty-state" data-testid="empty-state">
            <h2>{ "还没有可分析的文字" }</h2>
            <p>{ "在左侧粘贴或输入一篇中文文章。停止输入片刻后会自动分析，也可以按 Ctrl+Enter 立即分析。" }</p>
            <p class="muted">{ "分析完全在本机进行：文字不上传，关闭页面后仍保存在本机浏览器中。" }</p>
        </div>
    }
}
