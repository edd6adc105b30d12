//! The on-disk store of fetched pages (`cache/`, or `--cache-dir`): evidence a researcher can
//! browse and cite, and what parallax reads when offline.
//!
//! Layout, one folder per story and outlet, one pair of files per kept version:
//!
//! ```text
//! cache/<story>/<outlet>/<version>.html   raw page bytes exactly as received
//! cache/<story>/<outlet>/<version>.json   metadata sidecar (see [`PageMeta`])
//! cache/<story>/<outlet>/article.json     the article extracted from the newest fetch
//!                                         (see [`ExtractedArticle`]; optional)
//! cache/.lock                             held while writing, so two instances never tear writes
//! ```
//!
//! `<version>` is the fetch time in UTC, `YYYYMMDDTHHMMSSZ`; the newest version is the greatest
//! name. A version counts once its sidecar exists (the sidecar is written last). Re-fetching a
//! page whose content changed adds a version and keeps the old one; unchanged content only
//! updates `checked_at`. Every read checks the page's sha256 against its sidecar, so a corrupted
//! file is reported, never trusted. Story and outlet ids are checked with
//! [`crate::config::is_valid_id`] and version names with [`is_version_name`] before they become
//! paths, so nothing escapes the cache folder.

mod article;
mod meta;
mod store;

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use article::ExtractedArticle;
pub use meta::{PageMeta, is_version_name, next_version_name, rfc3339, sha256_hex, version_name};
pub use store::{FileStorage, Storage, write_atomic, write_atomic_with_permissions};

use crate::config::{Settings, is_valid_id};
use crate::local_file::{LocalFileError, read_regular_file};
use crate::text::clean::clean_line;

/// Cap on a sidecar (`<version>.json`): a few URLs and headers.
const MAX_SIDECAR_BYTES: u64 = 1024 * 1024;

/// How far in the future a version may be dated (clocks differ) before it is ignored: a
/// version dated later would stay the newest and hide every later fetch.
const FUTURE_VERSION_SLACK_SECS: i64 = 24 * 60 * 60;

/// Why the cache could not read or write something.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// A story or outlet id, or a version name, that cannot safely become a path.
    #[error(
        "{0:?} cannot name a cache folder or file: expected [a-z0-9_-] (or a YYYYMMDDTHHMMSSZ version)"
    )]
    InvalidName(String),
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A cached page whose bytes do not match the sha256 of its sidecar.
    #[error("{}: corrupted: its sha256 is {actual}, the sidecar records {expected}", path.display())]
    Corrupted {
        /// The raw page file.
        path: PathBuf,
        /// The sha256 recorded in the sidecar.
        expected: String,
        /// The sha256 of the bytes on disk.
        actual: String,
    },
    /// A sidecar that is not the JSON the cache writes.
    #[error("{}: unreadable sidecar: {message}", path.display())]
    BadSidecar {
        /// The sidecar file.
        path: PathBuf,
        /// What the JSON parser said.
        message: String,
    },
    /// A cache file that could not be read safely (not a regular file, too large).
    #[error(transparent)]
    File(LocalFileError),
    /// A story or outlet folder that is a symbolic link: the cache never reads or writes
    /// through one, so nothing it keeps can land outside it.
    #[error("{}: is a symbolic link; the cache does not follow links in its folders", .0.display())]
    Symlink(PathBuf),
    /// No kept version of that name.
    #[error("{}: no version {version} is kept", dir.display())]
    NoSuchVersion {
        /// The outlet's folder.
        dir: PathBuf,
        /// The version asked for.
        version: String,
    },
}

/// One kept version of a page, verified against its sidecar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedPage {
    /// Version name (`YYYYMMDDTHHMMSSZ`).
    pub version: String,
    /// The sidecar.
    pub meta: PageMeta,
    /// The raw page bytes.
    pub body: Vec<u8>,
}

/// What [`Cache::store`] did with a fetched page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// The content was new: a version of this name was written.
    New(String),
    /// The newest version already holds these bytes: only its `checked_at` was updated.
    Unchanged(String),
}

/// The cache folder.
#[derive(Clone)]
pub struct Cache {
    root: PathBuf,
    storage: Arc<dyn Storage>,
    max_page_bytes: u64,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache").field("root", &self.root).finish()
    }
}

impl Cache {
    /// The cache at `root`, written through the real file system.
    pub fn new(root: impl Into<PathBuf>) -> Cache {
        Cache::with_storage(root, Arc::new(FileStorage))
    }

    /// The cache at `root`, written through `storage` (tests inject faults this way).
    pub fn with_storage(root: impl Into<PathBuf>, storage: Arc<dyn Storage>) -> Cache {
        Cache {
            root: root.into(),
            storage,
            max_page_bytes: Settings::default().max_body_bytes,
        }
    }

    /// The same cache, reading no page (nor `article.json`) larger than `max` bytes
    /// (`max_body_bytes`; the default's otherwise).
    pub fn with_max_page_bytes(mut self, max: u64) -> Cache {
        self.max_page_bytes = max;
        self
    }

    /// The folder of one outlet's article in one story.
    pub fn outlet_dir(&self, story: &str, outlet: &str) -> Result<PathBuf, CacheError> {
        for id in [story, outlet] {
            if !is_valid_id(id) {
                return Err(CacheError::InvalidName(id.to_string()));
            }
        }
        let story_dir = self.root.join(story);
        let dir = story_dir.join(outlet);
        for folder in [&story_dir, &dir] {
            if std::fs::symlink_metadata(folder).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(CacheError::Symlink(folder.clone()));
            }
        }
        Ok(dir)
    }

    /// The kept versions of one article, oldest first (only those whose sidecar exists, and
    /// none dated more than a day ahead of the clock).
    pub fn versions(&self, story: &str, outlet: &str) -> Result<Vec<String>, CacheError> {
        let latest = jiff::Timestamp::now()
            .checked_add(jiff::SignedDuration::from_secs(FUTURE_VERSION_SLACK_SECS))
            .map(version_name)
            .unwrap_or_default();
        let dir = self.outlet_dir(story, outlet)?;
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(CacheError::Io { path: dir, source }),
        };
        let mut versions: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let version = name.strip_suffix(".json")?;
                (is_version_name(version) && version <= latest.as_str())
                    .then(|| version.to_string())
            })
            .collect();
        versions.sort();
        Ok(versions)
    }

    /// Reads one kept version and checks its bytes against the sidecar's sha256.
    pub fn read(&self, story: &str, outlet: &str, version: &str) -> Result<CachedPage, CacheError> {
        let dir = self.outlet_dir(story, outlet)?;
        if !is_version_name(version) {
            return Err(CacheError::InvalidName(version.to_string()));
        }
        let meta_path = dir.join(format!("{version}.json"));
        let meta = match read_regular_file(&meta_path, MAX_SIDECAR_BYTES) {
            Ok(bytes) => read_meta(&meta_path, &bytes)?,
            Err(LocalFileError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return Err(CacheError::NoSuchVersion {
                    dir,
                    version: version.to_string(),
                });
            }
            Err(err) => return Err(CacheError::File(err)),
        };
        let page_path = dir.join(format!("{version}.html"));
        let body = read_regular_file(&page_path, self.max_page_bytes).map_err(CacheError::File)?;
        // A sidecar without a sha256 cannot vouch for its page: it is not trusted.
        let Some(expected) = &meta.sha256 else {
            return Err(CacheError::BadSidecar {
                path: meta_path,
                message: "no sha256 is recorded, so the page cannot be checked".into(),
            });
        };
        let actual = sha256_hex(&body);
        if !actual.eq_ignore_ascii_case(expected) {
            return Err(CacheError::Corrupted {
                path: page_path,
                expected: expected.clone(),
                actual,
            });
        }
        Ok(CachedPage {
            version: version.to_string(),
            meta,
            body,
        })
    }

    /// The newest kept version, verified; `Ok(None)` when nothing is kept.
    pub fn newest(&self, story: &str, outlet: &str) -> Result<Option<CachedPage>, CacheError> {
        match self.versions(story, outlet)?.last() {
            Some(version) => self.read(story, outlet, version).map(Some),
            None => Ok(None),
        }
    }

    /// The newest kept version at or before `at` (a version name).
    pub fn version_at(&self, story: &str, outlet: &str, at: &str) -> Result<String, CacheError> {
        if !is_version_name(at) {
            return Err(CacheError::InvalidName(at.to_string()));
        }
        let versions = self.versions(story, outlet)?;
        versions
            .into_iter()
            .rev()
            .find(|version| version.as_str() <= at)
            .ok_or_else(|| CacheError::NoSuchVersion {
                dir: self.root.join(story).join(outlet),
                version: format!("at or before {at}"),
            })
    }

    /// Keeps a fetched page. `meta` carries what the response said (URLs, status, headers,
    /// charset); the fetch time, sha256, size and parallax version are filled in here.
    ///
    /// When the newest kept version holds the same bytes, only its `checked_at` is updated;
    /// otherwise a new version is written beside the old ones (page first, sidecar last).
    pub fn store(
        &self,
        story: &str,
        outlet: &str,
        body: &[u8],
        mut meta: PageMeta,
        fetched: jiff::Timestamp,
    ) -> Result<Stored, CacheError> {
        let dir = self.outlet_dir(story, outlet)?;
        let _lock = self.lock()?;
        let sha256 = sha256_hex(body);
        let now = rfc3339(fetched);
        if let Ok(Some(newest)) = self.newest(story, outlet)
            && newest.meta.sha256.as_deref() == Some(sha256.as_str())
        {
            let mut checked = newest.meta;
            checked.checked_at = Some(now);
            self.write_meta(&dir, &newest.version, &checked)?;
            return Ok(Stored::Unchanged(newest.version));
        }
        self.storage
            .create_dir_all(&dir)
            .map_err(|source| CacheError::Io {
                path: dir.clone(),
                source,
            })?;
        let version = self.free_version(&dir, version_name(fetched))?;
        meta.fetched_at = Some(now.clone());
        meta.checked_at = Some(now);
        meta.sha256 = Some(sha256);
        meta.bytes = Some(body.len() as u64);
        meta.parallax_version = Some(env!("CARGO_PKG_VERSION").to_string());
        let page_path = dir.join(format!("{version}.html"));
        self.storage
            .write_atomic(&page_path, body)
            .map_err(|source| CacheError::Io {
                path: page_path,
                source,
            })?;
        if let Err(err) = self.write_meta(&dir, &version, &meta) {
            // A page without its sidecar is no version: leave no orphan behind.
            let _ = std::fs::remove_file(dir.join(format!("{version}.html")));
            return Err(err);
        }
        Ok(Stored::New(version))
    }

    /// Records that a conditional request found `version` unchanged at `checked`.
    pub fn record_check(
        &self,
        story: &str,
        outlet: &str,
        version: &str,
        checked: jiff::Timestamp,
    ) -> Result<(), CacheError> {
        let dir = self.outlet_dir(story, outlet)?;
        let _lock = self.lock()?;
        let mut page = self.read(story, outlet, version)?;
        page.meta.checked_at = Some(rfc3339(checked));
        self.write_meta(&dir, version, &page.meta)
    }

    /// Takes the cache's lock file (`<root>/.lock`), waiting while another instance holds it.
    /// Released when the returned file is dropped.
    pub fn lock(&self) -> Result<File, CacheError> {
        let io_error = |source| CacheError::Io {
            path: self.root.join(".lock"),
            source,
        };
        self.storage.create_dir_all(&self.root).map_err(io_error)?;
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.root.join(".lock"))
            .map_err(io_error)?;
        file.lock().map_err(io_error)?;
        Ok(file)
    }

    fn write_meta(&self, dir: &Path, version: &str, meta: &PageMeta) -> Result<(), CacheError> {
        let path = dir.join(format!("{version}.json"));
        let mut json = serde_json::to_vec_pretty(meta).expect("the sidecar serialises");
        json.push(b'\n');
        self.storage
            .write_atomic(&path, &json)
            .map_err(|source| CacheError::Io { path, source })
    }

    /// `wanted`, or the next free second when a version of that name (or a half-written page
    /// of it) already exists.
    fn free_version(&self, dir: &Path, wanted: String) -> Result<String, CacheError> {
        let mut version = wanted;
        for _ in 0..3600 {
            let taken = ["html", "json"]
                .iter()
                .any(|ext| dir.join(format!("{version}.{ext}")).exists());
            if !taken {
                return Ok(version);
            }
            version = next_version_name(&version)
                .ok_or_else(|| CacheError::InvalidName(version.clone()))?;
        }
        Err(CacheError::InvalidName(version))
    }
}

/// Parses a sidecar and cleans every string in it: it is a file anyone could have edited, and
/// its URLs and times reach messages and exports.
fn read_meta(path: &Path, bytes: &[u8]) -> Result<PageMeta, CacheError> {
    let mut meta: PageMeta =
        serde_json::from_slice(bytes).map_err(|err| CacheError::BadSidecar {
            path: path.to_path_buf(),
            message: err.to_string(),
        })?;
    for field in [
        &mut meta.requested_url,
        &mut meta.final_url,
        &mut meta.fetched_at,
        &mut meta.checked_at,
        &mut meta.etag,
        &mut meta.last_modified,
        &mut meta.content_type,
        &mut meta.charset,
        &mut meta.sha256,
        &mut meta.parallax_version,
    ]
    .into_iter()
    .flatten()
    {
        *field = clean_line(field);
    }
    Ok(meta)
}
