//! The comparison engine: claim clusters across outlets, statuses with reasons, paragraph
//! alignment groups and word diffs, producing a [`Comparison`].
//!
//! How it goes, in the order [`compare`] runs it:
//! 1. every article is cut into claims ([`claims`]) and weighted with the story's term statistics
//!    ([`similarity`]);
//! 2. each outlet's claims are indexed by their rare stems ([`index`]) and matched against the
//!    reference's claims ([`matching`]): a sentence repeated word for word first, then anywhere
//!    in the article when the fitted scorer
//!    ([`scorer`]) says the passage carries the claim, or in the
//!    claim's own place (between its neighbours' matches, each the other's best match) at the
//!    lower `claim_match_in_place`; merged sentences and split claims included;
//! 3. matches through other outlets' wordings complete the clusters, and claims no reference
//!    claim explains become added clusters ([`clusters`]);
//! 4. each match gets its status, reasons, `moved` flag ([`status`]) and word diff ([`diff`]);
//! 5. the paragraphs are aligned outlet by outlet ([`paragraph_chain`]) and grouped into rows for
//!    side-by-side reading ([`paragraphs`]).

mod acronyms;
mod claims;
mod clusters;
pub mod diff;
mod headlines;
mod index;
pub mod inspect;
mod matching;
mod paragraph_chain;
mod paragraphs;
pub mod scorer;
pub mod similarity;
mod status;
mod wording;

use indexmap::IndexMap;

use crate::model::{
    ClaimCluster, ClaimStatus, Comparison, EngineSettings, FORMAT_VERSION, OutletEntry,
    OutletFailure,
};
use crate::text::facts::aliases::Aliases;
use claims::{Claim, Vocabulary, claims_of};
use diff::DiffBudget;
use index::CandidateIndex;
use matching::{Match, OutletMatches, Reference, match_outlet};
use paragraph_chain::ParagraphLinks;
use similarity::{Features, StoryModel};

/// Compares the articles of one story; `reference` is the id of one of `outlets` (when it is
/// not, the first outlet is the reference). The reference comes first in the result's outlets.
/// The words of the settings' lexicon are in force throughout.
pub fn compare(
    story: &str,
    outlets: Vec<OutletEntry>,
    reference: &str,
    failures: Vec<OutletFailure>,
    settings: &EngineSettings,
) -> Comparison {
    settings
        .lexicon_words
        .in_force(|| compare_in_force(story, outlets, reference, failures, settings))
}

/// [`compare`], with the lexicon in force.
fn compare_in_force(
    story: &str,
    mut outlets: Vec<OutletEntry>,
    reference: &str,
    failures: Vec<OutletFailure>,
    settings: &EngineSettings,
) -> Comparison {
    if let Some(pos) = outlets.iter().position(|o| o.id == reference) {
        let entry = outlets.remove(pos);
        outlets.insert(0, entry);
    }
    let reference = outlets
        .first()
        .map_or_else(|| reference.to_string(), |o| o.id.clone());
    let Prepared {
        claims,
        features,
        clauses,
    } = prepare(&outlets);
    let indexes: Vec<CandidateIndex> = features.iter().map(CandidateIndex::new).collect();
    let mut matches: Vec<OutletMatches> = (0..outlets.len())
        .map(|o| {
            if o == 0 {
                reference_matches(claims[0].len())
            } else {
                match_outlet(
                    &Reference {
                        claims: &claims[0],
                        features: &features[0],
                        clauses: &clauses,
                    },
                    &features[o],
                    &claims[o],
                    &indexes[o],
                    settings,
                )
            }
        })
        .collect();
    clusters::complete_through_outlets(&features, &indexes, &mut matches, settings.claim_match);
    let added = clusters::added_clusters(&features, &matches, settings.claim_match);

    let budget = DiffBudget::new(settings.diff_deadline_ms);
    let mut clusters = Vec::new();
    let moved: Vec<Vec<bool>> = matches
        .iter()
        .map(|m| {
            let positions: Vec<Option<usize>> = m
                .matches
                .iter()
                .map(|m| m.as_ref().map(|m| m.claims[0]))
                .collect();
            status::moved_flags(&positions)
        })
        .collect();
    for (i, origin) in claims.first().into_iter().flatten().enumerate() {
        let statuses = outlets
            .iter()
            .enumerate()
            .map(|(o, outlet)| {
                let status = match (o, &matches[o].matches[i]) {
                    (0, _) => status::origin_status(origin),
                    (_, Some(m)) => ClaimStatus {
                        moved: moved[o][i],
                        ..carried(
                            origin,
                            &claims[o],
                            m,
                            &budget,
                            &settings.lexicon_words.aliases,
                        )
                    },
                    (_, None) => ClaimStatus::missing(),
                };
                (outlet.id.clone(), status)
            })
            .collect();
        clusters.push(ClaimCluster {
            id: String::new(),
            text: origin.text.clone(),
            origin: reference.clone(),
            statuses,
        });
    }
    for cluster in added {
        let (origin_outlet, origin_claim, _) = cluster.carriers[0];
        let origin = &claims[origin_outlet][origin_claim];
        let statuses: IndexMap<String, ClaimStatus> = outlets
            .iter()
            .enumerate()
            .map(|(o, outlet)| {
                let status = match cluster.carriers.iter().find(|c| c.0 == o) {
                    Some(&(_, j, sim)) => {
                        let from = (o != origin_outlet).then_some(origin);
                        status::added_status(&claims[o][j], from, sim, &budget)
                    }
                    None => ClaimStatus::missing(),
                };
                (outlet.id.clone(), status)
            })
            .collect();
        clusters.push(ClaimCluster {
            id: String::new(),
            text: origin.text.clone(),
            origin: outlets[origin_outlet].id.clone(),
            statuses,
        });
    }
    for (i, cluster) in clusters.iter_mut().enumerate() {
        cluster.id = format!("c{}", i + 1);
    }

    let links: Vec<ParagraphLinks> = outlets
        .iter()
        .enumerate()
        .map(|(o, outlet)| paragraph_links(outlet, &claims, &matches, o))
        .collect();
    let ids: Vec<String> = outlets.iter().map(|o| o.id.clone()).collect();
    let paragraphs = paragraphs::paragraph_groups(&ids, &links, settings.paragraph_match);
    let mut comparison = Comparison {
        version: FORMAT_VERSION,
        story: story.to_string(),
        reference,
        outlets,
        claims: clusters,
        paragraphs,
        failures,
        settings: settings.clone(),
        parallax_version: env!("CARGO_PKG_VERSION").to_string(),
        provenance: Default::default(),
    };
    comparison.provenance = crate::provenance::analyse(&comparison);
    comparison
}

/// Every outlet's claims, and their features weighted with the story's term statistics.
struct Prepared {
    claims: Vec<Vec<Claim>>,
    features: Vec<Vec<Features>>,
    /// The clauses of each reference claim that has several, weighed as the claims are.
    clauses: Vec<Vec<Features>>,
}

/// Cuts every outlet's article into claims and weighs them as one story.
fn prepare(outlets: &[OutletEntry]) -> Prepared {
    let mut vocabulary = Vocabulary::for_story(
        outlets
            .iter()
            .flat_map(|o| o.paragraphs.iter().map(String::as_str)),
    );
    let claims: Vec<Vec<Claim>> = outlets
        .iter()
        .map(|o| claims_of(o, &mut vocabulary))
        .collect();
    // Term statistics come from the bodies: a headline repeats its lead's key words, and counting
    // them twice would make the story's own terms look common.
    let model = StoryModel::new(
        &vocabulary,
        claims
            .iter()
            .flatten()
            .filter(|c| !headlines::is_headline(c)),
    );
    let features = claims
        .iter()
        .map(|c| c.iter().map(|c| model.features(c)).collect())
        .collect();
    let clauses = claims
        .first()
        .into_iter()
        .flatten()
        .map(|claim| {
            // A headline is matched whole, after the body (see `headlines`).
            let text = if headlines::is_headline(claim) {
                ""
            } else {
                claim.text.as_str()
            };
            claims::clauses_of(text)
                .into_iter()
                .map(|clause| model.features(&Claim::new(clause, claim.span, &mut vocabulary)))
                .collect()
        })
        .collect();
    Prepared {
        claims,
        features,
        clauses,
    }
}

/// The reference matched against itself: every claim carried by itself.
fn reference_matches(count: usize) -> OutletMatches {
    OutletMatches {
        matches: (0..count)
            .map(|i| {
                Some(Match {
                    claims: vec![i],
                    similarity: 1.0,
                    merged: false,
                })
            })
            .collect(),
        used: vec![true; count],
    }
}

/// The status of an outlet whose claims `m.claims` carry `origin`.
fn carried(
    origin: &Claim,
    outlet_claims: &[Claim],
    m: &Match,
    budget: &DiffBudget,
    aliases: &Aliases,
) -> ClaimStatus {
    let passage: Vec<&Claim> = m.claims.iter().map(|&j| &outlet_claims[j]).collect();
    status::carried_status(origin, &passage, m.similarity, m.merged, budget, aliases)
}

/// What the paragraph alignment needs of outlet `o`: claims per paragraph and, for each claim
/// it carries, which reference paragraph and which of its paragraphs hold it.
fn paragraph_links(
    outlet: &OutletEntry,
    claims: &[Vec<Claim>],
    matches: &[OutletMatches],
    o: usize,
) -> ParagraphLinks {
    let mut claims_per_paragraph = vec![0usize; outlet.paragraphs.len()];
    for span in claims[o].iter().filter_map(|c| c.span) {
        claims_per_paragraph[span.paragraph] += 1;
    }
    let mut links = Vec::new();
    if o > 0 {
        for (i, m) in matches[o].matches.iter().enumerate() {
            let Some(m) = m else { continue };
            let Some(reference) = claims[0][i].span else {
                continue;
            };
            for span in m.claims.iter().filter_map(|&j| claims[o][j].span) {
                links.push((reference.paragraph, span.paragraph, m.similarity));
            }
        }
    }
    ParagraphLinks {
        claims_per_paragraph,
        links,
    }
}
