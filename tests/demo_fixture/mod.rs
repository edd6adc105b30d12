//! The demo story's fixtures, shared by the tests that read them: where the repository is, and
//! the metadata an ideal reader takes from each outlet's page.
// Each test crate uses the helpers it needs.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The demo story's id in `sources.toml`.
pub const STORY: &str = "hebei-tech-transfer";

/// `tests/fixtures/demo/<outlet>.meta.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedMeta {
    pub title: String,
    pub byline: String,
    pub published: String,
    pub headings: Vec<String>,
    pub heading_positions: Vec<usize>,
}

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of `tests/fixtures/demo/`.
pub fn fixture_path(name: &str) -> PathBuf {
    root().join("tests/fixtures/demo").join(name)
}

/// A file's text; panics naming the file.
pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The expected metadata of `outlet`'s page.
pub fn meta(outlet: &str) -> ExpectedMeta {
    let path = fixture_path(&format!("{outlet}.meta.toml"));
    toml::from_str(&read(&path)).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}
