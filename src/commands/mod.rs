//! The subcommands of the `parallax` binary, one file each. `main.rs` only parses the command
//! line and calls [`run`]; each command returns its exit code.

/// `eprintln!` for every message parallax prints: the text passes [`print_message`], since
/// messages carry file names, URLs, config values and cache contents that may hold escape
/// sequences.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::commands::print_message(&format!($($arg)*))
    };
}

pub mod add;
pub mod check;
pub mod compare;
pub mod diff;
pub mod discover;
pub mod extract;
pub mod fetch;
pub mod open;
mod output;
pub mod provenance;
pub mod reference;

pub use output::{write_output, write_output_with};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::config::{Config, Story};
use crate::text::clean::clean_message;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code when some outlets failed (the rest were processed).
pub const EXIT_PARTIAL: u8 = 1;
/// Exit code for a bad config or bad usage.
pub const EXIT_BAD_INPUT: u8 = 2;

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The sources file.
    #[arg(
        long,
        global = true,
        default_value = "sources.toml",
        value_name = "PATH"
    )]
    pub config: PathBuf,
    /// Where fetched pages are kept.
    #[arg(long, global = true, default_value = "cache", value_name = "DIR")]
    pub cache_dir: PathBuf,
    /// Never touch the network: use only the cache and local files.
    #[arg(long, global = true)]
    pub offline: bool,
    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl GlobalArgs {
    /// The pipeline's options for these global flags (not refreshing, newest versions).
    pub fn load_options(&self) -> crate::pipeline::LoadOptions {
        crate::pipeline::LoadOptions {
            cache_dir: self.cache_dir.clone(),
            offline: self.offline,
            ..crate::pipeline::LoadOptions::default()
        }
    }

    /// Loads and validates the config, printing every problem to stderr on failure.
    pub fn load_config(&self) -> Result<Config, ExitCode> {
        Config::load(&self.config).map_err(|err| {
            say!("{err}");
            ExitCode::from(EXIT_BAD_INPUT)
        })
    }
}

/// Prints one message (and a newline) on stderr, cleaned first by [`clean_message`]: no escape
/// sequence or control character but newlines and tabs reaches the terminal. Failing to write
/// to stderr is ignored, as `eprintln!` would panic.
pub fn print_message(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{}", clean_message(message));
}

/// Finds a story by id, or the first story when `id` is None; prints why on failure.
pub fn find_story<'a>(config: &'a Config, id: Option<&str>) -> Result<&'a Story, ExitCode> {
    let found = match id {
        Some(id) => config.story(id),
        None => config.stories.first(),
    };
    found.ok_or_else(|| {
        let known: Vec<&str> = config.stories.iter().map(|s| s.id.as_str()).collect();
        match id {
            Some(id) => say!(
                "{}: no story {id:?}; known stories: {}",
                config.path.display(),
                known.join(", ")
            ),
            None => say!("{}: no [[story]] defined", config.path.display()),
        }
        ExitCode::from(EXIT_BAD_INPUT)
    })
}
