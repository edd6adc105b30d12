//! `[compare] lexicon`: names a user's lexicon file (or the one shipped with parallax) declares
//! one entity are no name change, the hedges, reporting verbs, kinds of source and synonyms it
//! adds count as the engine's own, and a bad lexicon file is refused with its file, line and
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

/// A story of two articles, `wire` and `daily`, compared with `lexicon`.
fn story_of(wire: &str, daily: &str, lexicon: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("sources.toml", SOURCES);
    write("wire.txt", &format!("{wire}\n"));
    write("daily.txt", &format!("{daily}\n"));
    write("aliases.toml", lexicon);
    dir
}

/// A story whose two articles say the same but name the body that acted `wire_name` and
/// `daily_name`.
fn story_naming(wire_name: &str, daily_name: &str, lexicon: &str) -> tempfile::TempDir {
    let article =
        |name: &str| format!("The {name} approved the new radar plan on Monday, officials said.");
    story_of(&article(wire_name), &article(daily_name), lexicon)
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

/// The comparison, as JSON.
fn compared(dir: &Path) -> serde_json::Value {
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
    doc
}

/// Every reason the comparison gives.
fn reasons(dir: &Path) -> Vec<String> {
    compared(dir)["claims"]
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
    let check = parallax(with.path(), &["check"]);
    assert!(
        String::from_utf8_lossy(&check.stdout).contains(
            "lexicon aliases.toml: ok (1 entity named otherwise, 0 synonyms, 0 hedges, 0 reporting verbs, 0 source words)"
        ),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// The daily's status of each claim, with each of its reasons and their classes.
fn daily_statuses(dir: &Path) -> Vec<(String, Vec<String>)> {
    compared(dir)["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| {
            let status = &claim["statuses"]["daily"];
            let reasons = status["changes"].as_array().unwrap().iter();
            (
                status["status"].as_str().unwrap().to_string(),
                reasons
                    .map(|c| format!("{} ({})", c["reason"], c["class"]))
                    .collect(),
            )
        })
        .collect()
}

/// The daily's statuses of the story of `wire` and `daily`, without a lexicon and with
/// `lexicon`.
fn without_and_with(wire: &str, daily: &str, lexicon: &str) -> [Vec<(String, Vec<String>)>; 2] {
    [String::new(), lexicon.to_string()]
        .map(|words| daily_statuses(story_of(wire, daily, &words).path()))
}

fn differs(reason: &str) -> Vec<(String, Vec<String>)> {
    vec![("differs".to_string(), vec![reason.to_string()])]
}

#[test]
fn a_hedge_the_lexicon_adds_is_a_hedge() {
    let [without, with] = without_and_with(
        "The plan was seemingly approved on Monday by the council.",
        "The plan was approved on Monday by the council.",
        "[hedges]\nseemingly = \"apparently\"\n",
    );
    assert_eq!(
        without,
        differs("\"wording left out: seemingly\" (\"detail\")")
    );
    assert_eq!(with, differs("\"hedge removed: seemingly\" (\"framing\")"));
}

#[test]
fn a_reporting_verb_the_lexicon_adds_reports() {
    let [without, with] = without_and_with(
        "The minister averred that the plan was legal.",
        "The minister said that the plan was legal.",
        "[reporting_verbs]\naverred = \"insisted\"\n",
    );
    assert_eq!(
        without,
        differs("\"attribution added: The minister said\" (\"detail\")")
    );
    assert_eq!(
        with,
        differs("\"attribution: averred -> said\" (\"framing\")")
    );
}

#[test]
fn a_kind_of_source_the_lexicon_adds_is_told_from_others() {
    let [without, with] = without_and_with(
        "Lifeguards said 12 people were hurt in the crash.",
        "Police said 12 people were hurt in the crash.",
        "[sources]\nlifeguards = \"rescuers\"\n",
    );
    assert_eq!(without, [("appears".to_string(), Vec::new())]);
    assert_eq!(
        with,
        differs("\"attribution: Lifeguards -> Police\" (\"framing\")")
    );
}

#[test]
fn synonyms_the_lexicon_adds_match_claims() {
    let [without, with] = without_and_with(
        "Surgeries gave jabs.",
        "Clinics gave vaccines.",
        "[synonyms]\nvaccine = [\"jab\"]\nclinic = [\"surgery\"]\n",
    );
    let status = |statuses: &[(String, Vec<String>)]| -> Vec<String> {
        statuses.iter().map(|(status, _)| status.clone()).collect()
    };
    assert_eq!(status(&without), ["missing", "added"]);
    assert_eq!(status(&with), ["appears"]);
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
    for (lexicon, at) in [
        ("[aliases]\nPentagon = 3\n", "aliases.toml:2:"),
        ("[hedges]\nseemingly = \"sorta\"\n", "aliases.toml:2:13"),
        (
            "[reporting_verbs]\n\n\"gave out\" = \"said\"\n",
            "aliases.toml:3:1",
        ),
    ] {
        let dir = story(lexicon);
        for args in [&["check"][..], &["compare", "plan"]] {
            let output = parallax(dir.path(), args);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains(at), "{args:?}: {stderr}");
        }
    }
    let dir = story("[aliases]\n");
    std::fs::remove_file(dir.path().join("aliases.toml")).unwrap();
    let output = parallax(dir.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("aliases.toml"), "{stderr}");
}
