//! The candidate stories as `discover` prints them: a numbered text list (the numbers
//! `--add N` takes) or JSON for scripts (`schema/discover.schema.json`).

use serde::Serialize;

use super::feed::FeedItem;
use super::fetching::FeedFailure;
use crate::cache::rfc3339;
use crate::text::clean::clean_line;

/// One item of a cluster, as JSON prints it.
#[derive(Debug, Serialize)]
struct JsonItem<'a> {
    outlet: &'a str,
    url: &'a str,
    title: &'a str,
    published: Option<String>,
}

/// One cluster, as JSON prints it.
#[derive(Debug, Serialize)]
struct JsonCluster<'a> {
    items: Vec<JsonItem<'a>>,
}

/// The whole document.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    clusters: Vec<JsonCluster<'a>>,
    failures: &'a [FeedFailure],
}

/// `{"clusters": [{"items": [...]}], "failures": [...]}`, clusters in the order given.
pub fn json(items: &[FeedItem], clusters: &[Vec<usize>], failures: &[FeedFailure]) -> String {
    let report = JsonReport {
        clusters: clusters
            .iter()
            .map(|cluster| JsonCluster {
                items: cluster
                    .iter()
                    .map(|&i| JsonItem {
                        outlet: &items[i].outlet,
                        url: &items[i].url,
                        title: &items[i].title,
                        published: items[i].published.map(rfc3339),
                    })
                    .collect(),
            })
            .collect(),
        failures,
    };
    let mut text = serde_json::to_string_pretty(&report).expect("the report serializes");
    text.push('\n');
    text
}

/// Each cluster numbered from 1, with its outlets' headlines and URLs, newest first.
pub fn text(items: &[FeedItem], clusters: &[Vec<usize>]) -> String {
    if clusters.is_empty() {
        return "no story told by two or more outlets in the feeds\n".into();
    }
    let width = clusters
        .iter()
        .flatten()
        .map(|&i| items[i].outlet.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (number, cluster) in clusters.iter().enumerate() {
        let newest = newest(items, cluster);
        out.push_str(&format!(
            "{}. {} outlets, newest {newest}\n",
            number + 1,
            cluster.len()
        ));
        for &i in cluster {
            let item = &items[i];
            out.push_str(&format!(
                "   {:<width$}  {}\n   {:<width$}  {}\n",
                item.outlet,
                clean_line(&item.title),
                "",
                clean_line(&item.url)
            ));
        }
    }
    out
}

/// When the newest item of `cluster` was published (`2026-12-02 10:00 UTC`), else
/// `undated`.
pub fn newest(items: &[FeedItem], cluster: &[usize]) -> String {
    cluster
        .iter()
        .filter_map(|&i| items[i].published)
        .max()
        .map_or("undated".to_string(), |at| {
            at.strftime("%Y-%m-%d %H:%M UTC").to_string()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<FeedItem> {
        vec![
            FeedItem {
                outlet: "wire".into(),
                url: "https://wire.example/1".into(),
                guid: String::new(),
                title: "Storm hits coast".into(),
                summary: String::new(),
                published: Some("2026-12-02T10:00:00Z".parse().unwrap()),
            },
            FeedItem {
                outlet: "daily".into(),
                url: "https://daily.example/1".into(),
                guid: String::new(),
                title: "Coast hit by storm".into(),
                summary: String::new(),
                published: None,
            },
        ]
    }

    #[test]
    fn json_lists_each_cluster_with_its_items_and_null_for_no_date() {
        let value: serde_json::Value =
            serde_json::from_str(&json(&items(), &[vec![0, 1]], &[])).unwrap();
        let cluster = &value["clusters"][0]["items"];
        assert_eq!(cluster[0]["outlet"], "wire");
        assert_eq!(cluster[0]["published"], "2026-12-02T10:00:00Z");
        assert_eq!(cluster[1]["published"], serde_json::Value::Null);
        assert_eq!(value["failures"], serde_json::json!([]));
    }

    #[test]
    fn text_numbers_the_clusters_and_names_each_outlet() {
        let text = text(&items(), &[vec![0, 1]]);
        assert!(
            text.starts_with("1. 2 outlets, newest 2026-12-02 10:00 UTC\n"),
            "{text}"
        );
        assert!(text.contains("   wire   Storm hits coast\n"), "{text}");
        assert!(text.contains("https://daily.example/1"), "{text}");
    }
}
