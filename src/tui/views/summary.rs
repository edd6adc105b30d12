//! The summary: per outlet, the share of the reference's claims it carries, changes and leaves
//! out as a stacked bar with the figures beside it; a coverage strip (one cell per reference
//! claim, in order) showing where in the story each outlet diverges; then per outlet every
//! changed number, date and quote with both wordings, the claims only it has, and where and when
//! its article was fetched. Built as a scrollable document of wrapped lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::{ChangeClass, ChangeKind, ClaimStatus, Comparison, OutletEntry, Status};
use crate::report::summary::OutletTally;
use crate::tui::app::App;
use crate::tui::layout::{display_width, fit, wrap};
use crate::tui::theme::Theme;

/// Cells of the outlet-name column.
const NAME_WIDTH: usize = 18;

/// The reference's claims: those whose reference status is not missing.
fn is_reference_claim(comparison: &Comparison, claim: usize) -> bool {
    comparison.claims[claim]
        .statuses
        .get(&comparison.reference)
        .is_some_and(|s| s.status != Status::Missing)
}

/// A stacked bar of `width` cells: unchanged █, changed ▒, missing ░ (readable without colour).
fn stacked_bar(shares: &OutletTally, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let total = shares.reference_claims.max(1);
    let cells = |n: usize| (n * width + total / 2) / total;
    let appears = cells(shares.appears);
    let differs = cells(shares.differs).min(width - appears.min(width));
    let missing = width.saturating_sub(appears + differs);
    let missing = if shares.missing == 0 { 0 } else { missing };
    let style = |s| {
        theme
            .status_color(s)
            .map_or(Style::new(), |c| Style::new().fg(c))
    };
    vec![
        Span::styled("█".repeat(appears), style(Status::Appears)),
        Span::styled("▒".repeat(differs), style(Status::Differs)),
        Span::styled("░".repeat(missing), style(Status::Missing)),
    ]
}

fn name_cell(name: &str) -> Span<'static> {
    let name = fit(name, NAME_WIDTH - 1);
    let pad = NAME_WIDTH.saturating_sub(display_width(name.as_str()));
    Span::raw(format!("{name}{}", " ".repeat(pad)))
}

/// The summary's lines, wrapped to `width`.
pub fn document(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(comparison) = &app.comparison else {
        return Vec::new();
    };
    let width = (width as usize).max(1);
    let theme = app.theme;
    let heading = |text: &str| Line::styled(fit(text, width), theme.heading());
    let mut lines = Vec::new();
    let reference_name = comparison
        .outlet(&comparison.reference)
        .map_or(comparison.reference.as_str(), |o| o.name.as_str());
    let reference_claims: Vec<usize> = (0..comparison.claims.len())
        .filter(|&c| is_reference_claim(comparison, c))
        .collect();
    lines.extend(wrap(
        &[Span::styled(app.story_title.clone(), theme.heading())],
        width,
    ));
    lines.extend(wrap(
        &[Span::styled(
            format!(
                "reference: {reference_name} · {} claims in the reference · {} outlets",
                reference_claims.len(),
                comparison.outlets.len()
            ),
            theme.quiet(),
        )],
        width,
    ));
    lines.push(Line::default());
    lines.push(heading(
        "Share of the reference's claims carried: █ unchanged (=) ▒ changed (~) ░ missing",
    ));
    let figures_width = 50;
    let bar_width = width
        .saturating_sub(NAME_WIDTH + figures_width)
        .clamp(4, 60);
    for outlet in comparison
        .outlets
        .iter()
        .filter(|o| o.id != comparison.reference)
    {
        let tally = OutletTally::of(comparison, &outlet.id);
        let mut spans = vec![name_cell(&outlet.name)];
        spans.extend(stacked_bar(&tally, bar_width, theme));
        spans.push(Span::raw(format!(
            " {} · {} ∅ · {} + added",
            tally.carried_text(),
            tally.missing,
            tally.added
        )));
        lines.extend(wrap(&spans, width));
    }
    headlines(comparison, width, &mut lines, theme);
    lines.push(Line::default());
    lines.push(heading("Coverage, one cell per reference claim in order"));
    let strip_width = width.saturating_sub(NAME_WIDTH).max(1);
    for outlet in &comparison.outlets {
        let cells: Vec<Span<'static>> = reference_claims
            .iter()
            .map(|&c| {
                let status = comparison.claims[c]
                    .statuses
                    .get(&outlet.id)
                    .map_or(Status::Missing, |s| s.status);
                Span::styled(status.symbol(), theme.status_symbol(status))
            })
            .collect();
        for (i, chunk) in cells.chunks(strip_width).enumerate() {
            let mut spans = vec![if i == 0 {
                name_cell(&outlet.name)
            } else {
                Span::raw(" ".repeat(NAME_WIDTH))
            }];
            spans.extend(chunk.iter().cloned());
            lines.push(Line::from(spans));
        }
    }
    for outlet in comparison.outlets.iter() {
        lines.push(Line::default());
        let role = if outlet.id == comparison.reference {
            " (reference)"
        } else {
            ""
        };
        lines.push(heading(&format!("── {}{role} ──", outlet.name)));
        let mut facts = vec![format!("URL: {}", outlet.url)];
        if let Some(published) = &outlet.published {
            facts.push(format!("published: {published}"));
        }
        facts.push(format!(
            "fetched: {}",
            outlet.fetched_at.as_deref().unwrap_or("local file")
        ));
        for fact in facts {
            lines.extend(wrap(&[Span::styled(fact, theme.quiet())], width));
        }
        class_counts(comparison, outlet, width, &mut lines, theme);
        changed_facts(app, comparison, outlet, width, &mut lines);
        let added: Vec<&str> = comparison
            .claims
            .iter()
            .filter_map(|claim| claim.statuses.get(&outlet.id))
            .filter(|s| s.status == Status::Added)
            .filter_map(|s| s.text.as_deref())
            .collect();
        if !added.is_empty() {
            lines.push(Line::styled(
                fit(&format!("Claims only it has ({}):", added.len()), width),
                theme.heading(),
            ));
            for text in added {
                lines.extend(wrap(
                    &[
                        Span::styled("+ ", theme.status_symbol(Status::Added)),
                        Span::raw(text.to_string()),
                    ],
                    width,
                ));
            }
        }
    }
    if !comparison.failures.is_empty() {
        lines.push(Line::default());
        lines.push(heading("Could not be compared"));
        for failure in &comparison.failures {
            lines.extend(wrap(
                &[Span::styled(
                    format!("✗ {} ({}): {}", failure.id, failure.url, failure.error),
                    theme.error(),
                )],
                width,
            ));
        }
    }
    lines
}

/// How many of an outlet's changed claims are conflicts, framing and details (each claim
/// counted by its strongest change), when it changed any.
fn class_counts(
    comparison: &Comparison,
    outlet: &OutletEntry,
    width: usize,
    lines: &mut Vec<Line<'static>>,
    theme: Theme,
) {
    let classes: Vec<ChangeClass> = comparison
        .claims
        .iter()
        .filter_map(|claim| claim.statuses.get(&outlet.id)?.class)
        .collect();
    if classes.is_empty() {
        return;
    }
    let mut spans = vec![Span::styled("changed claims: ", theme.quiet())];
    for class in ChangeClass::ALL {
        let count = classes.iter().filter(|c| **c == class).count();
        spans.push(Span::styled(
            format!("{} {count} {}  ", class.symbol(), class.as_str()),
            theme.class_mark(class),
        ));
    }
    lines.extend(wrap(&spans, width));
}

/// Every changed number, date and quote of an outlet, with the reason and both wordings.
fn changed_facts(
    app: &App,
    comparison: &Comparison,
    outlet: &OutletEntry,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let theme = app.theme;
    let mut listed = false;
    for claim in &comparison.claims {
        let Some(status) = claim.statuses.get(&outlet.id) else {
            continue;
        };
        let wanted: Vec<_> = status
            .changes
            .iter()
            .filter(|c| {
                matches!(
                    c.kind,
                    ChangeKind::Number | ChangeKind::Date | ChangeKind::Quote
                )
            })
            .filter(|c| app.kind_filter.is_none_or(|k| k.keeps(c)))
            .collect();
        if wanted.is_empty() {
            continue;
        }
        if !listed {
            lines.push(Line::styled(
                fit("Changed numbers, dates and quotes:", width),
                theme.heading(),
            ));
            listed = true;
        }
        for change in wanted {
            lines.extend(wrap(
                &[
                    Span::styled("~ ", theme.status_symbol(Status::Differs)),
                    Span::styled(format!("{} ", claim.id), theme.quiet()),
                    Span::styled(change.reason.clone(), theme.status_symbol(Status::Differs)),
                ],
                width,
            ));
        }
        let origin = comparison
            .outlet(&claim.origin)
            .map_or("origin", |o| o.name.as_str());
        lines.extend(wrap(
            &[Span::styled(
                format!("    {origin}: {}", quoted(&claim.text)),
                theme.quiet(),
            )],
            width,
        ));
        if let Some(text) = &status.text {
            lines.extend(wrap(
                &[Span::raw(format!("    {}: {}", outlet.name, quoted(text)))],
                width,
            ));
        }
    }
}

/// `text` between quotation marks, unless it is a quotation already (a quote claim keeps its
/// own marks rather than doubling them).
fn quoted(text: &str) -> String {
    let opens = ['“', '"', '‘', '«', '„'];
    let closes = ['”', '"', '’', '»', '“'];
    if text.starts_with(opens) && text.trim_end().ends_with(closes) {
        text.to_string()
    } else {
        format!("“{text}”")
    }
}

/// Each outlet's headline after its status (`=`/`~` carrying the reference's headline, `+` its
/// own), the reference's first, when the articles have headlines.
fn headlines(comparison: &Comparison, width: usize, lines: &mut Vec<Line<'static>>, theme: Theme) {
    let shown: Vec<(&OutletEntry, &ClaimStatus)> = comparison
        .outlets
        .iter()
        .filter_map(|o| Some((o, comparison.headline_status(&o.id)?.1)))
        .collect();
    if shown.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::styled(fit("Headlines", width), theme.heading()));
    for (outlet, status) in shown {
        let spans = [
            name_cell(&outlet.name),
            Span::styled(
                format!("{} ", status.status.symbol()),
                theme.status_symbol(status.status),
            ),
            Span::raw(outlet.title.clone()),
        ];
        lines.extend(wrap(&spans, width));
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn a_quotation_keeps_its_own_marks() {
        assert_eq!(quoted("It rose."), "“It rose.”");
        assert_eq!(
            quoted("“The association’s central task is it.”"),
            "“The association’s central task is it.”"
        );
        assert_eq!(quoted("“Yes,” she said."), "““Yes,” she said.”");
    }
}
