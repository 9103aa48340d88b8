//! The learnt entity model: the committed file loads and survives a round trip, damaged files
//! are refused with the right error, long input stays bounded, hand-written sentences (not
//! from any corpus) get sensible entities, and the trainer learns a handful of examples.

use std::sync::OnceLock;
use std::time::Instant;

use jieba_rs::Jieba;
use wenxi_core::entities::EntitySpan;
use wenxi_core::ner::{self, NerModel, NerModelError, Scheme, TrainOptions, Trainer};
use wenxi_core::normalize::Normalized;
use wenxi_core::report::EntityType::{self, Organization, Person, Place};
use wenxi_core::segment;

fn jieba() -> &'static Jieba {
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(Jieba::new)
}

fn model() -> &'static NerModel {
    static M: OnceLock<NerModel> = OnceLock::new();
    M.get_or_init(|| ner::embedded().expect("the committed model loads"))
}

fn label(m: &NerModel, text: &str) -> Vec<EntitySpan> {
    let text = Normalized::new(text).text;
    let tokens = segment::segment(jieba(), &text);
    m.label(jieba(), &text, &tokens)
}

fn has(spans: &[EntitySpan], kind: EntityType, text: &str) -> bool {
    spans.iter().any(|s| s.kind == kind && s.text == text)
}

#[test]
fn embedded_model_round_trips() {
    let m = model();
    assert_eq!(m.scheme(), Scheme::Bioes);
    let bytes = m.to_bytes();
    assert_eq!(NerModel::from_bytes(&bytes).as_ref(), Ok(m));
    assert_eq!(bytes, include_bytes!("../models/ner.bin"));
}

#[test]
fn damaged_files_are_refused() {
    let bytes = model().to_bytes();
    let mut flipped = bytes.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x01;
    assert!(matches!(
        NerModel::from_bytes(&flipped),
        Err(NerModelError::ChecksumMismatch { .. })
    ));
    for cut in [0, 2, 5, 19, 20, mid, bytes.len() - 1] {
        assert!(
            matches!(
                NerModel::from_bytes(&bytes[..cut]),
                Err(NerModelError::Truncated { .. })
            ),
            "cut at {cut}"
        );
    }
    let mut magic = bytes.clone();
    magic[..4].copy_from_slice(b"PK\x03\x04");
    assert_eq!(NerModel::from_bytes(&magic), Err(NerModelError::BadMagic));
    let mut version = bytes.clone();
    version[4..6].copy_from_slice(&(ner::FORMAT_VERSION + 1).to_le_bytes());
    let err = NerModel::from_bytes(&version).expect_err("a newer format is refused");
    assert_eq!(
        err,
        NerModelError::UnsupportedVersion(ner::FORMAT_VERSION + 1)
    );
    assert!(err.to_string().contains("version"));
    // Arbitrary bytes never panic.
    let mut x = 12345u32;
    for len in [0, 1, 7, 24, 100, 5000] {
        let junk: Vec<u8> = (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        assert!(NerModel::from_bytes(&junk).is_err());
    }
}

#[test]
fn long_text_without_punctuation_is_bounded() {
    let pool: Vec<char> =
        "中国人民大学北京上海王李张刘明华建国发展经济会议公司市省县我们他们的了在是有"
            .chars()
            .collect();
    let mut x = 7u32;
    let text: String = (0..34_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            pool[(x >> 16) as usize % pool.len()]
        })
        .collect();
    assert!(text.len() >= 100_000);
    let spans = label(model(), &text);
    let n = text.chars().count();
    let mut last_end = 0;
    for s in &spans {
        assert!(
            s.start >= last_end && s.start < s.end && s.end <= n,
            "{s:?}"
        );
        assert!(s.end - s.start <= ner::MAX_PIECE);
        last_end = s.end;
    }
}

#[test]
fn hand_written_sentences() {
    let m = model();
    let s = label(m, "王建国说，今年村里的粮食产量又创了新高。");
    assert!(has(&s, Person, "王建国"), "{s:?}");
    let s = label(m, "去年夏天，我们一家去浙江省杭州市旅游了一个星期。");
    assert!(
        s.iter().any(|e| e.kind == Place && e.text.contains("杭州")),
        "{s:?}"
    );
    let s = label(m, "她从清华大学毕业以后，在深圳的一家公司工作。");
    assert!(has(&s, Organization, "清华大学"), "{s:?}");
    assert!(has(&s, Place, "深圳"), "{s:?}");
    let s = label(m, "今天天气很好，我们吃了饭就出去散步。");
    assert!(s.is_empty(), "{s:?}");
    assert!(label(m, "").is_empty());
}

#[test]
fn a_tiny_training_run_learns_its_examples() {
    let examples = [
        ("赵小明在长沙工作。", vec![(Person, 0, 3), (Place, 4, 6)]),
        (
            "钱多多加入了星火科技公司。",
            vec![(Person, 0, 3), (Organization, 6, 12)],
        ),
        ("孙红去南京开会。", vec![(Person, 0, 2), (Place, 3, 5)]),
        (
            "东海大学位于青岛。",
            vec![(Organization, 0, 4), (Place, 6, 8)],
        ),
        ("今天下了一场大雨。", vec![]),
    ];
    let sentences: Vec<_> = examples
        .iter()
        .map(|(t, s)| ner::TrainingSentence {
            text: t.to_string(),
            spans: s.clone(),
        })
        .collect();
    let options = TrainOptions {
        hash_bits: 12,
        epochs: 10,
        ..TrainOptions::default()
    };
    let mut trainer = Trainer::new(jieba(), options);
    sentences.iter().for_each(|s| trainer.add(s));
    let model = trainer.train(|_, _| {});
    let scores = model.evaluate(jieba(), &sentences);
    assert_eq!(scores.prf(None).f1, 1.0, "\n{scores}");
    let again = NerModel::from_bytes(&model.to_bytes()).expect("round trip");
    assert_eq!(again, model);
}

/// The development split (every 10th MSRA sentence), first 500: a regression guard well
/// below the measured figure. Skips when the corpus is absent.
#[test]
fn development_split_sample() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/ner/msra_train.bio"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipping: MSRA corpus not found at {path}");
        return;
    };
    let dev: Vec<_> = ner::corpus::read_bio(&text)
        .into_iter()
        .step_by(10)
        .take(500)
        .collect();
    let scores = model().evaluate(jieba(), &dev);
    println!("{scores}");
    assert!(scores.prf(None).f1 > 0.85, "\n{scores}");
}

/// Labelling speed, segmentation excluded (`cargo test --release -p wenxi-core --test ner_model
/// -- --ignored --nocapture`).
#[test]
#[ignore]
fn speed() {
    let article = include_str!("fixtures/news.txt");
    let text = Normalized::new(&article.repeat(600)).text;
    let tokens = segment::segment(jieba(), &text);
    let started = Instant::now();
    let spans = model().label(jieba(), &text, &tokens);
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} bytes, {} entities, {:.1} MB/s",
        text.len(),
        spans.len(),
        text.len() as f64 / secs / 1e6
    );
}
