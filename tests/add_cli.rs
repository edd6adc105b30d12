//! `parallax add` and `diff --save` end to end, with the real binary against a loopback server:
//! a commented sources.toml keeps every comment, new outlets take the site's own name, the new
//! story its headline and then compares offline; an edit that would not pass `check` is refused
//! with exit code 2 and the file left as it was.

mod support;

use support::binary::parallax;
use support::http_server::{Reply, TestServer};

const SOURCES: &str = r#"# My sources: hand-written, with comments that must survive.
[settings]
respect_robots = false   # the test server has no robots.txt
per_host_delay_ms = 0

# The wire I follow.
[[outlet]]
id = "wire"
name = "Wire"
homepage = "http://localhost/"   # matched by host, whatever the port

# A story already here.
[[story]]
id = "flood"
title = "Flood"

[[story.article]]
outlet = "wire"
path = "flood.txt"   # a local file
"#;

fn page(site: &str, headline: &str) -> String {
    format!(
        "<html><head><title>{headline}</title><meta property=\"og:site_name\" content=\"{site}\">\
         </head><body><h1>{headline}</h1>\
         <p>The storm reached the coast on Monday night, officials said.</p>\
         <p>At least 40 homes lost power in the town of Alder.</p></body></html>"
    )
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sources.toml"), SOURCES).unwrap();
    std::fs::write(dir.path().join("flood.txt"), "The river rose.\n").unwrap();
    dir
}

async fn server() -> TestServer {
    TestServer::start(|request, _| match request.path.as_str() {
        "/storm-daily" => Reply::html(page("The Daily Planet", "Storm hits the coast")),
        "/storm-wire" => Reply::html(page("Wire", "Storm reaches coast")),
        _ => Reply::status(404),
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn add_keeps_every_comment_names_from_the_site_and_the_story_compares_offline() {
    let server = server().await;
    let dir = setup();
    // Two hosts for one server: 127.0.0.1 is a new outlet, localhost the wire's.
    let daily = server.url("/storm-daily");
    let wire = server.url("/storm-wire").replace("127.0.0.1", "localhost");
    let out = parallax(dir.path(), &["add", "storm", &daily, &wire]).await;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let text = std::fs::read_to_string(dir.path().join("sources.toml")).unwrap();
    for line in SOURCES.lines() {
        assert!(text.contains(line), "lost {line:?} in:\n{text}");
    }
    assert!(
        text.contains("id = \"127-0-0-1\"\nname = \"The Daily Planet\""),
        "{text}"
    );
    assert!(text.contains("title = \"Storm hits the coast\""), "{text}");
    assert!(
        text.contains("outlet = \"wire\"\nurl = \"http://localhost:"),
        "{text}"
    );
    let check = parallax(dir.path(), &["check"]).await;
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let compared = parallax(
        dir.path(),
        &["--offline", "compare", "storm", "--format", "json"],
    )
    .await;
    assert_eq!(compared.status.code(), Some(0), "{compared:?}");
    let doc: serde_json::Value = serde_json::from_slice(&compared.stdout).unwrap();
    assert_eq!(doc["outlets"].as_array().unwrap().len(), 2, "{doc}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_that_would_not_pass_check_is_refused_and_nothing_is_written() {
    let server = server().await;
    let dir = setup();
    let wire = server.url("/storm-wire").replace("127.0.0.1", "localhost");
    let cases: [&[&str]; 4] = [
        // The wire has an article in this story already.
        &["add", "flood", &wire],
        &["add", "storm", "ftp://files.example/a"],
        &[
            "add",
            "storm",
            "--outlet",
            "Bad Id",
            "https://news.example/a",
        ],
        &[
            "add",
            "flood",
            "--title",
            "Renamed",
            "https://news.example/a",
        ],
    ];
    for args in cases {
        let out = parallax(dir.path(), args).await;
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("error:"), "{args:?}: {stderr}");
        let text = std::fs::read_to_string(dir.path().join("sources.toml")).unwrap();
        assert_eq!(text, SOURCES, "{args:?} wrote the file");
    }
    assert_eq!(server.hits("/storm-wire"), 0, "a refused add fetched");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_outside_the_folder_of_sources_toml_is_refused() {
    let dir = setup();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("story.txt");
    std::fs::write(&file, "Text.\n").unwrap();
    let out = parallax(dir.path(), &["add", "storm", file.to_str().unwrap()]).await;
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the folder"));
    let inside = parallax(dir.path(), &["--offline", "add", "storm", "flood.txt"]).await;
    assert_eq!(inside.status.code(), Some(0), "{inside:?}");
    let text = std::fs::read_to_string(dir.path().join("sources.toml")).unwrap();
    assert!(
        text.ends_with("[[story.article]]\noutlet = \"flood\"\npath = \"flood.txt\"\n"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diff_save_keeps_the_ad_hoc_comparison_as_a_story_with_the_first_input_as_reference() {
    let server = server().await;
    let dir = setup();
    let daily = server.url("/storm-daily");
    let wire = server.url("/storm-wire").replace("127.0.0.1", "localhost");
    let out = parallax(dir.path(), &["diff", &wire, &daily, "--save", "storm"]).await;
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Storm"),
        "{out:?}"
    );
    let text = std::fs::read_to_string(dir.path().join("sources.toml")).unwrap();
    assert!(
        text.contains("id = \"storm\"\ntitle = \"Storm reaches coast\"\nreference = \"wire\""),
        "{text}"
    );
    let opened = parallax(
        dir.path(),
        &["--offline", "compare", "storm", "--format", "json"],
    )
    .await;
    assert_eq!(opened.status.code(), Some(0), "{opened:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outlet_names_the_outlet_of_exactly_one_url() {
    let dir = setup();
    let args = [
        "add",
        "storm",
        "--outlet",
        "wire",
        "https://a.example/1",
        "https://b.example/2",
    ];
    let out = parallax(dir.path(), &args).await;
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("exactly one URL"),
        "{out:?}"
    );
    let text = std::fs::read_to_string(dir.path().join("sources.toml")).unwrap();
    assert_eq!(text, SOURCES);
}
