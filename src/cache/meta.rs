//! The metadata sidecar (`<version>.json`) kept beside each raw page, and version names.
//!
//! A version is named after its fetch time in UTC, `YYYYMMDDTHHMMSSZ`, so that the names sort in
//! time order and the newest version is the greatest name.

use serde::{Deserialize, Serialize};

/// What is known about one fetched page; every key is written, `null` where unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMeta {
    /// The URL that was asked for.
    pub requested_url: Option<String>,
    /// The URL the page came from after redirects.
    pub final_url: Option<String>,
    /// The HTTP status of the final response.
    pub status: Option<u16>,
    /// When the page was fetched (RFC 3339, UTC).
    pub fetched_at: Option<String>,
    /// When the page was last confirmed unchanged by a conditional request (RFC 3339, UTC).
    pub checked_at: Option<String>,
    /// The `ETag` response header.
    pub etag: Option<String>,
    /// The `Last-Modified` response header.
    pub last_modified: Option<String>,
    /// The `Content-Type` response header.
    pub content_type: Option<String>,
    /// The charset the page was decoded with.
    pub charset: Option<String>,
    /// sha256 (lowercase hex) of the raw page bytes.
    pub sha256: Option<String>,
    /// Size of the raw page in bytes.
    pub bytes: Option<u64>,
    /// The parallax version that fetched the page.
    pub parallax_version: Option<String>,
}

/// The version name of a time: `YYYYMMDDTHHMMSSZ` in UTC.
pub fn version_name(at: jiff::Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// A time as RFC 3339 UTC with whole seconds, as the sidecar records it.
pub fn rfc3339(at: jiff::Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Whether `name` is a version name (`YYYYMMDDTHHMMSSZ`); anything else is never made a path.
pub fn is_version_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() == 16
        && bytes[8] == b'T'
        && bytes[15] == b'Z'
        && bytes[..8]
            .iter()
            .chain(&bytes[9..15])
            .all(u8::is_ascii_digit)
}

/// The version name one second after `name`, used when two fetches land in the same second.
pub fn next_version_name(name: &str) -> Option<String> {
    let time = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%SZ", name).ok()?;
    let later = time.checked_add(jiff::SignedDuration::from_secs(1)).ok()?;
    Some(later.strftime("%Y%m%dT%H%M%SZ").to_string())
}

/// sha256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names_sort_in_time_order_and_are_recognised() {
        let at: jiff::Timestamp = "2026-11-28T09:05:07Z".parse().unwrap();
        assert_eq!(version_name(at), "20261128T090507Z");
        assert_eq!(rfc3339(at), "2026-11-28T09:05:07Z");
        assert!(is_version_name("20261128T090507Z"));
        for bad in [
            "../20261128T0905",
            "20261128T090507",
            "2026112xT090507Z",
            "",
        ] {
            assert!(!is_version_name(bad), "{bad}");
        }
        assert_eq!(
            next_version_name("20261231T235959Z").as_deref(),
            Some("20270101T000000Z")
        );
    }

    #[test]
    fn every_sidecar_key_is_written_even_when_unknown() {
        let json = serde_json::to_value(PageMeta::default()).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys.len(), 12);
        assert!(json["etag"].is_null());
    }

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
