//! The cloud layout over random options and words (proptest): never a panic, and whatever is
//! placed keeps to the box, the shape and its distance from the other words.

#[path = "cloud_words/mod.rs"]
mod cloud_words;

use cloud_words::check::{blobs, check};
use proptest::prelude::*;
use wenxi_core::cloud::{
    layout, shape_mask, CloudInput, CloudOptions, EstimatedGlyphs, Orientation, Scaling, Shape,
};

const ORIENTATIONS: [Orientation; 4] = [
    Orientation::Horizontal,
    Orientation::Mixed,
    Orientation::Vertical,
    Orientation::Rotated,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any options and words: no panic, and whatever is placed keeps to the box and apart.
    #[test]
    fn any_options_lay_out_without_panic(
        width in 0u32..500,
        height in 0u32..400,
        max_words in 0usize..40,
        shape in 0usize..5,
        orientation in 0usize..4,
        scaling in 0usize..3,
        seed in any::<u64>(),
        min_font in prop_oneof![Just(f64::NAN), -5.0f64..60.0],
        max_font in prop_oneof![Just(f64::INFINITY), -5.0f64..200.0],
        padding in 0u32..50,
        terms in prop::collection::vec(("\\PC{0,8}", -1.0f64..2.0), 0..25),
    ) {
        let o = CloudOptions {
            width, height, max_words, seed, min_font, max_font, padding,
            shape: [Shape::Rectangle, Shape::Ellipse, Shape::Cardioid, Shape::Star, Shape::Mask][shape],
            orientation: ORIENTATIONS[orientation],
            scaling: [Scaling::Linear, Scaling::Sqrt, Scaling::Log][scaling],
        };
        let input: Vec<CloudInput> = terms
            .into_iter()
            .map(|(term, score)| CloudInput { term, score, count: 1 })
            .collect();
        let mask = blobs(width.max(1), height.max(1));
        let cloud = layout(&input, &o, &EstimatedGlyphs, Some(&mask));
        let inside = shape_mask(o.shape, cloud.width as u32, cloud.height as u32, Some(&mask)).1;
        check(&cloud, &inside, padding.min(32));
        prop_assert!(cloud.words.len() <= max_words.max(1));
        prop_assert!((0.0..=1.0).contains(&cloud.fill));
    }
}
