//! `parallax add STORY URL... [--outlet ID] [--title TEXT]`: append articles to sources.toml,
//! its comments and formatting kept, after checking that the result passes `parallax check`.
//!
//! The new articles are fetched into the cache (unless `--offline`), so that a new outlet
//! takes the site's own name (`og:site_name`) and a new story its first headline; offline,
//! only what is cached is read. Exit code: 0 when added, 1 when added but some article could
//! not be fetched, 2 when refused (nothing written).

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL, GlobalArgs};
use crate::add::{self, Location, NewArticle, Plan, Refusal, Request};
use crate::cache::Cache;
use crate::cache::write_atomic_with_permissions;
use crate::config::Config;
use crate::pipeline::{self, LoadedStory};

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
/// atomically. The exit code of `add`.
pub fn save(global: &GlobalArgs, request: &Request) -> ExitCode {
    let (text, config) = match current_sources(global) {
        Ok(current) => current,
        Err(code) => return code,
    };
    let mut plan = match add::plan(&text, &config, request) {
        Ok(plan) => plan,
        Err(refusal) => return refused(&refusal),
    };
    let loaded = pipeline::load_story(
        &plan.config,
        &plan.added_story(),
        &global.load_options(),
        &mut |_| {},
    );
    // Offline, an article not yet cached is no failure: nothing was tried.
    let failures = if global.offline {
        &[][..]
    } else {
        &loaded.failures[..]
    };
    for failure in failures {
        say!(
            "warning: {}; added all the same (`parallax fetch {}` tries again)",
            failure.error,
            plan.story
        );
    }
    let names = site_names(&plan, &global.cache_dir);
    let title = first_title(&plan, &loaded);
    if let Err(err) = plan.rename(&names, title.as_deref()) {
        return refused(&Refusal::Invalid(err));
    }
    if let Err(code) = write_sources(&global.config, &plan.editor.to_string()) {
        return code;
    }
    println!("{}", summary(&plan, &global.config));
    ExitCode::from(if failures.is_empty() {
        EXIT_OK
    } else {
        EXIT_PARTIAL
    })
}

/// The text and validated config of the sources file; an absent file is an empty one.
fn current_sources(global: &GlobalArgs) -> Result<(String, Config), ExitCode> {
    let text = match std::fs::read_to_string(&global.config) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => {
            say!("{}: cannot read the file: {err}", global.config.display());
            return Err(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    match Config::parse(&text, &global.config) {
        Ok(config) => Ok((text, config)),
        Err(err) => {
            say!("{err}");
            Err(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

/// Prints why a request was refused; exit code 2.
pub fn refused(refusal: &Refusal) -> ExitCode {
    say!("error: {refusal}");
    ExitCode::from(EXIT_BAD_INPUT)
}

/// The site's own name of each new outlet, from its newest cached page.
fn site_names(plan: &Plan, cache_dir: &Path) -> HashMap<String, String> {
    let cache = Cache::new(cache_dir);
    plan.new_outlets
        .iter()
        .filter_map(|outlet| {
            let page = cache.newest(&plan.story, outlet).ok()??;
            let (html, _) = pipeline::decode_page(&page.body, page.meta.content_type.as_deref());
            Some((outlet.clone(), crate::extract::site_name(&html)?))
        })
        .collect()
}

/// The headline of the first added article that has one.
fn first_title(plan: &Plan, loaded: &LoadedStory) -> Option<String> {
    plan.articles.iter().find_map(|article| {
        loaded
            .outlets
            .iter()
            .find(|entry| entry.id == article.outlet && !entry.title.is_empty())
            .map(|entry| entry.title.clone())
    })
}

/// Writes the edited file atomically, keeping the permissions of the one it replaces.
fn write_sources(path: &Path, text: &str) -> Result<(), ExitCode> {
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    write_atomic_with_permissions(path, text.as_bytes(), permissions).map_err(|err| {
        say!("error: {}: cannot write it: {err}", path.display());
        ExitCode::from(EXIT_BAD_INPUT)
    })
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
