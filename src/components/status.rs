//! The engine's state in words, with the timings of the last run.

use yew::prelude::*;

use wenxi_core::progress::Progress;

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
    let label = match props.status {
        Status::Loading => "正在加载分析引擎……",
        Status::Ready => "引擎就绪",
        Status::Busy => "正在分析……",
        Status::Done => "分析完成",
        Status::Error => "出错了",
    };
    let t = props.timings;
    let mut details = Vec::new();
    if let Some(ms) = t.load_ms {
        details.push(format!("引擎加载 {ms:.0} ms"));
    }
    if let Some(ms) = t.engine_ms {
        details.push(format!("分析 {ms:.0} ms"));
    }
    if let Some(ms) = t.round_trip_ms {
        details.push(format!("往返 {ms:.0} ms"));
    }
    let attr = |ms: Option<f64>| ms.map(|ms| AttrValue::from(format!("{ms:.1}")));
    // Where the engine's time went, for the curious (a tooltip) and for benchmarks.
    let stages = t.stages.map(|s| {
        let rows: Vec<String> = s
            .rows()
            .iter()
            .map(|&(name, ms)| format!("{} {ms:.0} ms", stage_zh(name)))
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
             data-round-trip-ms={attr(t.round_trip_ms)} data-stages={stages_json}
             role="status" aria-live="polite">
            <span class="dot" aria-hidden="true"></span>
            <span class="label">{ label }</span>
            if let Some(error) = &props.error {
                <div class="error-message">
                    <p>{ error.summary.clone() }{ "。你的文本仍在，可以再次分析。" }</p>
                    <details>
                        <summary>{ "技术细节" }</summary>
                        <pre>{ error.detail.clone() }</pre>
                    </details>
                </div>
            }
            if let (Status::Busy, Some(progress)) = (props.status, props.progress) {
                <div class="progress-row">
                    <progress data-testid="progress" max="1" value={format!("{:.3}", progress.done)}
                              aria-label="分析进度"></progress>
                    <span class="stage">{ format!("{}（{:.0}%）", stage_zh(progress.stage.name()), progress.done * 100.0) }</span>
                    <button type="button" class="quiet" data-testid="cancel"
                            onclick={props.on_cancel.reform(|_: MouseEvent| ())}>
                        { "取消" }
                    </button>
                </div>
            }
            if !details.is_empty() {
                <span class="timings" title={stages}>{ details.join(" · ") }</span>
            }
        </div>
    }
}

/// A stage's name (see `StageTimes::rows`) for a Chinese reader.
fn stage_zh(name: &str) -> &str {
    match name {
        "normalize" => "规范化",
        "segment" => "分词",
        "stats" => "统计",
        "entities" => "实体",
        "keywords" => "关键词",
        "articles" => "分篇",
        "cloud" => "词云",
        other => other,
    }
}
