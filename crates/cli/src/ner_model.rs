//! `wenxi train-ner` and `wenxi eval-ner`: training the entity model from the annotated corpora
//! and measuring it, one command each.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use wenxi_core::ner::{self, corpus, NerModel, Scheme, TrainOptions, Trainer, TrainingSentence};

/// Every `DEV_EVERY`-th MSRA sentence (index 0, 10, 20 …) is the development split: never
/// trained on, and the same sentences `examples/eval_msra.rs` scores the rule-based finder on.
pub const DEV_EVERY: usize = 10;

/// What `train-ner` was asked for.
pub struct TrainArgs {
    pub msra: PathBuf,
    pub pd1998: Option<PathBuf>,
    pub epochs: usize,
    pub scheme: Scheme,
    pub hash_bits: u8,
    pub out: PathBuf,
}

fn read_corpus(path: &Path, what: &str) -> Result<String> {
    if !path.exists() {
        bail!(
            "{what} corpus not found at {} (the corpora are not part of the repository; \
             see ../shared/corpora/README.md)",
            path.display()
        );
    }
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// MSRA sentences split into (training, development).
fn msra_split(path: &Path) -> Result<(Vec<TrainingSentence>, Vec<TrainingSentence>)> {
    let all = corpus::read_bio(&read_corpus(path, "MSRA")?);
    if all.is_empty() {
        bail!("{} holds no BIO sentences", path.display());
    }
    let (dev, train): (Vec<_>, Vec<_>) = all
        .into_iter()
        .enumerate()
        .partition(|(i, _)| i % DEV_EVERY == 0);
    let strip = |v: Vec<(usize, TrainingSentence)>| v.into_iter().map(|(_, s)| s).collect();
    Ok((strip(train), strip(dev)))
}

/// Trains on MSRA (minus the development split) and optionally People's Daily 1998, writes
/// the model, and reports its development-split scores on `log`.
pub fn train(args: &TrainArgs, log: &mut dyn Write) -> Result<()> {
    let (mut sentences, dev) = msra_split(&args.msra)?;
    if let Some(pd) = &args.pd1998 {
        let extra = corpus::read_pd1998(&read_corpus(pd, "People's Daily 1998")?);
        writeln!(log, "People's Daily 1998: {} paragraphs", extra.len())?;
        sentences.extend(extra);
    }
    writeln!(
        log,
        "MSRA: {} training sentences (+ any above), {} held out",
        sentences.len(),
        dev.len()
    )?;
    let started = Instant::now();
    let jieba = wenxi_core::lexicon::embedded().jieba();
    let options = TrainOptions {
        scheme: args.scheme,
        hash_bits: args.hash_bits,
        epochs: args.epochs,
        ..TrainOptions::default()
    };
    let mut trainer = Trainer::new(&jieba, options);
    sentences.iter().for_each(|s| trainer.add(s));
    writeln!(
        log,
        "featurised {} pieces in {:.1}s",
        trainer.len(),
        started.elapsed().as_secs_f64()
    )?;
    let model = trainer.train(|epoch, wrong| {
        let _ = writeln!(
            log,
            "epoch {epoch}: {wrong} pieces wrong ({:.1}s)",
            started.elapsed().as_secs_f64()
        );
    });
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    writeln!(
        log,
        "wrote {} ({} bytes) after {:.1}s; development split (every {DEV_EVERY}th MSRA sentence):",
        args.out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    )?;
    write!(log, "{}", model.evaluate(&jieba, &dev))?;
    Ok(())
}

/// Scores a model (the embedded one unless `model` is given) on a BIO file, or on its
/// development split only.
pub fn eval(
    file: &Path,
    pd1998: bool,
    dev_split: bool,
    model: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let model = match model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            NerModel::from_bytes(&bytes).with_context(|| format!("loading {}", p.display()))?
        }
        None => ner::embedded().context("loading the embedded entity model")?,
    };
    let sentences = if pd1998 {
        corpus::read_pd1998(&read_corpus(file, "People's Daily 1998")?)
    } else {
        corpus::read_bio(&read_corpus(file, "BIO")?)
    };
    let sentences: Vec<TrainingSentence> = sentences
        .into_iter()
        .step_by(if dev_split { DEV_EVERY } else { 1 })
        .collect();
    let chars: usize = sentences.iter().map(|s| s.text.len()).sum();
    let jieba = wenxi_core::lexicon::embedded().jieba();
    let started = Instant::now();
    let scores = model.evaluate(&jieba, &sentences);
    let secs = started.elapsed().as_secs_f64();
    writeln!(
        out,
        "sentences: {}{} ({:.1} MB in {secs:.2}s, segmentation included)",
        sentences.len(),
        if dev_split { " (every 10th)" } else { "" },
        chars as f64 / 1e6
    )?;
    write!(out, "{scores}")?;
    Ok(())
}
