//! The user's dictionary: jieba's format read and written back, and words the engine keeps
//! whole once `Analyzer::set_user_words` has them. The words are made-up names, so each test
//! first checks that jieba alone splits them (otherwise the test could not fail).

use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Instant;

use proptest::prelude::*;
use wenxi_core::userdict::{self, UserWord, MAX_FREQ, MAX_WORD_CHARS};
use wenxi_core::{Analyzer, Options};

/// One engine for the whole file (loading is the slow part); each test sets its own words.
fn analyzer() -> MutexGuard<'static, Analyzer> {
    static ANALYZER: OnceLock<Mutex<Analyzer>> = OnceLock::new();
    let lock = ANALYZER.get_or_init(|| Mutex::new(Analyzer::new()));
    // A failed test poisons the lock; the engine itself is still fine for the others.
    lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn user_word(word: &str, freq: Option<usize>, tag: Option<&str>) -> UserWord {
    UserWord {
        word: word.into(),
        freq,
        tag: tag.map(str::to_string),
    }
}

fn comes_out_whole(analyzer: &Analyzer, text: &str, word: &str) -> bool {
    analyzer.segment(text).iter().any(|w| w == word)
}

#[test]
fn a_word_jieba_splits_comes_out_whole_with_or_without_a_frequency() {
    let mut analyzer = analyzer();
    analyzer.set_user_words(&[]);
    let cases = [
        ("云栖码头", "昨晚云栖码头的灯光秀吸引了很多游客。", None),
        ("霁月湾", "澄江量子科技在霁月湾建了新厂。", Some(50)),
    ];
    for (word, text, _) in cases {
        assert!(
            !comes_out_whole(&analyzer, text, word),
            "jieba keeps {word}"
        );
    }
    let words: Vec<UserWord> = cases
        .iter()
        .map(|(w, _, freq)| user_word(w, *freq, None))
        .collect();
    analyzer.set_user_words(&words);
    for (word, text, _) in cases {
        let pieces = analyzer.segment(text);
        assert!(pieces.iter().any(|w| w == word), "{word}: {pieces:?}");
    }
}

#[test]
fn the_full_width_form_in_the_text_or_the_dictionary_matches() {
    let mut analyzer = analyzer();
    let text = "ＡＩ芯片和AI芯片都是热词。";
    analyzer.set_user_words(&[]);
    assert!(!comes_out_whole(&analyzer, text, "AI芯片"));
    let (words, errors) = userdict::parse("ＡＩ芯片 nz\n");
    assert!(errors.is_empty(), "{errors:?}");
    analyzer.set_user_words(&words);
    let pieces = analyzer.segment(text);
    // `segment` gives the input's own characters: one full-width, one half-width word.
    assert!(pieces.iter().any(|w| w == "ＡＩ芯片"), "{pieces:?}");
    assert!(pieces.iter().any(|w| w == "AI芯片"), "{pieces:?}");
}

#[test]
fn removing_a_word_restores_the_old_split() {
    let mut analyzer = analyzer();
    let text = "青禾数据宣布完成新一轮融资，青禾数据的员工很高兴。";
    analyzer.set_user_words(&[]);
    let before = analyzer.segment(text);
    analyzer.set_user_words(&[user_word("青禾数据", None, None)]);
    assert_ne!(analyzer.segment(text), before);
    analyzer.set_user_words(&[user_word("墨川智能", None, None)]);
    assert_eq!(analyzer.segment(text), before);
    assert_eq!(analyzer.user_words(), [user_word("墨川智能", None, None)]);
    analyzer.set_user_words(&[]);
    assert_eq!(analyzer.segment(text), before);
    assert!(analyzer.user_words().is_empty());
}

#[test]
fn keywords_count_the_whole_word_with_its_tag() {
    let mut analyzer = analyzer();
    let word = "澄江量子";
    let text = "澄江量子今年在本市设立研发中心。澄江量子的负责人表示，研发中心将招聘两百名工程师。\
                业内人士认为，澄江量子的到来会带动本地产业。";
    analyzer.set_user_words(&[]);
    assert!(!comes_out_whole(&analyzer, text, word));
    // Phrase discovery may find it from its repeats, but as a phrase, not as a tagged word.
    let report = analyzer.analyse(text, &Options::default());
    assert!(report
        .keywords
        .iter()
        .all(|k| k.term != word || k.pos != "nt"));
    analyzer.set_user_words(&[user_word(word, None, Some("nt"))]);
    let report = analyzer.analyse(text, &Options::default());
    let keyword = report.keywords.iter().find(|k| k.term == word);
    assert_eq!(
        keyword.map(|k| (k.count, k.pos.as_str())),
        Some((text.matches(word).count(), "nt")),
        "{:?}",
        report.keywords
    );
}

#[test]
fn a_new_word_without_a_tag_can_still_be_a_keyword() {
    let mut analyzer = analyzer();
    let word = "墨川智能";
    let text = "墨川智能发布了新的扫地机器人，墨川智能称其续航提高一倍。";
    analyzer.set_user_words(&[user_word(word, Some(20), None)]);
    let report = analyzer.analyse(text, &Options::default());
    let keyword = report.keywords.iter().find(|k| k.term == word);
    assert_eq!(
        keyword.map(|k| k.count),
        Some(text.matches(word).count()),
        "{:?}",
        report.keywords
    );
}

#[test]
fn frequency_zero_splits_a_word_jieba_knows() {
    let mut analyzer = analyzer();
    let text = "这座城市大力发展新能源。";
    analyzer.set_user_words(&[]);
    assert!(comes_out_whole(&analyzer, text, "新能源"));
    analyzer.set_user_words(&[user_word("新能源", Some(0), None)]);
    assert!(!comes_out_whole(&analyzer, text, "新能源"));
}

#[test]
fn unusable_words_from_the_page_are_left_out() {
    let mut analyzer = analyzer();
    let words = [
        user_word("云栖码头", None, None),
        user_word("云栖 码头", None, None),
        user_word("王·小明", None, None),
        user_word("云栖码头", Some(usize::MAX), None),
    ];
    analyzer.set_user_words(&words);
    assert_eq!(analyzer.user_words(), [user_word("云栖码头", None, None)]);
}

/// The reason `王·小明` is refused: jieba cuts at `·`, whatever the dictionary says. If a later
/// jieba-rs keeps it, `userdict`'s rule is out of date.
#[test]
fn jieba_cuts_at_characters_the_dictionary_refuses() {
    let mut jieba = jieba_rs::Jieba::new();
    jieba.add_word("王·小明", Some(1000), Some("nr"));
    let words: Vec<&str> = jieba
        .cut("记者王·小明报道", true)
        .iter()
        .map(|t| t.word)
        .collect();
    assert!(!words.contains(&"王·小明"), "{words:?}");
}

#[test]
fn parse_reports_line_numbers_in_a_windows_file() {
    let text = "\u{feff}# 公司名\r\n云栖码头 10 ns\r\n墨川智能 十 nt\r\n\r\n青禾数据 nz\r\n霁月湾 3 n extra\r\n";
    let (words, errors) = userdict::parse(text);
    let kept: Vec<&str> = words.iter().map(|w| w.word.as_str()).collect();
    assert_eq!(kept, ["云栖码头", "青禾数据"]);
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 6]);
    assert!(errors.iter().all(|e| !e.text.ends_with('\r')));
}

/// Words the dictionary accepts: Han, Latin letters and digits and `+#&._%-`, not starting with
/// `#` (a comment), 1 to MAX_WORD_CHARS chars.
fn any_word() -> impl Strategy<Value = String> {
    let han = proptest::char::range('\u{4e00}', '\u{9fa5}');
    let other = proptest::sample::select("abcXYZ0129+#&._%-".chars().collect::<Vec<char>>());
    let char = prop_oneof![3 => han, 1 => other];
    proptest::collection::vec(char, 1..=MAX_WORD_CHARS)
        .prop_map(|cs| cs.into_iter().collect::<String>())
        .prop_filter("a comment", |w| !w.starts_with('#'))
}

fn any_user_word() -> impl Strategy<Value = UserWord> {
    (
        any_word(),
        proptest::option::of(0..=MAX_FREQ),
        proptest::option::of("[a-z]{1,4}"),
    )
        .prop_map(|(word, freq, tag)| UserWord { word, freq, tag })
}

proptest! {
    #[test]
    fn format_then_parse_gives_the_words_back(
        words in proptest::collection::vec(any_user_word(), 0..40)
    ) {
        let unique = userdict::clean(&words);
        let (back, errors) = userdict::parse(&userdict::format(&unique));
        prop_assert!(errors.is_empty(), "{:?}", errors);
        prop_assert_eq!(back, unique);
    }

    #[test]
    fn parse_never_fails_and_keeps_only_usable_words(text in "(\\PC{0,12}[ \t\r\n#]{0,3}){0,20}") {
        let (words, errors) = userdict::parse(&text);
        prop_assert_eq!(userdict::clean(&words), words.clone());
        let lines = text.split('\n').count();
        prop_assert!(errors.iter().all(|e| e.line >= 1 && e.line <= lines));
    }
}

/// What applying a dictionary costs natively: copying jieba's dictionary and adding the words.
/// Run with `cargo test --release -p wenxi-core --test userdict -- --ignored --nocapture`.
#[test]
#[ignore]
fn rebuild_cost() {
    let mut analyzer = Analyzer::new();
    let before = resident_kb();
    analyzer.set_user_words(&[user_word("起点", None, None)]);
    println!(
        "first words: resident memory {before:?} KB -> {:?} KB (the copy of the base dictionary)",
        resident_kb()
    );
    for n in [0usize, 100, 10_000, userdict::MAX_WORDS] {
        // Made-up words from rarely used characters, with and without a frequency.
        let words: Vec<UserWord> = (0..n)
            .map(|i| {
                let a = char::from_u32(0x9000 + (i % 2000) as u32).unwrap_or('甲');
                let b = char::from_u32(0x8000 + (i / 2000) as u32).unwrap_or('乙');
                user_word(&format!("{a}{b}测"), (i % 2 == 0).then_some(5), None)
            })
            .collect();
        analyzer.set_user_words(&[user_word("起点", None, None)]);
        let start = Instant::now();
        analyzer.set_user_words(&words);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let start = Instant::now();
        analyzer.set_user_words(&words);
        let again_ms = start.elapsed().as_secs_f64() * 1000.0;
        println!(
            "{n} words: rebuild {ms:.1} ms, same list again {again_ms:.3} ms ({} applied)",
            analyzer.user_words().len()
        );
    }
}

/// Resident memory of this process (Linux only; `None` elsewhere).
fn resident_kb() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
