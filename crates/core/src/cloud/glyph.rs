//! [`EstimatedGlyphs`]: word ink guessed from the characters, for when there is no font (the CLI,
//! native tests, the report's first cloud). Each char is a box: CJK and other wide chars a
//! 0.88 em square inside a 1 em cell, ASCII 0.55 em wide with cap height, x-height, ascenders
//! and descenders told apart. A real font's ink lies mostly inside these boxes, so a cloud laid
//! out with them rarely overlaps when drawn, and the page replaces it with a measured one.

use super::{Glyph, GlyphSource, ShapeMask, WordStyle};

/// The native [`GlyphSource`]: boxes per char, no font needed.
#[derive(Debug, Clone, Copy, Default)]
pub struct EstimatedGlyphs;

/// One char's ink in em: advance, ink left and right within the advance, ink top above the
/// baseline and bottom below it (both as distances, up positive for `top`).
#[derive(Debug, Clone, Copy)]
struct CharInk {
    advance: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// Chars drawn full width in CJK fonts.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn char_ink(c: char) -> Option<CharInk> {
    if c.is_whitespace() {
        return None;
    }
    if is_wide(c) {
        // The ideographic em box runs from 0.88 em above the baseline to 0.12 em below;
        // the ink fills about 0.88 of it, centred.
        return Some(CharInk {
            advance: 1.0,
            left: 0.06,
            right: 0.94,
            top: 0.82,
            bottom: 0.06,
        });
    }
    let (top, bottom) = match c {
        'a' | 'c' | 'e' | 'm' | 'n' | 'o' | 'r' | 's' | 'u' | 'v' | 'w' | 'x' | 'z' => (0.54, 0.0),
        'g' | 'p' | 'q' | 'y' => (0.54, 0.22),
        'j' => (0.76, 0.22),
        '.' | ',' | '_' => (0.12, 0.12),
        '-' | '~' | '=' | '+' => (0.5, 0.0),
        _ => (0.76, 0.02),
    };
    Some(CharInk {
        advance: 0.55,
        left: 0.03,
        right: 0.52,
        top,
        bottom,
    })
}

/// An ink rectangle in px relative to the drawing origin, y down, before any turn.
type Rect = [f64; 4]; // x0, y0, x1, y1

fn ink_rects(term: &str, font_px: f64, vertical: bool) -> Vec<Rect> {
    let inks: Vec<Option<CharInk>> = term.chars().map(char_ink).collect();
    let mut rects = Vec::new();
    if vertical {
        for (i, ink) in inks.iter().enumerate() {
            if let Some(k) = ink {
                let x0 = -k.advance / 2.0 + k.left;
                let y = i as f64;
                rects.push([x0, y - k.top, x0 + k.right - k.left, y + k.bottom]);
            }
        }
    } else {
        let total: f64 = inks.iter().map(|k| k.map_or(0.3, |k| k.advance)).sum();
        let mut pen = -total / 2.0;
        for ink in &inks {
            match ink {
                Some(k) => {
                    rects.push([pen + k.left, -k.top, pen + k.right, k.bottom]);
                    pen += k.advance;
                }
                None => pen += 0.3,
            }
        }
    }
    for r in &mut rects {
        r.iter_mut().for_each(|v| *v *= font_px);
    }
    rects
}

impl GlyphSource for EstimatedGlyphs {
    fn glyph(&self, term: &str, font_px: f64, style: WordStyle) -> Glyph {
        let font_px = if font_px.is_finite() && font_px > 0.0 {
            font_px
        } else {
            0.0
        };
        let (rects, degrees) = match style {
            WordStyle::Horizontal => (ink_rects(term, font_px, false), 0),
            WordStyle::Vertical => (ink_rects(term, font_px, true), 0),
            WordStyle::Rotated(d) => (ink_rects(term, font_px, false), d),
        };
        rasterise(&rects, f64::from(degrees).to_radians())
    }
}

/// The rectangles, turned clockwise (y down) by `angle` about the origin, as a bitmap. A cell is
/// ink when the rectangle covers any of it (axis-aligned), or its centre lies within half a cell
/// of the turned rectangle: generous, so estimates err towards space.
fn rasterise(rects: &[Rect], angle: f64) -> Glyph {
    let (sin, cos) = angle.sin_cos();
    let turned = angle.rem_euclid(std::f64::consts::TAU) != 0.0;
    let turn = |x: f64, y: f64| (x * cos - y * sin, x * sin + y * cos);
    let corners = |r: &Rect| [(r[0], r[1]), (r[2], r[1]), (r[2], r[3]), (r[0], r[3])];
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for r in rects {
        for (x, y) in corners(r) {
            let (x, y) = if turned { turn(x, y) } else { (x, y) };
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
    }
    if rects.is_empty() || !(x1 > x0 && y1 > y0) || (x1 - x0) * (y1 - y0) > 1e8 {
        return Glyph {
            width: 0,
            height: 0,
            bits: Vec::new(),
            anchor_x: 0.0,
            anchor_y: 0.0,
        };
    }
    let (left, top) = (x0.floor(), y0.floor());
    let width = (x1.ceil() - left) as u32;
    let height = (y1.ceil() - top) as u32;
    let row = ShapeMask::row_words(width);
    let mut bits = vec![0u64; row * height as usize];
    let mut set = |x: i64, y: i64| {
        if x >= 0 && y >= 0 && (x as u32) < width && (y as u32) < height {
            bits[y as usize * row + x as usize / 64] |= 1 << (x % 64);
        }
    };
    for r in rects {
        if !turned {
            let (cx0, cx1) = ((r[0] - left).floor() as i64, (r[2] - left).ceil() as i64);
            let (cy0, cy1) = ((r[1] - top).floor() as i64, (r[3] - top).ceil() as i64);
            for y in cy0..cy1 {
                for x in cx0..cx1 {
                    set(x, y);
                }
            }
            continue;
        }
        let (mut bx0, mut by0, mut bx1, mut by1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in corners(r) {
            let (x, y) = turn(x, y);
            (bx0, by0, bx1, by1) = (bx0.min(x), by0.min(y), bx1.max(x), by1.max(y));
        }
        for y in (by0 - top).floor() as i64..(by1 - top).ceil() as i64 {
            for x in (bx0 - left).floor() as i64..(bx1 - left).ceil() as i64 {
                // The cell's centre turned back into the rectangle's own frame.
                let (px, py) = (x as f64 + 0.5 + left, y as f64 + 0.5 + top);
                let (u, v) = (px * cos + py * sin, -px * sin + py * cos);
                if u >= r[0] - 0.5 && u <= r[2] + 0.5 && v >= r[1] - 0.5 && v <= r[3] + 0.5 {
                    set(x, y);
                }
            }
        }
    }
    Glyph {
        width,
        height,
        bits,
        anchor_x: -left,
        anchor_y: -top,
    }
}
