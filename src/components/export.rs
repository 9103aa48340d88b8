//! The report's "导出" group: keywords, entities and statistics as CSV, the whole report as
//! JSON, the cloud as SVG, each a file made in the page (nothing is sent anywhere).

use std::rc::Rc;

use wenxi_core::export::{csv_entities, csv_keywords, csv_stats, report_json};
use wenxi_core::Report;
use yew::prelude::*;

use crate::download::download;
use crate::i18n::{use_lang, Lang};

/// One file the reader can take away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Export {
    KeywordsCsv,
    EntitiesCsv,
    StatsCsv,
    Json,
    CloudSvg,
}

impl Export {
    const ALL: [Export; 5] = [
        Export::KeywordsCsv,
        Export::EntitiesCsv,
        Export::StatsCsv,
        Export::Json,
        Export::CloudSvg,
    ];

    fn testid(self) -> &'static str {
        match self {
            Export::KeywordsCsv => "export-keywords-csv",
            Export::EntitiesCsv => "export-entities-csv",
            Export::StatsCsv => "export-stats-csv",
            Export::Json => "export-json",
            Export::CloudSvg => "export-cloud-svg",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Export::KeywordsCsv => lang.tr("关键词 CSV", "Keywords CSV"),
            Export::EntitiesCsv => lang.tr("实体 CSV", "Entities CSV"),
            Export::StatsCsv => lang.tr("统计 CSV", "Statistics CSV"),
            Export::Json => lang.tr("完整报告 JSON", "Full report JSON"),
            Export::CloudSvg => lang.tr("词云 SVG", "Cloud SVG"),
        }
    }

    /// Shown on hover and read as the button's description (its name stays the visible label).
    fn description(self, lang: Lang) -> &'static str {
        match self {
            Export::KeywordsCsv => lang.tr(
                "下载关键词表（CSV，可用 Excel、WPS 打开）",
                "Download the keyword table (CSV, opens in Excel or WPS)",
            ),
            Export::EntitiesCsv => lang.tr(
                "下载实体表（CSV，可用 Excel、WPS 打开）",
                "Download the entity table (CSV, opens in Excel or WPS)",
            ),
            Export::StatsCsv => lang.tr(
                "下载统计数据（CSV，可用 Excel、WPS 打开）",
                "Download the statistics (CSV, opens in Excel or WPS)",
            ),
            Export::Json => lang.tr(
                "下载完整分析报告（JSON）",
                "Download the full analysis report (JSON)",
            ),
            Export::CloudSvg => lang.tr(
                "下载词云图（SVG 矢量图）",
                "Download the keyword cloud (SVG vector image)",
            ),
        }
    }

    /// The part of the file name that says what it holds, and its extension.
    fn stem_and_extension(self) -> (&'static str, &'static str) {
        match self {
            Export::KeywordsCsv => ("keywords", "csv"),
            Export::EntitiesCsv => ("entities", "csv"),
            Export::StatsCsv => ("stats", "csv"),
            Export::Json => ("report", "json"),
            Export::CloudSvg => ("cloud", "svg"),
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Export::KeywordsCsv | Export::EntitiesCsv | Export::StatsCsv => {
                "text/csv;charset=utf-8"
            }
            Export::Json => "application/json;charset=utf-8",
            Export::CloudSvg => "image/svg+xml;charset=utf-8",
        }
    }

    /// The file's text; the cloud is the one on screen, in the reader's look (`cloud`).
    fn contents(self, report: &Report, cloud: &super::cloud::CloudContext) -> String {
        match self {
            Export::KeywordsCsv => csv_keywords(report),
            Export::EntitiesCsv => csv_entities(report),
            Export::StatsCsv => csv_stats(report),
            Export::Json => report_json(report),
            Export::CloudSvg => {
                let fallback = Rc::new(report.cloud.clone());
                let (shown, look) = super::cloud::shown_cloud(Some(cloud), &fallback);
                super::cloud::svg_file(&shown, &look)
            }
        }
    }
}

/// A local date and time, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
}

impl Stamp {
    /// Now, in the reader's time zone (the file is theirs).
    fn now() -> Stamp {
        let d = js_sys::Date::new_0();
        Stamp {
            year: d.get_full_year(),
            month: d.get_month() + 1,
            day: d.get_date(),
            hour: d.get_hours(),
            minute: d.get_minutes(),
        }
    }
}

/// A file name for an export made now (see [`file_name`]).
pub(crate) fn stamped_name(stem: &str, extension: &str) -> String {
    named(stem, extension, Stamp::now())
}

/// `wenxi-keywords-20260305-0930.csv`: what it holds and when, so several exports sort in order.
fn file_name(export: Export, at: Stamp) -> String {
    let (stem, extension) = export.stem_and_extension();
    named(stem, extension, at)
}

fn named(stem: &str, extension: &str, at: Stamp) -> String {
    format!(
        "wenxi-{stem}-{:04}{:02}{:02}-{:02}{:02}.{extension}",
        at.year, at.month, at.day, at.hour, at.minute
    )
}

#[derive(Properties)]
pub struct ExportProps {
    pub report: Rc<Report>,
}

impl PartialEq for ExportProps {
    /// Reports are never changed in place (see `ReportProps`).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

#[component(ExportMenu)]
pub fn export_menu(props: &ExportProps) -> Html {
    let lang = use_lang();
    let problem = use_state(|| None::<String>);
    // The cloud panel's context: the cloud file is the cloud on screen, as the panel exports it.
    let cloud = use_context::<super::cloud::CloudContext>().unwrap_or(super::cloud::CloudContext {
        cloud: None,
        layout_ms: None,
        settings: Rc::default(),
        has_mask: false,
        on_edit: Callback::noop(),
        on_width: Callback::noop(),
    });
    let button = |export: Export| {
        let onclick = {
            let (report, problem, cloud) = (props.report.clone(), problem.clone(), cloud.clone());
            Callback::from(move |_: MouseEvent| {
                let name = file_name(export, Stamp::now());
                match download(&name, export.mime(), &export.contents(&report, &cloud)) {
                    Ok(()) => problem.set(None),
                    Err(_) => problem.set(Some(lang.tr(
                        format!("浏览器没能生成下载文件「{name}」"),
                        format!("The browser could not make the download “{name}”"),
                    ))),
                }
            })
        };
        html! {
            <button type="button" class="quiet" data-testid={export.testid()}
                    title={export.description(lang)} {onclick}>
                { export.label(lang) }
            </button>
        }
    };
    html! {
        <div class="export-menu" role="group" aria-labelledby="export-heading">
            <h2 id="export-heading">{ lang.tr("导出", "Export") }</h2>
            <div class="export-buttons">{ for Export::ALL.into_iter().map(button) }</div>
            if let Some(message) = &*problem {
                <p class="notice" role="alert">{ message.clone() }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_what_and_when_with_padded_digits() {
        let at = Stamp {
            year: 2026,
            month: 3,
            day: 5,
            hour: 9,
            minute: 7,
        };
        assert_eq!(
            file_name(Export::KeywordsCsv, at),
            "wenxi-keywords-20260305-0907.csv"
        );
        let names: Vec<String> = Export::ALL.iter().map(|&e| file_name(e, at)).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        assert!(file_name(Export::CloudSvg, at).ends_with(".svg"));
        assert!(file_name(Export::Json, at).ends_with(".json"));
    }
}
