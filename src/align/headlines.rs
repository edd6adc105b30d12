//! Headlines as claims. An article's headline states its story in a few words, so it is a
//! claim an outlet may carry in its own headline or anywhere in its text: most often in its
//! lead sentence, beside that sentence's own claim. Headlines are matched after every sentence
//! of the body has its match, so a short headline never takes a lead sentence from the body
//! claim it carries.

use super::claims::Claim;
use super::matching::{OutletMatches, stands_as_pair_in_place};
use super::scorer::{CARRIES, Scorer};
use super::similarity::{Features, SIMILARITY, pair_features};
use crate::model::EngineSettings;

/// Whether the claim is a headline (it stands in no paragraph).
pub fn is_headline(claim: &Claim) -> bool {
    claim.span.is_none()
}

/// Matches the headlines of the reference and of one outlet, once the body's claims are
/// matched: the reference's headline is carried by the outlet's headline when the scorer says
/// so, or when the two say enough alike to stand as one claim in one place (as a sentence
/// between its neighbours' matches does), else by the outlet's sentence most likely to carry
/// it, even one that carries a body claim too (a merge); the outlet's headline, if it carries
/// no headline, carries the body claim left without a passage that it most likely does.
pub fn add_headlines(
    (reference_claims, reference): (&[Claim], &[Features]),
    (outlet_claims, outlet): (&[Claim], &[Features]),
    settings: &EngineSettings,
    result: &mut OutletMatches,
) {
    let scorer = Scorer::shipped();
    let probability = |a: &Features, b: &Features| scorer.probability(&pair_features(a, b));
    let similarity = |a: &Features, b: &Features| pair_features(a, b)[SIMILARITY];
    let headline_of = |claims: &[Claim]| claims.iter().position(is_headline);
    let outlet_headline = headline_of(outlet_claims);
    if let Some(h) = headline_of(reference_claims) {
        let by_headline = outlet_headline.filter(|&j| {
            let carries = probability(&reference[h], &outlet[j]);
            carries >= CARRIES
                || (similarity(&reference[h], &outlet[j]) >= settings.claim_match_in_place
                    && stands_as_pair_in_place(&reference[h], &outlet[j], carries))
        });
        let best = by_headline.or_else(|| {
            most_likely(
                (0..outlet.len())
                    .filter(|&j| Some(j) != outlet_headline)
                    .map(|j| (j, probability(&reference[h], &outlet[j]))),
            )
        });
        if let Some(j) = best {
            let merged = result.used[j];
            result.assign(h, vec![j], similarity(&reference[h], &outlet[j]), merged);
        }
    }
    let Some(j) = outlet_headline.filter(|&j| !result.used[j]) else {
        return;
    };
    let best = most_likely(
        (0..reference.len())
            .filter(|&i| result.matches[i].is_none() && !is_headline(&reference_claims[i]))
            .map(|i| (i, probability(&reference[i], &outlet[j]))),
    );
    if let Some(i) = best {
        result.assign(i, vec![j], similarity(&reference[i], &outlet[j]), false);
    }
}

/// Of `(claim, probability of carrying)` pairs, the claim of the highest probability, when it
/// is at least [`CARRIES`].
fn most_likely(scored: impl Iterator<Item = (usize, f64)>) -> Option<usize> {
    scored
        .filter(|&(_, carries)| carries >= CARRIES)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(claim, _)| claim)
}
