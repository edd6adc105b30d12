//! `parallax extract FILE`: the JSON form is the Article serialisation, the text form shows
//! title, byline, date, subheadings and paragraphs, and a missing file is a usage error (2).

use std::process::Command;

fn parallax(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

const FIXTURE: &str = "tests/fixtures/extract/boilerplate.html";

#[test]
fn json_output_is_the_article() {
    let output = parallax(&["--offline", "extract", FIXTURE, "--format", "json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let article: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(article["title"], "Hebei opens a technology transfer market");
    assert_eq!(article["byline"], "Jane Doe");
    assert_eq!(article["paragraphs"].as_array().map(Vec::len), Some(5));
    assert_eq!(article["headings"][0], "What changes for companies");
    assert_eq!(article["heading_positions"][0], 2);
}

#[test]
fn text_output_shows_metadata_and_subheadings_in_place() {
    let output = parallax(&["--offline", "extract", FIXTURE, "--format", "text"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.starts_with("Hebei opens a technology transfer market\nBy Jane Doe\n\n"));
    let heading = text
        .find("## What changes for companies")
        .expect("heading shown");
    assert!(text[..heading].contains("1 million yuan"));
    assert!(text[heading..].starts_with("## What changes for companies\n\nCompanies will"));
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let output = parallax(&[
        "--offline",
        "extract",
        "tests/fixtures/extract/no-such-page.html",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-page.html"), "{stderr}");
}
