//! Every outlet's feeds, fetched politely with the articles' client (limits, robots.txt,
//! per-host delay) and kept in the cache under the story `_feeds`, one folder per feed, so
//! that the next run asks conditionally (`If-None-Match`, `If-Modified-Since`) and `--offline`
//! reads what was last fetched. A feed that fails is reported with its URL; the others go on.

use std::sync::Arc;

use crate::cache::{Cache, CachedPage, PageMeta, sha256_hex};
use crate::config::Config;
use crate::fetch::{FetchOutcome, Fetcher, Validators};

use super::feed::{self, FeedItem};

/// The cache's story folder for feeds.
pub const FEEDS_FOLDER: &str = "_feeds";

/// A feed that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FeedFailure {
    /// The outlet it belongs to.
    pub outlet: String,
    /// The feed's URL.
    pub url: String,
    /// Why, naming the URL.
    pub error: String,
}

/// What the feeds gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedsRead {
    /// Every item of every feed read, in the config's order.
    pub items: Vec<FeedItem>,
    /// The feeds that failed.
    pub failures: Vec<FeedFailure>,
    /// How many feeds were asked for.
    pub feeds: usize,
}

/// Reads every feed of `config`'s outlets; `fetcher` None reads only the cache.
pub async fn read_feeds(
    config: &Config,
    cache: &Cache,
    fetcher: Option<Arc<Fetcher>>,
) -> FeedsRead {
    let mut tasks = tokio::task::JoinSet::new();
    let mut feeds = 0;
    for outlet in &config.outlets {
        for url in &outlet.feeds {
            let (cache, fetcher) = (cache.clone(), fetcher.clone());
            let (outlet, url, index) = (outlet.id.clone(), url.clone(), feeds);
            feeds += 1;
            tasks.spawn(async move {
                let read = read_feed(&cache, fetcher.as_deref(), &outlet, &url).await;
                (index, outlet, url, read)
            });
        }
    }
    let mut results = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(result) => results.push(result),
            Err(err) => tracing::error!("a feed task failed: {err}"),
        }
    }
    results.sort_by_key(|(index, ..)| *index);
    let mut read = FeedsRead {
        feeds,
        ..FeedsRead::default()
    };
    for (_, outlet, url, result) in results {
        match result {
            Ok(items) => read.items.extend(items),
            Err(error) => read.failures.push(FeedFailure { outlet, url, error }),
        }
    }
    read
}

/// The cache folder of one feed: the outlet id and a hash of the URL, within 64 characters.
pub fn feed_key(outlet: &str, url: &str) -> String {
    let prefix: String = outlet.chars().take(54).collect();
    format!("{prefix}-{}", &sha256_hex(url.as_bytes())[..8])
}

async fn read_feed(
    cache: &Cache,
    fetcher: Option<&Fetcher>,
    outlet: &str,
    url: &str,
) -> Result<Vec<FeedItem>, String> {
    let key = feed_key(outlet, url);
    let cached = cache
        .newest(FEEDS_FOLDER, &key)
        .ok()
        .flatten()
        .filter(|page| page.meta.requested_url.as_deref() == Some(url));
    let Some(fetcher) = fetcher else {
        let page = cached.ok_or_else(|| format!("{url}: not in the cache (offline)"))?;
        return parse_cached(outlet, url, &page);
    };
    let validators = cached.as_ref().map(|page| Validators {
        etag: page.meta.etag.clone(),
        last_modified: page.meta.last_modified.clone(),
    });
    match fetcher
        .fetch(url, validators.as_ref(), &|_| {})
        .await
        .map_err(|err| err.to_string())?
    {
        FetchOutcome::NotModified { checked_at } => {
            let page = cached
                .ok_or_else(|| format!("{url}: a 304 to a request that was not conditional"))?;
            if let Err(err) = cache.record_check(FEEDS_FOLDER, &key, &page.version, checked_at) {
                tracing::warn!("{url}: cannot record the check in the cache: {err}");
            }
            parse_cached(outlet, url, &page)
        }
        FetchOutcome::Fetched(page) => {
            let meta = PageMeta {
                requested_url: Some(page.requested_url.clone()),
                final_url: Some(page.final_url.clone()),
                status: Some(page.status),
                etag: page.etag.clone(),
                last_modified: page.last_modified.clone(),
                content_type: page.content_type.clone(),
                ..PageMeta::default()
            };
            if let Err(err) = cache.store(FEEDS_FOLDER, &key, &page.body, meta, page.fetched_at) {
                tracing::warn!("{url}: cannot keep the feed in the cache: {err}");
            }
            feed::parse(outlet, url, &page.body, page.content_type.as_deref())
        }
    }
}

fn parse_cached(outlet: &str, url: &str, page: &CachedPage) -> Result<Vec<FeedItem>, String> {
    feed::parse(outlet, url, &page.body, page.meta.content_type.as_deref())
}
