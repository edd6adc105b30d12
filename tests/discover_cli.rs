//! `parallax discover` end to end, with the real binary against a loopback server: three
//! outlets' feeds (RSS 2.0, Atom, JSON Feed) tell three events among unrelated items; the
//! clusters found are exactly those events, the JSON has its documented shape, a second run
//! asks conditionally, `--add` writes a story that then compares offline, and every kind of bad
//! feed (too large, too slow, malformed XML, wrong content type, an HTML page) is reported by
//! its URL while the others are clustered, with exit code 1.

mod support;

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use support::binary::parallax;
use support::http_server::{Reply, TestServer};

/// One feed item: path of its article on the server, headline, hours before the newest event.
type Item = (&'static str, &'static str, u32);

const WIRE: [Item; 4] = [
    (
        "/a/wire-storm",
        "Storm &lt;b&gt;batters&lt;/b&gt; Alder coast&#x1b;[31m, 40 homes without power",
        0,
    ),
    (
        "/a/wire-vote",
        "Harbour council votes to close the Kell ferry line",
        5,
    ),
    (
        "/a/wire-quake",
        "Magnitude 6.1 earthquake strikes off Peru's coast",
        9,
    ),
    (
        "/a/wire-cheese",
        "Village bakery wins national award for rye bread",
        3,
    ),
];
const DAILY: [Item; 3] = [
    (
        "/a/daily-storm",
        "Storm batters the Alder coast, leaving 40 homes without power",
        1,
    ),
    (
        "/a/daily-quake",
        "Peru: earthquake of magnitude 6.1 strikes off the coast",
        10,
    ),
    (
        "/a/daily-chess",
        "Teenager takes the regional chess title in Brune",
        2,
    ),
];
const POST: [Item; 4] = [
    (
        "/a/post-storm",
        "Alder coast battered by storm; 40 homes lose power",
        2,
    ),
    (
        "/a/post-vote",
        "Council votes to close Kell ferry line, citing costs",
        6,
    ),
    (
        "/a/post-quake",
        "Strong 6.1 earthquake off Peru coast, no tsunami warning",
        11,
    ),
    (
        "/a/post-opera",
        "Opera house reopens after a decade of repairs",
        4,
    ),
];

fn date(hours_before: u32) -> jiff::Timestamp {
    jiff::Timestamp::now() - jiff::SignedDuration::from_hours(i64::from(hours_before) + 1)
}

fn rss(base: &str, items: &[Item]) -> String {
    let items: String = items
        .iter()
        .map(|(path, title, hours)| {
            format!(
                "<item><title>{title}</title><link>{base}{path}</link><guid>{path}</guid>\
                 <pubDate>{}</pubDate></item>",
                date(*hours).strftime("%a, %d %b %Y %H:%M:%S GMT")
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>{items}</channel></rss>"
    )
}

fn atom(base: &str, items: &[Item]) -> String {
    let entries: String = items
        .iter()
        .map(|(path, title, hours)| {
            format!(
                "<entry><id>{base}{path}</id><title>{title}</title><link href=\"{base}{path}\"/>\
                 <updated>{}</updated></entry>",
                date(*hours)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Daily</title>\
         <id>{base}/daily</id><updated>{}</updated>{entries}</feed>",
        date(0)
    )
}

fn json_feed(base: &str, items: &[Item]) -> String {
    let items: Vec<serde_json::Value> = items
        .iter()
        .map(|(path, title, hours)| {
            serde_json::json!({
                "id": path, "url": format!("{base}{path}"), "title": title,
                "date_published": date(*hours).to_string(),
            })
        })
        .collect();
    serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1", "title": "Post", "items": items,
    })
    .to_string()
}

fn article(headline: &str) -> String {
    format!(
        "<html><head><title>{headline}</title></head><body><h1>{headline}</h1>\
         <p>The report was confirmed by officials on Monday, who gave the figures.</p>\
         <p>More details are expected later in the week, they said.</p></body></html>"
    )
}

fn reply(body: String, content_type: &str) -> Reply {
    Reply::Full {
        status: 200,
        headers: vec![("content-type".into(), content_type.into())],
        body: body.into_bytes(),
    }
}

async fn server() -> TestServer {
    // The feeds name their articles by absolute URL: the server's own, known once it runs.
    let own_url = Arc::new(OnceLock::<String>::new());
    let known = own_url.clone();
    let server = TestServer::start(move |request, _| {
        let base = known.get().expect("the server's URL").as_str();
        let path = request.path.as_str();
        match path {
            "/wire.rss" if request.header("if-none-match") == Some("\"w1\"") => Reply::status(304),
            "/wire.rss" => {
                reply(rss(base, &WIRE), "application/rss+xml").with_header("etag", "\"w1\"")
            }
            "/daily.atom" => reply(atom(base, &DAILY), "application/atom+xml"),
            "/post.json" => reply(json_feed(base, &POST), "application/feed+json"),
            "/big.rss" => reply(rss(base, &[WIRE[0]; 400]), "application/rss+xml"),
            "/slow.rss" => Reply::Stall,
            "/broken.rss" => reply(
                "<?xml version=\"1.0\"?><rss><channel><item><title>Cut".into(),
                "application/rss+xml",
            ),
            "/image.rss" => reply("\u{89}PNG not a feed".into(), "image/png"),
            "/page.rss" => reply(article("Welcome to our site"), "text/html; charset=utf-8"),
            _ => match WIRE.iter().chain(&DAILY).chain(&POST).find(|i| i.0 == path) {
                Some((_, title, _)) => Reply::html(article(title)),
                None => Reply::status(404),
            },
        }
    })
    .await;
    own_url.set(server.url("")).expect("set once");
    server
}

const GOOD: [(&str, &str); 3] = [
    ("wire", "/wire.rss"),
    ("daily", "/daily.atom"),
    ("post", "/post.json"),
];
const BAD: [(&str, &str); 5] = [
    ("big", "/big.rss"),
    ("slow", "/slow.rss"),
    ("broken", "/broken.rss"),
    ("image", "/image.rss"),
    ("page", "/page.rss"),
];

fn sources(server: &TestServer, outlets: &[(&str, &str)]) -> String {
    let mut text = String::from(
        "# Feeds of the outlets I follow.\n[settings]\nrespect_robots = false\n\
         per_host_delay_ms = 0\nmax_body_bytes = 40000\ntimeout_secs = 1\n\
         read_timeout_secs = 1\noutlet_timeout_secs = 2\n",
    );
    for (id, feed) in outlets {
        text.push_str(&format!(
            "\n[[outlet]]\nid = \"{id}\"\nname = \"{id}\"\nfeeds = [\"{}\"]\n",
            server.url(feed)
        ));
    }
    text
}

/// Each cluster as the set of its article paths.
fn clusters(doc: &serde_json::Value) -> Vec<BTreeSet<String>> {
    doc["clusters"]
        .as_array()
        .expect("clusters")
        .iter()
        .map(|cluster| {
            cluster["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|item| {
                    let url = item["url"].as_str().expect("a url");
                    url[url.find("/a/").expect("an article path")..].to_string()
                })
                .collect()
        })
        .collect()
}

/// Checks `doc` against `schema/discover.schema.json`.
fn assert_schema(doc: &serde_json::Value) {
    let path = format!("{}/schema/discover.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?} in {doc:#}");
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_three_events_cluster_and_a_second_run_asks_conditionally() {
    let server = server().await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sources.toml"), sources(&server, &GOOD)).unwrap();
    let out = parallax(dir.path(), &["discover", "--format", "json"]).await;
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_schema(&doc);
    assert_eq!(
        clusters(&doc),
        [
            set(&["/a/wire-storm", "/a/daily-storm", "/a/post-storm"]),
            set(&["/a/wire-quake", "/a/daily-quake", "/a/post-quake"]),
            set(&["/a/wire-vote", "/a/post-vote"]),
        ],
        "{doc:#}"
    );
    let storm = &doc["clusters"][0]["items"][0];
    assert_eq!(storm["outlet"], "wire");
    assert_eq!(
        storm["title"], "Storm batters Alder coast, 40 homes without power",
        "HTML and escape sequences left the title"
    );
    assert!(
        storm["published"].as_str().unwrap().ends_with('Z'),
        "{storm}"
    );
    assert_eq!(doc["failures"], serde_json::json!([]));

    let text = parallax(dir.path(), &["discover"]).await;
    assert_eq!(text.status.code(), Some(0), "{text:?}");
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(stdout.starts_with("1. 3 outlets, newest "), "{stdout}");
    assert!(stdout.contains("3. 2 outlets"), "{stdout}");
    assert!(!stdout.contains("4. "), "{stdout}");
    let conditional = server
        .requests()
        .iter()
        .filter(|r| r.path == "/wire.rss" && r.header("if-none-match") == Some("\"w1\""))
        .count();
    assert_eq!(conditional, 1, "the second run sends the ETag it was given");

    let old = parallax(dir.path(), &["--offline", "discover", "--since", "30m"]).await;
    assert_eq!(old.status.code(), Some(0), "{old:?}");
    let stdout = String::from_utf8_lossy(&old.stdout);
    assert!(
        stdout.starts_with("no story told by two or more outlets"),
        "{stdout}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn add_turns_a_cluster_into_a_story_that_compares_offline() {
    let server = server().await;
    let dir = tempfile::tempdir().unwrap();
    let config = sources(&server, &GOOD);
    std::fs::write(dir.path().join("sources.toml"), &config).unwrap();
    let out = parallax(dir.path(), &["discover", "--add", "2", "--story", "quake"]).await;
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = std::fs::read_to_string(dir.path().join("sources.toml")).unwrap();
    assert!(
        text.starts_with(&config),
        "the file was edited, not rewritten:\n{text}"
    );
    assert!(text.contains("id = \"quake\""), "{text}");
    let check = parallax(dir.path(), &["check"]).await;
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let compared = parallax(
        dir.path(),
        &["--offline", "compare", "quake", "--format", "json"],
    )
    .await;
    assert_eq!(compared.status.code(), Some(0), "{compared:?}");
    let doc: serde_json::Value = serde_json::from_slice(&compared.stdout).unwrap();
    assert_eq!(doc["outlets"].as_array().unwrap().len(), 3, "{doc}");

    let beyond = parallax(dir.path(), &["--offline", "discover", "--add", "9"]).await;
    assert_eq!(beyond.status.code(), Some(2), "{beyond:?}");
    assert!(
        String::from_utf8_lossy(&beyond.stderr).contains("--add 9"),
        "{beyond:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_feed_is_named_with_its_error_while_the_others_are_clustered() {
    let server = server().await;
    let dir = tempfile::tempdir().unwrap();
    let outlets: Vec<(&str, &str)> = GOOD.iter().chain(&BAD).copied().collect();
    std::fs::write(dir.path().join("sources.toml"), sources(&server, &outlets)).unwrap();
    let out = parallax(dir.path(), &["discover", "--format", "json"]).await;
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_schema(&doc);
    assert_eq!(clusters(&doc).len(), 3, "{doc:#}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = [
        ("big", "/big.rss", "larger than the 40000-byte limit"),
        ("slow", "/slow.rss", "timed out"),
        ("broken", "/broken.rss", "not a readable feed"),
        (
            "image",
            "/image.rss",
            "content type image/png is not a feed",
        ),
        ("page", "/page.rss", "an HTML page, not a feed"),
    ];
    let failures = doc["failures"].as_array().unwrap();
    assert_eq!(failures.len(), expected.len(), "{doc:#}");
    for (outlet, path, why) in expected {
        let line = format!("{outlet}: feed error: {}", server.url(path));
        let found = stderr.lines().find(|l| l.starts_with(&line));
        assert!(
            found.is_some_and(|l| l.contains(why)),
            "{outlet}: {why} in\n{stderr}"
        );
        assert!(
            failures
                .iter()
                .any(|f| f["outlet"] == outlet
                    && f["error"].as_str().is_some_and(|e| e.contains(why))),
            "{outlet} in {doc:#}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_must_be_http_urls_and_some_outlet_must_have_one() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "[[outlet]]\nid = \"wire\"\nname = \"Wire\"\nfeeds = [\"file:///etc/passwd\"]\n";
    std::fs::write(dir.path().join("sources.toml"), bad).unwrap();
    let check = parallax(dir.path(), &["check"]).await;
    assert_eq!(check.status.code(), Some(2), "{check:?}");
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("sources.toml:4") && stderr.contains("file:///etc/passwd"),
        "{stderr}"
    );
    std::fs::write(
        dir.path().join("sources.toml"),
        "[[outlet]]\nid = \"wire\"\nname = \"Wire\"\n",
    )
    .unwrap();
    let none = parallax(dir.path(), &["discover"]).await;
    assert_eq!(none.status.code(), Some(2), "{none:?}");
    assert!(String::from_utf8_lossy(&none.stderr).contains("no outlet declares feeds"));
}
