//! Evaluation of the fact comparison on labelled sentence pairs (`tests/fixtures/fact_pairs.toml`):
//! how often `compare_facts` decides `differs` rightly, and how well its reasons name the kinds
//! of fact that changed, against a bag-of-words baseline ("differs iff the word sets differ").
//!
//! Run `cargo test --test fact_eval -- --nocapture` to see the figures and every miss.

use std::collections::{BTreeSet, HashSet};

use parallax::text::facts::{compare_facts, extract_facts};
use parallax::text::tokens::tokenize;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    origin: String,
    other: String,
    changes: Vec<String>,
}

/// Counts of a binary decision.
#[derive(Default)]
struct Confusion {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Confusion {
    fn add(&mut self, predicted: bool, expected: bool) {
        match (predicted, expected) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.tn + self.fp + self.fn_).max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} accuracy {:.3}  precision {:.3}  recall {:.3}  (tp {} fp {} fn {} tn {})",
            self.accuracy(),
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fn_,
            self.tn
        )
    }
}

fn word_set(text: &str) -> HashSet<String> {
    tokenize(text).into_iter().map(|t| t.text).collect()
}

#[test]
fn fact_comparison_beats_bag_of_words_on_labelled_pairs() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fact_pairs.toml"
    );
    let fixture: Fixture = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        fixture.pair.len() >= 60,
        "the evaluation set needs at least 60 pairs"
    );

    let mut differs = Confusion::default();
    let mut baseline = Confusion::default();
    let (mut kind_tp, mut kind_fp, mut kind_fn) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for pair in &fixture.pair {
        let changes = compare_facts(&extract_facts(&pair.origin), &extract_facts(&pair.other));
        let expected: BTreeSet<&str> = pair.changes.iter().map(String::as_str).collect();
        let predicted: BTreeSet<&str> = changes.iter().map(|c| c.kind.as_str()).collect();
        differs.add(!predicted.is_empty(), !expected.is_empty());
        baseline.add(
            word_set(&pair.origin) != word_set(&pair.other),
            !expected.is_empty(),
        );
        kind_tp += predicted.intersection(&expected).count();
        kind_fp += predicted.difference(&expected).count();
        kind_fn += expected.difference(&predicted).count();
        if predicted != expected {
            let reasons: Vec<&str> = changes.iter().map(|c| c.reason.as_str()).collect();
            misses.push(format!(
                "  {:?}\n  {:?}\n    expected {expected:?}, got {reasons:?}",
                pair.origin, pair.other
            ));
        }
    }
    let kind_precision = kind_tp as f64 / (kind_tp + kind_fp).max(1) as f64;
    let kind_recall = kind_tp as f64 / (kind_tp + kind_fn).max(1) as f64;
    let exact = fixture.pair.len() - misses.len();
    println!("fact_eval: {} labelled pairs", fixture.pair.len());
    println!("{}", differs.line("differs (compare_facts)"));
    println!("{}", baseline.line("differs (bag of words)"));
    println!(
        "reason kinds                 precision {kind_precision:.3}  recall {kind_recall:.3}  \
         (tp {kind_tp} fp {kind_fp} fn {kind_fn}); pairs with exactly the expected kinds: {exact}/{}",
        fixture.pair.len()
    );
    if !misses.is_empty() {
        println!(
            "pairs whose kinds differ from the label:\n{}",
            misses.join("\n")
        );
    }
    assert!(
        differs.accuracy() >= 0.90,
        "differs accuracy {:.3}",
        differs.accuracy()
    );
    assert!(
        differs.precision() >= 0.90,
        "differs precision {:.3}",
        differs.precision()
    );
    assert!(
        kind_precision >= 0.85 && kind_recall >= 0.85,
        "reason kinds {kind_precision:.3}/{kind_recall:.3}"
    );
    assert!(
        differs.accuracy() > baseline.accuracy() + 0.2,
        "must clearly beat bag of words"
    );
}
