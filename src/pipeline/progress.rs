//! What the pipeline reports while it works: one [`Progress`] event per step of each outlet's
//! article, and one [`OutletReport`] per outlet when it is done (for the `fetch` summary).

use std::time::Duration;

use crate::fetch::FetchEvent;

/// One event: which story and outlet, and what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Story id.
    pub story: String,
    /// Outlet id.
    pub outlet: String,
    /// What happened.
    pub stage: Stage,
}

/// The step an outlet's article has reached.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Work on the article began.
    Started,
    /// The fetch of the page reports a step: waiting, requesting, receiving, retrying.
    Fetch(FetchEvent),
    /// The page is being decoded and its article extracted.
    Extracting,
    /// Something went wrong that did not stop the article (a corrupted cached copy, an
    /// unwritable cache).
    Warning {
        /// In plain words, naming the file or URL.
        message: String,
    },
    /// The article is ready.
    Loaded {
        /// Where it came from.
        origin: Origin,
        /// Size of the raw page (or file) in bytes.
        bytes: u64,
    },
    /// The article could not be had.
    Failed {
        /// Why, naming the URL or file.
        error: String,
    },
}

/// Where an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A local file named in sources.toml.
    Local,
    /// The cache, without touching the network.
    Cached,
    /// The network, and the content was new (a version was added to the cache).
    New,
    /// The network (a 304, or the same bytes again): the cached copy is current.
    Unchanged,
}

impl Origin {
    /// The word shown in the `fetch` summary.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Local => "local",
            Origin::Cached => "cached",
            Origin::New => "new",
            Origin::Unchanged => "unchanged",
        }
    }
}

/// How one outlet's article went, for the `fetch` summary table.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletReport {
    /// Outlet id.
    pub outlet: String,
    /// The URL or path.
    pub source: String,
    /// Where the article came from; None when it failed.
    pub origin: Option<Origin>,
    /// The HTTP status of the fetch, when one was made (304 for a confirmed copy).
    pub status: Option<u16>,
    /// Size of the raw page in bytes.
    pub bytes: u64,
    /// The cache version used, if any.
    pub version: Option<String>,
    /// Time spent on this article.
    pub elapsed: Duration,
    /// Why it failed, or why a refresh failed when the cached copy stood in (then `origin`
    /// is [`Origin::Cached`]).
    pub error: Option<String>,
    /// Why the fetched page could not be kept in the cache (it was used from memory).
    pub cache_error: Option<String>,
}
