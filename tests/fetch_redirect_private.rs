//! A redirect from a public address to a loopback one is refused. The test server plays a
//! public host through an HTTP proxy (set for this test binary alone, via `HTTP_PROXY`), so
//! that the first URL's host is a public name while the redirect points at 127.0.0.1.

mod support;

use parallax::fetch::{FetchError, Fetcher};
use support::fetch_limits::no_retries;
use support::http_server::{Reply, TestServer};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_page_cannot_redirect_into_the_private_network() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "http://public.example/story" => Reply::redirect("http://127.0.0.1:9/admin"),
        "http://public.example/moved" => Reply::redirect("http://other.example/story"),
        _ => Reply::html("ok"),
    })
    .await;
    // SAFETY: this test binary holds this one test, so no other thread reads the environment.
    unsafe {
        std::env::set_var("HTTP_PROXY", format!("http://{}", server.addr));
        std::env::remove_var("NO_PROXY");
        std::env::remove_var("no_proxy");
    }
    let fetcher = Fetcher::new(no_retries()).unwrap();
    let error = fetcher
        .fetch("http://public.example/story", None, &|_| {})
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Redirect { .. }), "{error}");
    assert!(error.to_string().contains("private or loopback"), "{error}");
    assert!(
        server.requests().iter().all(|r| !r.path.contains("admin")),
        "the private address was never requested"
    );
    // Public to public is followed.
    assert!(
        fetcher
            .fetch("http://public.example/moved", None, &|_| {})
            .await
            .is_ok()
    );
}
