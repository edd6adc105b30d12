//! The `parallax` binary: parses the command line and dispatches; the work lives in the library.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use parallax::commands::{self, GlobalArgs};

/// Read several news outlets' coverage of one story side by side.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Option<Command>,
    /// Story to open (default: choose one in the story picker when sources.toml has several;
    /// the first story when the output is not a terminal).
    story: Option<String>,
    #[command(flatten)]
    open: commands::open::OpenArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Fetch stories' articles into the cache, then print a summary.
    Fetch(commands::fetch::FetchArgs),
    /// Compare a story's articles and write a report.
    Compare(commands::compare::CompareArgs),
    /// Compare files or URLs ad hoc (the first is the reference).
    Diff(commands::diff::DiffArgs),
    /// Who copied whom in a story: the provenance graph with its evidence.
    Provenance(commands::provenance::ProvenanceArgs),
    /// Extract one article from a URL or a file.
    Extract(commands::extract::ExtractArgs),
    /// Validate sources.toml.
    Check,
    /// Add articles to a story in sources.toml (its comments and formatting kept).
    Add(commands::add::AddArgs),
    /// Read the outlets' feeds and list candidate stories told by several outlets.
    Discover(commands::discover::DiscoverArgs),
}

/// The command line, with the global options a subcommand ignores left out of its help.
fn command_line() -> clap::Command {
    let mut command = Cli::command();
    command.build();
    command.mut_subcommand("check", |check| {
        check.mut_args(|arg| {
            if ["cache_dir", "offline", "color"].contains(&arg.get_id().as_str()) {
                arg.hide(true)
            } else {
                arg
            }
        })
    })
}

fn main() -> ExitCode {
    let parsed = command_line()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                commands::EXIT_BAD_INPUT
            } else {
                commands::EXIT_OK
            });
        }
    };
    match &cli.command {
        None => commands::open::run(&cli.global, cli.story.as_deref(), &cli.open),
        Some(Command::Fetch(args)) => commands::fetch::run(&cli.global, args),
        Some(Command::Compare(args)) => commands::compare::run(&cli.global, args),
        Some(Command::Diff(args)) => commands::diff::run(&cli.global, args),
        Some(Command::Provenance(args)) => commands::provenance::run(&cli.global, args),
        Some(Command::Extract(args)) => commands::extract::run(&cli.global, args),
        Some(Command::Check) => commands::check::run(&cli.global),
        Some(Command::Add(args)) => commands::add::run(&cli.global, args),
        Some(Command::Discover(args)) => commands::discover::run(&cli.global, args),
    }
}
