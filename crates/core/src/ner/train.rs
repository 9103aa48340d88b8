//! Training: an averaged structured perceptron over the hashed features, decoded with the same
//! constrained Viterbi as inference.
//!
//! The perceptron needs no learning rate or regularisation to tune and trains in seconds per
//! epoch; averaging the weights over all steps gives most of a CRF's accuracy. Training is
//! deterministic: the examples are shuffled with a fixed seed, so the same corpora and options
//! give the same model file byte for byte.

use jieba_rs::Jieba;

use super::decode::viterbi;
use super::features::{self, PER_CHAR};
use super::model::NerModel;
use super::tags::{Scheme, KINDS};
use crate::normalize::Normalized;
use crate::report::EntityType;

/// One annotated sentence: its text and entity spans as char ranges `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingSentence {
    pub text: String,
    pub spans: Vec<(EntityType, usize, usize)>,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub scheme: Scheme,
    /// The hash table has 2^hash_bits buckets (× tags weights).
    pub hash_bits: u8,
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            scheme: Scheme::Bioes,
            hash_bits: 19,
            epochs: 10,
            seed: 0x5745_4e58,
        }
    }
}

/// Collects featurised sentences, then trains a [`NerModel`] on them.
pub struct Trainer<'j> {
    jieba: &'j Jieba,
    options: TrainOptions,
    /// Bucket ids of all examples, [`PER_CHAR`] per char, examples one after another.
    feats: Vec<u32>,
    /// Gold tags of all examples, one per char.
    gold: Vec<u8>,
    /// Char range of each example in `gold` (features: the same range × [`PER_CHAR`]).
    examples: Vec<(usize, usize)>,
}

impl<'j> Trainer<'j> {
    pub fn new(jieba: &'j Jieba, options: TrainOptions) -> Self {
        Trainer {
            jieba,
            options,
            feats: Vec::new(),
            gold: Vec::new(),
            examples: Vec::new(),
        }
    }

    /// Number of examples (sentence pieces) added so far.
    pub fn len(&self) -> usize {
        self.examples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.examples.is_empty()
    }

    /// Adds one sentence: normalised, segmented and cut into pieces the way
    /// [`NerModel::label`] cuts text (never inside an entity), then featurised.
    pub fn add(&mut self, sentence: &TrainingSentence) {
        let text = Normalized::new(&sentence.text).text;
        let chars: Vec<char> = text.chars().collect();
        let tokens = crate::segment::segment(self.jieba, &text);
        let spans: Vec<(usize, usize, usize)> = sentence
            .spans
            .iter()
            .filter_map(|&(k, s, e)| Some((KINDS.iter().position(|&x| x == k)?, s, e)))
            .collect();
        let tags = self.options.scheme.encode(chars.len(), &spans);
        let mask = (1u32 << self.options.hash_bits) - 1;
        let inside = |b: usize| spans.iter().any(|&(_, s, e)| s < b && b < e);
        let mut start = 0;
        for (_, end) in super::sentence_ranges(&chars) {
            if inside(end) && end < chars.len() {
                continue; // keep the entity whole: merge with the next piece
            }
            let words = features::words_of(self.jieba, &tokens, start, end);
            features::extract(&chars[start..end], &words, &tokens, mask, &mut self.feats);
            let from = self.gold.len();
            self.gold.extend(tags[start..end].iter().map(|&t| t as u8));
            self.examples.push((from, self.gold.len()));
            start = end;
        }
    }

    /// Trains for the configured epochs; `progress(epoch, wrong_sentences)` after each.
    pub fn train(&self, mut progress: impl FnMut(usize, usize)) -> NerModel {
        let scheme = self.options.scheme;
        let t_n = scheme.n_tags();
        let mut p = Perceptron::new(t_n, 1usize << self.options.hash_bits);
        let mut order: Vec<usize> = (0..self.examples.len()).collect();
        let mut rng = SplitMix(self.options.seed);
        let mut emissions = Vec::new();
        for epoch in 0..self.options.epochs {
            for i in (1..order.len()).rev() {
                order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
            }
            let mut wrong = 0;
            for &e in &order {
                let (a, b) = self.examples[e];
                let feats = &self.feats[a * PER_CHAR..b * PER_CHAR];
                let gold = &self.gold[a..b];
                p.emissions(feats, &mut emissions);
                let pred = viterbi(scheme, &emissions, &p.trans);
                if pred.iter().zip(gold).any(|(&x, &g)| x != usize::from(g)) {
                    wrong += 1;
                    p.update(feats, gold, &pred);
                }
                p.step += 1.0;
            }
            progress(epoch + 1, wrong);
        }
        p.into_model(scheme, self.options.hash_bits)
    }
}

/// Weights and their running sums for averaging (the "w − u/c" trick: each update at step c
/// also adds c·Δ to `u`, so the average over all steps is `w − u/c` at the end).
struct Perceptron {
    t_n: usize,
    w: Vec<f32>,
    u: Vec<f64>,
    trans: Vec<f32>,
    trans_u: Vec<f64>,
    step: f64,
}

impl Perceptron {
    fn new(t_n: usize, buckets: usize) -> Self {
        Perceptron {
            t_n,
            w: vec![0.0; buckets * t_n],
            u: vec![0.0; buckets * t_n],
            trans: vec![0.0; (t_n + 2) * t_n],
            trans_u: vec![0.0; (t_n + 2) * t_n],
            step: 1.0,
        }
    }

    fn emissions(&self, feats: &[u32], out: &mut Vec<f32>) {
        let t_n = self.t_n;
        out.clear();
        for pos in feats.chunks_exact(PER_CHAR) {
            let mut row = [0f32; 16];
            for &f in pos {
                let w = &self.w[f as usize * t_n..f as usize * t_n + t_n];
                row.iter_mut().zip(w).for_each(|(r, &x)| *r += x);
            }
            out.extend_from_slice(&row[..t_n]);
        }
    }

    fn update(&mut self, feats: &[u32], gold: &[u8], pred: &[usize]) {
        let (t_n, c) = (self.t_n, self.step);
        let row = |prev: Option<usize>| prev.map_or(0, |p| p + 1);
        let bump = |w: &mut [f32], u: &mut [f64], k: usize, d: f32| {
            w[k] += d;
            u[k] += c * f64::from(d);
        };
        let n = gold.len();
        for i in 0..n {
            let (g, p) = (usize::from(gold[i]), pred[i]);
            let (gp, pp) = match i {
                0 => (None, None),
                _ => (Some(usize::from(gold[i - 1])), Some(pred[i - 1])),
            };
            if g != p || gp != pp {
                bump(&mut self.trans, &mut self.trans_u, row(gp) * t_n + g, 1.0);
                bump(&mut self.trans, &mut self.trans_u, row(pp) * t_n + p, -1.0);
            }
            if g != p {
                for &f in &feats[i * PER_CHAR..(i + 1) * PER_CHAR] {
                    let base = f as usize * t_n;
                    bump(&mut self.w, &mut self.u, base + g, 1.0);
                    bump(&mut self.w, &mut self.u, base + p, -1.0);
                }
            }
        }
        let end = (t_n + 1) * t_n;
        if let (Some(&g), Some(&p)) = (gold.last(), pred.last()) {
            if usize::from(g) != p {
                bump(
                    &mut self.trans,
                    &mut self.trans_u,
                    end + usize::from(g),
                    1.0,
                );
                bump(&mut self.trans, &mut self.trans_u, end + p, -1.0);
            }
        }
    }

    /// Averages, then quantises: emissions to i8 with one scale for the model (the largest
    /// averaged weight maps to ±127), transitions to i16 in the same units.
    fn into_model(self, scheme: Scheme, hash_bits: u8) -> NerModel {
        let c = self.step;
        let avg = |w: &[f32], u: &[f64]| -> Vec<f64> {
            w.iter()
                .zip(u)
                .map(|(&w, &u)| f64::from(w) - u / c)
                .collect()
        };
        let w = avg(&self.w, &self.u);
        let t = avg(&self.trans, &self.trans_u);
        let max = w.iter().fold(0f64, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let q = |x: f64, lim: f64| (x / scale).round().clamp(-lim, lim);
        NerModel {
            scheme,
            hash_bits,
            scale: scale as f32,
            transitions: t.iter().map(|&x| q(x, 32767.0) as i16).collect(),
            weights: super::model::rows(w.iter().map(|&x| q(x, 127.0) as i8), scheme.n_tags()),
        }
    }
}

/// SplitMix64: a tiny, fixed pseudo-random sequence for the shuffle (no dependency, and its
/// output never changes between versions).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}
