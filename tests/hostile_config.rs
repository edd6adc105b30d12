//! Escape sequences from `sources.toml`, file names and cached files never reach the terminal,
//! the Markdown report or the JSON: every message is cleaned before it is printed, and every
//! string when it is read.

use std::path::Path;
use std::process::{Command, Output};

fn parallax(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// No byte a terminal would act on: no C0 control but newline (CRLF in CSV) and tab, no C1,
/// no bidi override.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || ('\u{202A}'..='\u{202E}').contains(&c)
        })
        .collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}: {text}");
}

#[test]
fn check_prints_an_unknown_key_without_its_escapes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sources.toml"),
        "[[outlet]]\nid = \"a\"\nname = \"A\"\n\"\\u001b]52;c;VE9NTA==\\u0007\" = 1\n",
    )
    .unwrap();
    let output = parallax(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert_inert("stderr", &output.stderr);
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown key"));
}

#[test]
fn a_url_with_an_escape_is_a_config_error_told_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sources.toml"),
        "[[outlet]]\nid = \"a\"\nname = \"A\"\n[[story]]\nid = \"s\"\ntitle = \"S\"\n\
         [[story.article]]\noutlet = \"a\"\nurl = \"http://a.example/x\\u001b]52;c;VVJM\\u0007x\"\n",
    )
    .unwrap();
    let output = parallax(dir.path(), &["--offline", "compare", "s"]);
    assert_eq!(output.status.code(), Some(2));
    assert_inert("stderr", &output.stderr);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("sources.toml:9:7") && stderr.contains("control"),
        "{stderr}"
    );
}

#[test]
fn file_names_with_escapes_stay_out_of_messages_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let missing = "nofile\u{1b}]52;c;VVJM\u{7}.txt";
    let output = parallax(dir.path(), &["extract", missing]);
    assert_eq!(output.status.code(), Some(2));
    assert_inert("stderr", &output.stderr);
    assert!(String::from_utf8_lossy(&output.stderr).contains("nofile"));

    let first = "wire\u{1b}]0;owned\u{7}\u{9b}2J.txt";
    let second = "daily\u{202e}txt.txt";
    std::fs::write(
        dir.path().join(first),
        "The river rose by 2 metres on Monday.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(second),
        "The river rose by 3 metres on Monday.",
    )
    .unwrap();
    for format in ["md", "json", "csv", "html"] {
        let output = parallax(dir.path(), &["diff", first, second, "--format", format]);
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_inert(format, &output.stdout);
        assert_inert("stderr", &output.stderr);
    }
}

#[test]
fn outlet_names_with_escapes_are_cleaned_for_the_markdown_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "The river rose by 2 metres.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "The river rose by 3 metres.").unwrap();
    std::fs::write(
        dir.path().join("sources.toml"),
        "[[outlet]]\nid = \"a\"\nname = \"A\\u001bktitle\\u001b\\\\ \\u001b(0x\\u009b\"\n\
         [[outlet]]\nid = \"b\"\nname = \"B\\u202e\"\n[[story]]\nid = \"s\"\ntitle = \"S\\u0007\"\n\
         [[story.article]]\noutlet = \"a\"\npath = \"a.txt\"\n\
         [[story.article]]\noutlet = \"b\"\npath = \"b.txt\"\n",
    )
    .unwrap();
    // Not a terminal: the default command prints the Markdown report.
    let output = parallax(dir.path(), &["--offline", "s"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_inert("the Markdown report", &output.stdout);
    assert!(String::from_utf8_lossy(&output.stdout).contains("A x"));
}
