//! Stage 3a: counts a reader cares about (length, sentences, reading time).

use crate::phrases::{WordMap, WordSet};
use crate::report::{FrequentWords, PartOfSpeech, Stats, WordCount};
use crate::segment::{is_han, Token, TokenKind};

/// Characters that end a sentence. Line breaks end sentences too.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '\n' | '\r'
    )
}

/// Counts sentences: text between terminators that holds at least one letter, digit or Han
/// character. So `“好。”` is one sentence, and `？！` or `……` do not add empty ones.
pub fn count_sentences(text: &str) -> usize {
    sentence_ranges(text).len()
}

/// The sentences of `text` as char ranges (each ends after its terminator), counted as
/// [`count_sentences`] counts them: pieces without a letter, digit or Han character are not
/// sentences.
pub fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut has_content = false;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        n = i + 1;
        if is_terminator(c) {
            if has_content {
                ranges.push(start..i + 1);
            }
            start = i + 1;
            has_content = false;
        } else if crate::normalize::is_plain_ideograph(c) || c.is_alphanumeric() {
            // The ideographs first: most chars of a Chinese text, and alphanumeric all, which
            // a test of the shortcut checks, without Unicode's tables.
            has_content = true;
        }
    }
    if has_content {
        ranges.push(start..n);
    }
    ranges
}

/// Non-empty lines (lines holding something other than white space).
pub fn count_paragraphs(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).count()
}

/// Reading time: Han characters at 300 a minute (0.2 s each) plus other word tokens at 200 a
/// minute (0.3 s each), rounded up to whole seconds. Worked in tenths of a second to stay exact.
pub fn reading_seconds(han: usize, other_words: usize) -> u32 {
    let tenths = (han as u64)
        .saturating_mul(2)
        .saturating_add((other_words as u64).saturating_mul(3));
    u32::try_from(tenths.div_ceil(10)).unwrap_or(u32::MAX)
}

/// How many words of each part of speech [`Stats::frequent`] lists.
const FREQUENT_PER_POS: usize = 10;

/// The broad part of speech of a jieba tag, for the frequency lists.
fn broad_pos(tag: &str) -> Option<PartOfSpeech> {
    match tag.chars().next() {
        Some('n') => Some(PartOfSpeech::Noun),
        Some('v') => Some(PartOfSpeech::Verb),
        Some('a') => Some(PartOfSpeech::Adjective),
        _ => None,
    }
}

/// Content words: nouns, verbs, adjectives, adverbs (`d`), idioms and set phrases (`i`, `l`),
/// abbreviations (`j`) and Latin words (`eng`); not numerals, measure words, pronouns,
/// prepositions, conjunctions, particles or interjections.
fn is_content(token: &Token) -> bool {
    token.kind == TokenKind::Latin
        || matches!(
            token.pos.chars().next(),
            Some('n' | 'v' | 'a' | 'd' | 'i' | 'l' | 'j')
        )
}

/// All statistics of the (normalised) text and its tokens.
pub fn compute(text: &str, tokens: &[Token]) -> Stats {
    let chars: Vec<char> = text.chars().collect();
    compute_with(text, &chars, &sentence_ranges(text), tokens, &|_| false)
}

/// Like [`compute`], for a caller that already holds the text's chars and its
/// [`sentence_ranges`] (the analysis needs them for other stages too), leaving `is_stop` words
/// out of the frequency lists.
pub fn compute_with(
    text: &str,
    chars: &[char],
    sentences: &[std::ops::Range<usize>],
    tokens: &[Token],
    is_stop: &dyn Fn(&str) -> bool,
) -> Stats {
    compute_by(text, chars, sentences, tokens, &|words| {
        let unique_words = words.iter().map(|t| t.text).collect::<WordSet<_>>().len();
        (unique_words, frequent_words(words, is_stop))
    })
}

/// Like [`compute_with`] for the tokens `range` of a text whose words are numbered in
/// `words` (each article of a page): the same figures, without hashing a string per token.
pub fn compute_slice(
    text: &str,
    chars: &[char],
    sentences: &[std::ops::Range<usize>],
    words: &WordIds,
    range: std::ops::Range<usize>,
) -> Stats {
    let tokens = words.tokens.get(range.clone()).unwrap_or(&[]);
    compute_by(text, chars, sentences, tokens, &|_| {
        words.count(range.clone())
    })
}

/// The number of each distinct word (word tokens only, by text) of a text, and what the
/// frequency lists ask of it.
pub struct WordIds<'t> {
    tokens: &'t [Token<'t>],
    /// Per token, its word's number ([`NO_WORD`] for tokens that are no word).
    at: Vec<u32>,
    texts: Vec<&'t str>,
    /// Per word: two chars or more and no stop word (may be listed as frequent).
    listed: Vec<bool>,
    scratch: std::cell::RefCell<WordScratch>,
}

#[derive(Default)]
struct WordScratch {
    /// Per word: seen in the slice.
    seen: Vec<bool>,
    /// Per word and broad part of speech: occurrences in the slice.
    counts: Vec<u32>,
    /// The words and the (word, part of speech) slots touched, to reset them.
    words: Vec<u32>,
    slots: Vec<u32>,
}

const NO_WORD: u32 = u32::MAX;
const POS: [PartOfSpeech; 3] = [
    PartOfSpeech::Noun,
    PartOfSpeech::Verb,
    PartOfSpeech::Adjective,
];

impl<'t> WordIds<'t> {
    /// Numbers the words of `tokens`; `is_stop` as [`compute_with`] takes it.
    pub fn new(tokens: &'t [Token], is_stop: &dyn Fn(&str) -> bool) -> Self {
        let mut ids: WordMap<&str, u32> = WordMap::default();
        let mut texts = Vec::new();
        let at = tokens
            .iter()
            .map(|t| {
                if !t.kind.is_word() {
                    return NO_WORD;
                }
                *ids.entry(t.text).or_insert_with(|| {
                    texts.push(t.text);
                    (texts.len() - 1) as u32
                })
            })
            .collect();
        let listed = texts
            .iter()
            .map(|w| w.chars().nth(1).is_some() && !is_stop(w))
            .collect();
        let scratch = WordScratch {
            seen: vec![false; texts.len()],
            counts: vec![0; texts.len() * POS.len()],
            ..WordScratch::default()
        };
        WordIds {
            tokens,
            at,
            texts,
            listed,
            scratch: std::cell::RefCell::new(scratch),
        }
    }

    /// Distinct words and the frequency lists of the tokens in `range`.
    fn count(&self, range: std::ops::Range<usize>) -> (usize, Vec<FrequentWords>) {
        let mut guard = self.scratch.borrow_mut();
        let s = &mut *guard;
        let ids = self.at.get(range.clone()).unwrap_or(&[]);
        let tokens = self.tokens.get(range).unwrap_or(&[]);
        for (&id, t) in ids.iter().zip(tokens) {
            if id == NO_WORD {
                continue;
            }
            if !s.seen[id as usize] {
                s.seen[id as usize] = true;
                s.words.push(id);
            }
            let Some(pos) = broad_pos(t.pos) else {
                continue;
            };
            let slot = id as usize * POS.len() + pos as usize;
            if s.counts[slot] == 0 {
                s.slots.push(slot as u32);
            }
            s.counts[slot] += 1;
        }
        let unique = s.words.len();
        let mut lists: [Vec<(&str, usize)>; 3] = Default::default();
        for &slot in &s.slots {
            let (id, pos) = (slot as usize / POS.len(), slot as usize % POS.len());
            if self.listed[id] {
                lists[pos].push((self.texts[id], s.counts[slot as usize] as usize));
            }
            s.counts[slot as usize] = 0;
        }
        for &id in &s.words {
            s.seen[id as usize] = false;
        }
        s.words.clear();
        s.slots.clear();
        let frequent = POS
            .into_iter()
            .zip(lists)
            .map(|(pos, words)| top_words(pos, words))
            .filter(|f| !f.words.is_empty())
            .collect();
        (unique, frequent)
    }
}

/// The distinct word count and the frequency lists of some word tokens.
type WordsOf<'a> = dyn Fn(&[&Token]) -> (usize, Vec<FrequentWords>) + 'a;

/// Statistics with the distinct word count and the frequency lists from `words_of` (given the
/// word tokens).
fn compute_by(
    text: &str,
    chars: &[char],
    sentences: &[std::ops::Range<usize>],
    tokens: &[Token],
    words_of: &WordsOf,
) -> Stats {
    // One pass over the chars for every class (this runs for the text and for each article).
    let (mut characters, mut han_characters) = (0, 0);
    let (mut letters, mut digits, mut punctuation, mut other) = (0, 0, 0, 0);
    for &c in chars {
        if c.is_whitespace() {
            continue;
        }
        characters += 1;
        if is_han(c) {
            han_characters += 1;
        } else if c.is_ascii_digit() || c.is_numeric() {
            digits += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        } else if is_punctuation(c) {
            punctuation += 1;
        } else {
            other += 1;
        }
    }
    let words: Vec<&Token> = tokens.iter().filter(|t| t.kind.is_word()).collect();
    let (unique_words, frequent) = words_of(&words);
    let non_han_words = words.iter().filter(|t| t.kind != TokenKind::Word).count();
    let content_words = words.iter().filter(|t| is_content(t)).count();
    let sentence_lengths: Vec<usize> = sentences
        .iter()
        .filter_map(|r| chars.get(r.clone()))
        .map(|s| s.iter().filter(|c| !c.is_whitespace()).count())
        .collect();
    Stats {
        characters,
        han_characters,
        words: words.len(),
        unique_words,
        sentences: sentence_lengths.len(),
        paragraphs: count_paragraphs(text),
        reading_seconds: reading_seconds(han_characters, non_han_words),
        letter_characters: letters,
        digit_characters: digits,
        punctuation_characters: punctuation,
        other_characters: other,
        content_words,
        lexical_density: if words.is_empty() {
            0.0
        } else {
            content_words as f64 / words.len() as f64
        },
        mean_sentence_chars: if sentence_lengths.is_empty() {
            0.0
        } else {
            sentence_lengths.iter().sum::<usize>() as f64 / sentence_lengths.len() as f64
        },
        longest_sentence_chars: sentence_lengths.iter().copied().max().unwrap_or(0),
        frequent,
    }
}

/// Unicode punctuation (general categories P*), approximated without a table: ASCII and CJK
/// punctuation blocks plus the general punctuation block.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F | 0xFE10..=0xFE1F | 0xFE30..=0xFE4F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// The [`FREQUENT_PER_POS`] most frequent words of each broad part of speech: at least two
/// chars (single chars are mostly function words or fragments), no stop words.
fn frequent_words(words: &[&Token], is_stop: &dyn Fn(&str) -> bool) -> Vec<FrequentWords> {
    // Hashed, not ordered: at megabytes of text a tree of string keys costs more than the
    // rest of the statistics together; the few words kept are sorted below.
    let mut counts: WordMap<(PartOfSpeech, &str), usize> = WordMap::default();
    for t in words {
        if let Some(pos) = broad_pos(t.pos) {
            *counts.entry((pos, t.text)).or_insert(0) += 1;
        }
    }
    // Asked once per distinct word rather than per occurrence.
    counts.retain(|&(_, word), _| word.chars().nth(1).is_some() && !is_stop(word));
    [
        PartOfSpeech::Noun,
        PartOfSpeech::Verb,
        PartOfSpeech::Adjective,
    ]
    .into_iter()
    .map(|pos| {
        let words: Vec<(&str, usize)> = counts
            .iter()
            .filter(|((p, _), _)| *p == pos)
            .map(|(&(_, term), &count)| (term, count))
            .collect();
        top_words(pos, words)
    })
    .filter(|f| !f.words.is_empty())
    .collect()
}

/// The [`FREQUENT_PER_POS`] most frequent of `words` (distinct), most frequent first, equal
/// counts in alphabetical order (deterministic).
fn top_words(pos: PartOfSpeech, mut words: Vec<(&str, usize)>) -> FrequentWords {
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let words = words
        .into_iter()
        .take(FREQUENT_PER_POS)
        .map(|(term, count)| WordCount {
            term: term.to_string(),
            count,
        })
        .collect();
    FrequentWords { pos, words }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::kind_of;

    fn toks<'a>(words: &[&'a str]) -> Vec<Token<'a>> {
        let mut pos = 0;
        words
            .iter()
            .map(|w| {
                let start = pos;
                pos += w.chars().count();
                Token {
                    text: w,
                    pos: "x",
                    start,
                    end: pos,
                    kind: kind_of(w),
                }
            })
            .collect()
    }

    #[test]
    fn sentences() {
        assert_eq!(count_sentences(""), 0);
        assert_eq!(count_sentences("你好。"), 1);
        assert_eq!(count_sentences("你好。再见"), 2);
        assert_eq!(count_sentences("真的？！是的……"), 2);
        assert_eq!(count_sentences("“好。”他说。"), 2);
        assert_eq!(count_sentences("第一行\n第二行\n\n"), 2);
        assert_eq!(count_sentences("Hi! OK? yes; no"), 4);
        assert_eq!(count_sentences("。。！"), 0);
    }

    #[test]
    fn paragraphs() {
        assert_eq!(count_paragraphs("a\n\n  \nb\r\nc"), 3);
        assert_eq!(count_paragraphs(""), 0);
        assert_eq!(count_paragraphs("\n\n"), 0);
    }

    #[test]
    fn reading_time() {
        assert_eq!(reading_seconds(0, 0), 0);
        assert_eq!(reading_seconds(300, 0), 60);
        assert_eq!(reading_seconds(0, 200), 60);
        assert_eq!(reading_seconds(1, 0), 1); // 0.2 s rounds up
        assert_eq!(reading_seconds(5, 1), 2); // 1.0 + 0.3
    }

    #[test]
    fn computed_by_hand() {
        let text = "我 爱 AI，2024。";
        let t = toks(&["我", " ", "爱", " ", "AI", "，", "2024", "。"]);
        let s = compute(text, &t);
        assert_eq!(s.characters, 10);
        assert_eq!(s.han_characters, 2);
        assert_eq!(s.words, 4);
        assert_eq!(s.unique_words, 4);
        assert_eq!(s.sentences, 1);
        assert_eq!(s.paragraphs, 1);
        assert_eq!(s.reading_seconds, 1); // 0.4 + 0.6 = 1.0
    }

    #[test]
    fn repeated_words_are_unique_once() {
        let t = toks(&["好", "好", "好"]);
        let s = compute("好好好", &t);
        assert_eq!((s.words, s.unique_words), (3, 1));
    }

    #[test]
    fn sentence_ranges_cover_each_sentence_with_its_terminator() {
        let text = "甲说：“好。”乙？！\n\n丙";
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = sentence_ranges(text)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect();
        assert_eq!(got, ["甲说：“好。", "”乙？", "丙"]);
        assert_eq!(count_sentences(text), 3);
    }

    /// Tokens with their tags written by hand: `word/tag` separated by single spaces.
    fn tagged(spec: &str) -> (String, Vec<Token<'_>>) {
        let (chars, tokens) = crate::segment::tokens_from_spec(spec);
        (chars.into_iter().collect(), tokens)
    }

    #[test]
    fn characters_by_class_and_lexical_density() {
        let (text, t) = tagged("今天/t 北京/ns 很/d 热/a ！/x Hot/eng 2024/m 😀/x");
        let s = compute(&text, &t);
        assert_eq!(s.han_characters, 6);
        assert_eq!(s.letter_characters, 3);
        assert_eq!(s.digit_characters, 4);
        assert_eq!(s.punctuation_characters, 1);
        assert_eq!(s.other_characters, 1, "the emoji");
        // Content: 北京 (n), 很 (d), 热 (a), Hot (Latin); not 今天 (t) or 2024 (m).
        assert_eq!(s.words, 6);
        assert_eq!(s.content_words, 4);
        assert!((s.lexical_density - 4.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn sentence_lengths() {
        let (text, t) = tagged("一二三/m 。/x 一二三四五六七/m ！/x 末尾/n");
        let s = compute(&text, &t);
        // 一二三。 (4), 一二三四五六七！ (8), 末尾 (2): terminators count, white space does not.
        assert_eq!(s.sentences, 3);
        assert_eq!(s.longest_sentence_chars, 8);
        assert!((s.mean_sentence_chars - 14.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn frequent_words_by_part_of_speech_skip_stop_words_and_single_chars() {
        let (text, t) = tagged(
            "经济/n 发展/v 经济/n 进行/v 进行/v 进行/v 好/a 美丽/a 经济/n 发展/v 城市/n 说/v",
        );
        let chars: Vec<char> = text.chars().collect();
        let s = compute_with(&text, &chars, &sentence_ranges(&text), &t, &|w| w == "进行");
        let get = |pos| {
            s.frequent
                .iter()
                .find(|f| f.pos == pos)
                .map(|f| {
                    f.words
                        .iter()
                        .map(|w| (w.term.clone(), w.count))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        assert_eq!(
            get(PartOfSpeech::Noun),
            [("经济".to_string(), 3), ("城市".to_string(), 1)]
        );
        assert_eq!(get(PartOfSpeech::Verb), [("发展".to_string(), 2)]);
        assert_eq!(get(PartOfSpeech::Adjective), [("美丽".to_string(), 1)]);
    }

    #[test]
    fn a_slice_counts_as_the_slice_alone() {
        let (text, t) = tagged(
            "经济/n 发展/v 经济/n 。/x 进行/v 进行/v 好/a 美丽/a 经济/n 发展/vn 城市/n 说/v 城市/a",
        );
        let chars: Vec<char> = text.chars().collect();
        let is_stop = |w: &str| w == "进行";
        let words = WordIds::new(&t, &is_stop);
        for range in [0..t.len(), 0..3, 4..t.len(), 2..9, 5..5] {
            let tokens = &t[range.clone()];
            let (from, to) = (
                tokens.first().map_or(0, |k| k.start),
                tokens.last().map_or(0, |k| k.end),
            );
            let piece: String = chars[from..to].iter().collect();
            let piece_chars = &chars[from..to];
            let sentences = sentence_ranges(&piece);
            let alone = compute_with(&piece, piece_chars, &sentences, tokens, &is_stop);
            let slice = compute_slice(&piece, piece_chars, &sentences, &words, range.clone());
            assert_eq!(slice, alone, "{range:?}");
        }
    }
}
