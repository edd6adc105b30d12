//! The demo story's side-by-side rows read in order whichever outlet is the reference, and open
//! on the reference's first paragraph beside every outlet's telling of it (the first screen
//! once showed a row of asides where the reference read "not carried").

mod reading_order;
mod tui_common;

use parallax::model::Comparison;
use parallax::pipeline;
use reading_order::assert_reading_order;
use tui_common::demo_loaded;

fn demo_against(reference: &str) -> Comparison {
    let (config, loaded) = demo_loaded();
    pipeline::compare_loaded(&config, loaded, reference)
}

/// The row holding the reference's first paragraph, as (outlet, paragraphs).
fn opening_row(comparison: &Comparison) -> Vec<(String, Vec<usize>)> {
    let row = comparison
        .paragraphs
        .iter()
        .find(|g| g.cells[&comparison.reference].contains(&0))
        .expect("the reference's first paragraph has a row");
    row.cells
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn every_reference_reads_in_order() {
    let ids: Vec<String> = demo_against("meridian")
        .outlets
        .iter()
        .map(|o| o.id.clone())
        .collect();
    for id in ids {
        let comparison = demo_against(&id);
        assert_eq!(comparison.reference, id);
        assert_reading_order(&comparison);
    }
}

#[test]
fn the_opening_paragraphs_stand_level() {
    let comparison = demo_against("meridian");
    let opening = opening_row(&comparison);
    let cell = |id: &str| opening.iter().find(|(k, _)| k == id).unwrap().1.clone();
    assert_eq!(cell("clearsky"), [0]);
    // GlobeWire splits the opening around an aside of its own: all three stand beside it.
    assert_eq!(cell("globewire"), [0, 1, 2]);
    // The Daily Blaze tells the opening in its first and third paragraphs; between them stands
    // a passage of the reference's eleventh paragraph (moved), so all three stand here.
    assert_eq!(cell("dailyblaze"), [0, 1, 2]);
    assert_eq!(comparison.paragraphs[0].moved, ["dailyblaze"]);
    assert!(
        comparison.paragraphs[0].cells["meridian"].contains(&0),
        "the first row is the reference's opening"
    );

    let comparison = demo_against("globewire");
    let opening = opening_row(&comparison);
    let cell = |id: &str| opening.iter().find(|(k, _)| k == id).unwrap().1.clone();
    assert_eq!(cell("globewire"), [0, 1, 2]);
    assert_eq!(cell("meridian"), [0]);
    assert_eq!(cell("clearsky"), [0]);
}
