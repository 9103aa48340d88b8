//! The model's weights and its versioned binary file format.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 0..4 | magic `WXNE` |
//! | 4..6 | format version (u16, [`FORMAT_VERSION`]) |
//! | 6..8 | feature template version (u16, [`super::features::TEMPLATE_VERSION`]) |
//! | 8 | tag scheme (1 = BIO, 2 = BIOES) |
//! | 9 | number of tags |
//! | 10 | hash bits (the table has 2^bits buckets) |
//! | 11 | bytes per weight (1: i8) |
//! | 12..16 | scale (f32): one weight unit in perceptron units, for information |
//! | 16..20 | payload length (u32) |
//! | 20.. | payload: transitions, then the emission weights (below) |
//! | last 4 | CRC-32 (IEEE) of everything before it |
//!
//! The payload:
//! 1. transitions as i16, (tags + 2) rows × tags (start, one per previous tag, end);
//! 2. per bucket (2^bits of them), a u16 mask whose bit `t` says the bucket's weight for tag
//!    `t` is not zero (bits at or above the tag count are 0);
//! 3. those weights as i8, bucket by bucket, tag by tag: only the ones the masks announce,
//!    none of them zero.
//!
//! Version 1 stored every bucket's weights whole. Only about one weight in seven is not zero,
//! so version 2 is 1.96 MB where version 1 was 6.8 MB (0.80 MB brotli, was 0.92 MB): the
//! browser downloads, checks and copies less before the engine is ready. In memory the table
//! is whole as before.
//!
//! Every check fails with a [`NerModelError`], never a panic: the browser fetches this file and a
//! proxy or a half-finished download must give a readable message, not a crashed worker.

use std::fmt;

use super::tags::Scheme;

const MAGIC: &[u8; 4] = b"WXNE";
/// Version of the file layout above.
pub const FORMAT_VERSION: u16 = 2;
const HEADER_LEN: usize = 20;
/// Hash tables outside this range are refused (bounds what a hostile file can make us allocate).
const MIN_BITS: u8 = 8;
const MAX_BITS: u8 = 24;

/// Why a model file could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum NerModelError {
    /// The file is shorter than its header says (a cut-off download, for instance).
    Truncated { expected: usize, found: usize },
    /// Not a wenxi entity model at all.
    BadMagic,
    /// A file layout this build does not know (a newer model with an older engine?).
    UnsupportedVersion(u16),
    /// Weights trained for other feature templates than this build extracts.
    UnsupportedFeatures(u16),
    /// The stored checksum does not match the contents: the file is corrupt.
    ChecksumMismatch { stored: u32, computed: u32 },
    /// A header field is out of range or inconsistent.
    Invalid(&'static str),
}

impl fmt::Display for NerModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NerModelError::Truncated { expected, found } => write!(
                f,
                "entity model file is truncated: {found} bytes, expected {expected}"
            ),
            NerModelError::BadMagic => write!(f, "not a wenxi entity model (wrong magic bytes)"),
            NerModelError::UnsupportedVersion(v) => write!(
                f,
                "entity model format version {v} is not supported (this build reads {FORMAT_VERSION})"
            ),
            NerModelError::UnsupportedFeatures(v) => write!(
                f,
                "entity model was trained for feature templates v{v}, this build extracts v{}",
                super::features::TEMPLATE_VERSION
            ),
            NerModelError::ChecksumMismatch { stored, computed } => write!(
                f,
                "entity model file is corrupt: checksum {computed:08x}, file says {stored:08x}"
            ),
            NerModelError::Invalid(what) => write!(f, "entity model file is invalid: {what}"),
        }
    }
}

impl std::error::Error for NerModelError {}

/// A trained sequence labeller: emission weights per (feature bucket, tag) and tag transitions,
/// both in integer units so decoding is exact and identical on every platform.
#[derive(Debug, Clone, PartialEq)]
pub struct NerModel {
    pub(crate) scheme: Scheme,
    pub(crate) hash_bits: u8,
    pub(crate) scale: f32,
    /// (n_tags + 2) × n_tags: start row, one row per previous tag, end row.
    pub(crate) transitions: Vec<i16>,
    /// One row per bucket (2^hash_bits), the first n_tags of each used, the rest 0. The file
    /// stores n_tags per bucket; in memory each row is [`ROW`] wide, so summing a char's rows is
    /// fixed-width work the compiler turns into vector adds, and no row straddles a cache line.
    pub(crate) weights: Vec<[i8; ROW]>,
}

/// Width of a weight row in memory: at least the largest tag count (BIOES over three kinds: 13).
pub const ROW: usize = 16;

/// `flat` weights (n_tags per bucket, as in the file) as rows of [`ROW`].
pub(crate) fn rows(flat: impl IntoIterator<Item = i8>, n_tags: usize) -> Vec<[i8; ROW]> {
    let mut out = Vec::new();
    let mut row = [0i8; ROW];
    for (i, w) in flat.into_iter().enumerate() {
        row[i % n_tags] = w;
        if i % n_tags == n_tags - 1 {
            out.push(row);
            row = [0; ROW];
        }
    }
    out
}

impl NerModel {
    /// Number of tags of this model's scheme.
    pub fn n_tags(&self) -> usize {
        self.scheme.n_tags()
    }

    /// The tag scheme (BIO or BIOES) the model was trained with.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The mask that reduces a feature hash to a bucket.
    pub(crate) fn mask(&self) -> u32 {
        (1u32 << self.hash_bits) - 1
    }

    /// Serialises the model in the format described in the module docs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n_tags = self.n_tags();
        let mut masks = Vec::with_capacity(self.weights.len() * 2);
        let mut values = Vec::new();
        for row in &self.weights {
            let mut mask = 0u16;
            for (t, &w) in row[..n_tags].iter().enumerate() {
                if w != 0 {
                    mask |= 1 << t;
                    values.push(w as u8);
                }
            }
            masks.extend_from_slice(&mask.to_le_bytes());
        }
        let payload_len = self.transitions.len() * 2 + masks.len() + values.len();
        let mut out = Vec::with_capacity(HEADER_LEN + payload_len + 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&super::features::TEMPLATE_VERSION.to_le_bytes());
        out.push(self.scheme.code());
        out.push(self.n_tags() as u8);
        out.push(self.hash_bits);
        out.push(1);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(payload_len as u32).to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&masks);
        out.extend_from_slice(&values);
        let crc = crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Reads a model written by [`NerModel::to_bytes`], checking every field.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerModelError> {
        let truncated = |expected: usize| NerModelError::Truncated {
            expected,
            found: bytes.len(),
        };
        if bytes.len() < MAGIC.len() {
            return Err(truncated(HEADER_LEN + 4));
        }
        if &bytes[..4] != MAGIC {
            return Err(NerModelError::BadMagic);
        }
        let u16_at = |i: usize| {
            bytes
                .get(i..i + 2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
        };
        let u32_at = |i: usize| {
            bytes
                .get(i..i + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let version = u16_at(4).ok_or(truncated(HEADER_LEN + 4))?;
        if version != FORMAT_VERSION {
            return Err(NerModelError::UnsupportedVersion(version));
        }
        if bytes.len() < HEADER_LEN {
            return Err(truncated(HEADER_LEN + 4));
        }
        let payload_len = u32_at(16).ok_or(truncated(HEADER_LEN + 4))? as usize;
        let total = HEADER_LEN.saturating_add(payload_len).saturating_add(4);
        if bytes.len() < total {
            return Err(truncated(total));
        }
        if bytes.len() > total {
            return Err(NerModelError::Invalid("trailing bytes after the checksum"));
        }
        let stored = u32_at(total - 4).ok_or(truncated(total))?;
        let computed = crc32(&bytes[..total - 4]);
        if stored != computed {
            return Err(NerModelError::ChecksumMismatch { stored, computed });
        }
        let templates = u16_at(6).ok_or(truncated(total))?;
        if templates != super::features::TEMPLATE_VERSION {
            return Err(NerModelError::UnsupportedFeatures(templates));
        }
        let scheme = Scheme::from_code(bytes[8]).ok_or(NerModelError::Invalid("tag scheme"))?;
        let n_tags = scheme.n_tags();
        if n_tags > ROW {
            return Err(NerModelError::Invalid("more tags than a weight row holds"));
        }
        if usize::from(bytes[9]) != n_tags {
            return Err(NerModelError::Invalid(
                "tag count does not match the scheme",
            ));
        }
        let hash_bits = bytes[10];
        if !(MIN_BITS..=MAX_BITS).contains(&hash_bits) {
            return Err(NerModelError::Invalid("hash size out of range"));
        }
        if bytes[11] != 1 {
            return Err(NerModelError::Invalid("weight width"));
        }
        let scale = f32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
        let n_trans = (n_tags + 2) * n_tags;
        let buckets = 1usize << hash_bits;
        let fixed = n_trans * 2 + buckets * 2;
        if payload_len < fixed {
            return Err(NerModelError::Invalid(
                "payload length does not match the header",
            ));
        }
        let payload = &bytes[HEADER_LEN..total - 4];
        let (trans, rest) = payload.split_at(n_trans * 2);
        let (masks, values) = rest.split_at(buckets * 2);
        Ok(NerModel {
            scheme,
            hash_bits,
            scale,
            transitions: trans
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]]))
                .collect(),
            weights: sparse_rows(masks, values, n_tags)?,
        })
    }
}

/// The weight rows from the file's masks (a u16 per bucket) and non-zero values, refusing a
/// mask with bits beyond the tags, a zero value (the file would not be the one
/// [`NerModel::to_bytes`] writes) and values the masks do not account for.
fn sparse_rows(
    masks: &[u8],
    values: &[u8],
    n_tags: usize,
) -> Result<Vec<[i8; ROW]>, NerModelError> {
    let buckets = masks.len() / 2;
    let beyond = !((1u32 << n_tags) - 1);
    let mut rows = Vec::with_capacity(buckets);
    let mut next = 0;
    for b in 0..buckets {
        let mask = u16::from_le_bytes([masks[2 * b], masks[2 * b + 1]]);
        if u32::from(mask) & beyond != 0 {
            return Err(NerModelError::Invalid(
                "a weight mask names a tag the model lacks",
            ));
        }
        let mut row = [0i8; ROW];
        let mut bits = mask;
        while bits != 0 {
            let t = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let Some(&w) = values.get(next) else {
                return Err(NerModelError::Invalid(
                    "fewer weights than the masks announce",
                ));
            };
            if w == 0 {
                return Err(NerModelError::Invalid("a stored weight is zero"));
            }
            row[t] = w as i8;
            next += 1;
        }
        rows.push(row);
    }
    if next != values.len() {
        return Err(NerModelError::Invalid(
            "more weights than the masks announce",
        ));
    }
    Ok(rows)
}

/// CRC-32 (IEEE 802.3, reflected, as in zip and PNG), a byte at a time from a table built at
/// compile time: bit by bit took ~25 ms of every load (of the 6.8 MB file of format 1).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc = (crc >> 8) ^ CRC_TABLE[usize::from((crc as u8) ^ b)];
    }
    !crc
}

/// The CRC of each byte value, for [`crc32`].
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut k = 0;
        while k < 8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
            k += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> NerModel {
        let scheme = Scheme::Bio;
        let n = scheme.n_tags();
        NerModel {
            scheme,
            hash_bits: MIN_BITS,
            scale: 0.5,
            transitions: (0..(n + 2) * n).map(|i| i as i16 - 20).collect(),
            weights: rows((0..(1usize << MIN_BITS) * n).map(|i| (i % 251) as i8), n),
        }
    }

    /// `bytes` with its payload length and checksum made right again after an edit, so that
    /// only the edit itself can be refused.
    fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
        bytes.truncate(bytes.len() - 4);
        let payload = (bytes.len() - HEADER_LEN) as u32;
        bytes[16..20].copy_from_slice(&payload.to_le_bytes());
        let crc = crc32(&bytes);
        bytes.extend_from_slice(&crc.to_le_bytes());
        bytes
    }

    #[test]
    fn only_the_non_zero_weights_are_stored() {
        let m = tiny();
        let n = m.n_tags();
        let non_zero = m
            .weights
            .iter()
            .flat_map(|r| &r[..n])
            .filter(|&&w| w != 0)
            .count();
        let buckets = 1usize << MIN_BITS;
        assert!(non_zero < buckets * n, "the tiny model has zero weights");
        let expected = HEADER_LEN + (n + 2) * n * 2 + buckets * 2 + non_zero + 4;
        assert_eq!(m.to_bytes().len(), expected);
    }

    #[test]
    fn sparse_weights_that_do_not_add_up_are_refused() {
        let m = tiny();
        let n = m.n_tags();
        let bytes = m.to_bytes();
        assert_eq!(
            NerModel::from_bytes(&resealed(bytes.clone())),
            Ok(m.clone())
        );
        let masks_at = HEADER_LEN + (n + 2) * n * 2;
        let values_at = masks_at + (1usize << MIN_BITS) * 2;
        let invalid = |b: Vec<u8>| match NerModel::from_bytes(&resealed(b)) {
            Err(NerModelError::Invalid(why)) => why,
            other => panic!("expected a refusal, got {other:?}"),
        };
        // A mask bit for a tag the model does not have.
        let mut beyond = bytes.clone();
        beyond[masks_at + 1] |= 0x80;
        assert!(invalid(beyond).contains("tag"));
        // A stored zero: not the file to_bytes writes.
        let mut zero = bytes.clone();
        zero[values_at] = 0;
        assert!(invalid(zero).contains("zero"));
        // One value too many, and one too few.
        let mut extra = bytes.clone();
        extra.insert(bytes.len() - 4, 7);
        assert!(invalid(extra).contains("more weights"));
        let mut short = bytes.clone();
        short.remove(bytes.len() - 5);
        assert!(invalid(short).contains("fewer weights"));
        // Masks cut short by the header's own length.
        let header_only = bytes[..values_at - 2].to_vec();
        assert!(invalid([header_only, vec![0; 4]].concat()).contains("payload length"));
    }

    #[test]
    fn crc_of_a_known_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn round_trip_and_rejections() {
        let m = tiny();
        let bytes = m.to_bytes();
        assert_eq!(NerModel::from_bytes(&bytes), Ok(m));
        for cut in [0, 3, 10, 19, 25, bytes.len() - 1] {
            assert!(matches!(
                NerModel::from_bytes(&bytes[..cut]),
                Err(NerModelError::Truncated { .. })
            ));
        }
        let mut flipped = bytes.clone();
        flipped[100] ^= 0x10;
        assert!(matches!(
            NerModel::from_bytes(&flipped),
            Err(NerModelError::ChecksumMismatch { .. })
        ));
        let mut magic = bytes.clone();
        magic[0] = b'X';
        assert_eq!(NerModel::from_bytes(&magic), Err(NerModelError::BadMagic));
        let mut version = bytes.clone();
        version[4] = 9;
        assert_eq!(
            NerModel::from_bytes(&version),
            Err(NerModelError::UnsupportedVersion(9))
        );
    }
}
