//! `parallax discover [--since 2d] [--format text|json] [--add N [--story ID]]`: read every
//! outlet's feeds (the articles' client, limits, robots.txt and cache), cluster their items
//! into candidate stories, list them; `--add N` turns the N-th into a `[[story]]` of
//! sources.toml through `parallax add`.
//!
//! Exit code: 0 when every feed was read, 1 when some failed (the rest are clustered; each
//! failure is named on stderr), 2 for a bad config, no feeds declared or a bad flag.

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, ValueEnum};

use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL, GlobalArgs};
use crate::cache::Cache;
use crate::config::Config;
use crate::discover::candidates::Candidates;
use crate::discover::{fetching, report};
use crate::fetch::{FetchLimits, Fetcher};

/// Output formats of `discover`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiscoverFormat {
    /// A numbered list of the candidate stories.
    #[default]
    Text,
    /// `{"clusters": [{"items": [...]}], "failures": [...]}`.
    Json,
}

/// Arguments of `discover`.
#[derive(Debug, Clone, Args)]
pub struct DiscoverArgs {
    /// Only items published within this long before now: `30m`, `12h`, `2d`, `1w` (undated
    /// items are kept).
    #[arg(long, value_name = "AGE", value_parser = parse_age)]
    pub since: Option<jiff::SignedDuration>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiscoverFormat::Text)]
    pub format: DiscoverFormat,
    /// Turn candidate story N (as listed, from 1) into a [[story]] of sources.toml.
    #[arg(long, value_name = "N")]
    pub add: Option<usize>,
    /// The id of the story `--add` writes (default: from its newest headline).
    #[arg(long, value_name = "ID", requires = "add")]
    pub story: Option<String>,
}

/// Reads `30m`, `12h`, `2d` or `1w` as a duration.
pub fn parse_age(text: &str) -> Result<jiff::SignedDuration, String> {
    let bad = || format!("{text:?}: expected a number and a unit m, h, d or w (e.g. 2d)");
    let text = text.trim();
    let split = text.len().checked_sub(1).ok_or_else(bad)?;
    let (number, unit) = text.split_at_checked(split).ok_or_else(bad)?;
    let number: i64 = number.parse().map_err(|_| bad())?;
    let minutes = match unit {
        "m" => 1,
        "h" => 60,
        "d" => 24 * 60,
        "w" => 7 * 24 * 60,
        _ => return Err(bad()),
    };
    number
        .checked_mul(minutes * 60)
        .filter(|seconds| *seconds >= 0)
        .map(jiff::SignedDuration::from_secs)
        .ok_or_else(bad)
}

/// Runs `discover`.
pub fn run(global: &GlobalArgs, args: &DiscoverArgs) -> ExitCode {
    let config = match global.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    if config.outlets.iter().all(|outlet| outlet.feeds.is_empty()) {
        say!(
            "{}: no outlet declares feeds (add `feeds = [\"https://.../rss.xml\"]` to an [[outlet]])",
            config.path.display()
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let cache = Cache::new(&global.cache_dir).with_max_page_bytes(config.settings.max_body_bytes);
    let fetcher = if global.offline {
        None
    } else {
        match Fetcher::new(FetchLimits::from_settings(&config.settings)) {
            Ok(fetcher) => Some(Arc::new(fetcher)),
            Err(err) => {
                say!("error: {err}");
                return ExitCode::from(EXIT_PARTIAL);
            }
        }
    };
    let read = crate::pipeline::block_on(fetching::read_feeds(&config, &cache, fetcher));
    for failure in &read.failures {
        say!("{}: feed error: {}", failure.outlet, failure.error);
    }
    let candidates = Candidates::of(read.items, args.since);
    let code = if read.failures.is_empty() {
        EXIT_OK
    } else {
        EXIT_PARTIAL
    };
    if let Some(number) = args.add {
        return add(
            global,
            &config,
            &candidates,
            number,
            args.story.as_deref(),
            code,
        );
    }
    let (items, clusters) = (&candidates.items, &candidates.clusters);
    let text = match args.format {
        DiscoverFormat::Text => report::text(items, clusters),
        DiscoverFormat::Json => report::json(items, clusters, &read.failures),
    };
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
    ExitCode::from(code)
}

/// Writes candidate `number` (from 1) as a story through `add`'s own code
/// ([`Candidates::request`]).
fn add(
    global: &GlobalArgs,
    config: &Config,
    candidates: &Candidates,
    number: usize,
    story: Option<&str>,
    feeds_code: u8,
) -> ExitCode {
    let request = number
        .checked_sub(1)
        .and_then(|index| candidates.request(index, config, story));
    let Some(request) = request else {
        say!(
            "error: --add {number}: there are {} candidate stories (numbered from 1)",
            candidates.clusters.len()
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    let code = super::add::save(global, &request);
    if code == ExitCode::from(EXIT_OK) && feeds_code != EXIT_OK {
        ExitCode::from(feeds_code)
    } else {
        code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_a_number_and_a_unit() {
        assert_eq!(parse_age("2d").unwrap().as_secs(), 2 * 86_400);
        assert_eq!(parse_age("30m").unwrap().as_secs(), 1_800);
        assert_eq!(parse_age("1w").unwrap().as_secs(), 7 * 86_400);
        for bad in ["", "d", "2", "2y", "-1d", "99999999999999999w"] {
            assert!(parse_age(bad).is_err(), "{bad}");
        }
    }
}
