//! The page's settings-file reader on arbitrary input (a file the user imports): bytes → lossy
//! UTF-8 → `from_file`, checking that it never panics, that a refusal says something, and that
//! what it accepts is within the limits and reads back the same after being written out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wenxi::state::settings::file::{from_file, to_file, MAX_STOPWORDS, MAX_TAGS};
use wenxi_core::userdict::MAX_WORDS;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match from_file(&text) {
        Err(message) => assert!(!message.is_empty()),
        Ok(settings) => {
            assert!(settings.user_words.len() <= MAX_WORDS);
            assert!(settings.extra_stopwords.len() <= MAX_STOPWORDS);
            assert!(settings.removed_stopwords.len() <= MAX_STOPWORDS);
            assert!(settings.keyword_pos.len() <= MAX_TAGS);
            let again = from_file(&to_file(&settings));
            assert_eq!(again.as_ref(), Ok(&settings), "written out and read back");
        }
    }
});
