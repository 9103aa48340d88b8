//! Bytes → text: byte-order marks, UTF-8, UTF-16 and GB18030, and telling text from binary.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::{Format, ImportError, Imported, Note};

/// Text decoded from a file's bytes, before any format-specific reading.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// No byte-order mark or declaration said so: the encoding was inferred.
    pub guessed: bool,
    /// Undecodable sequences replaced by U+FFFD.
    pub replaced: usize,
}

impl Decoded {
    /// The import of this text, after `read` has turned it into the reader's text.
    pub fn into_imported(self, format: Format, read: impl FnOnce(String) -> String) -> Imported {
        let mut notes = Vec::new();
        if self.guessed && self.encoding != UTF_8 {
            notes.push(Note::DecodedAs {
                encoding: name(self.encoding),
            });
        }
        if self.replaced > 0 {
            notes.push(Note::Replaced {
                count: self.replaced,
            });
        }
        Imported {
            text: read(self.text),
            format,
            encoding: name(self.encoding),
            notes,
        }
    }
}

/// The encoding's WHATWG name, but "GB18030" in capitals like the others readers see.
fn name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Decodes `bytes`: a byte-order mark wins, then `declared` (an HTML page's own charset),
/// then valid UTF-8, then UTF-16 without a mark (NULs at every other byte), then GB18030 if
/// it decodes with few errors. Anything else is binary.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, ImportError> {
    let decoded = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, replaced) = decode_counting(encoding, bytes.get(bom..).unwrap_or_default());
        Decoded {
            text,
            encoding,
            guessed: false,
            replaced,
        }
    } else if let Some(encoding) = declared.filter(|&e| e != UTF_8) {
        let (text, replaced) = decode_counting(encoding, bytes);
        if replaced > 0 && std::str::from_utf8(bytes).is_ok() {
            // A page saved again as UTF-8 that kept its old declaration.
            utf8(bytes)
        } else {
            Decoded {
                text,
                encoding,
                guessed: false,
                replaced,
            }
        }
    } else if std::str::from_utf8(bytes).is_ok() {
        utf8(bytes)
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, replaced) = decode_counting(encoding, bytes);
        Decoded {
            text,
            encoding,
            guessed: true,
            replaced,
        }
    } else if bytes.contains(&0) {
        return Err(ImportError::Binary);
    } else {
        let (text, replaced) = decode_counting(GB18030, bytes);
        if !plausible_gb18030(&text, replaced) {
            return Err(ImportError::Binary);
        }
        Decoded {
            text,
            encoding: GB18030,
            guessed: true,
            replaced,
        }
    };
    if looks_binary(&decoded.text) {
        return Err(ImportError::Binary);
    }
    Ok(decoded)
}

fn utf8(bytes: &[u8]) -> Decoded {
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: UTF_8,
        guessed: true,
        replaced: 0,
    }
}

/// UTF-16 without a byte-order mark: an even length, and NULs (the high bytes of ASCII) at
/// one parity of position only, at a good share of them.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = bytes.len() / 2;
    match (even, odd) {
        (0, n) if n * 5 >= pairs * 2 => Some(UTF_16LE),
        (n, 0) if n * 5 >= pairs * 2 => Some(UTF_16BE),
        _ => None,
    }
}

/// Decodes all of `bytes` (no BOM sniffing), replacing malformed sequences by U+FFFD, and
/// counts them.
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(room);
    let mut input = bytes;
    let mut replaced = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
        input = input.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(input.len())
                    .unwrap_or(input.len());
                text.reserve(more.max(16));
            }
            DecoderResult::Malformed(_, _) => {
                replaced += 1;
                text.push('\u{fffd}');
            }
        }
    }
    (text, replaced)
}

/// Few errors (at most 2%) and few private-use characters (at most 1%): GB18030 gives almost
/// every byte pair a meaning, so random bytes decode with few errors, but about one pair in
/// twelve lands in its user-defined (private-use) areas, which real text does not use.
fn plausible_gb18030(text: &str, replaced: usize) -> bool {
    let mut chars = 0usize;
    let mut private = 0usize;
    for c in text.chars() {
        chars += 1;
        private += usize::from(matches!(c, '\u{e000}'..='\u{f8ff}'));
    }
    replaced * 50 <= chars && private * 100 <= chars
}

/// NUL, or more than 2% (and at least 4) control characters other than tab, line ends and form
/// feed: no one writes text like that.
fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    controls >= 4 && controls * 50 > chars
}

/// Line ends become `\n` (a lone `\r` too) and NULs go: the engine and the page count lines by
/// `\n` alone.
pub fn tidy(text: String) -> String {
    if !text.contains(['\r', '\0']) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' => {}
            c => out.push(c),
        }
    }
    out
}
