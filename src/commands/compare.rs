//! `parallax compare STORY`: compare a story's articles and write a report; with `--all`, every
//! story of `sources.toml`, in parallel across cores, into one CSV table or SQLite database.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::reference::resolve_reference;
use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL, GlobalArgs, find_story, write_output_with};
use crate::config::{Config, Story};
use crate::model::Comparison;
use crate::pipeline::{self, LoadOptions, LoadedStory, Loader, Stage};
use crate::report::collection::{CollectionWriter, ProvenanceTally, default_threads, map_in_order};
use crate::report::{self, Format, Options};

/// Arguments of `compare`.
#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// Story id from sources.toml.
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub story: Option<String>,
    /// Compare every story of sources.toml into one report (csv or sqlite).
    #[arg(long)]
    pub all: bool,
    /// Outlet to compare against (default: the story's reference).
    #[arg(long, value_name = "OUTLET")]
    pub reference: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE even when it is not a parallax report.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Start CSV output with a UTF-8 byte order mark, for spreadsheet programs.
    #[arg(long)]
    pub bom: bool,
    /// The table CSV output holds: the claims, or the framing words (the columns of the SQLite
    /// table framing_words).
    #[arg(long, value_enum, value_name = "TABLE")]
    pub table: Option<crate::report::csv::Table>,
    /// Compare the pages kept in the cache at this time (a version name, YYYYMMDDTHHMMSSZ):
    /// for each outlet, its newest version at or before it. Never touches the network.
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub at: Option<String>,
}

pub(crate) fn parse_version(value: &str) -> Result<String, String> {
    if crate::cache::is_version_name(value) {
        Ok(value.to_string())
    } else {
        Err("expected a cache version name like 20261128T093000Z".into())
    }
}

/// Runs `compare`.
pub fn run(global: &GlobalArgs, args: &CompareArgs) -> ExitCode {
    if args.bom && args.format != Format::Csv {
        say!("--bom applies to --format csv only");
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    if args.table.is_some() && args.format != Format::Csv {
        say!("--table applies to --format csv only");
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let config = match global.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let options = Options {
        bom: args.bom,
        csv_table: args.table.unwrap_or_default(),
    };
    let load = LoadOptions {
        at: args.at.clone(),
        ..global.load_options()
    };
    if args.all {
        let ids: Vec<&str> = config.outlets.iter().map(|o| o.id.as_str()).collect();
        let place = config.path.display().to_string();
        let reference = match asked_reference(&config, args, &ids, &place) {
            Ok(reference) => reference,
            Err(code) => return code,
        };
        return run_all(&config, args, reference.as_deref(), &load, options);
    }
    let story = match find_story(&config, args.story.as_deref()) {
        Ok(story) => story,
        Err(code) => return code,
    };
    let ids: Vec<&str> = story.articles.iter().map(|a| a.outlet.as_str()).collect();
    let reference = match asked_reference(&config, args, &ids, &format!("story {:?}", story.id)) {
        Ok(reference) => reference,
        Err(code) => return code,
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
    let written = emit(
        &comparison,
        args.format,
        options,
        args.output.as_deref(),
        args.force,
    );
    if written == ExitCode::from(EXIT_OK) && !comparison.failures.is_empty() {
        return ExitCode::from(EXIT_PARTIAL);
    }
    written
}

/// The outlet id `--reference` names among `ids` (None when not given); prints why and
/// returns the exit code when it names none of them.
fn asked_reference(
    config: &Config,
    args: &CompareArgs,
    ids: &[&str],
    place: &str,
) -> Result<Option<String>, ExitCode> {
    let Some(asked) = &args.reference else {
        return Ok(None);
    };
    resolve_reference(config, ids, asked, place)
        .map(Some)
        .map_err(|error| {
            eprintln!("{error}");
            ExitCode::from(EXIT_BAD_INPUT)
        })
}

/// Compares a story's loaded articles against `reference` (else the story's own, see
/// [`pipeline::choose_reference`]); `Err` says why no comparison could be made.
pub fn compare_story(
    config: &Config,
    story: &Story,
    loaded: LoadedStory,
    reference: Option<&str>,
) -> Result<Comparison, String> {
    let reference =
        pipeline::choose_reference(reference, story.reference.as_deref(), &loaded.outlets)
            .ok_or_else(|| {
                let causes: Vec<String> = loaded
                    .failures
                    .iter()
                    .map(|f| format!("{}: {}", f.id, f.error))
                    .collect();
                format!(
                    "story {:?}: no article could be read ({})",
                    story.id,
                    causes.join("; ")
                )
            })?;
    Ok(pipeline::compare_loaded(config, loaded, &reference))
}

/// Renders `comparison` and writes it to `output` (atomically; a file that is not a parallax
/// report is replaced only with `force`) or stdout; prints why on failure and returns the exit
/// code. Binary formats are never written to a terminal.
pub fn emit(
    comparison: &Comparison,
    format: Format,
    options: Options,
    output: Option<&Path>,
    force: bool,
) -> ExitCode {
    if output.is_none() && format.is_binary() && std::io::stdout().is_terminal() {
        say!(
            "--format {} is binary: give -o FILE or redirect stdout",
            format.extension()
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let bytes = match report::render_with(comparison, format, options) {
        Ok(bytes) => bytes,
        Err(err) => {
            say!("cannot write the {} report: {err}", format.extension());
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    write_report(output, &bytes, force)
}

/// Writes a rendered report to `output` or stdout, printing why on failure; returns the exit
/// code.
pub(crate) fn write_report(output: Option<&Path>, bytes: &[u8], force: bool) -> ExitCode {
    match write_output_with(output, bytes, force) {
        Ok(()) => ExitCode::from(EXIT_OK),
        // A reader that stops early (`| head`) is not an error.
        Err(err) if output.is_none() && err.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::from(EXIT_OK)
        }
        Err(err) => {
            let target = output.map_or("stdout".into(), |p| p.display().to_string());
            let hint = if err.kind() == std::io::ErrorKind::AlreadyExists {
                ": give --force to replace it"
            } else {
                ""
            };
            say!("cannot write {target}: {err}{hint}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// `compare --all`: every story's articles loaded at once (under the fetcher's limits), then
/// compared in parallel across cores into one report; a failing story is reported and the rest
/// go on. Exit 1 when some story (or some outlet of a story) failed.
fn run_all(
    config: &Config,
    args: &CompareArgs,
    reference: Option<&str>,
    load: &LoadOptions,
    options: Options,
) -> ExitCode {
    let mut writer = match CollectionWriter::new(args.format, options) {
        Ok(writer) => writer,
        Err(err) => {
            say!("--all: {err}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    if args.output.is_none() && args.format.is_binary() && std::io::stdout().is_terminal() {
        say!("--format sqlite is binary: give -o FILE or redirect stdout");
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    if config.stories.is_empty() {
        say!("{}: no [[story]] defined", config.path.display());
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let loader = match Loader::new(&config.settings, load.clone()) {
        Ok(loader) => loader,
        Err(err) => {
            say!("cannot start fetching: {err}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let stories: Vec<&Story> = config.stories.iter().collect();
    let articles = stories.iter().map(|s| s.articles.len()).sum();
    let mut bar = ProgressBar::new("articles read", articles);
    let loaded = loader.load_blocking(config, &stories, &mut |event| {
        if matches!(event.stage, Stage::Loaded { .. } | Stage::Failed { .. }) {
            bar.advance();
        }
    });
    bar.finish();
    let jobs: Vec<(&Story, LoadedStory)> = stories.iter().copied().zip(loaded).collect();
    let mut bar = ProgressBar::new("stories compared", jobs.len());
    let mut failed = 0;
    let mut partial = 0;
    let mut provenance = ProvenanceTally::default();
    map_in_order(
        &jobs,
        default_threads(),
        |(story, loaded)| compare_story(config, story, loaded.clone(), reference),
        |index, result| {
            let story = &jobs[index].0.id;
            let outcome = result.and_then(|compared| compared).and_then(|comparison| {
                writer
                    .add(&comparison)
                    .map_err(|err| format!("story {story:?}: {err}"))?;
                Ok(comparison)
            });
            match outcome {
                Ok(comparison) => {
                    provenance.add(&comparison);
                    for failure in &comparison.failures {
                        bar.note(&format!(
                            "warning: story {story:?}: {}: {}",
                            failure.id, failure.error
                        ));
                    }
                    partial += usize::from(!comparison.failures.is_empty());
                }
                Err(error) => {
                    failed += 1;
                    bar.note(&format!("error: {error}"));
                }
            }
            bar.advance();
        },
    );
    bar.finish();
    let total = jobs.len();
    say!(
        "compared {} of {total} stories ({failed} failed, {partial} with outlets missing)",
        total - failed
    );
    let lines = provenance.lines();
    if lines.is_empty() {
        say!("provenance: no outlet derives from another in these stories");
    } else {
        say!("provenance across the stories (source → derived):");
        for line in lines {
            say!("  {line}");
        }
    }
    let bytes = match writer.finish() {
        Ok(bytes) => bytes,
        Err(err) => {
            say!("cannot write the {} report: {err}", args.format.extension());
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let written = write_report(args.output.as_deref(), &bytes, args.force);
    if written == ExitCode::from(EXIT_OK) && failed + partial > 0 {
        return ExitCode::from(EXIT_PARTIAL);
    }
    written
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
struct ProgressBar {
    label: &'static str,
    done: usize,
    total: usize,
    draw: bool,
}

impl ProgressBar {
    fn new(label: &'static str, total: usize) -> Self {
        let bar = ProgressBar {
            label,
            done: 0,
            total,
            draw: std::io::stderr().is_terminal(),
        };
        bar.redraw();
        bar
    }

    /// Prints a line above the bar.
    fn note(&self, line: &str) {
        if self.draw {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
        super::print_message(line);
        self.redraw();
    }

    fn advance(&mut self) {
        self.done += 1;
        self.redraw();
    }

    fn redraw(&self) {
        if !self.draw {
            return;
        }
        const WIDTH: usize = 30;
        let filled = (self.done.min(self.total) * WIDTH)
            .checked_div(self.total)
            .unwrap_or(WIDTH);
        let _ = write!(
            std::io::stderr().lock(),
            "\r\x1b[2K[{}{}] {}/{} {}",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            self.done,
            self.total,
            self.label
        );
    }

    fn finish(&self) {
        if self.draw {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}
