//! Running the `wenxi` binary, for the integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `wenxi args…` with `stdin` as its standard input; returns when it has finished.
pub fn wenxi(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the wenxi binary runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.as_ref())
            .expect("stdin accepts the input");
    }
    child.wait_with_output().expect("wenxi finishes")
}
