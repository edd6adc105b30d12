//! Sources: who was written from whom. The graph as text, one line per pair of outlets
//! (`meridian → clearsky  wholly  1.00  share 92%  (by credit)`, derivations first), then per
//! pair the evidence that decided it and every item of it that can be cited (verbatim copies,
//! shared particulars, credits) with its places. `j`/`k` select a line of the graph or an item;
//! Enter on a graph line goes to that pair's evidence, on an item to its passage side by side.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::provenance::text::{graph_line, ordered, sentence};
use crate::provenance::{Passage, Relation, RunKind};
use crate::tui::app::App;
use crate::tui::layout::{fit, wrap};

/// What Enter does on an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A graph line: go to the line where the pair's evidence starts.
    Evidence(usize),
    /// An item: show this passage side by side (and where the other outlet has it).
    Passage {
        /// The place to show.
        at: PassagePlace,
        /// The other outlet's place of the same item, if any.
        other: Option<PassagePlace>,
    },
}

/// A passage's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassagePlace {
    /// Outlet id.
    pub outlet: String,
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte range in the paragraph.
    pub start: usize,
    /// See `start`.
    pub end: usize,
}

impl PassagePlace {
    fn of(passage: &Passage) -> PassagePlace {
        PassagePlace {
            outlet: passage.outlet.clone(),
            paragraph: passage.paragraph,
            start: passage.start,
            end: passage.end,
        }
    }
}

/// One selectable entry: the lines it covers and what Enter does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its first line in the document.
    pub first: usize,
    /// Its last line.
    pub last: usize,
    /// What Enter does.
    pub target: Target,
}

/// The view as a document of wrapped lines with its selectable entries.
#[derive(Debug, Clone, Default)]
pub struct SourcesDocument {
    /// The lines, wrapped to the width.
    pub lines: Vec<Line<'static>>,
    /// The selectable entries in order.
    pub entries: Vec<Entry>,
}

/// The item lines of one passage: `  outlet ¶n bytes a-b`.
fn place(passage: &Passage) -> String {
    format!("{} {}", passage.outlet, passage.place())
}

/// Builds the document at `width` columns.
pub fn document(app: &App, width: u16) -> SourcesDocument {
    let mut doc = SourcesDocument::default();
    let Some(comparison) = &app.comparison else {
        return doc;
    };
    let width = (width as usize).max(1);
    let theme = app.theme;
    let provenance = &comparison.provenance;
    let relations = ordered(provenance);
    let heading = |text: &str| Line::styled(fit(text, width), theme.heading());
    doc.lines.push(heading(&format!(
        "Who was written from whom · {} outlets · {} pairs",
        comparison.outlets.len(),
        relations.len()
    )));
    doc.lines.push(Line::styled(
        fit(
            "→ derives from the left outlet · ↔ one derives from the other · · not derived",
            width,
        ),
        theme.quiet(),
    ));
    doc.lines.push(Line::raw(""));
    if relations.is_empty() {
        doc.lines.push(Line::styled(
            fit("one outlet only: no pair to compare", width),
            theme.quiet(),
        ));
        return doc;
    }
    let arrow_width = relations
        .iter()
        .map(|(r, _)| r.arrow().chars().count())
        .max()
        .unwrap_or(0);
    let graph_entries: Vec<usize> = relations
        .iter()
        .map(|(relation, _)| {
            let style = relation_style(app, relation);
            let line = doc.lines.len();
            doc.lines.push(Line::styled(
                fit(&format!("  {}", graph_line(relation, arrow_width)), width),
                style,
            ));
            doc.entries.push(Entry {
                first: line,
                last: line,
                target: Target::Evidence(0),
            });
            doc.entries.len() - 1
        })
        .collect();
    for (k, (relation, pair)) in relations.iter().enumerate() {
        doc.lines.push(Line::raw(""));
        let start = doc.lines.len();
        doc.entries[graph_entries[k]].target = Target::Evidence(start);
        doc.lines.extend(wrap(
            &[Span::styled(sentence(relation), theme.heading())],
            width,
        ));
        for evidence in &relation.evidence {
            doc.lines
                .extend(hanging(vec![Span::raw(evidence.clone())], "  - ", 4, width));
        }
        let Some(pair) = pair else { continue };
        let mut item = |label: String, a: &Passage, b: Option<&Passage>, text: Vec<String>| {
            let first = doc.lines.len();
            let places = match b {
                Some(b) => format!("{} · {}", place(a), place(b)),
                None => place(a),
            };
            doc.lines.extend(hanging(
                vec![
                    Span::styled(label, theme.heading()),
                    Span::styled(format!("  {places}"), theme.quiet()),
                ],
                "  ▸ ",
                4,
                width,
            ));
            for line in text {
                doc.lines
                    .extend(hanging(vec![Span::raw(line)], "      ", 6, width));
            }
            doc.entries.push(Entry {
                first,
                last: doc.lines.len() - 1,
                target: Target::Passage {
                    at: PassagePlace::of(b.unwrap_or(a)),
                    other: b.map(|_| PassagePlace::of(a)),
                },
            });
        };
        for run in pair.verbatim.iter().filter(|r| r.kind == RunKind::Copy) {
            item(
                format!("verbatim, {} words", run.words),
                &run.a,
                Some(&run.b),
                vec![format!("“{}”", run.b.text)],
            );
        }
        for particular in &pair.particulars {
            let texts = if particular.a.text == particular.b.text {
                vec![format!("“{}”", particular.a.text)]
            } else {
                vec![
                    format!("{}: “{}”", particular.a.outlet, particular.a.text),
                    format!("{}: “{}”", particular.b.outlet, particular.b.text),
                ]
            };
            item(
                particular.what.clone(),
                &particular.a,
                Some(&particular.b),
                texts,
            );
        }
        for credit in &pair.credits {
            let label = if credit.explicit {
                format!("{} credits {} ({})", credit.by, credit.name, credit.cue)
            } else {
                format!("{} names {}", credit.by, credit.name)
            };
            item(
                label,
                &credit.passage,
                None,
                vec![format!("“{}”", credit.passage.text)],
            );
        }
    }
    doc
}

/// Wraps `spans` after a first-line lead (`  - `), continuation lines indented by `indent`.
fn hanging(
    spans: Vec<Span<'static>>,
    lead: &str,
    indent: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(indent).max(8);
    let mut out = Vec::new();
    for (k, mut line) in wrap(&spans, room).into_iter().enumerate() {
        let prefix = if k == 0 {
            lead.to_string()
        } else {
            " ".repeat(indent)
        };
        line.spans.insert(0, Span::raw(prefix));
        out.push(line);
    }
    out
}

/// A graph line's style: derivations stand out, independence is quiet.
fn relation_style(app: &App, relation: &Relation) -> Style {
    if relation.class.is_derived() && relation.via.is_none() {
        app.theme.heading()
    } else if relation.class == crate::provenance::DerivationClass::Undetermined {
        Style::new()
    } else {
        app.theme.quiet()
    }
}

/// Draws the view: the document from its scroll, the selected entry highlighted.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let doc = document(app, area.width);
    let selected = doc.entries.get(app.sources.selected);
    for (dy, (index, line)) in doc
        .lines
        .iter()
        .enumerate()
        .skip(app.sources.scroll)
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + dy as u16;
        let chosen = selected.is_some_and(|e| e.first <= index && index <= e.last);
        if chosen {
            buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.selected());
        }
        buf.set_line(area.x, y, line, area.width);
        if chosen {
            buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.selected());
        }
    }
}
