//! "Carried" means one thing wherever parallax says it: the share of the reference's claims an
//! outlet carries unchanged or changed. The terminal summary, the Markdown handout and the HTML
//! report give the same figure for every outlet of the demo story, with its parts beside it
//! (the summary once counted only the unchanged claims).

mod tui_common;

use parallax::report::summary::OutletTally;
use parallax::report::{Format, render};
use tui_common::{demo_app, type_keys};

#[test]
fn every_view_gives_the_same_carried_share_with_its_parts() {
    let mut app = demo_app(200, 50, false);
    type_keys(&mut app, "3");
    let summary: Vec<String> = parallax::tui::views::summary::document(&app, 200)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let comparison = app.comparison.clone().unwrap();
    let markdown = String::from_utf8(render(&comparison, Format::Md).unwrap()).unwrap();
    let html = String::from_utf8(render(&comparison, Format::Html).unwrap()).unwrap();
    for outlet in comparison.outlets.iter().skip(1) {
        let tally = OutletTally::of(&comparison, &outlet.id);
        assert!(tally.differs > 0, "{} changes something", outlet.id);
        let text = tally.carried_text();
        assert!(
            summary.iter().any(
                |l| l.starts_with(outlet.name.get(..9).unwrap_or(&outlet.name))
                    && l.contains(&text)
            ),
            "summary of {}: {text}\n{summary:#?}",
            outlet.id
        );
        let row = markdown
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", outlet.id)))
            .unwrap();
        let cells: Vec<&str> = row.split(" | ").collect();
        assert_eq!(
            cells[5..8],
            [
                format!("{:.0}%", tally.coverage() * 100.0),
                tally.appears.to_string(),
                tally.differs.to_string()
            ],
            "{row}"
        );
        assert!(html.contains(&text), "html of {}: {text}", outlet.id);
    }
    assert!(markdown.contains("| carried (= + ~) |"));
}
