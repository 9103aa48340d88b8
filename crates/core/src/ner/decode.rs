//! Viterbi decoding under the scheme's constraints (an I-X only after B-X/I-X …), shared by
//! inference and training so that both search the same space.

use super::tags::Scheme;

/// The best tag sequence for `emissions` (`n × T`, row-major) and `transitions`
/// (`(T + 2) × T`: start row, one row per previous tag, end row).
pub fn viterbi(scheme: Scheme, emissions: &[f32], transitions: &[f32]) -> Vec<usize> {
    let t_n = scheme.n_tags();
    let n = emissions.len() / t_n;
    if n == 0 {
        return Vec::new();
    }
    let trans = |prev: Option<usize>, next: usize| -> f32 {
        let row = prev.map_or(0, |p| p + 1);
        transitions.get(row * t_n + next).copied().unwrap_or(0.0)
    };
    let mut score: Vec<f32> = (0..t_n)
        .map(|t| {
            if scheme.allowed(None, t) {
                emissions[t] + trans(None, t)
            } else {
                f32::NEG_INFINITY
            }
        })
        .collect();
    // Transition score, or -inf where the scheme forbids it, computed once per call.
    let step: Vec<f32> = (0..t_n * t_n)
        .map(|k| {
            let (p, t) = (k / t_n, k % t_n);
            if scheme.allowed(Some(p), t) {
                trans(Some(p), t)
            } else {
                f32::NEG_INFINITY
            }
        })
        .collect();
    let mut next_score = vec![f32::NEG_INFINITY; t_n];
    // Back pointers: at most 13 tags, so a byte each.
    let mut back = vec![0u8; n * t_n];
    for i in 1..n {
        for t in 0..t_n {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, &s) in score.iter().enumerate() {
                let v = s + step[p * t_n + t];
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

    #[test]
    fn empty_input() {
        assert!(viterbi(Scheme::Bioes, &[], &[]).is_empty());
    }
}
