//! Shared by the terminal interface's tests: the fixture story (three invented outlets in
//! `tests/fixtures/tui/`), compared by the real pipeline, installed in an [`App`] at a size.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use parallax::config::Config;
use parallax::model::Comparison;
use parallax::pipeline::{self, LoadedStory};
use parallax::tui::app::App;
use parallax::tui::keymap::Keymap;
use parallax::tui::message::Message;
use parallax::tui::theme::Theme;
use parallax::tui::update::update;
use parallax::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The fixture story's `sources.toml`.
pub fn fixture_config_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/sources.toml")
}

/// Reads the fixture story's articles.
pub fn fixture_loaded() -> (Config, LoadedStory) {
    let config = Config::load(&fixture_config_path()).expect("fixture config is valid");
    let story = config.stories[0].clone();
    let options = pipeline::LoadOptions {
        offline: true,
        ..pipeline::LoadOptions::default()
    };
    let mut loaded = pipeline::load_story(&config, &story, &options, &mut |_| {});
    assert!(loaded.failures.is_empty(), "{:?}", loaded.failures);
    // Paths relative to the repository, so that snapshots do not depend on where it lives.
    let root = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    for outlet in &mut loaded.outlets {
        outlet.url = outlet.url.trim_start_matches(&root).to_string();
    }
    (config, loaded)
}

/// The fixture story compared against `reference`.
pub fn fixture_comparison(reference: &str) -> Comparison {
    let (config, loaded) = fixture_loaded();
    pipeline::compare_loaded(&config, loaded, reference)
}

/// The demo story shipped with parallax (`sources.toml` and `cache/` at the repository root),
/// read offline from the cache.
pub fn demo_loaded() -> (Config, LoadedStory) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config =
        Config::load(&root.join("sources.toml")).expect("the shipped sources.toml is valid");
    let story = config
        .story(DEMO_STORY)
        .expect("the demo story is in sources.toml")
        .clone();
    let options = pipeline::LoadOptions {
        cache_dir: root.join("cache"),
        offline: true,
        ..pipeline::LoadOptions::default()
    };
    let loaded = pipeline::load_story(&config, &story, &options, &mut |_| {});
    assert!(
        loaded.failures.is_empty(),
        "the demo story is cached: {:?}",
        loaded.failures
    );
    (config, loaded)
}

/// The demo story's id.
pub const DEMO_STORY: &str = "hebei-tech-transfer";

/// An app showing the demo story at `width` x `height`, as after its first load.
pub fn demo_app(width: u16, height: u16, color: bool) -> App {
    let (config, loaded) = demo_loaded();
    let title = config.story(DEMO_STORY).unwrap().title.clone();
    app_with(config, loaded, DEMO_STORY, &title, width, height, color)
}

/// An app showing the fixture story at `width` x `height`, as after its first load.
pub fn fixture_app(width: u16, height: u16, color: bool) -> App {
    let (config, loaded) = fixture_loaded();
    app_with(
        config,
        loaded,
        "harbor-bridge",
        "Harbor Bridge repairs",
        width,
        height,
        color,
    )
}

fn app_with(
    config: Config,
    loaded: LoadedStory,
    story: &str,
    title: &str,
    width: u16,
    height: u16,
    color: bool,
) -> App {
    let outlets: Vec<String> = loaded.outlets.iter().map(|o| o.id.clone()).collect();
    let mut app = App::new(story, title, &outlets, Theme::new(color), Keymap::default());
    update(&mut app, Message::Resize(width, height));
    let commands = parallax::tui::update::start(&mut app);
    assert_eq!(commands.len(), 1, "the first load is requested");
    let reference = pipeline::choose_reference(
        None,
        config.story(story).and_then(|s| s.reference.as_deref()),
        &loaded.outlets,
    )
    .expect("some article was read");
    let comparison = pipeline::compare_loaded(&config, loaded.clone(), &reference);
    let generation = app.generation;
    update(
        &mut app,
        Message::Compared {
            generation,
            loaded: Arc::new(loaded),
            comparison: Some(Box::new(comparison)),
            partial: false,
        },
    );
    app
}

/// Sends typed keys: each character is a key press; `<Down>`-style names are not parsed.
pub fn type_keys(app: &mut App, keys: &str) -> Vec<parallax::tui::message::Command> {
    keys.chars()
        .flat_map(|c| update(app, key(KeyCode::Char(c))))
        .collect()
}

/// A plain key press.
pub fn key(code: KeyCode) -> Message {
    Message::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A key press with Ctrl held.
pub fn ctrl(c: char) -> Message {
    Message::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Draws the app on a test terminal of its size and returns the buffer.
pub fn draw(app: &App) -> Buffer {
    let backend = TestBackend::new(app.size.0, app.size.1);
    let mut terminal = Terminal::new(backend).expect("test terminal");
    terminal
        .draw(|frame| views::draw(frame, app))
        .expect("drawing never fails");
    terminal.backend().buffer().clone()
}

/// The buffer's text, one string per row.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            // The cell after a wide character is covered by it: skip it, as a terminal shows.
            let mut row = String::new();
            let mut covered = 0;
            for x in 0..area.width {
                if covered > 0 {
                    covered -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                covered = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}

/// (x, y) of the first cell where `text` starts on screen.
pub fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let area = buffer.area;
    for y in 0..area.height {
        let cells: Vec<&str> = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        for x in 0..cells.len() {
            let mut joined = String::new();
            for cell in &cells[x..] {
                joined.push_str(cell);
                if joined.len() >= text.len() {
                    break;
                }
            }
            if joined.starts_with(text) {
                return Some((x as u16, y));
            }
        }
    }
    None
}
