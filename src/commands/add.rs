//! `parallax add STORY URL... [--outlet ID] [--title TEXT]`: append articles to sources.toml,
//! its comments and formatting kept, after checking that the result passes `parallax check`.
//!
//! The new articles are fetched into the cache (unless `--offline`), so that a new outlet
//! takes the site's own name (`og:site_name`) and a new story its first headline; offline,
//! only what is cached is read. Exit code: 0 when added, 1 when added but some article could
//! not be fetched, 2 when refused (nothing written).

use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL, GlobalArgs};
use crate::add::{self, AddError, Location, NewArticle, Plan, Refusal, Request};
use crate::pipeline;

/// Arguments of `add`.
#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    /// The story to add to (created when absent).
    pub story: String,
    /// The articles: URLs (or files inside the folder of sources.toml).
    #[arg(required = true, value_name = "URL")]
    pub urls: Vec<String>,
    /// The outlet of the one article (default: the outlet declared for the URL's host, else
    /// a new one named after the site).
    #[arg(long, value_name = "ID")]
    pub outlet: Option<String>,
    /// The title of a new story (default: the first article's headline).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// Runs `add`.
pub fn run(global: &GlobalArgs, args: &AddArgs) -> ExitCode {
    if args.outlet.is_some() && args.urls.len() != 1 {
        return refused(&Refusal::Usage(
            "--outlet names the outlet of one article: give exactly one URL with it".into(),
        ));
    }
    let locations = match locations(&global.config, &args.urls) {
        Ok(locations) => locations,
        Err(refusal) => return refused(&refusal),
    };
    let articles = locations
        .into_iter()
        .map(|location| NewArticle {
            outlet: args.outlet.clone(),
            location,
        })
        .collect();
    save(
        global,
        &Request {
            story: args.story.clone(),
            title: args.title.clone(),
            articles,
            first_is_reference: false,
        },
    )
}

/// Each input as sources.toml names it: an http(s) URL, else a file inside its folder.
pub fn locations(config_path: &Path, inputs: &[String]) -> Result<Vec<Location>, Refusal> {
    inputs
        .iter()
        .map(|input| {
            if pipeline::is_url(input) {
                Ok(Location::Url(input.clone()))
            } else {
                add::path_in_config_folder(config_path, Path::new(input)).map(Location::Path)
            }
        })
        .collect()
}

/// Adds `request` to the sources file of `global`: plans and validates the edit, fetches
/// the new articles, names new outlets and the story from them, and writes the file
/// atomically ([`add::add_to_sources`]). The exit code of `add`.
pub fn save(global: &GlobalArgs, request: &Request) -> ExitCode {
    let added =
        match add::add_to_sources(&global.config, &global.load_options(), request, &mut |_| {}) {
            Ok(added) => added,
            Err(AddError::Refused(refusal)) => return refused(&refusal),
            Err(AddError::File(message)) => {
                say!("error: {message}");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        };
    for failure in &added.failures {
        say!(
            "warning: {}; added all the same (`parallax fetch {}` tries again)",
            failure.error,
            added.plan.story
        );
    }
    println!("{}", summary(&added.plan, &global.config));
    ExitCode::from(if added.failures.is_empty() {
        EXIT_OK
    } else {
        EXIT_PARTIAL
    })
}

/// Prints why a request was refused; exit code 2.
pub fn refused(refusal: &Refusal) -> ExitCode {
    say!("error: {refusal}");
    ExitCode::from(EXIT_BAD_INPUT)
}

/// One line: what was added where.
fn summary(plan: &Plan, path: &Path) -> String {
    let mut line = format!(
        "{}: added {} article{} to story {:?}",
        path.display(),
        plan.articles.len(),
        if plan.articles.len() == 1 { "" } else { "s" },
        plan.story
    );
    let new: Vec<String> = plan
        .new_outlets
        .iter()
        .filter_map(|id| plan.config.outlet(id))
        .map(|outlet| format!("{} ({:?})", outlet.id, outlet.name))
        .collect();
    if !new.is_empty() {
        line.push_str(&format!("; new outlets: {}", new.join(", ")));
    }
    crate::text::clean::clean_line(&line)
}
