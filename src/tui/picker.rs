//! The story picker: what `parallax` shows when sources.toml holds several stories (or the
//! outlets' cached feeds tell stories) and none was named. One entry per story (its id and
//! title, its outlets, when its articles were fetched and how many of them can be read without
//! the network), then one per story discovered in the feeds ([`ClusterChoice`]), filtered by a
//! search (`/`), moved with j/k or the arrows, opened with Enter. The cursor starts on the
//! first sample story, so Enter opens the offline demo.

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::cache::Cache;
use crate::config::{ArticleSource, Config, Story};

use super::discovered::ClusterChoice;
use super::search::contains;

/// How many of a story's articles can be read offline (from the cache or a local file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cached {
    /// Every one.
    All,
    /// Some, not all.
    Some,
    /// None.
    None,
}

impl Cached {
    /// The word the list shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Cached::All => "cached",
            Cached::Some => "partly cached",
            Cached::None => "not cached",
        }
    }
}

/// One story as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryChoice {
    /// Story id.
    pub id: String,
    /// Story title.
    pub title: String,
    /// The names of its outlets, in the story's order.
    pub outlets: Vec<String>,
    /// The earliest and latest day (`YYYY-MM-DD`) its cached articles were fetched on.
    pub fetched: Option<(String, String)>,
    /// How much of it can be read offline.
    pub cached: Cached,
    /// A sample story shipped with parallax.
    pub sample: bool,
}

impl StoryChoice {
    /// The entry of `story`, its articles looked up in `cache` (no page is read).
    pub fn of(config: &Config, story: &Story, cache: &Cache) -> StoryChoice {
        let mut days = Vec::new();
        let mut readable = 0;
        for article in &story.articles {
            let present = match &article.source {
                ArticleSource::Path(path) => path.is_file(),
                ArticleSource::Url(_) => {
                    let versions = cache
                        .versions(&story.id, &article.outlet)
                        .unwrap_or_default();
                    // A version's name is the time it was fetched: YYYYMMDDTHHMMSSZ.
                    if let Some(newest) = versions.last() {
                        days.push(format!(
                            "{}-{}-{}",
                            &newest[..4],
                            &newest[4..6],
                            &newest[6..8]
                        ));
                    }
                    !versions.is_empty()
                }
            };
            readable += usize::from(present);
        }
        days.sort();
        let cached = match readable {
            0 => Cached::None,
            n if n == story.articles.len() => Cached::All,
            _ => Cached::Some,
        };
        StoryChoice {
            id: story.id.clone(),
            title: story.title.clone(),
            outlets: story
                .articles
                .iter()
                .map(|a| {
                    config
                        .outlet(&a.outlet)
                        .map_or_else(|| a.outlet.clone(), |o| o.name.clone())
                })
                .collect(),
            fetched: days.first().cloned().zip(days.last().cloned()),
            cached,
            sample: story.sample,
        }
    }

    /// Whether the entry's id, title or an outlet's name contains `query` (ignoring case).
    pub fn matches(&self, query: &str) -> bool {
        query.is_empty()
            || contains(&self.id, query)
            || contains(&self.title, query)
            || self.outlets.iter().any(|o| contains(o, query))
    }
}

/// Every story of `config`, in the file's order.
pub fn choices(config: &Config, cache_dir: &Path) -> Vec<StoryChoice> {
    let cache = Cache::new(cache_dir);
    config
        .stories
        .iter()
        .map(|story| StoryChoice::of(config, story, &cache))
        .collect()
}

/// What a key press in the picker comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerOutcome {
    /// Stay in the picker.
    Stay,
    /// Open the story with this id.
    Open(String),
    /// Add the discovered story of this index among the candidates' clusters, then open it.
    Discovered(usize),
    /// Leave parallax.
    Quit,
}

/// One entry of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry<'a> {
    /// A story of sources.toml.
    Story(&'a StoryChoice),
    /// A story discovered in the feeds, not yet in sources.toml.
    Discovered(&'a ClusterChoice),
}

impl Entry<'_> {
    fn matches(self, query: &str) -> bool {
        match self {
            Entry::Story(choice) => choice.matches(query),
            Entry::Discovered(choice) => choice.matches(query),
        }
    }
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The stories.
    pub choices: Vec<StoryChoice>,
    /// The stories discovered in the cached feeds, listed after `choices`.
    pub clusters: Vec<ClusterChoice>,
    /// The cached feeds are being read and clustered.
    pub discovering: bool,
    /// A message for the status line (why a discovered story could not be added).
    pub notice: Option<String>,
    /// The search (empty: every story shown).
    pub query: String,
    /// The search is being typed.
    pub editing: bool,
    /// The selected entry, among the shown ones.
    pub selected: usize,
}

impl Picker {
    /// A picker over `choices`, the cursor on the first sample story (else the first story).
    pub fn new(choices: Vec<StoryChoice>) -> Picker {
        let selected = choices.iter().position(|c| c.sample).unwrap_or(0);
        Picker {
            choices,
            clusters: Vec::new(),
            discovering: false,
            notice: None,
            query: String::new(),
            editing: false,
            selected,
        }
    }

    /// Entry `index`: the stories first, then the discovered ones.
    pub fn entry(&self, index: usize) -> Entry<'_> {
        match self.choices.get(index) {
            Some(choice) => Entry::Story(choice),
            None => Entry::Discovered(&self.clusters[index - self.choices.len()]),
        }
    }

    /// Indexes of the entries (see [`Picker::entry`]) the search lets through.
    pub fn shown(&self) -> Vec<usize> {
        (0..self.choices.len() + self.clusters.len())
            .filter(|&i| self.entry(i).matches(&self.query))
            .collect()
    }

    /// The selected entry, if any is shown.
    pub fn selected_entry(&self) -> Option<Entry<'_>> {
        let shown = self.shown();
        shown.get(self.selected).map(|&i| self.entry(i))
    }

    /// Lists the discovered stories (the cached feeds were read).
    pub fn set_clusters(&mut self, clusters: Vec<ClusterChoice>) {
        self.clusters = clusters;
        self.discovering = false;
    }

    /// Puts the cursor on the story `id`, when it is shown.
    pub fn select_story(&mut self, id: &str) {
        let shown = self.shown();
        let at = shown
            .iter()
            .position(|&i| matches!(self.entry(i), Entry::Story(c) if c.id == id));
        if let Some(at) = at {
            self.selected = at;
        }
    }

    fn step(&mut self, delta: isize) {
        let last = self.shown().len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Applies one key press.
    pub fn on_key(&mut self, key: KeyEvent) -> PickerOutcome {
        if key.kind != KeyEventKind::Press {
            return PickerOutcome::Stay;
        }
        self.notice = None;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return PickerOutcome::Quit;
        }
        if self.editing {
            match key.code {
                KeyCode::Char('u') if ctrl => self.query.clear(),
                KeyCode::Char(c) if !ctrl => self.query.push(c),
                KeyCode::Backspace => {
                    self.query.pop();
                }
                KeyCode::Enter => self.editing = false,
                KeyCode::Esc => {
                    self.editing = false;
                    self.query.clear();
                }
                _ => {}
            }
            self.selected = 0;
            return PickerOutcome::Stay;
        }
        match key.code {
            KeyCode::Char('q') => return PickerOutcome::Quit,
            KeyCode::Esc if !self.query.is_empty() => {
                self.query.clear();
                self.selected = 0;
            }
            KeyCode::Esc => return PickerOutcome::Quit,
            KeyCode::Char('/') => {
                self.editing = true;
                self.query.clear();
            }
            KeyCode::Char('j') | KeyCode::Down => self.step(1),
            KeyCode::Char('k') | KeyCode::Up => self.step(-1),
            KeyCode::Char('g') | KeyCode::Home => self.selected = 0,
            KeyCode::Char('G') | KeyCode::End => self.step(isize::MAX),
            KeyCode::Enter => match self.selected_entry() {
                Some(Entry::Story(choice)) => return PickerOutcome::Open(choice.id.clone()),
                Some(Entry::Discovered(choice)) => return PickerOutcome::Discovered(choice.index),
                None => {}
            },
            _ => {}
        }
        PickerOutcome::Stay
    }
}
