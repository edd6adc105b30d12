//! The binary on the shipped demo story, as a user runs it from the repository root: piped
//! output is plain Markdown, `compare` writes the JSON contract, and nothing touches the network.

use std::process::Command;

fn parallax(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn piped_output_is_a_markdown_report_without_escape_bytes() {
    let output = parallax(&["--offline"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        !output.stdout.contains(&0x1b),
        "escape byte in piped output"
    );
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.starts_with("# "), "{report}");
    assert!(report.contains("The Meridian Ledger"), "{report}");
    assert!(
        report.contains("| claim |") || report.contains("claim"),
        "{report}"
    );
}

#[test]
fn compare_writes_the_json_contract_for_the_demo_story() {
    let output = parallax(&[
        "--offline",
        "compare",
        "hebei-tech-transfer",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["story"], "hebei-tech-transfer");
    assert_eq!(doc["reference"], "meridian");
    let outlets = doc["outlets"].as_array().unwrap();
    assert_eq!(outlets.len(), 5);
    for outlet in outlets {
        for key in ["id", "name", "url", "title", "published"] {
            assert!(outlet.get(key).is_some(), "outlet lacks {key}");
        }
    }
    let claims = doc["claims"].as_array().unwrap();
    assert!(claims.len() > 20);
    for claim in claims {
        let statuses = claim["statuses"].as_object().unwrap();
        assert_eq!(statuses.len(), 5);
        for status in statuses.values() {
            for key in ["status", "text", "similarity", "moved", "reasons"] {
                assert!(status.get(key).is_some(), "status lacks {key}");
            }
        }
    }
    assert!(!doc["paragraphs"].as_array().unwrap().is_empty());
}

#[test]
fn an_unknown_story_is_a_clear_error_with_exit_code_2() {
    let output = parallax(&["--offline", "compare", "no-such-story"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("no story \"no-such-story\""), "{stderr}");
    assert!(stderr.contains("hebei-tech-transfer"), "{stderr}");
}

#[test]
fn an_unknown_reference_is_exit_code_2_naming_the_known_outlets() {
    for args in [
        &[
            "--offline",
            "compare",
            "hebei-tech-transfer",
            "--reference",
            "nosuch",
        ][..],
        &[
            "--offline",
            "compare",
            "--all",
            "--format",
            "csv",
            "--reference",
            "nosuch",
        ][..],
    ] {
        let output = parallax(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        assert!(output.stdout.is_empty(), "nothing written");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("--reference \"nosuch\""), "{stderr}");
        for id in [
            "meridian",
            "clearsky",
            "globewire",
            "dailyblaze",
            "harbourcourier",
        ] {
            assert!(stderr.contains(id), "{id} in {stderr}");
        }
    }
}

#[test]
fn the_reference_may_be_named_by_its_name_in_any_case() {
    for asked in ["globewire", "GlobeWire", "the daily blaze"] {
        let output = parallax(&[
            "--offline",
            "compare",
            "hebei-tech-transfer",
            "--reference",
            asked,
        ]);
        assert_eq!(output.status.code(), Some(0), "{asked}: {output:?}");
        let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let expected = if asked == "the daily blaze" {
            "dailyblaze"
        } else {
            "globewire"
        };
        assert_eq!(doc["reference"], expected, "{asked}");
    }
}
