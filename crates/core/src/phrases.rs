//! Stage 4b: multi-word terms and new words that the text itself supports.
//!
//! jieba splits what its dictionary lacks: 营商环境 → 营商 + 环境, 帮代办 → 帮 + 代办, so the
//! keyword rankings show fragments. A run of 2–4 adjacent tokens is taken for one term when
//! 1. it recurs (at least [`min_count`] times: more in longer texts, where chance repeats more);
//! 2. its parts stick together far more often than chance predicts: the pointwise mutual
//!    information `ln(p(ab) / (p(a)·p(b)))`, for 3–4 parts the weakest split point, is high;
//! 3. it is free at both ends: the tokens just before and just after it vary (boundary entropy).
//!    A fragment of a longer term fails here: 营商 is always followed by 环境.
//!
//! Cost stays linear in the text: tokens become integer ids, n-grams are counted in hash maps,
//! an n-gram is only counted when its shorter prefix and suffix recur (they must, for it to), and
//! neighbours are gathered for at most [`MAX_CANDIDATES`] candidates.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::segment::{Token, TokenKind};

/// Merging phrases into a keyword ranking lives with the rankings.
pub use crate::keywords::merge::merge_into_keywords;

/// A term found in the text: several tokens that belong together, or a new word jieba split.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phrase {
    /// The parts joined, as written (营商环境).
    pub term: String,
    /// The tokens jieba gave (营商, 环境).
    pub parts: Vec<String>,
    /// Occurrences of the parts in a row (not counting places where jieba kept the term whole).
    pub count: usize,
    /// The smallest pointwise mutual information (nats) over the split points.
    pub cohesion: f64,
    /// Entropy (nats) of the token (word or punctuation) before the term.
    pub left_entropy: f64,
    /// Entropy (nats) of the token after the term.
    pub right_entropy: f64,
    /// `count × cohesion × min(left_entropy, right_entropy)`: the three pieces of evidence.
    pub score: f64,
}

const MAX_PARTS: usize = 4;
const MAX_CHARS: usize = 8;
/// Co-occurring ≥ e³ ≈ 20 times more often than independent tokens would. In a text of N
/// words no pair can score above ln N, so short texts ask for at most half of that.
const MIN_COHESION: f64 = 3.0;
/// Met by two different neighbours in two occurrences (ln 2 ≈ 0.69) or 3 of 4 the same
/// (0.56); not by a fixed neighbour (0).
const MIN_ENTROPY: f64 = 0.5;
/// No single word may stand next to a term in more than this share of its occurrences: it
/// would be the rest of a longer term. Punctuation may: it ends terms.
const MAX_WORD_NEIGHBOUR: f64 = 2.0 / 3.0;
/// Candidates whose neighbours are gathered, the most frequent first.
pub const MAX_CANDIDATES: usize = 5_000;
/// "Nearly all": a shorter term inside a longer one, or a part inside its phrases.
pub(crate) const NEARLY: f64 = 0.9;
/// Pads keys shorter than [`MAX_PARTS`] and stands for anything that is not a word token.
const NONE: u32 = u32::MAX;

type Key = [u32; MAX_PARTS];
/// FxHash: hashing is most of the cost, and ids need no protection from crafted collisions.
pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A set hashed as [`Map`] is.
pub(crate) type Set<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map hashed a word (8 bytes) at a time (rustc-hash's FxHash), for maps whose order of
/// iteration nothing depends on (only looked up, or read then sorted by a total order): [`Map`]
/// hashes byte by byte, which costs most of the counting on keys of several bytes (strings,
/// n-gram keys).
pub(crate) type WordMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A set hashed as [`WordMap`] is.
pub(crate) type WordSet<K> = rustc_hash::FxHashSet<K>;

/// The fewest occurrences a phrase needs in a text of `text_chars` chars: 2 below 5,000 chars,
/// one more for each tenfold length (at most 6), because chance repeats more in long texts.
pub fn min_count(text_chars: usize) -> usize {
    let (mut n, mut limit) = (2, 5_000usize);
    while text_chars >= limit && n < 6 {
        n += 1;
        limit = limit.saturating_mul(10);
    }
    n
}

/// What the counting needs to know about one distinct token text.
struct Word<'a> {
    text: &'a str,
    chars: usize,
    count: u32,
    /// A word, number or Latin word (not punctuation or white space).
    word: bool,
    /// A number or numeral: a single char after it is a measure word (9 项), not a term's start.
    numeral: bool,
    /// May start or end a phrase: no stop word, number, time word, adverb or single function
    /// char.
    edge: bool,
    /// May stand inside a phrase: no particle (的, 了, 之).
    inner: bool,
}

fn may_be_edge(t: &Token, is_stop: &dyn Fn(&str) -> bool) -> bool {
    let tag = t.pos.chars().next().unwrap_or('x');
    let function = t.len() == 1 && "upcyeordf".contains(tag);
    t.kind != TokenKind::Number && !"dmqtx".contains(tag) && !function && !is_stop(t.text)
}

/// Finds the phrases of a segmented text, best first (score, then term).
///
/// `is_known` says whether a string is already one dictionary word (then it is not new);
/// `is_stop` whether it is a stop word (a phrase never starts or ends with one).
pub fn discover(
    tokens: &[Token],
    is_known: &dyn Fn(&str) -> bool,
    is_stop: &dyn Fn(&str) -> bool,
) -> Vec<Phrase> {
    let text_chars = tokens.last().map_or(0, |t| t.end);
    let min = min_count(text_chars) as u32;
    let mut ids: WordMap<&str, u32> = WordMap::default();
    let mut words: Vec<Word> = Vec::new();
    let seq: Vec<u32> = tokens
        .iter()
        .map(|t| {
            let id = *ids.entry(t.text).or_insert_with(|| {
                let word = t.kind.is_word();
                words.push(Word {
                    text: t.text,
                    chars: t.len(),
                    count: 0,
                    word,
                    numeral: t.kind == TokenKind::Number || t.pos.starts_with('m'),
                    edge: word && may_be_edge(t, is_stop),
                    inner: word && !t.pos.starts_with('u'),
                });
                (words.len() - 1) as u32
            });
            words[id as usize].count += 1;
            id
        })
        .collect();
    let total = words
        .iter()
        .filter(|w| w.word)
        .map(|w| f64::from(w.count))
        .sum::<f64>();
    let min_cohesion = MIN_COHESION.min(0.5 * total.max(1.0).ln());

    // counts[n - 2]: occurrences of each n-gram that may recur often enough. An n-gram is
    // counted where its prefix and suffix recur; both are the (n-1)-grams at i and i + 1,
    // whose numbers the previous pass left per position: no hashing of windows that fail.
    let mut counts: Vec<Grams> = Vec::new();
    for n in 2..=MAX_PARTS {
        let mut grams = Grams {
            ids: WordMap::default(),
            counts: Vec::new(),
            at: vec![NONE; seq.len()],
        };
        for i in 0..seq.len().saturating_sub(n - 1) {
            let frequent = match counts.last() {
                None => {
                    words[seq[i] as usize].count >= min && words[seq[i + 1] as usize].count >= min
                }
                Some(shorter) => shorter.recurs(i, min) && shorter.recurs(i + 1, min),
            };
            if !frequent {
                continue;
            }
            let Some(key) = formable(&seq, &words, i, n) else {
                continue;
            };
            let id = grams.id(key);
            grams.at[i] = id;
            if !after_numeral(&seq, &words, i) {
                grams.counts[id as usize] += 1;
            }
        }
        counts.push(grams);
    }

    // Recurring, well-edged, not yet a dictionary word, cohesive.
    let mut candidates: Vec<(Key, usize, u32, f64)> = Vec::new();
    for (n, grams) in (2..).zip(&counts) {
        for (key, &id) in &grams.ids {
            let count = grams.counts[id as usize];
            if count < min || !words[key[0] as usize].edge || !words[key[n - 1] as usize].edge {
                continue;
            }
            let cohesion = (1..n)
                .map(|k| {
                    let (a, b) = (sub(key, 0, k), sub(key, k, n));
                    let (ca, cb) = (
                        count_of(&counts, &words, &a, k),
                        count_of(&counts, &words, &b, n - k),
                    );
                    (f64::from(count) * total / (f64::from(ca) * f64::from(cb)).max(1.0)).ln()
                })
                .fold(f64::INFINITY, f64::min);
            if cohesion >= min_cohesion && !is_known(&term(key, &words)) {
                candidates.push((*key, n, count, cohesion));
            }
        }
    }
    candidates.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    candidates.truncate(MAX_CANDIDATES);

    // Neighbours of the candidates, punctuation included (a clause repeated word for word has
    // the same commas around it); NONE is the start or end of the text.
    // Per n-gram number, its candidate ([`NONE`]: none).
    let mut candidate_of: Vec<Vec<u32>> =
        counts.iter().map(|g| vec![NONE; g.counts.len()]).collect();
    for (c, (key, n, _, _)) in candidates.iter().enumerate() {
        if let Some(&id) = counts[n - 2].ids.get(key) {
            candidate_of[n - 2][id as usize] = c as u32;
        }
    }
    let mut sides: Vec<[Neighbours; 2]> = candidates.iter().map(|_| Default::default()).collect();
    for n in 2..=MAX_PARTS {
        let (grams, candidate_of) = (&counts[n - 2], &candidate_of[n - 2]);
        for i in 0..seq.len().saturating_sub(n - 1) {
            // A candidate recurs, so it got its number wherever its window is formed.
            let id = grams.at[i];
            if id == NONE {
                continue;
            }
            let c = candidate_of[id as usize];
            if c == NONE || after_numeral(&seq, &words, i) {
                continue;
            }
            let c = c as usize;
            let before = if i == 0 { NONE } else { seq[i - 1] };
            sides[c][0].add(before);
            sides[c][1].add(seq.get(i + n).copied().unwrap_or(NONE));
        }
    }

    let mut accepted: Map<Key, Phrase> = Map::default();
    for ((key, n, count, cohesion), [left, right]) in candidates.into_iter().zip(sides) {
        let (left_entropy, right_entropy) = (left.entropy(), right.entropy());
        let bound = |side: &Neighbours| side.top_word_share(&words) > MAX_WORD_NEIGHBOUR;
        if left_entropy.min(right_entropy) < MIN_ENTROPY || bound(&left) || bound(&right) {
            continue;
        }
        let phrase = Phrase {
            term: term(&key, &words),
            parts: key[..n]
                .iter()
                .map(|&id| words[id as usize].text.to_string())
                .collect(),
            count: count as usize,
            cohesion,
            left_entropy,
            right_entropy,
            score: f64::from(count) * cohesion * left_entropy.min(right_entropy),
        };
        accepted.insert(key, phrase);
    }

    // A shorter term that (nearly) only occurs inside a longer accepted one is its fragment.
    let mut fragments: Vec<Key> = Vec::new();
    for (key, long) in &accepted {
        let n = long.parts.len();
        for len in 2..n {
            for start in 0..=n - len {
                let s = sub(key, start, start + len);
                if accepted
                    .get(&s)
                    .is_some_and(|short| long.count as f64 >= NEARLY * short.count as f64)
                {
                    fragments.push(s);
                }
            }
        }
    }
    for key in fragments {
        accepted.remove(&key);
    }
    let mut phrases: Vec<Phrase> = accepted.into_values().collect();
    phrases.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.term.cmp(&b.term))
    });
    // Two splits of the same string (营商 环境, 营 商环境) are one term: the best one counts all.
    let mut out: Vec<Phrase> = Vec::with_capacity(phrases.len());
    let mut seen: Map<String, usize> = Map::default();
    for p in phrases {
        match seen.get(&p.term) {
            Some(&i) => {
                if let Some(q) = out.get_mut(i) {
                    q.count += p.count;
                }
            }
            None => {
                seen.insert(p.term.clone(), out.len());
                out.push(p);
            }
        }
    }
    out
}

/// The n-grams of one length: each distinct key's number, occurrences, and the number of the
/// key formed at each token position ([`NONE`] where none was, or its parts do not recur).
struct Grams {
    ids: WordMap<Key, u32>,
    counts: Vec<u32>,
    at: Vec<u32>,
}

impl Grams {
    fn id(&mut self, key: Key) -> u32 {
        let counts = &mut self.counts;
        *self.ids.entry(key).or_insert_with(|| {
            counts.push(0);
            (counts.len() - 1) as u32
        })
    }

    /// The n-gram formed at position `i` occurs at least `min` times.
    fn recurs(&self, i: usize, min: u32) -> bool {
        let id = self.at[i];
        id != NONE && self.counts[id as usize] >= min
    }

    fn count(&self, key: &Key) -> u32 {
        self.ids.get(key).map_or(0, |&id| self.counts[id as usize])
    }
}

/// The window of `n` tokens from `i` starts with a measure word (9 项): it is no term.
fn after_numeral(seq: &[u32], words: &[Word], i: usize) -> bool {
    let first = seq.get(i).and_then(|&id| words.get(id as usize));
    let before = i.checked_sub(1).and_then(|b| seq.get(b));
    first.is_some_and(|w| w.chars == 1)
        && before
            .and_then(|&b| words.get(b as usize))
            .is_some_and(|w| w.numeral)
}

/// The key of the `n` tokens from `i`, when they are all words, at most [`MAX_CHARS`] chars
/// long and hold no particle inside (wherever they start: see [`after_numeral`]).
fn formable(seq: &[u32], words: &[Word], i: usize, n: usize) -> Option<Key> {
    let ids = seq.get(i..i + n)?;
    let mut key = [NONE; MAX_PARTS];
    let mut chars = 0;
    for (j, &id) in ids.iter().enumerate() {
        let w = words.get(id as usize).filter(|w| w.word)?;
        chars += w.chars;
        if chars > MAX_CHARS || (j > 0 && j + 1 < n && !w.inner) {
            return None;
        }
        key[j] = id;
    }
    Some(key)
}

/// Tokens `start..end` of `key`, as a key of their own.
fn sub(key: &Key, start: usize, end: usize) -> Key {
    let mut out = [NONE; MAX_PARTS];
    out[..end - start].copy_from_slice(&key[start..end]);
    out
}

/// Occurrences of the `len`-gram `key` (0 when it was never counted).
fn count_of(counts: &[Grams], words: &[Word], key: &Key, len: usize) -> u32 {
    match len {
        1 => words.get(key[0] as usize).map_or(0, |w| w.count),
        _ => counts.get(len - 2).map_or(0, |g| g.count(key)),
    }
}

fn term(key: &Key, words: &[Word]) -> String {
    key.iter()
        .filter_map(|&id| words.get(id as usize))
        .map(|w| w.text)
        .collect()
}

/// The tokens seen on one side of a candidate, and how often.
#[derive(Default)]
struct Neighbours(WordMap<u32, u32>);

impl Neighbours {
    fn add(&mut self, id: u32) {
        *self.0.entry(id).or_insert(0) += 1;
    }

    /// The share of the occurrences taken by the most frequent word neighbour.
    fn top_word_share(&self, words: &[Word]) -> f64 {
        let total: u32 = self.0.values().sum();
        let is_word = |id: &u32| words.get(*id as usize).is_some_and(|w| w.word);
        let top = self
            .0
            .iter()
            .filter(|(id, _)| is_word(id))
            .map(|(_, &c)| c)
            .max();
        f64::from(top.unwrap_or(0)) / f64::from(total.max(1))
    }

    fn entropy(&self) -> f64 {
        let mut counts: Vec<u32> = self.0.values().copied().collect();
        counts.sort_unstable(); // a fixed order of summation: the same bits on every run
        let total = f64::from(counts.iter().sum::<u32>());
        let p = counts.iter().map(|&c| f64::from(c) / total);
        p.map(|p| -p * p.ln()).sum::<f64>().max(0.0)
    }
}
