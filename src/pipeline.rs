//! One story end to end: read each article (cache, network or local file), extract it, and
//! compare the articles, reporting progress as [`Progress`] events.

use std::path::Path;

use crate::config::{ArticleSource, Config, Story};
use crate::extract::{self, ExtractHints};
use crate::model::{Article, Comparison, OutletEntry, OutletFailure};

/// What the pipeline reports while it works, for progress bars and the TUI.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// An outlet's article is being read.
    Started {
        /// Outlet id.
        outlet: String,
    },
    /// An outlet's article is ready.
    Loaded {
        /// Outlet id.
        outlet: String,
    },
    /// An outlet's article could not be had.
    Failed {
        /// Outlet id.
        outlet: String,
        /// Why, in plain words.
        error: String,
    },
}

/// The articles of a story that could be had, and the outlets that failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedStory {
    /// Story id.
    pub story: String,
    /// One entry per outlet whose article was read, in the story's order.
    pub outlets: Vec<OutletEntry>,
    /// Outlets whose article could not be read.
    pub failures: Vec<OutletFailure>,
}

/// Reads every article of `story` (local files only, for now) and reports progress.
pub fn load_story(
    config: &Config,
    story: &Story,
    progress: &mut dyn FnMut(Progress),
) -> LoadedStory {
    let mut loaded = LoadedStory {
        story: story.id.clone(),
        ..LoadedStory::default()
    };
    for article in &story.articles {
        progress(Progress::Started {
            outlet: article.outlet.clone(),
        });
        let outlet = config.outlet(&article.outlet);
        let hints = ExtractHints {
            body: outlet.and_then(|o| o.body.clone()),
            drop: outlet.map(|o| o.drop.clone()).unwrap_or_default(),
        };
        let result = match &article.source {
            ArticleSource::Path(path) => read_local_article(path, &hints),
            ArticleSource::Url(url) => Err(format!("{url}: not in the cache")),
        };
        match result {
            Ok(parsed) => {
                let name = outlet.map_or(article.outlet.clone(), |o| o.name.clone());
                loaded.outlets.push(outlet_entry(
                    &article.outlet,
                    &name,
                    &article.source.display(),
                    parsed,
                ));
                progress(Progress::Loaded {
                    outlet: article.outlet.clone(),
                });
            }
            Err(error) => {
                progress(Progress::Failed {
                    outlet: article.outlet.clone(),
                    error: error.clone(),
                });
                loaded.failures.push(OutletFailure {
                    id: article.outlet.clone(),
                    url: article.source.display(),
                    error,
                });
            }
        }
    }
    loaded
}

/// Reads a local article: `.html`/`.htm` files are extracted, anything else is plain text.
pub fn read_local_article(path: &Path, hints: &ExtractHints) -> Result<Article, String> {
    let bytes = std::fs::read(path).map_err(|err| format!("{}: {err}", path.display()))?;
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    Ok(if is_html {
        extract::extract_article(&extract::decode::decode_html(&bytes, None).text, hints)
    } else {
        extract::article_from_text(&String::from_utf8_lossy(&bytes))
    })
}

/// Builds the comparison entry of one outlet's article.
pub fn outlet_entry(id: &str, name: &str, url: &str, article: Article) -> OutletEntry {
    OutletEntry {
        id: id.to_string(),
        name: name.to_string(),
        url: url.to_string(),
        title: article.title,
        published: article.published,
        byline: article.byline,
        paragraphs: article.paragraphs,
        headings: article.headings,
        heading_positions: article.heading_positions,
        ..OutletEntry::default()
    }
}

/// The reference outlet: the one asked for, else the story's `reference`, else the earliest
/// published, else the first listed. `None` when no outlet could be read.
pub fn choose_reference(
    requested: Option<&str>,
    story_reference: Option<&str>,
    outlets: &[OutletEntry],
) -> Option<String> {
    let present = |id: &str| outlets.iter().any(|o| o.id == id);
    if let Some(id) = requested.filter(|id| present(id)) {
        return Some(id.to_string());
    }
    if let Some(id) = story_reference.filter(|id| present(id)) {
        return Some(id.to_string());
    }
    outlets
        .iter()
        .filter_map(|o| o.published.as_ref().map(|p| (p, &o.id)))
        .min()
        .map(|(_, id)| id.clone())
        .or_else(|| outlets.first().map(|o| o.id.clone()))
}

/// Compares a loaded story against `reference` (see [`choose_reference`]).
pub fn compare_loaded(config: &Config, loaded: LoadedStory, reference: &str) -> Comparison {
    crate::align::compare(
        &loaded.story,
        loaded.outlets,
        reference,
        loaded.failures,
        &config.compare,
    )
}
