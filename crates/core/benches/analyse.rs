//! Times `Analyzer::new()` and `analyse()` of a ~20 KB article, printing medians and the machine.
//! Run with `cargo bench -p wenxi-core`. Prints only: absolute times drift on shared machines.

use std::hint::black_box;
use std::time::{Duration, Instant};

use wenxi_core::{Analyzer, Options};

const FIXTURE: &str = include_str!("../tests/fixtures/news.txt");

/// About 20 KB: the fixture repeated with each copy varied (numbered, paragraphs rotated), so the
/// text is not one paragraph ranked twelve times over.
fn article(target_bytes: usize) -> String {
    let paragraphs: Vec<&str> = FIXTURE.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = String::new();
    let mut round = 0;
    while out.len() < target_bytes {
        for k in 0..paragraphs.len() {
            let p = paragraphs[(k + round) % paragraphs.len()];
            out.push_str(&format!("（{}）{p}\n\n", round * paragraphs.len() + k + 1));
        }
        round += 1;
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn machine() -> String {
    let arch = std::process::Command::new("uname")
        .arg("-m")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(str::trim)
        .unwrap_or("unknown CPU");
    let cores = cpuinfo
        .lines()
        .filter(|l| l.starts_with("processor"))
        .count();
    format!("{arch}, {model}, {cores} logical CPUs")
}

fn main() {
    println!("machine: {}", machine());
    let text = article(20 * 1024);
    println!("text: {} bytes, {} chars", text.len(), text.chars().count());

    let new_times: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            black_box(Analyzer::with_embedded_model());
            t.elapsed()
        })
        .collect();
    println!(
        "Analyzer + model load median {:>9.2?} over {} runs",
        median(new_times),
        5
    );

    let analyzer = Analyzer::with_embedded_model();
    let options = Options::default();
    black_box(analyzer.analyse(&text, &options)); // warm-up
    let runs = 15;
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(analyzer.analyse(black_box(&text), &options));
            t.elapsed()
        })
        .collect();
    let min = times.iter().min().copied().unwrap_or_default();
    println!(
        "analyse(20 KB)        median {:>9.2?} (min {:.2?}) over {runs} runs",
        median(times.clone()),
        min
    );
    // Side by side, the segmenter alone: plain jieba-rs tagging of the same text (HMM on), the
    // least any analysis must do. The ratio says what the rest of the report costs.
    let jieba = jieba_rs::Jieba::new();
    black_box(jieba.tag(&text, true));
    let tag_times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(jieba.tag(black_box(&text), true));
            t.elapsed()
        })
        .collect();
    let analyse_median = median(times.clone());
    let tag_median = median(tag_times);
    println!(
        "jieba-rs tag(20 KB)   median {:>9.2?} over {runs} runs; analyse / tag = {:.1}",
        tag_median,
        analyse_median.as_secs_f64() / tag_median.as_secs_f64().max(1e-9)
    );
    let report = analyzer.analyse(&text, &options);
    println!(
        "report: {} keywords, {} textrank, {} entities, {} cloud words",
        report.keywords.len(),
        report.textrank.len(),
        report.entities.len(),
        report.cloud.words.len()
    );
}
