//! The HTTP rows of RELIABILITY.md, each against a server the test starts on 127.0.0.1:
//! stalls, drips, bombs, oversize bodies, redirects, statuses, retries, Retry-After,
//! robots.txt and politeness.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use parallax::fetch::{FetchError, FetchEvent, FetchLimits, FetchOutcome, Fetcher};
use support::fetch_limits::quick_limits as limits;
use support::http_server::{Reply, Stats, TestServer};

async fn fetch(limits: FetchLimits, url: &str) -> Result<FetchOutcome, FetchError> {
    Fetcher::new(limits)
        .unwrap()
        .fetch(url, None, &|_| {})
        .await
}

fn body(outcome: FetchOutcome) -> Vec<u8> {
    match outcome {
        FetchOutcome::Fetched(page) => page.body,
        other => panic!("expected a page, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_server_is_stopped_by_the_read_timeout_and_retried_three_times() {
    let server = TestServer::start(|_, _| Reply::Stall).await;
    let error = fetch(limits(), &server.url("/a")).await.unwrap_err();
    assert!(matches!(error, FetchError::Timeout { .. }), "{error}");
    assert_eq!(server.hits("/a"), 4, "one try and three retries");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dripping_server_is_stopped_by_the_total_timeout() {
    let server = TestServer::start(|_, _| Reply::Drip {
        every: Duration::from_millis(20),
    })
    .await;
    let limits = FetchLimits {
        read_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_millis(600),
        max_retries: 0,
        ..limits()
    };
    let received = Mutex::new(0);
    let events = |event: FetchEvent| {
        if let FetchEvent::Receiving { received: n, .. } = event {
            *received.lock().unwrap() = n;
        }
    };
    let error = Fetcher::new(limits)
        .unwrap()
        .fetch(&server.url("/drip"), None, &events)
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Timeout { .. }), "{error}");
    assert!(*received.lock().unwrap() > 0, "bytes were arriving");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_outlet_s_attempts_together_are_stopped_by_the_outlet_timeout() {
    let server = TestServer::start(|_, _| Reply::Drip {
        every: Duration::from_millis(20),
    })
    .await;
    // Without the outlet's cap: four attempts of 5 s each.
    let limits = FetchLimits {
        read_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(5),
        outlet_timeout: Duration::from_millis(500),
        max_retries: 3,
        ..limits()
    };
    let error = fetch(limits, &server.url("/drip")).await.unwrap_err();
    assert!(error.to_string().contains("outlet_timeout_secs"), "{error}");
    assert_eq!(
        server.hits("/drip"),
        1,
        "no attempt after the outlet's time is up"
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        writer.write_all(bytes).unwrap();
    }
    out
}

async fn bomb(encoding: &'static str, compressed: Vec<u8>) {
    assert!(compressed.len() < 1024 * 1024, "the bomb itself is small");
    let server = TestServer::start(move |_, _| Reply::Full {
        status: 200,
        headers: vec![("content-encoding".into(), encoding.into())],
        body: compressed.clone(),
    })
    .await;
    let error = fetch(limits(), &server.url("/bomb")).await.unwrap_err();
    assert!(
        matches!(error, FetchError::TooLarge { cap, .. } if cap == 1024 * 1024),
        "{error}"
    );
    assert_eq!(server.hits("/bomb"), 1, "a bomb is not retried");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gzip_bomb_is_stopped_at_the_decompressed_cap() {
    bomb("gzip", gzip(&vec![0u8; 64 * 1024 * 1024])).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_brotli_bomb_is_stopped_at_the_decompressed_cap() {
    bomb("br", brotli(&vec![0u8; 64 * 1024 * 1024])).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_body_is_refused_and_a_body_under_the_cap_is_whole() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/big" => Reply::html(vec![b'a'; 1024 * 1024 + 1]),
        _ => Reply::html(vec![b'a'; 1024 * 1024]),
    })
    .await;
    let error = fetch(limits(), &server.url("/big")).await.unwrap_err();
    assert!(matches!(error, FetchError::TooLarge { .. }), "{error}");
    let page = body(fetch(limits(), &server.url("/fits")).await.unwrap());
    assert_eq!(page.len(), 1024 * 1024);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_loop_stops_after_five_redirects_and_five_are_followed() {
    let server = TestServer::start(|request, _| {
        let path = request.path.as_str();
        if path == "/loop" {
            return Reply::redirect("/loop");
        }
        match path
            .strip_prefix("/hop")
            .and_then(|n| n.parse::<u32>().ok())
        {
            Some(0) => Reply::html("arrived"),
            Some(n) => Reply::redirect(&format!("/hop{}", n - 1)),
            None => Reply::status(404),
        }
    })
    .await;
    let error = fetch(limits(), &server.url("/loop")).await.unwrap_err();
    assert!(matches!(error, FetchError::Redirect { .. }), "{error}");
    assert!(
        error.to_string().contains("more than 5 redirects"),
        "{error}"
    );
    assert_eq!(
        server.hits("/loop"),
        6,
        "the first request and five redirects"
    );
    let page = body(fetch(limits(), &server.url("/hop5")).await.unwrap());
    assert_eq!(page, b"arrived");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_to_other_schemes_are_refused() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/file" => Reply::redirect("file:///etc/passwd"),
        _ => Reply::redirect("ftp://127.0.0.1/pub/x"),
    })
    .await;
    for (path, target) in [
        ("/file", "file:///etc/passwd"),
        ("/ftp", "ftp://127.0.0.1/pub/x"),
    ] {
        let error = fetch(limits(), &server.url(path)).await.unwrap_err();
        assert!(
            matches!(
                error,
                FetchError::Redirect { .. } | FetchError::Status { status: 302, .. }
            ),
            "{error}"
        );
        assert!(error.to_string().contains(target), "{error}");
        assert_eq!(server.hits(path), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_404_is_not_retried() {
    let server = TestServer::start(|_, _| Reply::status(404)).await;
    let error = fetch(limits(), &server.url("/gone")).await.unwrap_err();
    assert!(
        matches!(error, FetchError::Status { status: 404, .. }),
        "{error}"
    );
    assert!(error.to_string().contains(&server.url("/gone")), "{error}");
    assert_eq!(server.hits("/gone"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_500_is_retried_until_success_and_at_most_three_times() {
    let server = TestServer::start(|request, n| match request.path.as_str() {
        "/flaky" if n == 0 => Reply::status(500),
        "/flaky" => Reply::html("ok"),
        _ => Reply::status(503),
    })
    .await;
    let retries = Mutex::new(Vec::new());
    let events = |event: FetchEvent| {
        if let FetchEvent::Retrying { retry, .. } = event {
            retries.lock().unwrap().push(retry);
        }
    };
    let fetcher = Fetcher::new(limits()).unwrap();
    let page = fetcher
        .fetch(&server.url("/flaky"), None, &events)
        .await
        .unwrap();
    assert_eq!(body(page), b"ok");
    assert_eq!(*retries.lock().unwrap(), [1]);
    let error = fetcher
        .fetch(&server.url("/down"), None, &|_| {})
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Status { status: 503, .. }));
    assert_eq!(server.hits("/down"), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_connection_is_retried_then_reported() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let retries = Mutex::new(0);
    let events = |event: FetchEvent| {
        if matches!(event, FetchEvent::Retrying { .. }) {
            *retries.lock().unwrap() += 1;
        }
    };
    let error = Fetcher::new(limits())
        .unwrap()
        .fetch(&format!("http://127.0.0.1:{port}/"), None, &events)
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Connect { .. }), "{error}");
    assert_eq!(*retries.lock().unwrap(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_is_obeyed_for_429_and_capped() {
    let server = TestServer::start(|request, n| match (request.path.as_str(), n) {
        ("/busy", 0) => Reply::status(429).with_header("retry-after", "1"),
        ("/busy", _) => Reply::html("ok"),
        ("/later", 2) => Reply::status(503).with_header("retry-after", "3600"),
        ("/later", _) => Reply::html("ok"),
        _ => Reply::status(404),
    })
    .await;
    let fetcher = Fetcher::new(FetchLimits {
        retry_after_cap: Duration::from_millis(300),
        ..limits()
    })
    .unwrap();
    // Cap of 300 ms: a 1 s Retry-After waits 300 ms, far more than the 10 ms backoff.
    assert_eq!(
        body(
            fetcher
                .fetch(&server.url("/busy"), None, &|_| {})
                .await
                .unwrap()
        ),
        b"ok"
    );
    let times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    assert!(times[1] - times[0] >= Duration::from_millis(250));
    // An hour's Retry-After is cut to the cap rather than obeyed.
    let waits = Mutex::new(Vec::new());
    let events = |event: FetchEvent| {
        if let FetchEvent::Retrying { wait, .. } = event {
            waits.lock().unwrap().push(wait);
        }
    };
    assert_eq!(
        body(
            fetcher
                .fetch(&server.url("/later"), None, &events)
                .await
                .unwrap()
        ),
        b"ok"
    );
    assert_eq!(*waits.lock().unwrap(), [Duration::from_millis(300)]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_in_seconds_is_waited_in_full_under_the_cap() {
    let server = TestServer::start(|_, n| match n {
        0 => Reply::status(429).with_header("retry-after", "1"),
        _ => Reply::html("ok"),
    })
    .await;
    let waits = Mutex::new(Vec::new());
    let events = |event: FetchEvent| {
        if let FetchEvent::Retrying { wait, .. } = event {
            waits.lock().unwrap().push(wait);
        }
    };
    let fetcher = Fetcher::new(limits()).unwrap();
    assert_eq!(
        body(
            fetcher
                .fetch(&server.url("/"), None, &events)
                .await
                .unwrap()
        ),
        b"ok"
    );
    assert_eq!(*waits.lock().unwrap(), [Duration::from_secs(1)]);
    let times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    assert!(times[1] - times[0] >= Duration::from_millis(900));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conditional_requests_send_the_validators_and_a_304_keeps_the_copy() {
    let server = TestServer::start(|request, _| {
        if request.header("if-none-match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::html("page").with_header("etag", "\"v1\"")
        }
    })
    .await;
    let fetcher = Fetcher::new(limits()).unwrap();
    let first = fetcher
        .fetch(&server.url("/a"), None, &|_| {})
        .await
        .unwrap();
    let FetchOutcome::Fetched(page) = first else {
        panic!("expected a page")
    };
    assert_eq!(page.etag.as_deref(), Some("\"v1\""));
    let validators = parallax::fetch::Validators {
        etag: page.etag.clone(),
        last_modified: Some("Sat, 28 Nov 2026 09:00:00 GMT".into()),
    };
    let second = fetcher
        .fetch(&server.url("/a"), Some(&validators), &|_| {})
        .await
        .unwrap();
    assert!(matches!(second, FetchOutcome::NotModified { .. }));
    let sent = &server.requests()[1];
    assert_eq!(
        sent.header("if-modified-since"),
        Some("Sat, 28 Nov 2026 09:00:00 GMT")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn robots_txt_is_read_once_per_host_and_honoured() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/robots.txt" => Reply::Full {
            status: 200,
            headers: vec![],
            body: b"User-agent: *\nDisallow: /private\n".to_vec(),
        },
        _ => Reply::html("ok"),
    })
    .await;
    let fetcher = Fetcher::new(FetchLimits {
        respect_robots: true,
        ..limits()
    })
    .unwrap();
    let error = fetcher
        .fetch(&server.url("/private/story"), None, &|_| {})
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Disallowed { .. }), "{error}");
    assert!(
        fetcher
            .fetch(&server.url("/public"), None, &|_| {})
            .await
            .is_ok()
    );
    assert_eq!(server.hits("/robots.txt"), 1);
    assert_eq!(server.hits("/private/story"), 0, "never requested");
    // Switched off, the same page is fetched.
    assert!(fetch(limits(), &server.url("/private/story")).await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_host_reports_its_connection_error_not_robots_txt() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let page = format!("http://127.0.0.1:{port}/story");
    let error = fetch(
        FetchLimits {
            respect_robots: true,
            ..limits()
        },
        &page,
    )
    .await
    .unwrap_err();
    assert!(matches!(error, FetchError::Connect { .. }), "{error}");
    assert!(error.to_string().starts_with(&page), "{error}");
    assert!(!error.to_string().contains("robots"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_robots_txt_allows_nothing() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/robots.txt" => Reply::status(500),
        _ => Reply::html("ok"),
    })
    .await;
    let error = fetch(
        FetchLimits {
            respect_robots: true,
            ..limits()
        },
        &server.url("/story"),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, FetchError::Disallowed { .. }), "{error}");
    assert!(error.to_string().contains("could not be read"), "{error}");
    assert_eq!(server.hits("/story"), 0, "never requested");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_honest_user_agent_is_sent() {
    let server = TestServer::start(|_, _| Reply::html("ok")).await;
    fetch(limits(), &server.url("/")).await.unwrap();
    let agent = server.requests()[0]
        .header("user-agent")
        .unwrap()
        .to_string();
    assert!(agent.starts_with("parallax/"), "{agent}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_host_limits_and_delay_are_kept() {
    let server = TestServer::start(|_, _| {
        Reply::Delayed(Duration::from_millis(150), Box::new(Reply::html("ok")))
    })
    .await;
    let fetcher = Arc::new(
        Fetcher::new(FetchLimits {
            per_host_concurrency: 2,
            per_host_delay: Duration::from_millis(100),
            ..limits()
        })
        .unwrap(),
    );
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..6 {
        let (fetcher, url) = (fetcher.clone(), server.url(&format!("/{i}")));
        tasks.spawn(async move { fetcher.fetch(&url, None, &|_| {}).await.is_ok() });
    }
    while let Some(ok) = tasks.join_next().await {
        assert!(ok.unwrap());
    }
    assert_eq!(
        server.stats.max_in_flight(),
        2,
        "never more than 2 at once to one host"
    );
    let mut times: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    times.sort();
    for pair in times.windows(2) {
        assert!(
            pair[1] - pair[0] >= Duration::from_millis(50),
            "requests spaced by the delay"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_global_limit_holds_across_hosts() {
    let stats = Arc::new(Stats::default());
    let slow = |_: &_, _| Reply::Delayed(Duration::from_millis(100), Box::new(Reply::html("ok")));
    let one = TestServer::start_shared(stats.clone(), slow).await;
    let two = TestServer::start_shared(stats.clone(), slow).await;
    let fetcher = Arc::new(
        Fetcher::new(FetchLimits {
            max_concurrency: 2,
            ..limits()
        })
        .unwrap(),
    );
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..8 {
        let server = if i % 2 == 0 { &one } else { &two };
        let (fetcher, url) = (fetcher.clone(), server.url(&format!("/{i}")));
        tasks.spawn(async move { fetcher.fetch(&url, None, &|_| {}).await.is_ok() });
    }
    while let Some(ok) = tasks.join_next().await {
        assert!(ok.unwrap());
    }
    assert_eq!(stats.max_in_flight(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tls_failure_is_a_clear_error() {
    // An https URL to a server that answers the TLS hello in plain HTTP.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            use tokio::io::AsyncWriteExt;
            let _ = stream
                .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                .await;
        }
    });
    let url = format!("https://{addr}/");
    let error = fetch(
        FetchLimits {
            max_retries: 0,
            ..limits()
        },
        &url,
    )
    .await
    .unwrap_err();
    assert!(matches!(error, FetchError::Connect { .. }), "{error}");
    assert!(error.to_string().starts_with(&url), "{error}");
}
