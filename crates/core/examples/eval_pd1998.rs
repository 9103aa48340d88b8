//! How the engine's segmentation, times and quantities compare with People's Daily (January
//! 1998), real news annotated by other hands: the corpus's words and its `t` (time word), `m`
//! (numeral) and `q` (measure word) tags.
//!
//! ```text
//! cargo run --release -p wenxi-core --example eval_pd1998 -- ../shared/corpora/pd1998/199801.txt
//!     [--limit LINES] [--misses time|quantity]
//! ```
//!
//! - Segmentation: word-level precision, recall and F1 of `Analyzer::segment` against the
//!   corpus's words (a word counts when both its ends match).
//! - Times: the corpus's maximal runs of `t` words (１９９８年 １月 １日) against the engine's
//!   TIME spans (`Analyzer::ner_bio`), exact and overlapping.
//! - Quantities: maximal runs of `m` words followed by at least one `q` word (３０００/m 元/q)
//!   against the engine's QTY spans. Bare numerals without a measure word are not counted either
//!   way, since the corpus tags ordinals and set phrases (一/m 道/d) `m` too.
//!
//! The corpus's conventions are not the engine's (it splits names into surname and given name,
//! 江/nr 泽民/nr, and writes dates as separate `t` words), so these figures measure agreement,
//! not error. With `--misses T` the first gold spans of type T that the engine missed are
//! printed, for study; never copy them into the repository. Without the corpus the program
//! says so and exits cleanly.

use std::collections::BTreeSet;
use std::process::ExitCode;

use wenxi_core::Analyzer;

/// One line of the corpus: its words with their tags.
fn words(line: &str) -> Vec<(String, String)> {
    line.split_whitespace()
        .skip(1) // the line's id, 19980101-01-001-001/m
        .filter_map(|item| {
            // `[中国/ns 共产党/nt]nt`: the brackets only group; keep the inner words.
            let item = item.trim_start_matches('[');
            let item = item.split(']').next().unwrap_or(item);
            let (word, tag) = item.rsplit_once('/')?;
            (!word.is_empty()).then(|| (word.to_string(), tag.to_string()))
        })
        .collect()
}

/// Char ranges of maximal runs of words whose tag passes `inside`, keeping a run only when
/// `keep` accepts its tags.
fn runs(
    words: &[(String, String)],
    inside: &dyn Fn(&str) -> bool,
    keep: &dyn Fn(&[&str]) -> bool,
) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    let mut at = 0;
    let mut run: Option<(usize, Vec<&str>)> = None;
    for (word, tag) in words {
        let len = word.chars().count();
        if inside(tag) {
            run.get_or_insert((at, Vec::new())).1.push(tag);
        } else if let Some((start, tags)) = run.take() {
            if keep(&tags) {
                out.insert((start, at));
            }
        }
        at += len;
    }
    if let Some((start, tags)) = run {
        if keep(&tags) {
            out.insert((start, at));
        }
    }
    out
}

/// Spans of one BIO type (`TIME`, `QTY`) in the engine's tags.
fn bio_spans(tags: &[(char, String)], kind: &str) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    let mut start = None;
    for (i, (_, tag)) in tags.iter().enumerate() {
        let (bi, ty) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = bi == "I" && ty == kind && start.is_some();
        if !continues {
            if let Some(s) = start.take() {
                out.insert((s, i));
            }
            if ty == kind {
                start = Some(i);
            }
        }
    }
    if let Some(s) = start {
        out.insert((s, tags.len()));
    }
    out
}

/// Exact matches, overlapping gold spans and overlapping predicted spans, with totals.
#[derive(Default)]
struct Agreement {
    gold: usize,
    predicted: usize,
    exact: usize,
    gold_overlapped: usize,
    predicted_overlapping: usize,
}

impl Agreement {
    fn add(&mut self, gold: &BTreeSet<(usize, usize)>, predicted: &BTreeSet<(usize, usize)>) {
        let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.exact += gold.intersection(predicted).count();
        self.gold_overlapped += gold
            .iter()
            .filter(|g| predicted.iter().any(|p| overlaps(g, p)))
            .count();
        self.predicted_overlapping += predicted
            .iter()
            .filter(|p| gold.iter().any(|g| overlaps(g, p)))
            .count();
    }

    fn print(&self, name: &str) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (
            ratio(self.exact, self.predicted),
            ratio(self.exact, self.gold),
        );
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "{name:<12} gold {:>6}  engine {:>6}  exact P {:.3} R {:.3} F1 {:.3}  overlap P {:.3} R {:.3}",
            self.gold,
            self.predicted,
            p,
            r,
            f1,
            ratio(self.predicted_overlapping, self.predicted),
            ratio(self.gold_overlapped, self.gold),
        );
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: eval_pd1998 <199801.txt> [--limit LINES] [--misses time|quantity]");
        return ExitCode::SUCCESS;
    };
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let limit: usize = opt("--limit")
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let misses = opt("--misses").cloned();
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("eval_pd1998: cannot read {path} (the corpus is not in the repository)");
        return ExitCode::SUCCESS;
    };
    let analyzer = Analyzer::with_embedded_model();
    let (mut seg_gold, mut seg_pred, mut seg_match) = (0usize, 0usize, 0usize);
    let mut times = Agreement::default();
    let mut quantities = Agreement::default();
    let mut shown = 0;
    let mut lines = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(limit) {
        let gold = words(line);
        let sentence: String = gold.iter().map(|(w, _)| w.as_str()).collect();
        if sentence.chars().any(char::is_whitespace) || sentence.is_empty() {
            continue;
        }
        lines += 1;
        // Segmentation, as char ranges.
        let ranges = |ws: &mut dyn Iterator<Item = usize>| {
            let mut at = 0;
            ws.map(|n| {
                let r = (at, at + n);
                at += n;
                r
            })
            .collect::<BTreeSet<_>>()
        };
        let g = ranges(&mut gold.iter().map(|(w, _)| w.chars().count()));
        let p = ranges(
            &mut analyzer
                .segment(&sentence)
                .iter()
                .map(|w| w.chars().count()),
        );
        seg_gold += g.len();
        seg_pred += p.len();
        seg_match += g.intersection(&p).count();
        // Times and quantities (no white space in the sentence: BIO index == char index).
        let tags = analyzer.ner_bio(&sentence);
        let gold_times = runs(&gold, &|t| t == "t", &|_| true);
        let gold_qty = runs(&gold, &|t| t == "m" || t == "q", &|tags| {
            tags.first() == Some(&"m") && tags.contains(&"q")
        });
        let (our_times, our_qty) = (bio_spans(&tags, "TIME"), bio_spans(&tags, "QTY"));
        times.add(&gold_times, &our_times);
        quantities.add(&gold_qty, &our_qty);
        if let Some(kind) = &misses {
            let (g, p) = if kind == "time" {
                (&gold_times, &our_times)
            } else {
                (&gold_qty, &our_qty)
            };
            let chars: Vec<char> = sentence.chars().collect();
            for &(s, e) in g.difference(p) {
                if shown < 40 {
                    let found: Vec<String> = p
                        .iter()
                        .map(|&(a, b)| chars[a..b].iter().collect())
                        .collect();
                    let missed: String = chars[s..e].iter().collect();
                    println!("missed {missed}   engine: {found:?}");
                    shown += 1;
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(seg_match, seg_pred), ratio(seg_match, seg_gold));
    println!("lines {lines}");
    println!(
        "segmentation gold {seg_gold} engine {seg_pred}  P {p:.3} R {r:.3} F1 {:.3}",
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE)
    );
    times.print("times");
    quantities.print("quantities");
    ExitCode::SUCCESS
}
