//! `parallax provenance STORY`: who copied whom in a story, with the evidence and how sure, as
//! text or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::compare::{compare_story, write_report};
use super::reference::resolve_reference;
use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL, GlobalArgs, find_story};
use crate::model::Comparison;
use crate::pipeline::{self, LoadOptions};

/// Output formats of `provenance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ProvenanceFormat {
    /// Plain text: the graph, the relations with their evidence, every evidence item.
    #[default]
    Text,
    /// The `provenance` section of the JSON report, with the story and its outlets.
    Json,
}

/// Arguments of `provenance`.
#[derive(Debug, Clone, Args)]
pub struct ProvenanceArgs {
    /// Story id from sources.toml.
    pub story: String,
    /// Outlet to align the claims against (default: the story's reference); the graph does
    /// not depend on it, the claim clusters it reads do a little.
    #[arg(long, value_name = "OUTLET")]
    pub reference: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ProvenanceFormat::Text)]
    pub format: ProvenanceFormat,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE even when it is not a parallax report.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Read the pages kept in the cache at this time (a version name, YYYYMMDDTHHMMSSZ).
    #[arg(long, value_name = "VERSION", value_parser = super::compare::parse_version)]
    pub at: Option<String>,
}

/// Runs `provenance`.
pub fn run(global: &GlobalArgs, args: &ProvenanceArgs) -> ExitCode {
    let config = match global.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let story = match find_story(&config, Some(&args.story)) {
        Ok(story) => story,
        Err(code) => return code,
    };
    let ids: Vec<&str> = story.articles.iter().map(|a| a.outlet.as_str()).collect();
    let reference = match &args.reference {
        None => None,
        Some(asked) => {
            match resolve_reference(&config, &ids, asked, &format!("story {:?}", story.id)) {
                Ok(id) => Some(id),
                Err(error) => {
                    eprintln!("{error}");
                    return ExitCode::from(EXIT_BAD_INPUT);
                }
            }
        }
    };
    let load = LoadOptions {
        at: args.at.clone(),
        ..global.load_options()
    };
    let loaded = pipeline::load_story(&config, story, &load, &mut |_| {});
    let comparison = match compare_story(&config, story, loaded, reference.as_deref()) {
        Ok(comparison) => comparison,
        Err(error) => {
            say!("{error}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    for failure in &comparison.failures {
        say!("warning: {}: {}", failure.id, failure.error);
    }
    let bytes = match render(&comparison, args.format) {
        Ok(bytes) => bytes,
        Err(err) => {
            say!("cannot write the provenance report: {err}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let written = write_report(args.output.as_deref(), &bytes, args.force);
    if written == ExitCode::from(EXIT_OK) && !comparison.failures.is_empty() {
        return ExitCode::from(EXIT_PARTIAL);
    }
    written
}

/// The provenance report of a comparison in a format.
pub fn render(comparison: &Comparison, format: ProvenanceFormat) -> std::io::Result<Vec<u8>> {
    match format {
        ProvenanceFormat::Text => {
            Ok(crate::provenance::text::render(comparison, &comparison.provenance).into_bytes())
        }
        ProvenanceFormat::Json => {
            let mut out = Vec::new();
            crate::report::json::write_provenance(comparison, &mut out)?;
            Ok(out)
        }
    }
}
