//! The story picker: its entries read from sources.toml and the cache (outlets, fetch dates,
//! cached or not), the cursor starting on the sample story, moving, searching and opening with
//! keys, and its screen as insta snapshots at 80x24 and 160x45.

mod tui_common;

use std::path::Path;

use parallax::config::Config;
use parallax::tui::picker::{Cached, Entry, Picker, PickerOutcome, choices};
use parallax::tui::theme::Theme;
use parallax::tui::views;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use tui_common::rows;

/// The shipped sources.toml with a cache holding only the demo story (as a fresh checkout
/// has it, whatever the developer fetched since).
fn shipped_picker() -> (Picker, tempfile::TempDir) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::load(&root.join("sources.toml")).expect("sources.toml is valid");
    let cache = tempfile::tempdir().unwrap();
    let demo = root.join("cache/hebei-tech-transfer");
    for outlet in std::fs::read_dir(&demo).unwrap() {
        let outlet = outlet.unwrap().path();
        let into = cache
            .path()
            .join("hebei-tech-transfer")
            .join(outlet.file_name().unwrap());
        std::fs::create_dir_all(&into).unwrap();
        for file in std::fs::read_dir(&outlet).unwrap() {
            let file = file.unwrap().path();
            std::fs::copy(&file, into.join(file.file_name().unwrap())).unwrap();
        }
    }
    (Picker::new(choices(&config, cache.path())), cache)
}

fn press(picker: &mut Picker, code: KeyCode) -> PickerOutcome {
    picker.on_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(picker: &mut Picker, text: &str) {
    for c in text.chars() {
        press(picker, KeyCode::Char(c));
    }
}

fn screen(picker: &Picker, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    views::picker::render(picker, Theme::new(true), area, &mut buffer);
    rows(&buffer).join("\n")
}

#[test]
fn entries_tell_outlets_fetch_dates_and_what_is_cached() {
    let (picker, _cache) = shipped_picker();
    let ids: Vec<&str> = picker.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["hebei-tech-transfer", "hebei-live"]);
    let demo = &picker.choices[0];
    assert_eq!(demo.outlets.len(), 5);
    assert_eq!(demo.outlets[0], "The Meridian Ledger");
    assert_eq!(demo.cached, Cached::All);
    assert_eq!(
        demo.fetched,
        Some(("2021-01-10".to_string(), "2021-01-10".to_string()))
    );
    let live = &picker.choices[1];
    assert_eq!(live.cached, Cached::None);
    assert_eq!(live.fetched, None);
}

#[test]
fn the_cursor_starts_on_the_sample_story_whatever_its_place() {
    let (mut picker, _cache) = shipped_picker();
    picker.choices.reverse();
    let picker = Picker::new(picker.choices);
    assert_eq!(picker.selected, 1);
    assert!(matches!(
        picker.selected_entry(),
        Some(Entry::Story(choice)) if choice.id == "hebei-tech-transfer"
    ));
}

#[test]
fn keys_move_search_open_and_quit() {
    let (mut picker, _cache) = shipped_picker();
    assert_eq!(
        press(&mut picker, KeyCode::Enter),
        PickerOutcome::Open("hebei-tech-transfer".into())
    );
    assert_eq!(press(&mut picker, KeyCode::Char('j')), PickerOutcome::Stay);
    assert_eq!(picker.selected, 1);
    press(&mut picker, KeyCode::Down);
    assert_eq!(picker.selected, 1, "the cursor stops at the last entry");
    press(&mut picker, KeyCode::Up);
    assert_eq!(picker.selected, 0);

    // `/` searches ids, titles and outlet names; typed `q` and `j` are text, not keys.
    press(&mut picker, KeyCode::Char('/'));
    type_text(&mut picker, "vision");
    assert!(picker.editing);
    assert_eq!(picker.shown(), [1]);
    press(&mut picker, KeyCode::Enter);
    assert!(!picker.editing);
    assert_eq!(
        press(&mut picker, KeyCode::Enter),
        PickerOutcome::Open("hebei-live".into())
    );
    press(&mut picker, KeyCode::Char('/'));
    type_text(&mut picker, "nothing like it");
    assert!(picker.shown().is_empty());
    press(&mut picker, KeyCode::Enter);
    assert_eq!(press(&mut picker, KeyCode::Enter), PickerOutcome::Stay);
    assert!(screen(&picker, 80, 24).contains("no story matches \"nothing like it\""));
    // Esc clears the search first, then quits.
    assert_eq!(press(&mut picker, KeyCode::Esc), PickerOutcome::Stay);
    assert_eq!(picker.shown(), [0, 1]);
    assert_eq!(press(&mut picker, KeyCode::Esc), PickerOutcome::Quit);
    assert_eq!(press(&mut picker, KeyCode::Char('q')), PickerOutcome::Quit);
}

#[test]
fn the_picker_at_80x24_and_160x45() {
    let (mut picker, _cache) = shipped_picker();
    for (width, height) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(
            format!("picker-{width}x{height}"),
            screen(&picker, width, height)
        );
    }
    press(&mut picker, KeyCode::Char('/'));
    type_text(&mut picker, "live");
    insta::assert_snapshot!("picker-searching-80x24", screen(&picker, 80, 24));
}
