//! The Framing view (`6`): the framing lens's tables ([`crate::framing::tables`]) one under
//! another (word choices, labels for the same actor, voice and certainty, claims stated as
//! fact by some outlets), a selected row moved with the scroll keys, and `Enter` jumping to the
//! row's passage in the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::framing::analyse;
use crate::framing::tables::{Jump, Table, tables};
use crate::model::Comparison;
use crate::tui::app::App;
use crate::tui::layout::{display_width, fit};

/// Widest a column may be before its cells are cut (the last column takes what is left).
const MAX_COLUMN: usize = 28;

/// Narrowest a column is made to fit a narrow terminal.
const MIN_COLUMN: usize = 5;

/// The view's state: the tables of the current comparison and the selected row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FramingState {
    /// The framing's tables, built once per comparison, when the view is first opened.
    pub tables: Vec<Table>,
    /// The comparison revision the tables were read for (None: not read yet).
    pub read_for: Option<u64>,
    /// The selected row, counted over all tables' rows.
    pub selected: usize,
    /// The first line shown.
    pub scroll: usize,
}

impl FramingState {
    /// The tables of a comparison at `revision`, nothing selected yet.
    pub fn of(comparison: &Comparison, revision: u64) -> FramingState {
        FramingState {
            tables: tables(&analyse(comparison)),
            read_for: Some(revision),
            selected: 0,
            scroll: 0,
        }
    }

    /// Rows over all tables.
    pub fn row_count(&self) -> usize {
        self.tables.iter().map(|t| t.rows.len()).sum()
    }

    /// Where the selected row jumps to.
    pub fn selected_jump(&self) -> Option<&Jump> {
        self.tables
            .iter()
            .flat_map(|t| &t.rows)
            .nth(self.selected)?
            .jump
            .as_ref()
    }

    /// Moves the selection by `delta` rows and keeps it within `height` lines on screen.
    pub fn select(&mut self, delta: isize, height: usize) {
        let last = self.row_count().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        let line = self.selected_line();
        let height = height.max(1);
        if line < self.scroll {
            // Show the table's title and header too when the first row is selected.
            self.scroll = line.saturating_sub(2);
        } else if line >= self.scroll + height {
            self.scroll = line + 1 - height;
        }
    }

    /// The document line of the selected row.
    fn selected_line(&self) -> usize {
        let mut line = 0;
        let mut before = 0;
        for table in &self.tables {
            line += 2; // title and header (or "none found")
            if self.selected < before + table.rows.len() {
                return line + self.selected - before;
            }
            before += table.rows.len();
            line += table.rows.len() + 1; // rows and the blank line after
        }
        line
    }
}

/// The view's lines at `width`, the selected row highlighted.
pub fn document(app: &App, width: u16) -> Vec<Line<'static>> {
    let width = width as usize;
    let theme = app.theme;
    let state = &app.framing;
    let mut lines = Vec::new();
    let mut row_number = 0;
    for table in &state.tables {
        lines.push(Line::styled(fit(table.title, width), theme.heading()));
        if table.rows.is_empty() {
            lines.push(Line::styled(fit("  none found", width), theme.quiet()));
            lines.push(Line::raw(""));
            continue;
        }
        let widths = column_widths(table, width);
        let header: Vec<String> = table.header.iter().map(|h| h.to_string()).collect();
        lines.push(Line::styled(row_text(&header, &widths), theme.quiet()));
        for row in &table.rows {
            let text = row_text(&row.cells, &widths);
            let line = if row_number == state.selected {
                Line::from(Span::styled(text, theme.selected()))
            } else {
                Line::raw(text)
            };
            lines.push(line);
            row_number += 1;
        }
        lines.push(Line::raw(""));
    }
    lines
}

/// Draws the view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    super::render_document(&document(app, area.width), app.framing.scroll, area, buf);
}

/// Each column's width: its widest cell up to [`MAX_COLUMN`], the widest narrowed until the
/// row fits `width`, the last taking what is left.
fn column_widths(table: &Table, width: usize) -> Vec<usize> {
    let columns = table.header.len();
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| {
            let cells = table
                .rows
                .iter()
                .map(|r| r.cells.get(c).map_or(0, |s| display_width(s)));
            cells
                .chain([display_width(table.header[c])])
                .max()
                .unwrap_or(0)
                .min(MAX_COLUMN)
        })
        .collect();
    let room = width.saturating_sub(2 * columns + 2);
    // Too wide: narrow the widest column a cell at a time, down to a few cells each.
    while widths.iter().sum::<usize>() > room {
        let Some(widest) = widths.iter_mut().filter(|w| **w > MIN_COLUMN).max() else {
            break;
        };
        *widest -= 1;
    }
    let before_last: usize = widths.iter().take(columns.saturating_sub(1)).sum();
    if let Some(last) = widths.last_mut() {
        *last = room.saturating_sub(before_last).max(*last).max(1);
    }
    widths
}

/// Cells cut to their columns, two spaces apart, after a two-space indent.
fn row_text(cells: &[String], widths: &[usize]) -> String {
    let mut text = String::from("  ");
    for (cell, &width) in cells.iter().zip(widths) {
        let cut = fit(cell, width);
        let pad = width.saturating_sub(display_width(&cut));
        text.push_str(&cut);
        text.push_str(&" ".repeat(pad + 2));
    }
    text.trim_end().to_string()
}
