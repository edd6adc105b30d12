//! Claim clusters across all outlets, not only pairs against the reference.
//!
//! Two passes complete what matching each outlet against the reference finds: an outlet that
//! paraphrases another outlet's paraphrase joins the reference claim's cluster through it, and
//! the claims no reference claim explains are grouped into added clusters, one per distinct
//! claim, whichever outlets carry it.

use super::index::CandidateIndex;
use super::matching::OutletMatches;
use super::similarity::{Features, similarity};

/// Joins an outlet to a reference claim's cluster when one of its unused claims matches the
/// wording another outlet gave that claim. `features[o]` are outlet `o`'s claim features
/// (outlet 0 is the reference), `matches[o]` its matches (`matches[0]` unused).
pub fn complete_through_outlets(
    features: &[Vec<Features>],
    indexes: &[CandidateIndex],
    matches: &mut [OutletMatches],
    claim_match: f64,
) {
    let reference_claims = features.first().map_or(0, Vec::len);
    for o in 1..features.len() {
        for i in 0..reference_claims {
            if matches[o].matches[i].is_some() {
                continue;
            }
            let mut best: Option<(usize, f64)> = None;
            for other in (1..features.len()).filter(|&other| other != o) {
                let Some(m) = &matches[other].matches[i] else {
                    continue;
                };
                let &[k] = m.claims.as_slice() else {
                    continue;
                };
                let wording = &features[other][k];
                for j in indexes[o].candidates(wording) {
                    if matches[o].used[j] {
                        continue;
                    }
                    let sim = similarity(wording, &features[o][j]);
                    if sim >= claim_match && best.is_none_or(|(_, s)| sim > s) {
                        best = Some((j, sim));
                    }
                }
            }
            if let Some((j, _)) = best {
                let to_origin = similarity(&features[0][i], &features[o][j]);
                matches[o].assign(i, vec![j], to_origin, false);
            }
        }
    }
}

/// One claim the reference lacks, as carried by one or more outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct AddedCluster {
    /// Carrying outlets in outlet order, each with its claim and the similarity of that claim
    /// to the first carrier's wording (the origin, similarity 1).
    pub carriers: Vec<(usize, usize, f64)>,
}

/// Groups every claim that carries no reference claim into added clusters: in outlet order, a
/// claim joins the most similar cluster that this outlet is not yet part of, or starts its own.
pub fn added_clusters(
    features: &[Vec<Features>],
    matches: &[OutletMatches],
    claim_match: f64,
) -> Vec<AddedCluster> {
    let mut clusters: Vec<AddedCluster> = Vec::new();
    let mut index = CandidateIndex::default();
    for o in 1..features.len() {
        for (j, claim) in features[o].iter().enumerate() {
            if matches[o].used[j] {
                continue;
            }
            let mut best: Option<(usize, f64)> = None;
            for c in index.candidates(claim) {
                let (origin_outlet, origin_claim, _) = clusters[c].carriers[0];
                if clusters[c]
                    .carriers
                    .iter()
                    .any(|&(carrier, _, _)| carrier == o)
                {
                    continue;
                }
                let sim = similarity(&features[origin_outlet][origin_claim], claim);
                if sim >= claim_match && best.is_none_or(|(_, s)| sim > s) {
                    best = Some((c, sim));
                }
            }
            match best {
                Some((c, sim)) => clusters[c].carriers.push((o, j, sim)),
                None => {
                    index.insert(clusters.len(), claim);
                    clusters.push(AddedCluster {
                        carriers: vec![(o, j, 1.0)],
                    });
                }
            }
        }
    }
    clusters
}
