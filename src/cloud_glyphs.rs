//! The cloud's drawing model on a canvas, and glyph masks measured with it.
//!
//! The worker lays the cloud out with [`CanvasGlyphs`]: each word is drawn on an
//! `OffscreenCanvas` exactly as the page's SVG and PNG draw it (same font string, same anchor,
//! same rotation, vertical words one char per line), and its alpha channel becomes the word's
//! ink. The PNG export draws with [`draw_word`] too, so the three pictures agree.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{OffscreenCanvas, OffscreenCanvasRenderingContext2d};
use wenxi_core::cloud::{Glyph, GlyphSource, ShapeMask, WordStyle};

/// The SVG file's font list and its cleaning, so the screen, the PNG and the file agree.
pub use wenxi_core::export::svg::font_family;

/// The weight every cloud word is drawn in (the page's CSS and the SVG file say the same).
pub const WEIGHT: &str = "600";

/// An alpha at or above this counts as ink: the faint edge of anti-aliasing does not, so a
/// padding of a pixel or two still keeps words visibly apart.
const INK_ALPHA: u8 = 48;

/// Empty px kept around the measured box: anti-aliasing reaches a little past it.
const MARGIN: f64 = 2.0;

/// The canvas `font` for one word.
pub fn font_string(font_px: f64, family_list: &str) -> String {
    format!("{WEIGHT} {font_px:.2}px {family_list}")
}

/// A 2D context that reads back often (kept on the CPU, so `getImageData` is cheap).
pub fn context(canvas: &OffscreenCanvas) -> Result<OffscreenCanvasRenderingContext2d, JsValue> {
    let settings = js_sys::Object::new();
    js_sys::Reflect::set(&settings, &"willReadFrequently".into(), &JsValue::TRUE)?;
    canvas
        .get_context_with_context_options("2d", &settings)?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()
        .map_err(|_| JsValue::from_str("not a 2d context"))
}

/// Draws `term` with its drawing origin at (x, y) in the context's current transform: one
/// line centred on x with its alphabetic baseline at y, turned `rotate` degrees about (x, y);
/// vertical words one char per line, char i's baseline at y + i·font_px. The font must be set.
pub fn draw_word(
    ctx: &OffscreenCanvasRenderingContext2d,
    term: &str,
    font_px: f64,
    style: WordStyle,
    x: f64,
    y: f64,
) -> Result<(), JsValue> {
    ctx.set_text_align("center");
    ctx.set_text_baseline("alphabetic");
    match style {
        WordStyle::Vertical => {
            let mut buf = [0u8; 4];
            for (i, c) in term.chars().enumerate() {
                ctx.fill_text(c.encode_utf8(&mut buf), x, y + i as f64 * font_px)?;
            }
            Ok(())
        }
        WordStyle::Horizontal => ctx.fill_text(term, x, y),
        WordStyle::Rotated(degrees) => {
            ctx.save();
            ctx.translate(x, y)?;
            ctx.rotate(f64::from(degrees).to_radians())?;
            let drawn = ctx.fill_text(term, 0.0, 0.0);
            ctx.restore();
            drawn
        }
    }
}

/// The ink box of a word around its drawing origin: (left, top, right, bottom), in px.
fn ink_box(
    ctx: &OffscreenCanvasRenderingContext2d,
    term: &str,
    font_px: f64,
    style: WordStyle,
) -> Result<(f64, f64, f64, f64), JsValue> {
    let measure = |text: &str| -> Result<(f64, f64, f64, f64), JsValue> {
        let m = ctx.measure_text(text)?;
        Ok((
            -m.actual_bounding_box_left(),
            -m.actual_bounding_box_ascent(),
            m.actual_bounding_box_right(),
            m.actual_bounding_box_descent(),
        ))
    };
    match style {
        WordStyle::Horizontal => measure(term),
        WordStyle::Vertical => {
            let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            let mut buf = [0u8; 4];
            for (i, c) in term.chars().enumerate() {
                let (l, t, r, d) = measure(c.encode_utf8(&mut buf))?;
                let dy = i as f64 * font_px;
                b = (b.0.min(l), b.1.min(t + dy), b.2.max(r), b.3.max(d + dy));
            }
            Ok(if b.0 > b.2 { (0.0, 0.0, 0.0, 0.0) } else { b })
        }
        WordStyle::Rotated(degrees) => {
            let (l, t, r, d) = measure(term)?;
            let (sin, cos) = f64::from(degrees).to_radians().sin_cos();
            let corners = [(l, t), (r, t), (l, d), (r, d)].map(|(x, y)| {
                // Clockwise on screen (y down), as canvas `rotate` and SVG `rotate()` turn.
                (x * cos - y * sin, x * sin + y * cos)
            });
            Ok(corners
                .iter()
                .fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |b, &(x, y)| {
                    (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y))
                }))
        }
    }
}

/// Packs a bitmap (one `bool` per px, row-major) into rows of `u64` words, bit `x % 64` of word
/// `x / 64`, the layout engine's order.
pub fn pack_bits(width: u32, height: u32, ink: impl Fn(u32, u32) -> bool) -> Vec<u64> {
    ShapeMask::from_fn(width, height, ink).inside
}

/// Glyphs kept between layouts: another arrangement of the same words (a new seed) draws
/// nothing again. Past this many the cache starts over.
const CACHED_GLYPHS: usize = 4096;

/// A glyph's key: the word, its size (the float's bits) and its style (vertical, or the angle).
type GlyphKey = (String, u64, Option<i32>);

fn key(term: &str, font_px: f64, style: WordStyle) -> GlyphKey {
    let turn = match style {
        WordStyle::Horizontal => Some(0),
        WordStyle::Rotated(degrees) => Some(degrees),
        WordStyle::Vertical => None,
    };
    (term.to_string(), font_px.to_bits(), turn)
}

/// Glyph masks drawn on one reused `OffscreenCanvas`, in the font the page asked for.
pub struct CanvasGlyphs {
    canvas: OffscreenCanvas,
    ctx: OffscreenCanvasRenderingContext2d,
    /// The CSS family list in use ([`font_family`] of the reader's choice).
    family: RefCell<String>,
    /// Glyphs drawn in `family`.
    cache: RefCell<HashMap<GlyphKey, Glyph>>,
}

impl CanvasGlyphs {
    /// A glyph source over a fresh canvas; fails where there is no `OffscreenCanvas`.
    pub fn new() -> Result<CanvasGlyphs, JsValue> {
        let canvas = OffscreenCanvas::new(256, 128)?;
        let ctx = context(&canvas)?;
        Ok(CanvasGlyphs {
            canvas,
            ctx,
            family: RefCell::new(font_family("")),
            cache: RefCell::default(),
        })
    }

    /// Measures in `family` (the reader's choice; CJK fallbacks follow it) from now on.
    pub fn set_font(&self, family: &str) {
        let family = font_family(family);
        if *self.family.borrow() != family {
            *self.family.borrow_mut() = family;
            self.cache.borrow_mut().clear();
        }
    }

    fn try_glyph(&self, term: &str, font_px: f64, style: WordStyle) -> Result<Glyph, JsValue> {
        let ctx = &self.ctx;
        ctx.set_font(&font_string(font_px, &self.family.borrow()));
        ctx.set_text_align("center");
        ctx.set_text_baseline("alphabetic");
        let (left, top, right, bottom) = ink_box(ctx, term, font_px, style)?;
        let anchor_x = (-left + MARGIN).ceil();
        let anchor_y = (-top + MARGIN).ceil();
        let width = (anchor_x + right + MARGIN).ceil().max(1.0) as u32;
        let height = (anchor_y + bottom + MARGIN).ceil().max(1.0) as u32;
        if self.canvas.width() < width || self.canvas.height() < height {
            // Growing resets the context's state (font and all): set it again.
            self.canvas.set_width(self.canvas.width().max(width));
            self.canvas.set_height(self.canvas.height().max(height));
            ctx.set_font(&font_string(font_px, &self.family.borrow()));
        }
        ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
        ctx.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
        ctx.set_fill_style_str("#000");
        draw_word(ctx, term, font_px, style, anchor_x, anchor_y)?;
        let pixels = ctx
            .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))?
            .data();
        let row = width as usize * 4;
        let bits = pack_bits(width, height, |x, y| {
            pixels
                .get(y as usize * row + x as usize * 4 + 3)
                .is_some_and(|&a| a >= INK_ALPHA)
        });
        Ok(Glyph {
            width,
            height,
            bits,
            anchor_x,
            anchor_y,
        })
    }
}

impl GlyphSource for CanvasGlyphs {
    fn glyph(&self, term: &str, font_px: f64, style: WordStyle) -> Glyph {
        let key = key(term, font_px, style);
        if let Some(glyph) = self.cache.borrow().get(&key) {
            return glyph.clone();
        }
        // A canvas that failed (it does not in practice) gives the estimate's glyph, never a
        // panic in the middle of a layout.
        let glyph = self
            .try_glyph(term, font_px, style)
            .unwrap_or_else(|_| wenxi_core::cloud::EstimatedGlyphs.glyph(term, font_px, style));
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= CACHED_GLYPHS {
            cache.clear();
        }
        cache.insert(key, glyph.clone());
        glyph
    }
}
