//! `parallax fetch` and URL inputs end to end, with the real binary against a loopback server:
//! exit codes, the summary table, and two instances writing one cache at once.

mod support;

use std::path::Path;
use std::time::Duration;

use parallax::cache::Cache;
use support::binary::parallax;
use support::http_server::{Reply, TestServer};

const PAGE: &str =
    "<html><body><h1>Flood</h1><p>The river rose by 2 metres overnight.</p></body></html>";

fn write_sources(dir: &Path, articles: &[(&str, String)]) {
    let mut text = String::from(
        "[settings]\nrespect_robots = false\nper_host_delay_ms = 0\nread_timeout_secs = 5\ntimeout_secs = 10\n",
    );
    for (outlet, _) in articles {
        text.push_str(&format!(
            "[[outlet]]\nid = \"{outlet}\"\nname = \"{outlet}\"\n"
        ));
    }
    text.push_str("[[story]]\nid = \"flood\"\ntitle = \"Flood\"\n");
    for (outlet, url) in articles {
        text.push_str(&format!(
            "[[story.article]]\noutlet = \"{outlet}\"\nurl = \"{url}\"\n"
        ));
    }
    std::fs::write(dir.join("sources.toml"), text).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetch_exits_0_when_all_succeed_1_when_some_fail_and_2_for_an_unknown_story() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/gone" => Reply::status(404),
        _ => Reply::html(PAGE),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    write_sources(
        dir.path(),
        &[
            ("wire", server.url("/flood")),
            ("daily", server.url("/gone")),
        ],
    );
    let output = parallax(dir.path(), &["fetch"]).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let wire = stdout
        .lines()
        .find(|l| l.starts_with("flood/wire"))
        .unwrap();
    assert!(wire.contains("200") && wire.ends_with("new"), "{wire}");
    let daily = stdout
        .lines()
        .find(|l| l.starts_with("flood/daily"))
        .unwrap();
    assert!(
        daily.contains("failed") && daily.contains("HTTP 404"),
        "{daily}"
    );
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains('\x1b'),
        "plain progress lines when stderr is not a terminal"
    );
    write_sources(dir.path(), &[("wire", server.url("/flood"))]);
    let output = parallax(dir.path(), &["fetch"]).await;
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("cached"));
    let output = parallax(dir.path(), &["fetch", "nope"]).await;
    assert_eq!(output.status.code(), Some(2));
    let output = parallax(dir.path(), &["compare", "flood", "--offline"]).await;
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("2 metres"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_fetching_at_once_keep_one_whole_version() {
    let server = TestServer::start(|_, _| {
        Reply::Delayed(Duration::from_millis(200), Box::new(Reply::html(PAGE)))
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let outlets: Vec<(String, String)> = (0..4)
        .map(|i| (format!("o{i}"), server.url(&format!("/{i}"))))
        .collect();
    let articles: Vec<(&str, String)> = outlets
        .iter()
        .map(|(o, u)| (o.as_str(), u.clone()))
        .collect();
    write_sources(dir.path(), &articles);
    let (one, two) = tokio::join!(
        parallax(dir.path(), &["fetch", "--refresh"]),
        parallax(dir.path(), &["fetch", "--refresh"])
    );
    assert_eq!(
        one.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert_eq!(
        two.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&two.stderr)
    );
    assert_eq!(
        server.requests().len(),
        8,
        "both instances fetched every page"
    );
    let cache = Cache::new(dir.path().join("cache"));
    for (outlet, _) in &outlets {
        let versions = cache.versions("flood", outlet).unwrap();
        assert_eq!(versions.len(), 1, "{outlet}: {versions:?}");
        assert_eq!(
            cache.newest("flood", outlet).unwrap().unwrap().body,
            PAGE.as_bytes()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diff_and_extract_read_urls_and_refuse_them_offline() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/a" => Reply::html(PAGE),
        "/b" => Reply::html(PAGE.replace("2 metres", "3 metres")),
        _ => Reply::status(404),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let output = parallax(
        dir.path(),
        &["extract", &server.url("/a"), "--format", "text"],
    )
    .await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("2 metres"));
    let output = parallax(
        dir.path(),
        &[
            "diff",
            &server.url("/a"),
            &server.url("/b"),
            "--format",
            "json",
        ],
    )
    .await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("3 metres"));
    let before = server.requests().len();
    let output = parallax(dir.path(), &["extract", &server.url("/a"), "--offline"]).await;
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--offline"));
    assert_eq!(server.requests().len(), before);
}
