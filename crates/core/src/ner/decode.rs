//! Viterbi decoding under the scheme's constraints (an I-X only after B-X/I-X …), shared by
//! inference and training so that both search the same space.

use super::tags::Scheme;

/// The best tag sequence for `emissions` (`n × T`, row-major) and `transitions`
/// (`(T + 2) × T`: start row, one row per previous tag, end row).
pub fn viterbi(scheme: Scheme, emissions: &[f32], transitions: &[f32]) -> Vec<usize> {
    Paths::new(scheme, transitions).best(emissions)
}

/// Width of a row of scores: one lane per tag (BIOES over three kinds: 13), padded so that
/// every per-tag loop has a fixed length the compiler turns into vector operations.
pub const LANES: usize = 16;

/// One score per tag; lanes past the scheme's last tag are padding.
pub type Row = [f32; LANES];

/// What Viterbi needs of a scheme and its transitions, computed once for many sequences (a
/// long text is labelled sentence by sentence with the same model).
pub struct Paths {
    scheme: Scheme,
    t_n: usize,
    /// The start row and end row of the transitions (`(T + 2) × T`), one score per tag.
    start: Vec<f32>,
    end: Vec<f32>,
    /// `step[p][t]`: the score of tag `t` after tag `p`, `-inf` where the scheme forbids the
    /// pair and in the padding lanes. A forbidden pair then never wins (`-inf > best` is false
    /// even when `best` is `-inf`), so scanning every pair in ascending order of `p` picks the
    /// same predecessor, ties included, as scanning the allowed ones only; and it is fixed-width
    /// work: the profile showed the pruned scan (a list of allowed pairs per tag) at about
    /// 1,100 instructions a char, most of the entity model's decoding.
    step: Vec<Row>,
}

impl Paths {
    pub fn new(scheme: Scheme, transitions: &[f32]) -> Self {
        let t_n = scheme.n_tags();
        assert!(t_n <= LANES, "{t_n} tags do not fit in a row of {LANES}");
        let trans = |row: usize, next: usize| -> f32 {
            transitions.get(row * t_n + next).copied().unwrap_or(0.0)
        };
        let step = (0..t_n)
            .map(|p| {
                let mut row = [f32::NEG_INFINITY; LANES];
                for (t, lane) in row.iter_mut().enumerate().take(t_n) {
                    if scheme.allowed(Some(p), t) {
                        *lane = trans(p + 1, t);
                    }
                }
                row
            })
            .collect();
        Paths {
            scheme,
            t_n,
            start: (0..t_n).map(|t| trans(0, t)).collect(),
            end: (0..t_n).map(|t| trans(t_n + 1, t)).collect(),
            step,
        }
    }

    /// The best tag sequence for `emissions` (`n × T`, row-major).
    pub fn best(&self, emissions: &[f32]) -> Vec<usize> {
        let rows: Vec<Row> = emissions
            .chunks_exact(self.t_n)
            .map(|e| {
                let mut row = [0.0; LANES];
                row[..self.t_n].copy_from_slice(e);
                row
            })
            .collect();
        self.best_rows(&rows)
    }

    /// The best tag sequence for `emissions`, one [`Row`] per position (padding lanes ignored).
    /// SIMD in wasm, like [`super::NerModel::decode`], its caller.
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn best_rows(&self, emissions: &[Row]) -> Vec<usize> {
        let (scheme, t_n) = (self.scheme, self.t_n);
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        let mut score = [f32::NEG_INFINITY; LANES];
        for (t, s) in score.iter_mut().enumerate().take(t_n) {
            if scheme.allowed(None, t) {
                *s = emissions[0][t] + self.start[t];
            }
        }
        // The best score of a path ending in each tag, position by position. No back pointers:
        // the scan that would keep them per lane (a select of indices beside the select of
        // scores) does not vectorise; the path's own are found again at the end, one per char.
        let mut scores: Vec<Row> = Vec::with_capacity(n);
        scores.push(score);
        for em in &emissions[1..] {
            let mut best = [f32::NEG_INFINITY; LANES];
            for (step, &from) in self.step.iter().zip(&score) {
                for t in 0..LANES {
                    let v = from + step[t];
                    best[t] = if v > best[t] { v } else { best[t] };
                }
            }
            for t in 0..LANES {
                score[t] = best[t] + em[t];
            }
            scores.push(score);
        }
        let mut best = f32::NEG_INFINITY;
        let mut last = 0;
        for (t, &s) in score.iter().enumerate().take(t_n) {
            if !scheme.may_end(t) {
                continue;
            }
            let v = s + self.end[t];
            if v > best {
                best = v;
                last = t;
            }
        }
        let mut tags = vec![0; n];
        tags[n - 1] = last;
        for i in (1..n).rev() {
            tags[i - 1] = self.best_before(&scores[i - 1], tags[i]);
        }
        tags
    }

    /// The tag before `t` on the best path, given the scores of the position before: the first
    /// of the highest, as the forward scan met them (ascending tags, a strict `>`), so ties
    /// resolve the same way and the path is the one back pointers would have kept.
    fn best_before(&self, before: &Row, t: usize) -> usize {
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0;
        for (p, (step, &from)) in self.step.iter().zip(before).enumerate() {
            let v = from + step[t];
            if v > best {
                best = v;
                arg = p;
            }
        }
        arg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints_beat_emissions() {
        let s = Scheme::Bio;
        let t = s.n_tags();
        // Position 0 wants I-PER (tag 2), which may not start a sentence.
        let mut em = vec![0.0; 2 * t];
        em[2] = 10.0;
        em[1] = 1.0;
        em[t + 2] = 5.0;
        let tags = viterbi(s, &em, &vec![0.0; (t + 2) * t]);
        assert_eq!(tags, [1, 2]);
        let mut prev = None;
        for &x in &tags {
            assert!(s.allowed(prev, x));
            prev = Some(x);
        }
    }

    /// The same best path as an exhaustive scan over every pair of tags, on varied scores.
    #[test]
    fn agrees_with_a_full_scan() {
        for scheme in [Scheme::Bio, Scheme::Bioes] {
            let t_n = scheme.n_tags();
            // A fixed pseudo-random sequence, ties included (values on a coarse grid).
            let mut x = 0x2545_f491_4f6c_dd1du64;
            let mut next = || {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x % 21) as f32 - 10.0) * 0.5
            };
            for n in 1..40 {
                let em: Vec<f32> = (0..n * t_n).map(|_| next()).collect();
                let tr: Vec<f32> = (0..(t_n + 2) * t_n).map(|_| next()).collect();
                assert_eq!(viterbi(scheme, &em, &tr), brute(scheme, &em, &tr), "n {n}");
            }
        }
    }

    /// Viterbi scanning all pairs with forbidden ones at -inf (the algorithm before pruning).
    fn brute(scheme: Scheme, em: &[f32], tr: &[f32]) -> Vec<usize> {
        let t_n = scheme.n_tags();
        let n = em.len() / t_n;
        let step = |p: Option<usize>, t: usize| {
            if scheme.allowed(p, t) {
                tr[p.map_or(0, |p| p + 1) * t_n + t]
            } else {
                f32::NEG_INFINITY
            }
        };
        let mut score: Vec<f32> = (0..t_n).map(|t| em[t] + step(None, t)).collect();
        let mut back = vec![0usize; n * t_n];
        for i in 1..n {
            let mut next = vec![f32::NEG_INFINITY; t_n];
            for t in 0..t_n {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
                for (p, &s) in score.iter().enumerate() {
                    let v = s + step(Some(p), t);
                    if v > best {
                        best = v;
                        arg = p;
                    }
                }
                next[t] = best + em[i * t_n + t];
                back[i * t_n + t] = arg;
            }
            score = next;
        }
        let (mut best, mut last) = (f32::NEG_INFINITY, 0);
        for t in (0..t_n).filter(|&t| scheme.may_end(t)) {
            let v = score[t] + tr[(t_n + 1) * t_n + t];
            if v > best {
                best = v;
                last = t;
            }
        }
        let mut tags = vec![0; n];
        tags[n - 1] = last;
        for i in (1..n).rev() {
            tags[i - 1] = back[i * t_n + tags[i]];
        }
        tags
    }

    #[test]
    fn empty_input() {
        assert!(viterbi(Scheme::Bioes, &[], &[]).is_empty());
    }
}
