//! The whole report: what it covers, its exports, the view tabs and the view shown; and what
//! shows before there is a report.

use std::rc::Rc;

use wenxi_core::Coverage;
use yew::prelude::*;

use super::views::{PrintButton, Reader, ViewPanel, ViewTabs};
use super::ExportMenu;
use crate::i18n::{use_lang, Lang};
use crate::state::views::View;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub reader: Reader,
    pub view: View,
}

/// Said when the engine stopped before the end of the text. The engine's own reason is an
/// English sentence for the command line; the one limit it stops at is said here in the
/// page's language.
fn coverage_notice(c: &Coverage, lang: Lang) -> Html {
    if c.stopped.is_none() {
        return Html::default();
    }
    let (analysed, total) = (c.analysed_chars, c.total_chars);
    let said = match lang {
        Lang::Zh => format!(
            "文字超过单次分析的上限：只分析了前 {analysed} 字（共 {total} 字）。"
        ),
        Lang::En => format!(
            "The text is longer than one analysis reads: only the first {analysed} of {total} characters were analysed."
        ),
    };
    html! {
        <p class="notice coverage" role="status" data-testid="coverage"
           data-analysed={analysed.to_string()} data-total={total.to_string()}>
            { said }
        </p>
    }
}

#[component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    let reader = &props.reader;
    let report = &reader.report;
    let counts: Rc<[(View, Option<usize>)]> = {
        let many = |n: usize| (n > 0).then_some(n);
        vec![
            (View::Entities, many(report.entities.len())),
            (View::Articles, many(report.articles.len())),
        ]
        .into()
    };
    html! {
        // The report's language is the reader's, wherever the report is drawn.
        <ContextProvider<Lang> context={reader.lang}>
        <ContextProvider<Reader> context={reader.clone()}>
            <div class="report" data-testid="report">
                { coverage_notice(&report.coverage, reader.lang) }
                <section class="card export">
                    <ExportMenu report={report.clone()} />
                    <PrintButton />
                </section>
                <ViewTabs current={props.view} on_view={reader.on.view.clone()} {counts} />
                <ViewPanel view={props.view} />
            </div>
        </ContextProvider<Reader>>
        </ContextProvider<Lang>>
    }
}

#[component(EmptyState)]
pub fn empty_state() -> Html {
    let lang = use_lang();
    html! {
        <div class="empty-state" data-testid="empty-state">
            <h2>{ lang.tr("还没有可分析的文字", "Nothing to analyse yet") }</h2>
            <p>{ lang.tr(
                "在左侧粘贴或输入一篇中文文章。停止输入片刻后会自动分析，也可以按 Ctrl+Enter 立即分析。",
                "Paste or type a Chinese article in the text area. It is analysed a moment after you stop typing, or at once with Ctrl+Enter.",
            ) }</p>
            <p class="muted">{ lang.tr(
                "分析完全在本机进行：文字不上传，关闭页面后仍保存在本机浏览器中。",
                "Everything happens on this computer: the text is never uploaded, and it stays in this browser after you close the page.",
            ) }</p>
        </div>
    }
}
