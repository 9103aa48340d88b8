//! The user-dictionary reader on arbitrary input (a file the user imports): bytes → lossy UTF-8
//! → `userdict::parse` (and the page's table-free variant), checking that it never panics, that
//! every problem names a real line, that what it keeps is usable (`check` accepts it unchanged)
//! and that writing the words out and reading them back gives the same words; then applying
//! them to a segmenter (`Analyzer::set_user_words`): a Chinese word given without a frequency
//! comes out whole.
#![no_main]

use std::sync::Mutex;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wenxi_core::normalize::fold_width;
use wenxi_core::userdict::{self, check, format, parse, parse_with};
use wenxi_core::Analyzer;

fn analyzer() -> &'static Mutex<Analyzer> {
    static ANALYZER: OnceLock<Mutex<Analyzer>> = OnceLock::new();
    ANALYZER.get_or_init(|| Mutex::new(Analyzer::new()))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.split('\n').count();
    let (words, errors) = parse(&text);
    for e in &errors {
        assert!(e.line >= 1 && e.line <= lines, "line {} of {lines}", e.line);
        assert!(!e.message.is_empty());
    }
    assert!(words.len() <= userdict::MAX_WORDS);
    for w in &words {
        assert_eq!(check(w).as_ref(), Ok(w), "kept but unusable: {w:?}");
    }
    let (again, again_errors) = parse(&format(&words));
    assert!(again_errors.is_empty(), "{again_errors:?}");
    assert_eq!(again, words);
    // The page's reader never panics either, and keeps no more lines than there are.
    let (page_words, _) = parse_with(&text, fold_width);
    assert!(page_words.len() <= lines);
    // The words steer segmentation: each comes out of a line that is just the word.
    if let Ok(mut a) = analyzer().lock() {
        a.set_user_words(&words);
        for w in words.iter().take(8) {
            let got = a.segment(&w.word);
            assert_eq!(got.concat(), w.word);
            // A Chinese word without a frequency gets one high enough to stay whole.
            let han = w.word.chars().count() >= 2
                && w.word
                    .chars()
                    .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
            if han && w.freq.is_none() {
                assert_eq!(got, [w.word.clone()], "{w:?}");
            }
        }
    }
});
