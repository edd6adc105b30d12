//! `parallax compare STORY`: compare a story's articles and write a report.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{EXIT_BAD_INPUT, EXIT_OK, GlobalArgs, find_story, write_output};
use crate::model::Comparison;
use crate::pipeline;
use crate::report;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// DESIGN.md's JSON contract.
    Json,
    /// Markdown report.
    #[default]
    Md,
}

/// Arguments of `compare`.
#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// Story id from sources.toml.
    pub story: String,
    /// Outlet to compare against (default: the story's reference).
    #[arg(long, value_name = "OUTLET")]
    pub reference: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Compare the pages kept in the cache at this time (a version name, YYYYMMDDTHHMMSSZ):
    /// for each outlet, its newest version at or before it. Never touches the network.
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub at: Option<String>,
}

fn parse_version(value: &str) -> Result<String, String> {
    if crate::cache::is_version_name(value) {
        Ok(value.to_string())
    } else {
        Err("expected a cache version name like 20261128T093000Z".into())
    }
}

/// Renders a comparison in a format.
pub fn render(comparison: &Comparison, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    let written = match format {
        Format::Json => report::json::write_json(comparison, &mut out),
        Format::Md => report::markdown::write_markdown(comparison, &mut out),
    };
    written.expect("writing to memory cannot fail");
    out
}

/// Runs `compare`.
pub fn run(global: &GlobalArgs, args: &CompareArgs) -> ExitCode {
    let config = match global.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let story = match find_story(&config, Some(&args.story)) {
        Ok(story) => story,
        Err(code) => return code,
    };
    let loaded = pipeline::load_story(
        &config,
        story,
        &pipeline::LoadOptions {
            at: args.at.clone(),
            ..global.load_options()
        },
        &mut |_| {},
    );
    for failure in &loaded.failures {
        eprintln!("warning: {}: {}", failure.id, failure.error);
    }
    let Some(reference) = pipeline::choose_reference(
        args.reference.as_deref(),
        story.reference.as_deref(),
        &loaded.outlets,
    ) else {
        eprintln!("story {:?}: no article could be read", story.id);
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    let comparison = pipeline::compare_loaded(&config, loaded, &reference);
    match write_output(args.output.as_deref(), &render(&comparison, args.format)) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(err) => {
            eprintln!("cannot write output: {err}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
