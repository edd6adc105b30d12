//! The frame around every view: the tab line (story, views, filters, reference), the banner of
//! per-outlet progress and failures, the status line (search prompt, messages, hints), and the
//! notice shown when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::app::{App, OutletProgress, StatusFilter, View};
use crate::tui::keymap::Action;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, fit, fit_middle, wrap};

/// The tab line.
pub fn render_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let theme = app.theme;
    let mut spans = vec![Span::styled(" parallax ", theme.heading()), Span::raw("│ ")];
    for view in View::ALL.iter() {
        let label = format!(" {} {} ", view.number(), view.title());
        let style = if *view == app.view {
            theme.focused()
        } else {
            theme.quiet()
        };
        spans.push(Span::styled(label, style));
    }
    let mut facts = Vec::new();
    if let Some(comparison) = &app.comparison
        && let Some(reference) = comparison.outlet(&comparison.reference)
    {
        facts.push(format!("reference: {}", reference.name));
    }
    if app.filter != StatusFilter::All {
        facts.push(format!("filter: {}", app.filter.label()));
    }
    if let Some(kind) = app.kind_filter {
        facts.push(format!("reasons: {}", kind.as_str()));
    }
    facts.push(app.story_title.clone());
    spans.push(Span::raw(" │ "));
    spans.push(Span::styled(facts.join(" · "), theme.quiet()));
    let line = Line::from(spans);
    // One line, cut to the width (never wrapped).
    let lines = wrap(&line.spans, usize::MAX / 2);
    let first = lines.into_iter().next().unwrap_or_default();
    buf.set_line(area.x, area.y, &first, area.width);
}

/// Per-outlet progress while loading; failed outlets with their error afterwards.
pub fn render_banner(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let lines = app.banner_lines();
    let shown = area.height as usize;
    for (i, (outlet, progress)) in lines.iter().enumerate().take(shown) {
        let y = area.y + i as u16;
        if i + 1 == shown && lines.len() > shown {
            let note = format!(" … and {} more (see the summary)", lines.len() - shown + 1);
            buf.set_stringn(
                area.x,
                y,
                fit(&note, area.width as usize),
                area.width as usize,
                theme.quiet(),
            );
            break;
        }
        let (mark, text, style) = match progress {
            OutletProgress::Waiting if app.local_outlets.contains(outlet) => {
                ("⟳", "reading the file…".to_string(), theme.quiet())
            }
            OutletProgress::Waiting => ("·", "waiting".to_string(), theme.quiet()),
            OutletProgress::Loading(step) => ("⟳", format!("{step}…"), theme.quiet()),
            OutletProgress::Loaded(origin) => ("✓", format!("ready ({origin})"), theme.quiet()),
            OutletProgress::Failed(error) => ("✗", format!("failed: {error}"), theme.error()),
        };
        let text = format!(" {mark} {outlet}: {text}");
        // An error ends with its cause ("url: cause"): cut the middle, not the cause.
        let shown_text = match progress {
            OutletProgress::Failed(_) => fit_middle(&text, area.width as usize),
            _ => fit(&text, area.width as usize),
        };
        buf.set_stringn(area.x, y, shown_text, area.width as usize, style);
    }
}

/// The status line: the search prompt, a message, the work in progress, or key hints.
pub fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let theme = app.theme;
    buf.set_style(area, theme.status_bar());
    let key = |action| {
        app.keymap
            .keys_for(action)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let text = if app.search.editing {
        format!("/{}▏", app.search.query)
    } else if let Some(url) = &app.add_prompt {
        format!("add URL (Enter adds, Esc cancels): {url}▏")
    } else if let Some(notice) = &app.notice {
        notice.clone()
    } else if let Some(busy) = &app.busy {
        format!("⟳ {busy}…")
    } else {
        let search = if app.search.query.is_empty() {
            String::new()
        } else {
            format!(
                "search {:?} ({}/{} next/prev) · ",
                app.search.query,
                key(Action::NextMatch),
                key(Action::PrevMatch)
            )
        };
        let picker = if app.picker {
            format!(" · {} stories", key(Action::StoryPicker))
        } else {
            String::new()
        };
        format!(
            "{search}{} help · {}/{} next/prev difference · {} filter · {} focus{picker} · {} quit",
            key(Action::Help),
            key(Action::NextDifference),
            key(Action::PrevDifference),
            key(Action::CycleFilter),
            app.keymap
                .keys_for(Action::FocusLeft)
                .first()
                .cloned()
                .unwrap_or_default()
                + "/"
                + &key(Action::FocusRight),
            key(Action::Back),
        )
    };
    let width = area.width as usize;
    let line = format!(" {text}");
    // A message ends with its cause ("not added: ...: twice"): cut its middle, not the cause.
    let shown = if app.notice.is_some() && !app.search.editing && app.add_prompt.is_none() {
        fit_middle(&line, width)
    } else {
        fit(&line, width)
    };
    buf.set_stringn(area.x, area.y, shown, width, theme.status_bar());
}

/// The notice drawn instead of everything else below the minimum size.
pub fn render_too_small(area: Rect, buf: &mut Buffer) {
    let text = format!("terminal too small: need at least {MIN_WIDTH}x{MIN_HEIGHT}");
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
