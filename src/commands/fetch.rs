//! `parallax fetch [STORY...]`: fetch stories' articles into the cache.

use std::process::ExitCode;

use clap::Args;

use super::{EXIT_BAD_INPUT, GlobalArgs};

/// Arguments of `fetch`.
#[derive(Debug, Clone, Args)]
pub struct FetchArgs {
    /// Stories to fetch (default: the first story).
    pub stories: Vec<String>,
    /// Fetch every story.
    #[arg(long)]
    pub all: bool,
    /// Re-fetch pages even when cached.
    #[arg(long)]
    pub refresh: bool,
}

/// Runs `fetch`.
pub fn run(global: &GlobalArgs, _args: &FetchArgs) -> ExitCode {
    if let Err(code) = global.load_config() {
        return code;
    }
    eprintln!("fetching is not available yet");
    ExitCode::from(EXIT_BAD_INPUT)
}
