//! `--user-dict FILE` and `wenxi dict check FILE`: the user's dictionary in jieba's format.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use wenxi_core::userdict::{self, DictError, UserWord};

/// The usable words of `path`; each unusable line is reported on `err` with its number (the
/// analysis goes on with the good ones, as jieba itself would).
pub fn load(path: &Path, err: &mut impl Write) -> Result<Vec<UserWord>> {
    let (words, problems) = userdict::parse(&crate::input::read_utf8(path)?);
    for problem in &problems {
        writeln!(err, "wenxi: {}", describe(path, problem))?;
    }
    if !problems.is_empty() {
        writeln!(
            err,
            "wenxi: {}: {} of its lines left out; {} words used",
            path.display(),
            problems.len(),
            words.len()
        )?;
    }
    Ok(words)
}

/// Prints each problem of the dictionary at `path`, then a summary; true when there are none.
pub fn check(path: &Path, out: &mut impl Write) -> Result<bool> {
    let (words, problems) = userdict::parse(&crate::input::read_utf8(path)?);
    for problem in &problems {
        writeln!(out, "{}", describe(path, problem))?;
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    writeln!(
        out,
        "{}: {}, {}",
        path.display(),
        plural(words.len(), "word", "words"),
        plural(problems.len(), "problem", "problems")
    )?;
    Ok(problems.is_empty())
}

/// `FILE:LINE: message: the line`, the form editors and `grep -n` use.
fn describe(path: &Path, problem: &DictError) -> String {
    format!(
        "{}:{}: {}: {}",
        path.display(),
        problem.line,
        problem.message,
        problem.text.trim()
    )
}
