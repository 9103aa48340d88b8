//! Viterbi decoding under the scheme's constraints (an I-X only after B-X/I-X …), shared by
//! inference and training so that both search the same space.

use super::tags::Scheme;

/// The best tag sequence for `emissions` (`n × T`, row-major) and `transitions`
/// (`(T + 2) × T`: start row, one row per previous tag, end row).
pub fn viterbi(scheme: Scheme, emissions: &[f32], transitions: &[f32]) -> Vec<usize> {
    Paths::new(scheme, transitions).best(emissions)
}

/// What Viterbi needs of a scheme and its transitions, computed once for many sequences (a
/// long text is labelled sentence by sentence with the same model).
pub struct Paths<'a> {
    scheme: Scheme,
    t_n: usize,
    transitions: &'a [f32],
    /// For each tag, the tags that may precede it (ascending, so ties resolve as a full scan
    /// would) with the transition score. The scheme forbids most pairs (I-X only after B-X or
    /// I-X …): BIOES allows 61 of 169, so the loop in [`Paths::best`] does a third of the
    /// work of scanning every pair.
    preds: Vec<Vec<(usize, f32)>>,
}

impl<'a> Paths<'a> {
    pub fn new(scheme: Scheme, transitions: &'a [f32]) -> Self {
        let t_n = scheme.n_tags();
        let trans = |prev: Option<usize>, next: usize| -> f32 {
            let row = prev.map_or(0, |p| p + 1);
            transitions.get(row * t_n + next).copied().unwrap_or(0.0)
        };
        let preds = (0..t_n)
            .map(|t| {
                (0..t_n)
                    .filter(|&p| scheme.allowed(Some(p), t))
                    .map(|p| (p, trans(Some(p), t)))
                    .collect()
            })
            .collect();
        Paths {
            scheme,
            t_n,
            transitions,
            preds,
        }
    }

    /// The best tag sequence for `emissions` (`n × T`, row-major).
    /// SIMD in wasm, like [`super::NerModel::decode`], its caller.
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn best(&self, emissions: &[f32]) -> Vec<usize> {
        let (scheme, t_n, transitions) = (self.scheme, self.t_n, self.transitions);
        let n = emissions.len() / t_n;
        if n == 0 {
            return Vec::new();
        }
        let start = |next: usize| -> f32 { transitions.get(next).copied().unwrap_or(0.0) };
        let mut score: Vec<f32> = (0..t_n)
            .map(|t| {
                if scheme.allowed(None, t) {
                    emissions[t] + start(t)
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        let mut next_score = vec![f32::NEG_INFINITY; t_n];
        // Back pointers: at most 13 tags, so a byte each.
        let mut back = vec![0u8; n * t_n];
        for i in 1..n {
            for (t, from) in self.preds.iter().enumerate() {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0;
                for &(p, step) in from {
                    let v = score[p] + step;
                    if v > best {
                        best = v;
                        arg = p;
                    }
                }
                next_score[t] = best + emissions[i * t_n + t];
                back[i * t_n + t] = arg as u8;
            }
            std::mem::swap(&mut score, &mut next_score);
        }
        let end_row = t_n + 1;
        let mut best = f32::NEG_INFINITY;
        let mut last = 0;
        for (t, &s) in score.iter().enumerate() {
            if !scheme.may_end(t) {
                continue;
            }
            let v = s + transitions.get(end_row * t_n + t).copied().unwrap_or(0.0);
            if v > best {
                best = v;
                last = t;
            }
        }
        let mut tags = vec![0; n];
        tags[n - 1] = last;
        for i in (1..n).rev() {
            tags[i - 1] = usize::from(back[i * t_n + tags[i]]);
        }
        tags
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
