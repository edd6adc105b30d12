//! `[compare] lexicon`: names a user's lexicon file (or the one shipped with parallax) declares
//! one entity are no name change, and a bad lexicon file is refused with its file, line and
//! column.

use std::path::Path;
use std::process::{Command, Output};

const SOURCES: &str = r#"[compare]
lexicon = ["aliases.toml"]

[[outlet]]
id = "wire"
name = "Wire"

[[outlet]]
id = "daily"
name = "Daily"

[[story]]
id = "plan"
title = "Plan"

[[story.article]]
outlet = "wire"
path = "wire.txt"

[[story.article]]
outlet = "daily"
path = "daily.txt"
"#;

/// A story whose two articles say the same but name the body that acted `wire_name` and
/// `daily_name`.
fn story_naming(wire_name: &str, daily_name: &str, lexicon: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("sources.toml", SOURCES);
    let article =
        |name: &str| format!("The {name} approved the new radar plan on Monday, officials said.\n");
    write("wire.txt", &article(wire_name));
    write("daily.txt", &article(daily_name));
    write("aliases.toml", lexicon);
    dir
}

fn story(lexicon: &str) -> tempfile::TempDir {
    story_naming("Langley", "CIA", lexicon)
}

fn parallax(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// Every reason the comparison gives.
fn reasons(dir: &Path) -> Vec<String> {
    let output = parallax(dir, &["compare", "plan", "--format", "json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        doc["settings"]["lexicon"],
        serde_json::json!(["aliases.toml"])
    );
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|claim| claim["statuses"].as_object().unwrap().values())
        .flat_map(|status| status["changes"].as_array().unwrap())
        .map(|change| change["reason"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn names_the_lexicon_declares_one_entity_are_no_name_change() {
    let without = story("[aliases]\n");
    assert_eq!(reasons(without.path()), ["name: Langley -> CIA"]);
    let with = story("[aliases]\nLangley = [\"CIA\", \"Central Intelligence Agency\"]\n");
    assert_eq!(reasons(with.path()), Vec::<String>::new());
}

#[test]
fn the_lexicon_shipped_with_parallax_knows_the_pentagon() {
    let dir = story_naming("Pentagon", "Defense Department", "[aliases]\n");
    assert_eq!(reasons(dir.path()), Vec::<String>::new());
    let dir = story_naming("Pentagon", "State Department", "[aliases]\n");
    assert_eq!(reasons(dir.path()), ["name: Pentagon -> State Department"]);
}

#[test]
fn a_bad_lexicon_file_is_refused_with_its_line_and_column() {
    let dir = story("[aliases]\nPentagon = 3\n");
    for args in [&["check"][..], &["compare", "plan"]] {
        let output = parallax(dir.path(), args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("aliases.toml:2:"), "{args:?}: {stderr}");
    }
    std::fs::remove_file(dir.path().join("aliases.toml")).unwrap();
    let output = parallax(dir.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("aliases.toml"), "{stderr}");
}
