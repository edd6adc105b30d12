//! Name resolution that a page cannot turn against the user's own network. The redirect policy
//! stops redirects to private addresses written as IP literals or `localhost`; this resolver
//! stops the rest: a host name that parallax was never asked to fetch (one reached only by a
//! redirect) must resolve to public addresses. Names the user gave (in `sources.toml` or on
//! the command line) resolve as they are, so an intranet mirror still works.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use super::redirect::is_private_ip;

/// The host names parallax was asked to fetch, shared by the fetcher and its resolver.
#[derive(Debug, Clone, Default)]
pub struct AskedHosts(Arc<Mutex<HashSet<String>>>);

impl AskedHosts {
    /// Records that the user asked for a page on `host`.
    pub fn insert(&self, host: &str) {
        if let Ok(mut hosts) = self.0.lock() {
            hosts.insert(normalise(host));
        }
    }

    fn contains(&self, host: &str) -> bool {
        self.0.lock().is_ok_and(|hosts| hosts.contains(host))
    }
}

/// The system resolver, refusing private answers for names only a redirect reached.
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    asked: AskedHosts,
}

impl GuardedResolver {
    /// A resolver that trusts the names recorded in `asked`.
    pub fn new(asked: AskedHosts) -> GuardedResolver {
        GuardedResolver { asked }
    }
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = normalise(name.as_str());
        let asked = self.asked.contains(&host);
        Box::pin(async move {
            let addresses: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            check_addresses(&host, asked, &addresses)?;
            Ok(Box::new(addresses.into_iter()) as Addrs)
        })
    }
}

/// Refuses the addresses of a name nobody asked for when any of them is private or loopback.
fn check_addresses(host: &str, asked: bool, addresses: &[SocketAddr]) -> Result<(), String> {
    match addresses.iter().find(|a| is_private_ip(a.ip())) {
        Some(private) if !asked => Err(format!(
            "{host} resolves to the private or loopback address {}: refused, since only a \
             redirect led here",
            private.ip()
        )),
        _ => Ok(()),
    }
}

/// Host names compare without case and without a final dot.
fn normalise(host: &str) -> String {
    host.trim_end_matches('.').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses(list: &[&str]) -> Vec<SocketAddr> {
        list.iter()
            .map(|ip| SocketAddr::new(ip.parse().unwrap(), 0))
            .collect()
    }

    #[test]
    fn a_name_only_a_redirect_reached_must_resolve_to_public_addresses() {
        let private = addresses(&["93.184.216.34", "10.0.0.5"]);
        let error = check_addresses("intranet.example", false, &private).unwrap_err();
        assert!(
            error.contains("intranet.example") && error.contains("10.0.0.5"),
            "{error}"
        );
        assert!(check_addresses("intranet.example", true, &private).is_ok());
        assert!(check_addresses("news.example", false, &addresses(&["93.184.216.34"])).is_ok());
    }

    #[test]
    fn asked_hosts_ignore_case_and_the_final_dot() {
        let asked = AskedHosts::default();
        asked.insert("News.Example.");
        assert!(asked.contains(&normalise("news.example")));
        assert!(!asked.contains(&normalise("other.example")));
    }
}
