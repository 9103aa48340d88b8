//! HTML character references: numeric ones, and the named ones Chinese pages use. An unknown
//! or malformed reference stays as written, as browsers show it.

/// Appends `text` to `out` with its character references decoded.
pub fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((c, len)) => {
                c.push_to(out);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// A decoded reference, inline or named.
enum Decoded {
    Char(char),
    Str(&'static str),
}

impl Decoded {
    fn push_to(&self, out: &mut String) {
        match self {
            Decoded::Char(c) => out.push(*c),
            Decoded::Str(s) => out.push_str(s),
        }
    }
}

/// The reference at the start of `s` (just after `&`) and how many bytes it takes.
fn reference(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (digits_at, radix) = match b.get(1) {
            Some(b'x' | b'X') => (2, 16),
            _ => (1, 10),
        };
        let digits = b[digits_at..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit() && (radix == 16 || c.is_ascii_digit()))
            .count();
        if digits == 0 {
            return None;
        }
        let end = digits_at + digits;
        // Long runs of zeros are legal; more than 8 significant digits is out of range anyway.
        let number = u32::from_str_radix(s.get(digits_at..end)?, radix).unwrap_or(u32::MAX);
        let len = end + usize::from(b.get(end) == Some(&b';'));
        return Some((Decoded::Char(numeric(number)), len));
    }
    let name_len = b
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || b.get(name_len) != Some(&b';') {
        return None;
    }
    let value = named(s.get(..name_len)?)?;
    Some((Decoded::Str(value), name_len + 1))
}

/// A numeric reference's character, as HTML reads it: NUL, surrogates and out-of-range
/// numbers are U+FFFD; 0x80–0x9F are read as Windows-1252, as browsers do.
fn numeric(n: u32) -> char {
    const CP1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let n = match n {
        0x80..=0x9F => u32::from(CP1252[(n - 0x80) as usize]),
        n => n,
    };
    match char::from_u32(n) {
        Some('\0') | None => '\u{fffd}',
        Some(c) => c,
    }
}

fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => "\u{a0}",
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "ldquo" => "“",
        "rdquo" => "”",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "middot" => "·",
        "bull" => "•",
        "copy" | "COPY" => "©",
        "reg" | "REG" => "®",
        "trade" => "™",
        "times" => "×",
        "divide" => "÷",
        "yen" => "¥",
        "cent" => "¢",
        "pound" => "£",
        "euro" => "€",
        "deg" => "°",
        "plusmn" => "±",
        "permil" => "‰",
        "micro" => "µ",
        "sect" => "§",
        "para" => "¶",
        "prime" => "′",
        "Prime" => "″",
        "dagger" => "†",
        "Dagger" => "‡",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "shy" => "\u{ad}",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "iexcl" => "¡",
        "iquest" => "¿",
        "star" => "☆",
        "hearts" => "♥",
        _ => return None,
    })
}
