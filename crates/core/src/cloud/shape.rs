//! The outline the words fill, as a [`ShapeMask`] the size of the cloud. The heart and the star
//! keep roughly their own proportions (stretched at most a quarter), so they stay recognisable
//! in a wide box; the rectangle and the ellipse fill the box.

use super::{Shape, ShapeMask};

/// How far the heart and the star may be stretched from their natural proportions.
const STRETCH: f64 = 1.25;

/// The mask of `shape` in a `width` × `height` cloud, and the shape actually used: `Mask`
/// without a mask falls back to `Rectangle`. A mask of another size is stretched to the cloud.
pub fn shape_mask(
    shape: Shape,
    width: u32,
    height: u32,
    mask: Option<&ShapeMask>,
) -> (Shape, ShapeMask) {
    let (w, h) = (f64::from(width), f64::from(height));
    match (shape, mask) {
        (Shape::Mask, Some(m)) => (Shape::Mask, resized(m, width, height)),
        (Shape::Mask, None) | (Shape::Rectangle, _) => (
            Shape::Rectangle,
            ShapeMask::from_fn(width, height, |_, _| true),
        ),
        (Shape::Ellipse, _) => {
            let (rx, ry) = (w / 2.0, h / 2.0);
            let mask = ShapeMask::from_fn(width, height, |x, y| {
                let u = (f64::from(x) + 0.5 - rx) / rx;
                let v = (f64::from(y) + 0.5 - ry) / ry;
                u * u + v * v <= 1.0
            });
            (Shape::Ellipse, mask)
        }
        (Shape::Cardioid, _) => {
            // (x² + y² − 1)³ − x²y³ ≤ 0, y up: x within ±1.139, y from −1 to 1.236.
            let frame = Frame::new(w, h, [-1.139, -1.236, 1.139, 1.0]);
            let mask = ShapeMask::from_fn(width, height, |x, y| {
                let (u, v) = frame.at(x, y);
                let v = -v;
                let a = u * u + v * v - 1.0;
                a * a * a - u * u * v * v * v <= 0.0
            });
            (Shape::Cardioid, mask)
        }
        (Shape::Star, _) => (Shape::Star, star(width, height)),
    }
}

/// Maps pixel centres into a shape's own coordinates (`bounds` = x0, y0, x1, y1, y down),
/// centred in the box and stretched at most [`STRETCH`] from the shape's proportions.
struct Frame {
    scale_x: f64,
    scale_y: f64,
    mid_x: f64,
    mid_y: f64,
    centre: (f64, f64),
}

impl Frame {
    fn new(w: f64, h: f64, bounds: [f64; 4]) -> Frame {
        let (bw, bh) = (bounds[2] - bounds[0], bounds[3] - bounds[1]);
        let natural = bw / bh;
        let aspect = (w / h).clamp(natural / STRETCH, natural * STRETCH);
        // The largest box of that aspect inside the cloud.
        let (fw, fh) = if w / h > aspect {
            (h * aspect, h)
        } else {
            (w, w / aspect)
        };
        Frame {
            scale_x: bw / fw,
            scale_y: bh / fh,
            mid_x: (bounds[0] + bounds[2]) / 2.0,
            mid_y: (bounds[1] + bounds[3]) / 2.0,
            centre: (w / 2.0, h / 2.0),
        }
    }

    fn at(&self, x: u32, y: u32) -> (f64, f64) {
        (
            (f64::from(x) + 0.5 - self.centre.0) * self.scale_x + self.mid_x,
            (f64::from(y) + 0.5 - self.centre.1) * self.scale_y + self.mid_y,
        )
    }
}

/// A five-pointed star, point up, inner radius half the outer (fatter than the classic 0.38, so
/// words fit in its arms), filled row by row from the crossings of its ten edges.
fn star(width: u32, height: u32) -> ShapeMask {
    let points: Vec<(f64, f64)> = (0..10)
        .map(|i| {
            let r = if i % 2 == 0 { 1.0 } else { 0.5 };
            let a = f64::from(i) * std::f64::consts::PI / 5.0;
            (r * a.sin(), -r * a.cos())
        })
        .collect();
    let bottom = (std::f64::consts::PI / 5.0).cos();
    let frame = Frame::new(
        f64::from(width),
        f64::from(height),
        [-0.951, -1.0, 0.951, bottom],
    );
    let row_words = ShapeMask::row_words(width);
    let mut inside = vec![0u64; row_words * height as usize];
    let mut crossings = Vec::with_capacity(10);
    for y in 0..height {
        let (_, v) = frame.at(0, y);
        crossings.clear();
        for (i, &(ax, ay)) in points.iter().enumerate() {
            let (bx, by) = points[(i + 1) % points.len()];
            if (ay <= v) != (by <= v) {
                crossings.push(ax + (v - ay) / (by - ay) * (bx - ax));
            }
        }
        crossings.sort_by(f64::total_cmp);
        for pair in crossings.chunks_exact(2) {
            for x in 0..width {
                let (u, _) = frame.at(x, y);
                if u >= pair[0] && u <= pair[1] {
                    inside[y as usize * row_words + x as usize / 64] |= 1 << (x % 64);
                }
            }
        }
    }
    ShapeMask {
        width,
        height,
        inside,
    }
}

/// `mask` stretched to `width` × `height`, nearest pixel (a copy when the sizes agree; bits past
/// the right edge or missing from a short `inside` count as outside).
fn resized(mask: &ShapeMask, width: u32, height: u32) -> ShapeMask {
    let sx = f64::from(mask.width) / f64::from(width.max(1));
    let sy = f64::from(mask.height) / f64::from(height.max(1));
    ShapeMask::from_fn(width, height, |x, y| {
        let mx = ((f64::from(x) + 0.5) * sx) as u32;
        let my = ((f64::from(y) + 0.5) * sy) as u32;
        mask.get(mx, my)
    })
}
