//! Keyness: which terms one article uses markedly more than the rest of the text, by Dunning's
//! log-likelihood G² (the two-corpus form of Rayson & Garside 2000).

use crate::report::KeyTerm;

/// G² at or above this is significant at p < 0.05 (χ² with one degree of freedom).
pub const MIN_LOG_LIKELIHOOD: f64 = 3.84;
/// Key terms listed per article.
pub const MAX_KEY_TERMS: usize = 10;

/// G² for a term seen `a` times in an article of `c` words and `b` times in the rest, of `d`
/// words: `2 Σ O ln(O/E)` over the two observed counts, with expected counts
/// `E1 = c(a+b)/(c+d)`, `E2 = d(a+b)/(c+d)`; a zero count adds nothing (`0 ln 0 = 0`).
pub fn log_likelihood(a: usize, b: usize, c: usize, d: usize) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    let total = c + d;
    if total <= 0.0 || a + b <= 0.0 {
        return 0.0;
    }
    let part = |observed: f64, size: f64| {
        let expected = size * (a + b) / total;
        if observed > 0.0 && expected > 0.0 {
            observed * (observed / expected).ln()
        } else {
            0.0
        }
    };
    2.0 * (part(a, c) + part(b, d))
}

/// The article's key terms: over-used against the rest (`a/c > b/d`), G² at least
/// [`MIN_LOG_LIKELIHOOD`], highest first (ties: more occurrences, then the term), at most
/// [`MAX_KEY_TERMS`]. `counts` gives each term of the article as (term, occurrences in the
/// article, occurrences in the whole text); `article_words` and `all_words` are the sizes the
/// rates are taken over.
pub fn key_terms<'t>(
    counts: impl IntoIterator<Item = (&'t str, usize, usize)>,
    article_words: usize,
    all_words: usize,
) -> Vec<KeyTerm> {
    let rest_words = all_words.saturating_sub(article_words);
    let mut terms: Vec<(f64, &str, usize, usize)> = counts
        .into_iter()
        .filter_map(|(term, count, total)| {
            let rest_count = total.saturating_sub(count);
            // Over-used: count / article_words > rest_count / rest_words, without division.
            let over = count * rest_words > rest_count * article_words;
            let g2 = log_likelihood(count, rest_count, article_words, rest_words);
            (over && g2 >= MIN_LOG_LIKELIHOOD).then_some((g2, term, count, rest_count))
        })
        .collect();
    terms.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| y.2.cmp(&x.2))
            .then_with(|| x.1.cmp(y.1))
    });
    terms
        .into_iter()
        .take(MAX_KEY_TERMS)
        .map(|(g2, term, count, rest_count)| KeyTerm {
            term: term.to_string(),
            count,
            rest_count,
            log_likelihood: g2,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// G² written out cell by cell, as a reader would on paper: observed and expected for the
    /// article and the rest, `2 * Σ O * ln(O / E)` with empty cells left out.
    fn by_hand(a: f64, b: f64, c: f64, d: f64) -> f64 {
        let e1 = c * (a + b) / (c + d);
        let e2 = d * (a + b) / (c + d);
        let mut sum = 0.0;
        if a > 0.0 {
            sum += a * (a.ln() - e1.ln());
        }
        if b > 0.0 {
            sum += b * (b.ln() - e2.ln());
        }
        2.0 * sum
    }

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-9 * y.abs().max(1.0)
    }

    #[test]
    fn matches_the_formula_worked_by_hand() {
        // a=10 in 1000 words vs b=5 in 9000: E1=1.5, E2=13.5.
        let expected = 2.0 * (10.0 * (10.0f64 / 1.5).ln() + 5.0 * (5.0f64 / 13.5).ln());
        assert!(close(log_likelihood(10, 5, 1000, 9000), expected));
        assert!(close(
            log_likelihood(10, 5, 1000, 9000),
            by_hand(10.0, 5.0, 1000.0, 9000.0)
        ));
        // About 28.01: well past the 0.001 level (10.83).
        assert!((log_likelihood(10, 5, 1000, 9000) - 28.01).abs() < 0.01);
        for (a, b, c, d) in [(3, 40, 500, 20000), (1, 1, 2, 2), (7, 2, 300, 310)] {
            let got = log_likelihood(a, b, c, d);
            let want = by_hand(a as f64, b as f64, c as f64, d as f64);
            assert!(close(got, want), "{a} {b} {c} {d}: {got} vs {want}");
        }
    }

    #[test]
    fn empty_cells_count_nothing() {
        // Only in the article: 2 * a * ln(a / E1) with E1 = c*a/(c+d), i.e. 2a ln((c+d)/c).
        let only_here = 2.0 * 4.0 * (400.0f64 / 100.0).ln();
        assert!(close(log_likelihood(4, 0, 100, 300), only_here));
        // Only in the rest, and nowhere at all.
        let only_there = 2.0 * 6.0 * (400.0f64 / 300.0).ln();
        assert!(close(log_likelihood(0, 6, 100, 300), only_there));
        assert_eq!(log_likelihood(0, 0, 100, 300), 0.0);
        assert_eq!(log_likelihood(0, 0, 0, 0), 0.0);
        // Used at the same rate on both sides: nothing distinctive.
        assert!(log_likelihood(5, 15, 100, 300).abs() < 1e-12);
    }

    #[test]
    fn key_terms_are_over_used_significant_and_sorted() {
        // (term, in the article, in the whole text)
        let counts = [
            ("大桥", 8, 8),
            ("城市", 2, 40),
            ("通车", 3, 3),
            ("会议", 1, 30),
        ];
        let terms = key_terms(counts, 200, 2000);
        let names: Vec<&str> = terms.iter().map(|k| k.term.as_str()).collect();
        // 城市 and 会议 are used less here than elsewhere: never key.
        assert_eq!(names, ["大桥", "通车"]);
        assert_eq!((terms[0].count, terms[0].rest_count), (8, 0));
        assert!(terms[0].log_likelihood > terms[1].log_likelihood);
        assert!(terms.iter().all(|k| k.log_likelihood >= MIN_LOG_LIKELIHOOD));
        assert!(close(
            terms[1].log_likelihood,
            by_hand(3.0, 0.0, 200.0, 1800.0)
        ));
    }
}
