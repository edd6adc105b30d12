//! Stories discovered in the outlets' feeds, as the story picker lists them under the stories
//! of sources.toml: per candidate story its newest headline, its outlets and when its newest
//! item was published, read offline from the cached feeds (what `discover --offline` reads);
//! Enter writes it to sources.toml as `discover --add N` does and opens it.

use std::path::Path;

use crate::add::add_to_sources;
use crate::config::{ArticleSource, Config, Story};
use crate::discover::candidates::Candidates;
use crate::discover::report;
use crate::pipeline::LoadOptions;
use crate::text::clean::clean_line;

use super::search::contains;

/// One discovered story as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterChoice {
    /// Its index among the candidates' clusters.
    pub index: usize,
    /// Each outlet's headline, the newest first.
    pub headlines: Vec<String>,
    /// The names of its outlets, the newest item's first.
    pub outlets: Vec<String>,
    /// When its newest item was published (`2026-12-02 10:00 UTC`, or `undated`).
    pub newest: String,
}

impl ClusterChoice {
    /// The newest headline.
    pub fn headline(&self) -> &str {
        self.headlines.first().map_or("", String::as_str)
    }

    /// Whether a headline or an outlet's name contains `query` (ignoring case).
    pub fn matches(&self, query: &str) -> bool {
        query.is_empty()
            || self.headlines.iter().any(|h| contains(h, query))
            || self.outlets.iter().any(|o| contains(o, query))
    }
}

/// The picker's entries for `candidates`, in their order, leaving out the clusters whose every
/// URL is an article of `config` already (added before).
pub fn cluster_choices(config: &Config, candidates: &Candidates) -> Vec<ClusterChoice> {
    let known: std::collections::HashSet<&str> = config
        .stories
        .iter()
        .flat_map(|story| &story.articles)
        .filter_map(|article| match &article.source {
            ArticleSource::Url(url) => Some(url.as_str()),
            ArticleSource::Path(_) => None,
        })
        .collect();
    let items = &candidates.items;
    candidates
        .clusters
        .iter()
        .enumerate()
        .filter(|(_, cluster)| {
            !cluster
                .iter()
                .all(|&i| known.contains(items[i].url.as_str()))
        })
        .map(|(index, cluster)| ClusterChoice {
            index,
            headlines: cluster
                .iter()
                .map(|&i| clean_line(&items[i].title))
                .collect(),
            outlets: cluster
                .iter()
                .map(|&i| {
                    let id = &items[i].outlet;
                    clean_line(config.outlet(id).map_or(id, |o| &o.name))
                })
                .collect(),
            newest: report::newest(items, cluster),
        })
        .collect()
}

/// Writes candidate `index` to the sources file at `config_path` as a new story, exactly as
/// `discover --add` does (validated, comments kept) but reading only the cache (opening the
/// story fetches its articles); the config as written and the new story, or why not (nothing
/// written, the message on one line).
pub fn add_discovered(
    config_path: &Path,
    load: &LoadOptions,
    candidates: &Candidates,
    index: usize,
) -> Result<(Config, Story), String> {
    let config = Config::load(config_path).map_err(|err| one_line(&err.to_string()))?;
    let request = candidates
        .request(index, &config, None)
        .ok_or_else(|| format!("no discovered story {}", index + 1))?;
    let offline = LoadOptions {
        offline: true,
        ..load.clone()
    };
    let added = add_to_sources(config_path, &offline, &request, &mut |_| {})
        .map_err(|err| one_line(&err.to_string()))?;
    let config = added.plan.config;
    let story = config
        .story(&added.plan.story)
        .cloned()
        .ok_or_else(|| format!("story {:?} was not found after adding", added.plan.story))?;
    Ok((config, story))
}

/// A message of several lines (a refusal lists each problem) as one line for the status line.
fn one_line(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    clean_line(&lines.join(" · "))
}
