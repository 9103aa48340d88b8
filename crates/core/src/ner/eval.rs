//! Entity-level, exact-match scoring: a predicted entity counts only when its type, start and
//! end all match a gold one — the measure the MSRA-style test sets use.

use std::fmt;

use super::tags::KINDS;
use crate::report::EntityType;

/// True positives, predicted and gold counts per type (in [`KINDS`] order).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scores {
    counts: [(usize, usize, usize); 3],
}

/// Precision, recall and F1 of one count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Scores {
    /// Adds one sentence's gold and predicted spans `(type, start, end)`.
    pub fn add(
        &mut self,
        gold: &[(EntityType, usize, usize)],
        pred: &[(EntityType, usize, usize)],
    ) {
        for (k, kind) in KINDS.iter().enumerate() {
            let g: Vec<_> = gold.iter().filter(|s| s.0 == *kind).collect();
            let p: Vec<_> = pred.iter().filter(|s| s.0 == *kind).collect();
            self.counts[k].0 += p.iter().filter(|s| g.contains(s)).count();
            self.counts[k].1 += p.len();
            self.counts[k].2 += g.len();
        }
    }

    /// Scores of one type, or micro-averaged over all types with `None`.
    pub fn prf(&self, kind: Option<EntityType>) -> Prf {
        let (tp, p, g) = self
            .counts
            .iter()
            .zip(KINDS)
            .filter(|(_, k)| kind.is_none_or(|x| x == *k))
            .fold((0, 0, 0), |a, (c, _)| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let (precision, recall) = (ratio(tp, p), ratio(tp, g));
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

impl fmt::Display for Scores {
    /// A table: one row per type and a micro-averaged row.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "type\tP\tR\tF1\ttp\tpred\tgold")?;
        let rows = KINDS.iter().map(|&k| Some(k)).chain([None]);
        for (i, kind) in rows.enumerate() {
            let s = self.prf(kind);
            let (tp, p, g) = self.counts.get(i).copied().unwrap_or_else(|| {
                self.counts
                    .iter()
                    .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2))
            });
            let name = kind.map_or("micro", |k| k.bio_tag());
            writeln!(
                f,
                "{name}\t{:.3}\t{:.3}\t{:.3}\t{tp}\t{p}\t{g}",
                s.precision, s.recall, s.f1
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn exact_match_only() {
        let mut s = Scores::default();
        s.add(
            &[(Person, 0, 2), (Place, 3, 5)],
            &[(Person, 0, 2), (Place, 3, 6), (Organization, 7, 9)],
        );
        assert_eq!(s.prf(Some(Person)).f1, 1.0);
        assert_eq!(s.prf(Some(Place)).f1, 0.0);
        let m = s.prf(None);
        assert!((m.precision - 1.0 / 3.0).abs() < 1e-9 && (m.recall - 0.5).abs() < 1e-9);
        assert!(s.to_string().contains("micro"));
    }
}
