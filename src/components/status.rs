//! The engine's state in words, with the timings of the last run.

use yew::prelude::*;

use wenxi_core::progress::Progress;

use crate::i18n::{use_lang, Lang};
use crate::state::{Problem, Status, Timings};

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub status: Status,
    pub error: Option<Problem>,
    pub timings: Timings,
    /// How far a long analysis has got (it says so after a tenth of a second).
    #[prop_or_default]
    pub progress: Option<Progress>,
    #[prop_or_default]
    pub on_cancel: Callback<()>,
}

#[component(StatusBadge)]
pub fn status_badge(props: &StatusProps) -> Html {
    let lang = use_lang();
    let label = match props.status {
        Status::Loading => lang.tr("正在加载分析引擎……", "Loading the analysis engine…"),
        Status::Ready => lang.tr("引擎就绪", "Engine ready"),
        Status::Busy => lang.tr("正在分析……", "Analysing…"),
        Status::Done => lang.tr("分析完成", "Analysis done"),
        Status::Error => lang.tr("出错了", "Something went wrong"),
    };
    let t = props.timings;
    let mut details = Vec::new();
    if let Some(ms) = t.load_ms {
        details.push(lang.tr(
            format!("引擎加载 {ms:.0} ms"),
            format!("engine load {ms:.0} ms"),
        ));
    }
    if let Some(ms) = t.engine_ms {
        details.push(lang.tr(format!("分析 {ms:.0} ms"), format!("analysis {ms:.0} ms")));
    }
    if let Some(ms) = t.round_trip_ms {
        details.push(lang.tr(format!("往返 {ms:.0} ms"), format!("round trip {ms:.0} ms")));
    }
    let attr = |ms: Option<f64>| ms.map(|ms| AttrValue::from(format!("{ms:.1}")));
    // Where the engine's time went, for the curious (a tooltip) and for benchmarks.
    let stages = t.stages.map(|s| {
        let rows: Vec<String> = s
            .rows()
            .iter()
            .map(|&(name, ms)| format!("{} {ms:.0} ms", stage_name(name, lang)))
            .collect();
        rows.join(" · ")
    });
    let stages_json = t
        .stages
        .and_then(|s| serde_json::to_string(&s).ok())
        .map(AttrValue::from);
    html! {
        <div class="status" data-testid="status" data-state={props.status.as_str()}
             data-load-ms={attr(t.load_ms)} data-engine-ms={attr(t.engine_ms)}
             data-worker-memory={t.worker_memory_bytes.map(|b| b.to_string())}
             data-round-trip-ms={attr(t.round_trip_ms)} data-stages={stages_json}
             role="status" aria-live="polite">
            <span class="dot" aria-hidden="true"></span>
            <span class="label">{ label }</span>
            if let Some(error) = &props.error {
                <div class="error-message">
                    <p>{ error.summary.get(lang).to_string() }{ lang.tr(
                        "。你的文本仍在，可以再次分析。",
                        ". Your text is still here; you can analyse it again.",
                    ) }</p>
                    <details>
                        <summary>{ lang.tr("技术细节", "Technical details") }</summary>
                        <pre>{ error.detail.clone() }</pre>
                    </details>
                </div>
            }
            if let (Status::Busy, Some(progress)) = (props.status, props.progress) {
                <div class="progress-row">
                    <progress data-testid="progress" max="1" value={format!("{:.3}", progress.done)}
                              aria-label={lang.tr("分析进度", "Analysis progress")}></progress>
                    <span class="stage">{ {
                        let (stage, percent) = (stage_name(progress.stage.name(), lang), progress.done * 100.0);
                        lang.tr(format!("{stage}（{percent:.0}%）"), format!("{stage} ({percent:.0}%)"))
                    } }</span>
                    <button type="button" class="quiet" data-testid="cancel"
                            onclick={props.on_cancel.reform(|_: MouseEvent| ())}>
                        { lang.tr("取消", "Cancel") }
                    </button>
                </div>
            }
            if !details.is_empty() {
                <span class="timings" title={stages}>{ details.join(" · ") }</span>
            }
        </div>
    }
}

/// A stage's name (see `StageTimes::rows`) for the reader.
fn stage_name(name: &str, lang: Lang) -> &str {
    match name {
        "normalize" => lang.tr("规范化", "normalising"),
        "segment" => lang.tr("分词", "segmenting"),
        "stats" => lang.tr("统计", "counting"),
        "entities" => lang.tr("实体", "entities"),
        "keywords" => lang.tr("关键词", "keywords"),
        "articles" => lang.tr("分篇", "articles"),
        "cloud" => lang.tr("词云", "cloud"),
        other => other,
    }
}
