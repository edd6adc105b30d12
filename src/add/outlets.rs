//! Which outlet an article belongs to: an outlet already declared for the URL's host, else a
//! new one named after the host (ids like `nytimes-com`, made unique with `-2`, `-3`, ...).

use std::collections::HashSet;

use crate::config::{ArticleSource, Config};

/// An id of `[a-z0-9_-]` made from any text (a host, a file stem): lowercased, every other
/// character a `-`, at most 56 characters (room for a `-N` suffix), `input` when empty.
pub fn id_from(raw: &str) -> String {
    let id: String = raw
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .take(56)
        .collect();
    if id.is_empty() { "input".into() } else { id }
}

/// `id`, or `id-2`, `id-3`, ... : the first that `taken` does not hold.
pub fn unique_id(id: String, taken: &HashSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    candidate
}

/// The host of an http(s) URL without a leading `www.`, lowercased.
pub fn site_host(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

/// The declared outlet whose home page, or one of whose articles, is on `host`.
pub fn outlet_for_host<'a>(config: &'a Config, host: &str) -> Option<&'a str> {
    let on_host = |url: &str| site_host(url).as_deref() == Some(host);
    let by_homepage = config
        .outlets
        .iter()
        .find(|outlet| outlet.homepage.as_deref().is_some_and(on_host));
    let by_article = || {
        config
            .stories
            .iter()
            .flat_map(|story| &story.articles)
            .find(|article| matches!(&article.source, ArticleSource::Url(url) if on_host(url)))
            .map(|article| article.outlet.as_str())
    };
    by_homepage
        .map(|outlet| outlet.id.as_str())
        .or_else(by_article)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn ids_are_made_safe_and_unique() {
        assert_eq!(id_from("News.Example.COM"), "news-example-com");
        assert_eq!(id_from(""), "input");
        let taken: HashSet<String> = ["a".to_string(), "a-2".to_string()].into();
        assert_eq!(unique_id("a".into(), &taken), "a-3");
        assert_eq!(unique_id("b".into(), &taken), "b");
    }

    #[test]
    fn hosts_match_by_homepage_or_by_an_article_ignoring_www() {
        let config = Config::parse(
            r#"
[[outlet]]
id = "wire"
name = "Wire"
homepage = "https://www.wire.example/"
[[outlet]]
id = "daily"
name = "Daily"
[[story]]
id = "s"
title = "S"
[[story.article]]
outlet = "daily"
url = "https://news.daily.example/a"
"#,
            Path::new("sources.toml"),
        )
        .unwrap();
        let host = |url| site_host(url).unwrap();
        assert_eq!(
            outlet_for_host(&config, &host("https://wire.example/x")),
            Some("wire")
        );
        assert_eq!(
            outlet_for_host(&config, &host("http://NEWS.daily.example/b")),
            Some("daily")
        );
        assert_eq!(
            outlet_for_host(&config, &host("https://daily.example/b")),
            None
        );
    }
}
