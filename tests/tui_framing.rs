//! The Framing view (`6`): its rows are selected with the scroll keys, and `Enter` opens the
//! selected row's passage in the reader, on its outlet and at its paragraph.

mod tui_common;

use parallax::tui::app::View;
use tui_common::*;

#[test]
fn enter_opens_the_selected_word_choice_in_its_outlet() {
    let mut app = demo_app(120, 40, false);
    type_keys(&mut app, "6");
    assert_eq!(app.view, View::Framing);
    let rows = &app.framing.tables[0].rows;
    let wanted = rows
        .iter()
        .position(|r| r.cells[0] == "dailyblaze" && r.cells[2] == "Secret")
        .expect("dailyblaze puts Secret for Internal");
    type_keys(&mut app, &"j".repeat(wanted));
    let screen = rows_text(&app);
    assert!(screen.contains("dailyblaze"), "{screen}");
    parallax::tui::update::update(&mut app, key(ratatui::crossterm::event::KeyCode::Enter));
    assert_eq!(app.view, View::Reader);
    let outlet = &app.comparison.as_ref().unwrap().outlets[app.focus];
    assert_eq!(outlet.id, "dailyblaze");
    let screen = rows_text(&app);
    assert!(screen.contains("Secret documents"), "{screen}");
}

#[test]
fn the_selection_stays_on_screen_past_the_first_table() {
    let mut app = demo_app(120, 24, false);
    type_keys(&mut app, "6G");
    let count = app.framing.row_count();
    assert_eq!(app.framing.selected, count - 1);
    let last = app.framing.tables.last().unwrap().rows.last().unwrap();
    let screen = rows_text(&app);
    assert!(screen.contains(&last.cells[0]), "{screen}");
    type_keys(&mut app, "g");
    assert_eq!((app.framing.selected, app.framing.scroll), (0, 0));
}

fn rows_text(app: &parallax::tui::app::App) -> String {
    rows(&draw(app)).join("\n")
}

#[test]
fn the_lens_is_read_when_its_view_is_first_opened_and_again_for_a_new_comparison() {
    let mut app = demo_app(120, 40, false);
    assert!(
        app.framing.tables.is_empty(),
        "not read before the view opens"
    );
    type_keys(&mut app, "6");
    assert!(!app.framing.tables.is_empty());
    let revision = app.framing.read_for;
    let comparison = app.comparison.clone().unwrap();
    app.set_comparison(comparison);
    assert!(
        app.framing.tables.is_empty(),
        "a new comparison drops the old lens"
    );
    type_keys(&mut app, "j");
    assert_ne!(
        app.framing.read_for, revision,
        "and the open view reads it again"
    );
    assert!(!app.framing.tables.is_empty());
}
