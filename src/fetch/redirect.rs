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

/// Whether `ip` is loopback, private, link-local, unspecified, shared (CGNAT), benchmarking,
/// reserved or multicast space, an IPv4 address written as IPv6 (mapped `::ffff:a.b.c.d`,
/// compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4 `2002:aabb:ccdd::`) included.
pub fn is_private_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_private_v4(ip),
        IpAddr::V6(ip) => {
            if let Some(v4) = embedded_v4(ip) {
                return is_private_v4(v4);
            }
            let first = ip.segments()[0];
            ip.is_loopback()
                || ip.is_unspecified()
                || ip.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                // Local-use NAT64 (RFC 8215) reaches whatever the operator maps it to.
                || ip.segments()[..3] == [0x64, 0xff9b, 1]
        }
    }
}

/// The IPv4 address an IPv6 address stands for, where it embeds one.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let [a, b, c, d, e, f, g, h] = ip.segments();
    let v4 = |high: u16, low: u16| {
        let [w, x] = high.to_be_bytes();
        let [y, z] = low.to_be_bytes();
        Ipv4Addr::new(w, x, y, z)
    };
    match (a, b, c, d, e, f) {
        // Mapped (::ffff:0:0/96) and compatible (::/96, `::1` aside, the loopback itself).
        (0, 0, 0, 0, 0, 0xffff) | (0, 0, 0, 0, 0, 0) if ip != Ipv6Addr::LOCALHOST => Some(v4(g, h)),
        // NAT64 well-known prefix 64:ff9b::/96.
        (0x64, 0xff9b, 0, 0, 0, 0) => Some(v4(g, h)),
        // 6to4 2002::/16.
        (0x2002, ..) => Some(v4(b, c)),
        _ => None,
    }
}

fn is_private_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_multicast()
        || a == 0 // "this network", 0.0.0.0/8
        || a >= 240 // reserved
        || (a == 100 && (64..128).contains(&b)) // shared (CGNAT) 100.64.0.0/10
        || (a == 198 && (b & 0xfe) == 18) // benchmarking 198.18.0.0/15
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
            "http://0.1.2.3/",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::7f00:1]/",
            "http://[64:ff9b:1::1]/",
            "http://[2002:7f00:1::]/",
            "http://198.18.0.1/",
            "http://198.19.255.1/",
            "http://224.0.0.1/",
            "http://[ff02::1]/",
            "http://240.0.0.1/",
        ] {
            assert!(is_private_host(&Url::parse(private).unwrap()), "{private}");
        }
        for public in [
            "https://example.com/",
            "http://93.184.216.34/",
            "http://[2606:4700::1]/",
            "http://198.20.0.1/",
            "http://[64:ff9b::5db8:d822]/",
        ] {
            assert!(!is_private_host(&Url::parse(public).unwrap()), "{public}");
        }
    }
}
