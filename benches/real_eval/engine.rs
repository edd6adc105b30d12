//! Running parallax on the sets, and reading its statuses in the evaluation's terms.

use parallax::align::compare;
use parallax::model::{ChangeClass, ClaimStatus, Comparison, EngineSettings, OutletEntry, Status};

use crate::metrics::Outcome;

/// An outlet of one paragraph per entry of `paragraphs`.
pub fn outlet(id: &str, paragraphs: Vec<String>) -> OutletEntry {
    OutletEntry {
        id: id.to_string(),
        name: id.to_string(),
        paragraphs,
        ..OutletEntry::default()
    }
}

/// Compares sentence `a` (the reference) with sentence `b`, each a one-paragraph outlet.
pub fn compare_pair(a: &str, b: &str) -> Comparison {
    compare(
        "eval",
        vec![
            outlet("a", vec![a.to_string()]),
            outlet("b", vec![b.to_string()]),
        ],
        "a",
        Vec::new(),
        &EngineSettings::default(),
    )
}

/// The statuses `outlet` gets for the reference's claims.
pub fn reference_statuses<'c>(
    comparison: &'c Comparison,
    reference: &str,
    outlet: &str,
) -> Vec<&'c ClaimStatus> {
    comparison
        .claims
        .iter()
        .filter(|c| c.origin == reference)
        .filter_map(|c| c.statuses.get(outlet))
        .collect()
}

/// Carried, and nothing conflicts (framing and details allowed): MSRP's "equivalent".
pub fn carried_without_conflict(status: &ClaimStatus) -> bool {
    match status.status {
        Status::Appears => true,
        Status::Differs => status.class != Some(ChangeClass::Conflict),
        Status::Missing | Status::Added => false,
    }
}

/// JUDGING.md's reading: `differs` counts only with a conflict or framing reason, a `differs`
/// of details only is `appears`.
pub fn judged_outcome(status: &ClaimStatus) -> Outcome {
    match status.status {
        Status::Appears => Outcome::Appears,
        Status::Differs if status.class > Some(ChangeClass::Detail) => Outcome::Differs,
        Status::Differs => Outcome::Appears,
        Status::Missing | Status::Added => Outcome::Missing,
    }
}

/// The status as it stands: any `differs` is `differs` (iSTS counts a more specific side as a
/// difference).
pub fn raw_outcome(status: &ClaimStatus) -> Outcome {
    match status.status {
        Status::Appears => Outcome::Appears,
        Status::Differs => Outcome::Differs,
        Status::Missing | Status::Added => Outcome::Missing,
    }
}

/// One outcome for a text cut into several claims: missing if none is carried, appears if all
/// appear, else differs.
pub fn combined(outcomes: &[Outcome]) -> Outcome {
    if outcomes.iter().all(|o| *o == Outcome::Missing) {
        Outcome::Missing
    } else if outcomes.iter().all(|o| *o == Outcome::Appears) {
        Outcome::Appears
    } else {
        Outcome::Differs
    }
}
