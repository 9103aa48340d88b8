//! Just enough of a zip reader for a `.docx`: the central directory (zip64 too), stored and
//! deflated entries, and hard limits, so a damaged or hostile file is an error and never a
//! panic or a memory blow-up.

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use crate::error::DocxProblem;

/// More entries than any real document has (Word writes a few dozen).
const MAX_ENTRIES: usize = 20_000;
/// Deflate cannot compress better than about 1032:1; a larger declared ratio is a lie.
const MAX_RATIO: u64 = 1100;

/// A zip archive's directory over its bytes.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

struct Entry {
    name: String,
    flags: u16,
    method: u16,
    compressed: u64,
    size: u64,
    offset: u64,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

fn index(value: u64) -> Option<usize> {
    usize::try_from(value).ok()
}

impl<'a> Archive<'a> {
    /// Reads the directory at the end of `bytes`.
    pub fn open(bytes: &'a [u8]) -> Result<Self, DocxProblem> {
        let cut = if bytes.starts_with(b"PK") {
            DocxProblem::Truncated
        } else {
            DocxProblem::NotZip
        };
        let end = find_end(bytes).ok_or(cut)?;
        let (count, dir_offset) = directory(bytes, end).ok_or(DocxProblem::Truncated)?;
        if count > MAX_ENTRIES as u64 {
            return Err(DocxProblem::TooBig);
        }
        let mut at = index(dir_offset).ok_or(DocxProblem::Truncated)?;
        let mut entries = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let (entry, next) = central_entry(bytes, at).ok_or(DocxProblem::Truncated)?;
            entries.push(entry);
            at = next;
        }
        Ok(Archive { bytes, entries })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// The unpacked bytes of entry `name` (`None` if there is none), taking its size from
    /// `budget`: an entry that would exceed it is refused before it is inflated.
    pub fn read(&self, name: &str, budget: &mut u64) -> Result<Option<Vec<u8>>, DocxProblem> {
        let Some(entry) = self.entries.iter().find(|e| e.name == name) else {
            return Ok(None);
        };
        if entry.flags & 1 != 0 {
            return Err(DocxProblem::UnsupportedCompression);
        }
        if entry.size > *budget || entry.size > entry.compressed.saturating_mul(MAX_RATIO) + 4096 {
            return Err(DocxProblem::TooBig);
        }
        *budget -= entry.size;
        let data = self.data(entry).ok_or(DocxProblem::Truncated)?;
        let size = index(entry.size).ok_or(DocxProblem::TooBig)?;
        let unpacked = match entry.method {
            0 if data.len() == size => data.to_vec(),
            0 => return Err(DocxProblem::Corrupt),
            8 => match decompress_to_vec_with_limit(data, size) {
                Ok(out) if out.len() == size => out,
                Ok(_) => return Err(DocxProblem::Corrupt),
                // More output than the directory declared: a lying size.
                Err(e) if e.status == TINFLStatus::HasMoreOutput => {
                    return Err(DocxProblem::TooBig)
                }
                Err(e) if e.status == TINFLStatus::FailedCannotMakeProgress => {
                    return Err(DocxProblem::Truncated)
                }
                Err(_) => return Err(DocxProblem::Corrupt),
            },
            _ => return Err(DocxProblem::UnsupportedCompression),
        };
        Ok(Some(unpacked))
    }

    /// The compressed bytes of `entry`, after its local header.
    fn data(&self, entry: &Entry) -> Option<&'a [u8]> {
        let at = index(entry.offset)?;
        if u32_at(self.bytes, at)? != 0x0403_4b50 {
            return None;
        }
        let name_len = usize::from(u16_at(self.bytes, at + 26)?);
        let extra_len = usize::from(u16_at(self.bytes, at + 28)?);
        let start = at.checked_add(30 + name_len + extra_len)?;
        let end = start.checked_add(index(entry.compressed)?)?;
        self.bytes.get(start..end)
    }
}

/// Where the end-of-central-directory record starts: the last signature within the 64 KB
/// comment window whose record fits in the file.
fn find_end(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(22)?;
    let first = last.saturating_sub(u16::MAX as usize);
    (first..=last)
        .rev()
        .find(|&at| bytes.get(at..at + 4) == Some(b"PK\x05\x06"))
}

/// Number of entries and offset of the central directory, from the end record (or its zip64
/// twin when the classic fields are saturated).
fn directory(bytes: &[u8], end: usize) -> Option<(u64, u64)> {
    let count = u16_at(bytes, end + 10)?;
    let offset = u32_at(bytes, end + 16)?;
    if count != u16::MAX && offset != u32::MAX {
        return Some((u64::from(count), u64::from(offset)));
    }
    let locator = end.checked_sub(20)?;
    if u32_at(bytes, locator)? != 0x0706_4b50 {
        return Some((u64::from(count), u64::from(offset)));
    }
    let end64 = index(u64_at(bytes, locator + 8)?)?;
    if u32_at(bytes, end64)? != 0x0606_4b50 {
        return None;
    }
    Some((u64_at(bytes, end64 + 32)?, u64_at(bytes, end64 + 48)?))
}

/// The central-directory entry at `at` and where the next one starts.
fn central_entry(bytes: &[u8], at: usize) -> Option<(Entry, usize)> {
    if u32_at(bytes, at)? != 0x0201_4b50 {
        return None;
    }
    let name_len = usize::from(u16_at(bytes, at + 28)?);
    let extra_len = usize::from(u16_at(bytes, at + 30)?);
    let comment_len = usize::from(u16_at(bytes, at + 32)?);
    let name_at = at + 46;
    let name = bytes.get(name_at..name_at + name_len)?;
    let extra = bytes.get(name_at + name_len..name_at + name_len + extra_len)?;
    let mut entry = Entry {
        name: String::from_utf8_lossy(name).into_owned(),
        flags: u16_at(bytes, at + 8)?,
        method: u16_at(bytes, at + 10)?,
        compressed: u64::from(u32_at(bytes, at + 20)?),
        size: u64::from(u32_at(bytes, at + 24)?),
        offset: u64::from(u32_at(bytes, at + 42)?),
    };
    apply_zip64(&mut entry, extra);
    Some((entry, name_at + name_len + extra_len + comment_len))
}

/// Replaces saturated sizes and offset by those of the zip64 extra field, which lists only the
/// saturated ones, in this order.
fn apply_zip64(entry: &mut Entry, mut extra: &[u8]) {
    while let (Some(id), Some(len)) = (u16_at(extra, 0), u16_at(extra, 2)) {
        let len = usize::from(len);
        let Some(field) = extra.get(4..4 + len) else {
            return;
        };
        if id == 1 {
            let mut at = 0;
            for value in [&mut entry.size, &mut entry.compressed, &mut entry.offset] {
                if *value == u64::from(u32::MAX) {
                    if let Some(v) = u64_at(field, at) {
                        *value = v;
                    }
                    at += 8;
                }
            }
            return;
        }
        extra = &extra[4 + len..];
    }
}
