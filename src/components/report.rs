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

/// Said when the engine stopped before the end of the text.
fn coverage_notice(c: &Coverage, lang: Lang) -> Html {
    let Some(reason) = &c.stopped else {
        return Html::default();
    };
    let said = match lang {
        Lang::Zh => format!(
            "只分析了前 {} 字（共 {} 字）：{reason}",
            c.analysed_chars, c.total_chars
        ),
        Lang::En => format!(
            "Only the first {} of {} characters were analysed: {reason}",
            c.analysed_chars, c.total_chars
        ),
    };
    html! {
        <p class="notice coverage" role="status" data-testid="coverage"
           data-analysed={c.analysed_chars.to_string()} data-total={c.total_chars.to_string()}>
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
