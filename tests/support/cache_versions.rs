//! Cache versions written by hand, laid out exactly as the cache (and the demo story's
//! `cache/`) keeps them, for story `quake`.
// Each test crate uses the helpers it needs.
#![allow(dead_code)]

use std::path::Path;

/// Writes `<root>/quake/<outlet>/<version>.html` and its sidecar; `sha256` None writes
/// `"sha256": null`.
pub fn write_version(
    root: &Path,
    outlet: &str,
    version: &str,
    url: &str,
    body: &str,
    sha256: Option<String>,
) {
    let dir = root.join("quake").join(outlet);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{version}.html")), body).unwrap();
    let meta = serde_json::json!({
        "requested_url": url, "final_url": url, "status": 200,
        "fetched_at": "2026-11-28T09:00:00Z", "checked_at": "2026-11-28T09:00:00Z",
        "etag": null, "last_modified": null, "content_type": "text/html; charset=utf-8",
        "charset": "UTF-8", "sha256": sha256, "bytes": body.len(),
        "parallax_version": "0.1.0"
    });
    std::fs::write(dir.join(format!("{version}.json")), meta.to_string()).unwrap();
}
