//! One feed's bytes to its items: RSS 0.x/1.0/2.0, Atom and JSON Feed, read with `feed-rs`.
//! A feed is untrusted input like a page: an HTML page or another content type served as the
//! feed is refused with a clear message, HTML inside titles and summaries is reduced to its
//! text, escape sequences and control characters are stripped, links that are not http(s) and
//! items beyond [`MAX_ITEMS`] are left out.

use scraper::Html;

use crate::text::clean::clean_line;

/// Items read from one feed at most (a feed of a million items is an attack, not news).
pub const MAX_ITEMS: usize = 1000;

/// Characters of a summary kept (the lead is what tells events apart).
const MAX_SUMMARY_CHARS: usize = 600;

/// One item of an outlet's feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The outlet whose feed listed it.
    pub outlet: String,
    /// The article's URL.
    pub url: String,
    /// The feed's own id of the item (`guid`, Atom `id`), which stays the same over its
    /// versions; empty when the feed gives none.
    pub guid: String,
    /// The headline, plain text.
    pub title: String,
    /// The summary or description, plain text (may be empty).
    pub summary: String,
    /// When it was published (else updated), if the feed says.
    pub published: Option<jiff::Timestamp>,
}

/// Reads the items of the feed at `feed_url` of `outlet` from its raw `body`.
pub fn parse(
    outlet: &str,
    feed_url: &str,
    body: &[u8],
    content_type: Option<&str>,
) -> Result<Vec<FeedItem>, String> {
    let mime = content_type
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    if looks_like_html_page(body) {
        return Err(format!(
            "{feed_url}: an HTML page, not a feed{}: give the feed's own URL (RSS, Atom or JSON Feed)",
            mime.as_deref()
                .map(|m| format!(" (content type {m})"))
                .unwrap_or_default()
        ));
    }
    if let Some(mime) = mime.as_deref().filter(|m| !is_feed_type(m)) {
        return Err(format!(
            "{feed_url}: content type {mime} is not a feed: expected RSS, Atom or JSON Feed"
        ));
    }
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(feed_url))
        .build()
        .parse(body)
        .map_err(|err| {
            format!(
                "{feed_url}: not a readable feed: {}",
                clean_line(&err.to_string())
            )
        })?;
    Ok(feed
        .entries
        .into_iter()
        .take(MAX_ITEMS)
        .filter_map(|entry| {
            let url = entry
                .links
                .iter()
                .filter(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
                .map(|link| link.href.trim())
                .find(|href| is_http_url(href))?
                .to_string();
            let title = plain_text(&entry.title?.content);
            if title.is_empty() {
                return None;
            }
            let summary = entry
                .summary
                .map(|s| {
                    plain_text(&s.content)
                        .chars()
                        .take(MAX_SUMMARY_CHARS)
                        .collect()
                })
                .unwrap_or_default();
            let published = entry
                .published
                .or(entry.updated)
                .and_then(|at| jiff::Timestamp::from_second(at.timestamp()).ok());
            Some(FeedItem {
                outlet: outlet.to_string(),
                url,
                guid: clean_line(&entry.id),
                title,
                summary,
                published,
            })
        })
        .collect())
}

/// Content types a feed may be served as (servers label them loosely).
fn is_feed_type(mime: &str) -> bool {
    mime.ends_with("xml")
        || mime.ends_with("+xml")
        || mime.ends_with("json")
        || matches!(
            mime,
            "text/plain" | "application/octet-stream" | "text/html"
        )
}

/// Whether the body opens as an HTML document rather than XML or JSON.
fn looks_like_html_page(body: &[u8]) -> bool {
    let start: Vec<u8> = body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

fn is_http_url(href: &str) -> bool {
    url::Url::parse(href).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
}

/// The text of a title or summary that may hold HTML, one clean line.
fn plain_text(text: &str) -> String {
    if text.contains('<') || text.contains('&') {
        let fragment = Html::parse_fragment(text);
        let words: String = fragment.root_element().text().collect::<Vec<_>>().join(" ");
        clean_line(&words)
    } else {
        clean_line(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Storm &lt;b&gt;hits&lt;/b&gt; coast&#x1b;]52;c;eA==&#x7;</title>
<link>https://wire.example/storm</link>
<description>&lt;p&gt;Winds of 100 km/h.&lt;/p&gt;</description>
<pubDate>Wed, 02 Dec 2026 10:00:00 GMT</pubDate></item>
<item><title>A script link</title><link>javascript:alert(1)</link></item>
<item><title>Relative</title><link>/local/story</link></item>
</channel></rss>"#;

    #[test]
    fn html_and_escape_sequences_leave_titles_and_only_http_links_stay() {
        let items = parse("wire", "https://wire.example/rss", RSS.as_bytes(), None).unwrap();
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[0].title, "Storm hits coast");
        assert_eq!(items[0].summary, "Winds of 100 km/h.");
        assert_eq!(
            items[0].published,
            Some("2026-12-02T10:00:00Z".parse().unwrap())
        );
        assert_eq!(items[1].url, "https://wire.example/local/story");
    }

    #[test]
    fn pages_other_types_and_broken_xml_are_refused_naming_the_url() {
        let page = b"<!DOCTYPE html><html><body>Hi</body></html>";
        let err = parse("w", "https://w.example/f", page, Some("text/html")).unwrap_err();
        assert!(err.contains("https://w.example/f: an HTML page"), "{err}");
        let err = parse("w", "https://w.example/f", b"\x89PNG", Some("image/png")).unwrap_err();
        assert!(
            err.contains("content type image/png is not a feed"),
            "{err}"
        );
        let broken = b"<?xml version=\"1.0\"?><rss><channel><item><title>x</ti";
        let err = parse("w", "https://w.example/f", broken, None).unwrap_err();
        assert!(
            err.contains("https://w.example/f: not a readable feed"),
            "{err}"
        );
    }
}
