//! Running the `parallax` binary from an async test.
// Each test crate that includes `support` uses its own part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `parallax ARGS` in `dir` on a blocking thread, so a test server on the same runtime
/// keeps answering, and returns its output.
pub async fn parallax(dir: &Path, args: &[&str]) -> Output {
    let dir = dir.to_path_buf();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .current_dir(dir)
            .args(args)
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}
