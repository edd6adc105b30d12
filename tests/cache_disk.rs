//! The disk rows of RELIABILITY.md, through the cache and the pipeline: the demo layout read
//! offline, corrupted files, versions kept when a page changes, 304s, ids that try to escape,
//! the lock, and a cache that cannot be written.

mod support;

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use parallax::cache::{Cache, CacheError, PageMeta, Storage, Stored, sha256_hex};
use parallax::config::Config;
use parallax::fetch::{FetchLimits, Fetcher};
use parallax::pipeline::{LoadOptions, LoadedStory, Loader, Origin, Progress, Stage};
use support::http_server::{Reply, TestServer};

const PAGE_A: &str = "<html><head><title>Quake</title></head><body><h1>Quake hits the coast</h1>\
    <p>A quake of magnitude 6.1 struck the coast on Monday, officials said.</p></body></html>";
const PAGE_B: &str = "<html><head><title>Quake</title></head><body><h1>Quake hits the coast</h1>\
    <p>A quake of magnitude 6.4 struck the coast on Monday, officials said.</p></body></html>";

fn config(urls: &[(&str, &str)]) -> Config {
    let mut text = String::new();
    for (outlet, _) in urls {
        text.push_str(&format!(
            "[[outlet]]\nid = \"{outlet}\"\nname = \"{outlet}\"\n"
        ));
    }
    text.push_str("[[story]]\nid = \"quake\"\ntitle = \"Quake\"\n");
    for (outlet, url) in urls {
        text.push_str(&format!(
            "[[story.article]]\noutlet = \"{outlet}\"\nurl = \"{url}\"\n"
        ));
    }
    Config::parse(&text, Path::new("sources.toml")).unwrap()
}

fn fetcher() -> Option<Arc<Fetcher>> {
    Some(Arc::new(
        Fetcher::new(FetchLimits {
            respect_robots: false,
            per_host_delay: Duration::ZERO,
            backoff_base: Duration::from_millis(10),
            read_timeout: Duration::from_secs(2),
            total_timeout: Duration::from_secs(5),
            ..FetchLimits::default()
        })
        .unwrap(),
    ))
}

async fn load(loader: &Loader, config: &Config) -> (LoadedStory, Vec<Progress>) {
    let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
    let loaded = loader.load(config, &config.stories[0], &sender).await;
    drop(sender);
    let mut events = Vec::new();
    while let Some(event) = receiver.recv().await {
        events.push(event);
    }
    (loaded, events)
}

fn options(refresh: bool) -> LoadOptions {
    LoadOptions {
        refresh,
        ..LoadOptions::default()
    }
}

fn warnings(events: &[Progress]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match &e.stage {
            Stage::Warning { message } => Some(message.clone()),
            _ => None,
        })
        .collect()
}

/// Writes a version by hand, exactly as the demo story's cache is laid out.
fn write_version(root: &Path, outlet: &str, version: &str, url: &str, body: &str) {
    let sha256 = Some(sha256_hex(body.as_bytes()));
    support::cache_versions::write_version(root, outlet, version, url, body, sha256);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hand_made_cache_opens_offline_at_its_newest_or_a_chosen_version() {
    let server = TestServer::start(|_, _| Reply::html(PAGE_B)).await;
    let url = server.url("/quake");
    let dir = tempfile::tempdir().unwrap();
    write_version(dir.path(), "wire", "20261128T080000Z", &url, PAGE_A);
    write_version(dir.path(), "wire", "20261128T090000Z", &url, PAGE_B);
    let config = config(&[("wire", &url), ("daily", &server.url("/other"))]);
    let cache = Cache::new(dir.path());
    let (loaded, _) = load(
        &Loader::with_parts(cache.clone(), None, options(false)),
        &config,
    )
    .await;
    assert_eq!(
        server.requests().len(),
        0,
        "offline never touches the network"
    );
    assert_eq!(loaded.outlets.len(), 1);
    assert!(loaded.outlets[0].paragraphs[0].contains("6.4"));
    assert_eq!(
        loaded.outlets[0].sha256.as_deref(),
        Some(sha256_hex(PAGE_B.as_bytes()).as_str())
    );
    assert_eq!(
        loaded.outlets[0].fetched_at.as_deref(),
        Some("2026-11-28T09:00:00Z")
    );
    assert_eq!(loaded.failures[0].id, "daily");
    assert!(
        loaded.failures[0].error.contains("not in the cache"),
        "{}",
        loaded.failures[0].error
    );
    let at = LoadOptions {
        at: Some("20261128T083000Z".into()),
        ..options(false)
    };
    let (older, _) = load(&Loader::with_parts(cache, fetcher(), at), &config).await;
    assert!(older.outlets[0].paragraphs[0].contains("6.1"));
    assert_eq!(server.requests().len(), 0, "--at reads the cache only");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_page_keeps_both_versions_and_an_unchanged_one_adds_none() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let server = TestServer::start(move |_, _| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        Reply::html(if n == 0 { PAGE_A } else { PAGE_B })
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    let config = config(&[("wire", &server.url("/quake"))]);
    let loader = Loader::with_parts(cache.clone(), fetcher(), options(true));
    let (first, _) = load(&loader, &config).await;
    assert_eq!(first.reports[0].origin, Some(Origin::New));
    let (second, _) = load(&loader, &config).await;
    assert_eq!(second.reports[0].origin, Some(Origin::New));
    let (third, _) = load(&loader, &config).await;
    assert_eq!(third.reports[0].origin, Some(Origin::Unchanged));
    let versions = cache.versions("quake", "wire").unwrap();
    assert_eq!(versions.len(), 2, "{versions:?}");
    let old = cache.read("quake", "wire", &versions[0]).unwrap();
    let new = cache.read("quake", "wire", &versions[1]).unwrap();
    assert_eq!(old.body, PAGE_A.as_bytes());
    assert_eq!(new.body, PAGE_B.as_bytes());
    assert_eq!(
        new.meta.requested_url.as_deref(),
        Some(server.url("/quake").as_str())
    );
    assert_eq!(new.meta.status, Some(200));
    assert_eq!(new.meta.charset.as_deref(), Some("UTF-8"));
    assert!(third.outlets[0].paragraphs[0].contains("6.4"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_304_keeps_the_cached_copy_and_records_the_check() {
    let server = TestServer::start(|request, _| {
        if request.header("if-none-match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::html(PAGE_A).with_header("etag", "\"v1\"")
        }
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    let config = config(&[("wire", &server.url("/quake"))]);
    let loader = Loader::with_parts(cache.clone(), fetcher(), options(true));
    load(&loader, &config).await;
    let version = cache.versions("quake", "wire").unwrap().pop().unwrap();
    // Make the recorded check old, so that a new one shows.
    let mut page = cache.read("quake", "wire", &version).unwrap();
    page.meta.checked_at = Some("2000-01-01T00:00:00Z".into());
    let sidecar = dir.path().join(format!("quake/wire/{version}.json"));
    std::fs::write(&sidecar, serde_json::to_vec(&page.meta).unwrap()).unwrap();
    let (again, _) = load(&loader, &config).await;
    assert_eq!(again.reports[0].origin, Some(Origin::Unchanged));
    assert_eq!(again.reports[0].status, Some(304));
    assert!(again.outlets[0].paragraphs[0].contains("6.1"));
    assert_eq!(
        cache.versions("quake", "wire").unwrap(),
        std::slice::from_ref(&version)
    );
    let checked = cache
        .read("quake", "wire", &version)
        .unwrap()
        .meta
        .checked_at
        .unwrap();
    assert!(checked.as_str() > "2000-01-01T00:00:00Z", "{checked}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupted_file_is_reported_and_fetched_again_or_skipped_offline() {
    let server = TestServer::start(|_, _| Reply::html(PAGE_A)).await;
    let url = server.url("/quake");
    let dir = tempfile::tempdir().unwrap();
    write_version(dir.path(), "wire", "20261128T090000Z", &url, PAGE_A);
    std::fs::write(
        dir.path().join("quake/wire/20261128T090000Z.html"),
        "tampered",
    )
    .unwrap();
    let cache = Cache::new(dir.path());
    assert!(matches!(
        cache.read("quake", "wire", "20261128T090000Z"),
        Err(CacheError::Corrupted { .. })
    ));
    let config = config(&[("wire", &url)]);
    let (offline, events) = load(
        &Loader::with_parts(cache.clone(), None, options(false)),
        &config,
    )
    .await;
    assert!(offline.outlets.is_empty());
    assert!(
        warnings(&events).iter().any(|w| w.contains("corrupted")),
        "{events:?}"
    );
    let (online, events) = load(
        &Loader::with_parts(cache.clone(), fetcher(), options(false)),
        &config,
    )
    .await;
    assert!(warnings(&events).iter().any(|w| w.contains("corrupted")));
    assert_eq!(online.reports[0].origin, Some(Origin::New));
    assert_eq!(server.hits("/quake"), 1);
    let newest = cache.newest("quake", "wire").unwrap().unwrap();
    assert_eq!(newest.body, PAGE_A.as_bytes());
    assert!(
        dir.path().join("quake/wire/20261128T090000Z.html").exists(),
        "the damaged file stays as evidence"
    );
}

#[test]
fn ids_and_versions_that_try_to_escape_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    for (story, outlet) in [
        ("../x", "wire"),
        ("quake", "../../etc"),
        ("quake", "Wire"),
        ("", "a"),
    ] {
        assert!(matches!(
            cache.outlet_dir(story, outlet),
            Err(CacheError::InvalidName(_))
        ));
        assert!(
            cache
                .store(
                    story,
                    outlet,
                    b"x",
                    PageMeta::default(),
                    jiff::Timestamp::now()
                )
                .is_err()
        );
    }
    assert!(matches!(
        cache.read("quake", "wire", "../../../etc/passwd"),
        Err(CacheError::InvalidName(_))
    ));
    assert!(!dir.path().join("x").exists());
}

/// Storage whose writes all fail, as on a full or read-only disk.
struct FullDisk;

impl Storage for FullDisk {
    fn create_dir_all(&self, _: &Path) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left on device",
        ))
    }
    fn write_atomic(&self, _: &Path, _: &[u8]) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left on device",
        ))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unwritable_cache_is_a_warning_and_the_article_is_kept_in_memory() {
    let server = TestServer::start(|_, _| Reply::html(PAGE_A)).await;
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::with_storage(dir.path(), Arc::new(FullDisk));
    let config = config(&[("wire", &server.url("/quake"))]);
    let (loaded, events) = load(
        &Loader::with_parts(cache, fetcher(), options(false)),
        &config,
    )
    .await;
    assert!(loaded.failures.is_empty());
    assert!(loaded.outlets[0].paragraphs[0].contains("6.1"));
    assert_eq!(loaded.reports[0].version, None);
    let warnings = warnings(&events);
    assert!(
        warnings.iter().any(|w| w.contains("no space left")),
        "{warnings:?}"
    );
}

/// Storage that writes pages but fails on sidecars: a crash between the two writes.
struct CrashBeforeSidecar;

impl Storage for CrashBeforeSidecar {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        if path.extension().is_some_and(|e| e == "json") {
            return Err(io::Error::other("crashed"));
        }
        parallax::cache::write_atomic(path, bytes)
    }
}

#[test]
fn a_version_without_its_sidecar_does_not_count() {
    let dir = tempfile::tempdir().unwrap();
    write_version(
        dir.path(),
        "wire",
        "20261128T090000Z",
        "https://x.example/",
        PAGE_A,
    );
    let half = Cache::with_storage(dir.path(), Arc::new(CrashBeforeSidecar));
    let at: jiff::Timestamp = "2026-11-28T10:00:00Z".parse().unwrap();
    assert!(
        half.store("quake", "wire", PAGE_B.as_bytes(), PageMeta::default(), at)
            .is_err()
    );
    let cache = Cache::new(dir.path());
    assert_eq!(
        cache.versions("quake", "wire").unwrap(),
        ["20261128T090000Z"]
    );
    assert_eq!(
        cache.newest("quake", "wire").unwrap().unwrap().body,
        PAGE_A.as_bytes()
    );
    // A failed sidecar write takes its page away: no orphan is left behind.
    let folder = dir.path().join("quake").join("wire");
    assert!(!folder.join("20261128T100000Z.html").exists());
    // A page a crash left without its sidecar is never clobbered by the next store.
    std::fs::write(folder.join("20261128T100000Z.html"), "orphan").unwrap();
    let stored = cache
        .store("quake", "wire", PAGE_B.as_bytes(), PageMeta::default(), at)
        .unwrap();
    assert_eq!(stored, Stored::New("20261128T100001Z".into()));
}

#[test]
fn a_second_writer_waits_for_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let holder = Cache::new(dir.path());
    let guard = holder.lock().unwrap();
    let other = Cache::new(dir.path());
    let writer = std::thread::spawn(move || {
        other.store(
            "quake",
            "wire",
            PAGE_A.as_bytes(),
            PageMeta::default(),
            jiff::Timestamp::now(),
        )
    });
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !writer.is_finished(),
        "the store waits while another instance holds the lock"
    );
    assert!(holder.versions("quake", "wire").unwrap().is_empty());
    drop(guard);
    assert!(matches!(writer.join().unwrap(), Ok(Stored::New(_))));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn article_json_is_used_only_for_the_page_it_was_extracted_from() {
    let server = TestServer::start(|_, _| Reply::html(PAGE_A)).await;
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    let config = config(&[("wire", &server.url("/quake"))]);
    load(
        &Loader::with_parts(cache.clone(), fetcher(), options(false)),
        &config,
    )
    .await;
    let mut stored = cache.read_article("quake", "wire").unwrap();
    assert_eq!(stored.sha256, sha256_hex(PAGE_A.as_bytes()));
    assert!(stored.article.paragraphs[0].contains("6.1"));
    // A record naming this page is read instead of extracting again ...
    stored.article.paragraphs = vec!["from article.json".into()];
    cache.write_article("quake", "wire", &stored).unwrap();
    let offline = Loader::with_parts(cache.clone(), None, options(false));
    let (loaded, _) = load(&offline, &config).await;
    assert_eq!(loaded.outlets[0].paragraphs, ["from article.json"]);
    // ... and one naming another page is ignored.
    stored.sha256 = sha256_hex(b"another page");
    cache.write_article("quake", "wire", &stored).unwrap();
    let (loaded, _) = load(&offline, &config).await;
    assert!(loaded.outlets[0].paragraphs[0].contains("6.1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_charset_of_a_fetched_page_is_decoded_and_recorded() {
    let mut page = b"<html><body><p>Caf".to_vec();
    page.push(0xE9); // é in windows-1252
    page.extend_from_slice(b" owners met the mayor on Monday.</p></body></html>");
    let server = TestServer::start(move |_, _| Reply::Full {
        status: 200,
        headers: vec![(
            "content-type".into(),
            "text/html; charset=windows-1252".into(),
        )],
        body: page.clone(),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    let config = config(&[("wire", &server.url("/cafe"))]);
    let (loaded, _) = load(
        &Loader::with_parts(cache.clone(), fetcher(), options(false)),
        &config,
    )
    .await;
    assert!(
        loaded.outlets[0].paragraphs[0].contains("Café owners"),
        "{:?}",
        loaded.outlets[0].paragraphs
    );
    let newest = cache.newest("quake", "wire").unwrap().unwrap();
    assert_eq!(newest.meta.charset.as_deref(), Some("windows-1252"));
    assert_eq!(newest.body[18], 0xE9, "the raw bytes are kept as received");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_a_corrupted_newest_version_falls_back_to_an_intact_older_one() {
    let dir = tempfile::tempdir().unwrap();
    let url = "https://wire.example/quake";
    write_version(dir.path(), "wire", "20261128T080000Z", url, PAGE_A);
    write_version(dir.path(), "wire", "20261128T090000Z", url, PAGE_B);
    std::fs::write(
        dir.path().join("quake/wire/20261128T090000Z.html"),
        "tampered",
    )
    .unwrap();
    let config = config(&[("wire", url)]);
    let offline = Loader::with_parts(Cache::new(dir.path()), None, options(false));
    let (loaded, events) = load(&offline, &config).await;
    assert!(loaded.outlets[0].paragraphs[0].contains("6.1"));
    let warnings = warnings(&events);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("corrupted") && w.contains("older version 20261128T080000Z")),
        "{warnings:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_refresh_falls_back_to_the_cached_copy_and_says_why() {
    let server = TestServer::start(|_, n| match n {
        0 => Reply::html(PAGE_A),
        _ => Reply::status(410),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    let config = config(&[("wire", &server.url("/quake"))]);
    let loader = Loader::with_parts(cache.clone(), fetcher(), options(true));
    load(&loader, &config).await;
    let (again, events) = load(&loader, &config).await;
    assert!(again.failures.is_empty());
    assert!(again.outlets[0].paragraphs[0].contains("6.1"));
    assert_eq!(again.reports[0].origin, Some(Origin::Cached));
    let error = again.reports[0].error.as_deref().unwrap();
    assert!(error.contains("HTTP 410"), "{error}");
    assert!(
        warnings(&events)
            .iter()
            .any(|w| w.contains("using the cached version"))
    );
    assert_eq!(server.hits("/quake"), 2, "a 410 is not retried");
}
