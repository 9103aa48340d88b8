//! Stage 6: the keyword cloud, laid out once here so the page only draws it.
//!
//! Words go from the best down, each along an archimedean spiral out of the centre until its box
//! touches no word placed before; a word that finds no place is left out. Text boxes are estimated
//! from the characters (CJK full width, ASCII about 0.6 em) because the engine has no fonts; the
//! padding absorbs the estimate's error. Everything is a function of the keywords only, so the
//! same text always gives the same cloud.

use crate::report::{Cloud, CloudWord, Keyword};

/// Where and how big the words of a cloud are drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct CloudLayout {
    pub width: f64,
    pub height: f64,
    pub max_words: usize,
    pub min_font: f64,
    pub max_font: f64,
    /// Empty space kept around every word box.
    pub padding: f64,
}

impl Default for CloudLayout {
    fn default() -> Self {
        CloudLayout {
            width: 800.0,
            height: 500.0,
            max_words: 60,
            min_font: 14.0,
            max_font: 72.0,
            padding: 2.0,
        }
    }
}

/// Line height of a glyph box, in em.
const LINE_EM: f64 = 1.1;
/// Share of the cloud's area the word boxes may cover before all fonts are scaled down.
const FILL: f64 = 0.45;
/// Spiral: radians per step and growth of the radius per radian.
const STEP: f64 = 0.1;
const GROWTH: f64 = 1.2;

/// An axis-aligned box given by its centre and half sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub cx: f64,
    pub cy: f64,
    pub half_w: f64,
    pub half_h: f64,
}

impl Rect {
    /// True when the boxes, each grown by `pad / 2`, overlap.
    pub fn intersects(&self, other: &Rect, pad: f64) -> bool {
        (self.cx - other.cx).abs() < self.half_w + other.half_w + pad
            && (self.cy - other.cy).abs() < self.half_h + other.half_h + pad
    }
}

/// Estimated width of `term` in em: full width for CJK and other wide chars, 0.6 em for ASCII.
pub fn text_width_em(term: &str) -> f64 {
    term.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum()
}

/// The box of a word drawn at `font_size` with its centre at (x, y).
pub fn word_box(term: &str, font_size: f64, vertical: bool, x: f64, y: f64) -> Rect {
    let along = text_width_em(term) * font_size / 2.0;
    let across = LINE_EM * font_size / 2.0;
    let (half_w, half_h) = if vertical {
        (across, along)
    } else {
        (along, across)
    };
    Rect {
        cx: x,
        cy: y,
        half_w,
        half_h,
    }
}

impl CloudLayout {
    /// Font size for a score in 0..=1: square-root scaling, so mid scores stay readable.
    pub fn font_size(&self, score: f64) -> f64 {
        let s = if score.is_finite() {
            score.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.min_font + (self.max_font - self.min_font) * s.sqrt()
    }

    /// Lays out the first `max_words` keywords (best first).
    pub fn layout(&self, keywords: &[Keyword]) -> Cloud {
        let mut words: Vec<CloudWord> = Vec::new();
        let mut boxes: Vec<Rect> = Vec::new();
        let chosen: Vec<&Keyword> = keywords
            .iter()
            .filter(|k| !k.term.is_empty())
            .take(self.max_words)
            .collect();
        let scale = self.scale(&chosen);
        for (i, k) in chosen.into_iter().enumerate() {
            let nominal = self.font_size(k.score);
            let font_size = self.min_font.max(nominal * scale).min(nominal);
            // Every fourth word from the fourth on stands upright: variety, yet deterministic,
            // and never the biggest words, which read best horizontally.
            let want_vertical = i % 4 == 3 && k.term.chars().count() > 1;
            let Some((font_size, vertical)) = self.fit(&k.term, font_size, want_vertical) else {
                continue;
            };
            if let Some(rect) = self.place(&k.term, font_size, vertical, i, &boxes) {
                boxes.push(rect);
                words.push(CloudWord {
                    term: k.term.clone(),
                    x: round2(rect.cx),
                    y: round2(rect.cy),
                    font_size: round2(font_size),
                    vertical,
                    weight: k.score.clamp(0.0, 1.0),
                });
            }
        }
        Cloud {
            width: self.width,
            height: self.height,
            words,
        }
    }

    /// A factor (at most 1) for all font sizes so that the words' boxes cover no more than
    /// [`FILL`] of the cloud: a spiral packs loosely, and a cloud of a few huge words and many
    /// dropped ones tells the reader less than a smaller, fuller one.
    fn scale(&self, words: &[&Keyword]) -> f64 {
        let area: f64 = words
            .iter()
            .map(|k| {
                let fs = self.font_size(k.score);
                text_width_em(&k.term) * fs * LINE_EM * fs
            })
            .sum();
        let room = FILL * self.width * self.height;
        if area > room && area.is_finite() {
            (room / area).sqrt()
        } else {
            1.0
        }
    }

    /// Shrinks a word that is wider than the whole box; turns a too-tall vertical word back.
    fn fit(&self, term: &str, font_size: f64, vertical: bool) -> Option<(f64, bool)> {
        let room_w = self.width - 2.0 * self.padding;
        let room_h = self.height - 2.0 * self.padding;
        let along = text_width_em(term);
        let vertical = vertical && along * font_size <= room_h;
        let limit = if vertical {
            room_w / LINE_EM
        } else {
            (room_w / along).min(room_h / LINE_EM)
        };
        let size = font_size.min(limit);
        (size >= self.min_font.min(font_size)).then_some((size, vertical))
    }

    /// First free spot on the spiral, or `None` when the spiral leaves the box.
    fn place(
        &self,
        term: &str,
        font_size: f64,
        vertical: bool,
        index: usize,
        placed: &[Rect],
    ) -> Option<Rect> {
        let (cx, cy) = (self.width / 2.0, self.height / 2.0);
        let aspect = self.width / self.height;
        // Start each word at a different angle (golden angle) so words spread evenly.
        let start = index as f64 * 2.399_963;
        let max_radius = (cx * cx + cy * cy).sqrt();
        let margin = self.padding;
        // Past this radius the spiral is outside the box in every direction.
        let stretch = aspect.sqrt().min(1.0 / aspect.sqrt());
        let mut t = 0.0_f64;
        // Neighbouring spots on the spiral mostly hit the same word: test that one first. The
        // spot found is the same as with a plain scan, only sooner.
        let mut last_hit = 0;
        loop {
            let r = GROWTH * t;
            if r * stretch > max_radius {
                return None;
            }
            let angle = start + t;
            let x = cx + r * angle.cos() * aspect.sqrt();
            let y = cy + r * angle.sin() / aspect.sqrt();
            let rect = word_box(term, font_size, vertical, round2(x), round2(y));
            let inside = rect.cx - rect.half_w >= margin
                && rect.cx + rect.half_w <= self.width - margin
                && rect.cy - rect.half_h >= margin
                && rect.cy + rect.half_h <= self.height - margin;
            if inside {
                let hits_last = placed
                    .get(last_hit)
                    .is_some_and(|p| p.intersects(&rect, self.padding));
                if !hits_last {
                    match placed
                        .iter()
                        .position(|p| p.intersects(&rect, self.padding))
                    {
                        Some(hit) => last_hit = hit,
                        None => return Some(rect),
                    }
                }
            }
            t += STEP;
        }
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(term: &str, score: f64) -> Keyword {
        Keyword {
            term: term.into(),
            score,
            count: 1,
            pos: "n".into(),
            why: Default::default(),
        }
    }

    /// Scores falling off like real keyword scores (a few strong, a long tail).
    fn many(n: usize) -> Vec<Keyword> {
        (0..n)
            .map(|i| kw(&format!("词语{i}号"), 1.0 / (1.0 + i as f64).powf(0.7)))
            .collect()
    }

    fn check(cloud: &Cloud) {
        let rects: Vec<Rect> = cloud
            .words
            .iter()
            .map(|w| word_box(&w.term, w.font_size, w.vertical, w.x, w.y))
            .collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(
                a.cx - a.half_w >= 0.0 && a.cx + a.half_w <= cloud.width,
                "{a:?}"
            );
            assert!(
                a.cy - a.half_h >= 0.0 && a.cy + a.half_h <= cloud.height,
                "{a:?}"
            );
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b, 0.0), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn words_do_not_overlap_and_stay_inside() {
        let cloud = CloudLayout::default().layout(&many(80));
        assert!(cloud.words.len() >= 45, "{}", cloud.words.len());
        assert!(cloud.words.len() <= 60);
        assert!(cloud.words.iter().any(|w| w.vertical));
        check(&cloud);
    }

    #[test]
    fn biggest_word_is_first_and_central() {
        let cloud = CloudLayout::default().layout(&many(10));
        let w = &cloud.words[0];
        assert_eq!(w.font_size, 72.0);
        assert!((w.x - 400.0).abs() < 1.0 && (w.y - 250.0).abs() < 1.0);
    }

    #[test]
    fn font_sizes_follow_scores() {
        let l = CloudLayout::default();
        assert_eq!(l.font_size(1.0), 72.0);
        assert_eq!(l.font_size(0.0), 14.0);
        assert_eq!(l.font_size(f64::NAN), 14.0);
        assert!(l.font_size(0.25) > l.font_size(0.2));
    }

    #[test]
    fn too_long_words_shrink_and_tiny_boxes_skip() {
        let long = "x".repeat(200);
        let cloud = CloudLayout::default().layout(&[kw(&long, 1.0)]);
        check(&cloud);
        let tiny = CloudLayout {
            width: 10.0,
            height: 10.0,
            ..CloudLayout::default()
        };
        assert!(tiny.layout(&[kw("很长很长的词", 1.0)]).words.is_empty());
    }

    #[test]
    fn deterministic() {
        let l = CloudLayout::default();
        assert_eq!(l.layout(&many(60)), l.layout(&many(60)));
    }
}
