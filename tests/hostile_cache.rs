//! A cache anyone could have edited: a sidecar that turns the check off, a version dated in
//! the future, an outlet folder linked elsewhere, an `article.json` with escapes, a copy of
//! another URL, a page too large; and `fetch` when nothing can be kept.

mod support;

use std::path::Path;
use std::process::Command;

use parallax::cache::{Cache, CacheError, ExtractedArticle, PageMeta, sha256_hex};
use parallax::config::Config;
use parallax::model::Article;
use parallax::pipeline::{LoadOptions, LoadedStory, Loader, Progress, Stage};
use support::http_server::{Reply, TestServer};

const PAGE: &str = "<html><head><title>Quake</title></head><body><h1>Quake hits the coast</h1>\
    <p>A quake of magnitude 6.1 struck the coast on Monday, officials said.</p></body></html>";
const URL: &str = "https://wire.example/quake";

/// One story, `quake`, with one outlet, `wire`, at `url`.
fn story_toml(url: &str) -> String {
    format!(
        "[[outlet]]\nid = \"wire\"\nname = \"Wire\"\n[[story]]\nid = \"quake\"\ntitle = \"Quake\"\n\
         [[story.article]]\noutlet = \"wire\"\nurl = \"{url}\"\n"
    )
}

fn config(url: &str) -> Config {
    Config::parse(&story_toml(url), Path::new("sources.toml")).unwrap()
}

/// Writes a version of outlet `wire` by hand; `sha256` None writes `"sha256": null`.
fn write_version(root: &Path, version: &str, url: &str, body: &str, sha256: Option<String>) {
    support::cache_versions::write_version(root, "wire", version, url, body, sha256);
}

/// Writes the version `20261128T090000Z` of [`PAGE`] from [`URL`], its sidecar intact.
fn write_intact(root: &Path) {
    let sha256 = Some(sha256_hex(PAGE.as_bytes()));
    write_version(root, "20261128T090000Z", URL, PAGE, sha256);
}

fn load_offline(root: &Path, config: &Config) -> (LoadedStory, Vec<Progress>) {
    let loader = Loader::with_parts(Cache::new(root), None, LoadOptions::default());
    let mut events = Vec::new();
    let loaded = loader
        .load_blocking(config, &[&config.stories[0]], &mut |e| events.push(e))
        .pop()
        .unwrap();
    (loaded, events)
}

#[test]
fn a_sidecar_without_sha256_is_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    write_version(dir.path(), "20261128T090000Z", URL, PAGE, None);
    let err = Cache::new(dir.path())
        .read("quake", "wire", "20261128T090000Z")
        .unwrap_err();
    assert!(matches!(err, CacheError::BadSidecar { .. }), "{err}");
    assert!(err.to_string().contains("no sha256"), "{err}");
}

#[test]
fn a_corrupted_copy_offline_is_reported_as_corrupted() {
    let dir = tempfile::tempdir().unwrap();
    write_version(
        dir.path(),
        "20261128T090000Z",
        URL,
        PAGE,
        Some("00".repeat(32)),
    );
    let (loaded, _) = load_offline(dir.path(), &config(URL));
    let error = &loaded.failures[0].error;
    assert!(error.contains("corrupted"), "{error}");
    assert!(!error.contains("not in the cache"), "{error}");
}

#[test]
fn a_version_dated_in_the_future_does_not_hide_later_fetches() {
    let dir = tempfile::tempdir().unwrap();
    let sha = Some(sha256_hex(PAGE.as_bytes()));
    write_version(dir.path(), "20261128T090000Z", URL, PAGE, sha.clone());
    write_version(dir.path(), "29991231T000000Z", URL, PAGE, sha);
    let cache = Cache::new(dir.path());
    assert_eq!(
        cache.versions("quake", "wire").unwrap(),
        ["20261128T090000Z"]
    );
    let now = jiff::Timestamp::now();
    cache
        .store("quake", "wire", b"<p>later</p>", PageMeta::default(), now)
        .unwrap();
    assert_eq!(
        cache.newest("quake", "wire").unwrap().unwrap().body,
        b"<p>later</p>"
    );
}

#[cfg(unix)]
#[test]
fn an_outlet_folder_linked_outside_the_cache_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("quake")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("quake").join("wire")).unwrap();
    let cache = Cache::new(dir.path());
    let stored = cache.store(
        "quake",
        "wire",
        PAGE.as_bytes(),
        PageMeta::default(),
        jiff::Timestamp::now(),
    );
    assert!(matches!(stored, Err(CacheError::Symlink(_))), "{stored:?}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn an_edited_article_json_is_re_extracted_from_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let sha = sha256_hex(PAGE.as_bytes());
    write_version(dir.path(), "20261128T090000Z", URL, PAGE, Some(sha.clone()));
    let cache = Cache::new(dir.path());
    let forged = ExtractedArticle {
        sha256: sha,
        parallax_version: env!("CARGO_PKG_VERSION").into(),
        body_selector: None,
        drop_selectors: Vec::new(),
        article: Article {
            title: "Quake\u{1b}]52;c;SGVsbG8=\u{7}".into(),
            paragraphs: vec!["Forged \u{9b}2J text.".into()],
            ..Article::default()
        },
    };
    cache.write_article("quake", "wire", &forged).unwrap();
    assert_eq!(cache.read_article("quake", "wire"), None);
    let (loaded, _) = load_offline(dir.path(), &config(URL));
    let outlet = &loaded.outlets[0];
    assert_eq!(outlet.title, "Quake hits the coast");
    assert!(
        outlet.paragraphs[0].contains("6.1"),
        "{:?}",
        outlet.paragraphs
    );
}

#[test]
fn escapes_in_a_sidecar_never_reach_the_article_s_evidence() {
    let dir = tempfile::tempdir().unwrap();
    write_intact(dir.path());
    let path = dir.path().join("quake/wire/20261128T090000Z.json");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "2026-11-28T09:00:00Z",
        "2026-11-28T09:00:00Z\\u001b]0;x\\u0007",
    );
    std::fs::write(&path, text).unwrap();
    let (loaded, _) = load_offline(dir.path(), &config(URL));
    assert_eq!(
        loaded.outlets[0].fetched_at.as_deref(),
        Some("2026-11-28T09:00:00Z")
    );
}

#[test]
fn a_cached_copy_of_another_url_is_never_shown_under_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    write_intact(dir.path());
    let (loaded, events) = load_offline(dir.path(), &config("https://wire.example/other"));
    assert!(loaded.outlets.is_empty(), "{:?}", loaded.outlets);
    let error = &loaded.failures[0].error;
    assert!(
        error.contains("was fetched from https://wire.example/quake"),
        "{error}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(&e.stage, Stage::Warning { .. }))
    );
}

#[test]
fn a_cached_page_larger_than_max_body_bytes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write_intact(dir.path());
    let cache = Cache::new(dir.path()).with_max_page_bytes(64);
    let err = cache.read("quake", "wire", "20261128T090000Z").unwrap_err();
    assert!(err.to_string().contains("larger than 64 bytes"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetch_fails_when_the_page_cannot_be_kept() {
    let server = TestServer::start(|_, _| Reply::html(PAGE)).await;
    let dir = tempfile::tempdir().unwrap();
    let sources = format!(
        "[settings]\nrespect_robots = false\nper_host_delay_ms = 0\n{}",
        story_toml(&server.url("/quake"))
    );
    std::fs::write(dir.path().join("sources.toml"), sources).unwrap();
    // The story's folder is a file: no version can be written (even as root).
    std::fs::create_dir_all(dir.path().join("cache")).unwrap();
    std::fs::write(dir.path().join("cache").join("quake"), "in the way").unwrap();
    let root = dir.path().to_path_buf();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .current_dir(root)
            .args(["fetch", "quake"])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("not kept"), "{stdout}");
    let left: Vec<_> = std::fs::read_dir(dir.path().join("cache"))
        .unwrap()
        .collect();
    assert_eq!(
        left.len(),
        2,
        "only the lock and the blocking file: {left:?}"
    );
}
