//! A redirect to a host name that resolves to a private or loopback address is refused, unless
//! the user asked for that name. The name is this machine's own host name, which resolves to a
//! loopback or private address on most machines (the test says it skips where it does not).

mod support;

use std::net::ToSocketAddrs;

use parallax::fetch::Fetcher;
use support::fetch_limits::no_retries;
use support::http_server::{Reply, TestServer};

mod skip;
use skip::skip;

/// This machine's host name, when it resolves to a loopback or private IPv4 address.
fn private_host_name() -> Option<String> {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").ok()?;
    let name = name.trim().to_string();
    let private = (name.as_str(), 80)
        .to_socket_addrs()
        .ok()?
        .any(|a| match a.ip() {
            std::net::IpAddr::V4(ip) => ip.is_loopback() || ip.is_private(),
            std::net::IpAddr::V6(ip) => ip.is_loopback(),
        });
    (private && name != "localhost").then_some(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_cannot_reach_a_private_address_through_a_host_name() {
    let Some(name) = private_host_name() else {
        skip("this machine's host name does not resolve to a private address");
        return;
    };
    let server = TestServer::start(|_, _| Reply::html("<p>secret</p>")).await;
    let port = server.addr.port();
    let redirecting = TestServer::start(move |request, _| match request.path.as_str() {
        "/story" => Reply::redirect(&format!("http://{name}:{port}/secret")),
        _ => Reply::html("ok"),
    })
    .await;
    let fetcher = Fetcher::new(no_retries()).unwrap();
    let error = fetcher
        .fetch(&redirecting.url("/story"), None, &|_| {})
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("resolves to the private or loopback address"),
        "{error}"
    );
    assert_eq!(
        server.hits("/secret"),
        0,
        "the private address was never requested"
    );

    // The same name, asked for by the user, is fetched.
    let name = private_host_name().unwrap();
    let outcome = fetcher
        .fetch(&format!("http://{name}:{port}/secret"), None, &|_| {})
        .await;
    assert!(outcome.is_ok(), "{:?}", outcome.err());
    assert_eq!(server.hits("/secret"), 1);
}
