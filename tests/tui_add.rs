//! The interface's `a`: a URL typed at the prompt is checked, added to sources.toml as
//! `parallax add` does (comments kept), fetched from a loopback server in the background, and
//! the story compared again with the new outlet; a bad URL, a failed fetch and an edit that
//! would not pass `check` each say so in the status line.

mod support;

use std::sync::mpsc::{self, Receiver};

use parallax::config::Config;
use parallax::pipeline::LoadOptions;
use parallax::tui::app::App;
use parallax::tui::effects::Background;
use parallax::tui::keymap::Keymap;
use parallax::tui::message::{Command, Message};
use parallax::tui::theme::Theme;
use parallax::tui::update::{start, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::background::run_to_idle;
use support::http_server::{Reply, TestServer};

const SOURCES: &str = r#"# Hand-written; this comment must survive.
[settings]
respect_robots = false   # the test server has no robots.txt
per_host_delay_ms = 0

[[outlet]]
id = "wire"
name = "Wire"

[[story]]
id = "storm"
title = "Storm"

[[story.article]]
outlet = "wire"
path = "wire.txt"
"#;

const PAGE: &str = "<html><head><title>Storm hits the coast</title>\
    <meta property=\"og:site_name\" content=\"The Daily Planet\"></head><body>\
    <h1>Storm hits the coast</h1>\
    <p>The storm reached the coast on Monday night, officials said.</p>\
    <p>At least 40 homes lost power in the town of Alder.</p></body></html>";

/// A story of one local article, its app and its background worker.
struct Fixture {
    dir: tempfile::TempDir,
    app: App,
    background: Background,
    receiver: Receiver<Message>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sources.toml");
    std::fs::write(&path, SOURCES).unwrap();
    std::fs::write(
        dir.path().join("wire.txt"),
        "The storm reached the coast on Monday night.\n\nAt least 40 homes lost power.\n",
    )
    .unwrap();
    let config = Config::load(&path).unwrap();
    let story = config.stories[0].clone();
    let (sender, receiver) = mpsc::channel();
    let background = Background {
        config: std::sync::Arc::new(config),
        story: std::sync::Arc::new(story),
        options: LoadOptions {
            cache_dir: dir.path().join("cache"),
            ..LoadOptions::default()
        },
        sender,
    };
    let mut app = App::new(
        "storm",
        "Storm",
        &["wire".to_string()],
        Theme::new(false),
        Keymap::default(),
    );
    update(&mut app, Message::Resize(100, 30));
    let mut fixture = Fixture {
        dir,
        app,
        background,
        receiver,
    };
    let commands = start(&mut fixture.app);
    fixture.run(commands);
    fixture
}

impl Fixture {
    /// Does the commands the way the event loop does, then feeds every message back until
    /// the background work is done.
    fn run(&mut self, commands: Vec<Command>) {
        run_to_idle(
            &mut self.app,
            &mut self.background,
            &self.receiver,
            commands,
        );
    }

    fn keys(&mut self, text: &str) -> Vec<Command> {
        text.chars()
            .flat_map(|c| {
                update(
                    &mut self.app,
                    Message::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
                )
            })
            .collect()
    }

    fn press(&mut self, code: KeyCode) -> Vec<Command> {
        update(
            &mut self.app,
            Message::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        )
    }

    /// Types `a`, the URL and Enter, and runs what follows to the end.
    fn add(&mut self, url: &str) {
        assert!(self.keys("a").is_empty());
        assert!(self.keys(url).is_empty());
        let commands = self.press(KeyCode::Enter);
        self.run(commands);
    }

    fn sources(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sources.toml")).unwrap()
    }

    fn outlets(&self) -> Vec<String> {
        let comparison = self.app.comparison.as_ref().expect("a comparison");
        comparison.outlets.iter().map(|o| o.id.clone()).collect()
    }

    fn notice(&self) -> String {
        self.app.notice.clone().unwrap_or_default()
    }
}

/// The bottom line of the app's screen.
fn status_line(app: &App) -> String {
    let (width, height) = app.size;
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut buffer = ratatui::buffer::Buffer::empty(area);
    parallax::tui::views::render(app, area, &mut buffer);
    (0..width)
        .map(|x| buffer[(x, height - 1)].symbol().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_added_url_is_written_fetched_and_compared() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/storm" => Reply::html(PAGE),
        _ => Reply::status(404),
    })
    .await;
    let url = server.url("/storm");
    tokio::task::spawn_blocking(move || {
        let mut fixture = fixture();
        assert_eq!(fixture.outlets(), ["wire"]);
        fixture.add(&url);
        let notice = fixture.notice();
        assert!(
            notice.contains("added") && notice.contains("127-0-0-1"),
            "{notice}"
        );
        assert!(!notice.contains("failed"), "{notice}");
        let sources = fixture.sources();
        assert!(sources.contains("# Hand-written; this comment must survive."));
        assert!(sources.contains(&format!("url = \"{url}\"")), "{sources}");
        assert!(sources.contains("name = \"The Daily Planet\""), "{sources}");
        assert!(Config::load(&fixture.dir.path().join("sources.toml")).is_ok());
        // The story gained the outlet and was compared again with it.
        assert_eq!(fixture.outlets(), ["wire", "127-0-0-1"]);
        assert!(
            fixture.app.progress.iter().any(|(id, _)| id == "127-0-0-1"),
            "{:?}",
            fixture.app.progress
        );
    })
    .await
    .unwrap();
    assert_eq!(server.hits("/storm"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_url_a_failed_fetch_and_an_invalid_edit_are_told() {
    let server = TestServer::start(|request, _| match request.path.as_str() {
        "/storm" => Reply::html(PAGE),
        _ => Reply::status(404),
    })
    .await;
    let gone = server.url("/gone");
    let storm = server.url("/storm");
    tokio::task::spawn_blocking(move || {
        let mut fixture = fixture();
        // Not a URL: refused at once, nothing written, nothing asked of the background.
        fixture.keys("a");
        fixture.keys("not a url");
        assert!(fixture.press(KeyCode::Enter).is_empty());
        assert!(
            fixture.notice().contains("is not a URL"),
            "{}",
            fixture.notice()
        );
        fixture.keys("a");
        fixture.keys("ftp://files.example/a");
        assert!(fixture.press(KeyCode::Enter).is_empty());
        assert!(fixture.notice().contains("not an http(s) URL"));
        // Esc cancels.
        fixture.keys("a");
        fixture.keys("https://x.example/");
        assert!(fixture.press(KeyCode::Esc).is_empty());
        assert_eq!(fixture.app.add_prompt, None);
        assert_eq!(fixture.sources(), SOURCES);

        // A page that cannot be fetched is added all the same, and the status line says why.
        fixture.add(&gone);
        let notice = fixture.notice();
        assert!(
            notice.contains("fetching it failed") && notice.contains("404"),
            "{notice}"
        );
        assert!(fixture.sources().contains(&gone));

        // The same host again would give the story a second article of one outlet: refused.
        let before = fixture.sources();
        fixture.add(&storm);
        let notice = fixture.notice();
        assert!(
            notice.starts_with("not added:") && notice.contains("twice"),
            "{notice}"
        );
        assert_eq!(fixture.sources(), before, "nothing written");
        // The status line keeps the cause in sight, cutting the message's middle.
        let status = status_line(&fixture.app);
        assert!(
            status.contains("not added:") && status.contains("twice"),
            "{status}"
        );
    })
    .await
    .unwrap();
}

#[test]
fn the_add_prompt_key_is_rebindable_and_drawn_in_the_status_line() {
    let keymap = Keymap::with_overrides("add_article = [\"+\"]\n", "keymap.toml").unwrap();
    assert_eq!(
        keymap.keys_for(parallax::tui::keymap::Action::AddArticle),
        ["+"]
    );
    let mut app = App::new("s", "S", &["wire".to_string()], Theme::new(false), keymap);
    update(&mut app, Message::Resize(100, 30));
    let key = |c| Message::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    update(&mut app, key('a'));
    assert_eq!(app.add_prompt, None, "a is no longer bound");
    update(&mut app, key('+'));
    update(&mut app, key('h'));
    assert_eq!(app.add_prompt.as_deref(), Some("h"));
    let status = status_line(&app);
    assert!(
        status.contains("add URL (Enter adds, Esc cancels): h▏"),
        "{status}"
    );
}
