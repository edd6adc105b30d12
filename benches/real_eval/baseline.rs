//! The bag-of-words baseline printed beside every figure: lowercased words, no stems, no
//! weights, its thresholds tuned on the very labels it is scored on (every advantage).

use std::collections::HashSet;

use unicode_segmentation::UnicodeSegmentation;

use crate::metrics::{self, Outcome, Truth};

/// The distinct lowercased words of `text`.
pub fn words(text: &str) -> HashSet<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

/// |a ∩ b| / |a ∪ b| of the two texts' words.
pub fn jaccard(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Share of the claim's words that the other text has.
pub fn containment(claim: &str, other: &str) -> f64 {
    let (claim, other) = (words(claim), words(other));
    if claim.is_empty() {
        return 0.0;
    }
    claim.intersection(&other).count() as f64 / claim.len() as f64
}

/// The sentences of an article's paragraphs (Unicode sentence boundaries).
pub fn sentences(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|p| p.unicode_sentences().map(str::to_string))
        .collect()
}

/// The best score of `claim` against any of `sentences`.
pub fn best(claim: &str, sentences: &[String], score: fn(&str, &str) -> f64) -> f64 {
    sentences
        .iter()
        .map(|s| score(claim, s))
        .fold(0.0, f64::max)
}

/// Missing below `low`, appears at or above `high`, differs between.
pub fn three_way(score: f64, low: f64, high: f64) -> Outcome {
    if score < low {
        Outcome::Missing
    } else if score >= high {
        Outcome::Appears
    } else {
        Outcome::Differs
    }
}

/// The threshold that maximises `objective` of (score ≥ t, truth) pairs, and its value.
pub fn tune_binary(scores: &[(f64, bool)], objective: fn(&[(bool, bool)]) -> f64) -> (f64, f64) {
    metrics::thresholds()
        .map(|t| {
            let pairs: Vec<(bool, bool)> =
                scores.iter().map(|&(s, truth)| (s >= t, truth)).collect();
            (t, objective(&pairs))
        })
        .fold((0.0, -1.0), |best, x| if x.1 > best.1 { x } else { best })
}

/// The (low, high) thresholds that maximise macro-F1 of (score, truth) pairs, and its value.
pub fn tune_three_way(scores: &[(f64, Truth)]) -> (f64, f64, f64) {
    let mut best = (0.0, 0.0, -1.0);
    for low in metrics::thresholds() {
        for high in metrics::thresholds().filter(|&h| h >= low) {
            let pairs: Vec<(Outcome, Outcome)> = scores
                .iter()
                .map(|&(s, truth)| {
                    let predicted = three_way(s, low, high);
                    (predicted, truth.against(predicted))
                })
                .collect();
            let value = metrics::macro_f1(&pairs);
            if value > best.2 {
                best = (low, high, value);
            }
        }
    }
    best
}
