//! Benchmark of `compare --all`: a generated collection of 1,000 stories × 5 outlets (articles
//! made in memory, deterministically), compared in parallel across cores and written as one CSV
//! table and as one SQLite database. Prints stories per second.
//!
//! Run: `cargo bench --bench collection` (`-- STORIES` for another size).

use std::time::Instant;

use parallax::model::{Article, Comparison, EngineSettings, OutletEntry};
use parallax::report::collection::{CollectionWriter, default_threads, map_in_order};
use parallax::report::{Format, Options};

const OUTLETS: usize = 5;
const WORDS: [&str; 40] = [
    "officials",
    "said",
    "the",
    "province",
    "documents",
    "show",
    "foreign",
    "technology",
    "projects",
    "were",
    "approved",
    "in",
    "a",
    "plan",
    "that",
    "the",
    "ministry",
    "reported",
    "companies",
    "transfer",
    "million",
    "yuan",
    "agreement",
    "signed",
    "local",
    "government",
    "leaked",
    "files",
    "describe",
    "targets",
    "experts",
    "warned",
    "according",
    "to",
    "investigators",
    "factory",
    "workers",
    "council",
    "bridge",
    "residents",
];

/// One generated sentence: 12 to 24 words, a number and a date among them.
fn sentence(rng: &mut fastrand::Rng) -> String {
    let len = rng.usize(12..24);
    let mut words: Vec<String> = (0..len)
        .map(|_| WORDS[rng.usize(..WORDS.len())].into())
        .collect();
    words[rng.usize(..len)] = format!("{}", rng.u32(2..5000));
    words[0] = capitalise(&words[0]);
    if rng.bool() {
        words.push(format!("on Nov. {}, 2020", rng.u32(1..29)));
    }
    format!("{}.", words.join(" "))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// A story: the reference article, then rewrites that drop, reorder, reword numbers and add.
fn story(seed: u64) -> Vec<OutletEntry> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let reference: Vec<String> = (0..rng.usize(10..16))
        .map(|_| format!("{} {}", sentence(&mut rng), sentence(&mut rng)))
        .collect();
    (0..OUTLETS)
        .map(|o| {
            let mut paragraphs = reference.clone();
            if o > 0 {
                paragraphs.retain(|_| rng.u8(..10) > 1);
                for paragraph in &mut paragraphs {
                    if rng.u8(..4) == 0 {
                        *paragraph = paragraph.replacen(char::is_numeric, "9", 1);
                    }
                }
                if paragraphs.len() > 3 && rng.bool() {
                    paragraphs.swap(1, 3);
                }
                for _ in 0..rng.usize(0..3) {
                    let at = rng.usize(..=paragraphs.len());
                    paragraphs.insert(at, sentence(&mut rng));
                }
            }
            let id = format!("outlet{o}");
            let article = Article {
                title: format!("Story {seed}"),
                paragraphs,
                ..Article::default()
            };
            parallax::pipeline::outlet_entry(
                &id,
                &id,
                &format!("https://{id}.example/{seed}"),
                article,
            )
        })
        .collect()
}

fn compare(index: &usize) -> Comparison {
    parallax::align::compare(
        &format!("story-{index}"),
        story(*index as u64),
        "outlet0",
        Vec::new(),
        &EngineSettings::default(),
    )
}

fn run(stories: &[usize], format: Format) -> (f64, usize) {
    let started = Instant::now();
    let mut writer = CollectionWriter::new(format, Options::default()).unwrap();
    map_in_order(stories, default_threads(), compare, |_, result| {
        writer.add(&result.unwrap()).unwrap();
    });
    let bytes = writer.finish().unwrap();
    (started.elapsed().as_secs_f64(), bytes.len())
}

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let stories: Vec<usize> = (0..count).collect();
    println!(
        "collection: {count} stories x {OUTLETS} outlets, {} threads",
        default_threads()
    );
    let started = Instant::now();
    let claims: usize = stories
        .iter()
        .take(50)
        .map(|i| compare(i).claims.len())
        .sum();
    println!(
        "engine alone, one thread: {:.1} stories/s ({} claims per story on average)",
        50.0 / started.elapsed().as_secs_f64(),
        claims / 50
    );
    for format in [Format::Csv, Format::Sqlite] {
        let (seconds, bytes) = run(&stories, format);
        println!(
            "engine + {:6}: {:.1} stories/s ({seconds:.2} s, {:.1} MB written)",
            format.extension(),
            count as f64 / seconds,
            bytes as f64 / 1e6
        );
    }
}
