//! Carrying out a [`Request`] on the sources file: read and validate the file, plan the edit,
//! fetch the new articles into the cache (with progress), name new outlets and a new story from
//! what was fetched, and write the file atomically. Shared by `parallax add`, `diff --save` and
//! the interface's `a`; prints nothing.

use std::collections::HashMap;
use std::path::Path;

use super::{Plan, Refusal, Request, plan};
use crate::cache::{Cache, write_atomic_with_permissions};
use crate::config::Config;
use crate::model::OutletFailure;
use crate::pipeline::{self, LoadOptions, LoadedStory, Progress};

/// A request carried out: the plan written, and the new articles that could not be fetched
/// (they are added all the same; none when offline, where nothing was tried).
#[derive(Debug, Clone)]
pub struct Added {
    /// The edit, as written.
    pub plan: Plan,
    /// New articles whose fetch failed.
    pub failures: Vec<OutletFailure>,
}

/// Why a request was not carried out; the file is as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddError {
    /// The request or the edited file is wrong.
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// The sources file could not be read, parsed or written (the message names it).
    #[error("{0}")]
    File(String),
}

/// Carries out `request` on the sources file at `config_path`, loading with `options` and
/// reporting each step of the new articles' loading to `progress`.
pub fn add_to_sources(
    config_path: &Path,
    options: &LoadOptions,
    request: &Request,
    progress: &mut dyn FnMut(Progress),
) -> Result<Added, AddError> {
    let (text, config) = current_sources(config_path)?;
    let mut plan = plan(&text, &config, request)?;
    let loaded = pipeline::load_story(&plan.config, &plan.added_story(), options, progress);
    let failures = if options.offline {
        Vec::new()
    } else {
        loaded.failures.clone()
    };
    let names = site_names(&plan, &options.cache_dir);
    let title = first_title(&plan, &loaded);
    plan.rename(&names, title.as_deref())
        .map_err(Refusal::Invalid)?;
    write_sources(config_path, &plan.editor.to_string())?;
    Ok(Added { plan, failures })
}

/// The text and validated config of the sources file; an absent file is an empty one.
fn current_sources(path: &Path) -> Result<(String, Config), AddError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => {
            return Err(AddError::File(format!(
                "{}: cannot read the file: {err}",
                path.display()
            )));
        }
    };
    let config = Config::parse(&text, path).map_err(|err| AddError::File(err.to_string()))?;
    Ok((text, config))
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
fn write_sources(path: &Path, text: &str) -> Result<(), AddError> {
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    write_atomic_with_permissions(path, text.as_bytes(), permissions)
        .map_err(|err| AddError::File(format!("{}: cannot write it: {err}", path.display())))
}
