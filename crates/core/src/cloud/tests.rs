//! Unit tests of the grid, the spiral and the shapes against plain per-pixel versions.

use super::grid::{Grid, Sprite};
use super::search::Walk;
use super::spiral::spiral;
use super::*;

/// A pseudo-random bitmap, different for each `salt`.
fn noise(width: u32, height: u32, salt: u64, density: u64) -> ShapeMask {
    ShapeMask::from_fn(width, height, |x, y| {
        let h = ((u64::from(x) * 0x9E37_79B9) ^ (u64::from(y) * 0x85EB_CA6B) ^ salt)
            .wrapping_mul(0xC2B2_AE35)
            >> 7;
        h % 100 < density
    })
}

fn glyph_of(mask: &ShapeMask) -> Glyph {
    Glyph {
        width: mask.width,
        height: mask.height,
        bits: mask.inside.clone(),
        anchor_x: 0.0,
        anchor_y: 0.0,
    }
}

#[test]
fn collisions_agree_with_a_pixel_by_pixel_test() {
    let shape = noise(150, 40, 1, 3);
    let grid = Grid::outside(&ShapeMask::from_fn(150, 40, |x, y| !shape.get(x, y)));
    for salt in 0..40 {
        let ink = noise(70 + salt as u32, 9, salt, 20);
        let Some((sprite, _, _)) = Sprite::trimmed(&glyph_of(&ink)) else {
            continue;
        };
        for (left, top) in [
            (0i64, 0i64),
            (1, 3),
            (63, 5),
            (64, 20),
            (79, 30),
            (-1, 0),
            (90, 35),
        ] {
            let mut naive = false;
            for y in 0..sprite.height {
                for x in 0..sprite.width {
                    let (gx, gy) = (left + i64::from(x), top + i64::from(y));
                    let outside = gx < 0 || gy < 0 || gx >= 150 || gy >= 40;
                    if sprite.get(x, y) && (outside || shape.get(gx as u32, gy as u32)) {
                        naive = true;
                    }
                }
            }
            // A sprite reaching past the grid collides even where its overhang has no ink.
            let past = left < 0
                || top < 0
                || left + i64::from(sprite.width) > 150
                || top + i64::from(sprite.height) > 40;
            assert_eq!(
                grid.collides(&sprite, left, top),
                naive || past,
                "{salt} {left}"
            );
        }
    }
}

#[test]
fn dilation_grows_by_the_padding_in_every_direction() {
    let ink = noise(30, 12, 7, 5);
    let (sprite, _, _) = Sprite::trimmed(&glyph_of(&ink)).expect("some ink");
    for pad in [0u32, 1, 2, 5] {
        let grown = sprite.dilated(pad);
        assert_eq!(grown.width, sprite.width + 2 * pad);
        for y in 0..grown.height {
            for x in 0..grown.width {
                let (sx, sy) = (i64::from(x) - i64::from(pad), i64::from(y) - i64::from(pad));
                let p = i64::from(pad);
                let near = (sy - p..=sy + p).any(|yy| {
                    (sx - p..=sx + p)
                        .any(|xx| xx >= 0 && yy >= 0 && sprite.get(xx as u32, yy as u32))
                });
                assert_eq!(grown.get(x, y), near, "pad {pad} at {x},{y}");
            }
        }
    }
}

#[test]
fn stamped_cells_are_taken_and_others_free() {
    let full = ShapeMask::from_fn(100, 30, |_, _| true);
    let mut grid = Grid::outside(&full);
    let dot = Sprite::trimmed(&glyph_of(&ShapeMask::from_fn(1, 1, |_, _| true)))
        .expect("one pixel")
        .0;
    let block = Sprite::trimmed(&glyph_of(&ShapeMask::from_fn(5, 3, |_, _| true)))
        .expect("a block")
        .0;
    grid.stamp(&block, 62, 10);
    for (x, y) in [(62, 10), (66, 12), (64, 11)] {
        assert!(grid.collides(&dot, x, y));
    }
    for (x, y) in [(61, 10), (67, 12), (64, 13), (64, 9)] {
        assert!(!grid.collides(&dot, x, y));
    }
    // Past the right edge and the bottom: taken.
    assert!(grid.collides(&dot, 100, 0) && grid.collides(&dot, 0, 30));
}

#[test]
fn the_spiral_starts_at_the_centre_visits_each_spot_once_and_ends() {
    let points = spiral((0.8, 0.3), 1.6, (40.0, 25.0));
    assert_eq!(points[0], (0, 0));
    let unique: std::collections::HashSet<_> = points.iter().collect();
    assert!(unique.len() * 10 >= points.len() * 9, "few repeats");
    // It reaches every corner region of the box before it stops.
    for (sx, sy) in [(1, 1), (1, -1), (-1, 1), (-1, -1)] {
        assert!(points.iter().any(|&(x, y)| x * sx >= 38 && y * sy >= 23));
    }
    // Nothing beyond the reach is kept.
    assert!(points.iter().all(|&(x, y)| x.abs() <= 40 && y.abs() <= 25));
    // Another start direction: another path over the same ground.
    let other = spiral((-0.2, 0.9), 1.6, (40.0, 25.0));
    assert_ne!(other[1..50], points[1..50]);
    // Consecutive spots are close (no gap as wide as a small glyph is jumped), except where
    // the spiral leaves the reach and comes back on its far side.
    let inner = spiral((0.8, 0.3), 1.6, (400.0, 250.0));
    let inner: Vec<_> = inner
        .iter()
        .take_while(|p| p.0.abs() < 300 && p.1.abs() < 180)
        .collect();
    assert!(inner.len() > 10_000);
    for pair in inner.windows(2).skip(8) {
        let d = (pair[0].0 - pair[1].0)
            .abs()
            .max((pair[0].1 - pair[1].1).abs());
        assert!(d <= 2, "{pair:?}");
    }
}

#[test]
fn shapes_sit_in_the_box_and_differ() {
    let count = |m: &ShapeMask| m.inside.iter().map(|w| w.count_ones() as u64).sum::<u64>();
    let all = 300 * 200;
    let mut areas = Vec::new();
    for shape in [
        Shape::Rectangle,
        Shape::Ellipse,
        Shape::Cardioid,
        Shape::Star,
    ] {
        let (used, mask) = shape_mask(shape, 300, 200, None);
        assert_eq!(used, shape);
        let n = count(&mask);
        assert!(n > all / 5 && n <= all, "{shape:?}: {n}");
        // The middle of the box is inside every one of them.
        assert!(mask.get(150, 100), "{shape:?}");
        areas.push(n);
    }
    assert_eq!(areas[0], all);
    // An ellipse fills about π/4 of its box.
    let ellipse = areas[1] as f64 / all as f64;
    assert!(
        (ellipse - std::f64::consts::FRAC_PI_4).abs() < 0.01,
        "{ellipse}"
    );
    // The heart has its point at the bottom: the bottom middle is in, the bottom corners out.
    let (_, heart) = shape_mask(Shape::Cardioid, 300, 200, None);
    assert!(heart.get(150, 190) && !heart.get(60, 190) && !heart.get(150, 5));
}

#[test]
fn a_mask_is_stretched_to_the_cloud_and_missing_bits_are_outside() {
    let left_half = ShapeMask::from_fn(10, 10, |x, _| x < 5);
    let (used, m) = shape_mask(Shape::Mask, 100, 40, Some(&left_half));
    assert_eq!(used, Shape::Mask);
    assert!(m.get(10, 10) && m.get(49, 39) && !m.get(50, 0) && !m.get(99, 20));
    let short = ShapeMask {
        width: 100,
        height: 40,
        inside: vec![u64::MAX; 3],
    };
    let (_, m) = shape_mask(Shape::Mask, 100, 40, Some(&short));
    assert!(m.get(0, 0) && m.get(63, 1) && !m.get(0, 5));
    assert_eq!(shape_mask(Shape::Mask, 10, 10, None).0, Shape::Rectangle);
}

#[test]
fn estimated_glyphs_put_the_origin_where_the_drawing_model_says() {
    let g = EstimatedGlyphs.glyph("中文", 50.0, WordStyle::Horizontal);
    // Two 1 em cells centred on the origin: the ink spans about ±0.94 em sideways, and the
    // baseline is near the bottom (0.82 em of ink above, 0.06 below).
    assert!((f64::from(g.width) - 94.0).abs() <= 2.0, "{}", g.width);
    assert!((g.anchor_x - f64::from(g.width) / 2.0).abs() <= 1.0);
    assert!((g.anchor_y - 41.0).abs() <= 1.0, "{}", g.anchor_y);
    let v = EstimatedGlyphs.glyph("中文", 50.0, WordStyle::Vertical);
    assert!(v.height > 90 && v.width < 50, "{} × {}", v.width, v.height);
    // A quarter turn makes a horizontal word as tall as it was wide.
    let t = EstimatedGlyphs.glyph("中文", 50.0, WordStyle::Rotated(90));
    assert!((i64::from(t.height) - i64::from(g.width)).abs() <= 2);
    assert_eq!(
        EstimatedGlyphs
            .glyph("   ", 50.0, WordStyle::Horizontal)
            .width,
        0
    );
    assert_eq!(
        EstimatedGlyphs
            .glyph("字", f64::NAN, WordStyle::Horizontal)
            .width,
        0
    );
}

#[test]
fn a_walk_skips_removed_spots_and_ends() {
    let mut walk = Walk::new(10);
    assert_eq!(walk.find(0), 0);
    for i in [0, 1, 2, 5, 6, 9] {
        walk.remove(i);
    }
    assert_eq!(walk.find(0), 3);
    assert_eq!(walk.find(4), 4);
    assert_eq!(walk.find(5), 7);
    assert_eq!(walk.find(9), 10, "past the end");
}

#[test]
fn trimming_finds_the_ink_box_and_ignores_bits_past_the_width() {
    for salt in 0..30u64 {
        let width = 3 + (salt as u32 * 37) % 150;
        let ink = noise(width, 20, salt, 2 + salt % 10);
        let mut glyph = glyph_of(&ink);
        // Garbage past the right edge of every row: not ink.
        let row = ShapeMask::row_words(width);
        if !width.is_multiple_of(64) {
            for r in 0..20 {
                glyph.bits[r * row + row - 1] |= !0u64 << (width % 64);
            }
        }
        let cells: Vec<(u32, u32)> = (0..20)
            .flat_map(|y| (0..width).map(move |x| (x, y)))
            .filter(|&(x, y)| ink.get(x, y))
            .collect();
        let Some((sprite, tx, ty)) = Sprite::trimmed(&glyph) else {
            assert!(cells.is_empty());
            continue;
        };
        let x0 = cells.iter().map(|c| c.0).min().unwrap_or(0);
        let y0 = cells.iter().map(|c| c.1).min().unwrap_or(0);
        let x1 = cells.iter().map(|c| c.0 + 1).max().unwrap_or(0);
        let y1 = cells.iter().map(|c| c.1 + 1).max().unwrap_or(0);
        assert_eq!(
            (tx, ty, sprite.width, sprite.height),
            (x0, y0, x1 - x0, y1 - y0)
        );
        assert_eq!(sprite.ink(), cells.len() as u64);
        for &(x, y) in &cells {
            assert!(sprite.get(x - x0, y - y0));
        }
        // The probe is ink, and no ink lies nearer the middle.
        let d = |x: u32, y: u32| {
            (2 * u64::from(x)).abs_diff(u64::from(sprite.width))
                + (2 * u64::from(y)).abs_diff(u64::from(sprite.height))
        };
        let (px, py) = sprite.probe;
        assert!(sprite.get(px, py), "{salt}");
        assert!(cells.iter().all(|&(x, y)| d(x - x0, y - y0) >= d(px, py)));
    }
}
