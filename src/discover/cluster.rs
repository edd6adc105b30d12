//! Feed items of different outlets about the same event, grouped into candidate stories.
//!
//! Two items are alike by their [`Likeness`] (IDF-weighted character trigrams of the content
//! words, over all the items at once), the better of their headlines' and of headline and
//! summary together; items dated more than [`MAX_GAP_HOURS`] apart are never alike. The groups are then formed by
//! average link ([`linkage::average_link`]) at [`JOIN_SIMILARITY`], never joining two groups
//! that share an outlet: an outlet tells an event once, so the best match of each outlet wins
//! and one outlet's items never cluster with each other. Versions of one article (one outlet,
//! one URL or one feed id) are made one item first ([`without_versions`]).

use std::collections::{HashMap, HashSet};

use super::feed::FeedItem;
use super::likeness::Likeness;
use super::linkage::{self, Edge};

/// Mean similarity at which two groups of items are one event (chosen on the iSTS headline
/// pairs, `cargo bench --bench discover_eval`, which prints the sweep).
pub const JOIN_SIMILARITY: f64 = 0.2;

/// Items published further apart than this are different events.
pub const MAX_GAP_HOURS: i64 = 72;

/// Keeps one item per outlet and article (listed in two of an outlet's feeds, or twice in
/// one, or again with a changed headline): the most recently dated of those with the same
/// URL or the same feed id.
pub fn without_versions(items: Vec<FeedItem>) -> Vec<FeedItem> {
    let mut kept: Vec<FeedItem> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for item in items {
        let mut keys = vec![(
            item.outlet.clone(),
            format!("url {}", article_key(&item.url)),
        )];
        if !item.guid.is_empty() {
            keys.push((item.outlet.clone(), format!("id {}", item.guid)));
        }
        let index = match keys.iter().find_map(|key| at.get(key).copied()) {
            Some(index) => {
                if kept[index].published < item.published {
                    kept[index] = item;
                }
                index
            }
            None => {
                kept.push(item);
                kept.len() - 1
            }
        };
        for key in keys {
            at.entry(key).or_insert(index);
        }
    }
    kept
}

/// The URL without fragment or trailing slash, for telling versions of one article.
fn article_key(url: &str) -> &str {
    let url = url.split('#').next().unwrap_or(url);
    url.trim_end_matches('/')
}

/// Groups of indexes into `items` of two or more outlets, largest and most recent first,
/// each group's items newest first.
pub fn cluster(items: &[FeedItem]) -> Vec<Vec<usize>> {
    let groups = group(items, &similarities(items), JOIN_SIMILARITY);
    by_size_and_recency(groups, items)
}

/// Average-link groups of `items` under `edges` at `threshold`, two items of one outlet never
/// together; in no particular order.
pub fn group(items: &[FeedItem], edges: &[Edge], threshold: f64) -> Vec<Vec<usize>> {
    linkage::average_link(items.len(), edges, threshold, |a, b| {
        let outlets: HashSet<&str> = a.iter().map(|&i| items[i].outlet.as_str()).collect();
        b.iter()
            .all(|&i| !outlets.contains(items[i].outlet.as_str()))
    })
}

/// How alike the items of different outlets are, for the candidate pairs dated close enough
/// ([`Likeness::candidates`]; a pair of no likeness left out): the better of headline against headline and, where the feeds give
/// summaries, headline with summary against the same.
pub fn similarities(items: &[FeedItem]) -> Vec<Edge> {
    let titles: Vec<&str> = items.iter().map(|item| item.title.as_str()).collect();
    let titles = Likeness::new(&titles);
    let texts = items.iter().any(|item| !item.summary.is_empty()).then(|| {
        let texts: Vec<String> = items
            .iter()
            .map(|item| format!("{} {}", item.title, item.summary))
            .collect();
        Likeness::new(&texts)
    });
    let mut pairs = titles.candidates();
    if let Some(texts) = &texts {
        pairs.extend(texts.candidates());
        pairs.sort_unstable();
        pairs.dedup();
    }
    pairs
        .into_iter()
        .filter(|&(a, b)| items[a].outlet != items[b].outlet && close_in_time(&items[a], &items[b]))
        .filter_map(|(a, b)| {
            let text = texts.as_ref().map_or(0.0, |texts| texts.between(a, b));
            let score = titles.between(a, b).max(text) as f32;
            (score > 0.0).then_some((a, b, score))
        })
        .collect()
}

fn close_in_time(a: &FeedItem, b: &FeedItem) -> bool {
    match (a.published, b.published) {
        (Some(a), Some(b)) => (a.as_second() - b.as_second()).abs() <= MAX_GAP_HOURS * 3600,
        _ => true,
    }
}

/// Largest first, then the one with the most recent item; each group's items newest first.
fn by_size_and_recency(mut groups: Vec<Vec<usize>>, items: &[FeedItem]) -> Vec<Vec<usize>> {
    for group in &mut groups {
        group.sort_by(|&a, &b| items[b].published.cmp(&items[a].published).then(a.cmp(&b)));
    }
    let newest = |group: &Vec<usize>| group.iter().filter_map(|&i| items[i].published).max();
    groups.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then(newest(b).cmp(&newest(a)))
            .then(a[0].cmp(&b[0]))
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(outlet: &str, url: &str, title: &str, hour: i64) -> FeedItem {
        FeedItem {
            outlet: outlet.into(),
            url: url.into(),
            guid: String::new(),
            title: title.into(),
            summary: String::new(),
            published: Some(jiff::Timestamp::from_second(1_796_000_000 + hour * 3600).unwrap()),
        }
    }

    /// Two outlets' headlines of one event.
    const WIRE_QUAKE: &str = "Earthquake of magnitude 6.1 strikes Peru's coast";
    const DAILY_QUAKE: &str = "Magnitude 6.1 earthquake strikes coast of Peru";

    #[test]
    fn one_event_of_several_outlets_clusters_and_one_outlet_never_with_itself() {
        let items = vec![
            item("wire", "https://w/1", WIRE_QUAKE, 0),
            item(
                "wire",
                "https://w/2",
                "Peru earthquake: magnitude 6.1 quake strikes coast",
                1,
            ),
            item("daily", "https://d/1", DAILY_QUAKE, 2),
            item(
                "daily",
                "https://d/2",
                "Local bakery wins national bread award",
                2,
            ),
            item(
                "post",
                "https://p/1",
                "Strong earthquake hits Peru coast, magnitude 6.1",
                3,
            ),
        ];
        let clusters = cluster(&items);
        assert_eq!(clusters.len(), 1, "{clusters:?}");
        let outlets: Vec<&str> = clusters[0]
            .iter()
            .map(|&i| items[i].outlet.as_str())
            .collect();
        assert_eq!(outlets, ["post", "daily", "wire"], "newest first");
    }

    #[test]
    fn items_days_apart_are_different_events() {
        let items = vec![
            item("wire", "https://w/1", WIRE_QUAKE, 0),
            item("daily", "https://d/1", DAILY_QUAKE, 24 * 5),
        ];
        assert!(cluster(&items).is_empty());
    }

    #[test]
    fn versions_of_one_article_are_one_item_the_newest() {
        let mut renamed = item("wire", "https://w/2", "Renamed", 3);
        renamed.guid = "w-1".into();
        let mut first = item("wire", "https://w/1", "Old title", 0);
        first.guid = "w-1".into();
        let items = vec![
            first,
            item("wire", "https://w/1/", "New title", 2),
            item("daily", "https://w/1", "Same URL, other outlet", 1),
            renamed,
        ];
        let kept = without_versions(items);
        let titles: Vec<&str> = kept.iter().map(|item| item.title.as_str()).collect();
        assert_eq!(titles, ["Renamed", "Same URL, other outlet"]);
    }
}
