//! The keyword table's rows: one per term of any ranking, with its place in each, and the
//! orders the reader can sort them in. Pure, so it is tested natively.

use std::cmp::Ordering;
use std::collections::HashMap;

use wenxi_core::{Keyword, Report};

use crate::components::keywords::{pos_filter_group, Ranking};
use crate::state::settings::KeywordMethod;

/// One term and what each ranking says of it (`None`: not in that ranking's list).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub term: String,
    pub pos: String,
    pub count: usize,
    pub tfidf: Option<Keyword>,
    pub textrank: Option<Keyword>,
    pub frequency: Option<Keyword>,
}

impl Row {
    pub fn in_ranking(&self, ranking: Ranking) -> Option<&Keyword> {
        match ranking {
            Ranking::TfIdf => self.tfidf.as_ref(),
            Ranking::TextRank => self.textrank.as_ref(),
            Ranking::Frequency => self.frequency.as_ref(),
        }
    }

    /// The filter group of its part of speech.
    pub fn group(&self) -> &'static str {
        pos_filter_group(&self.pos)
    }
}

/// Every term of the three rankings, once, in the order they are first met (TF-IDF, then
/// TextRank, then frequency).
pub fn rows(report: &Report) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for ranking in Ranking::ALL {
        for k in ranking.list(report) {
            let i = *at.entry(k.term.clone()).or_insert_with(|| {
                rows.push(Row {
                    term: k.term.clone(),
                    pos: k.pos.clone(),
                    count: k.count,
                    tfidf: None,
                    textrank: None,
                    frequency: None,
                });
                rows.len() - 1
            });
            let row = &mut rows[i];
            let slot = match ranking {
                Ranking::TfIdf => &mut row.tfidf,
                Ranking::TextRank => &mut row.textrank,
                Ranking::Frequency => &mut row.frequency,
            };
            if slot.is_none() {
                *slot = Some(k.clone());
            }
        }
    }
    rows
}

/// A column the table sorts by (`data-sort`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Tfidf,
    Textrank,
    Count,
    Term,
}

impl SortKey {
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Tfidf => "tfidf",
            SortKey::Textrank => "textrank",
            SortKey::Count => "count",
            SortKey::Term => "term",
        }
    }

    /// The ranking a row's `data-rank` names while sorted by this column (the term column is
    /// no ranking).
    pub fn rank_name(self) -> &'static str {
        match self {
            SortKey::Tfidf => "tfidf",
            SortKey::Textrank => "textrank",
            SortKey::Count => "frequency",
            SortKey::Term => "term",
        }
    }

    /// The ranking whose score goes with this column.
    pub fn ranking(self) -> Option<Ranking> {
        match self {
            SortKey::Tfidf => Some(Ranking::TfIdf),
            SortKey::Textrank => Some(Ranking::TextRank),
            SortKey::Count => Some(Ranking::Frequency),
            SortKey::Term => None,
        }
    }

    /// The first sort: the reader's keyword method.
    pub fn of(method: KeywordMethod) -> SortKey {
        match method {
            KeywordMethod::Tfidf => SortKey::Tfidf,
            KeywordMethod::Textrank => SortKey::Textrank,
            KeywordMethod::Frequency => SortKey::Count,
        }
    }

    /// Numbers start highest first, words in order.
    pub fn descends_first(self) -> bool {
        self != SortKey::Term
    }
}

/// The column sorted by and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    pub fn by(key: SortKey) -> Sort {
        Sort {
            key,
            descending: key.descends_first(),
        }
    }

    /// A click on a column's header: the same column turns round, another starts its own way.
    pub fn clicked(self, key: SortKey) -> Sort {
        if key == self.key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort::by(key)
        }
    }
}

fn score(k: &Option<Keyword>) -> Option<f64> {
    k.as_ref().map(|k| k.score)
}

/// Rows in `sort`'s order. Rows a ranking does not list come after those it does, whichever
/// way the column runs; ties go by count (most first), then by term.
pub fn sorted(rows: &[Row], sort: Sort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let flip = |o: Ordering| if sort.descending { o.reverse() } else { o };
    let by_score = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => flip(a.total_cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let first = match sort.key {
            SortKey::Tfidf => by_score(score(&ra.tfidf), score(&rb.tfidf)),
            SortKey::Textrank => by_score(score(&ra.textrank), score(&rb.textrank)),
            SortKey::Count => flip(ra.count.cmp(&rb.count)),
            SortKey::Term => flip(ra.term.cmp(&rb.term)),
        };
        first
            .then_with(|| rb.count.cmp(&ra.count))
            .then_with(|| ra.term.cmp(&rb.term))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(term: &str, score: f64, count: usize, pos: &str) -> Keyword {
        Keyword {
            term: term.into(),
            score,
            count,
            pos: pos.into(),
            why: Default::default(),
        }
    }

    fn report() -> Report {
        Report {
            keywords: vec![kw("古籍", 1.0, 9, "n"), kw("修复", 0.6, 5, "v")],
            textrank: vec![kw("修复", 1.0, 5, "v"), kw("数字化", 0.8, 4, "vn")],
            frequency: vec![
                kw("古籍", 1.0, 9, "n"),
                kw("修复", 0.56, 5, "v"),
                kw("进行", 0.44, 4, "v"),
            ],
            ..Default::default()
        }
    }

    fn terms(rows: &[Row], order: &[usize]) -> Vec<String> {
        order.iter().map(|&i| rows[i].term.clone()).collect()
    }

    #[test]
    fn each_term_is_one_row_with_its_place_in_every_ranking() {
        let rows = rows(&report());
        assert_eq!(
            terms(&rows, &[0, 1, 2, 3]),
            ["古籍", "修复", "数字化", "进行"]
        );
        let repair = &rows[1];
        assert_eq!(score(&repair.tfidf), Some(0.6));
        assert_eq!(score(&repair.textrank), Some(1.0));
        assert_eq!(score(&repair.frequency), Some(0.56));
        assert_eq!(rows[0].textrank, None);
        assert_eq!(rows[2].group(), "noun");
        assert_eq!(rows[3].group(), "verb");
    }

    #[test]
    fn a_column_sorts_its_ranking_first_and_the_unranked_last_either_way() {
        let rows = rows(&report());
        let tfidf = Sort::by(SortKey::Tfidf);
        assert_eq!(
            terms(&rows, &sorted(&rows, tfidf)),
            ["古籍", "修复", "数字化", "进行"]
        );
        let up = tfidf.clicked(SortKey::Tfidf);
        assert!(!up.descending);
        assert_eq!(
            terms(&rows, &sorted(&rows, up)),
            ["修复", "古籍", "数字化", "进行"]
        );
        let textrank = Sort::by(SortKey::Textrank);
        assert_eq!(
            terms(&rows, &sorted(&rows, textrank))[..2],
            ["修复", "数字化"]
        );
        let count = Sort::by(SortKey::Count);
        assert_eq!(
            terms(&rows, &sorted(&rows, count)),
            ["古籍", "修复", "数字化", "进行"]
        );
        assert_eq!(
            terms(&rows, &sorted(&rows, count.clicked(SortKey::Count)))[..2],
            ["数字化", "进行"]
        );
    }

    #[test]
    fn words_sort_in_order_and_a_new_column_starts_its_own_way() {
        let rows = rows(&report());
        let term = Sort::by(SortKey::Tfidf).clicked(SortKey::Term);
        assert_eq!(
            term,
            Sort {
                key: SortKey::Term,
                descending: false
            }
        );
        let mut expected: Vec<String> = rows.iter().map(|r| r.term.clone()).collect();
        expected.sort();
        assert_eq!(terms(&rows, &sorted(&rows, term)), expected);
        assert_eq!(SortKey::of(KeywordMethod::Frequency), SortKey::Count);
        assert_eq!(SortKey::Count.rank_name(), "frequency");
    }
}
