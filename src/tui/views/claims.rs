//! The claims matrix: one row per claim cluster (reference order, then added claims), one
//! status symbol per outlet, and a detail pane with the selected claim as each outlet words it:
//! the word diff against the origin wording and the reasons (`number: 60 to 80 -> 70`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::align::diff::reads_better_whole;
use crate::model::{ClaimCluster, ClaimStatus, DiffOp, Status};
use crate::tui::app::App;
use crate::tui::layout::{display_width, fit, wrap};
use crate::tui::search::find_matches;
use crate::tui::theme::{MOVED_SYMBOL, Theme};

/// Before a claim's wording in the list when the wording is a headline.
const HEADLINE_MARK: &str = "headline · ";

/// Width from which the detail pane stands beside the matrix rather than under it.
const SIDE_DETAIL_WIDTH: u16 = 120;
/// Cells per outlet status column.
const STATUS_CELL: u16 = 4;

/// A column label for an outlet name: the initials of its words without a leading article
/// ("The Daily Blaze" → "DB"), or the first letters of a one-word name ("GlobeWire" → "Glo").
pub fn abbreviation(name: &str) -> String {
    const ARTICLES: [&str; 8] = ["the", "a", "an", "le", "la", "les", "der", "die"];
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1 && ARTICLES.contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    let cell = STATUS_CELL as usize - 1;
    if words.len() > 1 {
        words
            .iter()
            .filter_map(|w| w.graphemes(true).next())
            .take(cell)
            .collect::<String>()
            .to_uppercase()
    } else {
        words
            .first()
            .map_or(String::new(), |w| w.graphemes(true).take(cell).collect())
    }
}

/// Splits the body into the matrix and the detail pane.
pub fn split(body: Rect) -> (Rect, Rect) {
    if body.width >= SIDE_DETAIL_WIDTH {
        let left = body.width * 11 / 20;
        (
            Rect {
                width: left,
                ..body
            },
            Rect {
                x: body.x + left + 1,
                width: body.width.saturating_sub(left + 1),
                ..body
            },
        )
    } else {
        let top = (body.height * 9 / 20).max(body.height.min(3));
        (
            Rect {
                height: top,
                ..body
            },
            Rect {
                y: body.y + top,
                height: body.height.saturating_sub(top),
                ..body
            },
        )
    }
}

/// Claim rows that fit in the matrix at the app's size.
pub fn list_rows(app: &App) -> usize {
    split(app.areas().body).0.height.saturating_sub(1) as usize
}

/// Text with search matches highlighted over a base style.
fn highlighted(text: &str, query: &str, base: Style, theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for found in find_matches(text, query) {
        spans.push(Span::styled(text[at..found.start].to_string(), base));
        spans.push(Span::styled(
            text[found.clone()].to_string(),
            base.patch(theme.search_match()),
        ));
        at = found.end;
    }
    spans.push(Span::styled(text[at..].to_string(), base));
    spans
}

/// Draws the view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(comparison) = &app.comparison else {
        return;
    };
    let theme = app.theme;
    let (list, detail) = split(area);
    if list.height == 0 {
        return;
    }
    let id_width = 5u16;
    let text_x = list.x + id_width + STATUS_CELL * comparison.outlets.len() as u16 + 1;
    // Header: outlet ids above their status columns.
    buf.set_stringn(list.x, list.y, "id", id_width as usize, theme.heading());
    for (o, outlet) in comparison.outlets.iter().enumerate() {
        let x = list.x + id_width + STATUS_CELL * o as u16;
        if x + STATUS_CELL > list.right() {
            break;
        }
        let style = if o == app.focus {
            theme.focused()
        } else {
            theme.heading()
        };
        let short = abbreviation(&outlet.name);
        buf.set_stringn(
            x,
            list.y,
            fit(&short, STATUS_CELL as usize - 1),
            STATUS_CELL as usize - 1,
            style,
        );
    }
    if text_x < list.right() {
        buf.set_stringn(
            text_x,
            list.y,
            "wording (origin)",
            (list.right() - text_x) as usize,
            theme.heading(),
        );
    }
    let shown = app.shown_claims();
    if shown.is_empty() {
        buf.set_stringn(
            list.x,
            list.y + 1,
            "no claim matches the filter (f, F to change it)",
            list.width as usize,
            theme.quiet(),
        );
        return;
    }
    for (row, &c) in shown
        .iter()
        .enumerate()
        .skip(app.claims.scroll)
        .take(list.height as usize - 1)
    {
        let y = list.y + 1 + (row - app.claims.scroll) as u16;
        let claim = &comparison.claims[c];
        let selected = row == app.claims.selected;
        if selected {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..list
                },
                theme.selected(),
            );
        }
        buf.set_stringn(
            list.x,
            y,
            fit(&claim.id, id_width as usize - 1),
            id_width as usize,
            Style::new(),
        );
        for (o, outlet) in comparison.outlets.iter().enumerate() {
            let x = list.x + id_width + STATUS_CELL * o as u16;
            if x + STATUS_CELL > list.right() {
                break;
            }
            if let Some(status) = claim.statuses.get(&outlet.id) {
                let symbol = if status.moved && status.status == Status::Appears {
                    (MOVED_SYMBOL, theme.moved())
                } else {
                    (status.status.symbol(), theme.status_symbol(status.status))
                };
                buf.set_stringn(x + 1, y, symbol.0, 1, symbol.1);
                if let Some(class) = status.class {
                    buf.set_stringn(x + 2, y, class.symbol(), 1, theme.class_mark(class));
                }
            }
        }
        if text_x < list.right() {
            let width = (list.right() - text_x) as usize;
            let mut spans = Vec::new();
            if claim.is_headline() {
                spans.push(Span::styled(HEADLINE_MARK, theme.quiet()));
            }
            let text_width = width.saturating_sub(display_width(HEADLINE_MARK) * spans.len());
            spans.extend(highlighted(
                &fit(&claim.text, text_width),
                &app.search.query,
                Style::new(),
                theme,
            ));
            buf.set_line(text_x, y, &Line::from(spans), width as u16);
        }
    }
    if let Some(&c) = shown.get(app.claims.selected) {
        let lines = detail_lines(
            app,
            &comparison.claims[c],
            detail.width.saturating_sub(1) as usize,
        );
        let scroll = app
            .claims
            .detail_scroll
            .min(lines.len().saturating_sub(detail.height as usize));
        for (dy, line) in lines
            .iter()
            .skip(scroll)
            .take(detail.height as usize)
            .enumerate()
        {
            buf.set_line(detail.x, detail.y + dy as u16, line, detail.width);
        }
    }
}

/// The wording of one outlet with its word diff against the origin: removed words crossed out,
/// new words highlighted; or, when `whole` (it [reads better whole](reads_better_whole)), the
/// outlet's passage alone with the words it shares with the origin in bold.
fn diff_spans(status: &ClaimStatus, whole: bool, theme: Theme, query: &str) -> Vec<Span<'static>> {
    if status.diff.is_empty() {
        return highlighted(
            status.text.as_deref().unwrap_or(""),
            query,
            Style::new(),
            theme,
        );
    }
    if whole {
        return status
            .diff
            .iter()
            .filter(|piece| piece.op != DiffOp::Delete)
            .flat_map(|piece| {
                let style = if piece.op == DiffOp::Equal {
                    theme.shared_words()
                } else {
                    Style::new()
                };
                highlighted(&piece.text, query, style, theme)
            })
            .collect();
    }
    let mut spans = Vec::new();
    let mut previous: Option<(DiffOp, bool)> = None;
    for piece in &status.diff {
        let style = match piece.op {
            DiffOp::Equal => Style::new(),
            DiffOp::Delete => theme.missing_sentence(),
            DiffOp::Insert => theme.inserted_words(),
        };
        // Removed and added words that touch get a space between them, so that "set out" →
        // "outlined" reads as two words, not "set outoutlined".
        let starts_with_space = piece.text.starts_with(char::is_whitespace);
        if let Some((op, ended_with_space)) = previous
            && op != piece.op
            && op != DiffOp::Equal
            && piece.op != DiffOp::Equal
            && !ended_with_space
            && !starts_with_space
        {
            spans.push(Span::raw(" "));
        }
        previous = Some((piece.op, piece.text.ends_with(char::is_whitespace)));
        spans.extend(highlighted(&piece.text, query, style, theme));
    }
    spans
}

/// The detail pane's lines for one claim, wrapped to `width`.
pub fn detail_lines(app: &App, claim: &ClaimCluster, width: usize) -> Vec<Line<'static>> {
    let Some(comparison) = &app.comparison else {
        return Vec::new();
    };
    let theme = app.theme;
    let width = width.max(1);
    let origin = comparison
        .outlet(&claim.origin)
        .map_or(claim.origin.as_str(), |o| o.name.as_str());
    let wording = if claim.is_headline() {
        "headline"
    } else {
        "wording"
    };
    let mut lines = vec![Line::styled(
        fit(&format!("{} · {wording} of {origin}", claim.id), width),
        theme.heading(),
    )];
    lines.extend(wrap(
        &highlighted(&claim.text, &app.search.query, Style::new(), theme),
        width,
    ));
    for outlet in &comparison.outlets {
        let Some(status) = claim.statuses.get(&outlet.id) else {
            continue;
        };
        lines.push(Line::default());
        let mut head = vec![
            Span::styled(
                format!("{} ", status.status.symbol()),
                theme.status_symbol(status.status),
            ),
            Span::styled(outlet.name.clone(), theme.heading()),
            Span::styled(format!(" {}", status.status.as_str()), theme.quiet()),
        ];
        if let Some(class) = status.class {
            head.push(Span::styled(
                format!(" {} {}", class.symbol(), class.as_str()),
                theme.class_mark(class),
            ));
        }
        if status.headline {
            head.push(Span::styled(" · in its headline", theme.quiet()));
        }
        if status.moved {
            head.push(Span::styled(
                format!(" {MOVED_SYMBOL} moved"),
                theme.moved(),
            ));
        }
        if status.status != Status::Missing && status.similarity < 1.0 {
            head.push(Span::styled(
                format!(" · similarity {:.2}", status.similarity),
                theme.quiet(),
            ));
        }
        let whole = outlet.id != claim.origin && reads_better_whole(&status.diff);
        if whole {
            head.push(Span::styled(" · shared words in bold", theme.quiet()));
        }
        lines.extend(wrap(&head, width));
        match status.status {
            Status::Missing => {
                lines.extend(wrap(&[Span::styled("not carried", theme.quiet())], width))
            }
            _ if outlet.id == claim.origin => {}
            _ => lines.extend(wrap(
                &diff_spans(status, whole, theme, &app.search.query),
                width,
            )),
        }
        for (reason, change) in status.reasons_with_changes() {
            let reason_style = theme.status_symbol(Status::Differs);
            let indent = "  · ";
            let mut spans = Vec::new();
            if let Some(change) = change {
                spans.push(Span::styled(
                    format!("{} ", change.class.as_str()),
                    theme.class_mark(change.class),
                ));
            }
            spans.push(Span::styled(reason.to_string(), reason_style));
            let wrapped = wrap(&spans, width.saturating_sub(display_width(indent)).max(1));
            for line in wrapped {
                let mut spans = vec![Span::raw(indent)];
                spans.extend(line.spans);
                lines.push(Line::from(spans));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_names_abbreviate_to_their_initials() {
        assert_eq!(abbreviation("The Daily Blaze"), "DB");
        assert_eq!(abbreviation("Clear Sky Daily"), "CSD");
        assert_eq!(abbreviation("GlobeWire"), "Glo");
        assert_eq!(abbreviation("The"), "The");
        assert_eq!(abbreviation(""), "");
    }
}
