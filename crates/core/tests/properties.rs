//! Properties of every extractor over generated text (proptest): spans inside the text and
//! naming exactly its chars, counts equal to spans, scores in range and in order, values that
//! read back what was written. The inputs mix realistic pieces with arbitrary Unicode (see
//! `properties/pieces.rs`).

mod common;
#[path = "properties/pieces.rs"]
mod pieces;

use std::sync::OnceLock;

use jieba_rs::Jieba;
use proptest::prelude::*;
use proptest::sample::select;
use wenxi_core::normalize::{normalize_char, Normalized};
use wenxi_core::report::EntityType;
use wenxi_core::segment::{self, is_han, Token};
use wenxi_core::values::{self, parse_chinese_number, Value};
use wenxi_core::{contexts, entities, keywords::KeywordRanker, phrases, stats, Keyword, Options};

use common::analyzer;
use pieces::{chinese_digits, chinese_numeral, full_width, plain_text, text};

fn jieba() -> &'static Jieba {
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(Jieba::new)
}

fn ranker() -> &'static KeywordRanker {
    static R: OnceLock<KeywordRanker> = OnceLock::new();
    R.get_or_init(KeywordRanker::new)
}

/// The normalised text.
fn normalise(s: &str) -> String {
    Normalized::new(s).text
}

/// The chars and tokens of a normalised text (the tokens borrow it).
fn prepare(text: &str) -> (Vec<char>, Vec<Token<'_>>) {
    (text.chars().collect(), segment::segment(jieba(), text))
}

/// Scores in 0..=1, the best exactly 1, best first.
fn check_ranking(ranking: &[Keyword]) -> Result<(), TestCaseError> {
    for k in ranking {
        prop_assert!(
            (0.0..=1.0).contains(&k.score),
            "{} scored {}",
            k.term,
            k.score
        );
        prop_assert!(!k.term.trim().is_empty() && k.count >= 1, "{k:?}");
    }
    if let Some(best) = ranking.first() {
        prop_assert_eq!(best.score, 1.0);
    }
    for w in ranking.windows(2) {
        prop_assert!(
            w[0].score >= w[1].score,
            "{} before {}",
            w[0].term,
            w[1].term
        );
    }
    Ok(())
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Failures print the smallest input; they become unit tests, not files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn normalising_keeps_every_char_in_place(s in text(30)) {
        let n = Normalized::new(&s).text;
        prop_assert_eq!(n.chars().count(), s.chars().count());
        for (a, b) in s.chars().zip(n.chars()) {
            prop_assert_eq!(normalize_char(a), b);
        }
        prop_assert_eq!(Normalized::new(&n).text, n, "normalising twice changes nothing more");
    }

    #[test]
    fn tokens_tile_the_text(s in text(30)) {
        let normal = normalise(&s);
        let (chars, tokens) = prepare(&normal);
        let mut at = 0;
        for t in &tokens {
            prop_assert_eq!(t.start, at);
            prop_assert!(t.end > t.start && t.end <= chars.len());
            prop_assert_eq!(&t.text, &chars[t.start..t.end].iter().collect::<String>());
            at = t.end;
        }
        prop_assert_eq!(at, chars.len());
        prop_assert_eq!(tokens.iter().map(|t| t.text).collect::<String>(), normal);
        for line in s.lines() {
            prop_assert_eq!(analyzer().segment(line).concat(), line);
        }
    }

    #[test]
    fn values_never_panic_and_keep_to_their_kind(s in text(6)) {
        for kind in [EntityType::Time, EntityType::Quantity, EntityType::Person] {
            let v = values::normalize(kind, &s);
            prop_assert!(v.is_none() || kind != EntityType::Person);
        }
        let _ = parse_chinese_number(&s);
    }

    #[test]
    fn statistics_add_up(s in text(30)) {
        let normal = normalise(&s);
        let (chars, tokens) = prepare(&normal);
        let st = stats::compute(&normal, &tokens);
        prop_assert_eq!(st.characters, s.chars().filter(|c| !c.is_whitespace()).count());
        prop_assert_eq!(st.han_characters, chars.iter().filter(|&&c| is_han(c)).count());
        let classes = st.han_characters + st.letter_characters + st.digit_characters
            + st.punctuation_characters + st.other_characters;
        prop_assert_eq!(classes, st.characters);
        prop_assert_eq!(st.words, tokens.iter().filter(|t| t.kind.is_word()).count());
        prop_assert!(st.unique_words <= st.words && st.content_words <= st.words);
        prop_assert!(st.longest_sentence_chars <= st.characters);
        let lines = normal.lines().filter(|l| !l.trim().is_empty()).count();
        prop_assert_eq!(st.paragraphs, lines);
        prop_assert!(st.sentences <= st.characters);
    }

    #[test]
    fn entity_spans_name_their_chars_without_overlap(s in text(30)) {
        let normal = normalise(&s);
        let (chars, tokens) = prepare(&normal);
        let spans = entities::find_spans(&normal, &tokens);
        let mut last_end = 0;
        for e in &spans {
            prop_assert!(e.start >= last_end && e.start < e.end && e.end <= chars.len(), "{e:?}");
            prop_assert_eq!(&e.text, &chars[e.start..e.end].iter().collect::<String>());
            last_end = e.end;
        }
    }

    #[test]
    fn contexts_match_the_term(s in text(20), from in 0usize..400, len in 1usize..4) {
        let chars: Vec<char> = s.chars().collect();
        prop_assume!(!chars.is_empty());
        let start = from % chars.len();
        let term: String = chars[start..(start + len).min(chars.len())].iter().collect();
        let found = contexts::find(&s, &term, 5, 3, 7);
        let fold = |t: &str| -> String {
            // As documented: each char normalised, then its first lower-case char.
            t.chars().map(normalize_char).map(|c| c.to_lowercase().next().unwrap_or(c)).collect()
        };
        prop_assert!(found.lines.len() <= 3 && found.lines.len() <= found.total);
        prop_assert_eq!(found.dispersion.iter().sum::<usize>(), found.total);
        if !term.trim().is_empty() {
            prop_assert!(found.total >= 1, "{:?} taken from the text is not found", term);
        }
        for l in &found.lines {
            prop_assert_eq!(&l.matched, &chars[l.start..l.end].iter().collect::<String>());
            prop_assert_eq!(fold(&l.matched), fold(term.trim()));
            let shown = format!("{}{}{}", l.left, l.matched, l.right);
            let breaks = |t: &str| t.contains(['\n', '\r']);
            prop_assert!(!breaks(&l.left) && !breaks(&l.right) && s.contains(&shown), "{l:?}");
        }
    }

    #[test]
    fn phrases_are_runs_of_their_parts(s in plain_text()) {
        let normal = normalise(&s);
        let (_, tokens) = prepare(&normal);
        let found = phrases::discover(&tokens, &|w| jieba().has_word(w), &|w| ranker().is_stop_word(w));
        for p in &found {
            prop_assert!(p.parts.len() >= 2, "{p:?}");
            prop_assert_eq!(&p.parts.concat(), &p.term);
            prop_assert!(normal.contains(&p.term) && p.count >= 1);
            prop_assert!(p.left_entropy >= 0.0 && p.right_entropy >= 0.0 && p.score.is_finite());
        }
        for w in found.windows(2) {
            prop_assert!(w[0].score >= w[1].score);
        }
    }

    #[test]
    fn keyword_scores_are_ranked_in_range(s in plain_text(), mixed in text(10)) {
        let s = s + &mixed;
        let normal = normalise(&s);
        let (_, tokens) = prepare(&normal);
        let r = ranker().rank(jieba(), &tokens, 20, &Options::default());
        check_ranking(&r.tfidf)?;
        check_ranking(&r.textrank)?;
        let lower = normal.to_lowercase();
        for k in r.tfidf.iter().chain(&r.textrank) {
            prop_assert!(lower.contains(&k.term.to_lowercase()), "{} not in the text", k.term);
        }
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn chinese_numerals_read_back(n in 0u64..1_000_000_000_000) {
        prop_assert_eq!(parse_chinese_number(&chinese_numeral(n)), Some(n as f64), "{}", chinese_numeral(n));
        prop_assert_eq!(parse_chinese_number(&n.to_string()), Some(n as f64));
        prop_assert_eq!(parse_chinese_number(&full_width(n)), Some(n as f64));
    }

    #[test]
    fn years_written_digit_by_digit_read_as_years(y in 1000u64..3000, m in 1u64..13, d in 1u64..29) {
        for written in [
            format!("{}年{}月{}日", chinese_digits(y), chinese_numeral(m), chinese_numeral(d)),
            format!("{}年{}月{}日", full_width(y), m, d),
        ] {
            let v = values::normalize(EntityType::Time, &written).map(|v| v.value);
            let ymd = match v {
                Some(Value::Date { year, month, day, .. }) => Some((year, month, day)),
                _ => None,
            };
            prop_assert_eq!(ymd, Some((Some(y as i32), Some(m as u8), Some(d as u8))), "{}", written);
        }
    }

    #[test]
    fn money_reads_as_yuan(n in 1u64..10_000_000, unit in 0..3usize) {
        let (suffix, scale) = [("元", 1.0), ("万元", 1e4), ("亿元", 1e8)][unit];
        // Chinese numerals before a unit of 万 or 亿 stay below 万 (一千二百万亿 is nobody's way).
        let small = n % 9999 + 1;
        for (m, written) in [(n, format!("{n}{suffix}")), (small, format!("{}{suffix}", chinese_numeral(small)))] {
            let v = values::normalize(EntityType::Quantity, &written).map(|v| v.value);
            let expected = Value::Money { amount: m as f64 * scale, currency: "CNY".into() };
            prop_assert_eq!(v, Some(expected), "{}", written);
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    /// The whole report, as the page and the command line get it.
    #[test]
    fn the_report_is_consistent(s in text(40)) {
        let r = analyzer().analyse(&s, &Options { top_k: 15, ..Options::default() });
        let chars: Vec<char> = Normalized::new(&s).text.chars().collect();
        prop_assert_eq!(r.coverage.total_chars, chars.len());
        prop_assert_eq!(r.coverage.analysed_chars, chars.len());
        prop_assert!(r.coverage.stopped.is_none());
        prop_assert_eq!(r.is_empty(), s.chars().all(char::is_whitespace));
        prop_assert_eq!(r.stats.characters, s.chars().filter(|c| !c.is_whitespace()).count());
        check_ranking(&r.keywords)?;
        check_ranking(&r.textrank)?;
        let mut taken = vec![false; chars.len()];
        for e in &r.entities {
            prop_assert_eq!(e.count, e.spans.len());
            prop_assert_eq!(Some(e.first), e.spans.first().map(|s| s[0]));
            prop_assert_eq!(&e.value, &values::normalize(e.kind, &e.text));
            for &[start, end] in &e.spans {
                prop_assert!(start < end && end <= chars.len(), "{e:?}");
                prop_assert_eq!(&e.text, &chars[start..end].iter().collect::<String>());
                prop_assert!(taken[start..end].iter().all(|t| !t), "{e:?} overlaps another");
                taken[start..end].iter_mut().for_each(|t| *t = true);
            }
        }
        // A work is the text inside a pair of title marks.
        for e in r.entities.iter().filter(|e| e.kind == EntityType::Work) {
            for &[start, end] in &e.spans {
                let around = (start.checked_sub(1).map(|i| chars[i]), chars.get(end).copied());
                prop_assert!(
                    matches!(around, (Some('《'), Some('》')) | (Some('〈'), Some('〉'))),
                    "{e:?} is not inside title marks"
                );
            }
        }
        // A quoted term is the text inside one pair of quotation marks, counted by its spans.
        let quotes = [('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')];
        for q in &r.quoted_terms {
            prop_assert_eq!(q.count, q.spans.len());
            for &[start, end] in &q.spans {
                prop_assert!(start < end && end <= chars.len(), "{q:?}");
                prop_assert_eq!(&q.term, &chars[start..end].iter().collect::<String>());
                let around = (start.checked_sub(1).map(|i| chars[i]), chars.get(end).copied());
                prop_assert!(
                    quotes.iter().any(|&(o, c)| around == (Some(o), Some(c))),
                    "{q:?} is not inside quotation marks"
                );
            }
        }
        let named = |text: &str| r.entities.iter().any(|e| e.text == text);
        for l in &r.entity_links {
            prop_assert!(named(&l.a.text) && named(&l.b.text), "{l:?}");
        }
        for a in &r.articles {
            prop_assert!(a.start < a.end && a.end <= chars.len(), "article {}..{}", a.start, a.end);
        }
        let text: String = chars.iter().collect();
        for p in &r.phrases {
            prop_assert!(text.contains(&p.term));
        }
    }

    /// A title between 《》 is one work, found whole at its place, whatever it holds (inner
    /// 〈〉 titles, quotes, digits, Latin) and whatever surrounds it.
    #[test]
    fn titles_are_found_whole(
        before in plain_text(),
        title in prop::collection::vec(
            prop_oneof![
                4 => select(pieces::WORDS).prop_map(String::from),
                1 => Just("〈诗经〉".to_string()),
                1 => Just("“新”".to_string()),
                1 => pieces::number(),
                1 => "[A-Za-z]{1,6}",
            ],
            1..5,
        ),
        after in plain_text(),
    ) {
        let title = title.concat();
        prop_assume!(title.chars().count() <= 50);
        let text = format!("{before}《{title}》{after}");
        let r = analyzer().analyse(&text, &Options::default());
        let at = before.chars().count() + 1;
        let normal = Normalized::new(&title).text;
        let found = r.entities.iter().find(|e| e.kind == EntityType::Work && e.text == normal);
        prop_assert!(found.is_some_and(|e| e.spans.contains(&[at, at + normal.chars().count()])),
            "《{}》 not found at {}: {:?}", title, at, r.entities);
    }

    /// A date written with Arabic, full-width or Chinese numerals inside a sentence is one time
    /// whose value is that date.
    #[test]
    fn dates_in_sentences_are_found(
        y in 1950u64..2060, m in 1u64..13, d in 1u64..29, how in 0..3u8,
        lead in select(&["会议于", "据报道，", "", "他在"][..]),
    ) {
        let date = match how {
            0 => format!("{y}年{m}月{d}日"),
            1 => format!("{}年{}月{}日", full_width(y), full_width(m), full_width(d)),
            _ => format!("{}年{}月{}日", chinese_digits(y), chinese_numeral(m), chinese_numeral(d)),
        };
        let text = format!("{lead}{date}，在北京举行。");
        let r = analyzer().analyse(&text, &Options::default());
        let dates: Vec<_> = r.entities.iter().filter(|e| e.kind == EntityType::Time).filter_map(|e| {
            match e.value.as_ref().map(|v| &v.value) {
                Some(Value::Date { year, month, day, .. }) => Some((*year, *month, *day)),
                _ => None,
            }
        }).collect();
        prop_assert!(dates.contains(&(Some(y as i32), Some(m as u8), Some(d as u8))), "{}: {:?}", text, dates);
    }

    /// A limit reads a prefix, says so, and reports exactly what analysing that prefix gives.
    #[test]
    fn a_limit_reads_a_clean_prefix(s in text(30), max_chars in 0usize..200) {
        let limit = wenxi_core::limits::Limit { max_chars };
        let (r, _) = analyzer().analyse_within(&s, &Options::default(), &|| 0.0, limit);
        let c = &r.coverage;
        let total = s.chars().count();
        prop_assert_eq!(c.total_chars, total);
        prop_assert!(c.analysed_chars <= max_chars.min(total));
        prop_assert_eq!(c.stopped.is_some(), total > max_chars);
        let prefix: String = s.chars().take(c.analysed_chars).collect();
        let mut alone = analyzer().analyse(&prefix, &Options::default());
        alone.coverage = c.clone();
        prop_assert_eq!(alone, r);
    }
}
