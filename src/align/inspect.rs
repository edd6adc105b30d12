//! The engine's view of a story's claims and of every pair of them, for fitting and
//! evaluating the match scorer on labelled real text (`benches/real_eval`).

use super::claims::Claim;
use super::similarity::{Features, PAIR_FEATURES, pair_features};
use super::{Prepared, prepare};
use crate::model::{OutletEntry, TextSpan};

/// Every outlet's claims of one story, weighted with the story's term statistics as
/// [`compare`](super::compare) weights them.
pub struct StoryPairs {
    outlets: Vec<String>,
    claims: Vec<Vec<Claim>>,
    features: Vec<Vec<Features>>,
}

impl StoryPairs {
    /// Cuts and weighs the outlets' articles.
    pub fn new(outlets: &[OutletEntry]) -> StoryPairs {
        let Prepared {
            claims, features, ..
        } = prepare(outlets);
        StoryPairs {
            outlets: outlets.iter().map(|o| o.id.clone()).collect(),
            claims,
            features,
        }
    }

    /// The position of outlet `id` among the outlets given.
    pub fn outlet(&self, id: &str) -> Option<usize> {
        self.outlets.iter().position(|o| o == id)
    }

    /// Where each claim of outlet `outlet` stands (None for the headline), and its text.
    pub fn claims(&self, outlet: usize) -> Vec<(Option<TextSpan>, &str)> {
        self.claims[outlet]
            .iter()
            .map(|c| (c.span, c.text.as_str()))
            .collect()
    }

    /// The scorer's measurements of claim `a` of outlet `outlet_a` against claim `b` of outlet
    /// `outlet_b`.
    pub fn pair_features(
        &self,
        (outlet_a, a): (usize, usize),
        (outlet_b, b): (usize, usize),
    ) -> [f64; PAIR_FEATURES] {
        pair_features(&self.features[outlet_a][a], &self.features[outlet_b][b])
    }
}
