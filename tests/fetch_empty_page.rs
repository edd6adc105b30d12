//! A fetched page that extracts to nothing fails its outlet (with the URL), in `fetch` and in
//! `compare`: an empty article compared would make every claim look `missing`.

mod support;

use support::binary::parallax;
use support::http_server::{Reply, TestServer};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_fetched_page_fails_its_outlet() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/empty" => Reply::html("<html><body><nav>Home</nav></body></html>"),
        _ => Reply::html("<html><body><p>The river rose by 2 metres on Monday.</p></body></html>"),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sources.toml"),
        format!(
            "[settings]\nrespect_robots = false\nper_host_delay_ms = 0\n\
             [[outlet]]\nid = \"wire\"\nname = \"Wire\"\n[[outlet]]\nid = \"blank\"\nname = \"Blank\"\n\
             [[story]]\nid = \"flood\"\ntitle = \"Flood\"\n\
             [[story.article]]\noutlet = \"wire\"\nurl = \"{}\"\n\
             [[story.article]]\noutlet = \"blank\"\nurl = \"{}\"\n",
            server.url("/wire"),
            server.url("/empty")
        ),
    )
    .unwrap();
    for args in [
        &["fetch", "flood"][..],
        &["compare", "flood", "--format", "md"],
    ] {
        let output = parallax(dir.path(), args).await;
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(output.status.code(), Some(1), "{args:?}: {all}");
        assert!(
            all.contains("/empty: no article text found"),
            "{args:?}: {all}"
        );
    }
}
