//! `parallax [STORY]`: open a story in the terminal interface (without STORY and with several
//! stories in sources.toml, or cached feeds to discover stories in, after choosing one in the
//! story picker, which `p` goes back to), or print the Markdown
//! report of the story (default: the first) when standard output is not a terminal (then not
//! one escape byte is written).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::compare::emit;
use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL, GlobalArgs, find_story};
use crate::cache::Cache;
use crate::config::Config;
use crate::discover::candidates::has_cached_feeds;
use crate::pipeline;
use crate::report;
use crate::tui::event_loop::{self, Options, Start};
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Theme, use_color};

/// Options of the terminal interface.
#[derive(Debug, Clone, Default, Args)]
pub struct OpenArgs {
    /// Capture the mouse for wheel scrolling (takes away the terminal's own text selection).
    #[arg(long)]
    pub mouse: bool,
    /// A TOML keymap overriding the default keys (default: $XDG_CONFIG_HOME/parallax/keymap.toml
    /// or ~/.config/parallax/keymap.toml when present).
    #[arg(long, value_name = "PATH")]
    pub keymap: Option<PathBuf>,
    /// Where `e` writes its files (default: `export_dir` of [settings], else the current
    /// directory).
    #[arg(long, value_name = "DIR")]
    pub export_dir: Option<PathBuf>,
}

/// The keymap file to read: the one asked for, else the user's config file if it exists.
fn keymap_path(asked: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = asked {
        return Some(path.to_path_buf());
    }
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(config_home.join("parallax").join("keymap.toml")).filter(|p| p.is_file())
}

/// Where the log goes: `$XDG_STATE_HOME/parallax/parallax.log`, else
/// `~/.local/state/parallax/parallax.log`, else `<cache>/parallax.log`.
fn log_path(cache_dir: &Path) -> PathBuf {
    let state_home = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")));
    match state_home {
        Some(dir) => dir.join("parallax").join("parallax.log"),
        None => cache_dir.join("parallax.log"),
    }
}

/// Sends `tracing` output to a log file (see [`log_path`]), never to the screen.
fn log_to_file(cache_dir: &Path) {
    let path = log_path(cache_dir);
    let file = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
        });
    if let Ok(file) = file {
        let _ = tracing_subscriber::fmt()
            .with_writer(std::sync::Mutex::new(file))
            .try_init();
    }
}

/// The keymap to use: the file asked for or the user's own, else the default; prints why a
/// file is bad.
pub fn load_keymap(args: &OpenArgs) -> Result<Keymap, ExitCode> {
    match keymap_path(args.keymap.as_deref()) {
        Some(path) => Keymap::load(&path).map_err(|err| {
            say!("{err}");
            ExitCode::from(EXIT_BAD_INPUT)
        }),
        None => Ok(Keymap::default()),
    }
}

/// The interface's styles: colour unless `--color never` or `NO_COLOR` says otherwise.
fn theme(global: &GlobalArgs) -> Theme {
    let no_color = std::env::var("NO_COLOR").ok();
    Theme::new(use_color(global.color, no_color.as_deref()))
}

/// Runs the terminal interface from `start` until the user quits; `picker`: a story may go
/// back to the story picker.
pub fn run_interface(
    global: &GlobalArgs,
    config: Config,
    start: Start,
    picker: bool,
    args: &OpenArgs,
    keymap: Keymap,
) -> ExitCode {
    let export_dir = args
        .export_dir
        .clone()
        .or_else(|| config.export_dir())
        .unwrap_or_else(|| PathBuf::from("."));
    let options = Options {
        mouse: args.mouse,
        export_dir,
        keymap,
        theme: theme(global),
        picker,
    };
    log_to_file(&global.cache_dir);
    match event_loop::run(config, start, global.load_options(), options) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(err) => {
            say!("terminal error: {err}");
            ExitCode::from(EXIT_PARTIAL)
        }
    }
}

/// Runs the default command.
pub fn run(global: &GlobalArgs, story: Option<&str>, args: &OpenArgs) -> ExitCode {
    let config = match global.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    // The keymap is checked even when no terminal is used, so that a bad file is always told.
    let keymap = match load_keymap(args) {
        Ok(keymap) => keymap,
        Err(code) => return code,
    };
    if std::io::stdout().is_terminal() {
        let cache = Cache::new(&global.cache_dir);
        let picker = config.stories.len() > 1 || has_cached_feeds(&config, &cache);
        let start = match story {
            None if picker => Start::Picker,
            story => match find_story(&config, story) {
                Ok(story) => Start::Story(Box::new(story.clone())),
                Err(code) => return code,
            },
        };
        return run_interface(global, config, start, picker, args, keymap);
    }
    let story = match find_story(&config, story) {
        Ok(story) => story.clone(),
        Err(code) => return code,
    };
    let loaded = pipeline::load_story(&config, &story, &global.load_options(), &mut |_| {});
    let Some(reference) =
        pipeline::choose_reference(None, story.reference.as_deref(), &loaded.outlets)
    else {
        say!("story {:?}: no article could be read", story.id);
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    let comparison = pipeline::compare_loaded(&config, loaded, &reference);
    emit(
        &comparison,
        report::Format::Md,
        report::Options::default(),
        None,
        false,
    )
}
