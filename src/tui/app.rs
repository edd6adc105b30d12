//! The model of the terminal interface: everything the views draw and `update` changes, and
//! nothing that touches the terminal. Derived state (the side-by-side layout) is rebuilt here
//! whenever what it depends on changes, so drawing is only copying.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::model::{ChangeClass, ChangeKind, Comparison, FactChange};
use crate::pipeline::LoadedStory;

use super::index::{ComparisonIndex, DifferenceFlags};
use super::keymap::{KeyChord, Keymap};
use super::layout::{ScreenAreas, columns_that_fit, screen_areas};
use super::theme::Theme;
use super::views::framing::FramingState;
use super::views::side_by_side::{SideLayout, SideLayoutKey};

/// The views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One column per outlet, paragraph groups level.
    SideBySide,
    /// Claim clusters by outlet, with a detail pane.
    Claims,
    /// Per-outlet shares, changed facts, coverage strip.
    Summary,
    /// One article whole.
    Reader,
    /// Who was written from whom: the provenance graph and its evidence.
    Sources,
    /// The framing lens: word choices, actors' labels, voice.
    Framing,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 6] = [
        View::SideBySide,
        View::Claims,
        View::Summary,
        View::Reader,
        View::Sources,
        View::Framing,
    ];

    /// The number its tab shows and its key (`1` ...).
    pub fn number(self) -> usize {
        match self {
            View::SideBySide => 1,
            View::Claims => 2,
            View::Summary => 3,
            View::Reader => 4,
            View::Sources => 5,
            View::Framing => 6,
        }
    }

    /// The tab title.
    pub fn title(self) -> &'static str {
        match self {
            View::SideBySide => "Side by side",
            View::Claims => "Claims",
            View::Summary => "Summary",
            View::Reader => "Reader",
            View::Sources => "Sources",
            View::Framing => "Framing",
        }
    }

    /// A short name for file names (`side-by-side`).
    pub fn slug(self) -> &'static str {
        match self {
            View::SideBySide => "side-by-side",
            View::Claims => "claims",
            View::Summary => "summary",
            View::Reader => "reader",
            View::Sources => "sources",
            View::Framing => "framing",
        }
    }

    /// The next (`step` 1) or previous (`step` -1) view, wrapping around.
    pub fn cycle(self, step: isize) -> View {
        let i = View::ALL.iter().position(|v| *v == self).unwrap_or(0) as isize;
        View::ALL[(i + step).rem_euclid(View::ALL.len() as isize) as usize]
    }
}

/// Which rows and claims are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Everything.
    #[default]
    All,
    /// Only what differs in any way (changed, missing, added, moved).
    Differences,
    /// Only what some outlet leaves out.
    Missing,
    /// Only what some outlet adds.
    Added,
}

impl StatusFilter {
    /// The next filter of the `f` cycle.
    pub fn next(self) -> StatusFilter {
        match self {
            StatusFilter::All => StatusFilter::Differences,
            StatusFilter::Differences => StatusFilter::Missing,
            StatusFilter::Missing => StatusFilter::Added,
            StatusFilter::Added => StatusFilter::All,
        }
    }

    /// Shown in the tab line.
    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Differences => "differences",
            StatusFilter::Missing => "missing",
            StatusFilter::Added => "added",
        }
    }
}

/// What the reason filter (`F`) keeps: changes of one class, or of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonFilter {
    /// Changes of this class (conflict, framing, detail).
    Class(ChangeClass),
    /// Changes of this kind (number, date, ...).
    Kind(ChangeKind),
}

impl ReasonFilter {
    /// Whether `change` is one the filter keeps.
    pub fn keeps(self, change: &FactChange) -> bool {
        match self {
            ReasonFilter::Class(class) => change.class == class,
            ReasonFilter::Kind(kind) => change.kind == kind,
        }
    }

    /// The filter's name in the status line (`conflict`, `number`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonFilter::Class(class) => class.as_str(),
            ReasonFilter::Kind(kind) => kind.as_str(),
        }
    }
}

/// The reason filters `F` cycles through (None = any): the classes, then the kinds.
pub const KIND_FILTERS: [Option<ReasonFilter>; 12] = [
    None,
    Some(ReasonFilter::Class(ChangeClass::Conflict)),
    Some(ReasonFilter::Class(ChangeClass::Framing)),
    Some(ReasonFilter::Class(ChangeClass::Detail)),
    Some(ReasonFilter::Kind(ChangeKind::Number)),
    Some(ReasonFilter::Kind(ChangeKind::Date)),
    Some(ReasonFilter::Kind(ChangeKind::Quote)),
    Some(ReasonFilter::Kind(ChangeKind::Name)),
    Some(ReasonFilter::Kind(ChangeKind::Attribution)),
    Some(ReasonFilter::Kind(ChangeKind::Hedge)),
    Some(ReasonFilter::Kind(ChangeKind::Negation)),
    Some(ReasonFilter::Kind(ChangeKind::Wording)),
];

/// Whether a row or claim with these differences passes the filters.
pub fn passes(flags: &DifferenceFlags, filter: StatusFilter, reason: Option<ReasonFilter>) -> bool {
    let by_status = match filter {
        StatusFilter::All => true,
        StatusFilter::Differences => !flags.is_same(),
        StatusFilter::Missing => flags.missing,
        StatusFilter::Added => flags.added,
    };
    by_status
        && match reason {
            None => true,
            Some(ReasonFilter::Class(class)) => flags.classes.contains(&class),
            Some(ReasonFilter::Kind(kind)) => flags.kinds.contains(&kind),
        }
}

/// How far one outlet's article got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutletProgress {
    /// Not started.
    Waiting,
    /// Being read or fetched; the step in words ("requesting", "retrying in 2s: ...").
    Loading(String),
    /// Ready; where it came from ("cached", "new", "local").
    Loaded(String),
    /// Could not be had, with why.
    Failed(String),
}

/// The search: the query, and whether it is still being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The query (empty: no search).
    pub query: String,
    /// The query is being typed at the prompt.
    pub editing: bool,
}

/// Scroll state of the side-by-side view, in screen lines of the laid-out rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideState {
    /// The cursor line (its row is the selected row).
    pub cursor: usize,
    /// The first line shown.
    pub scroll: usize,
    /// The laid-out rows (derived).
    pub layout: SideLayout,
}

/// Selection in a list (the claims matrix).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    /// Index of the selected entry among the shown ones.
    pub selected: usize,
    /// The first entry shown.
    pub scroll: usize,
    /// The first line of the detail pane shown.
    pub detail_scroll: usize,
}

/// The whole state of the interface.
#[derive(Debug, Clone)]
pub struct App {
    /// Story id.
    pub story: String,
    /// Story title.
    pub story_title: String,
    /// The current comparison (None while the first load runs).
    pub comparison: Option<Comparison>,
    /// Lookups derived from `comparison`.
    pub index: ComparisonIndex,
    /// The articles the comparison was made from.
    pub loaded: Option<Arc<LoadedStory>>,
    /// Per outlet of the story, how far its article got.
    pub progress: Vec<(String, OutletProgress)>,
    /// Background work running, in words ("loading", "comparing").
    pub busy: Option<String>,
    /// The tag of the newest background request; older results are dropped.
    pub generation: u64,
    /// Bumped whenever a new comparison is installed (invalidates derived layout).
    pub revision: u64,
    /// Why there is nothing to show (no article could be read).
    pub load_error: Option<String>,
    /// The reference the user asked for with `r`.
    pub wanted_reference: Option<String>,
    /// The view shown.
    pub view: View,
    /// The help overlay is open.
    pub help: bool,
    /// The help overlay's first line.
    pub help_scroll: usize,
    /// The focused outlet (index into `comparison.outlets`).
    pub focus: usize,
    /// The first non-reference outlet shown side by side.
    pub first_other: usize,
    /// Status filter.
    pub filter: StatusFilter,
    /// Reason-kind filter.
    pub kind_filter: Option<ReasonFilter>,
    /// The search.
    pub search: Search,
    /// Side-by-side scrolling and layout.
    pub side: SideState,
    /// Claims matrix selection.
    pub claims: ListState,
    /// Summary's first line.
    pub summary_scroll: usize,
    /// Reader's first line.
    pub reader_scroll: usize,
    /// Sources: the selected entry (a graph line or an evidence item) and the first line shown.
    pub sources: ListState,
    /// The Framing view's tables and selection.
    pub framing: FramingState,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// A one-line message for the status line.
    pub notice: Option<String>,
    /// Styles.
    pub theme: Theme,
    /// Key bindings.
    pub keymap: Keymap,
    /// Keys typed so far of a longer binding (`]` of `]c`).
    pub pending_keys: Vec<KeyChord>,
    /// Quit after this update.
    pub quit: bool,
    /// The story picker can be gone back to (`parallax` opened with one).
    pub picker: bool,
    /// Go back to the story picker after this update.
    pub to_picker: bool,
    /// Where `e` writes its files.
    pub export_dir: PathBuf,
    /// A fetch again (`R`) is under way: its outcome goes to the status line when done.
    pub refetching: bool,
    /// Outlets whose article is a local file (read, never fetched or waited for).
    pub local_outlets: Vec<String>,
    /// The `a` prompt: the URL typed so far (None: no prompt).
    pub add_prompt: Option<String>,
}

impl App {
    /// A fresh interface for a story whose outlets are `outlets`, before anything is loaded.
    pub fn new(story: &str, title: &str, outlets: &[String], theme: Theme, keymap: Keymap) -> App {
        App {
            story: story.to_string(),
            story_title: title.to_string(),
            comparison: None,
            index: ComparisonIndex::default(),
            loaded: None,
            progress: outlets
                .iter()
                .map(|o| (o.clone(), OutletProgress::Waiting))
                .collect(),
            busy: None,
            generation: 0,
            revision: 0,
            load_error: None,
            wanted_reference: None,
            view: View::SideBySide,
            help: false,
            help_scroll: 0,
            focus: 0,
            first_other: 1,
            filter: StatusFilter::All,
            kind_filter: None,
            search: Search::default(),
            side: SideState::default(),
            claims: ListState::default(),
            summary_scroll: 0,
            reader_scroll: 0,
            sources: ListState::default(),
            framing: FramingState::default(),
            size: (80, 24),
            notice: None,
            theme,
            keymap,
            pending_keys: Vec::new(),
            quit: false,
            picker: false,
            to_picker: false,
            export_dir: PathBuf::from("."),
            refetching: false,
            local_outlets: Vec::new(),
            add_prompt: None,
        }
    }

    /// Installs a comparison (a load or re-comparison finished), keeping the focus on the same
    /// outlet where possible.
    pub fn set_comparison(&mut self, comparison: Comparison) {
        let focused_id = self
            .comparison
            .as_ref()
            .and_then(|c| c.outlets.get(self.focus))
            .map(|o| o.id.clone());
        self.index = ComparisonIndex::new(&comparison);
        self.framing = FramingState::default();
        self.focus = focused_id
            .and_then(|id| comparison.outlets.iter().position(|o| o.id == id))
            .unwrap_or(if comparison.outlets.len() > 1 { 1 } else { 0 });
        self.comparison = Some(comparison);
        self.revision += 1;
        self.load_error = None;
        self.first_other = 1;
        self.claims = ListState::default();
        self.sources = ListState::default();
        self.relayout();
    }

    /// Reads the framing lens of the comparison, unless it is read already.
    pub fn read_framing(&mut self) {
        if let Some(comparison) = &self.comparison
            && self.framing.read_for != Some(self.revision)
        {
            self.framing = FramingState::of(comparison, self.revision);
        }
    }

    /// Number of compared outlets.
    pub fn outlet_count(&self) -> usize {
        self.comparison.as_ref().map_or(0, |c| c.outlets.len())
    }

    /// Lines under the tab line: per-outlet progress while loading, failed outlets after.
    pub fn banner_lines(&self) -> Vec<(String, OutletProgress)> {
        let loading = self.comparison.is_none() || self.busy.is_some();
        self.progress
            .iter()
            .filter(|(_, p)| loading || matches!(p, OutletProgress::Failed(_)))
            .cloned()
            .collect()
    }

    /// The screen's areas at the current size.
    pub fn areas(&self) -> ScreenAreas {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        screen_areas(area, self.banner_lines().len() as u16)
    }

    /// Lines of side-by-side rows on screen (the body less the column headers).
    pub fn side_rows_height(&self) -> usize {
        self.areas().body.height.saturating_sub(1) as usize
    }

    /// Keeps the focused column on screen by scrolling the non-reference columns sideways.
    fn keep_focus_visible(&mut self) {
        let outlets = self.outlet_count();
        let others = columns_that_fit(self.size.0).min(outlets).saturating_sub(1);
        let last_first = outlets.saturating_sub(others).max(1);
        if self.focus > 0 {
            if self.focus < self.first_other {
                self.first_other = self.focus;
            } else if others > 0 && self.focus >= self.first_other + others {
                self.first_other = self.focus + 1 - others;
            }
        }
        self.first_other = self.first_other.clamp(1, last_first);
    }

    /// The side-by-side layout key for the current state.
    pub fn side_layout_key(&self) -> SideLayoutKey {
        SideLayoutKey {
            width: self.size.0,
            first_other: self.first_other,
            focus: self.focus,
            filter: self.filter,
            kind_filter: self.kind_filter,
            query: self.search.query.clone(),
            revision: self.revision,
        }
    }

    /// Rebuilds derived layout after anything it depends on changed, keeping the selected row
    /// and clamping scrolling.
    pub fn relayout(&mut self) {
        self.keep_focus_visible();
        let key = self.side_layout_key();
        if self.side.layout.key.as_ref() != Some(&key) {
            let selected_group = self.side.layout.row_at(self.side.cursor).map(|r| {
                let row = &self.side.layout.rows[r];
                (row.group, self.side.cursor - row.top)
            });
            self.side.layout = SideLayout::build(self, key);
            self.side.cursor = match selected_group {
                Some((group, offset)) => self
                    .side
                    .layout
                    .rows
                    .iter()
                    .find(|r| r.group >= group)
                    .map_or(self.side.layout.total.saturating_sub(1), |r| {
                        r.top
                            + if r.group == group {
                                offset.min(r.height - 1)
                            } else {
                                0
                            }
                    }),
                None => 0,
            };
        }
        self.clamp_side();
    }

    /// Clamps the side-by-side cursor and scroll to the layout and screen.
    pub fn clamp_side(&mut self) {
        let total = self.side.layout.total;
        let height = self.side_rows_height().max(1);
        self.side.cursor = self.side.cursor.min(total.saturating_sub(1));
        self.side.scroll = self.side.scroll.min(total.saturating_sub(height));
        if self.side.cursor < self.side.scroll {
            self.side.scroll = self.side.cursor;
        } else if self.side.cursor >= self.side.scroll + height {
            self.side.scroll = self.side.cursor + 1 - height;
        }
    }

    /// Indexes of the claims the filters and search let through, in matrix order.
    pub fn shown_claims(&self) -> Vec<usize> {
        let Some(comparison) = &self.comparison else {
            return Vec::new();
        };
        (0..comparison.claims.len())
            .filter(|&c| passes(&self.index.claim_flags[c], self.filter, self.kind_filter))
            .collect()
    }

    /// The selected claim: in the claims matrix the selected row; elsewhere the focused
    /// outlet's claim under the side-by-side cursor (else its row's first claim).
    pub fn selected_claim(&self) -> Option<usize> {
        let comparison = self.comparison.as_ref()?;
        match self.view {
            View::Claims => self.shown_claims().get(self.claims.selected).copied(),
            _ => {
                if let Some(claim) = self.side.layout.claim_at(self, self.side.cursor) {
                    return Some(claim);
                }
                let row = self.side.layout.row_at(self.side.cursor)?;
                let group = comparison
                    .paragraphs
                    .get(self.side.layout.rows[row].group)?;
                let outlet = comparison.outlets.get(self.focus)?;
                let paragraphs = group.cells.get(&outlet.id)?;
                paragraphs
                    .iter()
                    .flat_map(|&p| self.index.claims_in(self.focus, p))
                    .map(|placed| placed.claim)
                    .next()
                    .or_else(|| {
                        (0..comparison.claims.len()).find(|&c| {
                            self.index.claim_group[c] == Some(self.side.layout.rows[row].group)
                        })
                    })
            }
        }
    }
}
