//! The story picker lists the stories discovered in the outlets' cached feeds under the stories
//! of sources.toml (read offline, after the first frame), `/` searches them too, and Enter on
//! one writes it to sources.toml as `discover --add` does (comments kept, validated, refused
//! with a clear message when the file would not pass `check`) and opens it, its articles then
//! fetched in the background from a loopback server. `p` goes back from a story to the picker.

mod support;
mod tui_common;

use std::sync::mpsc;

use parallax::cache::{Cache, PageMeta};
use parallax::config::Config;
use parallax::discover::candidates::{Candidates, has_cached_feeds};
use parallax::discover::fetching::{FEEDS_FOLDER, feed_key};
use parallax::pipeline::LoadOptions;
use parallax::tui::app::App;
use parallax::tui::discovered::{add_discovered, cluster_choices};
use parallax::tui::effects::Background;
use parallax::tui::keymap::Keymap;
use parallax::tui::message::Message;
use parallax::tui::picker::{Entry, Picker, PickerOutcome, choices};
use parallax::tui::theme::Theme;
use parallax::tui::update::{start, update};
use parallax::tui::views;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use support::background::run_to_idle;
use support::http_server::{Reply, TestServer};
use tui_common::rows;

/// Each outlet's feed items: article path, headline, hour of 2026-12-01 it was published.
const WIRE: [(&str, &str, u32); 2] = [
    (
        "/a/wire-storm",
        "Storm batters Alder coast, 40 homes without power",
        9,
    ),
    (
        "/a/wire-bread",
        "Village bakery wins national award for rye bread",
        7,
    ),
];
const DAILY: [(&str, &str, u32); 2] = [
    (
        "/a/daily-storm",
        "Storm batters the Alder coast, leaving 40 homes without power",
        10,
    ),
    (
        "/a/daily-chess",
        "Teenager takes the regional chess title in Brune",
        8,
    ),
];

fn rss(base: &str, items: &[(&str, &str, u32)]) -> String {
    let items: String = items
        .iter()
        .map(|(path, title, hour)| {
            format!(
                "<item><title>{title}</title><link>{base}{path}</link>\
                 <pubDate>Tue, 01 Dec 2026 {hour:02}:00:00 GMT</pubDate></item>"
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>{items}</channel></rss>")
}

fn page(headline: &str) -> String {
    format!(
        "<html><head><title>{headline}</title></head><body><h1>{headline}</h1>\
         <p>The storm reached the Alder coast on Monday night, officials said.</p>\
         <p>At least 40 homes lost power, the utility said.</p></body></html>"
    )
}

/// A sources.toml with comments, one story of a local file and two outlets with feeds.
fn sources(server: &TestServer) -> String {
    format!(
        "# My outlets; this comment must survive.\n[settings]\nrespect_robots = false  # loopback\n\
         per_host_delay_ms = 0\n\n[[outlet]]\nid = \"wire\"\nname = \"Wire Service\"\n\
         feeds = [\"{}\"]  # their RSS\n\n[[outlet]]\nid = \"daily\"\nname = \"The Daily\"\n\
         feeds = [\"{}\"]\n\n# Stories I read.\n[[story]]\nid = \"notes\"\ntitle = \"My notes\"\n\n\
         [[story.article]]\noutlet = \"wire\"\npath = \"notes.txt\"\n",
        server.url("/wire.rss"),
        server.url("/daily.rss")
    )
}

/// A folder with `sources(server)`, the local article, and both feeds in the cache as
/// `discover` keeps them; the config, the folder and the load options.
fn folder(server: &TestServer) -> (Config, tempfile::TempDir, LoadOptions) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sources.toml");
    std::fs::write(&path, sources(server)).unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "A note of mine, kept for later.\n",
    )
    .unwrap();
    let config = Config::load(&path).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    let fetched = "2026-12-01T12:00:00Z".parse().unwrap();
    for (outlet, feed, items) in [
        ("wire", "/wire.rss", &WIRE),
        ("daily", "/daily.rss", &DAILY),
    ] {
        let url = server.url(feed);
        let meta = PageMeta {
            requested_url: Some(url.clone()),
            content_type: Some("application/rss+xml".into()),
            status: Some(200),
            ..PageMeta::default()
        };
        let body = rss(&server.url(""), items);
        cache
            .store(
                FEEDS_FOLDER,
                &feed_key(outlet, &url),
                body.as_bytes(),
                meta,
                fetched,
            )
            .unwrap();
    }
    let load = LoadOptions {
        cache_dir: dir.path().join("cache"),
        ..LoadOptions::default()
    };
    (config, dir, load)
}

async fn server() -> TestServer {
    TestServer::start(|request, _| {
        let path = request.path.as_str();
        match WIRE.iter().chain(&DAILY).find(|(p, ..)| *p == path) {
            Some((_, title, _)) => Reply::html(page(title)),
            None => Reply::status(404),
        }
    })
    .await
}

fn press(picker: &mut Picker, code: KeyCode) -> PickerOutcome {
    picker.on_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn screen(picker: &Picker, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    views::picker::render(picker, Theme::new(false), area, &mut buffer);
    rows(&buffer).join("\n")
}

/// The picker over `config`, the cached feeds' candidates listed as they arrive.
fn picker_with_clusters(config: &Config, load: &LoadOptions) -> (Picker, Candidates) {
    let cache = Cache::new(&load.cache_dir);
    assert!(has_cached_feeds(config, &cache));
    let mut picker = Picker::new(choices(config, &load.cache_dir));
    picker.discovering = true;
    assert!(
        screen(&picker, 80, 24).contains("reading the cached feeds…"),
        "the list shows before the feeds are read"
    );
    let candidates = Candidates::cached(config, &cache);
    picker.set_clusters(cluster_choices(config, &candidates));
    (picker, candidates)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discovered_story_is_listed_searched_added_and_opened() {
    let server = server().await;
    let (config, dir, load) = folder(&server);
    let original = sources(&server);
    let wire_hits = server.url("");
    let hits = move || {
        [
            server.hits("/a/wire-storm"),
            server.hits("/a/daily-storm"),
            server.hits("/a/wire-bread"),
        ]
    };
    tokio::task::spawn_blocking(move || {
        let (mut picker, candidates) = picker_with_clusters(&config, &load);
        assert_eq!(picker.clusters.len(), 1, "{:?}", picker.clusters);
        let cluster = &picker.clusters[0];
        assert_eq!(
            cluster.outlets,
            ["The Daily", "Wire Service"],
            "newest first"
        );
        assert_eq!(
            cluster.headline(),
            "Storm batters the Alder coast, leaving 40 homes without power"
        );
        assert_eq!(cluster.newest, "2026-12-01 10:00 UTC");
        for (width, height) in [(80, 24), (160, 45)] {
            insta::assert_snapshot!(
                format!("picker-discovered-{width}x{height}"),
                screen(&picker, width, height)
            );
        }
        press(&mut picker, KeyCode::Char('j'));
        insta::assert_snapshot!("picker-discovered-selected-80x24", screen(&picker, 80, 24));

        // `/` finds it by an outlet's name and by any outlet's headline.
        for query in ["the daily", "40 homes without"] {
            press(&mut picker, KeyCode::Char('/'));
            for c in query.chars() {
                press(&mut picker, KeyCode::Char(c));
            }
            press(&mut picker, KeyCode::Enter);
            assert_eq!(picker.shown(), [1], "{query}");
        }
        assert!(matches!(
            picker.selected_entry(),
            Some(Entry::Discovered(_))
        ));
        assert_eq!(
            press(&mut picker, KeyCode::Enter),
            PickerOutcome::Discovered(0)
        );

        // Enter adds it as `discover --add 1` would, comments kept, nothing fetched yet.
        let (config, story) = add_discovered(&config.path, &load, &candidates, 0).expect("added");
        let written = std::fs::read_to_string(&config.path).unwrap();
        assert!(
            written.starts_with(&original),
            "edited in place:\n{written}"
        );
        assert!(written.contains("# Stories I read."), "{written}");
        assert_eq!(story.id, "storm-batters-the-alder-coast");
        assert_eq!(
            story.title,
            "Storm batters the Alder coast, leaving 40 homes without power"
        );
        assert_eq!(story.articles.len(), 2);
        assert!(
            written.contains(&format!("{wire_hits}/a/wire-storm")),
            "{written}"
        );
        Config::load(&config.path).expect("the file passes check");
        assert_eq!(hits(), [0, 0, 0], "adding reads only the cache");

        // Opening it fetches its articles in the background and compares them.
        let (sender, receiver) = mpsc::channel();
        let outlets: Vec<String> = story.articles.iter().map(|a| a.outlet.clone()).collect();
        let mut app = App::new(
            &story.id,
            &story.title,
            &outlets,
            Theme::new(false),
            Keymap::default(),
        );
        update(&mut app, Message::Resize(100, 30));
        let mut background = Background {
            config: std::sync::Arc::new(config.clone()),
            story: std::sync::Arc::new(story),
            options: load.clone(),
            sender,
        };
        let commands = start(&mut app);
        run_to_idle(&mut app, &mut background, &receiver, commands);
        let comparison = app.comparison.as_ref().expect("compared");
        assert_eq!(comparison.outlets.len(), 2, "{:?}", app.progress);
        assert_eq!(hits(), [1, 1, 0]);

        // Back in the picker, it is a story of sources.toml, no longer a discovered one.
        let mut again = Picker::new(choices(&config, &load.cache_dir));
        again.set_clusters(cluster_choices(&config, &candidates));
        assert!(again.clusters.is_empty());
        again.select_story("storm-batters-the-alder-coast");
        assert_eq!(again.selected, 1);
        drop(dir);
    })
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discovered_story_that_cannot_be_written_is_refused_with_why() {
    let server = server().await;
    let (config, dir, load) = folder(&server);
    tokio::task::spawn_blocking(move || {
        let (_, candidates) = picker_with_clusters(&config, &load);
        // The file changed under the picker into one that does not pass `check`.
        let broken = format!(
            "{}\n[[outlet]]\nid = \"Bad Id\"\nname = \"Bad\"\n",
            sources(&server)
        );
        std::fs::write(&config.path, &broken).unwrap();
        let err = add_discovered(&config.path, &load, &candidates, 0).unwrap_err();
        assert!(
            err.contains("sources.toml") && err.contains("Bad Id") && !err.contains('\n'),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&config.path).unwrap(), broken);
        assert!(add_discovered(&config.path, &load, &candidates, 5).is_err());
        drop(dir);
    })
    .await
    .unwrap();
}

#[test]
fn p_goes_back_to_the_picker_only_when_there_is_one() {
    let key = |c| Message::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let mut app = App::new(
        "s",
        "S",
        &["wire".to_string()],
        Theme::new(false),
        Keymap::default(),
    );
    update(&mut app, Message::Resize(100, 30));
    update(&mut app, key('p'));
    assert!(!app.to_picker && !app.quit);
    assert!(
        app.notice
            .as_deref()
            .unwrap_or("")
            .contains("no story picker"),
        "{:?}",
        app.notice
    );
    let help = |app: &App| {
        views::help::help_lines(app)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(!help(&app).contains("back to the story picker"));
    app.picker = true;
    assert!(help(&app).contains("back to the story picker"));
    update(&mut app, key('p'));
    assert!(app.to_picker && !app.quit);
}
