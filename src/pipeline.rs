//! One story end to end, the one place both the CLI and the TUI run it: read each article
//! (local file, cache or network), decode and extract it, then compare, reporting every step
//! as [`Progress`] events.
//!
//! The articles of a story are loaded concurrently under the fetcher's limits. An outlet that
//! fails never stops the others: it ends in [`LoadedStory::failures`] with its URL and cause.
//! Use [`Loader::load`] from async code (the TUI's background task) and [`load_story`] or
//! [`Loader::load_blocking`] from plain code (never from inside a tokio runtime: they start
//! their own).
//!
//! ```no_run
//! use parallax::config::Config;
//! use parallax::pipeline::{self, LoadOptions, Loader, Stage};
//!
//! # async fn run(config: Config) {
//! let options = LoadOptions { offline: true, ..LoadOptions::default() };
//! let loader = Loader::new(&config.settings, options).expect("an HTTP client");
//! let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
//! let story = config.stories[0].clone();
//! let task = tokio::spawn(async move { loader.load(&config, &story, &sender).await });
//! while let Some(event) = receiver.recv().await {
//!     if let Stage::Failed { error } = &event.stage {
//!         eprintln!("{}: {error}", event.outlet);
//!     }
//! }
//! let loaded = task.await.expect("the load task ends");
//! # let _ = pipeline::choose_reference(None, None, &loaded.outlets);
//! # }
//! ```

mod article;
mod progress;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::sync::mpsc::{self, UnboundedSender};

pub use progress::{Origin, OutletReport, Progress, Stage};

use crate::cache::Cache;
use crate::config::{Config, Settings, Story, StoryArticle};
use crate::extract::{self, ExtractHints};
use crate::fetch::{FetchError, FetchLimits, Fetcher};
use crate::local_file::read_regular_file;
use crate::model::{Article, Comparison, OutletEntry, OutletFailure};
use crate::text::clean::clean_line;
use article::ArticleJob;

/// How to load stories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// The cache folder.
    pub cache_dir: PathBuf,
    /// Never touch the network: only the cache and local files.
    pub offline: bool,
    /// Fetch again (conditionally) even what is cached.
    pub refresh: bool,
    /// Read, for every URL article, the newest kept version at or before this time
    /// (`YYYYMMDDTHHMMSSZ`, a version name) instead of the newest; never touches the network.
    pub at: Option<String>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            cache_dir: PathBuf::from("cache"),
            offline: false,
            refresh: false,
            at: None,
        }
    }
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
    /// How each outlet went, in the story's order.
    pub reports: Vec<OutletReport>,
}

/// Loads stories with one cache and one fetcher, so that limits hold across all of them.
#[derive(Debug, Clone)]
pub struct Loader {
    cache: Cache,
    fetcher: Option<Arc<Fetcher>>,
    options: LoadOptions,
}

impl Loader {
    /// A loader for `[settings]` and `options` (no fetcher when offline or reading a version).
    pub fn new(settings: &Settings, options: LoadOptions) -> Result<Loader, FetchError> {
        let fetcher = if options.offline || options.at.is_some() {
            None
        } else {
            Some(Arc::new(Fetcher::new(FetchLimits::from_settings(
                settings,
            ))?))
        };
        Ok(Loader {
            cache: Cache::new(&options.cache_dir).with_max_page_bytes(settings.max_body_bytes),
            fetcher,
            options,
        })
    }

    /// A loader from ready parts (tests inject short limits or a failing cache this way).
    /// `fetcher` None means offline; `options.cache_dir` is ignored for `cache`.
    pub fn with_parts(cache: Cache, fetcher: Option<Arc<Fetcher>>, options: LoadOptions) -> Loader {
        Loader {
            cache,
            fetcher,
            options,
        }
    }

    /// Loads every article of `story` concurrently, sending progress to `progress`.
    pub async fn load(
        &self,
        config: &Config,
        story: &Story,
        progress: &UnboundedSender<Progress>,
    ) -> LoadedStory {
        self.load_many(config, &[story], progress)
            .await
            .pop()
            .unwrap_or_default()
    }

    /// Loads every article of several stories at once (one task per article), in order.
    pub async fn load_many(
        &self,
        config: &Config,
        stories: &[&Story],
        progress: &UnboundedSender<Progress>,
    ) -> Vec<LoadedStory> {
        let mut tasks = tokio::task::JoinSet::new();
        for (story_index, story) in stories.iter().enumerate() {
            for (index, article) in story.articles.iter().enumerate() {
                let job = self.job(config, story, article, progress);
                tasks.spawn(async move { ((story_index, index), job.run().await) });
            }
        }
        let mut results = Vec::new();
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok(result) => results.push(result),
                Err(err) => tracing::error!("an article task failed: {err}"),
            }
        }
        results.sort_by_key(|(key, _)| *key);
        let mut all: Vec<LoadedStory> = stories
            .iter()
            .map(|story| LoadedStory {
                story: story.id.clone(),
                ..LoadedStory::default()
            })
            .collect();
        for ((story_index, _), (result, report)) in results {
            let loaded = &mut all[story_index];
            match result {
                Ok(entry) => loaded.outlets.push(entry),
                Err(error) => loaded.failures.push(OutletFailure {
                    id: report.outlet.clone(),
                    url: report.source.clone(),
                    error,
                }),
            }
            loaded.reports.push(report);
        }
        all
    }

    fn job(
        &self,
        config: &Config,
        story: &Story,
        article: &StoryArticle,
        progress: &UnboundedSender<Progress>,
    ) -> ArticleJob {
        let outlet = config.outlet(&article.outlet);
        ArticleJob {
            story: story.id.clone(),
            outlet: article.outlet.clone(),
            name: outlet.map_or(article.outlet.clone(), |o| o.name.clone()),
            source: article.source.clone(),
            hints: ExtractHints {
                body: outlet.and_then(|o| o.body.clone()),
                drop: outlet.map(|o| o.drop.clone()).unwrap_or_default(),
            },
            cache: self.cache.clone(),
            fetcher: self.fetcher.clone(),
            refresh: self.options.refresh,
            max_bytes: config.settings.max_body_bytes,
            at: self.options.at.clone(),
            progress: progress.clone(),
        }
    }

    /// Loads several stories at once from plain code, calling `progress` for every event.
    pub fn load_blocking(
        &self,
        config: &Config,
        stories: &[&Story],
        progress: &mut dyn FnMut(Progress),
    ) -> Vec<LoadedStory> {
        let (sender, mut receiver) = mpsc::unbounded_channel();
        block_on(async move {
            let work = async move { self.load_many(config, stories, &sender).await };
            tokio::pin!(work);
            loop {
                tokio::select! {
                    biased;
                    Some(event) = receiver.recv() => progress(event),
                    all = &mut work => {
                        while let Ok(event) = receiver.try_recv() {
                            progress(event);
                        }
                        return all;
                    }
                }
            }
        })
    }
}

/// Loads one story from plain code; a fetcher that cannot be built fails every URL article.
pub fn load_story(
    config: &Config,
    story: &Story,
    options: &LoadOptions,
    progress: &mut dyn FnMut(Progress),
) -> LoadedStory {
    let loader = match Loader::new(&config.settings, options.clone()) {
        Ok(loader) => loader,
        Err(err) => {
            tracing::warn!("{err}; working offline");
            Loader::with_parts(Cache::new(&options.cache_dir), None, options.clone())
        }
    };
    loader
        .load_blocking(config, &[story], progress)
        .pop()
        .unwrap_or_default()
}

/// Runs a future to completion on a runtime of its own (for plain, non-async callers).
pub fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime can be built")
        .block_on(future)
}

/// Reads one article the user named directly (`diff`, `extract`): a URL is fetched with the
/// default settings (never with `offline`), anything else is read as a local file.
pub fn read_input(input: &str, offline: bool) -> Result<Article, String> {
    let fetcher = if offline {
        None
    } else {
        Some(Fetcher::new(FetchLimits::default()).map_err(|err| err.to_string())?)
    };
    block_on(article::read_input(input, fetcher.as_ref()))
}

/// Whether an input named on the command line is a URL to fetch (else a local file).
pub fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

/// Decodes a raw page to text, returning the charset used.
pub fn decode_page(bytes: &[u8], content_type: Option<&str>) -> (String, &'static str) {
    let decoded = extract::decode::decode_html(bytes, content_type);
    (decoded.text, decoded.charset)
}

/// Reads a local article of at most `max_bytes` (`max_body_bytes`): `.html`/`.htm` files are
/// decoded as pages and extracted, anything else is decoded as plain text (BOM, UTF-16,
/// detection). A file that is not regular, too large, or binary data is refused, naming it.
pub fn read_local_article(
    path: &Path,
    hints: &ExtractHints,
    max_bytes: u64,
) -> Result<Article, String> {
    let bytes = read_regular_file(path, max_bytes).map_err(|err| err.to_string())?;
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let decoded = if is_html {
        extract::decode::decode_html(&bytes, None)
    } else {
        extract::decode::decode_text(&bytes)
    };
    if extract::decode::looks_binary(&decoded.text) {
        return Err(format!(
            "{}: binary data, not text: expected an .html or a text file",
            path.display()
        ));
    }
    Ok(if is_html {
        extract::extract_article(&decoded.text, hints)
    } else {
        extract::article_from_text(&decoded.text)
    })
}

/// The warning for an article that extracted to nothing, naming where it came from.
pub fn empty_article_warning(source: &str) -> String {
    format!("{source}: no article text found")
}

/// Builds the comparison entry of one outlet's article.
pub fn outlet_entry(id: &str, name: &str, url: &str, article: Article) -> OutletEntry {
    OutletEntry {
        id: id.to_string(),
        name: clean_line(name),
        // A file name from the command line may hold anything.
        url: clean_line(url),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, published: Option<&str>) -> OutletEntry {
        OutletEntry {
            id: id.into(),
            published: published.map(String::from),
            ..OutletEntry::default()
        }
    }

    #[test]
    fn the_reference_is_the_asked_then_the_story_s_then_the_earliest_then_the_first() {
        let outlets = [
            entry("a", None),
            entry("b", Some("2021-01-06")),
            entry("c", Some("2021-01-05")),
        ];
        let choose = |asked, story| choose_reference(asked, story, &outlets);
        assert_eq!(choose(Some("b"), Some("a")).as_deref(), Some("b"));
        assert_eq!(choose(Some("gone"), Some("a")).as_deref(), Some("a"));
        assert_eq!(choose(None, Some("gone")).as_deref(), Some("c"));
        let undated = [entry("x", None), entry("y", None)];
        assert_eq!(choose_reference(None, None, &undated).as_deref(), Some("x"));
        assert_eq!(choose_reference(None, None, &[]), None);
    }

    #[test]
    fn a_blocking_load_reports_every_outlet_and_keeps_going_past_failures() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("wire.txt"), "The river rose by 2 metres.").unwrap();
        let text = r#"
[[outlet]]
id = "wire"
name = "Wire"
[[outlet]]
id = "daily"
name = "Daily"
[[story]]
id = "flood"
title = "Flood"
[[story.article]]
outlet = "wire"
path = "wire.txt"
[[story.article]]
outlet = "daily"
url = "https://daily.example/flood"
"#;
        let config = Config::parse(text, &dir.path().join("sources.toml")).unwrap();
        let options = LoadOptions {
            cache_dir: dir.path().join("cache"),
            offline: true,
            ..LoadOptions::default()
        };
        let mut events = Vec::new();
        let loaded = load_story(&config, &config.stories[0], &options, &mut |e| {
            events.push((e.outlet, e.stage))
        });
        assert_eq!(loaded.outlets.len(), 1);
        assert_eq!(loaded.outlets[0].name, "Wire");
        assert_eq!(loaded.failures[0].url, "https://daily.example/flood");
        assert_eq!(loaded.reports[0].origin, Some(Origin::Local));
        assert_eq!(loaded.reports[1].origin, None);
        let wire: Vec<&Stage> = events
            .iter()
            .filter(|(o, _)| o == "wire")
            .map(|(_, s)| s)
            .collect();
        assert_eq!(wire.first(), Some(&&Stage::Started));
        assert!(matches!(
            wire.last(),
            Some(Stage::Loaded {
                origin: Origin::Local,
                ..
            })
        ));
        assert!(
            events
                .iter()
                .any(|(o, s)| o == "daily" && matches!(s, Stage::Failed { .. }))
        );
    }
}
