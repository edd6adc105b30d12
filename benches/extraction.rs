//! Extraction benchmark: extracts every page of `../shared/bench/extraction/html/*.html.gz`,
//! prints pages per second (one thread; decoding and extraction timed, gunzip not), and writes
//! the predictions `{id: text}` for `score.py` to `$PARALLAX_PREDICTIONS` or
//! `target/extraction-predictions.json`. The body text is the paragraphs with the subheadings
//! in place, joined by blank lines (the headline is left out, as in the ground truth).
//!
//! Run: `cargo bench --bench extraction`, then
//! `python3 ../shared/bench/extraction/score.py target/extraction-predictions.json --worst 10`.
//! Set `PARALLAX_SHARED` when the shared folder is elsewhere.

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use parallax::extract::decode::decode_html;
use parallax::extract::{ExtractHints, extract_article};
use parallax::model::{Article, Block};

/// Where the benchmark pages are, if anywhere.
fn bench_dir() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("PARALLAX_SHARED").map(PathBuf::from),
        Some(manifest.join("../shared")),
        Some(manifest.join("../../shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|shared| shared.join("bench/extraction"))
        .find(|dir| dir.join("html").is_dir())
}

/// The article body as the benchmark's ground truth states it.
fn body_text(article: &Article) -> String {
    let parts: Vec<&str> = article
        .blocks()
        .into_iter()
        .map(|block| match block {
            Block::Heading(text) | Block::Paragraph(text) => text,
        })
        .collect();
    parts.join("\n\n")
}

/// Nanoseconds this thread has run on a CPU (Linux), to measure speed on a shared machine
/// where wall time includes waiting for a core.
fn thread_cpu_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn main() {
    let Some(dir) = bench_dir() else {
        println!("skipping: ../shared/bench/extraction not found (set PARALLAX_SHARED)");
        return;
    };
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir.join("html"))
        .expect("readable bench folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let id = name.trim_end_matches(".html.gz").to_string();
        let mut bytes = Vec::new();
        let file = std::fs::File::open(&path).expect("readable page");
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .expect("valid gzip");
        pages.push((id, bytes));
    }
    let total_bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let hints = ExtractHints::default();
    let rounds: usize = std::env::var("PARALLAX_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let mut predictions = serde_json::Map::new();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let cpu_start = thread_cpu_nanos();
        for (id, bytes) in &pages {
            let text = decode_html(bytes, None).text;
            let article = extract_article(&text, &hints);
            predictions.insert(id.clone(), body_text(&article).into());
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu_start, thread_cpu_nanos()) {
            best_cpu = best_cpu.min((after - before) as f64 / 1e9);
        }
    }
    let out = std::env::var_os("PARALLAX_PREDICTIONS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/extraction-predictions.json")
        });
    let json = serde_json::to_string_pretty(&predictions).expect("serialisable");
    std::fs::write(&out, json).expect("writable predictions file");
    println!(
        "{} pages, {:.1} MB in {:.3} s (best of {rounds}): {:.0} pages/s, {:.1} MB/s",
        pages.len(),
        total_bytes as f64 / 1e6,
        best,
        pages.len() as f64 / best,
        total_bytes as f64 / 1e6 / best
    );
    if best_cpu < f64::MAX {
        println!(
            "CPU time {:.3} s: {:.0} pages/s, {:.1} MB/s per core",
            best_cpu,
            pages.len() as f64 / best_cpu,
            total_bytes as f64 / 1e6 / best_cpu
        );
    }
    println!("predictions: {}", out.display());
    println!(
        "score: python3 {} {} --worst 10",
        dir.join("score.py").display(),
        out.display()
    );
}
