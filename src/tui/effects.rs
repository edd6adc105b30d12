//! The side effects the model asks for, done without blocking the interface: loading and
//! comparing on background threads (each result tagged with its request's generation), opening
//! a URL with the system's opener (spawned, never waited on in the loop), the clipboard through
//! OSC 52, and writing exports.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use base64::Engine;

use crate::add::{Location, NewArticle, Request, add_to_sources};
use crate::commands::write_output;
use crate::config::{Config, Story};
use crate::pipeline::{self, LoadOptions, LoadedStory};

use super::message::{AddedArticle, Message};

/// What background work needs: the config, the story, how to load it, where to report.
#[derive(Debug, Clone)]
pub struct Background {
    /// The validated config.
    pub config: Arc<Config>,
    /// The story shown.
    pub story: Arc<Story>,
    /// Cache folder and network switch from the command line.
    pub options: LoadOptions,
    /// Where messages go.
    pub sender: Sender<Message>,
}

impl Background {
    /// Reads and compares the story on a new thread. Unless `refresh`, what the cache (and local
    /// files) hold is compared and shown first; then, if articles are missing and the network
    /// may be used, they are fetched with progress and the story is compared again. With
    /// `refresh` every article is fetched again (conditionally).
    pub fn load(&self, generation: u64, reference: Option<String>, refresh: bool) {
        let this = self.clone();
        std::thread::spawn(move || {
            if !refresh {
                let cached_only = LoadOptions {
                    offline: true,
                    ..this.options.clone()
                };
                let loaded =
                    pipeline::load_story(&this.config, &this.story, &cached_only, &mut |_| {});
                let complete = loaded.failures.is_empty() || this.options.offline;
                this.compare(generation, Arc::new(loaded), reference.clone(), !complete);
                if complete {
                    return;
                }
            }
            let options = LoadOptions {
                refresh,
                ..this.options.clone()
            };
            let sender = this.sender.clone();
            let loaded = pipeline::load_story(&this.config, &this.story, &options, &mut |event| {
                let _ = sender.send(Message::Progress { generation, event });
            });
            this.compare(generation, Arc::new(loaded), reference, false);
        });
    }

    /// Adds the article at `url` to the story in sources.toml on a new thread, as `parallax
    /// add` does (validated, fetched into the cache with progress under `generation`, the file
    /// written), then reports [`Message::Added`].
    pub fn add(&self, generation: u64, url: String) {
        let this = self.clone();
        std::thread::spawn(move || {
            let request = Request {
                story: this.story.id.clone(),
                title: None,
                articles: vec![NewArticle::at(Location::Url(url.clone()))],
                first_is_reference: false,
            };
            let sender = this.sender.clone();
            let added = add_to_sources(&this.config.path, &this.options, &request, &mut |event| {
                let _ = sender.send(Message::Progress { generation, event });
            });
            let result = added.map_err(|err| err.to_string()).and_then(|added| {
                let story = added.plan.config.story(&added.plan.story).cloned();
                let outlet = added.plan.articles.first().map(|a| a.outlet.clone());
                match (story, outlet) {
                    (Some(story), Some(outlet)) => Ok(Box::new(AddedArticle {
                        fetch_error: added.failures.first().map(|f| f.error.clone()),
                        config: added.plan.config,
                        story,
                        outlet,
                        url,
                    })),
                    _ => Err(format!("{url}: the story was not found after adding")),
                }
            });
            let _ = this.sender.send(Message::Added(result));
        });
    }

    /// Keeps the config and story in step with `message`: after an article was added, every
    /// later load reads the story as sources.toml now has it.
    pub fn follow(&mut self, message: &Message) {
        if let Message::Added(Ok(added)) = message {
            self.config = Arc::new(added.config.clone());
            self.story = Arc::new(added.story.clone());
        }
    }

    /// Compares read articles against `reference` on a new thread.
    pub fn recompare(&self, generation: u64, loaded: Arc<LoadedStory>, reference: String) {
        let this = self.clone();
        std::thread::spawn(move || this.compare(generation, loaded, Some(reference), false));
    }

    fn compare(
        &self,
        generation: u64,
        loaded: Arc<LoadedStory>,
        wanted: Option<String>,
        partial: bool,
    ) {
        let started = std::time::Instant::now();
        let reference = pipeline::choose_reference(
            wanted.as_deref(),
            self.story.reference.as_deref(),
            &loaded.outlets,
        );
        let comparison = reference.map(|reference| {
            Box::new(pipeline::compare_loaded(
                &self.config,
                (*loaded).clone(),
                &reference,
            ))
        });
        tracing::info!(
            generation,
            partial,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "compared"
        );
        let _ = self.sender.send(Message::Compared {
            generation,
            loaded,
            comparison,
            partial,
        });
    }
}

/// The system's opener found on `PATH` (`open` on macOS, `xdg-open` elsewhere).
fn opener() -> Option<PathBuf> {
    let name = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// Opens `url` in the browser without waiting; returns the message for the status line.
pub fn open_url(url: &str) -> String {
    let Some(opener) = opener() else {
        return format!("no browser opener (xdg-open or open) found; the URL is {url}");
    };
    match Process::new(&opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(mut child) => {
            // Reap the opener when it exits, off the interface's thread.
            std::thread::spawn(move || child.wait());
            format!("opening {url}")
        }
        Err(err) => format!("could not start {}: {err}", opener.display()),
    }
}

/// The OSC 52 sequence that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\u{1b}]52;c;{encoded}\u{7}").into_bytes()
}

/// The status line after writing `paths` (all in one folder): the folder, absolute, then the
/// file names.
fn export_message(paths: &[&PathBuf]) -> String {
    let dir = paths
        .first()
        .and_then(|p| p.parent())
        .map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        })
        .map(|d| std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf()));
    let stems: Vec<_> = paths.iter().map(|p| p.file_stem()).collect();
    let extensions: Vec<String> = paths
        .iter()
        .filter_map(|p| p.extension())
        .map(|e| e.to_string_lossy().into_owned())
        .collect();
    // One stem in several formats reads as `name.{md,json,html}`.
    let names = match stems.first() {
        Some(Some(stem)) if paths.len() > 1 && stems.iter().all(|s| s == &stems[0]) => {
            format!("{}.{{{}}}", stem.to_string_lossy(), extensions.join(","))
        }
        _ => paths
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(", "),
    };
    match dir {
        Some(dir) => format!("wrote {names} in {}", dir.display()),
        None => format!("wrote {names}"),
    }
}

/// Writes export files (atomically, creating their folder); returns the message for the
/// status line.
pub fn write_exports(files: &[(PathBuf, Vec<u8>)]) -> String {
    if files.is_empty() {
        return "nothing to export yet".into();
    }
    let mut written = Vec::new();
    for (path, bytes) in files {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Err(err) = std::fs::create_dir_all(dir)
        {
            return format!("cannot create {}: {err}", dir.display());
        }
        if let Err(err) = write_output(Some(Path::new(path)), bytes) {
            let hint = if err.kind() == std::io::ErrorKind::AlreadyExists {
                " (left as it is: export elsewhere with --export-dir or export_dir)"
            } else {
                ""
            };
            return format!("cannot write {}: {err}{hint}", path.display());
        }
        written.push(path);
    }
    export_message(&written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_over_a_users_file_says_where_else_to_write() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("story.md");
        std::fs::write(&notes, "my own notes").unwrap();
        let message = write_exports(&[(notes.clone(), b"# report".to_vec())]);
        assert!(message.contains("--export-dir"), "{message}");
        assert!(!message.contains("--force"), "{message}");
        assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes");
    }

    #[test]
    fn osc52_is_base64_between_the_control_bytes() {
        assert_eq!(osc52("hi"), b"\x1b]52;c;aGk=\x07".to_vec());
    }
}
