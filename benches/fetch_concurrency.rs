//! Wall time of loading a story whose 8 outlets each answer in 300 ms, against a story of one
//! such outlet: with concurrent fetching the ratio is close to 1, not 8.
//!
//! Run: `cargo bench --bench fetch_concurrency` (or `cargo test --bench fetch_concurrency` for
//! an unoptimised build; the work is I/O-bound, so the figures barely differ).

#[path = "../tests/support/http_server.rs"]
mod http_server;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_server::{Reply, TestServer};
use parallax::cache::Cache;
use parallax::config::Config;
use parallax::fetch::{FetchLimits, Fetcher};
use parallax::pipeline::{LoadOptions, Loader};

const ANSWER_TIME: Duration = Duration::from_millis(300);
const RUNS: usize = 5;

fn story(servers: &[TestServer]) -> Config {
    let mut text = String::new();
    for i in 0..servers.len() {
        text.push_str(&format!(
            "[[outlet]]\nid = \"o{i}\"\nname = \"Outlet {i}\"\n"
        ));
    }
    text.push_str("[[story]]\nid = \"bench\"\ntitle = \"Bench\"\n");
    for (i, server) in servers.iter().enumerate() {
        text.push_str(&format!(
            "[[story.article]]\noutlet = \"o{i}\"\nurl = \"{}\"\n",
            server.url("/story")
        ));
    }
    Config::parse(&text, Path::new("sources.toml")).expect("the bench config is valid")
}

/// Median wall time of loading the story (fresh cache each run, so every page is fetched).
async fn median_load_time(config: &Config) -> Duration {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let dir = tempfile::tempdir().expect("a temp dir");
        // Default limits (8 at once, 2 per host), robots.txt off: the servers serve none.
        let fetcher = Fetcher::new(FetchLimits {
            respect_robots: false,
            ..FetchLimits::default()
        })
        .expect("a client");
        let loader = Loader::with_parts(
            Cache::new(dir.path()),
            Some(Arc::new(fetcher)),
            LoadOptions::default(),
        );
        let (sender, _receiver) = tokio::sync::mpsc::unbounded_channel();
        let started = Instant::now();
        let loaded = loader.load(config, &config.stories[0], &sender).await;
        times.push(started.elapsed());
        assert!(loaded.failures.is_empty(), "{:?}", loaded.failures);
    }
    times.sort();
    times[RUNS / 2]
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let mut servers = Vec::new();
        for _ in 0..8 {
            let page = "<html><body><p>One paragraph of the story.</p></body></html>";
            servers.push(
                TestServer::start(move |_, _| {
                    Reply::Delayed(ANSWER_TIME, Box::new(Reply::html(page)))
                })
                .await,
            );
        }
        let one = median_load_time(&story(&servers[..1])).await;
        let eight = median_load_time(&story(&servers)).await;
        println!("fetch_concurrency: outlets answering in {ANSWER_TIME:?}, median of {RUNS} runs");
        println!("  1 outlet : {:>7.1} ms", one.as_secs_f64() * 1000.0);
        println!("  8 outlets: {:>7.1} ms", eight.as_secs_f64() * 1000.0);
        println!(
            "  ratio 8/1: {:.2} (sequential fetching would be about 8)",
            eight.as_secs_f64() / one.as_secs_f64()
        );
    });
}
