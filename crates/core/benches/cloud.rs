//! The cloud layout: 200 words with estimated glyphs, in each shape, timed; the fill ratio
//! (ink / shape area) and the final scale of each layout are printed alongside.
//!
//! `layout_200/…` lays the same cloud out again (as the page does when the reader changes the
//! palette, or swaps the estimate for measured glyphs): the spiral comes from the layout's
//! one-entry cache. `new_seed/…` changes the seed every time, so the spiral is computed anew.
//!
//! Run with `cargo bench -p wenxi-core --bench cloud`. The target is 200 words within
//! 100 ms in the browser worker; natively the aim is 30 ms.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use wenxi_core::cloud::{layout, CloudOptions, EstimatedGlyphs, Orientation, Shape, ShapeMask};

#[path = "../tests/cloud_words/mod.rs"]
mod cloud_words;

/// A reader's picture: two overlapping discs, as a mask.
fn blobs(width: u32, height: u32) -> ShapeMask {
    let (w, h) = (f64::from(width), f64::from(height));
    ShapeMask::from_fn(width, height, |x, y| {
        let (x, y) = (f64::from(x), f64::from(y));
        let d = |cx: f64, cy: f64| ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
        d(0.33 * w, 0.5 * h) < 0.3 * h * 1.4 || d(0.68 * w, 0.45 * h) < 0.32 * h * 1.4
    })
}

fn main() {
    let mut c = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    let words = cloud_words::words(200, cloud_words::Scores::Spread);
    let shapes = [
        Shape::Rectangle,
        Shape::Ellipse,
        Shape::Cardioid,
        Shape::Star,
        Shape::Mask,
    ];
    let mut summary = Vec::new();
    for orientation in [Orientation::Mixed, Orientation::Rotated] {
        for shape in shapes {
            let options = CloudOptions {
                max_words: 200,
                shape,
                orientation,
                ..CloudOptions::default()
            };
            let mask = blobs(options.width, options.height);
            let name = format!("layout_200/{}/{:?}", shape.name(), orientation);
            c.bench_function(&name, |b| {
                b.iter(|| layout(black_box(&words), &options, &EstimatedGlyphs, Some(&mask)))
            });
            if orientation == Orientation::Mixed {
                let mut seed = 100;
                c.bench_function(&format!("new_seed/{}", shape.name()), |b| {
                    b.iter(|| {
                        seed += 1;
                        let options = CloudOptions {
                            seed,
                            ..options.clone()
                        };
                        layout(black_box(&words), &options, &EstimatedGlyphs, Some(&mask))
                    })
                });
            }
            let cloud = layout(&words, &options, &EstimatedGlyphs, Some(&mask));
            summary.push(format!(
                "{name:<32} words {:>3}/200  complete {:<5}  fill {:.3}  scale {:.3}  top font {:.1}px",
                cloud.words.len(),
                cloud.complete,
                cloud.fill,
                cloud.scale,
                cloud.words.first().map_or(0.0, |w| w.font_size),
            ));
        }
    }
    // The report's first cloud: the default options (80 words, ellipse), as `Analyzer` makes it.
    let eighty = cloud_words::words(80, cloud_words::Scores::Spread);
    let options = CloudOptions::default();
    c.bench_function("report_default_80", |b| {
        b.iter(|| layout(black_box(&eighty), &options, &EstimatedGlyphs, None))
    });
    let cloud = layout(&eighty, &options, &EstimatedGlyphs, None);
    summary.push(format!(
        "{:<32} words {:>3}/80   complete {:<5}  fill {:.3}  scale {:.3}",
        "report_default_80",
        cloud.words.len(),
        cloud.complete,
        cloud.fill,
        cloud.scale
    ));
    c.final_summary();
    println!();
    for line in summary {
        println!("{line}");
    }
}
