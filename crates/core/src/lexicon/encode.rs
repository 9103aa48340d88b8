//! Making a lexicon from jieba's own text files, read exactly as jieba-rs 0.11 reads them, and
//! writing it (`wenxi build-lexicon`). Deterministic: the same files give the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{checksum, Lexicon, MAGIC, MAX_WORD_CHARS, SUMMED_FROM};

/// Chars a two-byte code can name (`0x80 | hi`, `lo`: 15 bits).
const MAX_CHARS: usize = 1 << 15;

/// What the two files say about one word.
#[derive(Default)]
struct Entry<'a> {
    dict: Option<(u32, &'a str)>,
    idf: Option<f64>,
}

/// The lexicon of a dictionary (`word freq tag` lines, as `Jieba::new()` reads its own) and an
/// IDF table (`word idf` lines, as `TfIdf::default()` does: later lines win, lines without a
/// number are skipped, and the median is over every value read, repeats included).
pub fn from_sources(dict: &str, idf: &str) -> Result<Lexicon, String> {
    let mut entries: BTreeMap<&str, Entry> = BTreeMap::new();
    for (n, line) in dict.lines().enumerate() {
        let mut parts = line.split_ascii_whitespace();
        let Some(word) = parts.next() else { continue };
        let freq = match parts.next() {
            None => 0,
            Some(x) => x
                .parse::<u32>()
                .map_err(|e| format!("dictionary line {}: frequency {x}: {e}", n + 1))?,
        };
        let tag = parts.next().unwrap_or("");
        check_word(word, "dictionary", n)?;
        let entry = entries.entry(word).or_default();
        if entry.dict.is_some() {
            // `Jieba::new()` would keep both records and count both frequencies.
            return Err(format!("dictionary line {}: {word} again", n + 1));
        }
        entry.dict = Some((freq, tag));
    }
    let mut read = Vec::new();
    for (n, line) in idf.lines().enumerate() {
        let mut parts = line.split_whitespace();
        let (Some(word), Some(value)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        check_word(word, "IDF", n)?;
        entries.entry(word).or_default().idf = Some(value);
        read.push(value);
    }
    // jieba's lower median: ascending index (len - 1) / 2.
    read.sort_by(f64::total_cmp);
    let median_idf = read.get(read.len().saturating_sub(1) / 2).copied();

    let tags: Vec<&str> = entries
        .values()
        .filter_map(|e| e.dict.map(|(_, t)| t))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if tags.len() > 255 {
        return Err(format!("{} tags; the format holds 255", tags.len()));
    }
    let idf_values = by_frequency(entries.values().filter_map(|e| e.idf.map(f64::to_bits)));
    if idf_values.len() >= usize::from(u16::MAX) {
        return Err(format!(
            "{} distinct IDFs; the format holds 65534",
            idf_values.len()
        ));
    }
    let chars = by_frequency(entries.keys().flat_map(|w| w.chars()));
    if chars.len() > MAX_CHARS {
        return Err(format!(
            "{} distinct chars; the format holds {MAX_CHARS}",
            chars.len()
        ));
    }
    let tag_index: HashMap<&str, u8> = (1..)
        .zip(tags.iter().copied())
        .map(|(i, t)| (t, i))
        .collect();
    let idf_index: HashMap<u64, u16> = (1..)
        .zip(idf_values.iter().copied())
        .map(|(i, v)| (v, i))
        .collect();

    let mut text = String::new();
    let mut lexicon = Lexicon {
        text: String::new(),
        ends: Vec::with_capacity(entries.len()),
        tag: Vec::with_capacity(entries.len()),
        freq: Vec::with_capacity(entries.len()),
        idf: Vec::with_capacity(entries.len()),
        tags: tags.iter().map(|&t| Box::from(t)).collect(),
        idf_values: idf_values.iter().map(|&b| f64::from_bits(b)).collect(),
        median_idf: median_idf.unwrap_or(0.0),
    };
    for (word, entry) in &entries {
        text.push_str(word);
        lexicon
            .ends
            .push(u32::try_from(text.len()).map_err(|_| "words too long")?);
        let (freq, tag) = entry.dict.map_or((0, 0), |(f, t)| (f, tag_index[t]));
        lexicon.freq.push(freq);
        lexicon.tag.push(tag);
        lexicon
            .idf
            .push(entry.idf.map_or(0, |v| idf_index[&v.to_bits()]));
    }
    lexicon.text = text;
    Ok(lexicon)
}

fn check_word(word: &str, file: &str, line: usize) -> Result<(), String> {
    if word.chars().count() > MAX_WORD_CHARS {
        return Err(format!(
            "{file} line {}: a word over {MAX_WORD_CHARS} chars",
            line + 1
        ));
    }
    Ok(())
}

/// Distinct items, the most frequent first (ties in their own order): small codes for the
/// common ones.
fn by_frequency<T: Ord + Copy>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    let mut ranked: Vec<(T, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.into_iter().map(|(item, _)| item).collect()
}

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub(super) fn to_bytes(lexicon: &Lexicon) -> Vec<u8> {
    let words: Vec<&str> = (0..lexicon.len()).map(|i| lexicon.word(i)).collect();
    let chars = by_frequency(words.iter().flat_map(|w| w.chars()));
    let code: HashMap<char, usize> = chars.iter().enumerate().map(|(i, &c)| (c, i)).collect();

    let (mut shared, mut suffix_len, mut suffix) = (Vec::new(), Vec::new(), Vec::new());
    let mut prev: Vec<char> = Vec::new();
    for word in &words {
        let word: Vec<char> = word.chars().collect();
        let keep = prev.iter().zip(&word).take_while(|(a, b)| a == b).count();
        shared.push(keep as u8);
        suffix_len.push((word.len() - keep) as u8);
        for c in &word[keep..] {
            let i = code[c];
            if i < 0x80 {
                suffix.push(i as u8);
            } else {
                suffix.extend([0x80 | (i >> 8) as u8, i as u8]);
            }
        }
        prev = word;
    }
    let mut freq = Vec::new();
    for (&t, &f) in lexicon.tag.iter().zip(&lexicon.freq) {
        if t != 0 {
            varint(&mut freq, u64::from(f));
        }
    }
    let mut idf = Vec::new();
    for &i in &lexicon.idf {
        varint(&mut idf, u64::from(i));
    }
    let tags = lexicon.tags.join("\n");
    let idfs: Vec<u8> = lexicon
        .idf_values
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let chars: String = chars.iter().collect();

    let mut body = Vec::new();
    for section in [
        chars.as_bytes(),
        tags.as_bytes(),
        &idfs,
        &shared,
        &suffix_len,
        &suffix,
        &lexicon.tag,
        &freq,
        &idf,
    ] {
        body.extend((section.len() as u32).to_le_bytes());
        body.extend_from_slice(section);
    }
    let mut out = MAGIC.to_vec();
    out.extend([0; 8]); // the checksum, once the rest is written
    for n in [
        lexicon.len(),
        lexicon.dict_len(),
        lexicon.idf_len(),
        chars.chars().count(),
        lexicon.tags.len(),
        lexicon.idf_values.len(),
    ] {
        out.extend((n as u32).to_le_bytes());
    }
    out.extend(lexicon.median_idf.to_bits().to_le_bytes());
    out.extend(body);
    let sum = checksum(&out[SUMMED_FROM..]).to_le_bytes();
    out[8..SUMMED_FROM].copy_from_slice(&sum);
    out
}
