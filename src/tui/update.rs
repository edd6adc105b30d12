//! `update`: one [`Message`] in, the model changed, [`Command`]s out for the event loop. Plain
//! synchronous code without I/O, unit-tested without a terminal.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use crate::fetch::FetchEvent;
use crate::model::Status;
use crate::pipeline::{LoadedStory, Stage};

use super::app::{App, KIND_FILTERS, OutletProgress, StatusFilter, View};
use super::index::DifferenceFlags;
use super::keymap::{Action, KeyChord, KeyOutcome};
use super::message::{Command, Message};
use super::search::contains;
use super::views::{claims, reader, sources, summary};

/// Lines scrolled per mouse wheel step.
const WHEEL_LINES: usize = 3;

/// The commands that start the interface: the first load.
pub fn start(app: &mut App) -> Vec<Command> {
    load(app, false)
}

/// Applies one message to the model.
pub fn update(app: &mut App, message: Message) -> Vec<Command> {
    let commands = handle(app, message);
    // The framing lens is read only once its view is opened: it costs as much as the rest of
    // the interface on a large comparison, and most readers never open it.
    if app.view == View::Framing {
        app.read_framing();
    }
    commands
}

/// Handles one message.
fn handle(app: &mut App, message: Message) -> Vec<Command> {
    match message {
        Message::Key(key) => on_key(app, key),
        Message::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => (0..WHEEL_LINES)
                .flat_map(|_| apply(app, Action::ScrollDown))
                .collect(),
            MouseEventKind::ScrollUp => (0..WHEEL_LINES)
                .flat_map(|_| apply(app, Action::ScrollUp))
                .collect(),
            _ => Vec::new(),
        },
        Message::Resize(width, height) => {
            app.size = (width, height);
            app.relayout();
            clamp_documents(app);
            Vec::new()
        }
        Message::Progress { generation, event } => {
            if generation == app.generation {
                set_progress(app, &event.outlet, progress_state(event.stage));
                app.relayout();
            }
            Vec::new()
        }
        Message::Compared {
            generation,
            loaded,
            comparison,
            partial,
        } => {
            if generation != app.generation {
                tracing::debug!(
                    generation,
                    current = app.generation,
                    "dropped a stale result"
                );
                return Vec::new();
            }
            finish_load(app, loaded, comparison.map(|c| *c), partial);
            Vec::new()
        }
        Message::Added(result) => {
            let added = result.is_ok();
            on_added(app, result);
            if added {
                // A load reads the story as it now is, the new article with it.
                load(app, false)
            } else {
                Vec::new()
            }
        }
        Message::Notice(text) => {
            app.notice = Some(text);
            Vec::new()
        }
        // Only the story picker reads the feeds' clusters.
        Message::Discovered(_) => Vec::new(),
        Message::Terminate => {
            app.quit = true;
            Vec::new()
        }
    }
}

/// The banner's words for one pipeline step.
fn progress_state(stage: Stage) -> OutletProgress {
    match stage {
        Stage::Started => OutletProgress::Loading("starting".into()),
        Stage::Fetch(FetchEvent::Waiting) => OutletProgress::Loading("waiting for its turn".into()),
        Stage::Fetch(FetchEvent::Requesting { attempt: 1 }) => {
            OutletProgress::Loading("requesting".into())
        }
        Stage::Fetch(FetchEvent::Requesting { attempt }) => {
            OutletProgress::Loading(format!("requesting (attempt {attempt})"))
        }
        Stage::Fetch(FetchEvent::Receiving { received, total }) => {
            OutletProgress::Loading(match total {
                Some(total) => format!("receiving {} of {} KiB", received / 1024, total / 1024),
                None => format!("receiving {} KiB", received / 1024),
            })
        }
        Stage::Fetch(FetchEvent::Retrying { retry, wait, error }) => OutletProgress::Loading(
            format!("retry {retry} in {}s after: {error}", wait.as_secs()),
        ),
        Stage::Extracting => OutletProgress::Loading("extracting".into()),
        Stage::Warning { message } => OutletProgress::Loading(format!("warning: {message}")),
        Stage::Loaded { origin, .. } => OutletProgress::Loaded(origin.as_str().into()),
        Stage::Failed { error } => OutletProgress::Failed(error),
    }
}

fn set_progress(app: &mut App, outlet: &str, state: OutletProgress) {
    match app.progress.iter_mut().find(|(id, _)| id == outlet) {
        Some(entry) => entry.1 = state,
        None => app.progress.push((outlet.to_string(), state)),
    }
}

fn finish_load(
    app: &mut App,
    loaded: Arc<LoadedStory>,
    comparison: Option<crate::model::Comparison>,
    partial: bool,
) {
    if !partial {
        app.busy = None;
    }
    for failure in &loaded.failures {
        let state = if partial {
            OutletProgress::Loading("fetching".into())
        } else {
            OutletProgress::Failed(failure.error.clone())
        };
        set_progress(app, &failure.id, state);
    }
    for outlet in &loaded.outlets {
        let origin = loaded
            .reports
            .iter()
            .find(|r| r.outlet == outlet.id)
            .and_then(|r| r.origin)
            .map_or("read", |o| o.as_str());
        set_progress(app, &outlet.id, OutletProgress::Loaded(origin.into()));
    }
    if app.refetching && !partial {
        app.refetching = false;
        app.notice = Some(refetch_outcome(&app.progress));
    }
    app.loaded = Some(loaded);
    match comparison {
        Some(comparison) => app.set_comparison(comparison),
        None if partial => app.relayout(),
        None => {
            app.load_error = Some("no article of this story could be read".into());
            app.relayout();
        }
    }
}

/// What a fetch again came to, per outlet outcome: `fetched again: 3 unchanged, 1 new
/// version, 1 failed (globewire)`.
fn refetch_outcome(progress: &[(String, OutletProgress)]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut failed = Vec::new();
    for (outlet, state) in progress {
        let word = match state {
            OutletProgress::Loaded(origin) if origin == "new" => "new version",
            OutletProgress::Loaded(origin) => origin.as_str(),
            OutletProgress::Failed(_) => {
                failed.push(outlet.as_str());
                continue;
            }
            OutletProgress::Waiting | OutletProgress::Loading(_) => "not done",
        };
        match counts.iter_mut().find(|(w, _)| w == word) {
            Some(entry) => entry.1 += 1,
            None => counts.push((word.to_string(), 1)),
        }
    }
    let mut parts: Vec<String> = counts.iter().map(|(w, n)| format!("{n} {w}")).collect();
    if !failed.is_empty() {
        parts.push(format!("{} failed ({})", failed.len(), failed.join(", ")));
    }
    format!("fetched again: {}", parts.join(", "))
}

fn load(app: &mut App, refresh: bool) -> Vec<Command> {
    app.refetching = refresh;
    app.generation += 1;
    app.busy = Some("loading".into());
    for entry in &mut app.progress {
        entry.1 = OutletProgress::Waiting;
    }
    app.relayout();
    vec![Command::Load {
        generation: app.generation,
        reference: app.wanted_reference.clone(),
        refresh,
    }]
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Command> {
    if key.kind != KeyEventKind::Press {
        return Vec::new();
    }
    if app.search.editing {
        return on_search_key(app, key);
    }
    if app.add_prompt.is_some() {
        return on_add_prompt_key(app, key);
    }
    let Some(chord) = KeyChord::from_event(&key) else {
        return Vec::new();
    };
    app.notice = None;
    app.pending_keys.push(chord);
    let mut outcome = app.keymap.resolve(&app.pending_keys);
    if outcome == KeyOutcome::Unbound && app.pending_keys.len() > 1 {
        app.pending_keys = vec![chord];
        outcome = app.keymap.resolve(&app.pending_keys);
    }
    match outcome {
        KeyOutcome::Pending => Vec::new(),
        KeyOutcome::Action(action) => {
            app.pending_keys.clear();
            apply(app, action)
        }
        KeyOutcome::Unbound => {
            app.pending_keys.clear();
            Vec::new()
        }
    }
}

/// A key at the `a` prompt: text, Backspace, Esc to cancel, Enter to add the URL.
fn on_add_prompt_key(app: &mut App, key: KeyEvent) -> Vec<Command> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let Some(typed) = app.add_prompt.as_mut() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Char('c') if ctrl => app.quit = true,
        KeyCode::Char('u') if ctrl => typed.clear(),
        KeyCode::Char(c) if !ctrl => typed.push(c),
        KeyCode::Backspace => {
            typed.pop();
        }
        KeyCode::Esc => {
            app.add_prompt = None;
            app.notice = Some("add cancelled".into());
        }
        KeyCode::Enter => {
            let url = typed.trim().to_string();
            app.add_prompt = None;
            if let Err(why) = check_article_url(&url) {
                app.notice = Some(why);
                return Vec::new();
            }
            app.busy = Some(format!("adding {url}"));
            app.relayout();
            return vec![Command::AddArticle {
                generation: app.generation,
                url,
            }];
        }
        _ => {}
    }
    Vec::new()
}

/// Why `url` cannot be an article's URL, if it cannot: it must be http(s) with a host.
fn check_article_url(url: &str) -> Result<(), String> {
    match url::Url::parse(url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.has_host() => Ok(()),
        Ok(_) => Err(format!("not added: {url:?} is not an http(s) URL")),
        Err(err) => Err(format!("not added: {url:?} is not a URL ({err})")),
    }
}

/// An `a` request finished: on success the outlet joins the story, and the status line says
/// what was written (and whether the fetch failed); on failure, why nothing was.
fn on_added(app: &mut App, result: Result<Box<super::message::AddedArticle>, String>) {
    app.busy = None;
    match result {
        Ok(added) => {
            if !app.progress.iter().any(|(id, _)| *id == added.outlet) {
                app.progress
                    .push((added.outlet.clone(), OutletProgress::Waiting));
            }
            app.notice = Some(match &added.fetch_error {
                None => format!(
                    "added {} to sources.toml as outlet {}",
                    added.url, added.outlet
                ),
                Some(error) => format!(
                    "added {} to sources.toml as outlet {}, but fetching it failed: {error}",
                    added.url, added.outlet
                ),
            });
        }
        Err(why) => app.notice = Some(format!("not added: {why}")),
    }
    app.relayout();
}

fn on_search_key(app: &mut App, key: KeyEvent) -> Vec<Command> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => app.quit = true,
        KeyCode::Char('u') if ctrl => app.search.query.clear(),
        KeyCode::Char(c) if !ctrl => app.search.query.push(c),
        KeyCode::Backspace => {
            app.search.query.pop();
        }
        KeyCode::Enter => {
            app.search.editing = false;
            app.relayout();
            return jump_match(app, 1, true);
        }
        KeyCode::Esc => {
            app.search.editing = false;
            app.search.query.clear();
        }
        _ => {}
    }
    app.relayout();
    Vec::new()
}

/// Applies one action.
pub fn apply(app: &mut App, action: Action) -> Vec<Command> {
    if app.help {
        match action {
            Action::Help | Action::Back => app.help = false,
            Action::Quit => app.quit = true,
            Action::ScrollDown => {
                let lines = super::views::help::help_lines(app).len();
                app.help_scroll = (app.help_scroll + 1).min(lines.saturating_sub(1));
            }
            Action::ScrollUp => app.help_scroll = app.help_scroll.saturating_sub(1),
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Action::Help => {
            app.help = true;
            app.help_scroll = 0;
        }
        Action::Back => {
            if !app.search.query.is_empty() {
                app.search.query.clear();
                app.relayout();
            } else if app.view != View::SideBySide {
                app.view = View::SideBySide;
            } else {
                app.quit = true;
            }
        }
        Action::Quit => app.quit = true,
        Action::StoryPicker if app.picker => app.to_picker = true,
        Action::StoryPicker => {
            app.notice = Some(
                "no story picker here: `parallax` opens one when sources.toml holds several stories or the cached feeds tell some".into(),
            );
        }
        Action::Suspend => return vec![Command::Suspend],
        Action::NextView => app.view = app.view.cycle(1),
        Action::PrevView => app.view = app.view.cycle(-1),
        Action::ViewSideBySide => app.view = View::SideBySide,
        Action::ViewClaims => app.view = View::Claims,
        Action::ViewSummary => app.view = View::Summary,
        Action::ViewReader => app.view = View::Reader,
        Action::ViewFraming => app.view = View::Framing,
        Action::ViewSources => app.view = View::Sources,
        Action::Refetch => {
            if app.busy.is_some() {
                app.notice = Some("still working; try again when it is done".into());
                return Vec::new();
            }
            return load(app, true);
        }
        Action::AddArticle => {
            if app.busy.is_some() {
                app.notice = Some("still working; try again when it is done".into());
                return Vec::new();
            }
            app.add_prompt = Some(String::new());
        }
        Action::Search => {
            app.search.editing = true;
            app.search.query.clear();
            app.relayout();
        }
        _ if app.comparison.is_none() => {}
        Action::ScrollDown => scroll(app, 1),
        Action::ScrollUp => scroll(app, -1),
        Action::HalfPageDown => scroll(app, half_page(app) as isize),
        Action::HalfPageUp => scroll(app, -(half_page(app) as isize)),
        Action::Top => scroll(app, isize::MIN / 2),
        Action::Bottom => scroll(app, isize::MAX / 2),
        Action::DetailDown => app.claims.detail_scroll += 1,
        Action::DetailUp => app.claims.detail_scroll = app.claims.detail_scroll.saturating_sub(1),
        Action::FocusLeft => move_focus(app, -1),
        Action::FocusRight => move_focus(app, 1),
        Action::NextDifference => jump(app, 1, DifferenceFlags::is_telling, "difference"),
        Action::PrevDifference => jump(app, -1, DifferenceFlags::is_telling, "difference"),
        Action::NextMissing => jump(app, 1, |f| f.missing, "missing"),
        Action::PrevMissing => jump(app, -1, |f| f.missing, "missing"),
        Action::NextMatch => return jump_match(app, 1, false),
        Action::PrevMatch => return jump_match(app, -1, false),
        Action::CycleFilter => {
            app.filter = app.filter.next();
            app.claims = Default::default();
            app.relayout();
            app.notice = Some(format!("filter: {}", app.filter.label()));
        }
        Action::CycleKindFilter => {
            let i = KIND_FILTERS
                .iter()
                .position(|k| *k == app.kind_filter)
                .unwrap_or(0);
            app.kind_filter = KIND_FILTERS[(i + 1) % KIND_FILTERS.len()];
            app.claims = Default::default();
            app.relayout();
            let label = app.kind_filter.map_or("any", |k| k.as_str());
            app.notice = Some(format!("reasons: {label}"));
        }
        Action::MakeReference => return make_reference(app),
        Action::OpenUrl => {
            let url = focused_url(app);
            match url {
                Some(url) => return vec![Command::OpenUrl(url)],
                None => app.notice = Some("this outlet has no URL".into()),
            }
        }
        Action::CopyClaim => return copy_claim(app),
        Action::Export => return vec![Command::Export(app.view)],
        Action::Activate if app.view == View::Framing => open_passage(app),
        Action::Activate => activate(app),
    }
    Vec::new()
}

fn focused_url(app: &App) -> Option<String> {
    let comparison = app.comparison.as_ref()?;
    let outlet = comparison.outlets.get(app.focus)?;
    (!outlet.url.is_empty()).then(|| outlet.url.clone())
}

fn half_page(app: &App) -> usize {
    (app.areas().body.height as usize / 2).max(1)
}

/// Height of the body, where the summary, reader and help documents scroll.
fn body_height(app: &App) -> usize {
    app.areas().body.height as usize
}

fn step(value: usize, delta: isize, max: usize) -> usize {
    value.saturating_add_signed(delta).min(max)
}

fn scroll(app: &mut App, delta: isize) {
    match app.view {
        View::SideBySide => {
            let max = app.side.layout.total.saturating_sub(1);
            let height = app.side_rows_height();
            let jump = delta.unsigned_abs() > 1 && delta.unsigned_abs() < max;
            app.side.cursor = step(app.side.cursor, delta, max);
            if jump {
                // Half pages move the view with the cursor, as in vim.
                app.side.scroll = step(
                    app.side.scroll,
                    delta,
                    app.side.layout.total.saturating_sub(height),
                );
            }
            app.clamp_side();
        }
        View::Claims => {
            let count = app.shown_claims().len();
            app.claims.selected = step(app.claims.selected, delta, count.saturating_sub(1));
            keep_claim_visible(app);
        }
        View::Summary => {
            let max = summary::document(app, app.size.0)
                .len()
                .saturating_sub(body_height(app));
            app.summary_scroll = step(app.summary_scroll, delta, max);
        }
        View::Reader => {
            let max = reader::document(app, app.size.0)
                .lines
                .len()
                .saturating_sub(body_height(app));
            app.reader_scroll = step(app.reader_scroll, delta, max);
        }
        View::Framing => {
            let height = body_height(app);
            app.framing.select(delta, height);
        }
        View::Sources => {
            let doc = sources::document(app, app.size.0);
            let last = doc.entries.len().saturating_sub(1);
            app.sources.selected = step(app.sources.selected, delta, last);
            keep_source_visible(app, &doc);
        }
    }
}

/// In the Framing view, shows the selected row's passage: the reader, on its outlet, at its
/// paragraph (the claim's passage in that outlet where the row names no paragraph).
fn open_passage(app: &mut App) {
    let (Some(comparison), Some(jump)) = (&app.comparison, app.framing.selected_jump()) else {
        app.notice = Some("no passage to open".into());
        return;
    };
    let Some(focus) = comparison.outlets.iter().position(|o| o.id == jump.outlet) else {
        return;
    };
    let paragraph = jump.occurrence.paragraph.or_else(|| {
        let claim = comparison
            .claims
            .iter()
            .find(|c| c.id == jump.occurrence.claim)?;
        Some(claim.statuses.get(&jump.outlet)?.spans.first()?.paragraph)
    });
    app.notice = Some(format!("{} in {}", jump.occurrence.claim, jump.outlet));
    app.focus = focus;
    app.view = View::Reader;
    app.relayout();
    let doc = reader::document(app, app.size.0);
    let top = paragraph
        .and_then(|p| doc.paragraph_tops.iter().find(|&&(q, _)| q == p))
        .map_or(0, |&(_, top)| top);
    let max = doc.lines.len().saturating_sub(body_height(app));
    app.reader_scroll = top.min(max);
}

/// Keeps the selected entry of Sources on screen (its lines whole when they fit).
fn keep_source_visible(app: &mut App, doc: &sources::SourcesDocument) {
    let height = body_height(app).max(1);
    let max = doc.lines.len().saturating_sub(height);
    if let Some(entry) = doc.entries.get(app.sources.selected) {
        if entry.first < app.sources.scroll {
            app.sources.scroll = entry.first;
        } else if entry.last >= app.sources.scroll + height {
            app.sources.scroll = (entry.last + 1 - height).min(entry.first);
        }
    }
    app.sources.scroll = app.sources.scroll.min(max);
}

/// Enter: in Sources, a graph line goes to its pair's evidence, an item to its passage side by
/// side.
fn activate(app: &mut App) {
    if app.view != View::Sources {
        return;
    }
    let doc = sources::document(app, app.size.0);
    let Some(entry) = doc.entries.get(app.sources.selected) else {
        return;
    };
    match entry.target.clone() {
        sources::Target::Evidence(line) => {
            // The pair's first item, when it has one (before the next pair's evidence).
            let next = doc
                .entries
                .iter()
                .filter_map(|e| match e.target {
                    sources::Target::Evidence(l) if l > line => Some(l),
                    _ => None,
                })
                .min()
                .unwrap_or(usize::MAX);
            if let Some(k) = doc
                .entries
                .iter()
                .position(|e| e.first >= line && e.first < next)
            {
                app.sources.selected = k;
            }
            app.sources.scroll = line.min(doc.lines.len().saturating_sub(body_height(app)));
            keep_source_visible(app, &doc);
        }
        sources::Target::Passage { at, other } => show_passage(app, &at, other.as_ref()),
    }
}

/// Shows a passage side by side: its outlet focused (or, for the reference's, the other
/// outlet of the item, the reference standing first anyway), the cursor on its row.
fn show_passage(app: &mut App, at: &sources::PassagePlace, other: Option<&sources::PassagePlace>) {
    let Some(comparison) = &app.comparison else {
        return;
    };
    let position = |id: &str| comparison.outlets.iter().position(|o| o.id == id);
    let Some(outlet) = position(&at.outlet) else {
        return;
    };
    let focus = if outlet == 0 {
        other.and_then(|o| position(&o.outlet)).unwrap_or(outlet)
    } else {
        outlet
    };
    let group = comparison.paragraphs.iter().position(|g| {
        g.cells
            .get(&at.outlet)
            .is_some_and(|ps| ps.contains(&at.paragraph))
    });
    let mut notice = format!(
        "{} ¶{} bytes {}-{}",
        at.outlet,
        at.paragraph + 1,
        at.start,
        at.end
    );
    if let Some(other) = other {
        notice.push_str(&format!(
            ", beside {} ¶{} bytes {}-{}",
            other.outlet,
            other.paragraph + 1,
            other.start,
            other.end
        ));
    }
    app.view = View::SideBySide;
    app.focus = focus;
    app.relayout();
    let Some(group) = group else {
        app.notice = Some(format!("{notice}: not in any row"));
        return;
    };
    let find = |app: &App| {
        app.side
            .layout
            .rows
            .iter()
            .find(|r| r.group == group)
            .map(|r| r.top)
    };
    let mut top = find(app);
    if top.is_none()
        && (app.filter != StatusFilter::All
            || app.kind_filter.is_some()
            || !app.search.query.is_empty())
    {
        // The filters hide its row: show everything.
        app.filter = StatusFilter::All;
        app.kind_filter = None;
        app.search.query.clear();
        app.relayout();
        top = find(app);
        notice.push_str(" (filters cleared to show it)");
    }
    if let Some(top) = top {
        app.side.cursor = top;
        app.side.scroll = top;
        app.clamp_side();
    }
    app.notice = Some(notice);
}

/// Keeps the selected claim in the matrix's window; the detail pane starts at the top of a
/// newly selected claim.
fn keep_claim_visible(app: &mut App) {
    app.claims.detail_scroll = 0;
    let rows = claims::list_rows(app).max(1);
    let selected = app.claims.selected;
    if selected < app.claims.scroll {
        app.claims.scroll = selected;
    } else if selected >= app.claims.scroll + rows {
        app.claims.scroll = selected + 1 - rows;
    }
}

fn clamp_documents(app: &mut App) {
    let count = app.shown_claims().len();
    app.claims.selected = app.claims.selected.min(count.saturating_sub(1));
    keep_claim_visible(app);
    let height = body_height(app);
    let summary_max = summary::document(app, app.size.0)
        .len()
        .saturating_sub(height);
    app.summary_scroll = app.summary_scroll.min(summary_max);
    let reader_max = reader::document(app, app.size.0)
        .lines
        .len()
        .saturating_sub(height);
    app.reader_scroll = app.reader_scroll.min(reader_max);
    let doc = sources::document(app, app.size.0);
    app.sources.selected = app
        .sources
        .selected
        .min(doc.entries.len().saturating_sub(1));
    keep_source_visible(app, &doc);
}

fn move_focus(app: &mut App, delta: isize) {
    let last = app.outlet_count().saturating_sub(1);
    let focus = step(app.focus, delta, last);
    if focus != app.focus {
        app.focus = focus;
        app.reader_scroll = 0;
        app.relayout();
    }
}

/// Moves to the next (`direction` 1) or previous (-1) row, claim or passage whose differences
/// satisfy `wanted`.
fn jump(app: &mut App, direction: isize, wanted: fn(&DifferenceFlags) -> bool, what: &str) {
    let found = match app.view {
        View::SideBySide => {
            let flags = &app.index.group_flags;
            let rows: Vec<bool> = app
                .side
                .layout
                .rows
                .iter()
                .map(|r| flags.get(r.group).is_some_and(wanted))
                .collect();
            side_jump(app, direction, &rows, Ends::Stop)
        }
        View::Claims => {
            let shown = app.shown_claims();
            let hits: Vec<bool> = shown
                .iter()
                .map(|&c| wanted(&app.index.claim_flags[c]))
                .collect();
            claims_jump(app, direction, &hits, Ends::Stop)
        }
        View::Reader => {
            let hits = reader_hits(app, |status| match status {
                Status::Differs | Status::Added => true,
                Status::Appears | Status::Missing => false,
            });
            reader_jump(app, direction, &hits, Ends::Stop)
        }
        View::Summary | View::Framing | View::Sources => Some(false),
    };
    if found.is_none() {
        let dir = if direction > 0 { "after" } else { "before" };
        app.notice = Some(format!("no {what} {dir} this one"));
    }
}

fn jump_match(app: &mut App, direction: isize, from_here: bool) -> Vec<Command> {
    let query = app.search.query.clone();
    if query.is_empty() {
        if direction > 0 {
            jump(app, 1, |f| !f.is_same(), "difference");
        } else {
            jump(app, -1, |f| !f.is_same(), "difference");
        }
        return Vec::new();
    }
    let Some(comparison) = &app.comparison else {
        return Vec::new();
    };
    let found = match app.view {
        View::SideBySide => {
            let hits: Vec<bool> = app.side.layout.rows.iter().map(|r| r.matches).collect();
            if from_here
                && app
                    .side
                    .layout
                    .row_at(app.side.cursor)
                    .is_some_and(|r| hits[r])
            {
                Some(false)
            } else {
                side_jump(app, direction, &hits, Ends::Wrap)
            }
        }
        View::Claims => {
            let shown = app.shown_claims();
            let hits: Vec<bool> = shown
                .iter()
                .map(|&c| {
                    let claim = &comparison.claims[c];
                    contains(&claim.text, &query)
                        || claim
                            .statuses
                            .values()
                            .any(|s| s.text.as_deref().is_some_and(|t| contains(t, &query)))
                })
                .collect();
            if from_here && hits.get(app.claims.selected) == Some(&true) {
                Some(false)
            } else {
                claims_jump(app, direction, &hits, Ends::Wrap)
            }
        }
        View::Reader => {
            let doc = reader::document(app, app.size.0);
            let outlet = &comparison.outlets[app.focus.min(comparison.outlets.len() - 1)];
            let hits: Vec<(usize, bool)> = doc
                .paragraph_tops
                .iter()
                .map(|&(p, top)| {
                    (
                        top,
                        outlet
                            .paragraphs
                            .get(p)
                            .is_some_and(|t| contains(t, &query)),
                    )
                })
                .collect();
            reader_jump(app, direction, &hits, Ends::Wrap)
        }
        View::Summary | View::Framing | View::Sources => Some(false),
    };
    match found {
        None => app.notice = Some(format!("no match for {query:?}")),
        Some(true) if direction > 0 => {
            app.notice = Some("search hit BOTTOM, continuing at TOP".into());
        }
        Some(true) => app.notice = Some("search hit TOP, continuing at BOTTOM".into()),
        Some(false) => {}
    }
    Vec::new()
}

/// Whether a jump goes on past the last hit to the first (and back), as vim's search does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// Stop at the ends.
    Stop,
    /// Wrap around them.
    Wrap,
}

/// The first of `hits` (ascending positions) that `ahead` accepts, going forward
/// (`direction` 1) or back (-1); with [`Ends::Wrap`], else the first from the other end.
/// Returns the position and whether it wrapped.
fn next_hit(
    hits: &[usize],
    direction: isize,
    ends: Ends,
    ahead: impl Fn(usize) -> bool,
) -> Option<(usize, bool)> {
    let found = if direction > 0 {
        hits.iter().copied().find(|&h| ahead(h))
    } else {
        hits.iter().rev().copied().find(|&h| ahead(h))
    };
    match (found, ends) {
        (Some(h), _) => Some((h, false)),
        (None, Ends::Stop) => None,
        (None, Ends::Wrap) => {
            let wrapped = if direction > 0 {
                hits.first()
            } else {
                hits.last()
            };
            wrapped.map(|&h| (h, true))
        }
    }
}

/// The positions marked in `hits`.
fn marked(hits: &[bool]) -> Vec<usize> {
    (0..hits.len()).filter(|&i| hits[i]).collect()
}

/// Moves the side-by-side cursor to the top of the next/previous row marked in `hits`;
/// returns whether it wrapped, None when there is none.
fn side_jump(app: &mut App, direction: isize, hits: &[bool], ends: Ends) -> Option<bool> {
    let current = app.side.layout.row_at(app.side.cursor);
    let rows = &app.side.layout.rows;
    let at_top = current.is_some_and(|r| rows[r].top == app.side.cursor);
    let (r, wrapped) = next_hit(&marked(hits), direction, ends, |r| match current {
        None => true,
        Some(c) if direction > 0 => r > c,
        Some(c) => r < c || (r == c && !at_top),
    })?;
    app.side.cursor = rows[r].top;
    app.side.scroll = rows[r].top;
    app.clamp_side();
    Some(wrapped)
}

fn claims_jump(app: &mut App, direction: isize, hits: &[bool], ends: Ends) -> Option<bool> {
    let current = app.claims.selected;
    let (i, wrapped) = next_hit(&marked(hits), direction, ends, |i| {
        if direction > 0 {
            i > current
        } else {
            i < current
        }
    })?;
    app.claims.selected = i;
    keep_claim_visible(app);
    Some(wrapped)
}

/// For the reader: (first line, marked) of each paragraph of the focused article, marked when
/// a claim in it has a status `wanted` accepts.
fn reader_hits(app: &App, wanted: fn(Status) -> bool) -> Vec<(usize, bool)> {
    let Some(comparison) = &app.comparison else {
        return Vec::new();
    };
    let Some(outlet) = comparison.outlets.get(app.focus) else {
        return Vec::new();
    };
    let doc = reader::document(app, app.size.0);
    doc.paragraph_tops
        .iter()
        .map(|&(p, top)| {
            let marked = app.index.claims_in(app.focus, p).iter().any(|placed| {
                comparison.claims[placed.claim]
                    .statuses
                    .get(&outlet.id)
                    .is_some_and(|s| wanted(s.status) || s.moved)
            });
            (top, marked)
        })
        .collect()
}

fn reader_jump(
    app: &mut App,
    direction: isize,
    hits: &[(usize, bool)],
    ends: Ends,
) -> Option<bool> {
    let current = app.reader_scroll;
    let tops: Vec<usize> = hits
        .iter()
        .filter(|(_, hit)| *hit)
        .map(|(top, _)| *top)
        .collect();
    let (top, wrapped) = next_hit(&tops, direction, ends, |top| {
        if direction > 0 {
            top > current
        } else {
            top < current
        }
    })?;
    let max = reader::document(app, app.size.0)
        .lines
        .len()
        .saturating_sub(body_height(app));
    app.reader_scroll = top.min(max);
    Some(wrapped)
}

fn make_reference(app: &mut App) -> Vec<Command> {
    let (Some(comparison), Some(loaded)) = (&app.comparison, &app.loaded) else {
        return Vec::new();
    };
    let Some(outlet) = comparison.outlets.get(app.focus) else {
        return Vec::new();
    };
    if outlet.id == comparison.reference {
        app.notice = Some(format!("{} is already the reference", outlet.name));
        return Vec::new();
    }
    if app.busy.is_some() {
        app.notice = Some("still working; try again when it is done".into());
        return Vec::new();
    }
    let reference = outlet.id.clone();
    let loaded = Arc::clone(loaded);
    app.generation += 1;
    app.busy = Some(format!("comparing against {}", outlet.name));
    app.wanted_reference = Some(reference.clone());
    vec![Command::Recompare {
        generation: app.generation,
        loaded,
        reference,
    }]
}

/// The text `y` copies: the focused outlet's wording of the selected claim (or the claim's
/// origin wording when the focused outlet lacks it), with its outlet and URL.
pub fn claim_citation(app: &App) -> Option<String> {
    let comparison = app.comparison.as_ref()?;
    let claim = comparison.claims.get(app.selected_claim()?)?;
    let focused = comparison.outlets.get(app.focus)?;
    let (outlet, wording) = match claim.statuses.get(&focused.id).and_then(|s| s.text.clone()) {
        Some(text) => (focused, text),
        None => (comparison.outlet(&claim.origin)?, claim.text.clone()),
    };
    Some(format!("“{wording}” ({}, {})", outlet.name, outlet.url))
}

fn copy_claim(app: &mut App) -> Vec<Command> {
    match claim_citation(app) {
        Some(text) => {
            let id = app
                .selected_claim()
                .and_then(|c| app.comparison.as_ref().map(|cmp| cmp.claims[c].id.clone()))
                .unwrap_or_default();
            app.notice = Some(format!("copied claim {id} to the clipboard"));
            vec![Command::Copy(text)]
        }
        None => {
            app.notice = Some("no claim selected".into());
            Vec::new()
        }
    }
}
