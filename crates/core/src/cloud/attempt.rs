//! One try at laying every word out at one scale: glyphs drawn, the best three words placed
//! first (they take the middle), then the others most ink first (a long phrase in a small font
//! finds the long free stretch it needs before the small words fill it), each trying its
//! styles in order of preference.

use super::grid::{Grid, Sprite};
use super::search::{find_room, Paths};
use super::{CloudInput, Glyph, GlyphSource, ShapeMask, WordStyle};
use crate::report::CloudWord;

/// Colour indices cycle through this many, so the biggest words all differ.
const COLOURS: usize = 6;
/// How many of the best words are placed in rank order, before the rest go by ink.
const FIRST_BY_RANK: usize = 3;

/// One word to place at this scale.
pub(super) struct Word<'a> {
    pub input: &'a CloudInput,
    /// Styles to try, the preferred first.
    pub styles: &'a [WordStyle],
    /// Which mirror image of the spiral it walks.
    pub mirror: usize,
    pub font_size: f64,
    /// The score clamped to 0..=1.
    pub weight: f64,
}

/// What every word of a try shares.
pub(super) struct Setting<'a> {
    pub glyphs: &'a dyn GlyphSource,
    pub region: &'a ShapeMask,
    pub paths: &'a Paths,
    pub padding: u32,
    /// Give up at the first word that finds no room (a smaller scale is tried next).
    pub stop_at_first_miss: bool,
}

/// The outcome of one try.
pub(super) struct Attempt {
    /// The words placed, by rank.
    pub words: Vec<CloudWord>,
    /// Ink cells covered.
    pub ink: u64,
    pub complete: bool,
}

/// A style's glyph, trimmed.
struct Drawn {
    style: WordStyle,
    glyph: Glyph,
    sprite: Sprite,
    trim: (u32, u32),
}

fn draw(setting: &Setting, word: &Word, style: WordStyle) -> Option<Drawn> {
    let glyph = setting
        .glyphs
        .glyph(&word.input.term, word.font_size, style);
    let (sprite, x, y) = Sprite::trimmed(&glyph)?;
    Some(Drawn {
        style,
        glyph,
        sprite,
        trim: (x, y),
    })
}

pub(super) fn attempt(words: &[Word], setting: &Setting) -> Attempt {
    let mut grid = Grid::outside(setting.region);
    let mut walks = setting.paths.walks();
    let mut out = Attempt {
        words: Vec::with_capacity(words.len()),
        ink: 0,
        complete: true,
    };
    let first: Vec<Option<Drawn>> = words
        .iter()
        .map(|w| draw(setting, w, *w.styles.first()?))
        .collect();
    let ink = |d: &Option<Drawn>| d.as_ref().map_or(0, |d| d.sprite.ink());
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by_key(|&i| (i >= FIRST_BY_RANK, std::cmp::Reverse(ink(&first[i])), i));
    let mut placed: Vec<(usize, CloudWord)> = Vec::with_capacity(words.len());
    let mut first = first;
    for rank in order {
        let word = &words[rank];
        let mut found = None;
        for (k, &style) in word.styles.iter().enumerate() {
            let drawn = if k == 0 {
                first[rank].take()
            } else {
                draw(setting, word, style)
            };
            let Some(d) = drawn else { continue };
            let walk = &mut walks[word.mirror % 4];
            if let Some(spot) = find_room(&grid, &d.sprite, setting.paths, walk, word.mirror) {
                found = Some((d, spot));
                break;
            }
        }
        let Some((d, (left, top))) = found else {
            out.complete = false;
            if setting.stop_at_first_miss {
                break;
            }
            continue;
        };
        let pad = i64::from(setting.padding);
        grid.stamp(&d.sprite.dilated(setting.padding), left - pad, top - pad);
        out.ink += d.sprite.ink();
        let anchor = |a: f64| if a.is_finite() { a } else { 0.0 };
        let x = (left - i64::from(d.trim.0)) as f64 + anchor(d.glyph.anchor_x);
        let y = (top - i64::from(d.trim.1)) as f64 + anchor(d.glyph.anchor_y);
        placed.push((
            rank,
            CloudWord {
                term: word.input.term.clone(),
                x,
                y,
                font_size: word.font_size,
                vertical: d.style == WordStyle::Vertical,
                weight: word.weight,
                count: word.input.count,
                rotate: match d.style {
                    WordStyle::Rotated(deg) => deg,
                    _ => 0,
                },
                color: rank % COLOURS,
            },
        ));
    }
    placed.sort_by_key(|(rank, _)| *rank);
    out.words = placed.into_iter().map(|(_, w)| w).collect();
    out
}
