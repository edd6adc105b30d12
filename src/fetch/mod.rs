//! Fetching article pages over HTTP(S): politeness, limits, retries, conditional requests.
//!
//! One [`Fetcher`] serves a whole run: its client, its politeness gates and its robots.txt
//! cache are shared by every outlet, so the limits hold over all stories fetched at once.
//! Every bound comes from [`FetchLimits`]: connect, read and total timeouts, a cap on the
//! decompressed body counted while streaming (a gzip or brotli bomb is stopped), at most 5
//! redirects to http(s) only, no redirect from a public to a private address. Any final
//! status but 2xx (or 304 to a conditional request) is an error; 5xx, 429, timeouts and failed
//! connections are retried with jittered backoff, obeying `Retry-After`.

mod error;
mod limits;
mod redirect;
mod resolve;
mod retry_after;
mod robots;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use url::Url;

pub use error::FetchError;
pub use limits::FetchLimits;
pub use robots::Robots;

use limits::{Politeness, host_key};
use retry_after::parse_retry_after;

/// What a cached copy says about itself, sent as `If-None-Match` / `If-Modified-Since`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The cached copy's `ETag`.
    pub etag: Option<String>,
    /// The cached copy's `Last-Modified`.
    pub last_modified: Option<String>,
}

/// What a fetch is doing, for progress bars.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchEvent {
    /// Waiting for robots.txt or a politeness slot.
    Waiting,
    /// The request was sent (attempt 1 is the first).
    Requesting {
        /// 1-based attempt number.
        attempt: u32,
    },
    /// Body bytes received so far (decompressed).
    Receiving {
        /// Bytes so far.
        received: u64,
        /// The announced size, if any.
        total: Option<u64>,
    },
    /// The attempt failed and another follows after `wait`.
    Retrying {
        /// The retry's 1-based number.
        retry: u32,
        /// The wait before it.
        wait: Duration,
        /// Why the attempt failed.
        error: String,
    },
}

/// A page as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedPage {
    /// The URL asked for.
    pub requested_url: String,
    /// The URL after redirects.
    pub final_url: String,
    /// The HTTP status.
    pub status: u16,
    /// `ETag`, if sent.
    pub etag: Option<String>,
    /// `Last-Modified`, if sent.
    pub last_modified: Option<String>,
    /// `Content-Type`, if sent.
    pub content_type: Option<String>,
    /// The body, decompressed, at most `max_body_bytes`.
    pub body: Vec<u8>,
    /// When the response arrived.
    pub fetched_at: jiff::Timestamp,
}

/// The result of a successful fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchOutcome {
    /// A 2xx with its body.
    Fetched(FetchedPage),
    /// A 304 to a conditional request: the cached copy is current.
    NotModified {
        /// When the server confirmed it.
        checked_at: jiff::Timestamp,
    },
}

/// One host's robots.txt, read at most once: its rules, or why it could not be read.
type RobotsCell = Arc<tokio::sync::OnceCell<Result<Robots, FetchError>>>;

/// The HTTP client of a run, with its limits, politeness gates and robots.txt cache.
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    asked_hosts: resolve::AskedHosts,
    limits: FetchLimits,
    politeness: Politeness,
    robots: Mutex<HashMap<String, RobotsCell>>,
}

impl Fetcher {
    /// A fetcher obeying `limits`; certificates are always verified.
    pub fn new(limits: FetchLimits) -> Result<Fetcher, FetchError> {
        let asked_hosts = resolve::AskedHosts::default();
        let client = reqwest::Client::builder()
            .dns_resolver(Arc::new(resolve::GuardedResolver::new(asked_hosts.clone())))
            .user_agent(limits.user_agent.clone())
            .connect_timeout(limits.connect_timeout)
            .read_timeout(limits.read_timeout)
            .timeout(limits.total_timeout)
            .redirect(redirect::policy(limits.max_redirects))
            .build()
            .map_err(|err| FetchError::Client(err.to_string()))?;
        Ok(Fetcher {
            client,
            asked_hosts,
            politeness: Politeness::new(&limits),
            limits,
            robots: Mutex::new(HashMap::new()),
        })
    }

    /// Fetches `url`, conditionally when `validators` are given, retrying what may succeed on
    /// a later try. `events` hears what is going on.
    pub async fn fetch(
        &self,
        url: &str,
        validators: Option<&Validators>,
        events: &(dyn Fn(FetchEvent) + Sync),
    ) -> Result<FetchOutcome, FetchError> {
        let parsed = parse_http_url(url)?;
        if let Some(host) = parsed.host_str() {
            self.asked_hosts.insert(host);
        }
        if self.limits.respect_robots {
            events(FetchEvent::Waiting);
            self.check_robots(&parsed).await?;
        }
        // One page's whole time is capped too: without it a server that drips costs every
        // attempt's total timeout plus the waits between them.
        let deadline = tokio::time::Instant::now() + self.limits.outlet_timeout;
        let out_of_time = || FetchError::Timeout {
            url: url.to_string(),
            detail: format!(
                "outlet_timeout_secs: {} s spent over all attempts",
                self.limits.outlet_timeout.as_secs_f64()
            ),
        };
        let mut retry = 0;
        loop {
            events(FetchEvent::Waiting);
            let attempt = self.attempt(&parsed, validators, retry + 1, events);
            let Ok(attempt) = tokio::time::timeout_at(deadline, attempt).await else {
                return Err(out_of_time());
            };
            let error = match attempt {
                Ok(outcome) => return Ok(outcome),
                Err(failure) => failure,
            };
            if !error.error.is_retryable() || retry >= self.limits.max_retries {
                return Err(error.error);
            }
            let wait = match error.retry_after {
                Some(wait) => wait.min(self.limits.retry_after_cap),
                None => self.limits.backoff(retry),
            };
            if tokio::time::Instant::now() + wait >= deadline {
                return Err(error.error);
            }
            retry += 1;
            events(FetchEvent::Retrying {
                retry,
                wait,
                error: error.error.to_string(),
            });
            tokio::time::sleep(wait).await;
        }
    }

    /// One request through the politeness gates, its body read under the cap.
    async fn attempt(
        &self,
        url: &Url,
        validators: Option<&Validators>,
        attempt: u32,
        events: &(dyn Fn(FetchEvent) + Sync),
    ) -> Result<FetchOutcome, Failure> {
        let _permit = self.politeness.enter(&host_key(url)).await;
        events(FetchEvent::Requesting { attempt });
        let mut request = self.client.get(url.clone());
        if let Some(validators) = validators {
            if let Some(etag) = &validators.etag {
                request = request.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(modified) = &validators.last_modified {
                request = request.header(header::IF_MODIFIED_SINCE, modified);
            }
        }
        let mut response = request
            .send()
            .await
            .map_err(|err| Failure::from(FetchError::from_reqwest(url.as_str(), &err)))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED && validators.is_some() {
            return Ok(FetchOutcome::NotModified {
                checked_at: jiff::Timestamp::now(),
            });
        }
        if !status.is_success() {
            return Err(status_failure(url.as_str(), &response));
        }
        let headers = response.headers().clone();
        let final_url = response.url().to_string();
        let total = response.content_length();
        let cap = self.limits.max_body_bytes;
        let mut body = Vec::new();
        loop {
            let chunk = response
                .chunk()
                .await
                .map_err(|err| Failure::from(FetchError::from_reqwest(url.as_str(), &err)))?;
            let Some(chunk) = chunk else { break };
            if body.len() as u64 + chunk.len() as u64 > cap {
                return Err(Failure::from(FetchError::TooLarge {
                    url: url.to_string(),
                    cap,
                }));
            }
            body.extend_from_slice(&chunk);
            events(FetchEvent::Receiving {
                received: body.len() as u64,
                total,
            });
        }
        Ok(FetchOutcome::Fetched(FetchedPage {
            requested_url: url.to_string(),
            final_url,
            status: status.as_u16(),
            etag: header_text(&headers, header::ETAG),
            last_modified: header_text(&headers, header::LAST_MODIFIED),
            content_type: header_text(&headers, header::CONTENT_TYPE),
            body,
            fetched_at: jiff::Timestamp::now(),
        }))
    }

    /// Fails with [`FetchError::Disallowed`] when the host's robots.txt (read once per host)
    /// forbids `url`.
    async fn check_robots(&self, url: &Url) -> Result<(), FetchError> {
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        let cell = {
            let mut hosts = self.robots.lock().unwrap_or_else(|e| e.into_inner());
            hosts.entry(host_key(url)).or_default().clone()
        };
        let robots = cell
            .get_or_init(|| self.read_robots(robots_url.clone()))
            .await;
        let path = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_string(),
        };
        match robots {
            Ok(robots) if robots.allows(&path) => Ok(()),
            Ok(_) => Err(FetchError::Disallowed {
                url: url.to_string(),
                robots: robots_url.to_string(),
            }),
            // The host cannot be reached at all: say so, rather than blame robots.txt.
            Err(FetchError::Connect { detail, .. }) => Err(FetchError::Connect {
                url: url.to_string(),
                detail: detail.clone(),
            }),
            Err(FetchError::Timeout { detail, .. }) => Err(FetchError::Timeout {
                url: url.to_string(),
                detail: detail.clone(),
            }),
            Err(why) => Err(FetchError::Disallowed {
                url: url.to_string(),
                robots: format!("{robots_url}, which could not be read ({why})"),
            }),
        }
    }

    /// Reads robots.txt: absent (4xx) allows all; unreachable (5xx, network) is an error,
    /// which RFC 9309 treats as allowing nothing.
    async fn read_robots(&self, robots_url: Url) -> Result<Robots, FetchError> {
        let events = |_: FetchEvent| {};
        match self.attempt(&robots_url, None, 1, &events).await {
            Ok(FetchOutcome::Fetched(page)) => {
                let agent = product_token(&self.limits.user_agent);
                Ok(Robots::parse(&String::from_utf8_lossy(&page.body), &agent))
            }
            Ok(FetchOutcome::NotModified { .. }) => Ok(Robots::allow_all()),
            Err(Failure {
                error: FetchError::Status { status, .. },
                ..
            }) if (400..500).contains(&status) => Ok(Robots::allow_all()),
            Err(failure) => Err(failure.error),
        }
    }
}

/// A failed attempt and the wait its response asked for.
struct Failure {
    error: FetchError,
    retry_after: Option<Duration>,
}

impl From<FetchError> for Failure {
    fn from(error: FetchError) -> Self {
        Failure {
            error,
            retry_after: None,
        }
    }
}

fn status_failure(url: &str, response: &reqwest::Response) -> Failure {
    let status = response.status();
    let headers = response.headers();
    let detail = if status.is_redirection() {
        match header_text(headers, header::LOCATION) {
            Some(location) => format!(", a redirect to {location} that was not followed"),
            None => ", a redirect without a Location".to_string(),
        }
    } else {
        status
            .canonical_reason()
            .map(|reason| format!(" {reason}"))
            .unwrap_or_default()
    };
    let retry_after =
        if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
            headers
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, std::time::SystemTime::now()))
        } else {
            None
        };
    Failure {
        error: FetchError::Status {
            url: url.to_string(),
            status: status.as_u16(),
            detail,
        },
        retry_after,
    }
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(crate::text::clean::clean_line)
        .filter(|v| !v.is_empty())
}

/// Parses a URL and checks that it is http(s) with a host.
pub fn parse_http_url(url: &str) -> Result<Url, FetchError> {
    let invalid = |reason: String| FetchError::InvalidUrl {
        url: url.to_string(),
        reason,
    };
    let parsed = Url::parse(url).map_err(|err| invalid(err.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(invalid(format!("scheme {:?}", parsed.scheme())));
    }
    if !parsed.has_host() {
        return Err(invalid("no host".into()));
    }
    Ok(parsed)
}

/// The product token of a User-Agent (`parallax` of `parallax/0.1 (+...)`), which robots.txt
/// groups name.
fn product_token(user_agent: &str) -> String {
    user_agent
        .split(['/', ' '])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_product_token_is_the_name_before_the_version() {
        assert_eq!(product_token("parallax/0.1.0 (+https://x)"), "parallax");
    }

    #[test]
    fn only_http_urls_with_a_host_are_fetched() {
        assert!(parse_http_url("https://example.com/a").is_ok());
        for bad in ["file:///etc/passwd", "ftp://example.com/x", "not a url"] {
            assert!(matches!(
                parse_http_url(bad),
                Err(FetchError::InvalidUrl { .. })
            ));
        }
    }
}
