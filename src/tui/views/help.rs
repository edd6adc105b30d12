//! The `?` overlay: every action with the keys bound to it (read from the keymap's reverse map,
//! so rebinding shows here) and the legend of status symbols.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::model::{ChangeClass, Status};
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::layout::{display_width, fit, wrap};
use crate::tui::theme::MOVED_SYMBOL;

/// Cells of the keys column.
const KEYS_WIDTH: usize = 18;

/// The overlay's width on a screen `screen_width` cells wide, borders included.
fn overlay_width(screen_width: u16) -> u16 {
    screen_width.saturating_sub(4).min(76)
}

/// The overlay's lines on the app's screen, wrapped to fit inside it.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let width = (overlay_width(app.size.0) as usize)
        .saturating_sub(3)
        .max(1);
    let theme = app.theme;
    let mut lines = Vec::new();
    let legend = [
        vec![
            Span::styled(
                format!("{} appears  ", Status::Appears.symbol()),
                theme.status_symbol(Status::Appears),
            ),
            Span::styled(
                format!("{} differs  ", Status::Differs.symbol()),
                theme.status_symbol(Status::Differs),
            ),
            Span::styled(
                format!("{} missing  ", Status::Missing.symbol()),
                theme.status_symbol(Status::Missing),
            ),
            Span::styled(
                format!("{} added  ", Status::Added.symbol()),
                theme.status_symbol(Status::Added),
            ),
            Span::styled(format!("{MOVED_SYMBOL} moved"), theme.moved()),
        ],
        std::iter::once(Span::raw("after ~: "))
            .chain(ChangeClass::ALL.into_iter().map(|class| {
                Span::styled(
                    format!("{} {}  ", class.symbol(), class.as_str()),
                    theme.class_mark(class),
                )
            }))
            .collect(),
        vec![
            Span::styled("changed fact", theme.inserted_words()),
            Span::raw("  "),
            Span::styled("reworded", theme.reworded_words()),
            Span::raw("  "),
            Span::styled("left out", theme.missing_sentence()),
            Span::raw("  "),
            Span::styled(
                "reference words the focused outlet changed",
                theme.deleted_words(),
            ),
        ],
    ];
    for spans in legend {
        lines.extend(wrap(&spans, width));
    }
    lines.push(Line::default());
    for (action, keys, description) in app.keymap.help_entries() {
        if action == Action::StoryPicker && !app.picker {
            continue;
        }
        let keys = fit(&keys.join(" "), KEYS_WIDTH - 1);
        let pad = " ".repeat(KEYS_WIDTH.saturating_sub(display_width(keys.as_str())));
        let entry = [
            Span::styled(format!("{keys}{pad}"), theme.heading()),
            Span::raw(description),
        ];
        lines.extend(wrap(&entry, width));
    }
    lines
}

/// Draws the overlay centred over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app);
    let width = overlay_width(area.width);
    let height = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    if width < 3 || height < 3 {
        return;
    }
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    let keys = |action| {
        app.keymap
            .keys_for(action)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let title = format!(
        " keys ({} or {} to close, {}/{} to scroll) ",
        keys(Action::Back),
        keys(Action::Help),
        keys(Action::ScrollDown),
        keys(Action::ScrollUp)
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(fit(&title, width.saturating_sub(2) as usize))
        .border_style(app.theme.quiet());
    let inner = block.inner(popup);
    block.render(popup, buf);
    let scroll = app
        .help_scroll
        .min(lines.len().saturating_sub(inner.height as usize));
    for (dy, line) in lines
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        buf.set_line(
            inner.x + 1,
            inner.y + dy as u16,
            line,
            inner.width.saturating_sub(1),
        );
    }
}
