//! Shared pieces of the report tests: the fixture comparisons, golden files and the binary.
#![allow(dead_code)] // each test crate uses its own part of this module

use std::path::{Path, PathBuf};

use parallax::commands::compare::compare_story;
use parallax::config::Config;
use parallax::model::Comparison;
use parallax::pipeline::LoadOptions;
use rusqlite::types::ValueRef;

/// `tests/fixtures/report/`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report")
}

/// A frozen comparison of the `factory-fire` fixture story (engine output, with evidence, a word
/// diff, a moved passage, a heading and a failure added by hand), so the goldens test the
/// writers and not the engine of the day.
pub fn frozen_comparison() -> Comparison {
    let text = std::fs::read_to_string(fixtures().join("comparison.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The fixture collection's config (local text files only).
pub fn fixture_config() -> Config {
    Config::load(&fixtures().join("sources.toml")).unwrap()
}

/// Every story of `config` that the engine can compare, compared now, offline, with the cache
/// in the config's folder.
pub fn compare_all(config: &Config) -> Vec<Comparison> {
    let options = LoadOptions {
        cache_dir: config.path.parent().unwrap().join("cache"),
        offline: true,
        ..LoadOptions::default()
    };
    config
        .stories
        .iter()
        .filter_map(|story| {
            let loaded = parallax::pipeline::load_story(config, story, &options, &mut |_| {});
            compare_story(config, story, loaded, None).ok()
        })
        .collect()
}

/// The demo story's config at the repository root, when it ships one with stories.
pub fn demo_config() -> Option<Config> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sources.toml");
    Config::load(&path).ok().filter(|c| !c.stories.is_empty())
}

/// Compares `actual` with `tests/golden/report/NAME`; with `UPDATE_GOLDEN=1` rewrites the file.
pub fn assert_golden(name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/report")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|err| {
        panic!(
            "{}: {err}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let expected = String::from_utf8_lossy(&expected);
        let actual = String::from_utf8_lossy(actual);
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             (UPDATE_GOLDEN=1 cargo test --test report_golden rewrites the goldens)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

/// Runs the `parallax` binary in the fixtures folder.
pub fn parallax(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(fixtures())
        .output()
        .unwrap()
}

/// Every table of a SQLite database as sorted text lines, for goldens and comparisons.
pub fn dump_sqlite(path: &Path) -> String {
    let db = rusqlite::Connection::open(path).unwrap();
    let mut tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables.sort();
    let mut out = String::new();
    for table in tables {
        out.push_str(&format!("## {table}\n"));
        let mut stmt = db.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = stmt.column_count();
        let mut lines: Vec<String> = stmt
            .query_map([], |row| {
                Ok((0..columns)
                    .map(|i| match row.get_ref(i).unwrap() {
                        ValueRef::Null => "NULL".to_string(),
                        ValueRef::Integer(n) => n.to_string(),
                        ValueRef::Real(x) => x.to_string(),
                        ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                        ValueRef::Blob(b) => format!("<{} bytes>", b.len()),
                    })
                    .collect::<Vec<_>>()
                    .join(" | "))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        lines.sort();
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
