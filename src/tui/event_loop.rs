//! The event loop: the one thread that owns the terminal. Key presses (from an input thread),
//! background results and signals all arrive as [`Message`]s on the channel of the screen
//! shown (the story picker's, or the open story's); the loop drains what is queued, runs
//! `update` on each, does the commands, and draws once.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use ratatui::crossterm::event::{self, Event};

use crate::cache::Cache;
use crate::config::{ArticleSource, Config, Story};
use crate::discover::candidates::{Candidates, has_cached_feeds};
use crate::pipeline::LoadOptions;

use super::app::App;
use super::discovered::{add_discovered, cluster_choices};
use super::effects::{self, Background};
use super::export::export_files;
use super::keymap::Keymap;
use super::message::{Command, Message};
use super::picker::{Picker, PickerOutcome, choices};
use super::terminal::Session;
use super::theme::Theme;
use super::update::{start, update};
use super::views;

/// How the interface was asked to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Capture the mouse (wheel scrolling) at the cost of the terminal's own selection.
    pub mouse: bool,
    /// Where `e` writes its files.
    pub export_dir: PathBuf,
    /// Key bindings.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// A story can go back to the story picker (`p`).
    pub picker: bool,
}

/// What the interface shows first.
#[derive(Debug, Clone)]
pub enum Start {
    /// This story.
    Story(Box<Story>),
    /// The story picker.
    Picker,
}

/// How a story's screen was left.
enum StoryExit {
    /// Quit parallax.
    Quit,
    /// Back to the picker, from the story with this id.
    Picker(String),
}

/// Where key presses and signals go: the channel of the screen shown (the picker's, then each
/// story's), so that a story left behind hears no more keys and its late results go nowhere.
#[derive(Clone)]
struct Inbox(Arc<Mutex<Sender<Message>>>);

impl Inbox {
    fn new() -> Inbox {
        Inbox(Arc::new(Mutex::new(mpsc::channel().0)))
    }

    /// A new channel, which the input and signal threads send to from now on.
    fn channel(&self) -> (Sender<Message>, Receiver<Message>) {
        let (sender, receiver) = mpsc::channel();
        if let Ok(mut current) = self.0.lock() {
            *current = sender.clone();
        }
        (sender, receiver)
    }

    fn send(&self, message: Message) {
        if let Ok(current) = self.0.lock() {
            // No screen is listening between two screens: the message is dropped.
            let _ = current.send(message);
        }
    }
}

/// The outlets of `story` whose article is a local file: read, never fetched or waited for
/// (the banner says so while loading).
pub fn local_outlets(story: &Story) -> Vec<String> {
    story
        .articles
        .iter()
        .filter(|a| matches!(a.source, ArticleSource::Path(_)))
        .map(|a| a.outlet.clone())
        .collect()
}

/// Runs the interface until the user quits or a signal asks to: the story picker or a story
/// first, then each story opened from the picker, and the picker again after `p`.
pub fn run(config: Config, start: Start, load: LoadOptions, options: Options) -> io::Result<()> {
    let inbox = Inbox::new();
    spawn_signal_thread(inbox.clone())?;
    let mut session = Session::enter(options.mouse)?;
    spawn_input_thread(inbox.clone());
    let mut config = config;
    let mut next = start;
    let mut left = None;
    let mut candidates = None;
    loop {
        let story = match next {
            Start::Story(story) => *story,
            Start::Picker => {
                let screen = PickerScreen {
                    config: &config,
                    load: &load,
                    theme: options.theme,
                    inbox: &inbox,
                };
                match screen.run(&mut session, left.as_deref(), &mut candidates)? {
                    Some((picked_config, story)) => {
                        config = picked_config;
                        story
                    }
                    None => return Ok(()),
                }
            }
        };
        match show_story(&mut session, &inbox, config.clone(), story, &load, &options)? {
            StoryExit::Quit => return Ok(()),
            StoryExit::Picker(story) => {
                // sources.toml as it is now (`a` may have added to it).
                if let Ok(now) = Config::load(&config.path) {
                    config = now;
                }
                left = Some(story);
                next = Start::Picker;
            }
        }
    }
}

/// The story picker on the screen, with what it needs.
struct PickerScreen<'a> {
    config: &'a Config,
    load: &'a LoadOptions,
    theme: Theme,
    inbox: &'a Inbox,
}

impl PickerScreen<'_> {
    /// Shows the picker (the cursor on the story `left`, when coming back from it) until a
    /// story is opened (the config, with a discovered story added, and the story) or the user
    /// quits (None). The cached feeds are clustered on a thread, the first time, so the list
    /// shows at once; `candidates` keeps them for the next time.
    fn run(
        &self,
        session: &mut Session,
        left: Option<&str>,
        candidates: &mut Option<Arc<Candidates>>,
    ) -> io::Result<Option<(Config, Story)>> {
        let (sender, receiver) = self.inbox.channel();
        let config = self.config;
        let mut picker = Picker::new(choices(config, &self.load.cache_dir));
        if let Some(id) = left {
            picker.select_story(id);
        }
        let cache =
            Cache::new(&self.load.cache_dir).with_max_page_bytes(config.settings.max_body_bytes);
        match candidates {
            Some(known) => picker.set_clusters(cluster_choices(config, known)),
            None if has_cached_feeds(config, &cache) => {
                picker.discovering = true;
                let config = config.clone();
                std::thread::spawn(move || {
                    let found = Candidates::cached(&config, &cache);
                    let _ = sender.send(Message::Discovered(Arc::new(found)));
                });
            }
            None => {}
        }
        loop {
            session.draw(|frame| {
                let area = frame.area();
                views::picker::render(&picker, self.theme, area, frame.buffer_mut());
            })?;
            let Ok(message) = receiver.recv() else {
                return Ok(None);
            };
            let key = match message {
                Message::Key(key) => key,
                Message::Discovered(found) => {
                    picker.set_clusters(cluster_choices(config, &found));
                    *candidates = Some(found);
                    continue;
                }
                Message::Terminate => return Ok(None),
                _ => continue,
            };
            match picker.on_key(key) {
                PickerOutcome::Stay => {}
                PickerOutcome::Open(id) => {
                    if let Some(story) = config.story(&id) {
                        return Ok(Some((config.clone(), story.clone())));
                    }
                }
                PickerOutcome::Discovered(index) => {
                    let Some(found) = candidates.as_deref() else {
                        continue;
                    };
                    match add_discovered(&config.path, self.load, found, index) {
                        Ok(added) => return Ok(Some(added)),
                        Err(err) => picker.notice = Some(format!("not added: {err}")),
                    }
                }
                PickerOutcome::Quit => return Ok(None),
            }
        }
    }
}

/// Shows `story` until the user quits or goes back to the picker.
fn show_story(
    session: &mut Session,
    inbox: &Inbox,
    config: Config,
    story: Story,
    load: &LoadOptions,
    options: &Options,
) -> io::Result<StoryExit> {
    let (sender, receiver) = inbox.channel();
    let outlets: Vec<String> = story.articles.iter().map(|a| a.outlet.clone()).collect();
    let mut app = App::new(
        &story.id,
        &story.title,
        &outlets,
        options.theme,
        options.keymap.clone(),
    );
    app.export_dir = options.export_dir.clone();
    app.local_outlets = local_outlets(&story);
    app.picker = options.picker;
    let mut background = Background {
        config: Arc::new(config),
        story: Arc::new(story),
        options: load.clone(),
        sender,
    };
    let size = session.terminal.size()?;
    app.size = (size.width, size.height);
    let commands = start(&mut app);
    run_commands(&mut app, session, &background, commands)?;
    tracing::info!(story = %app.story, "story opened");
    main_loop(&mut app, session, &mut background, &receiver)?;
    Ok(if app.to_picker {
        StoryExit::Picker(app.story.clone())
    } else {
        StoryExit::Quit
    })
}

fn main_loop(
    app: &mut App,
    session: &mut Session,
    background: &mut Background,
    receiver: &Receiver<Message>,
) -> io::Result<()> {
    loop {
        session.draw(|frame| views::draw(frame, app))?;
        let Ok(first) = receiver.recv() else {
            return Ok(());
        };
        let mut queued = vec![first];
        queued.extend(receiver.try_iter());
        for message in queued {
            background.follow(&message);
            let commands = update(app, message);
            run_commands(app, session, background, commands)?;
            if app.quit || app.to_picker {
                return Ok(());
            }
        }
    }
}

fn run_commands(
    app: &mut App,
    session: &mut Session,
    background: &Background,
    commands: Vec<Command>,
) -> io::Result<()> {
    for command in commands {
        let notice = match command {
            Command::Load {
                generation,
                reference,
                refresh,
            } => {
                background.load(generation, reference, refresh);
                None
            }
            Command::Recompare {
                generation,
                loaded,
                reference,
            } => {
                background.recompare(generation, loaded, reference);
                None
            }
            Command::AddArticle { generation, url } => {
                background.add(generation, url);
                None
            }
            Command::OpenUrl(url) => Some(effects::open_url(&url)),
            Command::Copy(text) => {
                session.write_raw(&effects::osc52(&text))?;
                None
            }
            Command::Export(view) => Some(effects::write_exports(&export_files(app, view))),
            Command::Suspend => {
                session.suspend()?;
                let size = session.terminal.size()?;
                update(app, Message::Resize(size.width, size.height));
                None
            }
        };
        if let Some(notice) = notice {
            update(app, Message::Notice(notice));
        }
    }
    Ok(())
}

/// Reads terminal events and forwards the ones the model uses to the screen shown.
fn spawn_input_thread(inbox: Inbox) {
    std::thread::spawn(move || {
        loop {
            let message = match event::read() {
                Ok(Event::Key(key)) => Message::Key(key),
                Ok(Event::Mouse(mouse)) => Message::Mouse(mouse),
                Ok(Event::Resize(width, height)) => Message::Resize(width, height),
                Ok(_) => continue,
                Err(err) => {
                    tracing::error!(%err, "cannot read terminal events");
                    Message::Terminate
                }
            };
            let terminate = matches!(message, Message::Terminate);
            inbox.send(message);
            if terminate {
                return;
            }
        }
    });
}

/// Turns SIGTERM, SIGHUP and SIGINT into a `Terminate` message, so the loop restores the
/// terminal before exiting.
fn spawn_signal_thread(inbox: Inbox) -> io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                tracing::info!(signal, "terminating on a signal");
                inbox.send(Message::Terminate);
            }
        });
    }
    #[cfg(not(unix))]
    drop(inbox);
    Ok(())
}
