//! The layout proper: sizes from scores, a style per word, then each word along its spiral
//! until its ink fits; when one cannot, all sizes shrink and the layout starts over.

use super::attempt::{attempt, Setting, Word};
use super::search::paths_for;
use super::shape::shape_mask;
use std::cell::RefCell;
use std::rc::Rc;

use super::{
    CloudInput, CloudOptions, GlyphSource, Orientation, Scaling, Shape, ShapeMask, WordStyle,
};
use crate::report::Cloud;

/// Share of the shape the words' estimated boxes may cover at the first try. Pixel collisions
/// let glyphs nest, so ink can cover some 0.6–0.7 of a shape; starting near that keeps the
/// cloud full, and the first tries that fail cost a few restarts.
const START_FILL: f64 = 0.8;
/// The same for turned words, which leave more space between them (measured: starting at 0.8
/// took more restarts and ended smaller than starting here).
const START_FILL_ROTATED: f64 = 0.65;
/// The largest cloud side and padding accepted, in px: beyond them a request is a mistake
/// (the layout is in CSS px at 1×; exports at 2× and 4× scale the drawing, not the layout).
const MAX_SIDE: u32 = 2048;
const MAX_PADDING: u32 = 32;
/// Mixed into the seed for the spiral's turn (any odd constant: a stream apart from the words').
const SPIRAL_STREAM: u64 = 0xA076_1D64_78BD_642F;
/// Angles of [`Orientation::Rotated`].
const ANGLES: [i32; 5] = [-60, -30, 0, 30, 60];
/// Longer words are not stood upright by [`Orientation::Mixed`]: a tall column reads badly.
const UPRIGHT_CHARS: usize = 6;

/// Lays out the first `options.max_words` of `words` (best first) in the shape, measuring ink
/// with `glyphs`. `mask` is used when `options.shape` is [`Shape::Mask`](super::Shape::Mask).
pub fn layout(
    words: &[CloudInput],
    options: &CloudOptions,
    glyphs: &dyn GlyphSource,
    mask: Option<&ShapeMask>,
) -> Cloud {
    let o = sanitised(options);
    let outline = outline(o.shape, o.width, o.height, mask);
    let (shape, region) = (outline.shape, &outline.mask);
    let chosen: Vec<&CloudInput> = words
        .iter()
        .filter(|w| !w.term.trim().is_empty())
        .take(o.max_words)
        .collect();
    // The spiral's turn has a stream of its own: drawn after the words' picks, it changed with
    // the number of words, and each new spiral (some 170,000 spots) cost the worker 20–50 ms.
    let mut spin = Rng(o.seed ^ SPIRAL_STREAM);
    let start = (spin.unit() - 0.5, spin.unit() - 0.5);
    let mut rng = Rng(o.seed);
    let plans: Vec<Plan> = chosen
        .iter()
        .enumerate()
        .map(|(rank, w)| Plan {
            styles: pick_styles(o.orientation, rank, &w.term, &mut rng),
            mirror: (rng.next() % 4) as usize,
            nominal: nominal_size(w.score, &o),
        })
        .collect();
    let mut cloud = Cloud {
        width: f64::from(o.width),
        height: f64::from(o.height),
        words: Vec::new(),
        shape: shape.name().to_string(),
        fill: 0.0,
        scale: 1.0,
        seed: o.seed,
        complete: chosen.is_empty(),
    };
    let Some(area) = &outline.area else {
        return cloud;
    };
    if chosen.is_empty() {
        return cloud;
    }
    // The spiral turned by the seed, so another seed gives another cloud.
    let centre = (area.centre.0.floor() as i64, area.centre.1.floor() as i64);
    let paths = paths_for(start, area.aspect, area.reach, centre, (o.width, o.height));
    let fill = if o.orientation == Orientation::Rotated {
        START_FILL_ROTATED
    } else {
        START_FILL
    };
    let mut scale = start_scale(&chosen, &plans, fill * area.cells as f64);
    loop {
        let last = plans
            .iter()
            .all(|p| size(p.nominal, scale, &o) <= o.min_font);
        let words: Vec<Word> = chosen
            .iter()
            .zip(&plans)
            .map(|(input, plan)| Word {
                input,
                styles: &plan.styles,
                mirror: plan.mirror,
                font_size: size(plan.nominal, scale, &o),
                weight: clamp_score(input.score),
            })
            .collect();
        let setting = Setting {
            glyphs,
            region,
            paths: &paths,
            padding: o.padding,
            stop_at_first_miss: !last,
        };
        let tried = attempt(&words, &setting);
        if tried.complete || last {
            cloud.fill = tried.ink as f64 / area.cells as f64;
            cloud.words = tried.words;
            cloud.complete = tried.complete;
            cloud.scale = scale;
            return cloud;
        }
        scale *= shrink(tried.words.len(), words.len());
    }
}

/// What is decided once per word, before any try: its styles in order of preference, which
/// mirror image of the spiral it walks and the font size before scaling.
struct Plan {
    styles: Vec<WordStyle>,
    mirror: usize,
    nominal: f64,
}

/// A shape's mask and what the spirals need of it.
struct Outline {
    shape: Shape,
    mask: ShapeMask,
    area: Option<Area>,
}

/// A built-in outline's shape and size.
type OutlineKey = (Shape, u32, u32);

thread_local! {
    /// The last built-in outline made: the page lays clouds of one size and shape out again
    /// and again, and a mask costs a test per pixel.
    static LAST_OUTLINE: RefCell<Option<(OutlineKey, Rc<Outline>)>> =
        const { RefCell::new(None) };
}

/// The outline of `shape` (a reader's `mask` is never cached: it may change at the same size).
fn outline(shape: Shape, width: u32, height: u32, mask: Option<&ShapeMask>) -> Rc<Outline> {
    let make = || {
        let (shape, mask) = shape_mask(shape, width, height, mask);
        let area = Area::of(&mask);
        Rc::new(Outline { shape, mask, area })
    };
    if shape == Shape::Mask && mask.is_some() {
        return make();
    }
    let key = (shape, width, height);
    LAST_OUTLINE.with(|last| {
        let mut last = last.borrow_mut();
        match last.as_ref() {
            Some((k, outline)) if *k == key => Rc::clone(outline),
            _ => {
                let outline = make();
                *last = Some((key, Rc::clone(&outline)));
                outline
            }
        }
    })
}

/// The shape's size, centre and reach, for the spirals.
struct Area {
    cells: u64,
    centre: (f64, f64),
    aspect: f64,
    reach: (f64, f64),
}

impl Area {
    /// `None` for an empty shape.
    fn of(region: &ShapeMask) -> Option<Area> {
        let row = ShapeMask::row_words(region.width);
        let (mut cells, mut sx, mut sy) = (0u64, 0f64, 0f64);
        let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
        for y in 0..region.height {
            for k in 0..row {
                let mut w = region
                    .inside
                    .get(y as usize * row + k)
                    .copied()
                    .unwrap_or(0);
                while w != 0 {
                    let x = k as u32 * 64 + w.trailing_zeros();
                    w &= w - 1;
                    cells += 1;
                    (sx, sy) = (sx + f64::from(x) + 0.5, sy + f64::from(y) + 0.5);
                    (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1));
                }
            }
        }
        if cells == 0 {
            return None;
        }
        let centre = (sx / cells as f64, sy / cells as f64);
        let (w, h) = (f64::from(region.width), f64::from(region.height));
        Some(Area {
            cells,
            centre,
            aspect: f64::from(x1 - x0) / f64::from(y1 - y0),
            reach: (centre.0.max(w - centre.0), centre.1.max(h - centre.1)),
        })
    }
}

/// The options with every number in a usable range.
fn sanitised(options: &CloudOptions) -> CloudOptions {
    let finite = |v: f64, fallback: f64| if v.is_finite() { v } else { fallback };
    let min_font = finite(options.min_font, 12.0).clamp(1.0, 1000.0);
    let max_font = finite(options.max_font, 96.0).clamp(min_font, 1000.0);
    CloudOptions {
        width: options.width.clamp(1, MAX_SIDE),
        height: options.height.clamp(1, MAX_SIDE),
        max_words: options.max_words.clamp(1, 300),
        min_font,
        max_font,
        padding: options.padding.min(MAX_PADDING),
        ..options.clone()
    }
}

fn clamp_score(score: f64) -> f64 {
    if score.is_finite() {
        score.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The factor for every font size after a try that placed `placed` of `wanted` words before
/// one found no room: 0.9 when most fit, down to 0.8 when many did not (words go biggest
/// first, so an early miss means the big ones are far too big).
fn shrink(placed: usize, wanted: usize) -> f64 {
    let share = placed as f64 / wanted.max(1) as f64;
    (0.8 + 0.1 * share).clamp(0.8, 0.9)
}

/// Font size before scaling.
fn nominal_size(score: f64, o: &CloudOptions) -> f64 {
    let s = clamp_score(score);
    let f = match o.scaling {
        Scaling::Linear => s,
        Scaling::Sqrt => s.sqrt(),
        Scaling::Log => (1.0 + 9.0 * s).ln() / 10f64.ln(),
    };
    o.min_font + (o.max_font - o.min_font) * f
}

/// Font size at `scale`, in whole px, never under the minimum. Whole px because a browser
/// prepares a font once per size: in Chromium each size new to the page cost ~0.7 ms of
/// layout (80 words at tenths of a px: 58 ms after every report), and at most some 85 sizes
/// (12–96 px) are ever new. Half a px is the most a size moves, invisible beside its neighbours.
fn size(nominal: f64, scale: f64, o: &CloudOptions) -> f64 {
    (nominal * scale).round().max(o.min_font)
}

/// A first scale at which the words' estimated boxes cover `room` cells.
fn start_scale(chosen: &[&CloudInput], plans: &[Plan], room: f64) -> f64 {
    let boxes: f64 = chosen
        .iter()
        .zip(plans)
        .map(|(w, p)| {
            let em: f64 = w
                .term
                .chars()
                .map(|c| if c.is_ascii() { 0.55 } else { 1.0 })
                .sum();
            em * p.nominal * p.nominal
        })
        .sum();
    if boxes > room {
        (room / boxes).sqrt()
    } else {
        1.0
    }
}

/// The styles the word at `rank` may take, preferred first: what the orientation asks, then
/// what it allows when that finds no room. Draws the same numbers from `rng` whatever it
/// returns, so one word's styles never shift another's.
fn pick_styles(orientation: Orientation, rank: usize, term: &str, rng: &mut Rng) -> Vec<WordStyle> {
    use WordStyle::Horizontal;
    let (coin, pick) = (rng.unit(), rng.unit());
    // Latin letters stacked one under another read badly: such words turn instead.
    let upright = if term.chars().any(|c| c.is_ascii_alphabetic()) {
        WordStyle::Rotated(90)
    } else {
        WordStyle::Vertical
    };
    let short = term.chars().count() <= UPRIGHT_CHARS;
    match orientation {
        Orientation::Horizontal => vec![Horizontal],
        Orientation::Mixed if rank >= 3 && short && coin < 0.25 => vec![upright, Horizontal],
        Orientation::Mixed if rank >= 3 && short => vec![Horizontal, upright],
        Orientation::Mixed => vec![Horizontal],
        Orientation::Vertical => vec![upright],
        Orientation::Rotated if rank == 0 => vec![Horizontal],
        Orientation::Rotated => {
            let i = ((pick * ANGLES.len() as f64) as usize).min(ANGLES.len() - 1);
            match ANGLES[i] {
                0 => vec![Horizontal],
                d => vec![WordStyle::Rotated(d), Horizontal],
            }
        }
    }
}

/// SplitMix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
