//! The event loop: the one thread that owns the terminal. Key presses (from an input thread),
//! background results and signals all arrive as [`Message`]s on one channel; the loop drains
//! what is queued, runs `update` on each, does the commands, and draws once.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use ratatui::crossterm::event::{self, Event};

use crate::config::{ArticleSource, Config, Story};
use crate::pipeline::LoadOptions;

use super::app::App;
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

/// Shows the story picker over `config`'s stories (their articles looked up in `cache_dir`)
/// until one is opened (its id) or the user quits (None).
pub fn pick_story(config: &Config, cache_dir: &Path, theme: Theme) -> io::Result<Option<String>> {
    let mut picker = Picker::new(choices(config, cache_dir));
    let mut session = Session::enter(false)?;
    loop {
        session.draw(|frame| {
            let area = frame.area();
            views::picker::render(&picker, theme, area, frame.buffer_mut());
        })?;
        if let Event::Key(key) = event::read()? {
            match picker.on_key(key) {
                PickerOutcome::Stay => {}
                PickerOutcome::Open(id) => return Ok(Some(id)),
                PickerOutcome::Quit => return Ok(None),
            }
        }
    }
}

/// Runs the interface on `story` until the user quits or a signal asks to.
pub fn run(config: Config, story: Story, load: LoadOptions, options: Options) -> io::Result<()> {
    let (sender, receiver) = mpsc::channel();
    let outlets: Vec<String> = story.articles.iter().map(|a| a.outlet.clone()).collect();
    let mut app = App::new(
        &story.id,
        &story.title,
        &outlets,
        options.theme,
        options.keymap,
    );
    app.export_dir = options.export_dir;
    app.local_outlets = local_outlets(&story);
    let mut background = Background {
        config: Arc::new(config),
        story: Arc::new(story),
        options: load,
        sender: sender.clone(),
    };
    spawn_signal_thread(sender.clone())?;
    let mut session = Session::enter(options.mouse)?;
    let size = session.terminal.size()?;
    app.size = (size.width, size.height);
    spawn_input_thread(sender);
    let commands = start(&mut app);
    run_commands(&mut app, &mut session, &background, commands)?;
    tracing::info!(story = %app.story, "interface started");
    main_loop(&mut app, &mut session, &mut background, &receiver)
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
            if app.quit {
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

/// Reads terminal events and forwards the ones the model uses.
fn spawn_input_thread(sender: Sender<Message>) {
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
            if sender.send(message).is_err() || terminate {
                return;
            }
        }
    });
}

/// Turns SIGTERM, SIGHUP and SIGINT into a `Terminate` message, so the loop restores the
/// terminal before exiting.
fn spawn_signal_thread(sender: Sender<Message>) -> io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                tracing::info!(signal, "terminating on a signal");
                let _ = sender.send(Message::Terminate);
            }
        });
    }
    #[cfg(not(unix))]
    drop(sender);
    Ok(())
}
