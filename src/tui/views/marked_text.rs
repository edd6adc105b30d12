//! One paragraph of one outlet as styled text with its claims marked: the words reworded from
//! the origin wording (from the claim's word diff, mapped onto the paragraph through the claim's
//! spans) quietly, the changed facts of a `differs` claim strongly, sentences only this outlet
//! carries (`+`), passages out of the reference's order (`↕¶n`, n being where the claim sits in
//! the reference), and search matches. In the reference's own column the marks follow the
//! focused outlet, as in a two-way diff: the words it changed, the sentences it leaves out
//! (`∅`, crossed out).

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

use crate::model::{ClaimStatus, Comparison, DiffOp, Status};
use crate::tui::index::ComparisonIndex;
use crate::tui::search::find_matches;
use crate::tui::theme::{MOVED_SYMBOL, Theme};

/// What marking a paragraph needs to know.
#[derive(Debug, Clone, Copy)]
pub struct MarkContext<'a> {
    /// The comparison.
    pub comparison: &'a Comparison,
    /// Its lookups.
    pub index: &'a ComparisonIndex,
    /// Styles.
    pub theme: Theme,
    /// The focused outlet, whose differences the reference's column shows.
    pub focus: usize,
    /// The search query (empty: none).
    pub query: &'a str,
}

/// Finds the pieces of a word diff inside `region` of `text`, in order, and returns the byte
/// ranges of the pieces whose op is `highlight`; pieces of the op `skip` belong to the other
/// side and are passed over. A piece that cannot be found is skipped, so a diff computed over
/// slightly different whitespace still lands on the right words.
fn locate_diff(
    text: &str,
    region: &Range<usize>,
    status: &ClaimStatus,
    highlight: DiffOp,
    skip: DiffOp,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut cursor = region.start;
    for piece in &status.diff {
        if piece.op == skip {
            continue;
        }
        let word = piece.text.trim();
        if word.is_empty() || cursor > region.end {
            continue;
        }
        if let Some(at) = text[cursor..region.end].find(word) {
            let start = cursor + at;
            if piece.op == highlight {
                found.push(start..start + word.len());
            }
            cursor = start + word.len();
        }
    }
    found
}

/// Finds fact wordings (`from` on the origin side, `to` on the outlet's) inside `region`.
fn locate_facts(
    text: &str,
    region: &Range<usize>,
    status: &ClaimStatus,
    origin_side: bool,
) -> Vec<Range<usize>> {
    let slice = &text[region.clone()];
    status
        .changes
        .iter()
        .filter_map(|c| {
            if origin_side {
                c.from.as_deref()
            } else {
                c.to.as_deref()
            }
        })
        .flat_map(|fact| find_matches(slice, fact.trim()))
        .map(|r| region.start + r.start..region.start + r.end)
        .collect()
}

/// The word marks of one claim's sentence in `region`: every reworded word (from the word
/// diff) quietly, and for a `differs` claim the changed facts strongly (`strong`); when the facts
/// cannot be located the reworded words take the strong style, and when nothing can be located
/// the whole sentence is marked as differing. `origin_side` marks the origin's words (the
/// diff's deletions) instead of the outlet's (its insertions).
fn word_marks(
    text: &str,
    region: &Range<usize>,
    status: &ClaimStatus,
    origin_side: bool,
    strong: Style,
    theme: Theme,
) -> Vec<(Range<usize>, Style, u8)> {
    let (highlight, skip) = if origin_side {
        (DiffOp::Delete, DiffOp::Insert)
    } else {
        (DiffOp::Insert, DiffOp::Delete)
    };
    let reworded = locate_diff(text, region, status, highlight, skip);
    let mut marks: Vec<(Range<usize>, Style, u8)> = reworded
        .iter()
        .map(|r| (r.clone(), theme.reworded_words(), 1))
        .collect();
    if status.status == Status::Differs {
        let mut facts = locate_facts(text, region, status, origin_side);
        if facts.is_empty() {
            facts = reworded;
        }
        if facts.is_empty() {
            marks.push((region.clone(), theme.differing_sentence(), 0));
        }
        marks.extend(facts.into_iter().map(|r| (r, strong, 2)));
    }
    marks
}

/// The styled spans of paragraph `paragraph` of outlet `outlet` (indexes into the comparison).
pub fn paragraph_spans(
    ctx: &MarkContext<'_>,
    outlet: usize,
    paragraph: usize,
) -> Vec<Span<'static>> {
    paragraph_spans_until(ctx, outlet, paragraph, usize::MAX)
}

/// [`paragraph_spans`] of the paragraph's first `end` bytes only (its marks included), which
/// wrap into the same lines as the start of the whole paragraph: where a claim starts on screen.
pub fn paragraph_spans_until(
    ctx: &MarkContext<'_>,
    outlet: usize,
    paragraph: usize,
    end: usize,
) -> Vec<Span<'static>> {
    let comparison = ctx.comparison;
    let Some(entry) = comparison.outlets.get(outlet) else {
        return Vec::new();
    };
    let Some(text) = entry.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let theme = ctx.theme;
    let is_reference = entry.id == comparison.reference;
    let focused = comparison
        .outlets
        .get(ctx.focus)
        .filter(|o| o.id != comparison.reference);
    // (range, style, layer): layers apply in order, later ones over earlier ones.
    let mut decorations: Vec<(Range<usize>, Style, u8)> = Vec::new();
    let mut markers: Vec<(usize, Span<'static>)> = Vec::new();
    for placed in ctx.index.claims_in(outlet, paragraph) {
        let Some(claim) = comparison.claims.get(placed.claim) else {
            continue;
        };
        let Some(status) = claim.statuses.get(&entry.id) else {
            continue;
        };
        let range = &placed.range;
        if is_reference {
            let Some(other) = focused.and_then(|f| claim.statuses.get(&f.id)) else {
                continue;
            };
            match other.status {
                Status::Missing if status.status != Status::Missing => {
                    decorations.push((range.clone(), theme.missing_sentence(), 0));
                    markers.push((
                        range.start,
                        Span::styled("∅ ", theme.status_symbol(Status::Missing)),
                    ));
                }
                Status::Differs | Status::Appears => {
                    decorations.extend(word_marks(
                        text,
                        range,
                        other,
                        true,
                        theme.deleted_words(),
                        theme,
                    ));
                }
                _ => {}
            }
            continue;
        }
        match status.status {
            Status::Added => {
                decorations.push((range.clone(), theme.added_sentence(), 0));
                markers.push((
                    range.start,
                    Span::styled("+ ", theme.status_symbol(Status::Added)),
                ));
            }
            Status::Differs | Status::Appears => {
                decorations.extend(word_marks(
                    text,
                    range,
                    status,
                    false,
                    theme.inserted_words(),
                    theme,
                ));
            }
            Status::Missing => {}
        }
        if status.moved {
            let place = claim
                .statuses
                .get(&comparison.reference)
                .and_then(|s| s.spans.first())
                .map(|s| format!("{MOVED_SYMBOL}¶{} ", s.paragraph + 1))
                .unwrap_or_else(|| format!("{MOVED_SYMBOL} "));
            markers.push((range.start, Span::styled(place, theme.moved())));
        }
    }
    for found in find_matches(text, ctx.query) {
        decorations.push((found, theme.search_match(), 3));
    }
    decorations.sort_by_key(|d| d.2);
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    markers.retain(|(at, _)| *at <= end);
    assemble(&text[..end], &decorations, &markers)
}

/// Cuts `text` at every decoration and marker boundary and styles each piece.
fn assemble(
    text: &str,
    decorations: &[(Range<usize>, Style, u8)],
    markers: &[(usize, Span<'static>)],
) -> Vec<Span<'static>> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (range, _, _) in decorations {
        cuts.push(range.start.min(text.len()));
        cuts.push(range.end.min(text.len()));
    }
    cuts.extend(markers.iter().map(|(at, _)| (*at).min(text.len())));
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        spans.extend(
            markers
                .iter()
                .filter(|(at, _)| *at == start)
                .map(|(_, s)| s.clone()),
        );
        let style = decorations
            .iter()
            .filter(|(r, _, _)| r.start <= start && end <= r.end)
            .fold(Style::new(), |acc, (_, s, _)| acc.patch(*s));
        spans.push(Span::styled(text[start..end].to_string(), style));
    }
    spans
}
