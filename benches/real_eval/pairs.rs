//! The sentence-pair sets: MSRP train (equivalent or not) and iSTS headlines train (the whole
//! headline, and each typed chunk).

use std::path::Path;

use parallax::model::{ChangeClass, DiffOp, Status};

use crate::baseline;
use crate::data::{self, IstsChunk, IstsSentence, MsrpPair};
use crate::engine;
use crate::metrics::{self, Outcome, Truth};

/// MSRP: parallax says "equivalent" when every claim of `a` is carried by `b` without a
/// conflicting fact. The conflicts of pairs in `hidden` (held out) are never listed.
pub fn msrp(
    dir: &Path,
    show: bool,
    hidden: &std::collections::HashSet<String>,
) -> Result<(), String> {
    let pairs: Vec<MsrpPair> = data::read_jsonl(&dir.join("msrp-train.jsonl"))?;
    let mut decisions = Vec::new();
    let mut scores = Vec::new();
    let mut conflicts = Vec::new();
    let mut conflict_kinds = std::collections::BTreeMap::new();
    for pair in &pairs {
        let comparison = engine::compare_pair(&pair.a, &pair.b);
        let statuses = engine::reference_statuses(&comparison, "a", "b");
        let equivalent =
            !statuses.is_empty() && statuses.iter().all(|s| engine::carried_without_conflict(s));
        decisions.push((equivalent, pair.equivalent));
        scores.push((baseline::jaccard(&pair.a, &pair.b), pair.equivalent));
        conflicts.push((
            statuses
                .iter()
                .any(|s| s.class == Some(ChangeClass::Conflict)),
            pair.equivalent,
        ));
        if pair.equivalent {
            for change in statuses.iter().flat_map(|s| &s.changes) {
                if change.class == ChangeClass::Conflict {
                    *conflict_kinds.entry(change.kind.as_str()).or_insert(0usize) += 1;
                    if show && !hidden.contains(&pair.id) {
                        println!("  ! {}  |  {}  |  {}", change.reason, pair.a, pair.b);
                    }
                }
            }
        }
    }
    let (threshold, bow) = baseline::tune_binary(&scores, metrics::accuracy);
    let equivalent = pairs.iter().filter(|p| p.equivalent).count();
    println!(
        "== MSRP train: {} pairs, {} equivalent ({:.3} by always answering equivalent)",
        pairs.len(),
        equivalent,
        equivalent as f64 / pairs.len() as f64
    );
    let (f1, precision, recall) = metrics::f1(&decisions);
    println!(
        "  accuracy        parallax {:.3}   bag of words {bow:.3} (Jaccard >= {threshold:.2})",
        metrics::accuracy(&decisions)
    );
    println!("  equivalent F1   parallax {f1:.3} (precision {precision:.3}, recall {recall:.3})");
    let called_missing = decisions.iter().filter(|(d, _)| !d).count();
    println!("  pairs parallax calls not equivalent: {called_missing}");
    let share = |judged_equivalent: bool, counted: &dyn Fn(usize) -> bool| {
        let of: Vec<usize> = (0..pairs.len())
            .filter(|&i| pairs[i].equivalent == judged_equivalent)
            .collect();
        of.iter().filter(|&&i| counted(i)).count() as f64 / of.len().max(1) as f64
    };
    println!(
        "  equivalent pairs with a conflict: {:.3}; not-equivalent pairs with a conflict or missing: {:.3}",
        share(true, &|i| conflicts[i].0),
        // parallax's "not equivalent" is exactly a conflict or a claim missing.
        share(false, &|i| !decisions[i].0)
    );
    println!("  their conflicts by kind: {conflict_kinds:?}");
    Ok(())
}

/// iSTS headlines, whole-headline view: the status of `a`'s claims against `b` as it stands.
pub fn ists_sentences(dir: &Path, show: bool) -> Result<(), String> {
    let rows: Vec<IstsSentence> =
        data::read_jsonl(&dir.join("ists-headlines-sentences-train.jsonl"))?;
    let mut decisions = Vec::new();
    let mut scores: Vec<(f64, Outcome)> = Vec::new();
    for row in &rows {
        let comparison = engine::compare_pair(&row.a, &row.b);
        let outcomes: Vec<Outcome> = engine::reference_statuses(&comparison, "a", "b")
            .into_iter()
            .map(engine::raw_outcome)
            .collect();
        let truth = Outcome::parse(&row.label);
        let decided = engine::combined(&outcomes);
        if show && decided != truth {
            let reasons: Vec<&str> = engine::reference_statuses(&comparison, "a", "b")
                .into_iter()
                .flat_map(|s| s.reasons.iter().map(String::as_str))
                .collect();
            println!(
                "  x {truth:?} as {decided:?}: {}  |  {}  |  {}",
                row.a,
                row.b,
                reasons.join("; ")
            );
        }
        decisions.push((decided, truth));
        scores.push((baseline::jaccard(&row.a, &row.b), truth));
    }
    let truths: Vec<(f64, Truth)> = scores.iter().map(|&(s, t)| (s, Truth::Is(t))).collect();
    let (low, high, bow) = baseline::tune_three_way(&truths);
    println!(
        "== iSTS headlines train, whole headline: {} headline pairs",
        rows.len()
    );
    println!(
        "  macro-F1        parallax {:.3}   bag of words {bow:.3} (Jaccard {low:.2} / {high:.2})",
        metrics::macro_f1(&decisions)
    );
    println!(
        "  accuracy        parallax {:.3}",
        metrics::accuracy(&decisions)
    );
    print_confusion(&decisions);
    Ok(())
}

/// iSTS chunks: a chunk of `a` appears when the claim holding it is carried and every word of
/// the chunk stands unchanged in its word diff, is missing when none does, else differs.
pub fn ists_chunks(dir: &Path) -> Result<(), String> {
    let rows: Vec<IstsChunk> = data::read_jsonl(&dir.join("ists-headlines-chunks-train.jsonl"))?;
    let mut decisions = Vec::new();
    let mut bow = Vec::new();
    let mut last: Option<(String, String, std::collections::HashSet<String>)> = None;
    for row in &rows {
        let cached = last
            .as_ref()
            .is_some_and(|(a, b, _)| *a == row.a && *b == row.b);
        if !cached {
            let comparison = engine::compare_pair(&row.a, &row.b);
            let kept: String = comparison
                .claims
                .iter()
                .filter(|c| c.origin == "a")
                .filter_map(|c| c.statuses.get("b"))
                .filter(|s| matches!(s.status, Status::Appears | Status::Differs))
                .flat_map(|s| {
                    if s.diff.is_empty() {
                        s.text.clone().into_iter().collect::<Vec<_>>()
                    } else {
                        s.diff
                            .iter()
                            .filter(|p| p.op == DiffOp::Equal)
                            .map(|p| p.text.clone())
                            .collect()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            last = Some((row.a.clone(), row.b.clone(), baseline::words(&kept)));
        }
        let kept = &last.as_ref().expect("set above").2;
        let truth = Outcome::parse(&row.label);
        decisions.push((chunk_outcome(&row.span, kept), truth));
        bow.push((chunk_outcome(&row.span, &baseline::words(&row.b)), truth));
    }
    println!("== iSTS headlines train, chunks: {} chunks", rows.len());
    println!(
        "  macro-F1        parallax {:.3}   bag of words {:.3} (the chunk's words found in the other headline)",
        metrics::macro_f1(&decisions),
        metrics::macro_f1(&bow)
    );
    Ok(())
}

fn chunk_outcome(span: &str, kept: &std::collections::HashSet<String>) -> Outcome {
    let words = baseline::words(span);
    let found = words.iter().filter(|w| kept.contains(*w)).count();
    if found == 0 {
        Outcome::Missing
    } else if found == words.len() {
        Outcome::Appears
    } else {
        Outcome::Differs
    }
}

/// Prints `table[true][predicted]` of appears / differs / missing.
pub fn print_confusion(decisions: &[(Outcome, Outcome)]) {
    let table = metrics::confusion(decisions);
    println!("  true \\ parallax   appears  differs  missing");
    for (truth, row) in Outcome::ALL.iter().zip(table) {
        println!(
            "  {:<16} {:>7}  {:>7}  {:>7}",
            format!("{truth:?}").to_lowercase(),
            row[0],
            row[1],
            row[2]
        );
    }
}
