//! The framing lens: how each outlet words the same facts, read from a finished
//! [`Comparison`] (never from the engine's internals).
//!
//! - [`substitutions`]: the words an outlet puts where the reference has others, from the
//!   replaced spans of matched claims' word diffs (`government -> regime (3)`);
//! - [`actors`]: for each person, organisation or country the story names, the expressions
//!   each outlet uses for it;
//! - [`voice`]: each outlet's attribution verbs, hedges and intensifiers, and the claims one
//!   outlet states as fact while another attributes or hedges them;
//! - [`loaded`]: words of strong connotation, marked from the VADER lexicon.
//!
//! Nothing here rates an outlet: every table shows words side by side, each entry with the
//! claims (and the outlet's paragraphs) where it occurs, so a reader can check it.

pub mod actors;
pub mod loaded;
pub mod substitutions;
pub mod tables;
pub mod voice;

use serde::{Deserialize, Serialize};

use crate::model::{Comparison, Status};
use crate::text::facts::{Facts, extract_facts};

pub use actors::Actor;
pub use loaded::LoadedWord;
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

/// One outlet's wording of one claim, with its facts read once for every table.
pub(crate) struct Passage<'a> {
    /// Outlet id.
    pub outlet: &'a str,
    /// The claim cluster's index in `Comparison::claims`.
    pub claim: usize,
    /// The outlet's sentence(s).
    pub text: &'a str,
    /// Its facts.
    pub facts: Facts,
    /// Where it occurs.
    pub occurrence: Occurrence,
}

/// Reads the framing of a comparison.
///
/// ```
/// # let comparison = parallax::align::compare("s", vec![], "a", vec![], &Default::default());
/// let framing = parallax::framing::analyse(&comparison);
/// assert!(framing.substitutions.is_empty());
/// ```
pub fn analyse(comparison: &Comparison) -> Framing {
    let passages = passages(comparison);
    Framing {
        reference: comparison.reference.clone(),
        substitutions: substitutions::of(comparison),
        actors: actors::of(comparison, &passages),
        voice: voice::of(comparison, &passages),
        stated_as_fact: voice::stated_as_fact(comparison, &passages),
    }
}

/// Every outlet's passage of every claim it carries, in claim order.
fn passages(comparison: &Comparison) -> Vec<Passage<'_>> {
    let mut passages = Vec::new();
    for (index, claim) in comparison.claims.iter().enumerate() {
        for (outlet, status) in &claim.statuses {
            let (Some(text), false) = (status.text.as_deref(), status.status == Status::Missing)
            else {
                continue;
            };
            passages.push(Passage {
                outlet,
                claim: index,
                text,
                facts: extract_facts(text),
                occurrence: occurrence(&claim.id, status),
            });
        }
    }
    passages
}

/// Where an outlet's status of a claim occurs.
pub(crate) fn occurrence(claim: &str, status: &crate::model::ClaimStatus) -> Occurrence {
    Occurrence {
        claim: claim.to_string(),
        paragraph: status.spans.first().map(|span| span.paragraph),
    }
}
