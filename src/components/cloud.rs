//! The keyword cloud panel: the cloud as SVG (crisp at any DPI), its options, hover details,
//! click for contexts, and exports. The layout comes from the worker; this only draws it, by the
//! drawing model of [`wenxi_core::CloudWord`].
//!
//! The report's own cloud (laid out from estimated glyphs) shows first; the page's
//! [`CloudContext`] carries the worker's cloud in the reader's choices once it arrives. Without a
//! context (a report rendered alone) the report's cloud is drawn with the default look.

mod export;
mod fonts;
mod mask;
mod options;
mod palette;
mod theme;

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wenxi_core::Cloud;
use yew::prelude::*;

pub use export::{png_blob, svg_file, PNG_SCALES};
pub use palette::colour;

use crate::cloud_glyphs::font_family;
use crate::download::{download, download_blob};
use crate::i18n::Said;
use crate::i18n::{use_lang, Lang};
use crate::state::cloud::{CloudEdit, CloudSettings};
use options::CloudOptionsBar;
use palette::colour_on_page;

/// What the page tells the cloud panel (and the export group): the worker's cloud, the reader's
/// choices, and where changes go.
#[derive(Clone, PartialEq)]
pub struct CloudContext {
    /// The cloud laid out for the current report in the reader's choices, once it arrived.
    pub cloud: Option<Rc<Cloud>>,
    /// The layout's time in the worker.
    pub layout_ms: Option<f64>,
    pub settings: Rc<CloudSettings>,
    /// A mask image is loaded (it can be chosen as the shape).
    pub has_mask: bool,
    pub on_edit: Callback<CloudEdit>,
    /// Hears the panel's width in CSS px (on first draw and when the window is resized).
    pub on_width: Callback<u32>,
}

/// The cloud on screen and the look it is drawn with: the worker's when there is one, else the
/// report's own `fallback`.
pub fn shown_cloud(
    context: Option<&CloudContext>,
    fallback: &Rc<Cloud>,
) -> (Rc<Cloud>, Rc<CloudSettings>) {
    match context {
        Some(c) => (
            c.cloud.clone().unwrap_or_else(|| fallback.clone()),
            c.settings.clone(),
        ),
        None => (fallback.clone(), Rc::default()),
    }
}

/// Downloads the cloud as SVG; the error is a sentence for the reader.
pub fn export_svg(cloud: &Cloud, look: &CloudSettings) -> Result<(), Said> {
    let name = super::export::stamped_name("cloud", "svg");
    download(&name, "image/svg+xml;charset=utf-8", &svg_file(cloud, look)).map_err(|_| {
        Said::new(
            format!("浏览器没能生成下载文件「{name}」"),
            format!("The browser could not make the download “{name}”"),
        )
    })
}

/// Draws the cloud as a PNG at `scale` and downloads it; `done` hears of a failure.
fn export_png(cloud: Rc<Cloud>, look: Rc<CloudSettings>, scale: u32, done: Callback<Option<Said>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = super::export::stamped_name(&format!("cloud-{scale}x"), "png");
        let result = match png_blob(&cloud, &look, scale).await {
            Ok(blob) => download_blob(&name, &blob).map_err(|_| ()),
            Err(_) => Err(()),
        };
        done.emit(result.err().map(|_| {
            Said::new(
                format!("浏览器没能画出 PNG 文件「{name}」"),
                format!("The browser could not draw the PNG file “{name}”"),
            )
        }));
    });
}

#[derive(Properties, PartialEq)]
pub struct CloudProps {
    /// The report's own cloud, shown until the worker's arrives.
    pub cloud: Rc<Cloud>,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

/// How one word is drawn, the same on the page and on paper: its rotation
/// (`None` unless turned) and its text, one `<tspan>` a char when stacked upright.
pub fn word_glyphs(w: &wenxi_core::CloudWord) -> (Option<String>, Html) {
    let transform = (w.rotate != 0 && !w.vertical)
        .then(|| format!("rotate({} {:.2} {:.2})", w.rotate, w.x, w.y));
    let body = if w.vertical {
        w.term
            .chars()
            .enumerate()
            .map(|(k, c)| {
                html! {
                    <tspan x={format!("{:.2}", w.x)}
                           y={format!("{:.2}", w.y + k as f64 * w.font_size)}>
                        { c.to_string() }
                    </tspan>
                }
            })
            .collect::<Html>()
    } else {
        html! { w.term.clone() }
    };
    (transform, body)
}

#[component(CloudView)]
pub fn cloud_view(props: &CloudProps) -> Html {
    let context = use_context::<CloudContext>();
    let lang = use_lang();
    // A transparent cloud shows the page behind it: its colours follow the theme shown.
    let theme = super::views::use_reader().map(|r| r.settings.display.theme);
    let page_dark = theme::use_page_dark(theme.unwrap_or_default());
    let hovered = use_state(|| None::<usize>);
    let problem = use_state(|| None::<Said>);
    let (cloud, look) = shown_cloud(context.as_ref(), &props.cloud);
    let panel = use_node_ref();
    {
        let (panel, on_width) = (panel.clone(), context.as_ref().map(|c| c.on_width.clone()));
        use_effect_with((), move |_| {
            let listener = on_width.map(|on_width| watch_width(panel, on_width));
            move || drop(listener)
        });
    }
    let precise = context.as_ref().is_some_and(|c| c.cloud.is_some());

    let options = match &context {
        Some(c) => html! {
            <CloudOptionsBar settings={c.settings.clone()} has_mask={c.has_mask}
                             size={(cloud.width.max(1.0) as u32, cloud.height.max(1.0) as u32)}
                             on_edit={c.on_edit.clone()} />
        },
        None => Html::default(),
    };
    let exports = {
        let svg = {
            let (cloud, look, problem) = (cloud.clone(), look.clone(), problem.clone());
            Callback::from(move |_: MouseEvent| problem.set(export_svg(&cloud, &look).err()))
        };
        let png = |scale: u32| {
            let size = format!(
                "{} × {}",
                (cloud.width * f64::from(scale)).round(),
                (cloud.height * f64::from(scale)).round()
            );
            let (cloud, look, problem) = (cloud.clone(), look.clone(), problem.clone());
            let done = Callback::from(move |p: Option<Said>| problem.set(p));
            let onclick = Callback::from(move |_: MouseEvent| {
                export_png(cloud.clone(), look.clone(), scale, done.clone())
            });
            html! {
                <button type="button" class="quiet" data-testid={format!("cloud-export-png-{scale}")}
                        title={lang.tr(
                            format!("下载 PNG 图片，{scale} 倍尺寸（{size} 像素）"),
                            format!("Download a PNG image at {scale}× size ({size} pixels)"),
                        )}
                        {onclick}>{ format!("PNG {scale}×") }</button>
            }
        };
        html! {
            <div class="cloud-exports" role="group" aria-label={lang.tr("导出词云", "Export the cloud")}>
                <button type="button" class="quiet" data-testid="cloud-export-svg" onclick={svg}
                        title={lang.tr(
                            "下载 SVG 矢量图（文字可编辑，任意放大都清晰）",
                            "Download an SVG vector image (editable words, sharp at any size)",
                        )}>{ "SVG" }</button>
                { for PNG_SCALES.iter().map(|&s| png(s)) }
            </div>
        }
    };
    let status = html! {
        <p class="cloud-status muted">
            <span data-testid="cloud-fill" data-fill={format!("{:.4}", cloud.fill)}>
                { {
                    let fill = cloud.fill * 100.0;
                    lang.tr(format!("填充 {fill:.0}%"), format!("{fill:.0}% filled"))
                } }
            </span>
            { format!(" · {}", lang.count(cloud.words.len(), "个词", "word", "words")) }
            if !cloud.complete && !cloud.words.is_empty() && precise {
                <span class="cloud-incomplete">{ lang.tr(
                    " · 最小字号也放不下全部词，只画了能放下的",
                    " · not every word fits even at the smallest size: only those that fit are drawn",
                ) }</span>
            }
        </p>
    };
    let problem_note = problem
        .as_ref()
        .map(|m| html! { <p class="notice" role="alert">{ m.get(lang).to_string() }</p> })
        .unwrap_or_default();

    if cloud.words.is_empty() {
        return html! {
            <div class="cloud-panel" ref={panel}>
                { options }
                <p class="muted">{ lang.tr("词太少，画不出词云。", "Too few words to draw a cloud.") }</p>
            </div>
        };
    }
    let tip = hovered.and_then(|i| cloud.words.get(i)).map_or_else(
        || {
            lang.tr(
                "把鼠标移到词上（或用 Tab 键选中）查看出现次数和得分；点击查看上下文。",
                "Point at a word (or select it with Tab) to see its count and score; click it to see its contexts.",
            )
            .to_string()
        },
        |w| word_details(w, lang),
    );
    html! {
        <div class="cloud-panel" ref={panel}>
            { options }
            { draw(&cloud, &look, precise.then(|| context.as_ref().and_then(|c| c.layout_ms)).flatten(),
                   &props.on_pick, &hovered, Drawn { lang, page_dark }) }
            <p class="cloud-tip" role="status" data-testid="cloud-tip">{ tip }</p>
            { status }
            { exports }
            { problem_note }
        </div>
    }
}

/// A word's count and score, as the hover line and the word's own tooltip say them.
fn word_details(w: &wenxi_core::CloudWord, lang: Lang) -> String {
    let (term, count, score) = (&w.term, w.count, w.weight);
    lang.tr(
        format!("{term}：出现 {count} 次，得分 {score:.2}"),
        format!(
            "{term}: {}, score {score:.2}",
            lang.count(count, "次", "occurrence", "occurrences")
        ),
    )
}

/// How the page around the cloud is: its language and whether it is dark.
#[derive(Clone, Copy)]
struct Drawn {
    lang: Lang,
    page_dark: bool,
}

/// Tells `on_width` the width of `panel` now and after each resize of the window; the
/// listener lasts as long as the value returned.
fn watch_width(panel: NodeRef, on_width: Callback<u32>) -> Option<ResizeListener> {
    let tell = move || {
        if let Some(element) = panel.cast::<web_sys::Element>() {
            on_width.emit(element.client_width().max(0) as u32);
        }
    };
    tell();
    let window = web_sys::window()?;
    let closure = Closure::<dyn Fn()>::new(tell);
    window
        .add_event_listener_with_callback("resize", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(ResizeListener { window, closure })
}

/// A `resize` listener on the window, removed when dropped.
struct ResizeListener {
    window: web_sys::Window,
    closure: Closure<dyn Fn()>,
}

impl Drop for ResizeListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("resize", self.closure.as_ref().unchecked_ref());
    }
}

/// The SVG itself: one `<text>` per word (vertical words one `<tspan>` per char).
fn draw(
    cloud: &Cloud,
    look: &CloudSettings,
    layout_ms: Option<f64>,
    on_pick: &Callback<Option<String>>,
    hovered: &UseStateHandle<Option<usize>>,
    page: Drawn,
) -> Html {
    let lang = page.lang;
    let view_box = format!("0 0 {} {}", cloud.width, cloud.height);
    let background = look.background.colour().map(|fill| {
        html! { <rect class="cloud-background" width="100%" height="100%" fill={fill} /> }
    });
    let words = cloud.words.iter().enumerate().map(|(i, w)| {
        let pick = {
            let (on_pick, term) = (on_pick.clone(), w.term.clone());
            move || on_pick.emit(Some(term.clone()))
        };
        let onclick = {
            let pick = pick.clone();
            Callback::from(move |_: MouseEvent| pick())
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                pick();
            }
        });
        let show = |on: bool| {
            let hovered = hovered.clone();
            move || hovered.set(on.then_some(i))
        };
        let (enter, leave, focus, blur) = (show(true), show(false), show(true), show(false));
        let (transform, body) = word_glyphs(w);
        html! {
            <text data-testid="cloud-word" data-term={w.term.clone()}
                  data-count={w.count.to_string()} data-score={format!("{:.4}", w.weight)}
                  class={w.vertical.then_some("vertical")} tabindex="0" role="button"
                  x={format!("{:.2}", w.x)} y={format!("{:.2}", w.y)}
                  font-size={format!("{:.1}", w.font_size)}
                  fill={colour_on_page(look.palette, look.background, page.page_dark, w.color)}
                  text-anchor="middle" {transform}
                  {onclick} {onkeydown}
                  onmouseenter={Callback::from(move |_: MouseEvent| enter())}
                  onmouseleave={Callback::from(move |_: MouseEvent| leave())}
                  onfocus={Callback::from(move |_: FocusEvent| focus())}
                  onblur={Callback::from(move |_: FocusEvent| blur())}>
                <title>{ word_details(w, lang) }</title>
                { body }
            </text>
        }
    });
    html! {
        <svg data-testid="cloud" class="cloud" viewBox={view_box} role="group"
             aria-label={lang.tr(
                 format!("关键词云，共 {} 个词", cloud.words.len()),
                 format!("Keyword cloud of {}", lang.count(cloud.words.len(), "", "word", "words")),
             )}
             font-family={font_family(&look.font)}
             data-shape={cloud.shape.clone()} data-seed={cloud.seed.to_string()}
             data-fill={format!("{:.4}", cloud.fill)} data-complete={cloud.complete.to_string()}
             data-layout-ms={layout_ms.map(|ms| format!("{ms:.1}"))}
             xmlns="http://www.w3.org/2000/svg">
            { for background }
            { for words }
        </svg>
    }
}
