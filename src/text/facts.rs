//! The checkable facts of a claim, and what changed between two wordings of it.

use crate::model::FactChange;

/// The checkable parts of one claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Numbers as written in the claim.
    pub numbers: Vec<String>,
}

/// Extracts the facts of one sentence.
pub fn extract_facts(sentence: &str) -> Facts {
    let numbers = sentence
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|s| s.trim_matches(|c| c == '.' || c == ','))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Facts { numbers }
}

/// The changes from the origin's facts to another outlet's facts, one per changed fact.
pub fn compare_facts(origin: &Facts, other: &Facts) -> Vec<FactChange> {
    if origin.numbers == other.numbers {
        return Vec::new();
    }
    let from = origin.numbers.join(", ");
    let to = other.numbers.join(", ");
    vec![FactChange {
        kind: crate::model::ChangeKind::Number,
        reason: format!("number: {from} -> {to}"),
        from: Some(from),
        to: Some(to),
    }]
}

/// Whether `text` carries a checkable fact of its own (a number or a date), which decides when
/// [`crate::text::sentences::split_claims`] splits a list.
pub fn has_checkable_fact(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}
