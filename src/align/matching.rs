//! Which passage of an outlet carries each reference claim: a sentence repeated word for word
//! first; then candidate pairs from the rare-term index and a one-to-one assignment by
//! descending probability of carrying (the fitted [`Scorer`]), wherever the passage stands, so
//! reordering never hides a carried claim; then the two ways a claim's wording is shared
//! unevenly: a merged sentence that carries two reference claims, and a claim split over two
//! adjacent sentences; then a claim carried only in part: one of its clauses; last, the
//! headlines ([`headlines`](super::headlines)).

use super::claims::{CLAUSE_WORDS_MIN, Claim};
use super::headlines::{add_headlines, is_headline};
use super::index::CandidateIndex;
use super::scorer::{CARRIES, Scorer};
use super::similarity::{
    Features, SIMILARITY, carried, figures_disagree, pair_features, similarity, stems_shared,
    wording_similarity,
};
use crate::model::EngineSettings;
use crate::text::facts::{self, Facts};

/// Pairs below this share of `claim_match` are not even kept for merges and splits.
const FLOOR_SHARE: f64 = 0.5;

/// A sentence carries a further reference claim (a merge) when it holds at least this share of
/// that claim's weight, or the fitted scorer gives the pair at least [`CARRIES`] ...
const MERGE_CARRY: f64 = 0.5;

/// ... and that claim explains at least this much more of the sentence than the reference
/// claims it already carries.
const MERGE_GAIN: f64 = 0.05;

/// An adjacent sentence joins a match (a split) when at least this share of its weight belongs
/// to the reference claim.
const SPLIT_CARRY: f64 = 0.5;

/// Joining the adjacent sentence must raise the similarity at least this much.
const SPLIT_GAIN: f64 = 0.05;

/// How one outlet carries one reference claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The outlet's claims that carry it, ascending (two for a split claim).
    pub claims: Vec<usize>,
    /// Similarity of that passage to the reference claim.
    pub similarity: f64,
    /// The passage also carries another reference claim (a merged sentence).
    pub merged: bool,
}

/// The passage of one outlet that carries each reference claim (None when none does), and for
/// each of the outlet's claims whether it carries a reference claim.
#[derive(Debug, Clone, Default)]
pub struct OutletMatches {
    /// One entry per reference claim.
    pub matches: Vec<Option<Match>>,
    /// One entry per outlet claim.
    pub used: Vec<bool>,
}

impl OutletMatches {
    /// Records that outlet claims `claims` carry reference claim `reference`.
    pub fn assign(&mut self, reference: usize, claims: Vec<usize>, similarity: f64, merged: bool) {
        for &c in &claims {
            self.used[c] = true;
        }
        self.matches[reference] = Some(Match {
            claims,
            similarity,
            merged,
        });
    }
}

/// The reference's claims and their features, with the features of each one's clauses.
pub struct Reference<'r> {
    /// The reference's claims.
    pub claims: &'r [Claim],
    /// Their weighted features.
    pub features: &'r [Features],
    /// The clauses of each claim that has several, weighed as the claims are.
    pub clauses: &'r [Vec<Features>],
}

/// Matches the reference's claims against one outlet's claims.
pub fn match_outlet(
    reference: &Reference<'_>,
    outlet: &[Features],
    outlet_claims: &[Claim],
    index: &CandidateIndex,
    settings: &EngineSettings,
) -> OutletMatches {
    let Reference {
        claims: reference_claims,
        features: reference,
        clauses,
    } = *reference;
    let claim_match = settings.claim_match;
    let floor = (claim_match * FLOOR_SHARE).min(settings.claim_match_in_place);
    let scorer = Scorer::shipped();
    let mut scored: Vec<(usize, usize, f64, f64)> = Vec::new();
    for (i, query) in reference.iter().enumerate() {
        if is_headline(&reference_claims[i]) {
            continue;
        }
        for j in index.candidates(query) {
            if is_headline(&outlet_claims[j]) {
                continue;
            }
            let measurements = pair_features(query, &outlet[j]);
            let sim = measurements[SIMILARITY];
            let carries = scorer.probability(&measurements);
            if sim >= floor || carries >= CARRIES {
                scored.push((i, j, sim, carries));
            }
        }
    }
    // Most probable pairs first; among equals, the one nearest its expected place in reading
    // order.
    let scale = outlet.len().max(1) as f64 / reference.len().max(1) as f64;
    scored.sort_by(|a, b| {
        b.3.total_cmp(&a.3).then_with(|| {
            let da = (a.0 as f64 * scale - a.1 as f64).abs();
            let db = (b.0 as f64 * scale - b.1 as f64).abs();
            da.total_cmp(&db)
        })
    });
    let mut result = OutletMatches {
        matches: vec![None; reference.len()],
        used: vec![false; outlet.len()],
    };
    add_identical(reference_claims, outlet_claims, &mut result);
    for &(i, j, sim, carries) in &scored {
        if carries >= CARRIES && result.matches[i].is_none() && !result.used[j] {
            result.assign(i, vec![j], sim, false);
        }
    }
    let mut pairs: Vec<(usize, usize, f64)> =
        scored.iter().map(|&(i, j, s, _)| (i, j, s)).collect();
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2));
    add_in_place(reference, outlet, &scored, settings, &mut result);
    add_merges(reference, outlet, &scored, &mut result);
    add_splits(
        reference,
        outlet,
        outlet_claims,
        &pairs,
        claim_match,
        &mut result,
    );
    add_clauses(
        clauses,
        outlet,
        outlet_claims,
        index,
        reference,
        &mut result,
    );
    add_headlines(
        (reference_claims, reference),
        (outlet_claims, outlet),
        settings,
        &mut result,
    );
    result
}

/// A clause carries its part of a claim when it holds at least this share of the clause's weight
/// ...
const CLAUSE_CARRY: f64 = 0.5;

/// ... and shares at least this many of its weighted stems.
const CLAUSE_SHARED_STEMS: usize = 2;

/// Each reference claim whose words an outlet sentence repeats exactly (spacing aside) is
/// carried by it, first come first served in reading order: identical text is the same claim
/// whatever its words weigh, at any length of article.
fn add_identical(reference: &[Claim], outlet: &[Claim], result: &mut OutletMatches) {
    let key = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut by_text: rustc_hash::FxHashMap<String, std::collections::VecDeque<usize>> =
        rustc_hash::FxHashMap::default();
    for (j, claim) in outlet.iter().enumerate().filter(|(_, c)| !is_headline(c)) {
        by_text.entry(key(&claim.text)).or_default().push_back(j);
    }
    for (i, claim) in reference
        .iter()
        .enumerate()
        .filter(|(_, c)| !is_headline(c))
    {
        if let Some(j) = by_text
            .get_mut(&key(&claim.text))
            .and_then(|queue| queue.pop_front())
        {
            result.assign(i, vec![j], 1.0, false);
        }
    }
}

/// A reference claim left without a passage, one of whose clauses an outlet sentence carries
/// (the fitted scorer's probability at least [`CARRIES`] for the clause alone): the outlet
/// reports part of the claim, and its status names what it left out. Runs after every other
/// step, so such a partial match never anchors another claim's place. A sentence another claim
/// took carries the clause too only when the clause explains more of it than the claims it
/// already carries ([`explains_more`]): the outlet merged the two into one sentence.
fn add_clauses(
    clauses: &[Vec<Features>],
    outlet: &[Features],
    outlet_claims: &[Claim],
    index: &CandidateIndex,
    reference: &[Features],
    result: &mut OutletMatches,
) {
    let scorer = Scorer::shipped();
    let mut owners = sentence_owners(result);
    for (i, parts) in clauses.iter().enumerate() {
        if result.matches[i].is_some() {
            continue;
        }
        let mut best: Option<(usize, f64)> = None;
        for part in parts {
            for j in index
                .candidates(part)
                .into_iter()
                .filter(|&j| !is_headline(&outlet_claims[j]))
            {
                let (weighted, shared) = stems_shared(part, &outlet[j]);
                if weighted < CLAUSE_WORDS_MIN
                    || shared < CLAUSE_SHARED_STEMS
                    || carried(part, &outlet[j]) < CLAUSE_CARRY
                {
                    continue;
                }
                // A sentence taken by a split match is no place for a merge.
                if result.used[j]
                    && (owners[j].is_empty()
                        || !explains_more(reference, &owners[j], part, &outlet[j]))
                {
                    continue;
                }
                let p = scorer.probability(&pair_features(part, &outlet[j]));
                if p >= CARRIES && best.is_none_or(|(_, b)| p > b) {
                    best = Some((j, p));
                }
            }
        }
        if let Some((j, _)) = best {
            let merged = !owners[j].is_empty();
            result.assign(i, vec![j], similarity(&reference[i], &outlet[j]), merged);
            owners[j].push(i);
            if merged {
                mark_merged(&owners[j], result);
            }
        }
    }
}

/// The reference claims each outlet sentence carries on its own (not split over two).
fn sentence_owners(result: &OutletMatches) -> Vec<Vec<usize>> {
    let mut owners: Vec<Vec<usize>> = vec![Vec::new(); result.used.len()];
    for (i, m) in result.matches.iter().enumerate() {
        if let Some(m) = m
            && let [j] = m.claims[..]
        {
            owners[j].push(i);
        }
    }
    owners
}

/// Whether `addition` (a reference claim, or one of its clauses) explains at least
/// [`MERGE_GAIN`] more of `sentence` than the reference claims `owners` it already carries.
fn explains_more(
    reference: &[Features],
    owners: &[usize],
    addition: &Features,
    sentence: &Features,
) -> bool {
    let mut parts = owners.iter().map(|&c| &reference[c]);
    let Some(first) = parts.next() else {
        return true;
    };
    let before = parts.fold(first.clone(), |acc, next| {
        acc.joined(next, &Facts::default())
    });
    let after = before.joined(addition, &Facts::default());
    carried(sentence, &after) >= carried(sentence, &before) + MERGE_GAIN
}

/// Marks every match of the reference claims `owners`, which share one sentence, as merged.
fn mark_merged(owners: &[usize], result: &mut OutletMatches) {
    for &owner in owners {
        if let Some(m) = result.matches[owner].as_mut() {
            m.merged = true;
        }
    }
}

/// A pair that stands in its claim's place needs only this probability of carrying it (its place
/// is evidence the scorer does not see), or the same wording around its figures, when the place
/// is narrow ([`is_narrow_place`]: it all but names the sentence) ...
const CARRIES_IN_SLOT: f64 = 0.3;

/// ... and this much in a wider gap, where the place narrows the choice without naming it.
/// Both measured on the sets of `cargo bench --bench real_eval`, the Chinese pairs, the written
/// paraphrase pairs and unrelated articles.
const CARRIES_IN_GAP: f64 = 0.4;

/// A place is narrow when it leaves at most this many reference claims without a passage and at
/// most this many outlet sentences unused (1 alone: BASIL as with 2, one written held-out
/// paraphrase fewer).
const NARROW: usize = 2;

/// How alike the wording around the figures must be for a pair whose figures all disagree to
/// stand as one claim with its numbers changed.
const SAME_WORDING: f64 = 0.6;

/// A reference claim left without a passage, and an unused sentence, that are each other's best
/// match and stand in each other's place: the sentence lies between the passages carrying the
/// claim's nearest matched neighbours. Such a pair is a paraphrase with less wording in common,
/// so a lower threshold (`claim_match_in_place`) holds, unless their figures all disagree while
/// the wording around the figures is not nearly the same ([`SAME_WORDING`]): the same sentence
/// with every number changed is the claim, changed ("The vote was 7 to 2." / "6 to 3.").
fn add_in_place(
    reference: &[Features],
    outlet: &[Features],
    scored: &[(usize, usize, f64, f64)],
    settings: &EngineSettings,
    result: &mut OutletMatches,
) {
    let mut best_of_claim: Vec<Option<(usize, f64, bool)>> = vec![None; result.matches.len()];
    let mut best_of_sentence: Vec<Option<(usize, f64)>> = vec![None; result.used.len()];
    for &(i, j, sim, carries) in scored {
        if sim < settings.claim_match_in_place || result.matches[i].is_some() || result.used[j] {
            continue;
        }
        if !stands_as_pair_in_place(&reference[i], &outlet[j], carries) {
            continue;
        }
        if best_of_claim[i].is_none_or(|(_, s, _)| sim > s) {
            let in_any_gap = stands_as_pair(&reference[i], &outlet[j], carries, CARRIES_IN_GAP);
            best_of_claim[i] = Some((j, sim, in_any_gap));
        }
        if best_of_sentence[j].is_none_or(|(_, s)| sim > s) {
            best_of_sentence[j] = Some((i, sim));
        }
    }
    // The nearest matched reference claim after each claim: (its index, where it is carried).
    let mut next_anchor: Vec<Option<(usize, usize)>> = vec![None; result.matches.len()];
    let mut next = None;
    for i in (0..result.matches.len()).rev() {
        next_anchor[i] = next;
        if let Some(m) = &result.matches[i] {
            next = m.claims.first().map(|&j| (i, j));
        }
    }
    let mut previous_anchor: Option<(usize, usize)> = None;
    for i in 0..result.matches.len() {
        let place = Place {
            previous: previous_anchor,
            next: next_anchor[i],
            reference_len: reference.len(),
            outlet_len: outlet.len(),
        };
        if result.matches[i].is_none()
            && let Some((j, sim, in_any_gap)) = best_of_claim[i]
            && best_of_sentence[j].is_some_and(|(owner, _)| owner == i)
            && stands_in_place(i, j, place)
            && (in_any_gap || is_narrow_place(place, result))
        {
            result.assign(i, vec![j], sim, false);
        }
        if let Some(m) = &result.matches[i] {
            previous_anchor = m.claims.last().map(|&j| (i, j));
        }
    }
}

/// Whether a claim and a sentence that stand in a narrow place (or two headlines), of which the
/// scorer gives probability `carries` that the sentence carries the claim, are alike enough to
/// be one claim: the same wording around the figures, or else [`CARRIES_IN_SLOT`] and figures
/// that do not all disagree.
pub fn stands_as_pair_in_place(claim: &Features, sentence: &Features, carries: f64) -> bool {
    stands_as_pair(claim, sentence, carries, CARRIES_IN_SLOT)
}

/// Whether a claim and a sentence in one place are alike enough to be one claim: the same
/// wording around the figures, or else probability `carries` at least `needed` and figures that
/// do not all disagree.
fn stands_as_pair(claim: &Features, sentence: &Features, carries: f64, needed: f64) -> bool {
    let same_wording = wording_similarity(claim, sentence) >= SAME_WORDING;
    same_wording || (!figures_disagree(claim, sentence) && carries >= needed)
}

/// Whether a claim's place, the gap between its neighbours' matches, is narrow: at most
/// [`NARROW`] reference claims left without a passage in it, and at most as many unused outlet
/// sentences. Without an anchor on a side, the place runs to that end of the article.
fn is_narrow_place(place: Place, result: &OutletMatches) -> bool {
    let (claims_from, sentences_from) = place.previous.map_or((0, 0), |(i, j)| (i + 1, j + 1));
    let (claims_to, sentences_to) = place
        .next
        .map_or((place.reference_len, place.outlet_len), |(i, j)| (i, j));
    let open_claims = (claims_from..claims_to)
        .filter(|&i| result.matches[i].is_none())
        .count();
    let open_sentences = (sentences_from..sentences_to.max(sentences_from))
        .filter(|&j| !result.used[j])
        .count();
    open_claims <= NARROW && open_sentences <= NARROW
}

/// How many sentences more than the reference has between a claim and its anchor an outlet may
/// put there (a sentence of its own, a split) when only one side of the claim is anchored.
const IN_PLACE_SLACK: usize = 2;

/// Where a claim stands: its neighbours' matches as (reference index, outlet sentence), and the
/// lengths of both articles.
#[derive(Debug, Clone, Copy)]
struct Place {
    previous: Option<(usize, usize)>,
    next: Option<(usize, usize)>,
    reference_len: usize,
    outlet_len: usize,
}

/// Whether outlet sentence `j` stands in reference claim `i`'s place. The place is the gap
/// between the two anchors' passages; with one anchor (the claim opens or closes the matched
/// run), a sentence about as far from it as the claim is; with none, a sentence about as far
/// from the start, or from the end, of its article as the claim is from those of the
/// reference. So a one-sentence article matches a one-sentence article in place, while two long
/// articles of different stories meet only by the rare chance of a mutual best pair level with
/// each other.
fn stands_in_place(i: usize, j: usize, place: Place) -> bool {
    match (place.previous, place.next) {
        (Some((_, before)), Some((_, after))) => before < j && j < after,
        (Some((ri, before)), None) => before < j && j - before <= i - ri + IN_PLACE_SLACK,
        (None, Some((ri, after))) => j < after && after - j <= ri - i + IN_PLACE_SLACK,
        (None, None) => {
            let from_end = |index: usize, len: usize| len.saturating_sub(index);
            i.abs_diff(j) <= IN_PLACE_SLACK
                || from_end(i, place.reference_len).abs_diff(from_end(j, place.outlet_len))
                    <= IN_PLACE_SLACK
        }
    }
}

/// A reference claim left without a passage whose words sit inside a sentence that already
/// carries another reference claim ([`MERGE_CARRY`]), or that the sentence would carry had
/// another claim not taken it first: the outlet merged the two into one sentence.
fn add_merges(
    reference: &[Features],
    outlet: &[Features],
    pairs: &[(usize, usize, f64, f64)],
    result: &mut OutletMatches,
) {
    let mut owners = sentence_owners(result);
    for &(i, j, sim, carries) in pairs {
        if result.matches[i].is_some() || owners[j].is_empty() {
            continue;
        }
        if carried(&reference[i], &outlet[j]) < MERGE_CARRY && carries < CARRIES {
            continue;
        }
        if !explains_more(reference, &owners[j], &reference[i], &outlet[j]) {
            continue;
        }
        result.assign(i, vec![j], sim, true);
        owners[j].push(i);
        mark_merged(&owners[j], result);
    }
}

/// A reference claim whose wording an outlet spread over two adjacent sentences: the match takes
/// the neighbour when the neighbour's words belong to the claim and joining raises the similarity;
/// a claim left without a passage gets two adjacent unused sentences that carry it together. A
/// headline (the claim without a span, always first) is never joined to the sentence after it.
fn add_splits(
    reference: &[Features],
    outlet: &[Features],
    outlet_claims: &[Claim],
    pairs: &[(usize, usize, f64)],
    claim_match: f64,
    result: &mut OutletMatches,
) {
    let joined = |first: usize| {
        let text = format!(
            "{} {}",
            outlet_claims[first].text,
            outlet_claims[first + 1].text
        );
        outlet[first].joined(&outlet[first + 1], &facts::extract_facts(&text))
    };
    // Extend single-sentence matches with a neighbour.
    for (i, claim) in reference.iter().enumerate() {
        let Some(m) = result.matches[i].clone() else {
            continue;
        };
        if m.merged || m.claims.len() != 1 {
            continue;
        }
        let j = m.claims[0];
        let mut best: Option<(usize, f64)> = None;
        for neighbour in [j.checked_sub(1), Some(j + 1)].into_iter().flatten() {
            if neighbour >= outlet.len()
                || result.used[neighbour]
                || outlet_claims[j.min(neighbour)].span.is_none()
            {
                continue;
            }
            if carried(&outlet[neighbour], claim) < SPLIT_CARRY {
                continue;
            }
            let sim = similarity(claim, &joined(j.min(neighbour)));
            if sim >= m.similarity + SPLIT_GAIN && best.is_none_or(|(_, s)| sim > s) {
                best = Some((neighbour, sim));
            }
        }
        if let Some((neighbour, sim)) = best {
            result.assign(i, vec![j.min(neighbour), j.max(neighbour)], sim, false);
        }
    }
    // Claims still without a passage: two adjacent unused sentences may carry them together.
    for &(i, j, _) in pairs {
        if result.matches[i].is_some() || result.used[j] {
            continue;
        }
        if carried(&outlet[j], &reference[i]) < SPLIT_CARRY {
            continue;
        }
        for first in [j.checked_sub(1), Some(j)].into_iter().flatten() {
            let second = first + 1;
            if second >= outlet.len()
                || result.used[first]
                || result.used[second]
                || outlet_claims[first].span.is_none()
            {
                continue;
            }
            let other = if first == j { second } else { first };
            if carried(&outlet[other], &reference[i]) < SPLIT_CARRY {
                continue;
            }
            let sim = similarity(&reference[i], &joined(first));
            if sim >= claim_match {
                result.assign(i, vec![first, second], sim, false);
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Matches where `carried[i]` names the outlet sentence carrying reference claim `i`.
    fn matches(carried: &[Option<usize>], outlet_len: usize) -> OutletMatches {
        let mut result = OutletMatches {
            matches: vec![None; carried.len()],
            used: vec![false; outlet_len],
        };
        for (i, j) in carried.iter().enumerate() {
            if let Some(j) = j {
                result.assign(i, vec![*j], 1.0, false);
            }
        }
        result
    }

    /// The place between anchors `previous` and `next` (reference claim, outlet sentence) in
    /// the articles `result` matches.
    fn place(
        previous: Option<(usize, usize)>,
        next: Option<(usize, usize)>,
        result: &OutletMatches,
    ) -> Place {
        Place {
            previous,
            next,
            reference_len: result.matches.len(),
            outlet_len: result.used.len(),
        }
    }

    #[test]
    fn two_claims_and_two_sentences_between_two_anchors_are_a_narrow_place() {
        let result = matches(&[Some(0), None, None, Some(3)], 4);
        assert!(is_narrow_place(
            place(Some((0, 0)), Some((3, 3)), &result),
            &result
        ));
    }

    #[test]
    fn a_gap_with_a_third_open_sentence_or_claim_is_wide() {
        let wider_outlet = matches(&[Some(0), None, Some(4)], 5);
        assert!(!is_narrow_place(
            place(Some((0, 0)), Some((2, 4)), &wider_outlet),
            &wider_outlet
        ));
        let three_claims = matches(&[Some(0), None, None, None, Some(2)], 3);
        assert!(!is_narrow_place(
            place(Some((0, 0)), Some((4, 2)), &three_claims),
            &three_claims
        ));
    }

    #[test]
    fn without_anchors_the_place_is_the_whole_article() {
        let one = matches(&[None], 1);
        assert!(is_narrow_place(place(None, None, &one), &one));
        let wider_outlet = matches(&[None], 3);
        assert!(!is_narrow_place(
            place(None, None, &wider_outlet),
            &wider_outlet
        ));
    }
}
