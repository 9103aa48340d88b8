//! The native column of the site benchmark (`bench/site/run.mjs`): bare jieba-rs and the wenxi
//! engine on the same files the browser reads, printed as one JSON object on standard output.
//!
//! ```text
//! cargo run --release -p wenxi-core --example bench_native -- [--runs N] FILE...
//! ```
//!
//! - jieba-rs (the workspace's version): `Jieba::new()` (the dictionary), `TfIdf::default()`
//!   (the IDF table), then `cut(text, true)` and `tag(text, true)` per file;
//! - wenxi-core: `Analyzer::new()` (dictionary and IDF table), the entity model as the CLI loads
//!   it (`Analyzer::with_embedded_model()`, the whole load), then `analyse` per file with the
//!   default options.
//!
//! Every figure is the median of `--runs` runs (default 3), after one untimed warm-up call that
//! builds what jieba and the engine build lazily on first use (the HMM tables, the model's
//! caches). Times are in milliseconds, throughputs in MB/s (10^6 bytes of UTF-8 per second).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use jieba_rs::{Jieba, TfIdf};
use serde_json::{json, Value};
use wenxi_core::{Analyzer, Options, StageTimes};

#[path = "../benches/common/machine.rs"]
mod common;
use common::machine;

/// Milliseconds `f` takes, and what it returned.
fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed().as_secs_f64() * 1e3, out)
}

/// The median of `runs` timings of `f` (ms); whatever `f` returns is dropped outside the clock.
fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let (ms, out) = timed(&mut f);
            drop(black_box(out));
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2.0
    }
}

/// Each stage's median milliseconds over `runs` analyses of `text` (`Analyzer::analyse_timed`
/// with a wall clock): where the engine's time goes, beside its total.
fn stage_medians(runs: usize, analyzer: &Analyzer, text: &str, options: &Options) -> Value {
    let origin = Instant::now();
    let clock = || origin.elapsed().as_secs_f64() * 1e3;
    let timed: Vec<StageTimes> = (0..runs.max(1))
        .map(|_| analyzer.analyse_timed(black_box(text), options, &clock).1)
        .collect();
    let mut out = serde_json::Map::new();
    for (k, (name, _)) in StageTimes::default().rows().into_iter().enumerate() {
        let mut ms: Vec<f64> = timed.iter().map(|t| t.rows()[k].1).collect();
        ms.sort_by(f64::total_cmp);
        out.insert(name.into(), json!(ms[ms.len() / 2]));
    }
    Value::Object(out)
}

fn mb_per_s(bytes: usize, ms: f64) -> f64 {
    bytes as f64 / 1e6 / (ms / 1e3).max(1e-9)
}

/// `--runs N` and the files, or why not.
fn parse_args() -> Result<(usize, Vec<String>), String> {
    let mut runs = 3;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            let n = args.next().ok_or("--runs needs a number")?;
            runs = n.parse().map_err(|_| format!("--runs {n}: not a number"))?;
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        return Err("usage: bench_native [--runs N] FILE...".into());
    }
    Ok((runs, files))
}

fn main() -> ExitCode {
    let (runs, files) = match parse_args() {
        Ok(parsed) => parsed,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::from(2);
        }
    };
    let mut texts = Vec::new();
    for file in &files {
        match std::fs::read_to_string(file) {
            Ok(text) => texts.push((file.clone(), text)),
            Err(e) => {
                eprintln!("cannot read {file}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }

    let jieba_new_ms = median_ms(runs, Jieba::new);
    let tfidf_ms = median_ms(runs, TfIdf::default);
    let analyzer_new_ms = median_ms(runs, Analyzer::new);
    let analyzer_model_ms = median_ms(runs, Analyzer::with_embedded_model);

    let jieba = Jieba::new();
    let analyzer = Analyzer::with_embedded_model();
    let options = Options::default();
    // Lazily built tables must not land in the first timed call.
    let warm = &texts[0].1;
    black_box(jieba.tag(warm, true).len());
    black_box(analyzer.analyse(warm, &options));

    let mut per_file = Vec::new();
    for (file, text) in &texts {
        eprintln!("native: {file} ({} bytes) …", text.len());
        let bytes = text.len();
        let cut_ms = median_ms(runs, || jieba.cut(black_box(text), true).len());
        let tag_ms = median_ms(runs, || jieba.tag(black_box(text), true).len());
        let analyse_ms = median_ms(runs, || analyzer.analyse(black_box(text), &options));
        let stages = stage_medians(runs, &analyzer, text, &options);
        per_file.push(json!({
            "file": file,
            "bytes": bytes,
            "chars": text.chars().count(),
            "jieba_cut_ms": cut_ms,
            "jieba_cut_mb_s": mb_per_s(bytes, cut_ms),
            "jieba_tag_ms": tag_ms,
            "jieba_tag_mb_s": mb_per_s(bytes, tag_ms),
            "analyse_ms": analyse_ms,
            "analyse_mb_s": mb_per_s(bytes, analyse_ms),
            "analyse_stages_ms": stages,
        }));
    }

    let out: Value = json!({
        "machine": machine(),
        "runs": runs,
        "jieba_new_ms": jieba_new_ms,
        "jieba_tfidf_ms": tfidf_ms,
        "analyzer_new_ms": analyzer_new_ms,
        "analyzer_with_model_ms": analyzer_model_ms,
        "files": per_file,
    });
    println!("{out:#}");
    ExitCode::SUCCESS
}
