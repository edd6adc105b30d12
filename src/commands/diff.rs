//! `parallax diff INPUT INPUT...`: ad hoc comparison of files or URLs, no config needed.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;
use super::compare::emit;
use super::open::{OpenArgs, load_keymap, run_interface};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::add::outlets::{id_from, unique_id};
use crate::add::{NewArticle, Request};
use crate::config::{ArticleSource, Config, Outlet, Settings, Story, StoryArticle};
use crate::model::{EngineSettings, OutletFailure};
use crate::pipeline;
use crate::report::{Format, Options};
use crate::tui::event_loop::Start;

/// Arguments of `diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// Two or more inputs: URLs, .html files or text files; the first is the reference.
    #[arg(required = true, num_args = 2.., value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE even when it is not a parallax report.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Open the comparison in the terminal interface instead of writing a report (URLs are
    /// then fetched into the cache, as story `diff`).
    #[arg(long, conflicts_with_all = ["format", "output"])]
    pub tui: bool,
    /// Keep the comparison as story STORY in sources.toml (as `parallax add` does; the first
    /// input its reference).
    #[arg(long, value_name = "STORY", conflicts_with = "tui")]
    pub save: Option<String>,
    /// Interface options (with `--tui`).
    #[command(flatten)]
    pub open: OpenArgs,
}

/// The outlet id of an input: a URL's host or a file's stem, lowercased, limited to
/// `[a-z0-9_-]`, made unique with `-2`, `-3`, ...
pub fn outlet_ids(inputs: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    inputs
        .iter()
        .map(|input| {
            let raw = match url::Url::parse(input) {
                Ok(url) if url.has_host() => url.host_str().unwrap_or("input").to_string(),
                _ => Path::new(input)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "input".into()),
            };
            let id = unique_id(id_from(&raw), &seen);
            seen.insert(id.clone());
            id
        })
        .collect()
}

/// The inputs as a one-story config, so the interface can load them as it loads a story.
fn ad_hoc_story(global: &GlobalArgs, inputs: &[String], ids: &[String]) -> (Config, Story) {
    let outlets = ids
        .iter()
        .map(|id| Outlet {
            id: id.clone(),
            name: id.clone(),
            homepage: None,
            tags: Default::default(),
            body: None,
            drop: Vec::new(),
            sample: false,
            feeds: Vec::new(),
        })
        .collect();
    let articles = inputs
        .iter()
        .zip(ids)
        .map(|(input, id)| StoryArticle {
            outlet: id.clone(),
            source: match url::Url::parse(input) {
                Ok(url) if matches!(url.scheme(), "http" | "https") => {
                    ArticleSource::Url(input.clone())
                }
                _ => ArticleSource::Path(PathBuf::from(input)),
            },
        })
        .collect();
    let story = Story {
        id: "diff".into(),
        title: format!("Ad hoc comparison of {} inputs", inputs.len()),
        reference: ids.first().cloned(),
        articles,
        sample: false,
    };
    let config = Config {
        path: global.config.clone(),
        settings: Settings::default(),
        compare: EngineSettings::default(),
        outlets,
        stories: vec![story.clone()],
    };
    (config, story)
}

/// Runs `diff`.
pub fn run(global: &GlobalArgs, args: &DiffArgs) -> ExitCode {
    let ids = outlet_ids(&args.inputs);
    if args.tui && std::io::stdout().is_terminal() {
        let keymap = match load_keymap(&args.open) {
            Ok(keymap) => keymap,
            Err(code) => return code,
        };
        let (config, story) = ad_hoc_story(global, &args.inputs, &ids);
        let start = Start::Story(Box::new(story));
        return run_interface(global, config, start, false, &args.open, keymap);
    }
    let mut outlets = Vec::new();
    let mut failures = Vec::new();
    let mut unreadable_file = false;
    for (input, id) in args.inputs.iter().zip(&ids) {
        let result = pipeline::read_input(input, global.offline);
        match result {
            Ok(article) => {
                if article.paragraphs.is_empty() {
                    say!("warning: {}", pipeline::empty_article_warning(input));
                }
                outlets.push(pipeline::outlet_entry(id, id, input, article));
            }
            Err(error) => {
                say!("error: {error}");
                unreadable_file |= !pipeline::is_url(input);
                failures.push(OutletFailure {
                    id: id.clone(),
                    url: input.clone(),
                    error,
                });
            }
        }
    }
    // A file the user named that cannot be read is bad input, like a bad argument.
    if unreadable_file {
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    if outlets.len() < 2 || failures.iter().any(|f| f.id == ids[0]) {
        say!("diff needs the first input and at least one other to be readable");
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let comparison = crate::align::compare(
        "diff",
        outlets,
        &ids[0],
        failures,
        &EngineSettings::default(),
    );
    let code = emit(
        &comparison,
        args.format,
        Options::default(),
        args.output.as_deref(),
        args.force,
    );
    match &args.save {
        Some(story) if code == ExitCode::from(EXIT_OK) => save(global, story, &args.inputs),
        _ => code,
    }
}

/// `--save STORY`: the inputs become a story of sources.toml, the first its reference.
fn save(global: &GlobalArgs, story: &str, inputs: &[String]) -> ExitCode {
    let locations = match super::add::locations(&global.config, inputs) {
        Ok(locations) => locations,
        Err(refusal) => return super::add::refused(&refusal),
    };
    super::add::save(
        global,
        &Request {
            story: story.to_string(),
            title: None,
            articles: locations.into_iter().map(NewArticle::at).collect(),
            first_is_reference: true,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_stems_and_hosts_and_are_unique() {
        let inputs = [
            "a/Vision Times.html",
            "https://www.example.com/x",
            "b/vision times.txt",
        ]
        .map(String::from);
        assert_eq!(
            outlet_ids(&inputs),
            ["vision-times", "www-example-com", "vision-times-2"]
        );
    }
}
