//! The lexicon is jieba-rs 0.11's own data, losslessly: the segmenter built from it cuts and
//! tags as `Jieba::new()` does, and every IDF is `TfIdf::default()`'s to the bit. jieba-rs with
//! its embedded files is a dev-dependency: the oracle.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TfIdf};

use super::*;

/// Magic, checksum, six counts, median.
const HEADER_LEN: usize = 8 + 8 + 4 * 6 + 8;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(embedded)
}

fn jieba_new() -> &'static Jieba {
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(Jieba::new)
}

fn ours() -> &'static Jieba {
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(|| lexicon().jieba())
}

/// A seeded xorshift: the same shuffle on every run.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        items.swap(i, (seed % (i as u64 + 1)) as usize);
    }
}

/// Every dictionary word once, in a shuffled order, with no separator: each word's frequency
/// decides where the text is cut.
fn all_words_text(lexicon: &Lexicon) -> String {
    let mut words: Vec<&str> = lexicon.dict_entries().map(|(w, _, _)| w).collect();
    shuffle(&mut words, 0x9e37_79b9_7f4a_7c15);
    words.concat()
}

/// The repository's own texts: fixtures of the engine and end-to-end tests.
fn sample_texts() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut texts = Vec::new();
    for dir in ["tests/e2e/fixtures", "crates/core/tests/fixtures"] {
        let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok()),
        );
    }
    assert!(texts.len() >= 3, "found only {} sample texts", texts.len());
    texts
}

/// The first place where two segmenters cut or tag `text` differently.
fn first_difference(a: &Jieba, b: &Jieba, text: &str) -> Option<String> {
    let (ca, cb) = (a.cut(text, true), b.cut(text, true));
    if let Some(i) = (0..ca.len().min(cb.len())).find(|&i| ca[i].word != cb[i].word) {
        return Some(format!("cut #{i}: {:?} vs {:?}", ca[i].word, cb[i].word));
    }
    if ca.len() != cb.len() {
        return Some(format!("cut into {} vs {} words", ca.len(), cb.len()));
    }
    let (ta, tb) = (a.tag(text, true), b.tag(text, true));
    let same = ta.len() == tb.len()
        && ta
            .iter()
            .zip(&tb)
            .all(|(x, y)| (x.word, x.tag) == (y.word, y.tag));
    (!same).then(|| "tags differ".to_string())
}

#[test]
fn the_dictionary_is_jiebas() {
    assert_eq!(lexicon().dict_len(), 349_045);
    // jieba's Debug shows its word count and total frequency.
    assert_eq!(format!("{:?}", ours()), format!("{:?}", jieba_new()));
    assert!(format!("{:?}", ours()).contains(&lexicon().total_freq().to_string()));
    let text = all_words_text(lexicon());
    assert_eq!(first_difference(ours(), jieba_new(), &text), None);
    for sample in sample_texts() {
        assert_eq!(first_difference(ours(), jieba_new(), &sample), None);
    }
}

#[test]
fn one_changed_frequency_is_caught() {
    let mut changed = lexicon().clone();
    let i = (0..changed.len())
        .find(|&i| changed.word(i) == "中国")
        .expect("中国");
    changed.freq[i] = 3;
    let text = all_words_text(&changed);
    assert!(first_difference(&changed.jieba(), jieba_new(), &text).is_some());
}

/// jieba's IDF of each word, read through `TfIdf` itself: in a text holding `n` distinct words
/// once each, segmented by a dictionary of exactly those words, a word weighs `idf / n`, and
/// with `n` a power of two `weight × n` is exact. `None` where a word does not stay whole.
fn jiebas_idfs(words: &[&str]) -> Vec<Option<f64>> {
    let mut tfidf = TfIdf::default();
    *tfidf.config_mut() = KeywordExtractConfig::builder()
        .set_stop_words(BTreeSet::from(["\n".to_string()]))
        .min_keyword_length(1)
        .use_hmm(false)
        .build();
    let mut jieba = Jieba::empty();
    for w in words {
        jieba.add_word(w, Some(2), Some("n"));
    }
    let ask = |chunk: &[&str]| -> std::collections::HashMap<String, f64> {
        let scale = chunk.len() as f64;
        tfidf
            .extract_keywords(&jieba, &chunk.join("\n"), usize::MAX, Vec::new())
            .into_iter()
            .map(|k| (k.keyword, k.weight * scale))
            .collect()
    };
    let mut out = Vec::with_capacity(words.len());
    for chunk in words.chunks(1024) {
        let got = if chunk.len().is_power_of_two() {
            ask(chunk)
        } else {
            Default::default()
        };
        if chunk.iter().all(|w| got.contains_key(*w)) && got.len() == chunk.len() {
            out.extend(chunk.iter().map(|w| got.get(*w).copied()));
        } else {
            out.extend(chunk.iter().map(|w| ask(&[w]).get(*w).copied()));
        }
    }
    out
}

#[test]
fn every_idf_is_jiebas_to_the_bit() {
    let entries: Vec<(&str, f64)> = lexicon().idf_entries().collect();
    assert_eq!(entries.len(), 270_132);
    let words: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let theirs = jiebas_idfs(&words);
    let mut unprobed = 0;
    for ((word, ours), theirs) in entries.iter().zip(theirs) {
        match theirs {
            Some(v) => assert_eq!(v.to_bits(), ours.to_bits(), "{word}"),
            None => unprobed += 1,
        }
    }
    // Words with chars jieba cuts apart alone (`·`, spaces) cannot be asked about this way.
    assert!(unprobed < 200, "{unprobed} words not checked");
    // jieba's median, as it gives a word it lacks.
    let lacking = jiebas_idfs(&["\u{9f98}\u{9f98}\u{9f98}\u{9f98}"])[0];
    assert_eq!(
        lacking.map(f64::to_bits),
        Some(lexicon().median_idf().to_bits())
    );
}

#[test]
fn the_file_round_trips_and_is_rebuilt_the_same() {
    let bytes = lexicon().to_bytes();
    assert_eq!(bytes, include_bytes!("../../models/lexicon.bin").to_vec());
    assert_eq!(&Lexicon::from_bytes(&bytes).as_ref(), &Ok(lexicon()));
}

const SMALL_DICT: &str = "中国 100 ns\n中国人 20 n\n人 500 n\n·号 1 x\n龘 0\n";
const SMALL_IDF: &str = "中国 3.5\n美国 7.25\n中国 4.5\n人 3.5\nbad\n";

#[test]
fn sources_are_read_as_jieba_reads_them() {
    let lexicon = from_sources(SMALL_DICT, SMALL_IDF).expect("reads");
    let dict: Vec<_> = lexicon.dict_entries().collect();
    assert_eq!(
        dict,
        [
            ("·号", 1, "x"),
            ("中国", 100, "ns"),
            ("中国人", 20, "n"),
            ("人", 500, "n"),
            ("龘", 0, "")
        ]
    );
    let idf: Vec<_> = lexicon.idf_entries().collect();
    // The later line wins; the median is over every line read: 3.5 3.5 4.5 7.25.
    assert_eq!(idf, [("中国", 4.5), ("人", 3.5), ("美国", 7.25)]);
    assert_eq!(lexicon.median_idf(), 3.5);
    assert_eq!(lexicon.total_freq(), 621);
    let again = Lexicon::from_bytes(&lexicon.to_bytes()).expect("decodes");
    assert_eq!(again, lexicon);
    assert!(from_sources("中国 1 n\n中国 2 n\n", "").is_err());
    assert!(from_sources("中国 x n\n", "").is_err());
}

#[test]
fn damaged_files_are_refused_without_panicking() {
    let good = from_sources(SMALL_DICT, SMALL_IDF)
        .expect("reads")
        .to_bytes();
    for len in 0..good.len() {
        assert!(Lexicon::from_bytes(&good[..len]).is_err(), "cut at {len}");
    }
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for i in 0..good.len() * 8 {
        let mut bad = good.clone();
        bad[i / 8] ^= 1 << (i % 8);
        assert!(Lexicon::from_bytes(&bad).is_err(), "bit {i}");
        // With the checksum made to match, the structure checks must hold alone: no panic.
        if i / 8 >= SUMMED_FROM {
            let sum = checksum(&bad[SUMMED_FROM..]).to_le_bytes();
            bad[8..SUMMED_FROM].copy_from_slice(&sum);
            let _ = Lexicon::from_bytes(&bad);
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut noise = good.clone();
        noise[HEADER_LEN..]
            .iter_mut()
            .step_by(3)
            .for_each(|b| *b ^= seed as u8);
        let sum = checksum(&noise[SUMMED_FROM..]).to_le_bytes();
        noise[8..SUMMED_FROM].copy_from_slice(&sum);
        let _ = Lexicon::from_bytes(&noise);
    }
    let err = Lexicon::from_bytes(b"WXNE\x01\x00").unwrap_err();
    assert!(err.contains("magic"), "{err}");
    let mut later = good.clone();
    later[7] = b'9';
    assert!(Lexicon::from_bytes(&later).unwrap_err().contains("version"));
}
