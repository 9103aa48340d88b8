//! A learnt named-entity recogniser for people, places and organisations (PER, LOC, ORG).
//!
//! A linear sequence labeller: each char gets hashed features ([`features`]: chars around it,
//! the jieba word it lies in and that word's part of speech, a few word lists), a weight per
//! (feature, tag), and constrained Viterbi decoding ([`decode`]) picks the best tag sequence.
//! Weights come from an averaged perceptron ([`Trainer`]) trained on MSRA and People's Daily
//! annotations, quantised to one byte each and stored in a small versioned file
//! ([`NerModel::to_bytes`]). The CLI embeds the file (feature `embedded-ner-model`); the browser
//! worker fetches it, so the wasm stays small.
//!
//! Long texts are labelled sentence by sentence, and a run without any sentence end is cut
//! every [`MAX_PIECE`] chars, so memory stays bounded whatever the input.

pub mod corpus;
mod decode;
pub mod eval;
mod features;
pub(crate) mod lexicon;
mod model;
pub mod refine;
pub mod tags;
mod train;

pub use eval::Scores;
pub use model::{NerModel, NerModelError, FORMAT_VERSION};
pub use tags::Scheme;
pub use train::{TrainOptions, Trainer, TrainingSentence};

use jieba_rs::Jieba;

use crate::entities::EntitySpan;
use crate::report::EntityType;
use crate::segment::Token;

/// Longest piece labelled at once when no sentence end comes sooner.
pub const MAX_PIECE: usize = 500;

/// The committed model (`crates/core/models/ner.bin`), compiled in.
#[cfg(feature = "embedded-ner-model")]
pub fn embedded() -> Result<NerModel, NerModelError> {
    NerModel::from_bytes(include_bytes!("../../models/ner.bin"))
}

/// Char ranges that tile `chars`: each ends after a sentence end (`。！？；!?;` or a line
/// break) or, in a long run without one, after the last comma-like char of the second half of
/// [`MAX_PIECE`] chars, or at [`MAX_PIECE`] chars.
pub(crate) fn sentence_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let limit = (start + MAX_PIECE).min(chars.len());
        let piece = &chars[start..limit];
        let end = match piece
            .iter()
            .position(|c| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r'))
        {
            Some(i) => start + i + 1,
            None if limit == chars.len() => limit,
            None => piece[MAX_PIECE / 2..]
                .iter()
                .rposition(|c| matches!(c, '，' | ',' | '、' | '：' | ':' | ' '))
                .map_or(limit, |i| start + MAX_PIECE / 2 + i + 1),
        };
        out.push((start, end));
        start = end;
    }
    out
}

/// Characters labelled between two progress reports.
pub const PROGRESS_EVERY: usize = 32_768;

impl NerModel {
    /// Entity spans (char offsets into `text`, which is already normalised) for PER/LOC/ORG.
    /// `tokens` is `crate::segment::segment(jieba, text)`.
    pub fn label(&self, jieba: &Jieba, text: &str, tokens: &[Token]) -> Vec<EntitySpan> {
        self.label_observed(jieba, text, tokens, &|_| {})
    }

    /// Like [`NerModel::label`], telling `progress` the share of the text labelled so far every
    /// [`PROGRESS_EVERY`] characters (cheap enough to leave on: a few hundred calls for 20 MB).
    pub fn label_observed(
        &self,
        jieba: &Jieba,
        text: &str,
        tokens: &[Token],
        progress: &dyn Fn(f64),
    ) -> Vec<EntitySpan> {
        let chars: Vec<char> = text.chars().collect();
        self.label_chars(jieba, &chars, tokens, progress)
    }

    /// Like [`NerModel::label_observed`], for a caller that holds the text's chars already.
    pub(crate) fn label_chars(
        &self,
        jieba: &Jieba,
        chars: &[char],
        tokens: &[Token],
        progress: &dyn Fn(f64),
    ) -> Vec<EntitySpan> {
        let mut out = Vec::new();
        let mut feats = Vec::new();
        let mut emissions = Vec::new();
        let mut told = 0;
        // The transitions and the tags each tag may follow, once for every sentence.
        let trans: Vec<f32> = self.transitions.iter().map(|&x| f32::from(x)).collect();
        let paths = decode::Paths::new(self.scheme, &trans);
        for (start, end) in sentence_ranges(chars) {
            if start - told >= PROGRESS_EVERY {
                told = start;
                progress(start as f64 / chars.len() as f64);
            }
            let words = features::words_of(jieba, tokens, start, end);
            feats.clear();
            features::extract(&chars[start..end], &words, tokens, self.mask(), &mut feats);
            let tags = self.decode(&feats, &paths, &mut emissions);
            for (k, s, e) in self.scheme.spans(&tags) {
                let (s, e) = (start + s, start + e);
                let kind = tags::KINDS[k];
                let text: String = chars[s..e].iter().collect();
                if !text.trim().is_empty() {
                    out.push(EntitySpan {
                        kind,
                        start: s,
                        end: e,
                        text,
                    });
                }
            }
        }
        out
    }

    /// Tags of one piece from its features ([`features::PER_CHAR`] per char); `emissions` is
    /// scratch space, reused from piece to piece.
    ///
    /// In wasm this is compiled with SIMD (the row sums become vector adds, as they do natively
    /// with SSE2): the entity stage of a 5 MB analysis went from 1.56 s to 0.76 s in Chromium.
    /// Only the worker calls it, so only the worker's wasm uses SIMD (Chrome 91, Firefox 89,
    /// Safari 16.4 and later); `static/worker_loader.js` says so plainly where it is missing.
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    fn decode(
        &self,
        feats: &[u32],
        paths: &decode::Paths,
        emissions: &mut Vec<decode::Row>,
    ) -> Vec<usize> {
        emissions.clear();
        for pos in feats.chunks_exact(features::PER_CHAR) {
            // Sums of at most PER_CHAR (23) weights of ±127: exact in i16 and in f32.
            let mut row = [0i16; model::ROW];
            for &f in pos {
                if let Some(w) = self.weights.get(f as usize) {
                    for (r, &x) in row.iter_mut().zip(w) {
                        *r += i16::from(x);
                    }
                }
            }
            // Every lane, padding included (0 there): a fixed-width conversion.
            emissions.push(std::array::from_fn(|k| {
                row.get(k).map_or(0.0, |&x| f32::from(x))
            }));
        }
        paths.best_rows(emissions)
    }

    /// Scores what the engine reports on annotated sentences (each normalised and segmented
    /// here): the model's spans after [`refine::refine`], as the page and the CLI get them.
    pub fn evaluate(&self, jieba: &Jieba, sentences: &[TrainingSentence]) -> Scores {
        let mut scores = Scores::default();
        for s in sentences {
            let text = crate::normalize::Normalized::new(&s.text).text;
            let tokens = crate::segment::segment(jieba, &text);
            let chars: Vec<char> = text.chars().collect();
            let pred: Vec<(EntityType, usize, usize)> =
                refine::refine(&chars, self.label(jieba, &text, &tokens))
                    .into_iter()
                    .map(|e| (e.kind, e.start, e.end))
                    .collect();
            scores.add(&s.spans, &pred);
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_tile_and_are_bounded() {
        let mut text: Vec<char> = "甲乙。丙丁！".chars().collect();
        text.extend(std::iter::repeat_n('字', 1234));
        text.extend("，末尾".chars());
        let r = sentence_ranges(&text);
        assert_eq!(r[0], (0, 3));
        assert_eq!(r[1], (3, 6));
        let mut pos = 0;
        for &(s, e) in &r {
            assert_eq!(s, pos);
            assert!(e > s && e - s <= MAX_PIECE);
            pos = e;
        }
        assert_eq!(pos, text.len());
        assert!(sentence_ranges(&[]).is_empty());
    }
}
