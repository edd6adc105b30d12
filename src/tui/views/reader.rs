//! The reader: the focused outlet's article whole (headline, byline, date, URL, headings and
//! paragraphs) at a comfortable width, with its claims marked as in the side-by-side view.

use ratatui::text::{Line, Span};

use crate::model::Block;
use crate::tui::app::App;
use crate::tui::layout::wrap;

use super::marked_text::{MarkContext, paragraph_spans};

/// Widest line of text the reader draws; wider screens get a margin.
const MEASURE: usize = 100;

/// The reader's wrapped lines, and where each paragraph starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReaderDoc {
    /// The lines.
    pub lines: Vec<Line<'static>>,
    /// (paragraph index, first line) of each paragraph.
    pub paragraph_tops: Vec<(usize, usize)>,
}

/// Lays out the focused article for a body `width` cells wide.
pub fn document(app: &App, width: u16) -> ReaderDoc {
    let Some(comparison) = &app.comparison else {
        return ReaderDoc::default();
    };
    let Some(outlet) = comparison.outlets.get(app.focus) else {
        return ReaderDoc::default();
    };
    let theme = app.theme;
    let text_width = (width as usize).saturating_sub(2).clamp(1, MEASURE);
    let margin = " ".repeat(((width as usize).saturating_sub(text_width) / 2).min(8));
    let mut doc = ReaderDoc::default();
    let push = |doc: &mut ReaderDoc, lines: Vec<Line<'static>>| {
        for line in lines {
            let mut spans = vec![Span::raw(margin.clone())];
            spans.extend(line.spans);
            doc.lines.push(Line::from(spans));
        }
    };
    let role = if outlet.id == comparison.reference {
        " · reference"
    } else {
        ""
    };
    push(
        &mut doc,
        wrap(
            &[Span::styled(
                format!("{}{role}", outlet.name),
                theme.quiet(),
            )],
            text_width,
        ),
    );
    let title = if outlet.title.is_empty() {
        "(no headline)"
    } else {
        outlet.title.as_str()
    };
    push(
        &mut doc,
        wrap(
            &[Span::styled(title.to_string(), theme.heading())],
            text_width,
        ),
    );
    let mut meta = Vec::new();
    if let Some(byline) = &outlet.byline {
        meta.push(format!("By {byline}"));
    }
    if let Some(published) = &outlet.published {
        meta.push(published.clone());
    }
    meta.push(outlet.url.clone());
    push(
        &mut doc,
        wrap(&[Span::styled(meta.join(" · "), theme.quiet())], text_width),
    );
    let ctx = MarkContext {
        comparison,
        index: &app.index,
        theme,
        focus: app.focus,
        query: &app.search.query,
    };
    for p in 0..outlet.paragraphs.len() {
        for block in outlet.blocks_at(p) {
            doc.lines.push(Line::default());
            match block {
                Block::Heading(heading) => push(
                    &mut doc,
                    wrap(&[Span::styled(heading, theme.heading())], text_width),
                ),
                Block::Paragraph(_) => {
                    doc.paragraph_tops.push((p, doc.lines.len()));
                    push(
                        &mut doc,
                        wrap(&paragraph_spans(&ctx, app.focus, p), text_width),
                    );
                }
            }
        }
    }
    doc
}
