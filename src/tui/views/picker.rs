//! The story picker's screen: a title line, one entry of two lines per shown story (id and
//! title; outlets, fetch dates and how much is cached), and a status line with the search
//! prompt or the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, fit};
use crate::tui::picker::{Cached, Picker, StoryChoice};
use crate::tui::theme::Theme;

use super::chrome::render_too_small;

/// Lines one entry takes, the blank line under it included.
const ENTRY_HEIGHT: u16 = 3;

/// The second line of an entry: outlets, fetch dates, cache state.
fn details(choice: &StoryChoice) -> String {
    let fetched = match &choice.fetched {
        Some((first, last)) if first == last => format!("fetched {first}"),
        Some((first, last)) => format!("fetched {first} to {last}"),
        // Nothing fetched yet every article readable: the story is made of local files.
        None if choice.cached == Cached::All => "local files".to_string(),
        None => "never fetched".to_string(),
    };
    format!(
        "{} outlet{}: {} · {fetched} · {}",
        choice.outlets.len(),
        if choice.outlets.len() == 1 { "" } else { "s" },
        choice.outlets.join(", "),
        choice.cached.as_str()
    )
}

/// Draws the picker.
pub fn render(picker: &Picker, theme: Theme, area: Rect, buf: &mut Buffer) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(area, buf);
        return;
    }
    let width = area.width as usize;
    let shown = picker.shown();
    let header = format!(
        " parallax │ choose a story: {} of {} shown",
        shown.len(),
        picker.choices.len()
    );
    buf.set_stringn(area.x, area.y, fit(&header, width), width, theme.heading());
    let body = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(3),
    );
    let fits = (body.height / ENTRY_HEIGHT).max(1) as usize;
    let first = picker.selected.saturating_sub(fits - 1);
    if shown.is_empty() {
        let note = format!(" no story matches {:?}", picker.query);
        buf.set_stringn(body.x, body.y, fit(&note, width), width, theme.quiet());
    }
    for (row, (position, &index)) in shown.iter().enumerate().skip(first).take(fits).enumerate() {
        let choice = &picker.choices[index];
        let y = body.y + row as u16 * ENTRY_HEIGHT;
        let selected = position == picker.selected;
        let mark = if selected { "▶" } else { " " };
        let title = format!(" {mark} {}  {}", choice.id, choice.title);
        let style = if selected {
            theme.selected()
        } else {
            theme.focused()
        };
        buf.set_stringn(body.x, y, fit(&title, width), width, style);
        let second = format!("     {}", details(choice));
        buf.set_stringn(body.x, y + 1, fit(&second, width), width, theme.quiet());
    }
    let status = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    buf.set_style(status, theme.status_bar());
    let text = if picker.editing {
        format!("/{}▏", picker.query)
    } else if picker.query.is_empty() {
        " Enter open · / search · j/k or ↑/↓ move · q quit".to_string()
    } else {
        format!(
            " search {:?} · Esc clear · Enter open · / search · j/k move · q quit",
            picker.query
        )
    };
    buf.set_stringn(
        status.x,
        status.y,
        fit(&text, width),
        width,
        theme.status_bar(),
    );
}
