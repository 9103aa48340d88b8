//! The path a word travels looking for room: an archimedean spiral out of the shape's centre,
//! stretched to the shape's aspect, stepping about one pixel along its arc so no gap is jumped.
//!
//! The spiral is computed once per layout, with arithmetic only (no `sin`/`cos`, whose last bits
//! differ between platforms), so the browser and the CLI walk the same path. Words walk it in
//! one of four mirror images (see `search.rs`).

/// Px between successive turns, measured along the short axis.
const TURN_GAP: f64 = 2.0;
/// Px along the arc between spots.
const ARC_STEP: f64 = 1.0;

/// Integer offsets from the centre, consecutive repeats removed, until the spiral has left a
/// box of `reach` half sizes (the farthest a word's centre may need to go) in every direction.
pub(super) fn spiral(start: (f64, f64), aspect: f64, reach: (f64, f64)) -> Vec<(i32, i32)> {
    let aspect = if aspect.is_finite() && aspect > 0.0 {
        aspect
    } else {
        1.0
    };
    let (wide, tall) = (aspect.max(1.0), (1.0 / aspect).max(1.0));
    let norm = (start.0 * start.0 + start.1 * start.1).sqrt();
    let (mut c, mut s) = if norm > 1e-9 {
        (start.0 / norm, start.1 / norm)
    } else {
        (1.0, 0.0)
    };
    let mut angle = 0.0f64;
    let mut out: Vec<(i32, i32)> = Vec::new();
    let mut last = None;
    for step in 0u64.. {
        let r = TURN_GAP * angle / std::f64::consts::TAU;
        let (rx, ry) = (r * wide, r * tall);
        // Past this the ellipse holds the whole box: every spot left is outside it.
        if r > 0.0 && sq(reach.0 * ry) + sq(reach.1 * rx) < sq(rx * ry) {
            break;
        }
        let point = (round(rx * c), round(ry * s));
        // Spots beyond the reach are outside the box in every mirror image: not kept.
        let near = f64::from(point.0.abs()) <= reach.0 && f64::from(point.1.abs()) <= reach.1;
        if last != Some(point) && near {
            out.push(point);
        }
        last = Some(point);
        // The point moves r·√(wide²·sin² + tall²·cos²) px per radian here.
        let speed = r * (sq(wide * s) + sq(tall * c)).sqrt();
        let a = (ARC_STEP / speed.max(1.0)).min(0.5);
        angle += a;
        (c, s) = turn(c, s, a, step % 16 == 0);
    }
    out
}

fn sq(x: f64) -> f64 {
    x * x
}

/// Nearest integer, halves away from zero, with arithmetic only (`f64::round` may be a libm
/// call); |x| stays far below 2^20 here.
fn round(x: f64) -> i32 {
    const OFFSET: f64 = 1_048_576.0;
    let r = (x.abs() + 0.5 + OFFSET) as i32 - OFFSET as i32;
    if x < 0.0 {
        -r
    } else {
        r
    }
}

/// (c, s) turned by `a` radians (|a| ≤ 0.5) with Taylor series, put back on the circle when
/// `renormalise` (every few steps: the drift in between is far below a pixel).
fn turn(c: f64, s: f64, a: f64, renormalise: bool) -> (f64, f64) {
    let a2 = a * a;
    let cos = 1.0 - a2 / 2.0 * (1.0 - a2 / 12.0 * (1.0 - a2 / 30.0));
    let sin = a * (1.0 - a2 / 6.0 * (1.0 - a2 / 20.0 * (1.0 - a2 / 42.0)));
    let (c, s) = (c * cos - s * sin, s * cos + c * sin);
    if !renormalise {
        return (c, s);
    }
    let n = (c * c + s * s).sqrt();
    (c / n, s / n)
}
