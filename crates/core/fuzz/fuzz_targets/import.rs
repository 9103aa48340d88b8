//! The file importer on arbitrary bytes under each file name a reader might give: it must
//! never panic, and any text it returns has no NUL and no `\r` (line ends are `\n`), is not
//! blank, and its notes and errors can be shown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wenxi_import::import;

/// The first byte chooses the name, so one corpus covers every reader.
const NAMES: [&str; 8] = [
    "a.txt", "a.md", "a.html", "a.docx", "a", "a.doc", "a.pdf", "a.csv",
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(choice) % NAMES.len()];
    match import(name, bytes) {
        Ok(imported) => {
            assert!(!imported.text.contains('\0'), "NUL in the text of {name}");
            assert!(!imported.text.contains('\r'), "\\r in the text of {name}");
            assert!(!imported.text.trim().is_empty(), "blank text accepted");
            for note in &imported.notes {
                assert!(!note.to_string().is_empty() && !note.message_zh().is_empty());
            }
        }
        Err(error) => {
            assert!(!error.to_string().is_empty() && !error.message_zh().is_empty());
        }
    }
});
