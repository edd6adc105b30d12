//! What one fetch may cost, and politeness towards each host: a global and a per-host limit on
//! requests in flight, and a pause between two requests to the same host.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

use crate::config::Settings;

/// Every bound a fetch obeys, built from `[settings]` (tests use shorter ones).
#[derive(Debug, Clone, PartialEq)]
pub struct FetchLimits {
    /// The User-Agent header.
    pub user_agent: String,
    /// Time allowed to establish a connection.
    pub connect_timeout: Duration,
    /// Time allowed between two reads (a stalled server).
    pub read_timeout: Duration,
    /// Time allowed for a whole request, body included (a server that drips).
    pub total_timeout: Duration,
    /// Time allowed for one page over all its attempts and the waits between them.
    pub outlet_timeout: Duration,
    /// Cap on the decompressed body, counted while streaming.
    pub max_body_bytes: u64,
    /// Requests in flight at once over all hosts.
    pub max_concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host_concurrency: usize,
    /// Pause between the starts of two requests to the same host.
    pub per_host_delay: Duration,
    /// Honour robots.txt.
    pub respect_robots: bool,
    /// Redirects followed at most.
    pub max_redirects: usize,
    /// Retries at most after a 5xx, 429, timeout or refused connection (never after other 4xx).
    pub max_retries: u32,
    /// The first retry waits about this long (jittered), doubling after each retry.
    pub backoff_base: Duration,
    /// The longest `Retry-After` wait obeyed; longer requests wait this long.
    pub retry_after_cap: Duration,
}

impl FetchLimits {
    /// The limits of `[settings]`, with parallax's retry policy (3 retries from 500 ms, waits
    /// capped at 60 s, 5 redirects).
    pub fn from_settings(settings: &Settings) -> FetchLimits {
        FetchLimits {
            user_agent: settings.user_agent.clone(),
            connect_timeout: Duration::from_secs(settings.connect_timeout_secs),
            read_timeout: Duration::from_secs(settings.read_timeout_secs),
            total_timeout: Duration::from_secs(settings.timeout_secs),
            outlet_timeout: Duration::from_secs(settings.outlet_timeout_secs),
            max_body_bytes: settings.max_body_bytes,
            max_concurrency: settings.max_concurrency.max(1),
            per_host_concurrency: settings.per_host_concurrency.max(1),
            per_host_delay: Duration::from_millis(settings.per_host_delay_ms),
            respect_robots: settings.respect_robots,
            max_redirects: 5,
            max_retries: 3,
            backoff_base: Duration::from_millis(500),
            retry_after_cap: Duration::from_secs(60),
        }
    }

    /// The wait before retry number `retry` (0-based): `backoff_base * 2^retry`, jittered by
    /// ±50 % so that many clients do not retry in step.
    pub fn backoff(&self, retry: u32) -> Duration {
        let base = self.backoff_base.saturating_mul(1 << retry.min(16));
        base.mul_f64(0.5 + fastrand::f64())
    }
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits::from_settings(&Settings::default())
    }
}

/// Global and per-host gates every request passes through.
#[derive(Debug)]
pub struct Politeness {
    global: Arc<Semaphore>,
    per_host: usize,
    delay: Duration,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
}

#[derive(Debug)]
struct HostGate {
    slots: Arc<Semaphore>,
    next_start: tokio::sync::Mutex<Instant>,
}

/// Leave to send one request; dropping it frees the slots.
#[derive(Debug)]
pub struct Permit {
    _host: OwnedSemaphorePermit,
    _global: OwnedSemaphorePermit,
}

impl Politeness {
    /// Gates for these limits.
    pub fn new(limits: &FetchLimits) -> Politeness {
        Politeness {
            global: Arc::new(Semaphore::new(limits.max_concurrency.max(1))),
            per_host: limits.per_host_concurrency.max(1),
            delay: limits.per_host_delay,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// Waits for a slot on `host` (first, so that a busy host does not hold global slots), then
    /// a global slot, then until `delay` has passed since the last request to `host` started.
    pub async fn enter(&self, host: &str) -> Permit {
        let gate = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
            hosts
                .entry(host.to_string())
                .or_insert_with(|| {
                    Arc::new(HostGate {
                        slots: Arc::new(Semaphore::new(self.per_host)),
                        next_start: tokio::sync::Mutex::new(Instant::now()),
                    })
                })
                .clone()
        };
        let host_permit = gate
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let global_permit = self
            .global
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let mut next_start = gate.next_start.lock().await;
        tokio::time::sleep_until(*next_start).await;
        *next_start = Instant::now() + self.delay;
        Permit {
            _host: host_permit,
            _global: global_permit,
        }
    }
}

/// The politeness key of a URL: host and port.
pub fn host_key(url: &url::Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter() {
        let limits = FetchLimits {
            backoff_base: Duration::from_millis(100),
            ..FetchLimits::default()
        };
        for retry in 0..3 {
            let wait = limits.backoff(retry);
            let nominal = 100.0 * f64::from(1u32 << retry);
            let ms = wait.as_secs_f64() * 1000.0;
            assert!(
                ms >= nominal * 0.5 && ms <= nominal * 1.5,
                "{ms} for {retry}"
            );
        }
    }

    #[test]
    fn host_key_includes_the_port() {
        let url = url::Url::parse("https://example.com/a").unwrap();
        assert_eq!(host_key(&url), "example.com:443");
    }
}
