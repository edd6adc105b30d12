//! Fetch limits for tests against the loopback server: short, so that every case ends within a
//! second or two, with no robots.txt and no per-host delay.
// Each test crate uses the helpers it needs.
#![allow(dead_code)]

use std::time::Duration;

use parallax::fetch::FetchLimits;

/// Short limits so that every case ends within a second or two.
pub fn quick_limits() -> FetchLimits {
    FetchLimits {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(400),
        total_timeout: Duration::from_secs(3),
        max_body_bytes: 1024 * 1024,
        per_host_delay: Duration::ZERO,
        per_host_concurrency: 8,
        respect_robots: false,
        backoff_base: Duration::from_millis(10),
        retry_after_cap: Duration::from_secs(5),
        ..FetchLimits::default()
    }
}

/// [`quick_limits`] with no retries.
pub fn no_retries() -> FetchLimits {
    FetchLimits {
        max_retries: 0,
        ..quick_limits()
    }
}
