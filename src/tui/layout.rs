//! Text measured as the terminal shows it: wrapping styled text to a column by display width
//! (graphemes, `unicode-width`, so CJK and emoji take two cells and combining marks none),
//! cutting one-line text to a width with an ellipsis, the side-by-side column widths, and the
//! screen's fixed areas. Every string drawn passes through [`wrap`] or [`fit`], which also drop
//! any control or invisible character that slipped past extraction: no line is ever wider than
//! its column and no escape byte reaches the terminal.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::clean::is_invisible;

/// The smallest terminal the interface draws in; below it a "terminal too small" notice.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 8;
/// Columns of the side-by-side gutter (cursor mark and the row's status symbols).
pub const GUTTER_WIDTH: u16 = 5;
/// The narrowest an outlet column gets before columns scroll sideways instead.
pub const MIN_COLUMN_WIDTH: u16 = 30;

/// Whether a character may be drawn: no control character, no invisible or bidi control
/// (ZWJ stays, it joins emoji).
fn drawable(c: char) -> bool {
    c == '\u{200D}' || !(c.is_control() || is_invisible(c))
}

/// Text safe to draw: control and invisible characters removed, whitespace turned into spaces.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| drawable(*c))
        .collect()
}

/// Display width of a string, in terminal cells.
pub fn display_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// One line of text cut to `width` cells (an ellipsis marks the cut), sanitized.
pub fn fit(text: &str, width: usize) -> String {
    let clean = sanitize(text);
    if display_width(clean.as_str()) <= width {
        return clean;
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in clean.graphemes(true) {
        let w = display_width(g);
        if used + w > width - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// One line of text cut to `width` cells in its middle (an ellipsis marks the cut), so that
/// both its start and its end stay visible: for "url: cause" messages whose cause comes last.
/// The end keeps two thirds of the room.
pub fn fit_middle(text: &str, width: usize) -> String {
    let clean = sanitize(text);
    if display_width(clean.as_str()) <= width || width < 3 {
        return fit(&clean, width);
    }
    let room = width - 1;
    let tail_room = room * 2 / 3;
    let head = fit(&clean, room - tail_room + 1);
    let head = head.trim_end_matches('…');
    let mut tail: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in clean.graphemes(true).rev() {
        let w = display_width(g);
        if used + w > tail_room {
            break;
        }
        tail.push(g);
        used += w;
    }
    tail.reverse();
    format!("{head}…{}", tail.concat())
}

/// A grapheme with its style and width, the unit of wrapping.
struct Cell<'a> {
    text: &'a str,
    style: Style,
    width: usize,
}

/// Wraps styled text into lines of at most `width` cells, breaking after spaces and around wide
/// (CJK) characters, and inside a word only when the word alone is wider than the line.
/// Sanitizes on the way. Returns at least one line.
pub fn wrap(spans: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut cells: Vec<Cell<'_>> = Vec::new();
    for span in spans {
        for g in span.content.graphemes(true) {
            let (text, w) = if g.chars().all(char::is_whitespace) {
                (" ", 1)
            } else if !g.chars().all(drawable) {
                continue;
            } else {
                let w = display_width(g);
                if w > width { ("…", 1) } else { (g, w) }
            };
            cells.push(Cell {
                text,
                style: span.style,
                width: w,
            });
        }
    }
    let mut lines = Vec::new();
    let mut line: Vec<&Cell<'_>> = Vec::new();
    let mut used = 0;
    let mut i = 0;
    while i < cells.len() {
        // The next unit: a run of non-space cells (a wide cell stands alone), then its spaces.
        let start = i;
        if cells[i].text == " " {
            while i < cells.len() && cells[i].text == " " {
                i += 1;
            }
        } else if cells[i].width > 1 {
            i += 1;
        } else {
            while i < cells.len() && cells[i].text != " " && cells[i].width <= 1 {
                i += 1;
            }
        }
        let word: Vec<&Cell<'_>> = cells[start..i].iter().collect();
        let is_space = word[0].text == " ";
        if is_space {
            // Spaces are kept inside a line and as the text's own indent, never where a wrap
            // starts a line.
            if used > 0 || (lines.is_empty() && line.is_empty()) {
                for cell in word {
                    if used < width {
                        line.push(cell);
                        used += 1;
                    }
                }
            }
            continue;
        }
        let word_width: usize = word.iter().map(|c| c.width).sum();
        if used + word_width > width && used > 0 {
            lines.push(to_line(&line));
            line.clear();
            used = 0;
        }
        for cell in word {
            if used + cell.width > width {
                lines.push(to_line(&line));
                line.clear();
                used = 0;
            }
            line.push(cell);
            used += cell.width;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(to_line(&line));
    }
    lines
}

/// Joins cells into a line of spans, one span per run of equal style, trailing spaces dropped.
fn to_line(cells: &[&Cell<'_>]) -> Line<'static> {
    let end = cells
        .iter()
        .rposition(|c| c.text != " ")
        .map_or(0, |p| p + 1);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for cell in &cells[..end] {
        if style.is_some_and(|s| s != cell.style) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(cell.style);
        text.push_str(cell.text);
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, style.unwrap_or_default()));
    }
    Line::from(spans)
}

/// Where one outlet's column sits on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSlot {
    /// Index into `Comparison::outlets`.
    pub outlet: usize,
    /// Left edge, in cells from the left of the screen.
    pub x: u16,
    /// Width in cells.
    pub width: u16,
}

/// How many outlet columns fit side by side in `width` cells (at least one).
pub fn columns_that_fit(width: u16) -> usize {
    let available = width.saturating_sub(GUTTER_WIDTH) as usize + 1;
    (available / (MIN_COLUMN_WIDTH as usize + 1)).max(1)
}

/// The side-by-side columns: the reference (outlet 0) pinned first, then as many outlets from
/// `first_other` on as fit, sharing the width equally, one cell of rule between columns.
pub fn side_by_side_columns(width: u16, outlets: usize, first_other: usize) -> Vec<ColumnSlot> {
    if outlets == 0 {
        return Vec::new();
    }
    let shown = columns_that_fit(width).min(outlets);
    let mut indexes = vec![0];
    indexes.extend((first_other.max(1)..outlets).take(shown - 1));
    let available = width.saturating_sub(GUTTER_WIDTH);
    let rules = indexes.len().saturating_sub(1) as u16;
    let each = available.saturating_sub(rules) / indexes.len() as u16;
    let mut x = GUTTER_WIDTH;
    let last = indexes.len() - 1;
    indexes
        .iter()
        .enumerate()
        .map(|(i, &outlet)| {
            let w = if i == last {
                (GUTTER_WIDTH + available).saturating_sub(x)
            } else {
                each
            };
            let slot = ColumnSlot {
                outlet,
                x,
                width: w,
            };
            x = x.saturating_add(w + 1);
            slot
        })
        .collect()
}

/// The fixed areas of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenAreas {
    /// The tab line on top.
    pub tabs: Rect,
    /// Progress and failure lines under the tabs (may be empty).
    pub banner: Rect,
    /// The view.
    pub body: Rect,
    /// The status line at the bottom.
    pub status: Rect,
}

/// Splits the screen: one line of tabs, `banner_lines` (at most a third of the screen), the
/// body, one status line.
pub fn screen_areas(area: Rect, banner_lines: u16) -> ScreenAreas {
    let banner = banner_lines.min(area.height / 3);
    let tabs = Rect {
        height: area.height.min(1),
        ..area
    };
    let banner_rect = Rect {
        y: tabs.bottom(),
        height: banner.min(area.height.saturating_sub(tabs.height)),
        ..area
    };
    let status_height = area
        .height
        .saturating_sub(banner_rect.bottom() - area.y)
        .min(1);
    let status = Rect {
        y: area.bottom().saturating_sub(status_height),
        height: status_height,
        ..area
    };
    let body = Rect {
        y: banner_rect.bottom(),
        height: status.y.saturating_sub(banner_rect.bottom()),
        ..area
    };
    ScreenAreas {
        tabs,
        banner: banner_rect,
        body,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn fit_middle_keeps_the_cause_at_the_end_and_the_width() {
        let error =
            "https://example.com/a/very/long/path/to/an/article.html: cannot connect: dns error";
        let shown = fit_middle(error, 40);
        assert_eq!(display_width(&shown), 40, "{shown}");
        assert!(shown.starts_with("https://"), "{shown}");
        assert!(shown.ends_with("cannot connect: dns error"), "{shown}");
        assert_eq!(fit_middle("short", 40), "short");
        for width in 0..45 {
            assert!(display_width(&fit_middle(error, width)) <= width, "{width}");
        }
        let wide = "記事のアドレス/とても長い道: 接続できません";
        for width in 0..30 {
            assert!(display_width(&fit_middle(wide, width)) <= width, "{width}");
        }
    }

    #[test]
    fn wraps_at_spaces_and_never_exceeds_the_width() {
        let lines = wrap(&[Span::raw("the quick brown fox jumps")], 10);
        assert_eq!(texts(&lines), vec!["the quick", "brown fox", "jumps"]);
        let lines = wrap(&[Span::raw("  indented text here")], 10);
        assert_eq!(texts(&lines), vec!["  indented", "text here"]);
        for width in 1..30 {
            for line in wrap(&[Span::raw("a verylongwordindeed and more")], width) {
                assert!(line.width() <= width, "{width}: {line}");
            }
        }
    }

    #[test]
    fn cjk_and_emoji_count_two_cells_and_break_anywhere() {
        let lines = wrap(&[Span::raw("河北省的文件显示")], 5);
        assert_eq!(texts(&lines), vec!["河北", "省的", "文件", "显示"]);
        let lines = wrap(&[Span::raw("👩\u{200D}💻 e\u{301}t\u{e9}")], 3);
        assert!(lines.iter().all(|l| l.width() <= 3));
        assert_eq!(texts(&lines)[1], "e\u{301}t\u{e9}");
        // A wide character that cannot fit a one-cell column becomes an ellipsis.
        assert_eq!(texts(&wrap(&[Span::raw("河")], 1)), vec!["…"]);
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        let lines = wrap(&[Span::raw("a\u{1b}[31mb\u{7}c\u{202e}d\te")], 20);
        assert_eq!(texts(&lines), vec!["a[31mbcd e"]);
        assert_eq!(fit("x\u{1b}y\u{9b}z", 10), "xyz");
    }

    #[test]
    fn fit_cuts_by_display_width_with_an_ellipsis() {
        assert_eq!(fit("hello world", 5), "hell…");
        assert_eq!(fit("河北省", 4), "河…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abc", 3), "abc");
    }

    #[test]
    fn styles_survive_wrapping() {
        let bold = Style::new().bold();
        let lines = wrap(&[Span::raw("said "), Span::styled("seventy", bold)], 20);
        assert_eq!(lines[0].spans[1].style, bold);
        assert_eq!(lines[0].spans[1].content, "seventy");
    }

    #[test]
    fn the_reference_column_is_pinned_and_columns_fill_the_width() {
        let cols = side_by_side_columns(200, 6, 3);
        assert_eq!(cols[0].outlet, 0);
        assert_eq!(cols[1].outlet, 3);
        let last = cols.last().unwrap();
        assert_eq!(last.x + last.width, 200);
        assert!(cols.iter().all(|c| c.width >= MIN_COLUMN_WIDTH));
        assert_eq!(side_by_side_columns(10, 3, 1).len(), 1);
        assert!(
            side_by_side_columns(1, 3, 1)
                .iter()
                .all(|c| c.x + c.width <= 1 + GUTTER_WIDTH)
        );
    }

    #[test]
    fn screen_areas_never_overflow() {
        for h in 0..12 {
            let a = screen_areas(Rect::new(0, 0, 20, h), 2);
            assert!(a.status.bottom() <= h);
            assert!(a.body.bottom() <= a.status.y.max(a.body.y));
        }
    }
}
