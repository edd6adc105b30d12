//! Why a fetch failed, in words a user can act on (always naming the URL).

/// A failed fetch.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Not an http(s) URL with a host.
    #[error("{url}: not an http:// or https:// URL ({reason})")]
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The host's robots.txt disallows the page.
    #[error("{url}: disallowed by {robots} (set respect_robots = false in [settings] to override)")]
    Disallowed {
        /// The page.
        url: String,
        /// The robots.txt URL, and why when it could not be read.
        robots: String,
    },
    /// The final response was not a 2xx.
    #[error("{url}: HTTP {status}{detail}")]
    Status {
        /// The page.
        url: String,
        /// The status code.
        status: u16,
        /// More, e.g. where an unfollowed redirect pointed.
        detail: String,
    },
    /// The decompressed body went past the cap.
    #[error("{url}: the page is larger than the {cap}-byte limit (max_body_bytes)")]
    TooLarge {
        /// The page.
        url: String,
        /// The cap in bytes.
        cap: u64,
    },
    /// Connect, read or total timeout.
    #[error("{url}: timed out ({detail})")]
    Timeout {
        /// The page.
        url: String,
        /// Which timeout, as far as known.
        detail: String,
    },
    /// The connection could not be made (refused, DNS, TLS).
    #[error("{url}: cannot connect: {detail}")]
    Connect {
        /// The page.
        url: String,
        /// The cause.
        detail: String,
    },
    /// A redirect was refused (too many, wrong scheme, public to private).
    #[error("{url}: {detail}")]
    Redirect {
        /// The page.
        url: String,
        /// Why it was refused.
        detail: String,
    },
    /// Any other transport or body error (reset connection, bad compression).
    #[error("{url}: {detail}")]
    Network {
        /// The page.
        url: String,
        /// The cause.
        detail: String,
    },
    /// The HTTP client could not be built.
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
}

impl FetchError {
    /// Whether trying again may help: 5xx, 429, timeouts and failed connections.
    pub fn is_retryable(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status >= 500 || *status == 429,
            FetchError::Timeout { .. } | FetchError::Connect { .. } => true,
            FetchError::Network { .. } => true,
            _ => false,
        }
    }

    /// Classifies a reqwest error for `url`, with the whole chain of causes.
    pub fn from_reqwest(url: &str, err: &reqwest::Error) -> FetchError {
        let url = url.to_string();
        let detail = causes(err);
        if err.is_redirect() {
            FetchError::Redirect { url, detail }
        } else if err.is_timeout() {
            FetchError::Timeout { url, detail }
        } else if err.is_connect() {
            FetchError::Connect { url, detail }
        } else {
            FetchError::Network { url, detail }
        }
    }
}

/// Layers of reqwest's and hyper's error chains that name no cause ("error sending request",
/// "client error (Connect)"): left out, so the message goes straight to the cause.
fn is_wrapper(text: &str) -> bool {
    text.starts_with("error sending request") || text.starts_with("client error (")
}

/// An error and its sources, joined with `: `, without the URL reqwest adds or the layers
/// that only wrap a cause.
fn causes(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = Vec::new();
    let mut current = Some(err);
    while let Some(e) = current {
        let text = e.to_string();
        let text = text
            .split_once(" for url (")
            .map_or(text.as_str(), |(head, _)| head)
            .to_string();
        let only_wraps = e.source().is_some() && is_wrapper(&text);
        if !only_wraps && !parts.contains(&text) {
            parts.push(text);
        }
        current = e.source();
    }
    crate::text::clean::clean_line(&parts.join(": "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error with an optional source, for building chains like reqwest's.
    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>);

    impl std::fmt::Display for Layer {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Layer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|e| e as _)
        }
    }

    #[test]
    fn causes_skip_wrapping_layers_and_the_url() {
        let chain = Layer(
            "error sending request for url (https://example.org/)",
            Some(Box::new(Layer(
                "client error (Connect)",
                Some(Box::new(Layer("dns error: no such host", None))),
            ))),
        );
        assert_eq!(causes(&chain), "dns error: no such host");
    }

    #[test]
    fn a_wrapper_with_no_cause_below_it_is_kept() {
        assert_eq!(
            causes(&Layer("error sending request", None)),
            "error sending request"
        );
    }
}
