//! Exact-match precision, recall and F1 of the rule-based entities (PER, LOC, ORG) on an
//! MSRA-style BIO corpus (one `char<TAB>tag` a line, a blank line between sentences).
//!
//! ```text
//! cargo run --release -p wenxi-core --example eval_msra -- ../shared/corpora/ner/msra_train.bio
//!     [--every 10] [--limit 3000] [--errors PER|LOC|ORG] [--no-dict]
//! ```
//!
//! The development split is every `--every`-th sentence (indices 0, 10, 20, …), the first
//! `--limit` of them. A span counts only when type, start and end all match. With `--errors T`,
//! false positives and misses of type `T` are printed too (for tuning; never copy them anywhere).
//! It runs the same stages as `Analyzer::ner_bio`, with `entities::find_spans_with_dict`
//! (jieba's dictionary known) unless `--no-dict` asks for plain `entities::find_spans`.
//! When the corpus is absent the program says so and exits cleanly.

use std::collections::BTreeSet;
use std::process::ExitCode;

use jieba_rs::Jieba;
use wenxi_core::normalize::Normalized;
use wenxi_core::{bio, entities, segment};

const TYPES: [&str; 3] = ["PER", "LOC", "ORG"];

/// (type, start, end) spans from BIO tags; an `I-` without a matching `B-` starts a span.
fn spans(tags: &[String]) -> BTreeSet<(String, usize, usize)> {
    let mut out = BTreeSet::new();
    let mut cur: Option<(String, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (bi, ty) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = bi == "I" && cur.as_ref().is_some_and(|(t, _)| t == ty);
        if !continues {
            if let Some((t, s)) = cur.take() {
                out.insert((t, s, i));
            }
            if bi == "B" || bi == "I" {
                cur = Some((ty.to_string(), i));
            }
        }
    }
    if let Some((t, s)) = cur {
        out.insert((t, s, tags.len()));
    }
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: eval_msra <msra_train.bio> [--every N] [--limit N] [--errors TYPE]");
        return ExitCode::SUCCESS;
    };
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let every: usize = opt("--every").and_then(|v| v.parse().ok()).unwrap_or(10);
    let limit: usize = opt("--limit").and_then(|v| v.parse().ok()).unwrap_or(3000);
    let errors = opt("--errors").cloned();
    // Without `--no-dict` the name rules also see which words are in jieba's dictionary.
    let use_dict = !args.iter().any(|a| a == "--no-dict");
    let Ok(corpus) = std::fs::read_to_string(path) else {
        eprintln!("corpus {path} not found or unreadable: skipping the evaluation");
        return ExitCode::SUCCESS;
    };

    let sentences: Vec<Vec<(char, String)>> = corpus
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .filter_map(|l| {
                    let (c, t) = l.split_once('\t')?;
                    Some((c.chars().next()?, t.trim().to_string()))
                })
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect();
    let jieba = Jieba::new();
    let in_dict = |w: &str| jieba.has_word(w);
    let ner_bio = |sentence: &str| {
        let normalized = Normalized::new(sentence);
        let tokens = segment::segment(&jieba, &normalized.text);
        let spans = if use_dict {
            entities::find_spans_with_dict(&normalized.text, &tokens, &in_dict)
        } else {
            entities::find_spans(&normalized.text, &tokens)
        };
        bio::tag(sentence, &spans)
    };
    // (true positives, predicted, gold) per type.
    let mut counts = [(0usize, 0usize, 0usize); 3];
    let mut n = 0;
    for sentence in sentences.iter().step_by(every.max(1)).take(limit) {
        n += 1;
        let text: String = sentence.iter().map(|(c, _)| c).collect();
        let gold_tags: Vec<String> = sentence.iter().map(|(_, t)| t.clone()).collect();
        let predicted = ner_bio(&text);
        if predicted.len() != gold_tags.len() {
            // White space inside the corpus text: skip rather than misalign.
            continue;
        }
        let pred_tags: Vec<String> = predicted.into_iter().map(|(_, t)| t).collect();
        let gold = spans(&gold_tags);
        let pred = spans(&pred_tags);
        let chars: Vec<char> = text.chars().collect();
        let show = |s: &(String, usize, usize)| -> String {
            chars.get(s.1..s.2).unwrap_or(&[]).iter().collect()
        };
        for (k, ty) in TYPES.iter().enumerate() {
            let g: BTreeSet<_> = gold.iter().filter(|s| s.0 == *ty).collect();
            let p: BTreeSet<_> = pred.iter().filter(|s| s.0 == *ty).collect();
            counts[k].0 += g.intersection(&p).count();
            counts[k].1 += p.len();
            counts[k].2 += g.len();
            if errors.as_deref() == Some(ty) {
                for s in p.difference(&g) {
                    println!("FP\t{}\t{text}", show(s));
                }
                for s in g.difference(&p) {
                    println!("FN\t{}\t{text}", show(s));
                }
            }
        }
    }
    println!("sentences: {n} (every {every}th, first {limit})");
    println!("type\tP\tR\tF1\ttp\tpred\tgold");
    for (k, ty) in TYPES.iter().enumerate() {
        let (tp, p, g) = counts[k];
        let prec = if p > 0 { tp as f64 / p as f64 } else { 0.0 };
        let rec = if g > 0 { tp as f64 / g as f64 } else { 0.0 };
        let f1 = if prec + rec > 0.0 {
            2.0 * prec * rec / (prec + rec)
        } else {
            0.0
        };
        println!("{ty}\t{prec:.3}\t{rec:.3}\t{f1:.3}\t{tp}\t{p}\t{g}");
    }
    ExitCode::SUCCESS
}
