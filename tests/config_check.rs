//! `parallax check` on broken copies of sources.toml: each problem is named with file, line and
//! column, the exit code is 2, and nothing is written to stdout (no terminal mode touched).

use std::path::Path;
use std::process::{Command, Output};

const GOOD: &str = r#"[settings]
timeout_secs = 20

[[outlet]]
id = "ledger"
name = "The Ledger"

[[outlet]]
id = "courier"
name = "The Courier"

[[story]]
id = "story-one"
title = "One story"

[[story.article]]
outlet = "ledger"
url = "https://ledger.example/one"

[[story.article]]
outlet = "courier"
url = "https://courier.example/one"
"#;

fn run_check(dir: &Path, text: &str, args: &[&str]) -> Output {
    let path = dir.join("sources.toml");
    std::fs::write(&path, text).unwrap();
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--config")
        .arg(&path)
        .args(args)
        .output()
        .unwrap()
}

/// Runs `check` on `text` and returns stderr, asserting exit code 2 and an empty stdout.
fn check_fails(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let output = run_check(dir.path(), text, &["check"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_good_config_checks_ok() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_check(dir.path(), GOOD, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("ok (2 outlets, 1 stories, 2 articles)"),
        "{stdout}"
    );
}

#[test]
fn toml_syntax_error_names_line_and_column() {
    let stderr = check_fails(&GOOD.replace("name = \"The Courier\"", "name = \"The Courier"));
    assert!(stderr.contains("sources.toml:10:"), "{stderr}");
}

#[test]
fn unknown_key_names_line_and_column() {
    let stderr = check_fails(&GOOD.replace("name = \"The Ledger\"", "nmae = \"The Ledger\""));
    assert!(stderr.contains("sources.toml:6:1:"), "{stderr}");
    assert!(stderr.contains("nmae"), "{stderr}");
}

#[test]
fn every_unknown_key_and_every_other_problem_is_listed_with_the_nearest_key() {
    let broken = GOOD
        .replace("timeout_secs = 20", "timeout = 20")
        .replace(
            "name = \"The Ledger\"",
            "nmae = \"The Ledger\"\nname = \"L\"",
        )
        .replace("id = \"courier\"", "id = \"ledger\"")
        .replace(
            "url = \"https://courier.example/one\"",
            "ur = \"https://courier.example/one\"\nurl = \"ftp://x\"",
        );
    let stderr = check_fails(&broken);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "sources.toml:2:1: unknown key `timeout` in [settings]; did you mean `timeout_secs`?",
            "sources.toml:6:1: unknown key `nmae` in a [[outlet]]; did you mean `name`?",
            "sources.toml:10:6: duplicate outlet id \"ledger\"",
            "sources.toml:22:10: story \"story-one\" names unknown outlet \"courier\": declare it with [[outlet]] first",
            "sources.toml:23:1: unknown key `ur` in a [[story.article]]; did you mean `url`?",
            "sources.toml:24:7: invalid URL \"ftp://x\": expected an http:// or https:// URL, found scheme \"ftp\"",
        ]
        .map(|l| format!("{}{}", stderr.split("sources.toml").next().unwrap(), l)),
        "{stderr}"
    );
}

#[test]
fn unknown_setting_is_rejected() {
    let stderr = check_fails(&GOOD.replace("timeout_secs = 20", "timeout = 20"));
    assert!(stderr.contains("sources.toml:2:1:"), "{stderr}");
}

#[test]
fn duplicate_outlet_id_names_line_and_column() {
    let stderr = check_fails(&GOOD.replace("id = \"courier\"", "id = \"ledger\""));
    assert!(
        stderr.contains("sources.toml:9:6: duplicate outlet id \"ledger\""),
        "{stderr}"
    );
}

#[test]
fn invalid_id_names_line_and_column() {
    let stderr = check_fails(&GOOD.replace("id = \"story-one\"", "id = \"../Story One\""));
    assert!(
        stderr.contains("sources.toml:13:6: invalid story id"),
        "{stderr}"
    );
}

#[test]
fn unknown_outlet_in_a_story_names_line_and_column() {
    let stderr = check_fails(&GOOD.replace("outlet = \"courier\"", "outlet = \"herald\""));
    assert!(
        stderr.contains("sources.toml:21:10: story \"story-one\" names unknown outlet \"herald\""),
        "{stderr}"
    );
}

#[test]
fn non_http_url_names_line_and_column() {
    let stderr = check_fails(&GOOD.replace("https://courier.example/one", "file:///etc/passwd"));
    assert!(
        stderr.contains("sources.toml:22:7: invalid URL"),
        "{stderr}"
    );
}

#[test]
fn every_semantic_problem_is_listed() {
    let broken = GOOD
        .replace("id = \"courier\"", "id = \"ledger\"")
        .replace("https://ledger.example/one", "ftp://ledger.example/one");
    let stderr = check_fails(&broken);
    assert!(stderr.lines().count() >= 3, "{stderr}");
}

#[test]
fn a_bad_config_stops_every_command_before_the_terminal_is_touched() {
    let broken = GOOD.replace("id = \"courier\"", "id = \"ledger\"");
    for args in [&[][..], &["compare", "story-one"], &["fetch"]] {
        let dir = tempfile::tempdir().unwrap();
        let output = run_check(dir.path(), &broken, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(
            !output.stderr.contains(&0x1b),
            "{args:?}: escape byte in stderr"
        );
    }
}

#[test]
fn a_missing_config_file_is_a_clear_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["--config", "/nonexistent/sources.toml", "check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("/nonexistent/sources.toml: cannot read the file"),
        "{stderr}"
    );
}

#[test]
fn check_help_lists_only_the_options_it_uses() {
    let help = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    for flag in ["-h", "--help"] {
        let check = help(&["check", flag]);
        assert!(check.contains("--config"), "{check}");
        for ignored in ["--cache-dir", "--offline", "--color"] {
            assert!(!check.contains(ignored), "{ignored} in {check}");
        }
    }
    let compare = help(&["compare", "--help"]);
    for used in ["--config", "--cache-dir", "--offline", "--color"] {
        assert!(compare.contains(used), "{used} in {compare}");
    }
}
