//! `wenxi train-ner` and `wenxi eval-ner` on small hand-written files (the real corpora are
//! not needed): they train, score, and fail clearly when a corpus is missing.

use std::path::PathBuf;
use std::process::{Command, Output};

fn wenxi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(args)
        .output()
        .expect("the wenxi binary runs")
}

/// `wenxi train-ner` on `corpus`, a small and quick model written to `model`.
fn train(corpus: &str, model: &str) -> Output {
    wenxi(&[
        "train-ner",
        "--msra",
        corpus,
        "--epochs",
        "5",
        "--hash-bits",
        "12",
        "--out",
        model,
    ])
}

/// A BIO file of `n` hand-written sentences in a fresh temporary directory.
fn tiny_corpus(name: &str, n: usize) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("wenxi-ner-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let sentences: [&[(&str, &str)]; 3] = [
        &[
            ("赵小明", "PER"),
            ("在", ""),
            ("长沙", "LOC"),
            ("工作。", ""),
        ],
        &[
            ("钱多多", "PER"),
            ("加入了", ""),
            ("星火科技公司", "ORG"),
            ("。", ""),
        ],
        &[("今天下了一场雨。", "")],
    ];
    let mut bio = String::new();
    for s in sentences.iter().cycle().take(n) {
        for (text, kind) in s.iter() {
            for (i, c) in text.chars().enumerate() {
                let tag = match (kind.is_empty(), i) {
                    (true, _) => "O".to_string(),
                    (false, 0) => format!("B-{kind}"),
                    _ => format!("I-{kind}"),
                };
                bio.push_str(&format!("{c}\t{tag}\n"));
            }
        }
        bio.push('\n');
    }
    let file = dir.join("tiny.bio");
    std::fs::write(&file, bio).expect("write corpus");
    (dir, file)
}

#[test]
fn train_then_evaluate_a_tiny_model() {
    let (dir, corpus) = tiny_corpus("train", 30);
    let model = dir.join("tiny.bin");
    let (c, m) = (corpus.to_str().unwrap(), model.to_str().unwrap());
    let out = train(c, m);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("micro"), "{log}");
    let first = std::fs::read(&model).expect("model written");
    // Deterministic: a second run writes the same bytes.
    let again = train(c, m);
    assert!(again.status.success());
    assert_eq!(std::fs::read(&model).expect("model"), first);

    let out = wenxi(&["eval-ner", c, "--dev-split", "--model", m]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && table.contains("every 10th"),
        "{table}"
    );
    let micro_f1: f64 = table
        .lines()
        .find(|l| l.starts_with("micro"))
        .and_then(|l| l.split('\t').nth(3))
        .and_then(|f| f.parse().ok())
        .expect("a micro row");
    assert!(micro_f1 > 0.8, "{table}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn embedded_model_scores_a_file() {
    let (dir, corpus) = tiny_corpus("eval", 3);
    let out = wenxi(&["eval-ner", corpus.to_str().unwrap()]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for row in ["PER", "LOC", "ORG", "micro"] {
        assert!(table.lines().any(|l| l.starts_with(row)), "{table}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn missing_corpora_fail_clearly() {
    let out = wenxi(&[
        "train-ner",
        "--msra",
        "/no/such/msra.bio",
        "--out",
        "/tmp/x.bin",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("MSRA corpus not found"), "{err}");
    let out = wenxi(&["eval-ner", "/no/such/test.bio"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
}
