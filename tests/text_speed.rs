//! How long the text stage takes on a story of 8 outlets with ~800-word articles: sentence and
//! claim splitting, tokenising, fact extraction, and fact comparison of every claim against
//! candidate claims of every other outlet. Prints figures, asserts nothing about time (timed
//! assertions are flaky on a shared machine).
//!
//! Run: `cargo test --release --test text_speed -- --ignored --nocapture`

use std::time::Instant;

use parallax::text::{facts, sentences, tokens};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    origin: String,
    other: String,
}

/// Eight articles of about 800 words in 25 paragraphs, from the evaluation sentences: the
/// first outlet takes the origin wordings, the others mix in the rewordings.
fn story() -> Vec<Vec<String>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fact_pairs.toml"
    );
    let fixture: Fixture = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    (0..8)
        .map(|outlet| {
            let mut paragraphs = Vec::new();
            let mut words = 0;
            let mut k = outlet * 7;
            while words < 800 {
                let mut paragraph = String::new();
                for _ in 0..2 {
                    let pair = &fixture.pair[k % fixture.pair.len()];
                    let sentence = if (k + outlet) % 5 == 0 {
                        &pair.other
                    } else {
                        &pair.origin
                    };
                    paragraph.push_str(sentence);
                    paragraph.push(' ');
                    words += sentence.split_whitespace().count();
                    k += 1;
                }
                paragraphs.push(paragraph.trim_end().to_string());
            }
            paragraphs
        })
        .collect()
}

/// Milliseconds per round of `f`, over `rounds` rounds.
fn time<T>(rounds: usize, mut f: impl FnMut() -> T) -> f64 {
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(f());
    }
    start.elapsed().as_secs_f64() * 1000.0 / rounds as f64
}

#[test]
#[ignore = "a measurement, run on demand in release mode"]
fn text_stage_on_eight_outlets_of_800_words() {
    let story = story();
    let rounds = 50;
    let claims: Vec<Vec<String>> = story
        .iter()
        .map(|paragraphs| {
            paragraphs
                .iter()
                .flat_map(|p| {
                    sentences::split_claims(p)
                        .into_iter()
                        .map(|r| p[r].to_string())
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    let split = time(rounds, || {
        story
            .iter()
            .flatten()
            .map(|p| sentences::split_claims(p).len())
            .sum::<usize>()
    });
    let tokenize = time(rounds, || {
        claims
            .iter()
            .flatten()
            .map(|c| tokens::tokenize(c).len())
            .sum::<usize>()
    });
    let extract = time(rounds, || {
        claims
            .iter()
            .flatten()
            .map(|c| facts::extract_facts(c))
            .collect::<Vec<_>>()
    });
    let analysed: Vec<Vec<facts::Facts>> = claims
        .iter()
        .map(|outlet| outlet.iter().map(|c| facts::extract_facts(c)).collect())
        .collect();
    // Each reference claim against 10 candidates in every other outlet: overlap for the
    // similarity, and the comparison of the best match.
    let compare = time(rounds, || {
        let mut sink = 0.0;
        for (i, origin) in analysed[0].iter().enumerate() {
            for outlet in &analysed[1..] {
                for candidate in outlet.iter().skip(i.saturating_sub(5)).take(10) {
                    sink += facts::fact_overlap(origin, candidate);
                }
                if let Some(best) = outlet.get(i) {
                    sink += facts::compare_facts(origin, best).len() as f64;
                }
            }
        }
        sink
    });
    let words: usize = story
        .iter()
        .flatten()
        .map(|p| p.split_whitespace().count())
        .sum();
    let claims_total: usize = claims.iter().map(Vec::len).sum();
    println!(
        "text stage, 8 outlets, {words} words, {claims_total} claims, ms per story: \
         split_claims {split:.2}, tokenize {tokenize:.2}, extract_facts {extract:.2}, \
         fact_overlap x10 + compare_facts x1 per reference claim and outlet {compare:.2}; \
         total {:.2}",
        split + tokenize + extract + compare
    );
}
