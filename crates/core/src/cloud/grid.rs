//! The occupancy grid: one bit per px, rows of `u64` words. A word is tested row by row with
//! shifted ANDs against it (as wordcloud2.js and d3-cloud do), so a test costs a few word
//! operations per row, not one per pixel.

use super::{Glyph, ShapeMask};

/// A bitmap trimmed to its ink, in the grid's row layout.
#[derive(Debug, Clone)]
pub(super) struct Sprite {
    pub width: u32,
    pub height: u32,
    row: usize,
    bits: Vec<u64>,
    /// The ink pixel nearest the middle: the spiral steers it, and a spot whose own cell is
    /// taken is skipped for every word.
    pub probe: (u32, u32),
    /// Extreme ink pixels (both ends of the top, middle and bottom rows), tested before the
    /// whole sprite: most spots fail on one of them.
    samples: Vec<(u32, u32)>,
}

impl Sprite {
    /// The glyph's ink trimmed to its bounding box, and where that box's top-left corner lies
    /// in the glyph's bitmap. `None` when the glyph has no ink. Works a `u64` word at a time;
    /// bits past the glyph's width, or missing from a short `bits`, are not ink.
    pub fn trimmed(glyph: &Glyph) -> Option<(Sprite, u32, u32)> {
        let row = ShapeMask::row_words(glyph.width);
        let tail = glyph.width % 64;
        let word = |y: u32, k: usize| -> u64 {
            let w = glyph.bits.get(y as usize * row + k).copied().unwrap_or(0);
            if k + 1 == row && tail != 0 {
                w & ((1u64 << tail) - 1)
            } else if k < row {
                w
            } else {
                0
            }
        };
        let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
        for y in 0..glyph.height {
            for k in 0..row {
                let w = word(y, k);
                if w != 0 {
                    let base = 64 * k as u32;
                    x0 = x0.min(base + w.trailing_zeros());
                    x1 = x1.max(base + 64 - w.leading_zeros());
                    (y0, y1) = (y0.min(y), y1.max(y + 1));
                }
            }
        }
        if x0 >= x1 {
            return None;
        }
        let mut sprite = Sprite::from_fn(x1 - x0, y1 - y0, |_, _| false);
        let (skip, shift) = (x0 as usize / 64, x0 % 64);
        for y in 0..sprite.height {
            for j in 0..sprite.row {
                let low = word(y + y0, skip + j) >> shift;
                let high = match shift {
                    0 => 0,
                    s => word(y + y0, skip + j + 1) << (64 - s),
                };
                sprite.bits[y as usize * sprite.row + j] = low | high;
            }
            // Ink right of the box's edge belongs to no row word of the sprite.
            if !sprite.width.is_multiple_of(64) {
                let last = y as usize * sprite.row + sprite.row - 1;
                sprite.bits[last] &= (1u64 << (sprite.width % 64)) - 1;
            }
        }
        sprite.set_marks();
        Some((sprite, x0, y0))
    }

    fn from_fn(width: u32, height: u32, ink: impl Fn(u32, u32) -> bool) -> Sprite {
        let mask = ShapeMask::from_fn(width, height, ink);
        Sprite {
            width,
            height,
            row: ShapeMask::row_words(width),
            bits: mask.inside,
            probe: (0, 0),
            samples: Vec::new(),
        }
    }

    /// The sprite grown by `pad` px on every side (a square brush): what other ink must keep
    /// clear of (for stamping only: it has no probe or samples). Its top-left corner lies
    /// `pad` px up and left of the sprite's.
    pub fn dilated(&self, pad: u32) -> Sprite {
        if pad == 0 {
            return self.clone();
        }
        let p = pad as i64;
        let (w, h) = (self.width + 2 * pad, self.height + 2 * pad);
        let mut out = Sprite::from_fn(w, h, |_, _| false);
        // Each source row smeared sideways (shifted by 0..=2p and OR-ed) into a scratch row,
        // then OR-ed into the 2p + 1 output rows it reaches.
        let mut wide = vec![0u64; out.row];
        for sy in 0..self.height as usize {
            wide.iter_mut().for_each(|w| *w = 0);
            let src = &self.bits[sy * self.row..][..self.row];
            for d in 0..=2 * pad {
                or_shifted(&mut wide, src, d);
            }
            for y in sy..=sy + 2 * p as usize {
                for (o, w) in out.bits[y * out.row..][..out.row].iter_mut().zip(&wide) {
                    *o |= w;
                }
            }
        }
        out
    }

    /// Finds the probe and the samples.
    fn set_marks(&mut self) {
        let (width, height) = (self.width, self.height);
        let mid = (width / 2).min(width.saturating_sub(1));
        let mut best = u64::MAX;
        self.samples.clear();
        for y in 0..height {
            let words = &self.bits[y as usize * self.row..][..self.row];
            let first = words
                .iter()
                .position(|&w| w != 0)
                .map(|k| 64 * k as u32 + words[k].trailing_zeros());
            let Some(first) = first else { continue };
            let last = words
                .iter()
                .rposition(|&w| w != 0)
                .map_or(first, |k| 64 * k as u32 + 63 - words[k].leading_zeros());
            // The ink nearest the middle column, on either side of it.
            let left = (0..=mid / 64).rev().find_map(|k| {
                let keep = if k == mid / 64 {
                    u64::MAX >> (63 - mid % 64)
                } else {
                    u64::MAX
                };
                let w = words[k as usize] & keep;
                (w != 0).then(|| 64 * k + 63 - w.leading_zeros())
            });
            let right = (mid / 64..self.row as u32).find_map(|k| {
                let keep = if k == mid / 64 {
                    u64::MAX << (mid % 64)
                } else {
                    u64::MAX
                };
                let w = words[k as usize] & keep;
                (w != 0).then(|| 64 * k + w.trailing_zeros())
            });
            for x in [left, right].into_iter().flatten() {
                let d = (2 * u64::from(x)).abs_diff(u64::from(width))
                    + (2 * u64::from(y)).abs_diff(u64::from(height));
                if d < best {
                    (best, self.probe) = (d, (x, y));
                }
            }
            if y == 0 || y + 1 == height || y == height / 2 {
                self.samples.extend([(first, y), (last, y)]);
            }
        }
    }

    /// True when (x, y) is ink (the tests compare against it).
    #[cfg(test)]
    pub fn get(&self, x: u32, y: u32) -> bool {
        x < self.width
            && y < self.height
            && self.bits[y as usize * self.row + x as usize / 64] >> (x % 64) & 1 == 1
    }

    /// Number of ink cells.
    pub fn ink(&self) -> u64 {
        self.bits.iter().map(|w| u64::from(w.count_ones())).sum()
    }
}

/// Cells taken: outside the shape, or by a placed word's ink grown by the padding.
#[derive(Debug, Clone)]
pub(super) struct Grid {
    width: u32,
    height: u32,
    row: usize,
    cells: Vec<u64>,
}

impl Grid {
    /// A grid where everything outside `shape` is taken.
    pub fn outside(shape: &ShapeMask) -> Grid {
        let row = ShapeMask::row_words(shape.width);
        let mut cells: Vec<u64> = (0..row * shape.height as usize)
            .map(|i| !shape.inside.get(i).copied().unwrap_or(0))
            .collect();
        // The padding bits past the right edge count as taken.
        let tail = shape.width % 64;
        if tail != 0 {
            for r in 0..shape.height as usize {
                cells[r * row + row - 1] |= !0u64 << tail;
            }
        }
        Grid {
            width: shape.width,
            height: shape.height,
            row,
            cells,
        }
    }

    /// True when (x, y) is taken or outside the grid.
    pub fn taken(&self, x: i64, y: i64) -> bool {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return true;
        }
        self.cells[y as usize * self.row + x as usize / 64] >> (x % 64) & 1 == 1
    }

    /// Where the sprite's extreme pixels fall, as bit offsets from its top-left corner's bit.
    pub fn sample_offsets(&self, sprite: &Sprite) -> Vec<usize> {
        let stride = self.row * 64;
        sprite
            .samples
            .iter()
            .map(|&(x, y)| y as usize * stride + x as usize)
            .collect()
    }

    /// [`Grid::collides`] negated, trying the sprite's extreme pixels (`samples`, from
    /// [`Grid::sample_offsets`]) first: most spots fail on one of them.
    pub fn fits(&self, sprite: &Sprite, samples: &[usize], left: i64, top: i64) -> bool {
        if left < 0
            || top < 0
            || left + i64::from(sprite.width) > i64::from(self.width)
            || top + i64::from(sprite.height) > i64::from(self.height)
        {
            return false;
        }
        let base = top as usize * self.row * 64 + left as usize;
        let sample_hit = samples.iter().any(|&off| {
            let bit = base + off;
            self.cells[bit / 64] >> (bit % 64) & 1 == 1
        });
        !sample_hit && !self.collides(sprite, left, top)
    }

    /// True when the sprite with its top-left corner at (left, top) leaves the grid or touches
    /// a taken cell.
    pub fn collides(&self, sprite: &Sprite, left: i64, top: i64) -> bool {
        if left < 0
            || top < 0
            || left + i64::from(sprite.width) > i64::from(self.width)
            || top + i64::from(sprite.height) > i64::from(self.height)
        {
            return true;
        }
        let (base, shift) = (left as usize / 64, left as u32 % 64);
        for y in 0..sprite.height as usize {
            let grid_row = &self.cells[(top as usize + y) * self.row..][..self.row];
            let sprite_row = &sprite.bits[y * sprite.row..][..sprite.row];
            for (k, &w) in sprite_row.iter().enumerate() {
                if w == 0 {
                    continue;
                }
                if grid_row[base + k] & (w << shift) != 0 {
                    return true;
                }
                if shift != 0 {
                    if let Some(next) = grid_row.get(base + k + 1) {
                        if next & (w >> (64 - shift)) != 0 {
                            return true;
                        }
                    }
                }
            }
        }
        false
    }

    /// Marks the sprite's cells taken, clipped to the grid (the sprite may start up to 63 px
    /// left of it).
    pub fn stamp(&mut self, sprite: &Sprite, left: i64, top: i64) {
        for y in 0..sprite.height as usize {
            let gy = top + y as i64;
            if gy < 0 || gy >= i64::from(self.height) {
                continue;
            }
            let grid_row = &mut self.cells[gy as usize * self.row..][..self.row];
            for (k, &w) in sprite.bits[y * sprite.row..][..sprite.row]
                .iter()
                .enumerate()
            {
                let col = left + 64 * k as i64;
                let (w, col) = if col < 0 {
                    (w.checked_shr((-col) as u32).unwrap_or(0), 0)
                } else {
                    (w, col)
                };
                let (base, shift) = (col as usize / 64, col as u32 % 64);
                if let Some(cell) = grid_row.get_mut(base) {
                    *cell |= w << shift;
                }
                if shift != 0 {
                    if let Some(cell) = grid_row.get_mut(base + 1) {
                        *cell |= w >> (64 - shift);
                    }
                }
            }
        }
    }
}

/// `dst |= src << d` over bitsets of `u64` words (bit i of word k is column 64k + i), dropping
/// what falls past `dst`'s end.
fn or_shifted(dst: &mut [u64], src: &[u64], d: u32) {
    let (words, bits) = ((d / 64) as usize, d % 64);
    for (k, &w) in src.iter().enumerate() {
        if let Some(o) = dst.get_mut(k + words) {
            *o |= w << bits;
        }
        if bits != 0 {
            if let Some(o) = dst.get_mut(k + words + 1) {
                *o |= w >> (64 - bits);
            }
        }
    }
}
