//! Finding room for one word: its spiral's spots in order, skipping for good those whose own
//! cell is taken (ink only ever grows, so a late word does not re-test the whole filled middle
//! of the cloud), then the word's extreme pixels, then the whole word.

use std::cell::RefCell;
use std::rc::Rc;

use super::grid::{Grid, Sprite};
use super::spiral::spiral;

/// The spiral's spots around the shape's centre; a word walks one of its four mirror images.
pub(super) struct Paths {
    offsets: Vec<(i16, i16)>,
    centre: (i64, i64),
}

impl Paths {
    /// `path` (offsets, each within ±32,767) around `centre`.
    pub fn new(path: &[(i32, i32)], centre: (i64, i64)) -> Paths {
        let clamp = |v: i32| v.clamp(-i32::from(i16::MAX), i32::from(i16::MAX)) as i16;
        Paths {
            offsets: path.iter().map(|&(x, y)| (clamp(x), clamp(y))).collect(),
            centre,
        }
    }

    /// A fresh [`Walk`] per mirror image.
    pub fn walks(&self) -> Vec<Walk> {
        (0..4).map(|_| Walk::new(self.offsets.len())).collect()
    }
}

/// What a spiral is computed from: start direction, aspect, reach (as bits), centre and box.
type PathKey = ([u64; 5], (i64, i64), (u32, u32));

thread_local! {
    /// The last paths made: the page lays the same cloud out again and again (another palette
    /// or font, the worker's measured glyphs after the estimate), and the spiral of an
    /// 800 × 500 cloud is some 170,000 spots.
    static LAST: RefCell<Option<(PathKey, Rc<Paths>)>> = const { RefCell::new(None) };
}

/// The spiral for these parameters, as [`Paths`], from the one-entry cache when it holds them.
pub(super) fn paths_for(
    start: (f64, f64),
    aspect: f64,
    reach: (f64, f64),
    centre: (i64, i64),
    size: (u32, u32),
) -> Rc<Paths> {
    let bits = [start.0, start.1, aspect, reach.0, reach.1].map(f64::to_bits);
    let key = (bits, centre, size);
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((k, paths)) = last.as_ref() {
            if *k == key {
                return Rc::clone(paths);
            }
        }
        let path = spiral(start, aspect, reach);
        let paths = Rc::new(Paths::new(&path, centre));
        *last = Some((key, Rc::clone(&paths)));
        paths
    })
}

/// The first spot on mirror image `mirror` of the spiral where the sprite fits (its probe
/// pixel on the spot); the sprite's top-left corner. Spots whose own cell is taken are dropped
/// from `walk` for good.
pub(super) fn find_room(
    grid: &Grid,
    sprite: &Sprite,
    paths: &Paths,
    walk: &mut Walk,
    mirror: usize,
) -> Option<(i64, i64)> {
    let (fx, fy) = (1 - 2 * (mirror & 1) as i64, 1 - (mirror & 2) as i64);
    let (px, py) = (i64::from(sprite.probe.0), i64::from(sprite.probe.1));
    let samples = grid.sample_offsets(sprite);
    let mut i = walk.find(0);
    while let Some(&(dx, dy)) = paths.offsets.get(i) {
        let x = paths.centre.0 + fx * i64::from(dx);
        let y = paths.centre.1 + fy * i64::from(dy);
        // Outside the box or taken: taken for good (`taken` says so for both).
        if grid.taken(x, y) {
            walk.remove(i);
        } else {
            let (left, top) = (x - px, y - py);
            if grid.fits(sprite, &samples, left, top) {
                return Some((left, top));
            }
        }
        i = walk.find(i + 1);
    }
    None
}

/// Which spots of the spiral may still be free, for one mirror image: a "next candidate" list
/// with path halving, so skipping a run of taken spots costs almost nothing.
pub(super) struct Walk {
    next: Vec<u32>,
}

impl Walk {
    pub fn new(len: usize) -> Walk {
        Walk {
            next: (0..=len as u32).collect(),
        }
    }

    /// The first spot at or after `i` not yet known to be taken (`len` when none is).
    pub fn find(&mut self, mut i: usize) -> usize {
        while self.next[i] as usize != i {
            let skip = self.next[self.next[i] as usize];
            self.next[i] = skip;
            i = skip as usize;
        }
        i
    }

    /// Spot `i` is taken for good.
    pub fn remove(&mut self, i: usize) {
        if i + 1 < self.next.len() {
            self.next[i] = i as u32 + 1;
        }
    }
}
