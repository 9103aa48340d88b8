//! The whole report, and what shows before there is one.

use std::rc::Rc;

use wenxi_core::{Cloud, Report};
use yew::prelude::*;

use super::{CloudView, EntityPanel, KeywordTable, StatsPanel};

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: Rc<Report>,
    /// Called with a word the reader picked (a keyword, an entity, a cloud word).
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

#[component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    let report = &props.report;
    // Derived once per report, not on every render of the page.
    let parts = use_memo(report.clone(), |report| {
        (
            Rc::<[_]>::from(report.keywords.clone()),
            Rc::<[_]>::from(report.textrank.clone()),
            Rc::<[_]>::from(report.entities.clone()),
            Rc::<[_]>::from(report.entity_links.clone()),
            Rc::new(report.cloud.clone()) as Rc<Cloud>,
        )
    });
    let (tfidf, textrank, entities, links, cloud) = (*parts).clone();
    html! {
        <div class="report" data-testid="report">
            <section class="card">
                <h2>{ "概况" }</h2>
                <StatsPanel stats={report.stats.clone()} />
            </section>
            <section class="card">
                <h2>{ "词云" }</h2>
                <CloudView {cloud} on_pick={props.on_pick.clone()} />
            </section>
            <section class="card two-columns">
                <h2>{ "关键词" }</h2>
                <KeywordTable title="TF-IDF" rank="tfidf" keywords={tfidf} on_pick={props.on_pick.clone()} />
                <KeywordTable title="TextRank" rank="textrank" keywords={textrank} on_pick={props.on_pick.clone()} />
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
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            </section>
            <section class="card">
                <h2>{ "实体" }</h2>
                <EntityPanel {entities} {links} names_from={report.names_from.clone()} on_pick={props.on_pick.clone()} />
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
