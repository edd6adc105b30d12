//! Conflicts on real sentence pairs: MSRP train pairs whose two sentences both state figures,
//! every conflict between them listed blind by careful reading (the pair's id and the kinds of
//! its conflicts, no text): `tests/fixtures/msrp-conflict-labels.jsonl` to develop on, and
//! `msrp-conflict-labels-heldout.jsonl`, never tuned on. Parallax's conflicts are scored
//! against them kind by kind, a naive baseline beside: a `number` conflict wherever the two
//! sentences' figures differ.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use parallax::model::ChangeClass;
use serde::Deserialize;

use crate::data::{self, MsrpPair};
use crate::engine;

/// One labelled pair: its MSRP id and the kinds of the conflicts a careful reader lists.
#[derive(Deserialize)]
struct ConflictLabel {
    id: String,
    conflicts: Vec<String>,
}

/// The files of the held-out labels, under `tests/fixtures`: the first set (seed 20261208),
/// and a second (seed 20261209) labelled after the first set's errors had been listed once.
pub const HELD_OUT: [&str; 2] = [
    "msrp-conflict-labels-heldout.jsonl",
    "msrp-conflict-labels-heldout-2.jsonl",
];

/// The ids of the held-out pairs (none where a file is absent), which no listing shows.
pub fn held_out_ids(fixtures: &Path) -> Result<std::collections::HashSet<String>, String> {
    let mut ids = std::collections::HashSet::new();
    for file in HELD_OUT.map(|name| fixtures.join(name)) {
        if file.is_file() {
            let labels: Vec<ConflictLabel> = data::read_jsonl(&file)?;
            ids.extend(labels.into_iter().map(|l| l.id));
        }
    }
    Ok(ids)
}

/// The kinds of conflict, as parallax names them in `changes[].kind`.
const KINDS: [&str; 5] = ["number", "date", "name", "quote", "negation"];

/// Conflicts found of each kind: (listed by the reader, reported, reported and listed).
type Tally = BTreeMap<&'static str, (usize, usize, usize)>;

/// Scores the labelled pairs and prints precision and recall of parallax's conflicts.
pub fn evaluate(title: &str, dir: &Path, labels_file: &Path, show: bool) -> Result<(), String> {
    let labels: Vec<ConflictLabel> = data::read_jsonl(labels_file)?;
    let pairs: Vec<MsrpPair> = data::read_jsonl(&dir.join("msrp-train.jsonl"))?;
    let by_id: HashMap<&str, &MsrpPair> = pairs.iter().map(|p| (p.id.as_str(), p)).collect();
    let (mut parallax, mut naive) = (Tally::new(), Tally::new());
    let mut pair_level = Vec::new();
    for label in &labels {
        let pair = by_id
            .get(label.id.as_str())
            .ok_or_else(|| format!("{}: no MSRP pair {}", labels_file.display(), label.id))?;
        let listed = counts(label.conflicts.iter().map(String::as_str))?;
        let comparison = engine::compare_pair(&pair.a, &pair.b);
        let reported_kinds: Vec<&str> = engine::reference_statuses(&comparison, "a", "b")
            .into_iter()
            .flat_map(|s| &s.changes)
            .filter(|c| c.class == ChangeClass::Conflict)
            .map(|c| c.kind.as_str())
            .collect();
        let reported = counts(reported_kinds.iter().copied())?;
        let guessed = counts(naive_conflicts(&pair.a, &pair.b).into_iter())?;
        tally(&mut parallax, &listed, &reported);
        tally(&mut naive, &listed, &guessed);
        pair_level.push((!reported.is_empty(), !listed.is_empty()));
        if show && listed != reported {
            println!(
                "  x listed {:?}, parallax {:?}: {}  |  {}",
                label.conflicts, reported_kinds, pair.a, pair.b
            );
        }
    }
    println!(
        "== MSRP conflicts, {title}: {} pairs that both state figures, {} with a conflict",
        labels.len(),
        pair_level.iter().filter(|(_, listed)| *listed).count()
    );
    let (_, precision, recall) = crate::metrics::f1(&pair_level);
    println!("  pairs with a conflict: parallax precision {precision:.3}, recall {recall:.3}");
    for kind in KINDS {
        let (p, n) = (
            parallax.get(kind).copied().unwrap_or_default(),
            naive.get(kind).copied().unwrap_or_default(),
        );
        if p.0 + p.1 + n.1 > 0 {
            println!(
                "  {kind:<9} listed {:>3}   parallax {}   figures differ {}",
                p.0,
                scored(p),
                scored(n)
            );
        }
    }
    Ok(())
}

/// How many conflicts of each kind `kinds` holds; an unknown kind is an error.
fn counts<'k>(
    kinds: impl Iterator<Item = &'k str>,
) -> Result<BTreeMap<&'static str, usize>, String> {
    let mut counts = BTreeMap::new();
    for kind in kinds {
        let known = KINDS
            .iter()
            .find(|k| **k == kind)
            .ok_or_else(|| format!("unknown kind of conflict `{kind}`"))?;
        *counts.entry(*known).or_insert(0) += 1;
    }
    Ok(counts)
}

/// Adds one pair's conflicts to `tally`: per kind, as many are right as both sides count.
fn tally(
    tally: &mut Tally,
    listed: &BTreeMap<&'static str, usize>,
    reported: &BTreeMap<&'static str, usize>,
) {
    for kind in KINDS {
        let (l, r) = (
            listed.get(kind).copied().unwrap_or(0),
            reported.get(kind).copied().unwrap_or(0),
        );
        let entry = tally.entry(kind).or_default();
        *entry = (entry.0 + l, entry.1 + r, entry.2 + l.min(r));
    }
}

/// "reported N, precision P, recall R" of one kind's tally.
fn scored((listed, reported, right): (usize, usize, usize)) -> String {
    let share = |part: usize, of: usize| {
        if of == 0 {
            "  -  ".to_string()
        } else {
            format!("{:.3}", part as f64 / of as f64)
        }
    };
    format!(
        "{reported:>3} (precision {}, recall {})",
        share(right, reported),
        share(right, listed)
    )
}

/// The naive reading: one `number` conflict per figure of `a` that `b` does not state, when `b`
/// states a figure `a` does not.
fn naive_conflicts(a: &str, b: &str) -> Vec<&'static str> {
    let figures = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .map(|t| t.trim_matches(|c| c == '.' || c == ','))
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .map(|t| t.replace(',', ""))
            .collect()
    };
    let (fa, fb) = (figures(a), figures(b));
    let only_a = fa.iter().filter(|f| !fb.contains(f)).count();
    let only_b = fb.iter().filter(|f| !fa.contains(f)).count();
    vec!["number"; only_a.min(only_b)]
}
