//! jieba's dictionary and IDF table in one compact file (`models/lexicon.bin`), decoded in one
//! pass at start-up: no text and no float to parse, nothing to decompress but what brotli undid
//! on the wire.
//!
//! jieba-rs 0.11 embeds `dict.txt` (word, frequency, part of speech) and `idf.txt` (word, IDF)
//! zstd-compressed, which brotli cannot shrink and which are inflated and parsed at every start.
//! This file holds exactly the same data: the union of both word lists, sorted by bytes, with
//! per word its frequency and tag (when in the dictionary) and its IDF (when in the table).
//!
//! Format (little-endian), version 1:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `WXLEXCN1` |
//! | 8 | checksum of everything after it ([`checksum`]) |
//! | 4 × 6 | counts: words, dictionary words, IDF words, distinct chars, tags, distinct IDFs |
//! | 8 | the IDF table's median (f64 bits, as jieba computes it over the file's lines) |
//! | sections | each a u32 length then its bytes, in this order: |
//!
//! 1. `chars`: the distinct chars of all words, most frequent first, as UTF-8. A word's chars
//!    are written as their index here: one byte below 128, else two (`0x80 | hi`, `lo`).
//! 2. `tags`: the part-of-speech tags, joined by `\n`.
//! 3. `idfs`: the distinct IDF values (f64 bits), most frequent first.
//! 4. `shared`: per word, how many leading chars it shares with the word before (front coding).
//! 5. `suffix_len`: per word, how many chars follow those.
//! 6. `suffix`: those chars' codes, all words one after the other.
//! 7. `tag`: per word, 0 when not in the dictionary, else 1 + its tag's index.
//! 8. `freq`: per dictionary word, its frequency (LEB128 varint).
//! 9. `idf`: per word, 0 when not in the IDF table, else 1 + its value's index (varint).
//!
//! Columns apart, not records, because brotli then finds each column's own regularities.

mod encode;
#[cfg(test)]
mod tests;

use jieba_rs::Jieba;

pub use encode::from_sources;

/// The file's first bytes; the last one is the format version.
pub const MAGIC: &[u8; 8] = b"WXLEXCN1";
/// Where the bytes the checksum covers start.
const SUMMED_FROM: usize = 16;
/// Sections after the header.
const SECTIONS: usize = 9;
/// Chars a word may have (jieba's longest has 16; the counts are bytes).
const MAX_WORD_CHARS: usize = 255;

/// jieba-rs 0.11's dictionary and IDF table, decoded.
#[derive(Clone, PartialEq)]
pub struct Lexicon {
    /// Every word, one after the other, sorted by bytes.
    text: String,
    /// Where each word ends in `text`.
    ends: Vec<u32>,
    /// Per word: 0 when not in the dictionary, else 1 + an index into `tags`.
    tag: Vec<u8>,
    /// Per word: its dictionary frequency (0 when not in the dictionary).
    freq: Vec<u32>,
    /// Per word: 0 when not in the IDF table, else 1 + an index into `idf_values`.
    idf: Vec<u16>,
    tags: Vec<Box<str>>,
    idf_values: Vec<f64>,
    median_idf: f64,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("words", &self.len())
            .field("dictionary_words", &self.dict_len())
            .field("idf_words", &self.idf_len())
            .finish_non_exhaustive()
    }
}

/// The lexicon compiled into this binary (feature `embedded-lexicon`; the browser worker
/// fetches the file instead, keeping it out of the wasm).
#[cfg(feature = "embedded-lexicon")]
pub fn embedded() -> Lexicon {
    match Lexicon::from_bytes(include_bytes!("../models/lexicon.bin")) {
        Ok(lexicon) => lexicon,
        // The file is checked by the tests before it can be built in.
        Err(e) => panic!("models/lexicon.bin is unusable: {e}"),
    }
}

/// A 64-bit hash of `bytes`, eight at a time: catches a damaged file at about 1 ms for the
/// whole lexicon in wasm (a bytewise CRC takes several times that).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ x).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(0x0000_0100_0000_01b3);
    h ^ (h >> 29)
}

/// Reads the file front to back; every read is checked.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(format!("truncated: {what} needs {n} bytes at {}", self.at));
        };
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self, what: &str) -> Result<u32, String> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self, what: &str) -> Result<u64, String> {
        let b = self.take(8, what)?;
        Ok(u64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ]))
    }

    fn section(&mut self, what: &str) -> Result<&'a [u8], String> {
        let len = self.u32(what)? as usize;
        self.take(len, what)
    }

    /// A LEB128 varint of at most 64 bits.
    fn varint(&mut self, what: &str) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1, what)?[0];
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(format!(
            "{what}: a number longer than 64 bits at {}",
            self.at
        ))
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// One count of the header (each is checked against the sections once they are read).
fn count(r: &mut Reader, what: &str) -> Result<usize, String> {
    Ok(r.u32(what)? as usize)
}

impl Lexicon {
    /// Decodes a lexicon file, refusing (with the reason) a wrong magic or version, a truncated
    /// or damaged file, or one whose parts disagree.
    pub fn from_bytes(bytes: &[u8]) -> Result<Lexicon, String> {
        if bytes.len() < 8 || bytes[..7] != MAGIC[..7] {
            return Err("not a wenxi lexicon file (wrong magic)".into());
        }
        if bytes[7] != MAGIC[7] {
            return Err(format!(
                "lexicon format version {} is not {}",
                bytes[7] as char, MAGIC[7] as char
            ));
        }
        let mut r = Reader { bytes, at: 8 };
        let sum = r.u64("checksum")?;
        if checksum(&bytes[SUMMED_FROM..]) != sum {
            return Err("damaged or truncated: the checksum does not match".into());
        }
        let words = count(&mut r, "word count")?;
        let dict_words = count(&mut r, "dictionary word count")?;
        let idf_words = count(&mut r, "IDF word count")?;
        let char_count = count(&mut r, "char count")?;
        let tag_count = count(&mut r, "tag count")?;
        let idf_count = count(&mut r, "IDF value count")?;
        let median_idf = f64::from_bits(r.u64("median")?);
        let mut sections = [&[][..]; SECTIONS];
        for (i, s) in sections.iter_mut().enumerate() {
            *s = r.section(&format!("section {}", i + 1))?;
        }
        if !r.done() {
            return Err(format!(
                "{} bytes after the last section",
                bytes.len() - r.at
            ));
        }
        let [chars, tags, idfs, shared, suffix_len, suffix, tag, freq, idf] = sections;

        let chars: Vec<char> = std::str::from_utf8(chars)
            .map_err(|e| format!("chars: {e}"))?
            .chars()
            .collect();
        if chars.len() != char_count {
            return Err(format!(
                "{} chars, the header says {char_count}",
                chars.len()
            ));
        }
        let tags: Vec<Box<str>> = match std::str::from_utf8(tags) {
            Ok(_) if tag_count == 0 => Vec::new(),
            Ok(t) => t.split('\n').map(Box::from).collect(),
            Err(e) => return Err(format!("tags: {e}")),
        };
        if tags.len() != tag_count || tags.len() > 255 {
            return Err(format!("{} tags, the header says {tag_count}", tags.len()));
        }
        if idfs.len() != idf_count * 8 || idf_count > usize::from(u16::MAX) - 1 {
            return Err(format!(
                "{} bytes of IDFs for {idf_count} values",
                idfs.len()
            ));
        }
        let idf_values: Vec<f64> = idfs
            .chunks_exact(8)
            .map(|b| f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
            .collect();
        for (column, name) in [
            (shared, "shared"),
            (suffix_len, "suffix length"),
            (tag, "tag"),
        ] {
            if column.len() != words {
                return Err(format!("{} {name} bytes for {words} words", column.len()));
            }
        }

        let (text, ends) = decode_words(&chars, shared, suffix_len, suffix)?;
        let lexicon_tag = tag.to_vec();
        let mut freqs = Vec::with_capacity(words);
        let mut freq = Reader { bytes: freq, at: 0 };
        let mut in_dict = 0;
        for &t in &lexicon_tag {
            if t == 0 {
                freqs.push(0);
                continue;
            }
            if usize::from(t) > tags.len() {
                return Err(format!("tag {t} of {} tags", tags.len()));
            }
            let f = freq.varint("frequency")?;
            freqs.push(u32::try_from(f).map_err(|_| format!("frequency {f} too large"))?);
            in_dict += 1;
        }
        if in_dict != dict_words || !freq.done() {
            return Err(format!(
                "{in_dict} dictionary words (or frequencies left over); the header says {dict_words}"
            ));
        }
        let mut idf = Reader { bytes: idf, at: 0 };
        let mut idf_index = Vec::with_capacity(words);
        let mut with_idf = 0;
        for _ in 0..words {
            let i = idf.varint("IDF index")?;
            if i > idf_values.len() as u64 {
                return Err(format!("IDF index {i} of {} values", idf_values.len()));
            }
            with_idf += usize::from(i != 0);
            idf_index.push(i as u16);
        }
        if with_idf != idf_words || !idf.done() {
            return Err(format!(
                "{with_idf} IDF words (or bytes left over); the header says {idf_words}"
            ));
        }
        Ok(Lexicon {
            text,
            ends,
            tag: lexicon_tag,
            freq: freqs,
            idf: idf_index,
            tags,
            idf_values,
            median_idf,
        })
    }

    /// How many distinct words (dictionary and IDF table together).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`-th word in byte order.
    pub fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// How many words the dictionary has.
    pub fn dict_len(&self) -> usize {
        self.tag.iter().filter(|&&t| t != 0).count()
    }

    /// How many words the IDF table has.
    pub fn idf_len(&self) -> usize {
        self.idf.iter().filter(|&&i| i != 0).count()
    }

    /// The dictionary's words with their frequency and tag, in byte order.
    pub fn dict_entries(&self) -> impl Iterator<Item = (&str, usize, &str)> {
        (0..self.len()).filter(|&i| self.tag[i] != 0).map(|i| {
            let tag = &self.tags[usize::from(self.tag[i]) - 1];
            (self.word(i), self.freq[i] as usize, &**tag)
        })
    }

    /// The IDF table's words with their IDF, in byte order.
    pub fn idf_entries(&self) -> impl Iterator<Item = (&str, f64)> {
        (0..self.len())
            .filter(|&i| self.idf[i] != 0)
            .map(|i| (self.word(i), self.idf_values[usize::from(self.idf[i]) - 1]))
    }

    /// The sum of the dictionary's frequencies: jieba's `total`.
    pub fn total_freq(&self) -> u64 {
        self.freq.iter().map(|&f| u64::from(f)).sum()
    }

    /// The median of the IDF table, which jieba gives words the table lacks.
    pub fn median_idf(&self) -> f64 {
        self.median_idf
    }

    /// A segmenter with exactly the dictionary `Jieba::new()` loads: the same words,
    /// frequencies, tags and so the same total. (Word ids differ, in byte order here; nothing
    /// jieba returns shows them.)
    pub fn jieba(&self) -> Jieba {
        let mut jieba = Jieba::empty();
        for (word, freq, tag) in self.dict_entries() {
            jieba.add_word(word, Some(freq), Some(tag));
        }
        jieba
    }

    /// The file's bytes (see the module's doc); the same lexicon always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode::to_bytes(self)
    }
}

/// Undoes the front coding: the words, one after the other, and where each ends.
fn decode_words(
    chars: &[char],
    shared: &[u8],
    suffix_len: &[u8],
    suffix: &[u8],
) -> Result<(String, Vec<u32>), String> {
    let mut text = String::with_capacity(suffix.len() * 3);
    let mut ends = Vec::with_capacity(shared.len());
    let mut word: Vec<char> = Vec::with_capacity(MAX_WORD_CHARS);
    let mut codes = Reader {
        bytes: suffix,
        at: 0,
    };
    let mut prev_start = 0;
    for (i, (&keep, &add)) in shared.iter().zip(suffix_len).enumerate() {
        if usize::from(keep) > word.len() || add == 0 {
            return Err(format!("word {i}: shares {keep} chars and adds {add}"));
        }
        word.truncate(usize::from(keep));
        for _ in 0..add {
            let b = codes.take(1, "suffix")?[0];
            let code = if b < 0x80 {
                usize::from(b)
            } else {
                usize::from(b & 0x7f) << 8 | usize::from(codes.take(1, "suffix")?[0])
            };
            let c = *chars
                .get(code)
                .ok_or_else(|| format!("word {i}: char {code} of {}", chars.len()))?;
            word.push(c);
        }
        let start = text.len();
        text.extend(word.iter());
        // Sorted and distinct, or the lookups' binary search would miss words.
        if i > 0 && text[prev_start..start] >= text[start..] {
            return Err(format!("word {i} is out of order"));
        }
        prev_start = start;
        let end = u32::try_from(text.len()).map_err(|_| "words too long".to_string())?;
        ends.push(end);
    }
    if !codes.done() {
        return Err("suffix bytes left over".into());
    }
    Ok((text, ends))
}
