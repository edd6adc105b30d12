//! `parallax [STORY]` without a terminal: the Markdown report on a pipe, not one escape byte,
//! and a bad `--keymap` file reported with its name and line (exit code 2) before any terminal
//! mode changes.

use std::path::Path;
use std::process::Command;

fn parallax(args: &[&str]) -> std::process::Output {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui");
    let state = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--config")
        .arg(fixtures.join("sources.toml"))
        .arg("--cache-dir")
        .arg(state.path().join("cache"))
        .arg("--offline")
        .args(args)
        .env("XDG_STATE_HOME", state.path())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_pipe_gets_the_markdown_report_without_escape_bytes() {
    let out = parallax(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("Harbor Gazette"));
    assert!(!text.contains('\u{1b}'), "no escape byte on a pipe");
}

#[test]
fn a_bad_keymap_is_reported_with_its_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("keymap.toml");
    std::fs::write(&path, "quit = \"q\"\nscroll_down = [\"j\",\n").unwrap();
    let out = parallax(&["--keymap", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("keymap.toml"), "{stderr}");
    assert!(
        stderr.contains("line 2") || stderr.contains(":2:"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    std::fs::write(&path, "fly_away = \"x\"\n").unwrap();
    let out = parallax(&["--keymap", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown action \"fly_away\""));
}

#[test]
fn a_good_keymap_is_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("keymap.toml");
    std::fs::write(&path, "quit = \"Q\"\nscroll_down = [\"j\", \"Ctrl-n\"]\n").unwrap();
    let out = parallax(&["--keymap", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
