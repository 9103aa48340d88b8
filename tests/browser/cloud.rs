//! The cloud's glyph masks measured on an OffscreenCanvas, and a layout made with them.

use std::collections::HashSet;

use wasm_bindgen_test::*;
use wenxi::cloud_glyphs::CanvasGlyphs;
use wenxi_core::cloud::{
    self, CloudInput, CloudOptions, Glyph, GlyphSource, Orientation, WordStyle,
};

fn ink(g: &Glyph) -> usize {
    (0..g.height)
        .flat_map(|y| (0..g.width).map(move |x| (x, y)))
        .filter(|&(x, y)| g.get(x, y))
        .count()
}

/// Asserts `big > small * times`, naming the measure and both sides when it fails.
fn more_than(big: u32, small: u32, times: u32, what: &str) {
    assert!(
        big > small * times,
        "{what}: {big} is not over {times}× {small}"
    );
}

fn glyphs() -> CanvasGlyphs {
    let glyphs = CanvasGlyphs::new().expect("an OffscreenCanvas in this browser");
    glyphs.set_font("");
    glyphs
}

#[wasm_bindgen_test]
fn canvas_glyphs_have_ink_where_words_are_drawn() {
    let g = glyphs();
    let chinese = g.glyph("中文", 40.0, WordStyle::Horizontal);
    let latin = g.glyph("wenxi", 40.0, WordStyle::Horizontal);
    for glyph in [&chinese, &latin] {
        assert!(
            ink(glyph) > 50,
            "ink {} in {}×{}",
            ink(glyph),
            glyph.width,
            glyph.height
        );
        // The drawing origin (middle of the baseline) lies inside the bitmap.
        assert!(glyph.anchor_x > 0.0 && glyph.anchor_x < f64::from(glyph.width));
        assert!(glyph.anchor_y > 0.0 && glyph.anchor_y <= f64::from(glyph.height));
        assert!(glyph.bits.len() >= (glyph.width as usize).div_ceil(64) * glyph.height as usize);
    }
    // Two CJK chars at 40 px are about 80 px wide and 40 tall.
    assert!((60..=100).contains(&chinese.width), "{}", chinese.width);
    assert!((30..=56).contains(&chinese.height), "{}", chinese.height);

    let longer = g.glyph("中文分析工具", 40.0, WordStyle::Horizontal);
    more_than(longer.width, chinese.width, 2, "width of a longer word");
    assert!(ink(&longer) > ink(&chinese) * 2);
    let bigger = g.glyph("中文", 80.0, WordStyle::Horizontal);
    assert!(ink(&bigger) > ink(&chinese) * 3);

    let vertical = g.glyph("中文分析", 40.0, WordStyle::Vertical);
    more_than(vertical.height, vertical.width, 3, "height/width upright");
    assert!(vertical.height > chinese.height * 3);
    // Char 0's baseline is the anchor: the first char's ink is above it, the rest below.
    assert!(vertical.anchor_y < f64::from(vertical.height) / 3.0);

    let turned = g.glyph("中文分析", 40.0, WordStyle::Rotated(60));
    let flat = g.glyph("中文分析", 40.0, WordStyle::Horizontal);
    more_than(turned.height, flat.height, 2, "height turned 60° to flat");
    // Turning moves ink, it does not make or lose much of it.
    let (a, b) = (ink(&turned) as f64, ink(&flat) as f64);
    assert!((a / b - 1.0).abs() < 0.25, "{a} vs {b}");
}

#[wasm_bindgen_test]
fn a_layout_with_canvas_glyphs_never_overlaps_ink() {
    let g = glyphs();
    let terms = [
        "图书馆",
        "博物馆",
        "码头",
        "渔民",
        "港口",
        "灯塔",
        "稻田",
        "茶园",
        "果园",
        "牧场",
        "森林",
        "湿地",
        "沙漠",
        "草原",
        "冰川",
        "瀑布",
        "峡谷",
        "温泉",
        "火山",
        "岛屿",
        "海湾",
        "河流",
        "湖泊",
        "水库",
        "运河",
        "桥梁",
        "隧道",
        "铁路",
        "公路",
        "机场",
        "Python",
        "AI",
        "wenxi",
        "车站",
        "地铁",
        "公交",
        "钟楼",
        "城墙",
        "寺庙",
        "书院",
        "医院",
        "邮局",
        "商场",
        "茶馆",
    ];
    let words: Vec<CloudInput> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| CloudInput {
            term: t.to_string(),
            score: 1.0 / (1.0 + i as f64).powf(0.6),
            count: terms.len() - i,
        })
        .collect();
    for orientation in [Orientation::Mixed, Orientation::Rotated] {
        let options = CloudOptions {
            orientation,
            ..CloudOptions::default()
        };
        let cloud = cloud::layout(&words, &options, &g, None);
        assert!(cloud.complete, "{orientation:?}: all words placed");
        assert_eq!(cloud.words.len(), terms.len());
        // Re-draw every word where it was placed, on a canvas of its own (not the layout's
        // cached glyphs), and AND the masks: no px is inked twice.
        let checker = glyphs();
        let mut taken: HashSet<(i64, i64)> = HashSet::new();
        for word in &cloud.words {
            let ink = cloud::placed_ink(word, &checker);
            assert!(!ink.is_empty(), "{} has ink", word.term);
            for px in ink {
                assert!(
                    taken.insert(px),
                    "{orientation:?}: {} overlaps at {px:?}",
                    word.term
                );
                assert!(
                    px.0 >= 0
                        && px.1 >= 0
                        && px.0 < i64::from(options.width)
                        && px.1 < i64::from(options.height),
                    "{} at {px:?} is outside the box",
                    word.term
                );
            }
        }
        assert!(cloud.fill > 0.05, "fill {}", cloud.fill);
    }
}
