//! Lookups derived once from a [`Comparison`] so that drawing and navigation stay cheap: which
//! claims sit in each paragraph of each outlet, which alignment group a paragraph belongs to,
//! and what kinds of difference each group and claim holds (for the gutter, `]c`, `]m` and the
//! filters).

use std::ops::Range;

use crate::model::{ChangeClass, ChangeKind, ClaimCluster, Comparison, Status};

/// What differs in one paragraph group or one claim, over all outlets but the reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DifferenceFlags {
    /// Some outlet words a fact differently.
    pub differs: bool,
    /// Some outlet leaves a reference claim (or the whole paragraph) out.
    pub missing: bool,
    /// Some outlet carries a claim the reference lacks.
    pub added: bool,
    /// Some outlet carries a passage out of the reference's order.
    pub moved: bool,
    /// The kinds of the changed facts.
    pub kinds: Vec<ChangeKind>,
    /// The classes of the changed facts.
    pub classes: Vec<ChangeClass>,
}

impl DifferenceFlags {
    /// Nothing differs.
    pub fn is_same(&self) -> bool {
        !(self.differs || self.missing || self.added || self.moved)
    }

    /// The strongest class of the changed facts (None when no fact changed).
    pub fn strongest_class(&self) -> Option<ChangeClass> {
        self.classes.iter().copied().max()
    }

    /// Something a reader stops at (`]c`): a conflict or framing, a claim left out or added, a
    /// passage moved; a fact said with more or less detail alone is not.
    pub fn is_telling(&self) -> bool {
        self.strongest_class() > Some(ChangeClass::Detail)
            || self.missing
            || self.added
            || self.moved
    }

    fn merge(&mut self, other: &DifferenceFlags) {
        self.differs |= other.differs;
        self.missing |= other.missing;
        self.added |= other.added;
        self.moved |= other.moved;
        for kind in &other.kinds {
            push_new(&mut self.kinds, *kind);
        }
        for class in &other.classes {
            push_new(&mut self.classes, *class);
        }
    }
}

/// Appends `item` unless `items` holds it already (a short list kept in first-seen order).
fn push_new<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if !items.contains(&item) {
        items.push(item);
    }
}

/// One claim's sentence inside one paragraph of one outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedClaim {
    /// Index into `Comparison::claims`.
    pub claim: usize,
    /// Byte range in the paragraph (checked to lie on character boundaries).
    pub range: Range<usize>,
}

/// Derived lookups over one comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComparisonIndex {
    /// `placed[outlet][paragraph]`: the claims sitting in that paragraph, in text order.
    pub placed: Vec<Vec<Vec<PlacedClaim>>>,
    /// `group_of[outlet][paragraph]`: the alignment group holding that paragraph.
    pub group_of: Vec<Vec<Option<usize>>>,
    /// Per alignment group, what differs in it.
    pub group_flags: Vec<DifferenceFlags>,
    /// Per claim, what differs in it.
    pub claim_flags: Vec<DifferenceFlags>,
    /// Per claim, the group it is read in (the reference's, or its origin's for added claims; the
    /// first for a headline, which heads it).
    pub claim_group: Vec<Option<usize>>,
}

/// What differs in one claim cluster (the reference's own status is not counted).
fn claim_flags(claim: &ClaimCluster, reference: &str) -> DifferenceFlags {
    let mut flags = DifferenceFlags::default();
    let reference_carries = claim
        .statuses
        .get(reference)
        .is_some_and(|s| s.status != Status::Missing);
    for (outlet, status) in &claim.statuses {
        if outlet == reference {
            continue;
        }
        match status.status {
            Status::Appears => {}
            Status::Differs => flags.differs = true,
            Status::Missing => flags.missing |= reference_carries,
            Status::Added => flags.added = true,
        }
        flags.moved |= status.moved;
        for change in &status.changes {
            push_new(&mut flags.kinds, change.kind);
            push_new(&mut flags.classes, change.class);
        }
    }
    flags
}

impl ComparisonIndex {
    /// Builds the lookups; spans or indexes that point outside the articles are ignored.
    pub fn new(comparison: &Comparison) -> ComparisonIndex {
        let outlets = &comparison.outlets;
        let mut placed: Vec<Vec<Vec<PlacedClaim>>> = outlets
            .iter()
            .map(|o| vec![Vec::new(); o.paragraphs.len()])
            .collect();
        for (c, claim) in comparison.claims.iter().enumerate() {
            for (o, outlet) in outlets.iter().enumerate() {
                let Some(status) = claim.statuses.get(&outlet.id) else {
                    continue;
                };
                for span in &status.spans {
                    let Some(text) = outlet.paragraphs.get(span.paragraph) else {
                        continue;
                    };
                    let end = span.end.min(text.len());
                    if span.start < end
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(end)
                    {
                        placed[o][span.paragraph].push(PlacedClaim {
                            claim: c,
                            range: span.start..end,
                        });
                    }
                }
            }
        }
        for paragraphs in &mut placed {
            for claims in paragraphs {
                claims.sort_by_key(|p| (p.range.start, p.range.end));
            }
        }
        let mut group_of: Vec<Vec<Option<usize>>> = outlets
            .iter()
            .map(|o| vec![None; o.paragraphs.len()])
            .collect();
        for (g, group) in comparison.paragraphs.iter().enumerate() {
            for (o, outlet) in outlets.iter().enumerate() {
                for &p in group.cells.get(&outlet.id).into_iter().flatten() {
                    if let Some(slot) = group_of[o].get_mut(p) {
                        slot.get_or_insert(g);
                    }
                }
            }
        }
        let claim_flags: Vec<DifferenceFlags> = comparison
            .claims
            .iter()
            .map(|c| claim_flags(c, &comparison.reference))
            .collect();
        let claim_group: Vec<Option<usize>> = comparison
            .claims
            .iter()
            .map(|claim| {
                let home = |id: &str| {
                    let o = outlets.iter().position(|x| x.id == id)?;
                    let span = claim.statuses.get(id)?.spans.first()?;
                    *group_of[o].get(span.paragraph)?
                };
                // Headlines stand at the head of the first row.
                let headline = claim.is_headline() && !comparison.paragraphs.is_empty();
                home(&comparison.reference)
                    .or_else(|| home(&claim.origin))
                    .or_else(|| headline.then_some(0))
            })
            .collect();
        let mut group_flags = vec![DifferenceFlags::default(); comparison.paragraphs.len()];
        for (c, group) in claim_group.iter().enumerate() {
            if let Some(flags) = group.and_then(|g| group_flags.get_mut(g)) {
                flags.merge(&claim_flags[c]);
            }
        }
        for (g, group) in comparison.paragraphs.iter().enumerate() {
            let flags = &mut group_flags[g];
            flags.moved |= !group.moved.is_empty();
            let carried = |id: &str| group.cells.get(id).is_some_and(|p| !p.is_empty());
            if carried(&comparison.reference) {
                flags.missing |= outlets.iter().any(|o| !carried(&o.id));
            }
        }
        ComparisonIndex {
            placed,
            group_of,
            group_flags,
            claim_flags,
            claim_group,
        }
    }

    /// The claims in one paragraph of one outlet (empty when out of range).
    pub fn claims_in(&self, outlet: usize, paragraph: usize) -> &[PlacedClaim] {
        self.placed
            .get(outlet)
            .and_then(|p| p.get(paragraph))
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EngineSettings, OutletEntry};

    fn article(id: &str, headline: &str) -> OutletEntry {
        OutletEntry::from_text(
            id,
            headline,
            &["The storm closed every school in the county on Monday."],
        )
    }

    #[test]
    fn a_headline_that_differs_flags_the_first_row() {
        let comparison = crate::align::compare(
            "case",
            vec![
                article("ref", "Storm closes 40 schools"),
                article("other", "Storm closes 60 schools"),
            ],
            "ref",
            Vec::new(),
            &EngineSettings::default(),
        );
        assert!(comparison.claims[0].is_headline());
        assert_eq!(
            comparison.claims[0].statuses["other"].class,
            Some(ChangeClass::Conflict)
        );
        let index = ComparisonIndex::new(&comparison);
        assert_eq!(index.claim_group[0], Some(0));
        assert_eq!(
            index.group_flags[0].strongest_class(),
            Some(ChangeClass::Conflict)
        );
    }
}
