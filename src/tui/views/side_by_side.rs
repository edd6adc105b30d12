//! The side-by-side view: one column per outlet, the reference pinned first, one row per
//! paragraph alignment group. Every cell of a row is wrapped to its column and the row takes the
//! height of its tallest cell, so matched paragraphs stand level and scroll together; a gutter
//! shows each row's status. The layout is computed once per change of what it depends on
//! ([`SideLayoutKey`]) and drawing only copies the visible lines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::{Block, ChangeClass, Comparison, RowCarriers, Status};
use crate::tui::app::{App, ReasonFilter, StatusFilter, passes};
use crate::tui::index::DifferenceFlags;
use crate::tui::layout::{ColumnSlot, GUTTER_WIDTH, fit, side_by_side_columns, wrap};
use crate::tui::search::contains;
use crate::tui::theme::{MOVED_SYMBOL, Theme};

use super::marked_text::{MarkContext, paragraph_spans, paragraph_spans_until};

/// Everything the side-by-side layout depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideLayoutKey {
    /// Screen width.
    pub width: u16,
    /// First non-reference outlet shown.
    pub first_other: usize,
    /// Focused outlet (the reference column's marks follow it).
    pub focus: usize,
    /// Status filter.
    pub filter: StatusFilter,
    /// Reason filter (a class or a kind).
    pub kind_filter: Option<ReasonFilter>,
    /// Search query.
    pub query: String,
    /// The comparison's revision.
    pub revision: u64,
}

impl SideLayoutKey {
    /// What marking a cell's text needs for this layout: the focus and query it was built for.
    fn mark_context<'a>(&'a self, app: &'a App, comparison: &'a Comparison) -> MarkContext<'a> {
        MarkContext {
            comparison,
            index: &app.index,
            theme: app.theme,
            focus: self.focus,
            query: &self.query,
        }
    }
}

/// One laid-out paragraph group.
#[derive(Debug, Clone, PartialEq)]
pub struct SideRow {
    /// Index into `Comparison::paragraphs`.
    pub group: usize,
    /// First line of the row in the whole layout.
    pub top: usize,
    /// Lines, the blank line under it included.
    pub height: usize,
    /// Wrapped lines of each shown column, in column order.
    pub cells: Vec<Vec<Line<'static>>>,
    /// Some shown cell contains the search query.
    pub matches: bool,
}

/// The laid-out side-by-side rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideLayout {
    /// What it was built for (None: never built).
    pub key: Option<SideLayoutKey>,
    /// The shown columns.
    pub columns: Vec<ColumnSlot>,
    /// The rows the filters let through.
    pub rows: Vec<SideRow>,
    /// Total lines.
    pub total: usize,
}

impl SideLayout {
    /// Lays out the rows of the app's comparison for `key`.
    pub fn build(app: &App, key: SideLayoutKey) -> SideLayout {
        let Some(comparison) = &app.comparison else {
            return SideLayout {
                key: Some(key),
                ..SideLayout::default()
            };
        };
        let columns = side_by_side_columns(key.width, comparison.outlets.len(), key.first_other);
        let ctx = key.mark_context(app, comparison);
        let carriers: Vec<RowCarriers> = columns
            .iter()
            .map(|slot| comparison.row_carriers(&comparison.outlets[slot.outlet].id))
            .collect();
        let mut rows = Vec::new();
        let mut top = 0;
        for (g, group) in comparison.paragraphs.iter().enumerate() {
            let flags = app.index.group_flags.get(g).cloned().unwrap_or_default();
            let shown = |slot: &ColumnSlot| {
                group
                    .cells
                    .get(&comparison.outlets[slot.outlet].id)
                    .is_some_and(|p| !p.is_empty())
            };
            // A row of only hidden outlets' paragraphs would read "not carried" everywhere.
            if !passes(&flags, key.filter, key.kind_filter) || !columns.iter().any(shown) {
                continue;
            }
            let mut matches = false;
            let cells: Vec<Vec<Line<'static>>> = columns
                .iter()
                .zip(&carriers)
                .map(|(slot, carriers)| {
                    let outlet = &comparison.outlets[slot.outlet];
                    let paragraphs = group.cells.get(&outlet.id).map_or(&[][..], Vec::as_slice);
                    let width = (slot.width as usize).saturating_sub(1).max(1);
                    let cell = Cell {
                        outlet: slot.outlet,
                        paragraphs,
                        headline: g == 0,
                    };
                    let (mut lines, found) = cell_lines(&ctx, &cell, width, None);
                    matches |= found;
                    if paragraphs.is_empty() {
                        lines.push(Line::styled(
                            fit(&carriers.empty_cell_note(g), width),
                            app.theme.quiet(),
                        ));
                    }
                    lines
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1) + 1;
            rows.push(SideRow {
                group: g,
                top,
                height,
                cells,
                matches,
            });
            top += height;
        }
        SideLayout {
            key: Some(key),
            columns,
            rows,
            total: top,
        }
    }

    /// The claim under line `line` of the focused column, when that column is shown: the last
    /// claim of the focused outlet starting at or above the line in its row, else the row's
    /// first.
    pub fn claim_at(&self, app: &App, line: usize) -> Option<usize> {
        let comparison = app.comparison.as_ref()?;
        let key = self.key.as_ref()?;
        let row = &self.rows[self.row_at(line)?];
        let slot = self.columns.iter().find(|s| s.outlet == key.focus)?;
        let outlet = comparison.outlets.get(slot.outlet)?;
        let paragraphs = comparison
            .paragraphs
            .get(row.group)?
            .cells
            .get(&outlet.id)?;
        let ctx = key.mark_context(app, comparison);
        let width = (slot.width as usize).saturating_sub(1).max(1);
        let mut starts = Vec::new();
        let cell = Cell {
            outlet: slot.outlet,
            paragraphs,
            headline: row.group == 0,
        };
        cell_lines(&ctx, &cell, width, Some(&mut starts));
        let offset = line - row.top;
        starts
            .iter()
            .rev()
            .find(|(at, _)| *at <= offset)
            .or(starts.first())
            .map(|&(_, claim)| claim)
    }

    /// The row holding line `line`.
    pub fn row_at(&self, line: usize) -> Option<usize> {
        if line >= self.total {
            return None;
        }
        Some(self.rows.partition_point(|r| r.top + r.height <= line))
    }
}

/// What one cell of a row shows: paragraphs of one outlet, under its headline in the first row.
struct Cell<'p> {
    /// The outlet's index.
    outlet: usize,
    /// Its paragraphs in the row.
    paragraphs: &'p [usize],
    /// The row is the first paragraph group, which the headlines head.
    headline: bool,
}

/// The wrapped lines of one cell `width` wide (the outlet's headline with its status in the
/// first row, headings, and a blank line between paragraphs included), and whether any holds
/// the search query. With `claim_starts`, also the line each of the outlet's claims starts on,
/// with the claim.
fn cell_lines(
    ctx: &MarkContext<'_>,
    cell: &Cell<'_>,
    width: usize,
    mut claim_starts: Option<&mut Vec<(usize, usize)>>,
) -> (Vec<Line<'static>>, bool) {
    let outlet = cell.outlet;
    let entry = &ctx.comparison.outlets[outlet];
    let mut lines = Vec::new();
    let mut matches = false;
    if cell.headline && !entry.title.is_empty() {
        let mut spans = Vec::new();
        if let Some((claim, status)) = ctx.comparison.headline_status(&entry.id) {
            spans.push(Span::styled(
                format!("{} ", status.status.symbol()),
                ctx.theme.status_symbol(status.status),
            ));
            if let Some(starts) = claim_starts.as_deref_mut() {
                starts.push((0, claim));
            }
        }
        spans.push(Span::styled(entry.title.clone(), ctx.theme.heading()));
        matches |= contains(&entry.title, ctx.query);
        lines.extend(wrap(&spans, width));
    }
    for &p in cell.paragraphs {
        let blocks = entry.blocks_at(p);
        if !lines.is_empty() && !blocks.is_empty() {
            lines.push(Line::default());
        }
        for block in blocks {
            match block {
                Block::Heading(heading) => {
                    lines.extend(wrap(&[Span::styled(heading, ctx.theme.heading())], width));
                }
                Block::Paragraph(text) => {
                    matches |= contains(text, ctx.query);
                    if let Some(starts) = claim_starts.as_deref_mut() {
                        for placed in ctx.index.claims_in(outlet, p) {
                            // Up to the end of the claim's first word: the line it starts on.
                            let rest = text.get(placed.range.start..).unwrap_or("");
                            let word = rest.trim_start();
                            let word_end = word.find(char::is_whitespace).unwrap_or(word.len());
                            let end = placed.range.start + (rest.len() - word.len()) + word_end;
                            let prefix = wrap(&paragraph_spans_until(ctx, outlet, p, end), width);
                            starts.push((lines.len() + prefix.len() - 1, placed.claim));
                        }
                    }
                    lines.extend(wrap(&paragraph_spans(ctx, outlet, p), width));
                }
            }
        }
    }
    (lines, matches)
}

/// What a gutter symbol stands for, which gives its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GutterMark {
    /// A status symbol.
    Status(Status),
    /// The class mark of a conflict or framing, in place of `~`.
    Class(ChangeClass),
    /// The moved symbol.
    Moved,
}

/// The gutter symbols of a row: what differs in it, most telling first, at most three. A
/// changed fact shows as the class mark of its strongest change when that is a conflict (`!`)
/// or framing (`?`), else as `~`.
pub fn gutter_symbols(flags: &DifferenceFlags) -> Vec<(&'static str, GutterMark)> {
    let mut symbols = Vec::new();
    if flags.differs {
        symbols.push(
            match flags.strongest_class().filter(|c| *c > ChangeClass::Detail) {
                Some(class) => (class.symbol(), GutterMark::Class(class)),
                None => (
                    Status::Differs.symbol(),
                    GutterMark::Status(Status::Differs),
                ),
            },
        );
    }
    if flags.missing {
        symbols.push((
            Status::Missing.symbol(),
            GutterMark::Status(Status::Missing),
        ));
    }
    if flags.added {
        symbols.push((Status::Added.symbol(), GutterMark::Status(Status::Added)));
    }
    if flags.moved {
        symbols.push((MOVED_SYMBOL, GutterMark::Moved));
    }
    if symbols.is_empty() {
        symbols.push((
            Status::Appears.symbol(),
            GutterMark::Status(Status::Appears),
        ));
    }
    symbols.truncate(GUTTER_WIDTH as usize - 2);
    symbols
}

fn symbol_style(theme: Theme, mark: GutterMark) -> Style {
    match mark {
        GutterMark::Status(status) => theme.status_symbol(status),
        GutterMark::Class(class) => theme.class_mark(class),
        GutterMark::Moved => theme.moved(),
    }
}

/// Draws the view into `area` (the body of the screen).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(comparison) = &app.comparison else {
        return;
    };
    if area.height == 0 {
        return;
    }
    let layout = &app.side.layout;
    let theme = app.theme;
    let right = area.right();
    // Column headers.
    for slot in &layout.columns {
        if slot.x >= right {
            break;
        }
        let width = slot.width.min(right - slot.x) as usize;
        let outlet = &comparison.outlets[slot.outlet];
        let mut label = outlet.name.clone();
        if outlet.id == comparison.reference {
            label.push_str(" (reference)");
        }
        let style = if slot.outlet == app.focus {
            theme.focused()
        } else {
            theme.heading()
        };
        buf.set_stringn(area.x + slot.x, area.y, fit(&label, width), width, style);
    }
    let hidden_left = layout
        .columns
        .get(1)
        .map_or(0, |c| c.outlet.saturating_sub(1));
    let hidden_right = comparison
        .outlets
        .len()
        .saturating_sub(layout.columns.last().map_or(0, |c| c.outlet + 1));
    if hidden_left > 0 {
        buf.set_stringn(
            area.x,
            area.y,
            format!("‹{hidden_left}"),
            GUTTER_WIDTH as usize,
            theme.quiet(),
        );
    }
    if hidden_right > 0 {
        let note = format!("{hidden_right}›");
        let x = right
            .saturating_sub(note.chars().count() as u16)
            .max(area.x);
        buf.set_stringn(
            x,
            area.y,
            note,
            right.saturating_sub(x) as usize,
            theme.focused(),
        );
    }
    let rows_area = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    if layout.rows.is_empty() {
        let note = match app.filter {
            StatusFilter::All if app.kind_filter.is_none() => "no paragraphs",
            _ => "no row matches the filter (f to change it)",
        };
        buf.set_stringn(
            rows_area.x + GUTTER_WIDTH,
            rows_area.y,
            note,
            rows_area.width.saturating_sub(GUTTER_WIDTH) as usize,
            theme.quiet(),
        );
        return;
    }
    let selected_row = layout.row_at(app.side.cursor);
    for dy in 0..rows_area.height {
        let line = app.side.scroll + dy as usize;
        let y = rows_area.y + dy;
        let Some(r) = layout.row_at(line) else {
            break;
        };
        let row = &layout.rows[r];
        let offset = line - row.top;
        // Gutter: cursor mark, then the row's symbols on its first line.
        if Some(r) == selected_row {
            for gx in 0..GUTTER_WIDTH.min(area.width) {
                buf[(rows_area.x + gx, y)].set_style(theme.selected());
            }
        }
        if line == app.side.cursor {
            buf.set_stringn(rows_area.x, y, "▶", 1, theme.selected());
        }
        if offset == 0 {
            let flags = app
                .index
                .group_flags
                .get(row.group)
                .cloned()
                .unwrap_or_default();
            for (i, (symbol, status)) in gutter_symbols(&flags).into_iter().enumerate() {
                let x = rows_area.x + 1 + i as u16;
                if x < right {
                    buf.set_stringn(x, y, symbol, 1, symbol_style(theme, status));
                }
            }
        }
        for (c, slot) in layout.columns.iter().enumerate() {
            let x = rows_area.x + slot.x;
            if x >= right {
                break;
            }
            let width = slot.width.min(right - x);
            if let Some(text) = row.cells[c].get(offset) {
                buf.set_line(x, y, text, width);
            }
            let rule_x = x + width;
            if c + 1 < layout.columns.len() && rule_x < right {
                buf.set_stringn(rule_x, y, "│", 1, theme.quiet());
            }
        }
    }
}
