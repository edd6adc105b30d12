//! A test that cannot check what it is about says so where the run shows it: `cargo test`
//! captures what tests print and shows it only for failures, so a skip is written straight
//! to the process's standard error (which the capture does not take), as
//! `SKIPPED <test>: <why>`. `.ci/run` lists these lines again at the end of its run.

use std::io::Write;

/// Reports that the running test skips, and why.
pub fn skip(why: &str) {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let line = format!("SKIPPED {test}: {why}\n");
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
