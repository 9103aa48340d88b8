//! TextRank over the tokens we already have, the same computation as jieba-rs 0.11's
//! `TextRank::extract_keywords` (which would segment the text again):
//! - every candidate token is linked to each candidate among the next `SPAN - 1` token
//!   positions (all tokens count as positions, punctuation and white space included);
//! - links are undirected and weighted by how often the pair co-occurs; a word next to itself
//!   links to itself, counted from both ends as jieba does;
//! - ranks start at `1 / n` and are updated in place, vertex by vertex in order of first
//!   occurrence, 20 times: `r(v) = (1 - d) + d · Σ w(u, v) / out(u) · r(u)`, with d = 0.85.
//!
//! jieba-rs 0.11 neither normalises the ranks (it multiplies them by 1e10) nor runs the 10
//! iterations of the Python original; the order is what matters and is the same.

/// The co-occurrence window in token positions, the word itself included (jieba's default).
pub const SPAN: usize = 5;
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 20;
/// Marks a token position that is not a candidate.
pub const NONE: u32 = u32::MAX;

/// The co-occurrence graph in compressed sparse row form: the neighbours of `v` are
/// `dst[offsets[v]..offsets[v + 1]]`, with the co-occurrence counts in `weight`.
pub struct Graph {
    offsets: Vec<usize>,
    dst: Vec<u32>,
    weight: Vec<f64>,
}

impl Graph {
    /// The graph of `size` vertices from the vertex at each token position ([`NONE`] where the
    /// token is no candidate).
    pub fn new(size: usize, at: &[u32]) -> Self {
        let edges = co_occurrences(size, at);
        let mut offsets = vec![0usize; size + 1];
        for &(a, b, _) in &edges {
            offsets[a as usize + 1] += 1;
            if a != b {
                offsets[b as usize + 1] += 1;
            }
        }
        for i in 0..size {
            offsets[i + 1] += offsets[i];
        }
        let mut dst = vec![0u32; offsets[size]];
        let mut weight = vec![0.0; offsets[size]];
        let mut next = offsets[..size].to_vec();
        let mut push = |from: u32, to: u32, w: f64| {
            let slot = &mut next[from as usize];
            dst[*slot] = to;
            weight[*slot] = w;
            *slot += 1;
        };
        for &(a, b, w) in &edges {
            push(a, b, w);
            if a != b {
                push(b, a, w);
            }
        }
        Graph {
            offsets,
            dst,
            weight,
        }
    }

    /// The rank of every vertex.
    pub fn rank(&self) -> Vec<f64> {
        let n = self.offsets.len() - 1;
        let outflow: Vec<f64> = (0..n)
            .map(|v| {
                self.weight[self.offsets[v]..self.offsets[v + 1]]
                    .iter()
                    .sum()
            })
            .collect();
        // What each link hands on: its share of its source's total weight.
        let share: Vec<f64> = self
            .dst
            .iter()
            .zip(&self.weight)
            .map(|(&d, &w)| w / outflow[d as usize])
            .collect();
        let mut rank = vec![1.0 / n as f64; n];
        for _ in 0..ITERATIONS {
            for v in 0..n {
                let range = self.offsets[v]..self.offsets[v + 1];
                let s: f64 = self.dst[range.clone()]
                    .iter()
                    .zip(&share[range])
                    .map(|(&d, &share)| share * rank[d as usize])
                    .sum();
                rank[v] = (1.0 - DAMPING) + DAMPING * s;
            }
        }
        rank
    }

    /// The vertices linked to `v` (itself left out) and how often each co-occurs with it.
    pub fn neighbours(&self, v: u32) -> impl Iterator<Item = (u32, f64)> + '_ {
        let range = self.offsets[v as usize]..self.offsets[v as usize + 1];
        self.dst[range.clone()]
            .iter()
            .copied()
            .zip(self.weight[range].iter().copied())
            .filter(move |&(d, _)| d != v)
    }
}

/// Each linked pair `(a, b)` (`a <= b`) once, with how often it co-occurs, sorted by `a` then
/// `b`. Counting sort by the smaller end, then a sort within each (short) run: no hashing.
fn co_occurrences(size: usize, at: &[u32]) -> Vec<(u32, u32, f64)> {
    let pairs = || {
        at.iter()
            .enumerate()
            .filter(|(_, &u)| u != NONE)
            .flat_map(move |(i, &u)| {
                at.iter()
                    .skip(i + 1)
                    .take(SPAN - 1)
                    .filter(|&&v| v != NONE)
                    .map(move |&v| (u.min(v), u.max(v)))
            })
    };
    let mut start = vec![0usize; size + 1];
    for (a, _) in pairs() {
        start[a as usize + 1] += 1;
    }
    for i in 0..size {
        start[i + 1] += start[i];
    }
    let mut other = vec![0u32; start[size]];
    let mut next = start[..size].to_vec();
    for (a, b) in pairs() {
        other[next[a as usize]] = b;
        next[a as usize] += 1;
    }
    let mut edges = Vec::new();
    for a in 0..size {
        let run = &mut other[start[a]..start[a + 1]];
        run.sort_unstable();
        for group in run.chunk_by(|x, y| x == y) {
            let b = group[0];
            // A self-link sits twice in jieba's lists: count it twice.
            let n = if b == a as u32 { 2 } else { 1 } * group.len();
            edges.push((a as u32, b, n as f64));
        }
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_reach_four_positions_ahead_and_count_both_ways() {
        // a b x x a: a–b once (b is one ahead), a–a once (four ahead), b–a once.
        let at = [0, 1, NONE, NONE, 0, NONE, NONE, NONE, NONE, 1];
        let g = Graph::new(2, &at);
        let of = |v| g.neighbours(v).collect::<Vec<_>>();
        assert_eq!(of(0), vec![(1, 2.0)]);
        assert_eq!(of(1), vec![(0, 2.0)]);
        // The last 1 is five positions after the second 0: outside the window.
        assert_eq!(g.offsets[1] - g.offsets[0], 2, "a keeps its self-link");
    }

    #[test]
    fn a_hub_outranks_its_leaves() {
        // 0 sits next to 1, 2 and 3, which never meet each other.
        let at = [
            1, 0, NONE, NONE, NONE, NONE, 2, 0, NONE, NONE, NONE, NONE, 3, 0,
        ];
        let r = Graph::new(4, &at).rank();
        assert!(r[0] > r[1] && r[0] > r[2] && r[0] > r[3], "{r:?}");
        assert!(r.iter().all(|x| x.is_finite() && *x >= 1.0 - DAMPING));
    }

    #[test]
    fn no_candidates_no_ranks() {
        assert!(Graph::new(0, &[NONE, NONE]).rank().is_empty());
        // A lone word: no links, the base rank.
        assert_eq!(Graph::new(1, &[0]).rank(), vec![1.0 - DAMPING]);
    }
}
