//! What reaches the model ([`Message`]: keys, resizes, pipeline results, signals) and what the
//! model asks the event loop to do ([`Command`]: start background work, touch the terminal or
//! the outside world). `update` turns one into the other without doing any I/O itself.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use crate::config::{Config, Story};
use crate::discover::candidates::Candidates;
use crate::model::Comparison;
use crate::pipeline::{LoadedStory, Progress};

use super::app::View;

/// An event for the model. Background results carry the generation of the request that
/// produced them; results of an older generation are stale and dropped.
#[derive(Debug, Clone)]
pub enum Message {
    /// A key press.
    Key(KeyEvent),
    /// A mouse event (only with `--mouse`).
    Mouse(MouseEvent),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// Progress of a load request.
    Progress {
        /// The request.
        generation: u64,
        /// What happened.
        event: Progress,
    },
    /// A load or re-comparison finished.
    Compared {
        /// The request.
        generation: u64,
        /// The articles that were read (kept for re-comparing with another reference).
        loaded: Arc<LoadedStory>,
        /// The comparison, or None when no article could be read.
        comparison: Option<Box<Comparison>>,
        /// More is coming for this request: the cached articles are shown while the rest are
        /// fetched, so the outlets missing now are not failures yet.
        partial: bool,
    },
    /// An article typed at the `a` prompt was added to sources.toml (and fetched), or why not.
    Added(Result<Box<AddedArticle>, String>),
    /// The cached feeds were read and clustered, for the story picker.
    Discovered(Arc<Candidates>),
    /// A side effect finished and has something to say (export written, URL opened...).
    Notice(String),
    /// SIGTERM, SIGHUP or SIGINT: quit now.
    Terminate,
}

/// An article added to the open story: the story as sources.toml now has it.
#[derive(Debug, Clone)]
pub struct AddedArticle {
    /// The config as written.
    pub config: Config,
    /// The open story, with the new article.
    pub story: Story,
    /// The new article's outlet id.
    pub outlet: String,
    /// Its URL.
    pub url: String,
    /// Why fetching it failed, when it did (it is added all the same).
    pub fetch_error: Option<String>,
}

/// Work the event loop does for the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Read the story's articles (fetching what is missing) and compare them, on a background
    /// thread; `reference` is the preferred reference outlet.
    Load {
        /// The request's generation.
        generation: u64,
        /// Preferred reference.
        reference: Option<String>,
        /// Fetch again even what is cached.
        refresh: bool,
    },
    /// Compare already read articles against another reference, on a background thread.
    Recompare {
        /// The request's generation.
        generation: u64,
        /// The articles.
        loaded: Arc<LoadedStory>,
        /// The new reference outlet id.
        reference: String,
    },
    /// Add the article at this URL to the open story (sources.toml), fetching it, on a
    /// background thread; its progress is reported under `generation`.
    AddArticle {
        /// The generation progress is reported under.
        generation: u64,
        /// The article's URL.
        url: String,
    },
    /// Open a URL or path with the system's opener, without waiting.
    OpenUrl(String),
    /// Put text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Write the current view to a file in the current directory.
    Export(View),
    /// Restore the terminal, stop the process until `fg`, then draw again.
    Suspend,
}
