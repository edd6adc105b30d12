//! The candidate stories of the feeds, as `discover` lists them and the story picker shows
//! them: the items (versions of one article made one, optionally only the recent ones) and
//! their clusters, and the `[[story]]` request that turns one cluster into a story of
//! sources.toml (`discover --add N`, Enter on a discovered story in the picker).

use std::collections::HashSet;

use super::cluster;
use super::feed::FeedItem;
use super::fetching::{self, FEEDS_FOLDER, feed_key};
use crate::add::outlets::{id_from, unique_id};
use crate::add::{Location, NewArticle, Request};
use crate::cache::Cache;
use crate::config::Config;

/// Feed items and the candidate stories they cluster into.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidates {
    /// The items, one per article.
    pub items: Vec<FeedItem>,
    /// Indexes into `items`, largest and most recent cluster first ([`cluster::cluster`]).
    pub clusters: Vec<Vec<usize>>,
}

impl Candidates {
    /// Clusters `items` (all feeds' items as read), keeping only those published within
    /// `since` before now when given (undated ones always).
    pub fn of(items: Vec<FeedItem>, since: Option<jiff::SignedDuration>) -> Candidates {
        let items = recent(cluster::without_versions(items), since);
        let clusters = cluster::cluster(&items);
        Candidates { items, clusters }
    }

    /// The candidates of the feeds as last fetched (what `discover --offline` reads); a feed
    /// not in the cache is left out.
    pub fn cached(config: &Config, cache: &Cache) -> Candidates {
        let read = crate::pipeline::block_on(fetching::read_feeds(config, cache, None));
        Candidates::of(read.items, None)
    }

    /// The request that writes cluster `index` as a new story: each item an article of its
    /// outlet, the newest headline the title; the id is `story`, else made from the headline
    /// (unique among `config`'s stories). None when there is no such cluster.
    pub fn request(&self, index: usize, config: &Config, story: Option<&str>) -> Option<Request> {
        let cluster = self.clusters.get(index)?;
        let title = self.items[cluster[0]].title.clone();
        let story = story.map(str::to_string).unwrap_or_else(|| {
            let taken: HashSet<String> = config.stories.iter().map(|s| s.id.clone()).collect();
            // The first five words, their punctuation dropped (`Storm hits coast, 40` is
            // `storm-hits-coast-40`).
            let words: Vec<String> = title
                .split_whitespace()
                .map(|word| word.chars().filter(|c| c.is_alphanumeric()).collect())
                .filter(|word: &String| !word.is_empty())
                .take(5)
                .collect();
            let id = id_from(&words.join(" "));
            let id = match id.trim_matches('-') {
                "" => "story",
                id => id,
            };
            unique_id(id.to_string(), &taken)
        });
        Some(Request {
            story,
            title: Some(title),
            articles: cluster
                .iter()
                .map(|&i| NewArticle {
                    outlet: Some(self.items[i].outlet.clone()),
                    location: Location::Url(self.items[i].url.clone()),
                })
                .collect(),
            first_is_reference: false,
        })
    }
}

/// Whether some outlet declares a feed that the cache holds (so the picker has candidates to
/// look for); reads no feed.
pub fn has_cached_feeds(config: &Config, cache: &Cache) -> bool {
    config.outlets.iter().any(|outlet| {
        outlet.feeds.iter().any(|url| {
            cache
                .versions(FEEDS_FOLDER, &feed_key(&outlet.id, url))
                .is_ok_and(|versions| !versions.is_empty())
        })
    })
}

/// The items published within `since` before now (all when None; undated ones always).
fn recent(items: Vec<FeedItem>, since: Option<jiff::SignedDuration>) -> Vec<FeedItem> {
    let Some(since) = since else {
        return items;
    };
    let now = jiff::Timestamp::now();
    let oldest = now.checked_sub(since).unwrap_or(jiff::Timestamp::MIN);
    items
        .into_iter()
        .filter(|item| item.published.is_none_or(|at| at >= oldest))
        .collect()
}
