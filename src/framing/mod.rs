//! The framing lens: how each outlet words the same facts, read from a finished
//! [`Comparison`] (never from the engine's internals).
//!
//! - [`substitutions`]: the words an outlet puts where the reference has others, from the
//!   replaced spans of matched claims' word diffs (`government -> regime (3)`);
//! - [`actors`]: for each person, organisation or country the story names, the expressions
//!   each outlet uses for it;
//! - [`voice`]: each outlet's attribution verbs, hedges and intensifiers, and the claims one
//!   outlet states as fact while another attributes or hedges them;
//! - [`loaded`]: words of strong connotation, marked from the VADER lexicon;
//! - [`one_sided`]: loaded words an outlet adds to a claim the reference carries, or leaves
//!   out of it.
//!
//! Nothing here rates an outlet: every table shows words side by side, each entry with the
//! claims (and the outlet's paragraphs) where it occurs, so a reader can check it.

pub mod actors;
pub mod loaded;
pub mod one_sided;
pub mod substitutions;
pub mod tables;
pub mod voice;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::{ClaimCluster, ClaimStatus, Comparison, Status};
use crate::text::facts::{Facts, extract_facts};
use crate::text::truecase::truecase;

pub use actors::Actor;
pub use loaded::LoadedWord;
pub use one_sided::OneSidedWord;
pub use substitutions::{OutletSubstitutions, Substitution};
pub use voice::{OutletVoice, StatedAsFact, WordCount};

/// The framing of one story: what [`analyse`] reads from a comparison.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    /// The outlet every other is compared with.
    pub reference: String,
    /// Word-choice substitutions, one entry per outlet other than the reference.
    pub substitutions: Vec<OutletSubstitutions>,
    /// The actors the story names, most mentioned first, with each outlet's labels for them.
    pub actors: Vec<Actor>,
    /// Voice and certainty, one entry per outlet (reference first).
    pub voice: Vec<OutletVoice>,
    /// Claims that some outlets state as fact and others attribute or hedge.
    pub stated_as_fact: Vec<StatedAsFact>,
}

/// Where a framing entry occurs: a claim, and the outlet's paragraph that carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Claim id (`c1`, ...).
    pub claim: String,
    /// Index into the outlet's paragraphs (None when the comparison holds no span).
    pub paragraph: Option<usize>,
}

/// One outlet's wording of one claim, with its reading shared by every table.
pub(crate) struct Passage<'a> {
    /// Outlet id.
    pub outlet: &'a str,
    /// The claim cluster's index in `Comparison::claims`.
    pub claim: usize,
    /// Its facts.
    pub facts: &'a Facts,
    /// Its intensifiers, lowercase, in order.
    pub intensifiers: &'a [String],
    /// Where it occurs.
    pub occurrence: Occurrence,
}

/// One outlet's rewording of a claim the reference carries: the changed regions of its word
/// diff, read once for the substitutions and the actors' epithets.
pub(crate) struct Rewording<'a> {
    /// Outlet id (never the reference).
    pub outlet: &'a str,
    /// The reference's claim.
    pub claim: &'a ClaimCluster,
    /// The outlet's status of it (appears or differs).
    pub status: &'a ClaimStatus,
    /// Its changed regions ([`substitutions::regions`]).
    pub regions: Vec<(String, String)>,
}

/// What the tables read of one wording: read once per distinct text, however many outlets
/// and claims carry it (copied wire copy is the common case).
struct Reading {
    facts: Facts,
    intensifiers: Vec<String>,
}

/// Reads the framing of a comparison.
///
/// ```
/// # let comparison = parallax::align::compare("s", vec![], "a", vec![], &Default::default());
/// let framing = parallax::framing::analyse(&comparison);
/// assert!(framing.substitutions.is_empty());
/// ```
pub fn analyse(comparison: &Comparison) -> Framing {
    let readings = readings(comparison);
    let passages = passages(comparison, &readings);
    let rewordings = rewordings(comparison);
    Framing {
        reference: comparison.reference.clone(),
        substitutions: substitutions::of(comparison, &rewordings),
        actors: actors::of(comparison, &passages, &rewordings),
        voice: voice::of(comparison, &passages),
        stated_as_fact: voice::stated_as_fact(comparison, &passages),
    }
}

/// The passages every outlet carries of the claims, each once: a passage that carries several
/// claims (a merged sentence) counts for the first, and a lead that carries the headline too
/// for its own claim (headlines come last).
fn carried(comparison: &Comparison) -> impl Iterator<Item = (usize, &str, &ClaimStatus)> {
    let mut seen = HashSet::new();
    let (headlines, body): (Vec<_>, Vec<_>) = comparison
        .claims
        .iter()
        .enumerate()
        .partition(|(_, claim)| claim.is_headline());
    body.into_iter()
        .chain(headlines)
        .flat_map(|(index, claim)| {
            claim
                .statuses
                .iter()
                .map(move |(outlet, status)| (index, outlet.as_str(), status))
        })
        .filter(|(_, _, status)| status.status != Status::Missing && status.text.is_some())
        .filter(move |(_, outlet, status)| {
            seen.insert((*outlet, status.headline, status.spans.clone()))
        })
}

/// Every distinct carried text, read once; a headline's facts in the case its body writes its
/// words, so that title case makes no names.
fn readings(comparison: &Comparison) -> HashMap<&str, Reading> {
    let mut readings = HashMap::new();
    for (_, outlet, status) in carried(comparison) {
        let text = status.text.as_deref().unwrap_or_default();
        readings.entry(text).or_insert_with(|| {
            let paragraphs = comparison.outlet(outlet).map(|o| o.paragraphs.as_slice());
            let facts = match paragraphs.filter(|_| status.headline) {
                Some(paragraphs) => extract_facts(&truecase(text, paragraphs)),
                None => extract_facts(text),
            };
            Reading {
                facts,
                intensifiers: voice::intensifiers(text),
            }
        });
    }
    readings
}

/// Every outlet's passage of every claim it carries, in claim order.
fn passages<'a>(
    comparison: &'a Comparison,
    readings: &'a HashMap<&str, Reading>,
) -> Vec<Passage<'a>> {
    carried(comparison)
        .filter_map(|(index, outlet, status)| {
            let reading = readings.get(status.text.as_deref()?)?;
            Some(Passage {
                outlet,
                claim: index,
                facts: &reading.facts,
                intensifiers: &reading.intensifiers,
                occurrence: occurrence(&comparison.claims[index].id, status),
            })
        })
        .collect()
}

/// Every other outlet's rewording of every claim of the reference it carries, in claim order.
fn rewordings(comparison: &Comparison) -> Vec<Rewording<'_>> {
    comparison
        .claims
        .iter()
        .filter(|claim| claim.origin == comparison.reference)
        .flat_map(|claim| {
            claim
                .statuses
                .iter()
                .filter(|(outlet, status)| {
                    **outlet != comparison.reference
                        && matches!(status.status, Status::Appears | Status::Differs)
                })
                .map(move |(outlet, status)| Rewording {
                    outlet,
                    claim,
                    status,
                    regions: substitutions::regions(&status.diff),
                })
        })
        .collect()
}

/// Where an outlet's status of a claim occurs.
pub(crate) fn occurrence(claim: &str, status: &ClaimStatus) -> Occurrence {
    Occurrence {
        claim: claim.to_string(),
        paragraph: status.spans.first().map(|span| span.paragraph),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EngineSettings, OutletEntry};

    #[test]
    fn a_lead_that_carries_the_headline_too_is_read_once_and_title_case_makes_no_actor() {
        let comparison = crate::align::compare(
            "case",
            vec![
                OutletEntry::from_text(
                    "ref",
                    "Governor Lee Vetoes Budget Over School Funding",
                    &[
                        "Governor Ann Lee vetoed the state budget on Friday over school funding.",
                        "Lawmakers said they would try to override the veto.",
                    ],
                ),
                OutletEntry::from_text(
                    "other",
                    "Budget Fight Heats Up",
                    &[
                        "Governor Ann Lee vetoed the budget on Friday, citing school funding.",
                        "Lawmakers plan an override vote.",
                    ],
                ),
            ],
            "ref",
            Vec::new(),
            &EngineSettings::default(),
        );
        assert!(comparison.claims[0].is_headline());
        let framing = analyse(&comparison);
        let lee = framing
            .actors
            .iter()
            .find(|a| a.name.contains("Lee"))
            .expect("Lee is an actor");
        let mentions: usize = lee.labels["other"].iter().map(|l| l.count).sum();
        assert_eq!(mentions, 1, "{:?}", lee.labels["other"]);
        assert!(
            framing
                .actors
                .iter()
                .all(|a| !a.name.contains("School Funding") && !a.name.contains("Heats")),
            "{:?}",
            framing.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
        );
    }
}
