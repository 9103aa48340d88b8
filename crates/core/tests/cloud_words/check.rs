//! An outside check of a laid-out cloud, and hand-made masks to lay clouds out in.

use wenxi_core::cloud::{placed_ink, EstimatedGlyphs, ShapeMask};
use wenxi_core::Cloud;

/// Checks what the layout promises of the words it placed: ink inside the box and `inside`, and
/// no two words' ink closer than `padding` px (Chebyshev distance, the layout's square brush).
/// Returns the ink cells counted.
pub fn check(cloud: &Cloud, inside: &ShapeMask, padding: u32) -> u64 {
    let (w, h) = (cloud.width as i64, cloud.height as i64);
    assert_eq!((w, h), (i64::from(inside.width), i64::from(inside.height)));
    let mut owner = vec![usize::MAX; (w * h) as usize];
    let inks: Vec<Vec<(i64, i64)>> = cloud
        .words
        .iter()
        .map(|word| placed_ink(word, &EstimatedGlyphs))
        .collect();
    for (i, ink) in inks.iter().enumerate() {
        let term = &cloud.words[i].term;
        assert!(!ink.is_empty(), "{term} has ink");
        for &(x, y) in ink {
            assert!(
                x >= 0 && y >= 0 && x < w && y < h,
                "{term} leaves the box at {x},{y}"
            );
            assert!(
                inside.get(x as u32, y as u32),
                "{term} leaves the shape at {x},{y}"
            );
            let cell = &mut owner[(y * w + x) as usize];
            assert_eq!(*cell, usize::MAX, "{term} overlaps another word at {x},{y}");
            *cell = i;
        }
    }
    let p = i64::from(padding);
    for (i, ink) in inks.iter().enumerate() {
        for &(x, y) in ink {
            for ny in (y - p).max(0)..=(y + p).min(h - 1) {
                for nx in (x - p).max(0)..=(x + p).min(w - 1) {
                    let other = owner[(ny * w + nx) as usize];
                    assert!(
                        other == usize::MAX || other == i,
                        "{} and {} closer than {padding} px",
                        cloud.words[i].term,
                        cloud.words[other].term
                    );
                }
            }
        }
    }
    inks.iter().map(|ink| ink.len() as u64).sum()
}

/// A ring: the middle of the cloud is empty.
pub fn ring(w: u32, h: u32) -> ShapeMask {
    ShapeMask::from_fn(w, h, |x, y| {
        let u = (f64::from(x) - f64::from(w) / 2.0) / (f64::from(w) / 2.0);
        let v = (f64::from(y) - f64::from(h) / 2.0) / (f64::from(h) / 2.0);
        let r = u * u + v * v;
        (0.25..=1.0).contains(&r)
    })
}

/// Two discs apart, as a reader's picture of two blobs might be.
pub fn blobs(w: u32, h: u32) -> ShapeMask {
    let (fw, fh) = (f64::from(w), f64::from(h));
    ShapeMask::from_fn(w, h, |x, y| {
        let d = |cx: f64, cy: f64| (f64::from(x) - cx).hypot(f64::from(y) - cy);
        d(0.25 * fw, 0.5 * fh) < 0.45 * fh || d(0.75 * fw, 0.5 * fh) < 0.4 * fh
    })
}
