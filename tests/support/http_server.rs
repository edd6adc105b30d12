//! A tiny HTTP/1.1 server on 127.0.0.1 for the fetch and cache tests: each test says how to
//! answer each request (a full reply, a stall, a drip, a delay), and the server records what
//! it received and how many requests were in flight at once. Nothing here reaches the network.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    /// Path and query.
    pub path: String,
    /// Header names lowercased.
    pub headers: Vec<(String, String)>,
    /// When it arrived.
    pub at: Instant,
}

impl Request {
    /// The value of a header, by lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// How to answer.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete response.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Accept the request and never answer.
    Stall,
    /// Send the headers, then one body byte every `every`, forever.
    Drip { every: Duration },
    /// Wait, then answer.
    Delayed(Duration, Box<Reply>),
}

impl Reply {
    /// 200 with an HTML body.
    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![("content-type".into(), "text/html; charset=utf-8".into())],
            body: body.into(),
        }
    }

    /// A status with a short text body.
    pub fn status(status: u16) -> Reply {
        Reply::Full {
            status,
            headers: vec![],
            body: format!("status {status}").into_bytes(),
        }
    }

    /// A redirect to `location`.
    pub fn redirect(location: &str) -> Reply {
        Reply::Full {
            status: 302,
            headers: vec![("location".into(), location.into())],
            body: vec![],
        }
    }

    /// Adds a header to a full reply.
    pub fn with_header(self, name: &str, value: &str) -> Reply {
        match self {
            Reply::Full {
                status,
                mut headers,
                body,
            } => {
                headers.push((name.into(), value.into()));
                Reply::Full {
                    status,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }
}

/// Counters that may be shared by several servers (a global concurrency check).
#[derive(Debug, Default)]
pub struct Stats {
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

impl Stats {
    /// The most requests that were in flight at once.
    pub fn max_in_flight(&self) -> usize {
        self.max_in_flight.load(Ordering::SeqCst)
    }
}

type Handler = dyn Fn(&Request, usize) -> Reply + Send + Sync;

/// A running test server; it stops when the test's runtime ends.
pub struct TestServer {
    /// `127.0.0.1:port`.
    pub addr: std::net::SocketAddr,
    log: Arc<Mutex<Vec<Request>>>,
    /// The server's counters.
    pub stats: Arc<Stats>,
}

impl TestServer {
    /// Starts a server; `handler` gets each request and its 0-based number.
    pub async fn start(
        handler: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static,
    ) -> TestServer {
        TestServer::start_shared(Arc::new(Stats::default()), handler).await
    }

    /// Starts a server counting in-flight requests into `stats`.
    pub async fn start_shared(
        stats: Arc<Stats>,
        handler: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static,
    ) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let (log2, stats2) = (log.clone(), stats.clone());
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (log, stats, handler) = (log2.clone(), stats2.clone(), handler.clone());
                tokio::spawn(async move {
                    let _ = serve(stream, log, stats, handler).await;
                });
            }
        });
        TestServer { addr, log, stats }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    /// Requests received for `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.requests().iter().filter(|r| r.path == path).count()
    }
}

async fn serve(
    mut stream: TcpStream,
    log: Arc<Mutex<Vec<Request>>>,
    stats: Arc<Stats>,
    handler: Arc<Handler>,
) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await?;
        if n == 0 || head.len() > 65536 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let path = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .unwrap_or("/")
        .to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let request = Request {
        path,
        headers,
        at: Instant::now(),
    };
    let number = {
        let mut log = log.lock().unwrap();
        log.push(request.clone());
        log.len() - 1
    };
    let now = stats.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    stats.max_in_flight.fetch_max(now, Ordering::SeqCst);
    let mut answered = false;
    let result = answer(
        &mut stream,
        handler(&request, number),
        &stats,
        &mut answered,
    )
    .await;
    if !answered {
        stats.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
    result
}

/// Writes `reply`. A full reply counts as answered (leaves `in_flight`) just before its bytes
/// go out: the client may release its slot and send the next request the moment it has read
/// them, before this task runs again, so counting later would see one request too many.
async fn answer(
    stream: &mut TcpStream,
    reply: Reply,
    stats: &Stats,
    answered: &mut bool,
) -> std::io::Result<()> {
    let mut reply = reply;
    loop {
        match reply {
            Reply::Delayed(wait, inner) => {
                tokio::time::sleep(wait).await;
                reply = *inner;
            }
            Reply::Full {
                status,
                headers,
                body,
            } => {
                let mut out = format!(
                    "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
                    body.len()
                );
                for (name, value) in headers {
                    out.push_str(&format!("{name}: {value}\r\n"));
                }
                out.push_str("\r\n");
                stats.in_flight.fetch_sub(1, Ordering::SeqCst);
                *answered = true;
                stream.write_all(out.as_bytes()).await?;
                stream.write_all(&body).await?;
                return stream.shutdown().await;
            }
            Reply::Stall => {
                // Wait until the client gives up (read returns 0 or fails), at most a minute.
                let mut buf = [0u8; 64];
                let _ = tokio::time::timeout(Duration::from_secs(60), stream.read(&mut buf)).await;
                return Ok(());
            }
            Reply::Drip { every } => {
                stream
                    .write_all(
                        b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nconnection: close\r\n\r\n",
                    )
                    .await?;
                for _ in 0..6000 {
                    tokio::time::sleep(every).await;
                    stream.write_all(b"x").await?;
                }
                return Ok(());
            }
        }
    }
}
