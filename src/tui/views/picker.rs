//! The story picker's screen: a title line, one entry of two lines per shown story (id and
//! title; outlets, fetch dates and how much is cached), then per story discovered in the feeds
//! (marked `discovered`: its newest headline; its outlets, its newest date and that it is not
//! yet in sources.toml), and a status line with the search prompt, a notice or the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::discovered::ClusterChoice;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, fit};
use crate::tui::picker::{Cached, Entry, Picker, StoryChoice};
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

/// The second line of a discovered story: not in sources.toml, its newest date, its outlets
/// (last, as the list a narrow screen cuts).
fn discovered_details(choice: &ClusterChoice) -> String {
    format!(
        "not in sources.toml yet · {} · {} outlets: {}",
        choice.newest,
        choice.outlets.len(),
        choice.outlets.join(", ")
    )
}

/// The title line: how many entries are shown, and what the feeds gave.
fn header(picker: &Picker, shown: usize) -> String {
    let total = picker.choices.len() + picker.clusters.len();
    let feeds = if picker.discovering {
        " · reading the cached feeds…".to_string()
    } else if picker.clusters.is_empty() {
        String::new()
    } else {
        format!(" · {} discovered in the feeds", picker.clusters.len())
    };
    format!(" parallax │ choose a story: {shown} of {total} shown{feeds}")
}

/// Draws the picker.
pub fn render(picker: &Picker, theme: Theme, area: Rect, buf: &mut Buffer) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(area, buf);
        return;
    }
    let width = area.width as usize;
    let shown = picker.shown();
    let header = header(picker, shown.len());
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
        let y = body.y + row as u16 * ENTRY_HEIGHT;
        let selected = position == picker.selected;
        let mark = if selected { "▶" } else { " " };
        let (title, second) = match picker.entry(index) {
            Entry::Story(choice) => (
                format!(" {mark} {}  {}", choice.id, choice.title),
                details(choice),
            ),
            Entry::Discovered(choice) => (
                format!(" {mark} discovered  {}", choice.headline()),
                discovered_details(choice),
            ),
        };
        let style = if selected {
            theme.selected()
        } else {
            theme.focused()
        };
        buf.set_stringn(body.x, y, fit(&title, width), width, style);
        let second = format!("     {second}");
        buf.set_stringn(body.x, y + 1, fit(&second, width), width, theme.quiet());
    }
    let status = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    buf.set_style(status, theme.status_bar());
    let text = if picker.editing {
        format!("/{}▏", picker.query)
    } else if let Some(notice) = &picker.notice {
        format!(" {notice}")
    } else {
        let enter = match picker.selected_entry() {
            Some(Entry::Discovered(_)) => "Enter add to sources.toml and open",
            _ => "Enter open",
        };
        if picker.query.is_empty() {
            format!(" {enter} · / search · j/k or ↑/↓ move · q quit")
        } else {
            format!(
                " search {:?} · Esc clear · {enter} · / search · j/k move · q quit",
                picker.query
            )
        }
    };
    buf.set_stringn(
        status.x,
        status.y,
        fit(&text, width),
        width,
        theme.status_bar(),
    );
}
