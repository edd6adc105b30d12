//! Which redirects are followed: at most a few, to http or https only, and never from a public
//! address to a loopback or private one (a page must not steer parallax into the user's own
//! network). Only addresses written as IP literals and `localhost` names are recognised here; a
//! name that resolves to a private address is stopped by the resolver (`resolve.rs`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use reqwest::redirect::Policy;
use url::{Host, Url};

/// The redirect policy of parallax's HTTP client.
pub fn policy(max_redirects: usize) -> Policy {
    Policy::custom(move |attempt| {
        let next = attempt.url().clone();
        if attempt.previous().len() > max_redirects {
            return attempt.error(format!("more than {max_redirects} redirects"));
        }
        if !matches!(next.scheme(), "http" | "https") {
            return attempt.error(format!(
                "redirect to {next} refused: only http and https are followed"
            ));
        }
        let from_private = attempt.previous().first().is_some_and(is_private_host);
        if !from_private && is_private_host(&next) {
            return attempt.error(format!(
                "redirect from a public address to the private or loopback address {next} refused"
            ));
        }
        attempt.follow()
    })
}

/// Whether a URL names a loopback, private, link-local or unspecified address, or `localhost`.
pub fn is_private_host(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => is_private_ip(IpAddr::V4(ip)),
        Some(Host::Ipv6(ip)) => is_private_ip(IpAddr::V6(ip)),
        Some(Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
        None => false,
    }
}

/// Whether `ip` is loopback, private, link-local, unspecified or shared (CGNAT) space.
pub fn is_private_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_private_v4(ip),
        IpAddr::V6(ip) => {
            if let Some(v4) = ip.to_ipv4_mapped() {
                return is_private_v4(v4);
            }
            let first = ip.segments()[0];
            ip.is_loopback()
                || ip.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || ip == Ipv6Addr::LOCALHOST
        }
    }
}

fn is_private_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || (a == 100 && (64..128).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_hosts_are_recognised() {
        for private in [
            "http://127.0.0.1/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://169.254.169.254/latest",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://localhost:8080/",
            "http://0.0.0.0/",
        ] {
            assert!(is_private_host(&Url::parse(private).unwrap()), "{private}");
        }
        for public in [
            "https://example.com/",
            "http://93.184.216.34/",
            "http://[2606:4700::1]/",
        ] {
            assert!(!is_private_host(&Url::parse(public).unwrap()), "{public}");
        }
    }
}
