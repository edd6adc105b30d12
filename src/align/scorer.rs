//! Whether a passage carries a claim, as a probability: a logistic regression over
//! [`pair_features`](super::similarity::pair_features), its weights fitted on real cross-outlet text judged by careful reading
//! (`cargo bench --bench real_eval -- fit` writes them to `match_weights.json`, shipped in the
//! binary). Fitted weights replace hand-set gates: each measurement counts as much as the data
//! say it should.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::similarity::{PAIR_FEATURE_NAMES, PAIR_FEATURES};

/// The fitted weights, as `cargo bench --bench real_eval -- fit` writes them.
const WEIGHTS_JSON: &str = include_str!("match_weights.json");

/// A passage carries a claim when the scorer gives it at least this probability.
pub const CARRIES: f64 = 0.5;

/// A logistic regression over the pair measurements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorer {
    /// The log-odds of a pair whose measurements are all zero.
    pub bias: f64,
    /// One weight per measurement, keyed by [`PAIR_FEATURE_NAMES`].
    pub weights: indexmap::IndexMap<String, f64>,
    /// How the weights were fitted (command and data), for the next engineer.
    #[serde(default)]
    pub fitted: String,
}

impl Scorer {
    /// The scorer shipped with parallax.
    pub fn shipped() -> &'static Scorer {
        static SHIPPED: OnceLock<Scorer> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let scorer: Scorer =
                serde_json::from_str(WEIGHTS_JSON).expect("match_weights.json is valid");
            assert!(
                PAIR_FEATURE_NAMES
                    .iter()
                    .all(|name| scorer.weights.contains_key(*name)),
                "match_weights.json has a weight for every pair measurement"
            );
            scorer
        })
    }

    /// A scorer from a bias and one weight per measurement, in [`PAIR_FEATURE_NAMES`] order.
    pub fn new(bias: f64, weights: [f64; PAIR_FEATURES], fitted: &str) -> Scorer {
        Scorer {
            bias,
            weights: PAIR_FEATURE_NAMES
                .iter()
                .zip(weights)
                .map(|(name, w)| (name.to_string(), w))
                .collect(),
            fitted: fitted.to_string(),
        }
    }

    /// The log-odds that a pair with these measurements is one claim carried.
    pub fn logit(&self, measurements: &[f64; PAIR_FEATURES]) -> f64 {
        PAIR_FEATURE_NAMES
            .iter()
            .zip(measurements)
            .map(|(name, x)| self.weights.get(*name).copied().unwrap_or(0.0) * x)
            .sum::<f64>()
            + self.bias
    }

    /// The probability that a pair with these measurements is one claim carried.
    pub fn probability(&self, measurements: &[f64; PAIR_FEATURES]) -> f64 {
        1.0 / (1.0 + (-self.logit(measurements)).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_load_and_rank_the_same_sentence_above_an_unrelated_one() {
        let scorer = Scorer::shipped();
        let set = super::super::similarity::SentenceSet::new(&[
            "The council approved the new budget of 4 million dollars on Tuesday.",
            "The council approved the new budget of 4 million dollars on Tuesday.",
            "Rain is expected across the north of the country this weekend.",
        ]);
        let same = scorer.probability(&set.pair_features(0, 1));
        let unrelated = scorer.probability(&set.pair_features(0, 2));
        assert!(same >= CARRIES, "{same}");
        assert!(unrelated < CARRIES, "{unrelated}");
    }

    #[test]
    fn one_shared_word_and_a_weekday_do_not_carry_a_claim() {
        let scorer = Scorer::shipped();
        let set = super::super::similarity::SentenceSet::new(&[
            "The show opens to the public on Friday.",
            "Bloomberg News reported on Friday that the company faces scrutiny.",
            "The exhibition opens to the public this Friday.",
        ]);
        assert!(scorer.probability(&set.pair_features(0, 1)) < CARRIES);
        assert!(scorer.probability(&set.pair_features(0, 2)) >= CARRIES);
    }
}
