//! The cloud as files: SVG (text with the font named, so it stays editable and sharp) and PNG at
//! 1×, 2× or 4×, drawn on a canvas by the same drawing model as the glyphs the layout measured.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::OffscreenCanvas;
use wenxi_core::cloud::WordStyle;
use wenxi_core::export::{cloud_svg, SvgOptions};
use wenxi_core::Cloud;

use super::palette::{colour, colours};
use crate::cloud_glyphs::{context, draw_word, font_family, font_string};
use crate::state::cloud::CloudSettings;

/// The scales a PNG is offered at.
pub const PNG_SCALES: [u32; 3] = [1, 2, 4];

/// The cloud as a standalone SVG document, in the reader's colours, font and background.
pub fn svg_file(cloud: &Cloud, look: &CloudSettings) -> String {
    let font = look.font.trim();
    cloud_svg(
        cloud,
        &SvgOptions {
            background: look.background.colour().map(str::to_string),
            font: (!font.is_empty()).then(|| font.to_string()),
            palette: colours(look.palette, look.background)
                .iter()
                .map(|c| c.to_string())
                .collect(),
            ..SvgOptions::default()
        },
    )
}

/// The cloud as a PNG of `scale` × its size.
pub async fn png_blob(
    cloud: &Cloud,
    look: &CloudSettings,
    scale: u32,
) -> Result<web_sys::Blob, JsValue> {
    let scale = scale.clamp(1, 8);
    let (w, h) = (cloud.width.max(1.0), cloud.height.max(1.0));
    let canvas = OffscreenCanvas::new(
        (w * f64::from(scale)).ceil() as u32,
        (h * f64::from(scale)).ceil() as u32,
    )?;
    let ctx = context(&canvas)?;
    ctx.scale(f64::from(scale), f64::from(scale))?;
    if let Some(background) = look.background.colour() {
        ctx.set_fill_style_str(background);
        ctx.fill_rect(0.0, 0.0, w, h);
    }
    let family = font_family(&look.font);
    for word in &cloud.words {
        ctx.set_font(&font_string(word.font_size, &family));
        ctx.set_fill_style_str(colour(look.palette, look.background, word.color));
        draw_word(
            &ctx,
            &word.term,
            word.font_size,
            WordStyle::of(word),
            word.x,
            word.y,
        )?;
    }
    let blob = JsFuture::from(canvas.convert_to_blob()?).await?;
    blob.dyn_into()
        .map_err(|_| JsValue::from_str("the canvas gave no blob"))
}
