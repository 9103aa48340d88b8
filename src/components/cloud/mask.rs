//! The reader's image as the cloud's shape: decoded by the browser, fitted into the cloud's box
//! (aspect kept, centred), and read back one bit per px.
//!
//! An image with transparent parts is a cut-out: opaque px are inside. An opaque image (a
//! photo, a drawing on white) is a silhouette: dark px are inside.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ImageBitmap, OffscreenCanvas};
use wenxi_core::cloud::ShapeMask;

use crate::i18n::Said;

/// Alpha, or luminance, at which a px turns from outside to inside.
const THRESHOLD: u8 = 128;

/// Decodes `file` and packs it as a `width` × `height` mask, or says why not (for the reader).
pub async fn mask_from_file(
    file: web_sys::File,
    width: u32,
    height: u32,
) -> Result<ShapeMask, Said> {
    let undecodable = || {
        Said::new(
            "无法解码这张图片（请用 PNG、JPEG、WebP 或 SVG 图片）",
            "Cannot decode this image (use a PNG, JPEG, WebP or SVG image)",
        )
    };
    let window = web_sys::window().ok_or_else(|| Said::new("没有窗口", "No window"))?;
    let promise = window.create_image_bitmap_with_blob(&file).map_err(|_| {
        Said::new(
            "浏览器无法读取这张图片",
            "The browser cannot read this image",
        )
    })?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| undecodable())?
        .dyn_into()
        .map_err(|_| undecodable())?;
    let mask = pack(&bitmap, width, height)
        .map_err(|_| Said::new("无法读取图片的像素", "Cannot read the image's pixels"));
    bitmap.close();
    let mask = mask?;
    if mask.inside.iter().all(|w| *w == 0) {
        return Err(Said::new(
            "图片里找不到形状：请用透明背景的图，或白底上的深色图形",
            "No shape found in the image: use one with a transparent background, or a dark figure on white",
        ));
    }
    Ok(mask)
}

fn pack(bitmap: &ImageBitmap, width: u32, height: u32) -> Result<ShapeMask, JsValue> {
    let canvas = OffscreenCanvas::new(width, height)?;
    let ctx = crate::cloud_glyphs::context(&canvas)?;
    let (iw, ih) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    if iw < 1.0 || ih < 1.0 {
        return Err("empty image".into());
    }
    let (w, h) = (f64::from(width), f64::from(height));
    let fit = (w / iw).min(h / ih);
    let (dw, dh) = (iw * fit, ih * fit);
    let (dx, dy) = ((w - dw) / 2.0, (h - dh) / 2.0);
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, dx, dy, dw, dh)?;
    let pixels = ctx.get_image_data(0.0, 0.0, w, h)?.data();
    // Only the px the image covers say whether it has transparent parts (the margins of a
    // fitted image are transparent either way).
    let covers = |x: u32, y: u32| {
        let (x, y) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
        x >= dx.ceil() && x < (dx + dw).floor() && y >= dy.ceil() && y < (dy + dh).floor()
    };
    let at = |x: u32, y: u32| (y as usize * width as usize + x as usize) * 4;
    let mut cut_out = false;
    'rows: for y in 0..height {
        for x in 0..width {
            if covers(x, y) && pixels.get(at(x, y) + 3).is_some_and(|&a| a < 250) {
                cut_out = true;
                break 'rows;
            }
        }
    }
    Ok(ShapeMask::from_fn(width, height, |x, y| {
        let i = at(x, y);
        let Some(px) = pixels.get(i..i + 4) else {
            return false;
        };
        if cut_out {
            px[3] >= THRESHOLD
        } else if px[3] < THRESHOLD {
            false
        } else {
            let luma =
                (299 * u32::from(px[0]) + 587 * u32::from(px[1]) + 114 * u32::from(px[2])) / 1000;
            luma < u32::from(THRESHOLD)
        }
    }))
}
