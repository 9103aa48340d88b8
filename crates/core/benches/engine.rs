//! How long the engine takes to load (dictionary, IDF table, entity model), then, side by side
//! on 20 KB, 1 MB and 5 MB of news-like text: bare jieba-rs `cut(text, true)`, bare
//! `tag(text, true)` and the full `Analyzer::analyse` (embedded entity model), in MB/s, plus where
//! the analysis spends its time per stage.
//!
//! Run with `cargo bench -p wenxi-core --bench engine` (a few minutes on 2 cores). Absolute
//! figures drift on shared machines; the ratios printed at the end are what to compare.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};
use jieba_rs::Jieba;
use wenxi_core::{Analyzer, Options, StageTimes};

#[path = "common/machine.rs"]
mod common;
use common::machine;

const FIXTURES: [&str; 3] = [
    include_str!("../tests/fixtures/news.txt"),
    include_str!("../../../tests/e2e/fixtures/article.txt"),
    include_str!("../../../tests/e2e/fixtures/article2.txt"),
];

/// (label, bytes, criterion measurement time)
const SIZES: [(&str, usize, u64); 3] = [
    ("20KB", 20 * 1024, 3),
    ("1MB", 1 << 20, 8),
    ("5MB", 5 << 20, 10),
];

const FUNCTIONS: [&str; 3] = ["jieba_cut", "jieba_tag", "analyse"];

/// At least `target_bytes` of text: the fixtures' paragraphs, each copy numbered, rotated and every
/// other copy reversed, so no stretch is one paragraph repeated verbatim.
fn article(target_bytes: usize) -> String {
    let paragraphs: Vec<&str> = FIXTURES
        .iter()
        .flat_map(|f| f.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let n = paragraphs.len();
    let mut out = String::with_capacity(target_bytes + 4096);
    let mut round = 0;
    while out.len() < target_bytes {
        for k in 0..n {
            // Rotated by one more each round, and read backwards every other round.
            let i = if round % 2 == 0 { k } else { n - 1 - k };
            let p = paragraphs[(i + round) % n];
            out.push_str(&format!("（{}）{p}\n\n", round * n + k + 1));
        }
        round += 1;
    }
    out
}

fn print_stages(label: &str, bytes: usize, times: &StageTimes) {
    let total = times.total_ms();
    let mb_s = bytes as f64 / 1e6 / (total / 1e3).max(1e-9);
    println!("stages of analyse({label}): total {total:.1} ms ({mb_s:.2} MB/s), one run");
    for (name, ms) in times.rows() {
        println!(
            "  {name:<10} {ms:>9.1} ms {:>5.1} %",
            100.0 * ms / total.max(1e-9)
        );
    }
}

fn configure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, bytes: usize) {
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    // One iteration of the large inputs takes long; don't scale the iteration count.
    group.sampling_mode(if bytes > 100 * 1024 {
        SamplingMode::Flat
    } else {
        SamplingMode::Auto
    });
}

/// Criterion's mean for `group/function` in this run, in ns (read back from its estimates file).
fn mean_ns(dir: &std::path::Path, group: &str, function: &str, since: SystemTime) -> Option<f64> {
    let path = dir.join(group).join(function).join("new/estimates.json");
    let fresh = std::fs::metadata(&path).ok()?.modified().ok()? >= since;
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    fresh.then(|| json["mean"]["point_estimate"].as_f64())?
}

/// Where criterion writes: `$CRITERION_HOME`, else `<target dir>/criterion`.
fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(home.into());
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(PathBuf::from(target).join("criterion"));
    }
    // target/<profile>/deps/engine-<hash>
    let exe = std::env::current_exe().ok()?;
    Some(exe.ancestors().nth(3)?.join("criterion"))
}

fn main() {
    println!("machine: {}", machine());
    let started = SystemTime::now();
    let mut c = Criterion::default().configure_from_args();

    {
        let mut group = c.benchmark_group("load");
        group.sample_size(10);
        group.bench_function("analyzer_with_model", |b| {
            b.iter(Analyzer::with_embedded_model)
        });
        group.finish();
    }

    let t = Instant::now();
    let analyzer = Analyzer::with_embedded_model();
    let jieba = Jieba::new();
    println!("Analyzer + model + plain Jieba load: {:.2?}", t.elapsed());
    let options = Options::default();
    // Lazily built tables (first use of the HMM, the model) must not land in the first breakdown.
    black_box(analyzer.analyse(&article(20 * 1024), &options));
    let origin = Instant::now();
    let clock = || origin.elapsed().as_secs_f64() * 1e3;

    for (label, bytes, secs) in SIZES {
        let text = article(bytes);
        println!(
            "\ninput {label}: {} bytes, {} chars",
            text.len(),
            text.chars().count()
        );
        let (_, times) = analyzer.analyse_timed(&text, &options, &clock);
        print_stages(label, text.len(), &times);

        let mut group = c.benchmark_group(label);
        configure(&mut group, text.len());
        group.measurement_time(Duration::from_secs(secs));
        group.bench_function(FUNCTIONS[0], |b| {
            b.iter(|| jieba.cut(black_box(&text), true).len())
        });
        group.bench_function(FUNCTIONS[1], |b| {
            b.iter(|| jieba.tag(black_box(&text), true).len())
        });
        group.bench_function(FUNCTIONS[2], |b| {
            b.iter(|| analyzer.analyse(black_box(&text), &options))
        });
        group.finish();
    }
    c.final_summary();

    let Some(dir) = criterion_dir() else { return };
    println!("\nmean time ratios, this run (machine: {}):", machine());
    for (label, _, _) in SIZES {
        let [cut, tag, full] = FUNCTIONS.map(|f| mean_ns(&dir, label, f, started));
        if let (Some(cut), Some(tag), Some(full)) = (cut, tag, full) {
            println!(
                "  {label:<5} tag/cut {:>5.2}   analyse/tag {:>5.2}   analyse/cut {:>5.2}",
                tag / cut,
                full / tag,
                full / cut
            );
        }
    }
}
