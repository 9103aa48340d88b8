//! The user's dictionary: words the segmenter must keep whole (a name, a term of the trade),
//! in jieba's user-dictionary format, one `word [freq] [tag]` a line.
//!
//! Reading is lenient, as jieba's own loader is: good lines are kept and each bad line is
//! reported with its number, so one typo does not throw away a dictionary of thousands of words.
//! Beyond jieba's rules: blank lines and lines starting with `#` are skipped, a UTF-8 byte-order
//! mark and CRLF line ends are tolerated, and a tag may come without a frequency (`word nz`, as
//! Python jieba allows). When a word appears twice **the last entry wins** (jieba does the same
//! when it loads the lines in order); it keeps the place of the first.
//!
//! Words are normalised as the engine normalises text ([`crate::normalize`]), so `ＡＩ芯片` in the
//! dictionary matches `AI芯片` and `ＡＩ芯片` in an article alike.

use serde::{Deserialize, Serialize};

use crate::normalize::normalize_char;

/// At most this many words are used; the lines beyond are reported once and ignored. Applying a
/// dictionary copies jieba's base dictionary and adds each word (see `Analyzer::set_user_words`),
/// so the bound keeps that rebuild short in the browser.
pub const MAX_WORDS: usize = 20_000;
/// A longer "word" is almost surely a pasted sentence.
pub const MAX_WORD_CHARS: usize = 32;
/// The highest frequency accepted (jieba's most frequent word, 的, has about 320,000). The bound
/// keeps jieba's running total within a 32-bit `usize` in WebAssembly even with
/// [`MAX_WORDS`] words at this frequency.
pub const MAX_FREQ: usize = 100_000;
/// The tag of a new word given without one: other proper noun, a keyword candidate.
pub const DEFAULT_TAG: &str = "nz";
/// A tag is 1 to this many ASCII letters (jieba/ICTCLAS tags are 1 to 4).
const MAX_TAG_CHARS: usize = 8;
/// Bad lines are quoted up to this many chars in their [`DictError`].
const QUOTED_CHARS: usize = 80;

/// One word of the user's dictionary.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct UserWord {
    pub word: String,
    /// jieba's frequency; `None` lets jieba choose one high enough to keep the word whole.
    /// `0` asks jieba to split the word wherever it can (its `del_word`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<usize>,
    /// Part-of-speech tag (jieba/ICTCLAS tag set, lower case). `None` gives a new word `nz`
    /// (proper noun) so that it can be a keyword; a word jieba already knows keeps jieba's tag,
    /// whatever is given here (jieba-rs 0.11 cannot change the tag of a known word).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

/// One line of a dictionary file that could not be used, and why, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DictError {
    /// 1-based line number.
    pub line: usize,
    /// The line as written (shortened when very long).
    pub text: String,
    pub message: String,
}

impl std::fmt::Display for DictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {} ({})", self.line, self.message, self.text)
    }
}

/// Reads a dictionary in jieba's format: the usable words, and a problem for each line that
/// is not usable. Never fails as a whole.
pub fn parse(text: &str) -> (Vec<UserWord>, Vec<DictError>) {
    parse_with(text, normalize_char)
}

/// [`parse`] with another char normaliser. The page passes
/// [`crate::normalize::fold_width`], which needs no Unicode tables (its wasm stays small);
/// the worker normalises the words fully again when it applies them ([`clean`]).
pub fn parse_with(text: &str, norm: fn(char) -> char) -> (Vec<UserWord>, Vec<DictError>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut words = Dictionary::default();
    let mut errors = Vec::new();
    // The first new word beyond the limit, and how many new words were left out.
    let mut over_limit: Option<(DictError, usize)> = None;
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let error = |message: String| DictError {
            line: index + 1,
            text: quote(line),
            message,
        };
        match parse_line(trimmed, norm) {
            Ok(word) if words.is_full() && !words.contains(&word.word) => match &mut over_limit {
                Some((_, left_out)) => *left_out += 1,
                None => over_limit = Some((error(String::new()), 1)),
            },
            Ok(word) => words.insert(word),
            Err(message) => errors.push(error(message)),
        }
    }
    if let Some((mut error, left_out)) = over_limit {
        error.message = format!(
            "the dictionary holds at most {MAX_WORDS} words: the {left_out} lines with new words \
             from this line on are ignored"
        );
        errors.push(error);
        errors.sort_by_key(|e| e.line);
    }
    (words.into_vec(), errors)
}

/// The dictionary in jieba's format, one `word [freq] [tag]` a line. Words as [`parse`] or
/// [`clean`] give them read back the same; others are written as they are.
pub fn format(words: &[UserWord]) -> String {
    let mut out = String::new();
    for w in words {
        out.push_str(&w.word);
        if let Some(freq) = w.freq {
            out.push(' ');
            out.push_str(&freq.to_string());
        }
        if let Some(tag) = &w.tag {
            out.push(' ');
            out.push_str(tag);
        }
        out.push('\n');
    }
    out
}

/// Words as the engine applies them, whatever their source (a file, or the page's JSON):
/// normalised, unusable ones dropped, duplicates merged (the last wins), at most [`MAX_WORDS`].
pub fn clean(words: &[UserWord]) -> Vec<UserWord> {
    let mut out = Dictionary::default();
    for w in words {
        if let Ok(word) = check(w) {
            if out.is_full() && !out.contains(&word.word) {
                continue;
            }
            out.insert(word);
        }
    }
    out.into_vec()
}

/// `word` normalised, or why the engine cannot use it.
pub fn check(word: &UserWord) -> Result<UserWord, String> {
    check_with(word, normalize_char)
}

/// [`check`] with another char normaliser (see [`parse_with`]).
pub fn check_with(word: &UserWord, norm: fn(char) -> char) -> Result<UserWord, String> {
    let normalized = check_word(&word.word, norm)?;
    if normalized.starts_with('#') {
        return Err("a word cannot start with #: the line would read as a comment".into());
    }
    if let Some(freq) = word.freq {
        check_freq(freq)?;
    }
    let tag = match &word.tag {
        Some(tag) => Some(check_tag(tag)?),
        None => None,
    };
    Ok(UserWord {
        word: normalized,
        freq: word.freq,
        tag,
    })
}

/// One non-blank, non-comment line, trimmed.
fn parse_line(line: &str, norm: fn(char) -> char) -> Result<UserWord, String> {
    // Normalised first, so that full-width digits and letters (`８`, `ＮＺ`) read as numbers
    // and tags.
    let line: String = line.chars().map(norm).collect();
    let mut fields = line.split_whitespace();
    let word = fields.next().unwrap_or_default().to_string();
    let rest: Vec<&str> = fields.collect();
    let (freq, tag) = match rest.as_slice() {
        [] => (None, None),
        [one] if one.chars().all(|c| c.is_ascii_alphabetic()) => (None, Some(one.to_string())),
        [one] => (Some(parse_freq(one)?), None),
        [freq, tag] => (Some(parse_freq(freq)?), Some(tag.to_string())),
        _ => {
            return Err(format!(
                "{} fields where at most 3 are expected (`word [frequency] [tag]`); a word \
                 cannot contain spaces",
                rest.len() + 1
            ))
        }
    };
    check_with(&UserWord { word, freq, tag }, norm)
}

fn parse_freq(field: &str) -> Result<usize, String> {
    let freq = field
        .parse::<usize>()
        .map_err(|_| format!("the frequency \"{field}\" is not a whole number"))?;
    check_freq(freq)?;
    Ok(freq)
}

fn check_freq(freq: usize) -> Result<(), String> {
    if freq > MAX_FREQ {
        return Err(format!(
            "the frequency {freq} is above {MAX_FREQ}, the most this dictionary accepts"
        ));
    }
    Ok(())
}

fn check_tag(tag: &str) -> Result<String, String> {
    let letters = tag.chars().all(|c| c.is_ascii_alphabetic());
    if tag.is_empty() || !letters || tag.len() > MAX_TAG_CHARS {
        return Err(format!(
            "\"{}\" is not a part-of-speech tag: a tag is 1 to {MAX_TAG_CHARS} Latin letters, \
             such as n, nr, ns, nt, nz or v",
            quote(tag)
        ));
    }
    Ok(tag.to_ascii_lowercase())
}

/// The word normalised, or why it can never come out of the segmenter whole.
fn check_word(word: &str, norm: fn(char) -> char) -> Result<String, String> {
    let normalized: String = word.chars().map(norm).collect();
    let chars = normalized.chars().count();
    if chars == 0 {
        return Err("the word is empty".into());
    }
    if chars > MAX_WORD_CHARS {
        return Err(format!(
            "the word has {chars} characters; at most {MAX_WORD_CHARS} are accepted"
        ));
    }
    if normalized.chars().any(char::is_whitespace) {
        return Err("the word contains a space, where the segmenter always cuts".into());
    }
    if let Some(c) = normalized.chars().find(|&c| is_invisible(c)) {
        return Err(format!(
            "the word contains an invisible or control character (U+{:04X})",
            c as u32
        ));
    }
    if let Some(c) = normalized.chars().find(|&c| !jieba_keeps_together(c)) {
        return Err(format!(
            "the word contains 「{c}」, where the segmenter always cuts, so it could never come \
             out whole"
        ));
    }
    Ok(normalized)
}

fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// The characters jieba-rs 0.11 segments with its dictionary (its `RE_HAN_DEFAULT` class): Han
/// ideographs, ASCII letters and digits, and `+#&._%-`. Any other character ends a block, and
/// no dictionary word reaches across it.
fn jieba_keeps_together(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-');
    }
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}')
}

fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTED_CHARS {
        return text.to_string();
    }
    let mut short: String = text.chars().take(QUOTED_CHARS).collect();
    short.push('…');
    short
}

/// Words in order of first appearance, a later entry for the same word replacing the earlier.
#[derive(Default)]
struct Dictionary {
    words: Vec<UserWord>,
    index: std::collections::HashMap<String, usize>,
}

impl Dictionary {
    fn is_full(&self) -> bool {
        self.words.len() >= MAX_WORDS
    }

    fn contains(&self, word: &str) -> bool {
        self.index.contains_key(word)
    }

    fn insert(&mut self, word: UserWord) {
        match self.index.get(&word.word) {
            Some(&at) => self.words[at] = word,
            None => {
                self.index.insert(word.word.clone(), self.words.len());
                self.words.push(word);
            }
        }
    }

    fn into_vec(self) -> Vec<UserWord> {
        self.words
    }
}

#[cfg(test)]
mod tests;
