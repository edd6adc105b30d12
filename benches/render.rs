//! Render benchmark of the terminal interface (`cargo bench --bench render`):
//!
//! 1. time to first frame: opening the cached demo story (config, articles from the cache,
//!    comparison, layout, first draw at 200x50), as `parallax` does before its first paint;
//! 2. frames while scrolling the side-by-side view at 200x50 with 6 outlets: per-frame time
//!    (key → update → draw) into ratatui's test backend and through the crossterm backend into
//!    a sink (escape sequences encoded, no terminal), with frames per second.
//!
//! 3. time to first frame of `diff A B --tui` on two ~5 MB generated text files (set
//!    `PARALLAX_BENCH_BIG_MB` for another size), beside what the CLI (`diff A B`) does for the
//!    same input: reading and comparing are shared, then the CLI renders Markdown while the
//!    interface installs the comparison (index, side-by-side layout) and draws; the framing
//!    tables are read when the Framing view is first opened, timed apart.
//!
//! Aims (issue 6): first frame under 100 ms, a frame under 5 ms; (issue 12) the big input's
//! first frame costs no more than the CLI.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parallax::config::Config;
use parallax::extract::article_from_text;
use parallax::model::EngineSettings;
use parallax::pipeline::{self, LoadOptions, LoadedStory};
use parallax::report::{self, Format};
use parallax::tui::app::App;
use parallax::tui::index::ComparisonIndex;
use parallax::tui::keymap::Keymap;
use parallax::tui::message::Message;
use parallax::tui::theme::Theme;
use parallax::tui::update::{start, update};
use parallax::tui::views;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;
const FRAMES: usize = 600;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Opens the first story of the shipped sources.toml from the cache, as `parallax` does.
fn open_demo() -> (Config, LoadedStory, String) {
    let config = Config::load(&root().join("sources.toml")).expect("sources.toml is valid");
    let story = config.stories[0].clone();
    let options = LoadOptions {
        cache_dir: root().join("cache"),
        offline: true,
        ..LoadOptions::default()
    };
    let loaded = pipeline::load_story(&config, &story, &options, &mut |_| {});
    let reference = pipeline::choose_reference(None, story.reference.as_deref(), &loaded.outlets)
        .expect("the demo story is cached");
    (config, loaded, reference)
}

fn app_for(config: &Config, loaded: LoadedStory, reference: &str) -> App {
    let ids: Vec<String> = loaded.outlets.iter().map(|o| o.id.clone()).collect();
    let mut app = App::new(
        &loaded.story,
        "demo",
        &ids,
        Theme::new(true),
        Keymap::default(),
    );
    update(&mut app, Message::Resize(WIDTH, HEIGHT));
    start(&mut app);
    let comparison = pipeline::compare_loaded(config, loaded.clone(), reference);
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

fn first_frame() {
    let started = Instant::now();
    let (config, loaded, reference) = open_demo();
    let loaded_at = started.elapsed();
    let app = app_for(&config, loaded, &reference);
    let compared_at = started.elapsed();
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    terminal.draw(|f| views::draw(f, &app)).expect("draw");
    let drawn_at = started.elapsed();
    println!(
        "first frame of the cached demo story at {WIDTH}x{HEIGHT}: {:.1} ms \
         (read+extract {:.1} ms, compare+layout {:.1} ms, draw {:.1} ms)",
        ms(drawn_at),
        ms(loaded_at),
        ms(compared_at - loaded_at),
        ms(drawn_at - compared_at)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The demo story with a sixth outlet (a copy of the second with its paragraphs reversed), so
/// that six columns are shown.
fn six_outlets() -> App {
    let (config, mut loaded, reference) = open_demo();
    let mut extra = loaded.outlets[1].clone();
    extra.id = format!("{}-copy", extra.id);
    extra.name = format!("{} (copy)", extra.name);
    extra.paragraphs.reverse();
    loaded.outlets.push(extra);
    while loaded.outlets.len() < 6 {
        let mut extra = loaded.outlets[0].clone();
        extra.id = format!("extra{}", loaded.outlets.len());
        loaded.outlets.push(extra);
    }
    app_for(&config, loaded, &reference)
}

fn scroll_frames<B: Backend>(name: &str, app: &mut App, terminal: &mut Terminal<B>) {
    let down = Message::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
    let up = Message::Key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE));
    let mut times = Vec::with_capacity(FRAMES);
    let total = app.side.layout.total;
    for i in 0..FRAMES {
        // Down through the story and back up, so that every frame changes.
        let key = if (i / total.max(1)).is_multiple_of(2) {
            &down
        } else {
            &up
        };
        let started = Instant::now();
        update(app, key.clone());
        terminal.draw(|f| views::draw(f, app)).expect("draw");
        times.push(started.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "side by side {WIDTH}x{HEIGHT}, {} columns, scrolling ({name}): mean {:.3} ms, \
         p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms per frame = {:.0} frames/s",
        app.side.layout.columns.len(),
        ms(mean),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 99 / 100]),
        ms(times[times.len() - 1]),
        1.0 / mean.as_secs_f64()
    );
}

/// Words the generated articles are made of: a news-like vocabulary.
const WORDS: &[&str] = &[
    "government",
    "officials",
    "announced",
    "plan",
    "technology",
    "transfer",
    "province",
    "industry",
    "experts",
    "foreign",
    "investment",
    "ministry",
    "said",
    "report",
    "economic",
    "growth",
    "region",
    "companies",
    "agreement",
    "development",
    "research",
    "university",
    "engineers",
    "recruit",
    "programme",
    "billion",
    "yuan",
    "funding",
    "council",
    "minister",
    "spokesman",
    "week",
    "year",
    "market",
    "trade",
    "export",
    "policy",
    "reform",
    "railway",
    "port",
    "energy",
    "solar",
    "wind",
    "steel",
    "factory",
    "workers",
    "union",
    "strike",
    "wages",
    "inflation",
    "bank",
    "interest",
    "rate",
    "committee",
    "parliament",
    "vote",
    "election",
    "court",
    "ruling",
    "judge",
    "police",
    "investigation",
    "city",
    "mayor",
    "residents",
    "protest",
    "pollution",
    "river",
    "water",
    "drought",
    "flood",
    "storm",
];
const NAMES: &[&str] = &[
    "Zhang Wei",
    "Li Na",
    "Wang Fang",
    "Maria Lopez",
    "John Smith",
];

fn sentence(rng: &mut fastrand::Rng) -> String {
    let words: Vec<&str> = (0..rng.usize(8..23))
        .map(|_| WORDS[rng.usize(..WORDS.len())])
        .collect();
    let mut text = words.join(" ");
    if rng.f32() < 0.3 {
        text = format!(
            "{} said {} {text}",
            NAMES[rng.usize(..NAMES.len())],
            rng.u32(2..900)
        );
    }
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
    format!("{first}{}.", chars.as_str())
}

fn paragraph(rng: &mut fastrand::Rng) -> String {
    (0..rng.usize(2..7))
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two articles of about `bytes` each: the second drops, rewrites and rewords some of the
/// first's paragraphs and adds its own.
fn big_pair(bytes: usize) -> (String, String) {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut first = Vec::new();
    let mut size = 0;
    while size < bytes {
        let p = paragraph(&mut rng);
        size += p.len() + 2;
        first.push(p);
    }
    let mut second = Vec::new();
    for p in &first {
        let roll = rng.f32();
        if roll < 0.1 {
            continue;
        }
        second.push(if roll < 0.3 {
            paragraph(&mut rng)
        } else if roll < 0.45 {
            p.replace("said", "stated")
        } else {
            p.clone()
        });
        if rng.f32() < 0.05 {
            second.push(paragraph(&mut rng));
        }
    }
    (first.join("\n\n"), second.join("\n\n"))
}

/// The big-input case: what `diff A B` and `diff A B --tui` each do before their output.
fn big_input_first_frame() {
    let megabytes: usize = std::env::var("PARALLAX_BENCH_BIG_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let (a, b) = big_pair(megabytes * 1_000_000);
    let started = Instant::now();
    let outlets = vec![
        pipeline::outlet_entry("a", "a", "a.txt", article_from_text(&a)),
        pipeline::outlet_entry("b", "b", "b.txt", article_from_text(&b)),
    ];
    let read = started.elapsed();
    let comparison =
        parallax::align::compare("diff", outlets, "a", Vec::new(), &EngineSettings::default());
    let compared = started.elapsed();
    let markdown = report::render(&comparison, Format::Md).expect("markdown");
    let cli = started.elapsed() - compared;
    let parts = Instant::now();
    let index = ComparisonIndex::new(&comparison);
    let index_time = parts.elapsed();
    drop(index);
    let installed = Instant::now();
    let mut app = App::new(
        "diff",
        "big",
        &["a".into(), "b".into()],
        Theme::new(true),
        Keymap::default(),
    );
    update(&mut app, Message::Resize(WIDTH, HEIGHT));
    start(&mut app);
    let generation = app.generation;
    update(
        &mut app,
        Message::Compared {
            generation,
            loaded: Arc::new(LoadedStory::default()),
            comparison: Some(Box::new(comparison)),
            partial: false,
        },
    );
    let install = installed.elapsed();
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    terminal.draw(|f| views::draw(f, &app)).expect("draw");
    let tui = installed.elapsed();
    let opening = Instant::now();
    update(
        &mut app,
        Message::Key(KeyEvent::new(KeyCode::Char('6'), KeyModifiers::NONE)),
    );
    terminal.draw(|f| views::draw(f, &app)).expect("draw");
    let framing_time = opening.elapsed();
    println!(
        "diff of two {megabytes} MB texts: read {:.0} ms, compare {:.0} ms; then the CLI's \
         Markdown ({} KB) {:.0} ms, the interface's first frame {:.0} ms (install {:.0} ms: \
         index {:.0} ms; draw {:.0} ms); opening the Framing view later {:.0} ms",
        ms(read),
        ms(compared - read),
        markdown.len() / 1000,
        ms(cli),
        ms(tui),
        ms(install),
        ms(index_time),
        ms(tui - install),
        ms(framing_time),
    );
}

fn main() {
    if !root().join("cache").is_dir() {
        println!("skipping: no cache/ with the demo story");
        return;
    }
    first_frame();
    let mut app = six_outlets();
    let mut test = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    scroll_frames("test backend", &mut app, &mut test);
    let mut crossterm = Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
        },
    )
    .expect("crossterm terminal");
    scroll_frames("crossterm backend into a sink", &mut app, &mut crossterm);
    let started = Instant::now();
    update(&mut app, Message::Resize(WIDTH - 1, HEIGHT));
    println!(
        "relayout of 6 outlets after a resize: {:.2} ms",
        ms(started.elapsed())
    );
    big_input_first_frame();
}
