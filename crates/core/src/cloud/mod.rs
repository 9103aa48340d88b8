//! Stage 6: the keyword cloud, laid out here so the page only draws it.
//!
//! Words go from the best down, each along a spiral out of the shape's centre until its ink
//! touches no ink placed before and stays inside the shape. Collisions are tested on a bit grid
//! (1 cell = 1 px at 1×), so small words nest into the gaps of big ones, which a box test cannot
//! do. The ink comes from a [`GlyphSource`]: the browser worker measures real glyphs on an
//! OffscreenCanvas; [`EstimatedGlyphs`] estimates them from the characters for the CLI, native
//! tests and the report's first cloud. When a word finds no place, every font size shrinks and
//! the layout starts again, so the largest word is never the one dropped. A seeded generator
//! makes the same input give the same cloud.

mod attempt;
mod glyph;
mod grid;
mod place;
mod search;
mod shape;
mod spiral;
#[cfg(test)]
mod tests;

pub use glyph::EstimatedGlyphs;
pub use place::layout;
pub use shape::shape_mask;

use serde::{Deserialize, Serialize};

/// How a cloud is laid out; sent by the page and kept in its settings. Every field has a
/// default, so the page sends only what the reader changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudOptions {
    /// Layout width in CSS px at 1× (default 800).
    pub width: u32,
    /// Layout height in CSS px at 1× (default 500).
    pub height: u32,
    /// How many of the inputs to place, best first (default 80, clamped to 1..=300).
    pub max_words: usize,
    /// How font size follows score.
    pub scaling: Scaling,
    /// Which way words are drawn.
    pub orientation: Orientation,
    /// The outline the words fill.
    pub shape: Shape,
    /// Varies the spiral's starting angles and the orientation picks; same seed, same cloud.
    pub seed: u64,
    /// Smallest font size in px (default 12); words are never drawn smaller.
    pub min_font: f64,
    /// Font size in px of a word with score 1 (default 96), shrunk as needed to fit everything.
    pub max_font: f64,
    /// Px of empty space kept around each word's ink (default 2).
    pub padding: u32,
}

impl Default for CloudOptions {
    fn default() -> Self {
        CloudOptions {
            width: 800,
            height: 500,
            max_words: 80,
            scaling: Scaling::default(),
            orientation: Orientation::default(),
            shape: Shape::default(),
            seed: 1,
            min_font: 12.0,
            max_font: 96.0,
            padding: 2,
        }
    }
}

/// Font size from score: `min + (max - min) * f(score)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scaling {
    /// f(s) = s: sizes as far apart as the scores.
    Linear,
    /// f(s) = √s: mid scores stay readable.
    #[default]
    Sqrt,
    /// f(s) = log10(1 + 9s): lifts low and middling scores most (past the square root from
    /// about s = 0.2), for scores that fall off steeply.
    Log,
}

/// Which way words are drawn. "Upright" is Chinese read top to bottom (chars stacked); a word
/// with Latin letters is turned 90° instead, as stacked letters read badly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Every word horizontal.
    Horizontal,
    /// About one word in four upright (of those up to six chars), never the top three. Where
    /// only the other way fits, a word takes it rather than shrinking the cloud.
    #[default]
    Mixed,
    /// Every word upright.
    Vertical,
    /// Angles from -60, -30, 0, 30 and 60 degrees; the first word level, and a turned word
    /// level where only that fits.
    Rotated,
}

/// The outline the words fill, scaled to the cloud's box.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    Rectangle,
    #[default]
    Ellipse,
    /// A heart.
    Cardioid,
    /// A five-pointed star.
    Star,
    /// The [`ShapeMask`] passed to [`layout`] (a reader's image); a rectangle when none is.
    Mask,
}

impl Shape {
    /// The name written into [`Cloud::shape`](crate::Cloud).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Rectangle => "rectangle",
            Shape::Ellipse => "ellipse",
            Shape::Cardioid => "cardioid",
            Shape::Star => "star",
            Shape::Mask => "mask",
        }
    }
}

/// Where ink may go: one bit per px, row-major, each row padded to whole `u64` words (bit `x % 64`
/// of word `x / 64` of the row), 1 = may hold ink. Made by the page from a reader's image.
/// A mask of another size than the cloud is stretched to it (nearest pixel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShapeMask {
    pub width: u32,
    pub height: u32,
    pub inside: Vec<u64>,
}

impl ShapeMask {
    /// `u64` words per row.
    pub fn row_words(width: u32) -> usize {
        (width as usize).div_ceil(64)
    }

    /// A mask from a predicate on pixel coordinates.
    pub fn from_fn(width: u32, height: u32, inside: impl Fn(u32, u32) -> bool) -> ShapeMask {
        let row = Self::row_words(width);
        let mut bits = vec![0u64; row * height as usize];
        for y in 0..height {
            for x in 0..width {
                if inside(x, y) {
                    bits[y as usize * row + x as usize / 64] |= 1 << (x % 64);
                }
            }
        }
        ShapeMask {
            width,
            height,
            inside: bits,
        }
    }

    /// True when (x, y) may hold ink; false outside the mask or past a short `inside`.
    pub fn get(&self, x: u32, y: u32) -> bool {
        if x >= self.width || y >= self.height {
            return false;
        }
        let i = y as usize * Self::row_words(self.width) + x as usize / 64;
        self.inside.get(i).is_some_and(|w| w >> (x % 64) & 1 == 1)
    }
}

/// The ink of one word drawn at one size and style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Glyph {
    pub width: u32,
    pub height: u32,
    /// Row-major, rows padded to whole `u64` words (bit `x % 64` of word `x / 64`); 1 = ink.
    pub bits: Vec<u64>,
    /// Where the text's drawing origin (see [`CloudWord`](crate::CloudWord)) falls in the
    /// bitmap, in px from its left edge.
    pub anchor_x: f64,
    /// Same, in px from its top edge.
    pub anchor_y: f64,
}

impl Glyph {
    /// True when (x, y) is ink.
    pub fn get(&self, x: u32, y: u32) -> bool {
        if x >= self.width || y >= self.height {
            return false;
        }
        let i = y as usize * ShapeMask::row_words(self.width) + x as usize / 64;
        self.bits.get(i).is_some_and(|w| w >> (x % 64) & 1 == 1)
    }
}

/// Draws words to learn their ink. The worker's measures a real font; [`EstimatedGlyphs`]
/// guesses from the characters.
pub trait GlyphSource {
    fn glyph(&self, term: &str, font_px: f64, style: WordStyle) -> Glyph;
}

/// How one word is drawn (see the drawing model on [`CloudWord`](crate::CloudWord)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordStyle {
    Horizontal,
    /// Chars stacked top to bottom, each centred on x.
    Vertical,
    /// Horizontal text turned clockwise by this many degrees about its origin.
    Rotated(i32),
}

/// One word to place: its score sizes it, its count is passed through for the page's hover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CloudInput {
    pub term: String,
    /// 0..=1; other values are clamped (NaN counts as 0).
    pub score: f64,
    pub count: usize,
}

impl From<&crate::Keyword> for CloudInput {
    fn from(k: &crate::Keyword) -> Self {
        CloudInput {
            term: k.term.clone(),
            score: k.score,
            count: k.count,
        }
    }
}

impl WordStyle {
    /// How a placed word is drawn.
    pub fn of(word: &crate::CloudWord) -> WordStyle {
        match (word.vertical, word.rotate) {
            (true, _) => WordStyle::Vertical,
            (false, 0) => WordStyle::Horizontal,
            (false, d) => WordStyle::Rotated(d),
        }
    }
}

/// The pixels a placed word's ink covers, re-drawn with `glyphs`: for checking a cloud (no
/// overlap, inside the shape) and for hit tests. Pixel (x, y) covers x..x+1, y..y+1.
pub fn placed_ink(word: &crate::CloudWord, glyphs: &dyn GlyphSource) -> Vec<(i64, i64)> {
    let glyph = glyphs.glyph(&word.term, word.font_size, WordStyle::of(word));
    let anchor = |a: f64| if a.is_finite() { a } else { 0.0 };
    let left = (word.x - anchor(glyph.anchor_x)).round() as i64;
    let top = (word.y - anchor(glyph.anchor_y)).round() as i64;
    let mut ink = Vec::new();
    for y in 0..glyph.height {
        for x in 0..glyph.width {
            if glyph.get(x, y) {
                ink.push((left + i64::from(x), top + i64::from(y)));
            }
        }
    }
    ink
}
