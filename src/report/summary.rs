//! Per-outlet tallies of a comparison (how many claims each outlet carries, changes, lacks or
//! adds), shared by the Markdown and HTML summaries.

use crate::model::{ClaimStatus, Comparison, Status};

/// How one outlet carries the claims of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutletTally {
    /// Claims carried with the same facts.
    pub appears: usize,
    /// Claims carried with a changed fact.
    pub differs: usize,
    /// Claims not carried.
    pub missing: usize,
    /// Claims only this outlet (or outlets other than the reference) carries.
    pub added: usize,
    /// Carried claims that stand out of the reference's order.
    pub moved: usize,
    /// Claims of the reference (the denominator of coverage).
    pub reference_claims: usize,
}

impl OutletTally {
    /// Counts the statuses of `outlet` over every claim of `comparison`.
    pub fn of(comparison: &Comparison, outlet: &str) -> Self {
        let mut tally = OutletTally::default();
        for claim in &comparison.claims {
            let from_reference = claim.origin == comparison.reference;
            if from_reference {
                tally.reference_claims += 1;
            }
            let Some(status) = claim.statuses.get(outlet) else {
                continue;
            };
            match status.status {
                Status::Appears => tally.appears += 1,
                Status::Differs => tally.differs += 1,
                // A claim added by others and not carried here is not this outlet's omission.
                Status::Missing if from_reference => tally.missing += 1,
                Status::Missing => {}
                Status::Added => tally.added += 1,
            }
            if status.moved {
                tally.moved += 1;
            }
        }
        tally
    }

    /// Reference claims this outlet carries: unchanged (appears) or changed (differs). This is
    /// what "carried" means wherever parallax says it.
    pub fn carried(&self) -> usize {
        self.appears + self.differs
    }

    /// Share of the reference's claims this outlet carries ([`Self::carried`]), 0.0 to 1.0.
    pub fn coverage(&self) -> f64 {
        if self.reference_claims == 0 {
            return 0.0;
        }
        self.carried() as f64 / self.reference_claims as f64
    }

    /// The carried share with its parts, as every view writes it:
    /// `81% carried (23 = + 2 ~ of 31)`.
    pub fn carried_text(&self) -> String {
        format!(
            "{:.0}% carried ({} = + {} ~ of {})",
            self.coverage() * 100.0,
            self.appears,
            self.differs,
            self.reference_claims
        )
    }
}

/// The paragraph indexes a status's passage sits in, ascending and without repeats.
pub fn paragraph_indexes(status: &ClaimStatus) -> Vec<usize> {
    let mut indexes: Vec<usize> = status.spans.iter().map(|s| s.paragraph).collect();
    indexes.sort_unstable();
    indexes.dedup();
    indexes
}

/// The symbol of a status, followed by `↕` when the passage moved.
pub fn status_symbol(status: &ClaimStatus) -> String {
    let mut symbol = status.status.symbol().to_string();
    if status.moved {
        symbol.push('↕');
    }
    symbol
}

/// True when a claim is worth listing among the differences: some outlet changes, lacks, adds
/// or moves it.
pub fn is_difference(claim: &crate::model::ClaimCluster) -> bool {
    claim
        .statuses
        .values()
        .any(|s| s.status != Status::Appears || s.moved)
}

/// The outlets worth a line under a difference, with their statuses: of a reference claim,
/// those that change, lack or move it; of an added claim, the other outlets carrying it; the
/// origin only when its passage moved.
pub fn difference_lines<'a>(
    comparison: &Comparison,
    claim: &'a crate::model::ClaimCluster,
) -> Vec<(&'a str, &'a ClaimStatus)> {
    let added = claim.origin != comparison.reference;
    claim
        .statuses
        .iter()
        .filter(|(outlet, status)| {
            if **outlet == claim.origin {
                status.moved
            } else if added {
                status.status != Status::Missing
            } else {
                status.status != Status::Appears || status.moved
            }
        })
        .map(|(outlet, status)| (outlet.as_str(), status))
        .collect()
}

/// The display name of an outlet, or its id when it is not among the compared outlets.
pub fn outlet_name<'a>(comparison: &'a Comparison, id: &'a str) -> &'a str {
    comparison.outlet(id).map_or(id, |o| o.name.as_str())
}

/// What opens a claim's wording in a report's claims table: `Headline: ` for a headline.
pub fn wording_mark(claim: &crate::model::ClaimCluster) -> &'static str {
    if claim.is_headline() {
        "Headline: "
    } else {
        ""
    }
}
