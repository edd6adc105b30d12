//! One outlet's article of one story: from a local file, the cache or the network, then
//! decoded and extracted. Every fault becomes an error or a warning; nothing here panics.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc::UnboundedSender;

use super::progress::{Origin, OutletReport, Progress, Stage};
use crate::cache::{Cache, CachedPage, ExtractedArticle, PageMeta, Stored};
use crate::config::ArticleSource;
use crate::extract::{self, ExtractHints};
use crate::fetch::{FetchEvent, FetchOutcome, Fetcher, Validators};
use crate::model::{Article, OutletEntry};

/// Everything one article's task needs, owned so that it can run on its own task.
#[derive(Debug, Clone)]
pub(super) struct ArticleJob {
    pub story: String,
    pub outlet: String,
    pub name: String,
    pub source: ArticleSource,
    pub hints: ExtractHints,
    pub cache: Cache,
    /// None when offline.
    pub fetcher: Option<Arc<Fetcher>>,
    pub refresh: bool,
    /// Cap on a local file (`max_body_bytes`).
    pub max_bytes: u64,
    /// Read the newest cached version at or before this one (never the network).
    pub at: Option<String>,
    pub progress: UnboundedSender<Progress>,
}

/// A raw page and what is known of it, from the cache or the network.
struct Page {
    body: Vec<u8>,
    content_type: Option<String>,
    fetched_at: Option<String>,
    sha256: Option<String>,
    origin: Origin,
    status: Option<u16>,
    version: Option<String>,
    /// Why a refresh failed when the cached copy stands in for the page.
    refresh_error: Option<String>,
    /// Why a fetched page could not be kept in the cache.
    cache_error: Option<String>,
}

impl ArticleJob {
    fn send(&self, stage: Stage) {
        // The receiver may be gone (a closed TUI); the work goes on regardless.
        let _ = self.progress.send(Progress {
            story: self.story.clone(),
            outlet: self.outlet.clone(),
            stage,
        });
    }

    fn warn(&self, message: String) {
        self.send(Stage::Warning { message });
    }

    /// Loads the article, reporting every step; returns its entry, or the error.
    pub async fn run(self) -> (Result<OutletEntry, String>, OutletReport) {
        let started = Instant::now();
        self.send(Stage::Started);
        let mut report = OutletReport {
            outlet: self.outlet.clone(),
            source: self.source.display(),
            origin: None,
            status: None,
            bytes: 0,
            version: None,
            elapsed: Default::default(),
            error: None,
            cache_error: None,
        };
        let result = match &self.source {
            ArticleSource::Path(path) => self.local(path.clone(), &mut report).await,
            ArticleSource::Url(url) => self.remote(url, &mut report).await,
        };
        report.elapsed = started.elapsed();
        match &result {
            Ok(_) => self.send(Stage::Loaded {
                origin: report.origin.unwrap_or(Origin::Local),
                bytes: report.bytes,
            }),
            Err(error) => {
                report.origin = None;
                report.error = Some(error.clone());
                self.send(Stage::Failed {
                    error: error.clone(),
                });
            }
        }
        (result, report)
    }

    async fn local(&self, path: PathBuf, report: &mut OutletReport) -> Result<OutletEntry, String> {
        self.send(Stage::Extracting);
        report.bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        report.origin = Some(Origin::Local);
        let (hints, max_bytes) = (self.hints.clone(), self.max_bytes);
        let article =
            run_blocking(move || super::read_local_article(&path, &hints, max_bytes)).await??;
        if article.paragraphs.is_empty() {
            self.warn(super::empty_article_warning(&self.source.display()));
        }
        Ok(super::outlet_entry(
            &self.outlet,
            &self.name,
            &self.source.display(),
            article,
        ))
    }

    async fn remote(&self, url: &str, report: &mut OutletReport) -> Result<OutletEntry, String> {
        let page = self.page(url).await?;
        report.origin = Some(page.origin);
        report.status = page.status;
        report.bytes = page.body.len() as u64;
        report.version = page.version.clone();
        report.error = page.refresh_error.clone();
        report.cache_error = page.cache_error.clone();
        self.send(Stage::Extracting);
        let article = self.extract(&page).await?;
        if article.paragraphs.is_empty() {
            return Err(super::empty_article_warning(url));
        }
        let Page {
            fetched_at, sha256, ..
        } = page;
        let mut entry = super::outlet_entry(&self.outlet, &self.name, url, article);
        entry.fetched_at = fetched_at;
        entry.sha256 = sha256;
        Ok(entry)
    }

    /// The page's article: from `article.json` when it holds this very page's extraction,
    /// else extracted now (and kept in `article.json` when the page came from the network).
    async fn extract(&self, page: &Page) -> Result<Article, String> {
        let body_selector = self.hints.body.as_deref();
        if let Some(sha256) = &page.sha256
            && let Some(stored) = self.cache.read_article(&self.story, &self.outlet)
            && stored.is_for(sha256, body_selector, &self.hints.drop)
        {
            return Ok(stored.article);
        }
        let hints = self.hints.clone();
        let (body, content_type) = (page.body.clone(), page.content_type.clone());
        let article = run_blocking(move || {
            let text = super::decode_page(&body, content_type.as_deref()).0;
            extract::extract_article(&text, &hints)
        })
        .await?;
        let fetched = matches!(page.origin, Origin::New | Origin::Unchanged);
        if let (true, Some(sha256)) = (fetched && page.version.is_some(), &page.sha256) {
            let record = ExtractedArticle {
                sha256: sha256.clone(),
                parallax_version: env!("CARGO_PKG_VERSION").to_string(),
                body_selector: self.hints.body.clone(),
                drop_selectors: self.hints.drop.clone(),
                article: article.clone(),
            };
            if let Err(err) = self.cache.write_article(&self.story, &self.outlet, &record) {
                tracing::debug!("article.json not written: {err}");
            }
        }
        Ok(article)
    }

    /// The raw page: a named version, the newest cached copy, or the network.
    async fn page(&self, url: &str) -> Result<Page, String> {
        if let Some(at) = &self.at {
            return self
                .cache
                .version_at(&self.story, &self.outlet, at)
                .and_then(|version| self.cache.read(&self.story, &self.outlet, &version))
                .map(|cached| cached_page(cached, Origin::Cached))
                .map_err(|err| err.to_string());
        }
        // Why the cache could not help, for the message when the page cannot be had at all.
        let mut cache_problem = None;
        let cached = match self.cache.newest(&self.story, &self.outlet) {
            Ok(cached) => cached,
            Err(err) if self.fetcher.is_some() => {
                self.warn(format!("{err}; fetching the page again"));
                None
            }
            Err(err) => {
                let older = self.newest_intact();
                let fallback = match &older {
                    Some(page) => format!("using the older version {}", page.version),
                    None => "no intact version is kept".to_string(),
                };
                self.warn(format!("{err}; {fallback}"));
                cache_problem = Some(format!("{err}; {fallback}"));
                older
            }
        };
        // A cached version belongs to the URL it was fetched from: after the story's `url`
        // changed, the old page is never shown (nor exported) as the new one.
        let cached = cached.filter(|page| {
            let same = same_url(page.meta.requested_url.as_deref(), url);
            if !same {
                let problem = format!(
                    "the cached copy {} was fetched from {}, not {url}",
                    page.version,
                    page.meta
                        .requested_url
                        .as_deref()
                        .unwrap_or("an unknown URL")
                );
                self.warn(problem.clone());
                cache_problem = Some(problem);
            }
            same
        });
        let Some(fetcher) = &self.fetcher else {
            return cached
                .map(|page| cached_page(page, Origin::Cached))
                .ok_or_else(|| match cache_problem {
                    Some(problem) => format!("{url}: {problem} (offline)"),
                    None => format!("{url}: not in the cache (offline)"),
                });
        };
        if let Some(page) = cached.as_ref().filter(|_| !self.refresh) {
            return Ok(cached_page(page.clone(), Origin::Cached));
        }
        let validators = cached.as_ref().map(|page| Validators {
            etag: page.meta.etag.clone(),
            last_modified: page.meta.last_modified.clone(),
        });
        let events = |event: FetchEvent| self.send(Stage::Fetch(event));
        match fetcher.fetch(url, validators.as_ref(), &events).await {
            Err(err) => match cached {
                // A failed refresh loses nothing: the cached copy stands in, with a warning.
                Some(page) => {
                    let error = err.to_string();
                    self.warn(format!(
                        "{error}; using the cached version {}",
                        page.version
                    ));
                    let mut page = cached_page(page, Origin::Cached);
                    page.refresh_error = Some(error);
                    Ok(page)
                }
                None => Err(err.to_string()),
            },
            Ok(FetchOutcome::NotModified { checked_at }) => {
                let Some(page) = cached else {
                    return Err(format!(
                        "{url}: a 304 to a request that was not conditional"
                    ));
                };
                if let Err(err) =
                    self.cache
                        .record_check(&self.story, &self.outlet, &page.version, checked_at)
                {
                    self.warn(format!("cannot record the check in the cache: {err}"));
                }
                let mut page = cached_page(page, Origin::Unchanged);
                page.status = Some(304);
                Ok(page)
            }
            Ok(FetchOutcome::Fetched(fetched)) => {
                let charset = super::decode_page(&fetched.body, fetched.content_type.as_deref()).1;
                let meta = PageMeta {
                    requested_url: Some(fetched.requested_url.clone()),
                    final_url: Some(fetched.final_url.clone()),
                    status: Some(fetched.status),
                    etag: fetched.etag.clone(),
                    last_modified: fetched.last_modified.clone(),
                    content_type: fetched.content_type.clone(),
                    charset: Some(charset.to_string()),
                    ..PageMeta::default()
                };
                let stored = self.cache.store(
                    &self.story,
                    &self.outlet,
                    &fetched.body,
                    meta,
                    fetched.fetched_at,
                );
                let (origin, version, cache_error) = match stored {
                    Ok(Stored::New(version)) => (Origin::New, Some(version), None),
                    Ok(Stored::Unchanged(version)) => (Origin::Unchanged, Some(version), None),
                    Err(err) => {
                        self.warn(format!(
                            "cannot write to the cache ({err}); keeping the page in memory"
                        ));
                        (Origin::New, None, Some(err.to_string()))
                    }
                };
                Ok(Page {
                    sha256: Some(crate::cache::sha256_hex(&fetched.body)),
                    fetched_at: Some(crate::cache::rfc3339(fetched.fetched_at)),
                    content_type: fetched.content_type,
                    body: fetched.body,
                    origin,
                    status: Some(fetched.status),
                    version,
                    refresh_error: None,
                    cache_error,
                })
            }
        }
    }
}

impl ArticleJob {
    /// The newest kept version whose bytes match its sidecar, when the newest does not.
    fn newest_intact(&self) -> Option<CachedPage> {
        let versions = self.cache.versions(&self.story, &self.outlet).ok()?;
        versions
            .iter()
            .rev()
            .find_map(|version| self.cache.read(&self.story, &self.outlet, version).ok())
    }
}

fn cached_page(cached: CachedPage, origin: Origin) -> Page {
    Page {
        body: cached.body,
        content_type: cached.meta.content_type,
        fetched_at: cached.meta.fetched_at,
        sha256: cached.meta.sha256,
        origin,
        status: cached.meta.status,
        version: Some(cached.version),
        refresh_error: None,
        cache_error: None,
    }
}

/// Whether a cached copy's requested URL is `url` (compared as parsed URLs; an unknown one
/// counts as the same, as for hand-made caches).
fn same_url(cached: Option<&str>, url: &str) -> bool {
    let Some(cached) = cached else { return true };
    match (url::Url::parse(cached), url::Url::parse(url)) {
        (Ok(a), Ok(b)) => a == b,
        _ => cached == url,
    }
}

/// Runs CPU-bound work (decoding, extraction) off the async workers.
async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| format!("extraction failed: {err}"))
}

/// Reads an article the user named directly (`diff`, `extract`): a URL is fetched (never
/// cached), anything else is a local file.
pub(super) async fn read_input(input: &str, fetcher: Option<&Fetcher>) -> Result<Article, String> {
    if !super::is_url(input) {
        let path = PathBuf::from(input);
        let max_bytes = crate::config::Settings::default().max_body_bytes;
        return run_blocking(move || {
            super::read_local_article(&path, &ExtractHints::default(), max_bytes)
        })
        .await?;
    }
    let Some(fetcher) = fetcher else {
        return Err(format!("{input}: cannot fetch a URL with --offline"));
    };
    match fetcher.fetch(input, None, &|_| {}).await {
        Ok(FetchOutcome::Fetched(page)) => {
            run_blocking(move || {
                let text = super::decode_page(&page.body, page.content_type.as_deref()).0;
                extract::extract_article(&text, &ExtractHints::default())
            })
            .await
        }
        Ok(FetchOutcome::NotModified { .. }) => Err(format!("{input}: unexpected 304")),
        Err(err) => Err(err.to_string()),
    }
}
