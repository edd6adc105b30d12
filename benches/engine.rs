//! Speed of the comparison engine on generated news-like articles (deterministic, seeded):
//!
//! 1. a story of 8 outlets, each ~800 words in ~25 paragraphs, with about 20% of sentences
//!    rewritten and some paragraphs moved or dropped: the whole `Comparison` (target < 20 ms),
//!    and of it the provenance (`parallax::provenance::analyse`: every pair's verbatim runs,
//!    particulars, credits and the graph; target: a few milliseconds),
//!    then the framing lens on it (`parallax::framing::analyse`, target: a few ms);
//! 2. two articles of 500, 1,000, 2,000 and 5,000 sentences (target < 1 s at 5,000), to show
//!    the growth is near-linear, and how many of the sentences copied word for word are carried
//!    as `appears` and of the sentences one version added are found as added.
//!
//! Run with `cargo bench --bench engine`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use parallax::align::compare;
use std::collections::HashSet;

use parallax::model::{ClaimCluster, Comparison, EngineSettings, OutletEntry, Status};

/// Function words, drawn often, as in real prose.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "said", "was", "by", "as",
    "it", "from", "at", "its", "has", "had", "were", "would", "after", "which",
];

/// A vocabulary of `size` made-up content words (some capitalised, as names are).
fn vocabulary(rng: &mut fastrand::Rng, size: usize) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mer", "tin", "sa", "vor", "el", "dan", "ri", "pos", "un", "te", "gal", "ber",
        "ish", "con", "tra", "ment", "ol", "pa", "nes", "ver", "di", "cor",
    ];
    (0..size)
        .map(|i| {
            let mut word: String = (0..rng.usize(2..=4))
                .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
                .collect();
            if i % 9 == 0 {
                word[..1].make_ascii_uppercase();
            }
            word
        })
        .collect()
}

/// A content word, common ones more often (log-uniform rank, close to Zipf).
fn content_word<'a>(rng: &mut fastrand::Rng, words: &'a [String]) -> &'a str {
    let rank = (words.len() as f64).powf(rng.f64()) as usize;
    &words[rank.saturating_sub(1).min(words.len() - 1)]
}

/// A sentence of 12 to 24 words, about 40% function words, sometimes with a figure.
fn sentence(rng: &mut fastrand::Rng, words: &[String]) -> String {
    let length = rng.usize(12..=24);
    let mut out: Vec<String> = (0..length)
        .map(|_| {
            if rng.f64() < 0.4 {
                FUNCTION_WORDS[rng.usize(..FUNCTION_WORDS.len())].to_string()
            } else {
                content_word(rng, words).to_string()
            }
        })
        .collect();
    if rng.f64() < 0.4 {
        let at = rng.usize(..out.len());
        out[at] = rng.u32(2..100_000).to_string();
    }
    out[0][..1].make_ascii_uppercase();
    format!("{}.", out.join(" "))
}

/// A rewrite of `original`: about a third of its words replaced, two swapped.
fn rewrite(rng: &mut fastrand::Rng, original: &str, words: &[String]) -> String {
    let mut out: Vec<String> = original
        .trim_end_matches('.')
        .split(' ')
        .map(str::to_string)
        .collect();
    for word in out.iter_mut() {
        if rng.f64() < 0.33 {
            *word = content_word(rng, words).to_string();
        }
    }
    if out.len() > 3 {
        let at = rng.usize(1..out.len() - 1);
        out.swap(at, at + 1);
    }
    format!("{}.", out.join(" "))
}

/// Paragraphs of sentences for the reference.
fn article(
    rng: &mut fastrand::Rng,
    words: &[String],
    sentences: usize,
    per_paragraph: usize,
) -> Vec<Vec<String>> {
    let mut paragraphs = Vec::new();
    let mut left = sentences;
    while left > 0 {
        let take = rng.usize(1..=per_paragraph * 2 - 1).min(left);
        paragraphs.push((0..take).map(|_| sentence(rng, words)).collect());
        left -= take;
    }
    paragraphs
}

/// Another outlet's version: 20% of sentences rewritten, 5% dropped, 3% added, a few paragraphs
/// moved elsewhere and one dropped; with the sentences it added.
fn version(
    rng: &mut fastrand::Rng,
    reference: &[Vec<String>],
    words: &[String],
) -> (Vec<Vec<String>>, HashSet<String>) {
    let mut added = HashSet::new();
    let mut paragraphs: Vec<Vec<String>> = reference
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            for s in p {
                let roll = rng.f64();
                if roll < 0.05 {
                    continue;
                }
                out.push(if roll < 0.25 {
                    rewrite(rng, s, words)
                } else {
                    s.clone()
                });
                if rng.f64() < 0.03 {
                    let new = sentence(rng, words);
                    added.insert(new.clone());
                    out.push(new);
                }
            }
            out
        })
        .filter(|p: &Vec<String>| !p.is_empty())
        .collect();
    if paragraphs.len() > 4 {
        paragraphs.remove(rng.usize(..paragraphs.len()));
        for _ in 0..(paragraphs.len() / 12).max(1) {
            let from = rng.usize(..paragraphs.len());
            let moved = paragraphs.remove(from);
            let to = rng.usize(..=paragraphs.len());
            paragraphs.insert(to, moved);
        }
    }
    (paragraphs, added)
}

/// How the engine read a generated pair: of the reference's sentences the other version copied
/// word for word, the share matched and the share carried as `appears` (the others are matched
/// to an outlet sentence the splitter joined to the next, which opens on a figure); of the
/// sentences it added, the share found as claims only it has.
fn recognised(
    comparison: &Comparison,
    other: &[Vec<String>],
    added: &HashSet<String>,
) -> (f64, f64, f64) {
    let copied: HashSet<&String> = other.iter().flatten().collect();
    let verbatim: Vec<&ClaimCluster> = comparison
        .claims
        .iter()
        .filter(|c| c.origin == "outlet0" && copied.contains(&c.text))
        .collect();
    let appears = verbatim
        .iter()
        .filter(|c| c.statuses["outlet1"].status == Status::Appears)
        .count();
    let matched = verbatim
        .iter()
        .filter(|c| c.statuses["outlet1"].status != Status::Missing)
        .count();
    let found = comparison
        .claims
        .iter()
        .filter(|c| c.origin == "outlet1" && added.contains(&c.text))
        .count();
    let share = |n: usize, of: usize| n as f64 / of.max(1) as f64;
    (
        share(matched, verbatim.len()),
        share(appears, verbatim.len()),
        share(found, added.len()),
    )
}

fn outlet(id: usize, paragraphs: &[Vec<String>]) -> OutletEntry {
    OutletEntry {
        id: format!("outlet{id}"),
        name: format!("Outlet {id}"),
        paragraphs: paragraphs.iter().map(|p| p.join(" ")).collect(),
        ..OutletEntry::default()
    }
}

/// CPU time this thread has run so far (Linux `/proc/thread-self/schedstat`, nanoseconds), so
/// that figures hold on a busy machine where wall time also counts waiting for a core.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// The median wall time and median CPU time of `runs` calls of `work`.
fn median_time(runs: usize, mut work: impl FnMut()) -> (Duration, Option<Duration>) {
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..runs {
        let (start, start_cpu) = (Instant::now(), cpu_time());
        work();
        wall.push(start.elapsed());
        if let (Some(a), Some(b)) = (start_cpu, cpu_time()) {
            cpu.push(b.saturating_sub(a));
        }
    }
    wall.sort();
    cpu.sort();
    (wall[runs / 2], cpu.get(cpu.len() / 2).copied())
}

/// `12.34 ms (CPU 10.20 ms)`.
fn show(time: (Duration, Option<Duration>)) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    match time.1 {
        Some(cpu) => format!("{:8.2} ms wall, {:8.2} ms CPU", ms(time.0), ms(cpu)),
        None => format!("{:8.2} ms wall", ms(time.0)),
    }
}

fn main() {
    let settings = EngineSettings::default();
    let mut rng = fastrand::Rng::with_seed(2026);
    let words = vocabulary(&mut rng, 3000);

    let reference = article(&mut rng, &words, 45, 2);
    let mut outlets = vec![outlet(0, &reference)];
    for id in 1..8 {
        outlets.push(outlet(id, &version(&mut rng, &reference, &words).0));
    }
    let word_count: usize = outlets[0]
        .paragraphs
        .iter()
        .map(|p| p.split(' ').count())
        .sum();
    let time = median_time(31, || {
        black_box(compare(
            "bench",
            outlets.clone(),
            "outlet0",
            Vec::new(),
            &settings,
        ));
    });
    println!(
        "8 outlets, reference {} words in {} paragraphs: {} per comparison (median of 31)",
        word_count,
        outlets[0].paragraphs.len(),
        show(time)
    );
    let comparison = compare("bench", outlets.clone(), "outlet0", Vec::new(), &settings);
    let time = median_time(31, || {
        black_box(parallax::provenance::analyse(&comparison));
    });
    let derived = comparison.provenance.derivations().count();
    println!(
        "  of which provenance (28 pairs, {derived} derived): {} (median of 31)",
        show(time)
    );
    let lens = median_time(31, || {
        black_box(parallax::framing::analyse(&comparison));
    });
    println!(
        "the framing lens on that comparison: {} (median of 31)",
        show(lens)
    );

    for sentences in [500, 1_000, 2_000, 5_000] {
        let mut rng = fastrand::Rng::with_seed(sentences as u64);
        let words = vocabulary(&mut rng, 20_000);
        let reference = article(&mut rng, &words, sentences, 4);
        let (other, added) = version(&mut rng, &reference, &words);
        let pair = vec![outlet(0, &reference), outlet(1, &other)];
        let runs = if sentences >= 2_000 { 5 } else { 11 };
        let time = median_time(runs, || {
            black_box(compare(
                "bench",
                pair.clone(),
                "outlet0",
                Vec::new(),
                &settings,
            ));
        });
        let per_sentence = time.1.unwrap_or(time.0).as_secs_f64() * 1e6 / sentences as f64;
        println!(
            "2 articles of {sentences:>5} sentences: {} ({per_sentence:.1} µs per sentence)",
            show(time)
        );
        let comparison = compare("bench", pair.clone(), "outlet0", Vec::new(), &settings);
        let time = median_time(runs, || {
            black_box(parallax::provenance::analyse(&comparison));
        });
        println!("  of which provenance: {}", show(time));
        let (matched, verbatim, found) = recognised(&comparison, &other, &added);
        println!(
            "  sentences copied word for word matched: {:.1}%, as appears: {:.1}%; added sentences found as added: {:.1}% of {}",
            matched * 100.0,
            verbatim * 100.0,
            found * 100.0,
            added.len()
        );
    }
}
