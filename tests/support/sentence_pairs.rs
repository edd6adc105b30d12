//! Sentence-pair evaluations: each story's `a` sentences as one outlet's article and its `b`
//! sentences as another's (one sentence per paragraph), compared by the engine, with the
//! bag-of-words pieces the baselines need.
// Each test crate that includes `support` uses its own part of it.
#![allow(dead_code)]

use std::collections::HashSet;

use parallax::align::compare;
use parallax::model::{ClaimStatus, Comparison, EngineSettings, OutletEntry, Status};
use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

/// A file of labelled sentence pairs under `tests/fixtures/`, grouped by story.
#[derive(Deserialize)]
pub struct PairFile {
    pub story: Vec<PairStory>,
}

/// The pairs of one story.
#[derive(Deserialize)]
pub struct PairStory {
    pub topic: String,
    /// Written after the engine's constants were set, never used to tune them.
    #[serde(default)]
    pub held_out: bool,
    pub pair: Vec<LabelledPair>,
}

/// Two outlets' sentences, labelled.
#[derive(Deserialize)]
pub struct LabelledPair {
    pub a: String,
    pub b: String,
    /// The two carry the same claim (verbatim, paraphrased, or with a fact changed).
    pub same: bool,
    /// A checkable fact of the two conflicts (another number in the same place).
    #[serde(default)]
    pub conflict: bool,
}

/// Reads `tests/fixtures/{file}`.
pub fn read_pairs(file: &str) -> PairFile {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The two sides of a story's pairs.
pub fn story_sides(story: &PairStory) -> Sides {
    sides(
        story
            .pair
            .iter()
            .map(|p| (p.a.as_str(), p.b.as_str(), p.same)),
    )
}

/// One story as two outlets: distinct `a` sentences, distinct `b` sentences, and each pair as
/// (index in a, index in b, same).
pub struct Sides {
    pub a: Vec<String>,
    pub b: Vec<String>,
    pub pairs: Vec<(usize, usize, bool)>,
}

/// The two sides of a story's pairs, given as (a, b, same).
pub fn sides<'p>(pairs: impl IntoIterator<Item = (&'p str, &'p str, bool)>) -> Sides {
    let mut sides = Sides {
        a: Vec::new(),
        b: Vec::new(),
        pairs: Vec::new(),
    };
    let index = |list: &mut Vec<String>, s: &str| {
        list.iter().position(|x| x == s).unwrap_or_else(|| {
            list.push(s.to_string());
            list.len() - 1
        })
    };
    for (a, b, same) in pairs {
        let (i, j) = (index(&mut sides.a, a), index(&mut sides.b, b));
        sides.pairs.push((i, j, same));
    }
    sides
}

/// Plain bag-of-words overlap: lowercased words (each Han character one word), no stems, no
/// weights.
pub fn jaccard(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> HashSet<String> { s.unicode_words().map(str::to_lowercase).collect() };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Greedy one-to-one assignment of `a` to `b` by descending score, at or above `threshold`.
pub fn assign(scores: &[Vec<f64>], threshold: f64) -> Vec<Option<usize>> {
    let mut all: Vec<(f64, usize, usize)> = Vec::new();
    for (i, row) in scores.iter().enumerate() {
        for (j, &s) in row.iter().enumerate() {
            if s >= threshold {
                all.push((s, i, j));
            }
        }
    }
    all.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut of_a = vec![None; scores.len()];
    let mut used = HashSet::new();
    for (_, i, j) in all {
        if of_a[i].is_none() && !used.contains(&j) {
            of_a[i] = Some(j);
            used.insert(j);
        }
    }
    of_a
}

/// The engine's comparison of the two sides as two articles, `a` the reference.
pub fn compare_sides(sides: &Sides) -> Comparison {
    let outlet = |id: &str, sentences: &[String]| OutletEntry {
        id: id.to_string(),
        paragraphs: sentences.to_vec(),
        ..OutletEntry::default()
    };
    compare(
        "eval",
        vec![outlet("a", &sides.a), outlet("b", &sides.b)],
        "a",
        Vec::new(),
        &EngineSettings::default(),
    )
}

/// For each `a` sentence, the `b` sentence that carries it and how (None when none does).
pub fn carried_by(comparison: &Comparison, sides: &Sides) -> Vec<Option<(usize, ClaimStatus)>> {
    let mut of_a = vec![None; sides.a.len()];
    for claim in comparison.claims.iter().filter(|c| c.origin == "a") {
        let carried = &claim.statuses["b"];
        if matches!(carried.status, Status::Appears | Status::Differs) {
            let i = claim.statuses["a"].spans[0].paragraph;
            of_a[i] = carried
                .spans
                .first()
                .map(|s| (s.paragraph, carried.clone()));
        }
    }
    of_a
}

/// The share of (decided, truth) pairs that agree.
pub fn accuracy(decisions: &[(bool, bool)]) -> f64 {
    decisions.iter().filter(|(d, same)| d == same).count() as f64 / decisions.len() as f64
}

/// The Jaccard baseline's (threshold, accuracy) at its best threshold over `stories`: alone, and
/// with one-to-one assignment.
pub fn best_baselines(stories: &[&Sides]) -> ((f64, f64), (f64, f64)) {
    let jaccards: Vec<Vec<Vec<f64>>> = stories
        .iter()
        .map(|s| {
            s.a.iter()
                .map(|a| s.b.iter().map(|b| jaccard(a, b)).collect())
                .collect()
        })
        .collect();
    let mut thresholds: Vec<f64> = jaccards.iter().flatten().flatten().copied().collect();
    thresholds.push(1.1);
    let mut best_alone = (0.0, 0.0);
    let mut best_assigned = (0.0, 0.0);
    for &t in &thresholds {
        let mut alone = Vec::new();
        let mut assigned = Vec::new();
        for (sides, scores) in stories.iter().zip(&jaccards) {
            let of_a = assign(scores, t);
            for &(i, j, same) in &sides.pairs {
                alone.push((scores[i][j] >= t, same));
                assigned.push((of_a[i] == Some(j), same));
            }
        }
        if accuracy(&alone) > best_alone.1 {
            best_alone = (t, accuracy(&alone));
        }
        if accuracy(&assigned) > best_assigned.1 {
            best_assigned = (t, accuracy(&assigned));
        }
    }
    (best_alone, best_assigned)
}
