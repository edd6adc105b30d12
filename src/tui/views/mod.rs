//! The views: pure functions from the model to a frame. [`draw`] lays out the screen's chrome
//! (tabs, progress and failures, status line) and hands the body to the current view; below the
//! minimum size it draws only a "terminal too small" notice.

pub mod chrome;
pub mod claims;
pub mod framing;
pub mod help;
pub mod marked_text;
pub mod picker;
pub mod reader;
pub mod side_by_side;
pub mod sources;
pub mod summary;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::app::{App, View};
use super::layout::{MIN_HEIGHT, MIN_WIDTH, fit, screen_areas};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the whole screen into a buffer (what [`draw`] does, usable without a terminal).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::render_too_small(area, buf);
        return;
    }
    let areas = screen_areas(area, app.banner_lines().len() as u16);
    chrome::render_tabs(app, areas.tabs, buf);
    chrome::render_banner(app, areas.banner, buf);
    chrome::render_status(app, areas.status, buf);
    let body = areas.body;
    if app.comparison.is_none() {
        let text = match (&app.load_error, &app.busy) {
            (Some(error), _) => error.clone(),
            (None, Some(busy)) => format!("{busy}…"),
            (None, None) => "nothing to show".into(),
        };
        buf.set_stringn(
            body.x + 1,
            body.y,
            fit(&text, body.width.saturating_sub(2) as usize),
            body.width as usize,
            app.theme.quiet(),
        );
    } else {
        match app.view {
            View::SideBySide => side_by_side::render(app, body, buf),
            View::Claims => claims::render(app, body, buf),
            View::Summary => render_document(
                &summary::document(app, body.width),
                app.summary_scroll,
                body,
                buf,
            ),
            View::Reader => render_document(
                &reader::document(app, body.width).lines,
                app.reader_scroll,
                body,
                buf,
            ),
            View::Sources => sources::render(app, body, buf),
            View::Framing => framing::render(app, body, buf),
        }
    }
    if app.help {
        help::render(app, area, buf);
    }
}

/// Draws lines from `scroll` on, one per screen line (the lines are already wrapped).
pub fn render_document(lines: &[Line<'static>], scroll: usize, area: Rect, buf: &mut Buffer) {
    for (dy, line) in lines
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .enumerate()
    {
        buf.set_line(area.x, area.y + dy as u16, line, area.width);
    }
}
