//! `parallax compare` as users run it: formats, `-o`, `--bom`, and `--all` over the fixture
//! collection (two stories that compare, one whose articles are gone).

mod report_support;

use report_support::parallax;

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn all_stories_go_into_one_csv_and_a_failing_story_does_not_stop_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("collection.csv");
    let output = parallax(&[
        "compare",
        "--all",
        "--format",
        "csv",
        "--bom",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("lost-story") && err.contains("no-such-file.txt"),
        "{err}"
    );
    assert!(err.contains("compared 2 of 3 stories (1 failed"), "{err}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let stories: Vec<String> = reader
        .records()
        .map(|r| r.unwrap().get(0).unwrap().to_string())
        .collect();
    let first_council = stories.iter().position(|s| s == "council-vote").unwrap();
    assert!(stories[..first_council].iter().all(|s| s == "factory-fire"));
    assert!(stories[first_council..].iter().all(|s| s == "council-vote"));
    assert!(
        first_council > 0,
        "both stories have rows, in sources.toml order"
    );
}

#[test]
fn all_stories_go_into_one_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("collection.sqlite");
    let output = parallax(&[
        "compare",
        "--all",
        "--format",
        "sqlite",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let db = rusqlite::Connection::open(&out).unwrap();
    let stories: Vec<String> = db
        .prepare("SELECT story FROM stories ORDER BY story")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(stories, ["council-vote", "factory-fire"]);
}

#[test]
fn usage_mistakes_exit_2_with_a_reason() {
    let cases: [(&[&str], &str); 5] = [
        (&["compare", "--all", "--format", "md"], "csv or sqlite"),
        (
            &["compare", "factory-fire", "--format", "json", "--bom"],
            "--bom",
        ),
        (
            &[
                "compare",
                "factory-fire",
                "--format",
                "md",
                "--table",
                "framing",
            ],
            "--table",
        ),
        (&["compare"], "STORY"),
        (&["compare", "no-such-story"], "no story"),
    ];
    for (args, says) in cases {
        let output = parallax(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn each_format_writes_its_file() {
    let dir = tempfile::tempdir().unwrap();
    for (format, starts) in [
        ("json", &b"{"[..]),
        ("csv", b"story,claim_id"),
        ("md", b"# factory-fire"),
        ("html", b"<!DOCTYPE html>"),
        ("sqlite", b"SQLite format 3\0"),
    ] {
        let out = dir.path().join(format!("report.{format}"));
        let output = parallax(&[
            "compare",
            "factory-fire",
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stderr(&output)
        );
        assert!(std::fs::read(&out).unwrap().starts_with(starts), "{format}");
    }
}

#[test]
fn a_crash_while_writing_leaves_the_old_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let args = ["compare", "factory-fire", "--format", "json", "-o"];
    // An earlier report (only a report is replaced without --force).
    let output = parallax(&[&args[..], &[out.to_str().unwrap()]].concat());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let old = std::fs::read(&out).unwrap();
    // The file size limit kills parallax (SIGXFSZ) in the middle of writing the ~18 kB report.
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 4 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .arg(&out)
        .current_dir(report_support::fixtures())
        .output()
        .unwrap();
    assert!(!output.status.success(), "the write was meant to fail");
    assert_eq!(std::fs::read(&out).unwrap(), old);
    let partial = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".report.json.tmp")
        });
    assert!(
        partial,
        "the crash came in the middle of writing the temp file"
    );
    // Without the limit the report replaces the old file whole.
    let output = parallax(&[&args[..], &[out.to_str().unwrap()]].concat());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(json["story"], "factory-fire");
}
