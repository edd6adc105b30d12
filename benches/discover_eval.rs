//! `discover`'s clustering measured on real headlines (issue 14): the iSTS headline pairs of
//! `../shared/bench/claims/` are two outlets' headlines of one event each. Every pair whose
//! chunks are not all NOALI gives two feed items, side a from outlet `a`, side b from outlet
//! `b`; clustering all of them must pair them up again. Prints precision, recall and F1 of
//! same-story pairs for `discover`'s clustering (at its shipped threshold, and swept) and, in
//! the same run, for a plain TF-IDF average-link clustering (lowercased words, no stems, its
//! threshold tuned on these very labels), without and with the one-outlet rule. Then the speed
//! bench: 1,000 generated items from 20 outlets, clustered, with how its 40 events came out.
//!
//! `cargo bench --bench discover_eval`; the data are read from `../shared/bench/claims` (or
//! `PARALLAX_CLAIMS_DIR`); without them the quality part prints why and is skipped.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax::discover::cluster::{self, JOIN_SIMILARITY};
use parallax::discover::feed::FeedItem;
use parallax::discover::likeness::pairs_sharing;
use parallax::discover::linkage::{Edge, average_link};
use unicode_segmentation::UnicodeSegmentation;

const HEADLINES: &str = "ists-headlines-sentences-train.jsonl";

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("PARALLAX_CLAIMS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../shared/bench/claims"));
    match std::fs::read_to_string(dir.join(HEADLINES)) {
        Ok(text) => quality(&text),
        Err(err) => println!(
            "discover_eval quality skipped: {} cannot be read ({err}; the real-data sets live \
             outside the repository)",
            dir.join(HEADLINES).display()
        ),
    }
    speed();
}

/// The headlines as feed items of outlets `a` and `b`, and the gold same-story pairs.
fn headline_items(text: &str) -> (Vec<FeedItem>, HashSet<(usize, usize)>) {
    let mut items = Vec::new();
    let mut gold = HashSet::new();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        // Each pair is listed from both sides; "missing": none of its chunks aligns (NOALI).
        if row["side"] != "a" || row["label"] == "missing" {
            continue;
        }
        let pair = row["pair_id"].as_u64().expect("a pair id");
        for side in ["a", "b"] {
            items.push(FeedItem {
                outlet: side.to_string(),
                url: format!("https://{side}.example/{pair}"),
                guid: String::new(),
                title: row[side].as_str().expect("a headline").to_string(),
                summary: String::new(),
                published: None,
            });
        }
        gold.insert((items.len() - 2, items.len() - 1));
    }
    (items, gold)
}

/// Precision, recall and F1 of the same-story pairs of `groups`.
#[derive(Debug, Clone, Copy, Default)]
struct Scores {
    precision: f64,
    recall: f64,
    f1: f64,
}

fn scores_of(groups: &[Vec<usize>], gold: &HashSet<(usize, usize)>) -> Scores {
    let (mut predicted, mut right) = (0usize, 0usize);
    for group in groups {
        for (k, &a) in group.iter().enumerate() {
            for &b in &group[k + 1..] {
                predicted += 1;
                right += usize::from(gold.contains(&(a.min(b), a.max(b))));
            }
        }
    }
    let precision = right as f64 / predicted.max(1) as f64;
    let recall = right as f64 / gold.len().max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    Scores {
        precision,
        recall,
        f1,
    }
}

/// Plain TF-IDF cosine over lowercased words (tf × ln(N/df)), every pair sharing a word.
fn tfidf_edges(items: &[FeedItem]) -> Vec<Edge> {
    let counts: Vec<HashMap<String, f64>> = items
        .iter()
        .map(|item| {
            let mut counts = HashMap::new();
            for word in item.title.unicode_words() {
                *counts.entry(word.to_lowercase()).or_insert(0.0) += 1.0;
            }
            counts
        })
        .collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, words) in counts.iter().enumerate() {
        for word in words.keys() {
            postings.entry(word).or_default().push(i);
        }
    }
    let n = items.len() as f64;
    let vectors: Vec<HashMap<&str, f64>> = counts
        .iter()
        .map(|words| {
            let mut vector: HashMap<&str, f64> = words
                .iter()
                .map(|(w, tf)| {
                    (
                        w.as_str(),
                        tf * (n / postings[w.as_str()].len() as f64).ln(),
                    )
                })
                .collect();
            let norm = vector.values().map(|v| v * v).sum::<f64>().sqrt();
            vector
                .values_mut()
                .for_each(|v| *v /= norm.max(f64::EPSILON));
            vector
        })
        .collect();
    pairs_sharing(postings.values().map(Vec::as_slice))
        .into_iter()
        .map(|(a, b)| {
            let dot: f64 = vectors[a]
                .iter()
                .filter_map(|(w, x)| vectors[b].get(w).map(|y| x * y))
                .sum();
            (a, b, dot as f32)
        })
        .filter(|&(_, _, score)| score > 0.0)
        .collect()
}

const THRESHOLDS: [f64; 12] = [
    0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7,
];

/// Scores at every threshold of [`THRESHOLDS`], printed on one line each; the best.
fn sweep(
    name: &str,
    gold: &HashSet<(usize, usize)>,
    groups_at: impl Fn(f64) -> Vec<Vec<usize>>,
) -> (f64, Scores) {
    let mut best = (0.0, Scores::default());
    for threshold in THRESHOLDS {
        let scores = scores_of(&groups_at(threshold), gold);
        println!(
            "  {name:<28} threshold {threshold:.2}: precision {:.3} recall {:.3} F1 {:.3}",
            scores.precision, scores.recall, scores.f1
        );
        if scores.f1 > best.1.f1 {
            best = (threshold, scores);
        }
    }
    best
}

fn quality(text: &str) {
    let (items, gold) = headline_items(text);
    println!(
        "discover_eval: iSTS headlines train, {} headlines of outlets a and b, {} same-story pairs",
        items.len(),
        gold.len()
    );
    let started = Instant::now();
    let ours = scores_of(&cluster::cluster(&items), &gold);
    let took = started.elapsed();
    let edges = cluster::similarities(&items);
    let ours_best = sweep("parallax", &gold, |t| cluster::group(&items, &edges, t));
    let tfidf = tfidf_edges(&items);
    let plain = sweep("TF-IDF average-link", &gold, |t| {
        average_link(items.len(), &tfidf, t, |_, _| true)
    });
    let ruled = sweep("TF-IDF + one-outlet rule", &gold, |t| {
        cluster::group(&items, &tfidf, t)
    });
    println!(
        "parallax at its shipped threshold {JOIN_SIMILARITY}: precision {:.3} recall {:.3} F1 {:.3} \
         ({:.0} ms); best of the sweep F1 {:.3} at {}",
        ours.precision,
        ours.recall,
        ours.f1,
        took.as_secs_f64() * 1000.0,
        ours_best.1.f1,
        ours_best.0
    );
    for (name, (threshold, best)) in [
        ("plain TF-IDF average-link", plain),
        ("TF-IDF average-link + one-outlet rule", ruled),
    ] {
        println!(
            "{name}, best threshold {threshold}: precision {:.3} recall {:.3} F1 {:.3}",
            best.precision, best.recall, best.f1
        );
    }
}

/// 1,000 generated items of 20 outlets: 40 events told by 10 to 20 outlets each (their
/// headlines built from the event's words in varying order, with shared filler words), the
/// rest unrelated items; prints how long clustering takes and how the events came out.
fn speed() {
    let mut rng = fastrand::Rng::with_seed(14);
    let vocabulary: Vec<String> = (0..4000).map(|i| word(i, &mut rng)).collect();
    let filler = [
        "says", "after", "new", "report", "over", "amid", "the", "of",
    ];
    let base = 1_796_000_000;
    let mut items = Vec::new();
    // The event of each item, None for an unrelated one.
    let mut events = Vec::new();
    for event in 0..40 {
        let words: Vec<&str> = (0..8)
            .map(|_| vocabulary[rng.usize(..vocabulary.len())].as_str())
            .collect();
        let outlets = rng.usize(10..=20);
        for outlet in 0..outlets {
            let mut title: Vec<&str> = words.clone();
            rng.shuffle(&mut title);
            title.truncate(rng.usize(4..=7));
            title.insert(rng.usize(..title.len()), filler[rng.usize(..filler.len())]);
            items.push(feed_item(
                outlet,
                items.len(),
                title.join(" "),
                base + event * 3600,
            ));
            events.push(Some(event));
        }
    }
    while items.len() < 1000 {
        let title: Vec<&str> = (0..7)
            .map(|_| vocabulary[rng.usize(..vocabulary.len())].as_str())
            .collect();
        let at = base + rng.i64(0..72 * 3600);
        items.push(feed_item(
            items.len() % 20,
            items.len(),
            title.join(" "),
            at,
        ));
        events.push(None);
    }
    let started = Instant::now();
    let clusters = cluster::cluster(&items);
    let took = started.elapsed();
    println!(
        "discover speed: {} items of 20 outlets clustered in {:.0} ms ({} clusters)",
        items.len(),
        took.as_secs_f64() * 1000.0,
        clusters.len()
    );
    generated_quality(&items, &events, &clusters);
}

/// How `clusters` of the speed bench's items tell its events (`events`: each item's event,
/// None for an unrelated item): precision, recall and F1 of same-event pairs, and the
/// clusters that hold unrelated items only, or that put one into an event or mix events.
fn generated_quality(items: &[FeedItem], events: &[Option<i64>], clusters: &[Vec<usize>]) {
    let mut gold = HashSet::new();
    for a in 0..items.len() {
        for b in a + 1..items.len() {
            if events[a].is_some() && events[a] == events[b] {
                gold.insert((a, b));
            }
        }
    }
    let scores = scores_of(clusters, &gold);
    let (mut unrelated, mut wrong) = (0, 0);
    for cluster in clusters {
        let told: HashSet<Option<i64>> = cluster.iter().map(|&i| events[i]).collect();
        if told == HashSet::from([None]) {
            unrelated += 1;
        } else if told.len() > 1 {
            wrong += 1;
        }
    }
    println!(
        "  of them: the 40 events precision {:.3} recall {:.3} F1 {:.3} (same-event pairs); \
         {unrelated} clusters of unrelated items only, {wrong} mixing events or an unrelated \
         item into one",
        scores.precision, scores.recall, scores.f1
    );
}

fn feed_item(outlet: usize, n: usize, title: String, at: i64) -> FeedItem {
    FeedItem {
        outlet: format!("outlet{outlet}"),
        url: format!("https://outlet{outlet}.example/{n}"),
        guid: String::new(),
        summary: format!("{title} and more about it in the lead paragraph"),
        title,
        published: jiff::Timestamp::from_second(at).ok(),
    }
}

/// A pronounceable made-up word.
fn word(seed: usize, rng: &mut fastrand::Rng) -> String {
    let (consonants, vowels) = (b"bcdfghklmnprstvz", b"aeiou");
    let length = 2 + seed % 3;
    (0..length)
        .flat_map(|_| {
            [
                consonants[rng.usize(..consonants.len())] as char,
                vowels[rng.usize(..vowels.len())] as char,
            ]
        })
        .collect()
}
