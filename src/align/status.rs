//! The status of one claim in one outlet: `appears` when the outlet's passage carries the same
//! facts, `differs` (with a reason per changed fact) when a fact changed, `missing` when no
//! passage carries it, `added` for a claim the reference lacks; and the `moved` flag for a
//! passage that stands out of the reference's order.

use super::claims::Claim;
use super::diff::DiffBudget;
use super::wording;
use crate::model::{ClaimStatus, Status};
use crate::text::facts::{self, aliases::Aliases};

/// The reference's own status for one of its claims: `appears`, similarity 1.
pub fn origin_status(claim: &Claim) -> ClaimStatus {
    ClaimStatus {
        status: Status::Appears,
        text: Some(claim.text.clone()),
        similarity: 1.0,
        headline: claim.span.is_none(),
        spans: claim.span.into_iter().collect(),
        ..ClaimStatus::missing()
    }
}

/// The status of an outlet whose `passage` (one or two adjacent claims) carries `origin`.
///
/// `differs` exactly when the facts changed. In a `merged` sentence that carries a second
/// reference claim too, facts the outlet has beyond `origin` belong to that other claim, so only
/// facts changed or dropped count.
pub fn carried_status(
    origin: &Claim,
    passage: &[&Claim],
    similarity: f64,
    merged: bool,
    budget: &DiffBudget,
    aliases: &Aliases,
) -> ClaimStatus {
    let text = passage
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let changes = match passage {
        [single] => facts::compare_facts_with(&origin.facts, &single.facts, aliases),
        _ => facts::compare_facts_with(&origin.facts, &facts::extract_facts(&text), aliases),
    };
    let mut changes: Vec<_> = changes
        .into_iter()
        .filter(|change| !merged || change.from.is_some())
        .collect();
    let diff = budget.word_diff(&origin.text, &text);
    changes.extend(wording::wording_changes(
        &diff,
        merged,
        &changes,
        origin.lead_in,
    ));
    ClaimStatus {
        status: if changes.is_empty() {
            Status::Appears
        } else {
            Status::Differs
        },
        similarity: similarity.clamp(0.0, 1.0),
        moved: false,
        reasons: changes.iter().map(|c| c.reason.clone()).collect(),
        class: changes.iter().map(|c| c.class).max(),
        changes,
        headline: passage.iter().all(|c| c.span.is_none()),
        spans: passage.iter().filter_map(|c| c.span).collect(),
        diff,
        text: Some(text),
    }
}

/// The status of an outlet carrying an added claim; `origin` is the first carrying outlet's
/// claim, None when `claim` is that origin.
pub fn added_status(
    claim: &Claim,
    origin: Option<&Claim>,
    similarity: f64,
    budget: &DiffBudget,
) -> ClaimStatus {
    ClaimStatus {
        status: Status::Added,
        text: Some(claim.text.clone()),
        similarity: if origin.is_some() {
            similarity.clamp(0.0, 1.0)
        } else {
            1.0
        },
        headline: claim.span.is_none(),
        spans: claim.span.into_iter().collect(),
        diff: origin.map_or_else(Vec::new, |o| budget.word_diff(&o.text, &claim.text)),
        ..ClaimStatus::missing()
    }
}

/// Which matched passages stand out of the reference's order. `positions[i]` is where the
/// outlet carries reference claim `i` (None when missing); the longest run of claims whose
/// positions never go back in reading order keeps its place, every other match is moved.
pub fn moved_flags(positions: &[Option<usize>]) -> Vec<bool> {
    // Patience-style longest non-decreasing subsequence with back links.
    let mut tails: Vec<usize> = Vec::new(); // index into `positions` of the tail of each length
    let mut back: Vec<Option<usize>> = vec![None; positions.len()];
    for (i, pos) in positions.iter().enumerate() {
        let Some(pos) = *pos else { continue };
        let len = tails.partition_point(|&t| positions[t].is_some_and(|p| p <= pos));
        back[i] = len.checked_sub(1).map(|l| tails[l]);
        if len == tails.len() {
            tails.push(i);
        } else {
            tails[len] = i;
        }
    }
    let mut moved: Vec<bool> = positions.iter().map(Option::is_some).collect();
    let mut cursor = tails.last().copied();
    while let Some(i) = cursor {
        moved[i] = false;
        cursor = back[i];
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_order_matches_are_not_moved() {
        assert_eq!(
            moved_flags(&[Some(0), None, Some(2), Some(2), Some(5)]),
            vec![false; 5]
        );
    }

    #[test]
    fn a_passage_brought_forward_is_the_one_moved() {
        // Reference claims 0..4; the outlet carries claim 3 first.
        let moved = moved_flags(&[Some(1), Some(2), Some(3), Some(0), Some(4)]);
        assert_eq!(moved, vec![false, false, false, true, false]);
    }
}
