//! The reading-order properties of side-by-side rows, shared by the tests that check them.

use parallax::model::{Comparison, ParagraphGroup};

/// The side-by-side rows read in order: the reference's paragraphs in order; every outlet's
/// in its own order outside the rows that flag it moved; no row joining paragraphs of one
/// outlet that are not adjacent; where an outlet carries a row's claims, something of it in
/// that row, or those passages in rows that flag it moved or whose claims they carry too, or
/// carry them only weakly.
pub fn assert_reading_order(comparison: &Comparison) {
    let groups = &comparison.paragraphs;
    let reference = &comparison.reference;
    let reference_order: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.cells[reference].clone())
        .collect();
    assert!(
        reference_order.is_sorted(),
        "reference out of order: {reference_order:?}"
    );
    for outlet in &comparison.outlets {
        for group in groups {
            let cell = &group.cells[&outlet.id];
            assert!(
                cell.windows(2).all(|w| w[1] == w[0] + 1),
                "{} joins paragraphs that are not adjacent: {cell:?}",
                outlet.id
            );
        }
        let in_place: Vec<usize> = groups
            .iter()
            .filter(|g| !g.moved.contains(&outlet.id))
            .flat_map(|g| g.cells[&outlet.id].clone())
            .collect();
        assert!(
            in_place.is_sorted(),
            "{} out of its own order: {in_place:?}",
            outlet.id
        );
    }
    // Where an outlet carries a row's claims, it has something in that row, or each passage
    // that carries them stands in a row that flags it moved or whose claims it carries too (a
    // paragraph stands in one row only), or carries them only weakly (every match below
    // `claim_match`: a weak match says too little to move a paragraph, and the empty cell says
    // where the passage is).
    for outlet in &comparison.outlets {
        let rows = comparison.row_carriers(&outlet.id);
        for (g, group) in groups.iter().enumerate() {
            let carriers = rows.carriers(g);
            let accounted = carriers.iter().all(|&p| {
                rows.row_of(p).is_some_and(|h| {
                    groups[h].moved.contains(&outlet.id) || rows.carriers(h).contains(&p)
                }) || carries_weakly(comparison, g, &outlet.id, p)
            });
            assert!(
                carriers.is_empty() || !group.cells[&outlet.id].is_empty() || accounted,
                "row {g}: {} carries its claims in {carriers:?} but has nothing beside it: {}",
                outlet.id,
                rows_text(groups)
            );
        }
    }
}

/// Whether every reference claim of row `row` that `outlet` carries in its paragraph `paragraph`
/// is carried with a similarity below `claim_match`.
fn carries_weakly(comparison: &Comparison, row: usize, outlet: &str, paragraph: usize) -> bool {
    let reference = &comparison.reference;
    let in_row = &comparison.paragraphs[row].cells[reference];
    comparison
        .claims
        .iter()
        .filter(|c| &c.origin == reference)
        .filter(|c| {
            c.statuses[reference]
                .spans
                .first()
                .is_some_and(|s| in_row.contains(&s.paragraph))
        })
        .filter_map(|c| c.statuses.get(outlet))
        .filter(|s| s.spans.iter().any(|span| span.paragraph == paragraph))
        .all(|s| s.similarity < comparison.settings.claim_match)
}

/// The rows, one a line, for failure messages.
fn rows_text(groups: &[ParagraphGroup]) -> String {
    groups
        .iter()
        .map(|g| format!("\n{:?} moved {:?}", g.cells, g.moved))
        .collect()
}
