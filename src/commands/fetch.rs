//! `parallax fetch [STORY...] [--all] [--refresh]`: fetch stories' articles into the cache, with
//! a progress line per outlet on stderr, then a summary table on stdout.
//!
//! Exit code: 0 when every article was had, 1 when some failed (the rest are cached; a failed
//! refresh of a cached page counts as a failure, though the cached copy is kept and used), 2 for
//! a bad config or an unknown story.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;

use super::{EXIT_OK, EXIT_PARTIAL, GlobalArgs, find_story};
use crate::config::Story;
use crate::fetch::FetchEvent;
use crate::pipeline::{LoadOptions, LoadedStory, Loader, Progress, Stage};
use crate::text::clean::clean_line;

/// Arguments of `fetch`.
#[derive(Debug, Clone, Args)]
pub struct FetchArgs {
    /// Stories to fetch (default: the first story).
    pub stories: Vec<String>,
    /// Fetch every story.
    #[arg(long)]
    pub all: bool,
    /// Re-fetch pages even when cached (conditionally: an unchanged page is not downloaded).
    #[arg(long)]
    pub refresh: bool,
}

/// Runs `fetch`.
pub fn run(global: &GlobalArgs, args: &FetchArgs) -> ExitCode {
    let config = match global.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let mut stories: Vec<&Story> = Vec::new();
    if args.all {
        stories.extend(&config.stories);
    } else if args.stories.is_empty() {
        match find_story(&config, None) {
            Ok(story) => stories.push(story),
            Err(code) => return code,
        }
    } else {
        for id in &args.stories {
            match find_story(&config, Some(id)) {
                Ok(story) => stories.push(story),
                Err(code) => return code,
            }
        }
    }
    let options = LoadOptions {
        refresh: args.refresh,
        ..global.load_options()
    };
    let loader = match Loader::new(&config.settings, options) {
        Ok(loader) => loader,
        Err(err) => {
            say!("error: {err}");
            return ExitCode::from(EXIT_PARTIAL);
        }
    };
    let keys = stories
        .iter()
        .flat_map(|story| {
            story
                .articles
                .iter()
                .map(|article| format!("{}/{}", story.id, article.outlet))
        })
        .collect();
    let mut board = ProgressBoard::new(std::io::stderr().is_terminal(), keys);
    let loaded = loader.load_blocking(&config, &stories, &mut |event| board.update(event));
    board.finish();
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(summary(&loaded).as_bytes());
    let _ = stdout.flush();
    let all_fetched = loaded
        .iter()
        .flat_map(|story| &story.reports)
        .all(|report| report.error.is_none() && report.cache_error.is_none());
    if all_fetched {
        ExitCode::from(EXIT_OK)
    } else {
        ExitCode::from(EXIT_PARTIAL)
    }
}

/// One outlet's line of progress.
#[derive(Debug, Clone)]
struct Line {
    key: String,
    state: String,
    received: u64,
    total: Option<u64>,
    retries: u32,
}

/// Progress lines on stderr: redrawn in place on a terminal, appended otherwise.
struct ProgressBoard {
    terminal: bool,
    lines: Vec<Line>,
    drawn: usize,
    last_draw: Option<Instant>,
}

impl ProgressBoard {
    /// A board with one waiting line per `story/outlet` key, in the stories' order.
    fn new(terminal: bool, keys: Vec<String>) -> ProgressBoard {
        let lines = keys
            .into_iter()
            .map(|key| Line {
                key,
                state: "queued".into(),
                received: 0,
                total: None,
                retries: 0,
            })
            .collect();
        ProgressBoard {
            terminal,
            lines,
            drawn: 0,
            last_draw: None,
        }
    }

    fn update(&mut self, event: Progress) {
        let key = format!("{}/{}", event.story, event.outlet);
        let index = match self.lines.iter().position(|l| l.key == key) {
            Some(index) => index,
            None => {
                self.lines.push(Line {
                    key: key.clone(),
                    state: String::new(),
                    received: 0,
                    total: None,
                    retries: 0,
                });
                self.lines.len() - 1
            }
        };
        let line = &mut self.lines[index];
        let mut message = None;
        match event.stage {
            Stage::Started => line.state = "started".into(),
            Stage::Fetch(FetchEvent::Waiting) => line.state = "waiting".into(),
            Stage::Fetch(FetchEvent::Requesting { attempt }) => {
                line.state = format!("requesting (attempt {attempt})")
            }
            Stage::Fetch(FetchEvent::Receiving { received, total }) => {
                line.state = "receiving".into();
                line.received = received;
                line.total = total;
            }
            Stage::Fetch(FetchEvent::Retrying { retry, wait, error }) => {
                line.retries = retry;
                line.state = format!("retry {retry} in {:.1} s", wait.as_secs_f64());
                message = Some(format!(
                    "{key}: {error}; retry {retry} in {:.1} s",
                    wait.as_secs_f64()
                ));
            }
            Stage::Extracting => line.state = "extracting".into(),
            Stage::Warning { message: warning } => {
                message = Some(format!("{key}: warning: {warning}"));
            }
            Stage::Loaded { origin, bytes } => {
                line.received = bytes;
                line.state = format!("done ({})", origin.as_str());
            }
            Stage::Failed { error } => {
                line.state = "failed".into();
                message = Some(format!("{key}: error: {error}"));
            }
        }
        let text = render_line(&self.lines[index], self.key_width());
        if self.terminal {
            if let Some(message) = message {
                self.clear();
                say!("{message}");
                self.draw();
            } else {
                let due = self
                    .last_draw
                    .is_none_or(|at| at.elapsed() >= Duration::from_millis(80));
                let settled = !self.lines[index].state.starts_with("receiving");
                if due || settled || self.drawn < self.lines.len() {
                    self.draw();
                }
            }
        } else if let Some(message) = message {
            say!("{message}");
        } else if !text.contains("receiving") {
            say!("{text}");
        }
    }

    /// Moves back over the drawn lines and erases them.
    fn clear(&mut self) {
        let mut stderr = std::io::stderr().lock();
        if self.drawn > 0 {
            let _ = write!(stderr, "\x1b[{}A\x1b[J", self.drawn);
        }
        self.drawn = 0;
    }

    fn key_width(&self) -> usize {
        self.lines
            .iter()
            .map(|l| l.key.chars().count())
            .max()
            .unwrap_or(0)
    }

    fn draw(&mut self) {
        self.clear();
        let width = self.key_width();
        // Lines wider than the terminal would wrap and break the redraw: cut them.
        let columns = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
        let mut stderr = std::io::stderr().lock();
        for line in &self.lines {
            let text: String = render_line(line, width)
                .chars()
                .take(columns.saturating_sub(1))
                .collect();
            let _ = writeln!(stderr, "\r\x1b[2K{text}");
        }
        let _ = stderr.flush();
        self.drawn = self.lines.len();
        self.last_draw = Some(Instant::now());
    }

    fn finish(&mut self) {
        if self.terminal && !self.lines.is_empty() {
            self.draw();
        }
    }
}

/// `story/outlet    12.0 KiB  receiving (1 retry)  [#####.....]`: the state stays in view on a
/// narrow terminal; the bar shows only when the size is announced.
fn render_line(line: &Line, width: usize) -> String {
    let retries = match line.retries {
        0 => String::new(),
        1 => " (1 retry)".into(),
        n => format!(" ({n} retries)"),
    };
    let bar = match line.total {
        Some(total) if total > 0 => {
            let filled = ((line.received.min(total) * 20) / total) as usize;
            format!("  [{}{}]", "#".repeat(filled), ".".repeat(20 - filled))
        }
        _ => String::new(),
    };
    format!(
        "{:<width$} {:>10}  {}{retries}{bar}",
        line.key,
        human_size(line.received),
        line.state
    )
}

/// The summary table: one row per outlet.
fn summary(stories: &[LoadedStory]) -> String {
    let width = stories
        .iter()
        .flat_map(|story| {
            let story_width = story.story.chars().count();
            story
                .reports
                .iter()
                .map(move |r| story_width + 1 + r.outlet.chars().count())
        })
        .max()
        .unwrap_or(0)
        .max("OUTLET".len());
    let mut out = format!(
        "{:<width$} {:>6} {:>10} {:>8}  {}\n",
        "OUTLET", "STATUS", "SIZE", "TIME", "RESULT"
    );
    for story in stories {
        for report in &story.reports {
            let status = report.status.map_or("-".to_string(), |s| s.to_string());
            let result = match (&report.origin, &report.error) {
                // Fetching is for the cache: a page that could not be kept is a failure.
                (Some(origin), None) if report.cache_error.is_some() => format!(
                    "{} but not kept: {}",
                    origin.as_str(),
                    clean_line(report.cache_error.as_deref().unwrap_or_default())
                ),
                (Some(origin), Some(error)) => {
                    format!(
                        "{} (refresh failed: {})",
                        origin.as_str(),
                        clean_line(error)
                    )
                }
                (Some(origin), None) => origin.as_str().to_string(),
                (None, Some(error)) => format!("failed: {}", clean_line(error)),
                (None, None) => "failed".to_string(),
            };
            out.push_str(&format!(
                "{:<width$} {:>6} {:>10} {:>7.1}s  {result}\n",
                format!("{}/{}", story.story, report.outlet),
                status,
                human_size(report.bytes),
                report.elapsed.as_secs_f64(),
            ));
        }
    }
    out
}

fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Origin, OutletReport};

    #[test]
    fn the_summary_names_each_outlet_with_its_result() {
        let report = |outlet: &str, origin, error: Option<&str>| OutletReport {
            outlet: outlet.into(),
            source: "https://example.com/a".into(),
            origin,
            status: origin.map(|_| 200),
            bytes: 2048,
            version: None,
            elapsed: Duration::from_millis(1500),
            error: error.map(String::from),
            cache_error: None,
        };
        let story = LoadedStory {
            story: "quake".into(),
            reports: vec![
                report("wire", Some(Origin::New), None),
                report(
                    "daily",
                    None,
                    Some("https://example.com/a: HTTP 404 Not Found"),
                ),
            ],
            ..LoadedStory::default()
        };
        let table = summary(&[story]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("quake/wire") && lines[1].ends_with("new"));
        assert!(lines[1].contains("2.0 KiB") && lines[1].contains("1.5s"));
        assert!(lines[2].contains("failed: https://example.com/a: HTTP 404"));
    }

    #[test]
    fn progress_lines_show_a_bar_when_the_size_is_known() {
        let line = Line {
            key: "s/o".into(),
            state: "receiving".into(),
            received: 512,
            total: Some(1024),
            retries: 2,
        };
        let text = render_line(&line, 3);
        assert!(text.contains("[##########..........]"), "{text}");
        assert!(text.contains("receiving (2 retries)"), "{text}");
    }
}
