//! `parallax provenance STORY` on the demo story as a user runs it: the text report, the JSON
//! document against `schema/provenance.schema.json`, exit codes, and `-o FILE` over a
//! previous report but never over a user's file.

use std::process::Command;

fn parallax(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

/// The provenance schema, with the comparison schema it refers to at hand (nothing fetched).
fn provenance_schema() -> jsonschema::Validator {
    struct Local(serde_json::Value);
    impl jsonschema::Retrieve for Local {
        fn retrieve(
            &self,
            uri: &jsonschema::Uri<String>,
        ) -> Result<serde_json::Value, Box<dyn std::error::Error + Send + Sync>> {
            if uri.as_str().ends_with("/schema/comparison.schema.json") {
                Ok(self.0.clone())
            } else {
                Err(format!("no schema {uri} here").into())
            }
        }
    }
    let read = |name: &str| -> serde_json::Value {
        let path = format!("{}/schema/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    jsonschema::options()
        .with_retriever(Local(read("comparison.schema.json")))
        .build(&read("provenance.schema.json"))
        .unwrap()
}

#[test]
fn the_text_report_draws_the_graph_and_cites_the_evidence() {
    let output = parallax(&["--offline", "provenance", "hebei-tech-transfer"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(!output.stdout.contains(&0x1b));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("parallax provenance: story hebei-tech-transfer (5 outlets)"),
        "{text}"
    );
    for line in [
        "meridian → clearsky",
        "wholly",
        "clearsky credits meridian",
        "same conversion: 1 million yuan (about $153,000)",
        "Evidence by pair",
        "harbourcourier credits The Meridian Ledger (first reported by)",
    ] {
        assert!(text.contains(line), "{line:?} missing from:\n{text}");
    }
    assert!(
        text.contains("      clearsky ¶1 bytes "),
        "passages are cited by place: {text}"
    );
}

#[test]
fn the_json_document_validates_and_holds_one_relation_per_pair() {
    let output = parallax(&[
        "--offline",
        "provenance",
        "hebei-tech-transfer",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let validator = provenance_schema();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(doc["story"], "hebei-tech-transfer");
    let relations = doc["provenance"]["relations"].as_array().unwrap();
    assert_eq!(relations.len(), 10);
    let clearsky = relations
        .iter()
        .find(|r| r["derived"] == "clearsky" && r["source"] == "meridian")
        .unwrap();
    assert_eq!(clearsky["class"], "wholly");
    assert_eq!(clearsky["direction"], "credit");
    // The same section stands in the comparison report.
    let output = parallax(&[
        "--offline",
        "compare",
        "hebei-tech-transfer",
        "--format",
        "json",
    ]);
    let comparison: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(comparison["provenance"], doc["provenance"]);
}

#[test]
fn an_unknown_story_or_reference_is_exit_2() {
    let output = parallax(&["--offline", "provenance", "no-such-story"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("no story \"no-such-story\""));
    let output = parallax(&[
        "--offline",
        "provenance",
        "hebei-tech-transfer",
        "--reference",
        "nobody",
    ]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}

#[test]
fn output_replaces_a_previous_report_but_not_a_user_s_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("provenance.txt");
    let file = path.to_str().unwrap();
    for _ in 0..2 {
        let output = parallax(&["--offline", "provenance", "hebei-tech-transfer", "-o", file]);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
    }
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("parallax provenance")
    );
    std::fs::write(&path, "my notes\n").unwrap();
    let output = parallax(&["--offline", "provenance", "hebei-tech-transfer", "-o", file]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes\n");
}

#[test]
fn compare_all_tells_which_outlets_derive_from_which_across_the_stories() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.sqlite");
    let output = parallax(&[
        "--offline",
        "compare",
        "--all",
        "--format",
        "sqlite",
        "-o",
        path.to_str().unwrap(),
    ]);
    // hebei-live is not cached: one story fails, the rest is written.
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("provenance across the stories (source → derived):"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("meridian → clearsky: in 1 of 1 stories both are in (1 wholly, 0 partially)"),
        "{stderr}"
    );
    let db = rusqlite::Connection::open(&path).unwrap();
    let (derived, wholly): (i64, i64) = db
        .query_row(
            "SELECT stories_derived, wholly FROM provenance_outlet_pairs \
             WHERE source = 'meridian' AND derived = 'clearsky'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!((derived, wholly), (1, 1));
}
