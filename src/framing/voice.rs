//! Voice and certainty: per outlet, the verbs it attributes claims with (`said`, `claimed`,
//! `admitted` ...) and its hedges, both as the fact scanner reads them
//! ([`crate::text::facts::attribution`], [`crate::text::facts::hedges`]), and its intensifiers
//! (degree adverbs: `very`, `deeply`, `utterly` ...); and the claims some outlets state as fact
//! while others attribute or hedge them.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::{Occurrence, Passage};
use crate::model::{Comparison, Status};
use crate::text::tokens::tokenize;

/// Degree adverbs that strengthen what they modify.
pub const INTENSIFIERS: &[&str] = &[
    "absolutely",
    "completely",
    "deeply",
    "enormously",
    "entirely",
    "especially",
    "exceptionally",
    "extremely",
    "fully",
    "greatly",
    "highly",
    "hugely",
    "incredibly",
    "massively",
    "particularly",
    "really",
    "seriously",
    "so",
    "totally",
    "truly",
    "utterly",
    "vastly",
    "very",
];

/// The intensifiers of `text`, lowercase, in order.
pub(crate) fn intensifiers(text: &str) -> Vec<String> {
    // Most sentences hold none, and tokenising is dear: an intensifier's token is always one of
    // the text's runs of ASCII letters (in any case), so a text without such a run has none.
    let candidate = text.split(|c: char| !c.is_ascii_alphanumeric()).any(|run| {
        INTENSIFIERS
            .iter()
            .any(|word| word.eq_ignore_ascii_case(run))
    });
    if !candidate {
        return Vec::new();
    }
    tokenize(text)
        .into_iter()
        .filter(|token| INTENSIFIERS.contains(&token.text.as_str()))
        .map(|token| token.text)
        .collect()
}

/// One outlet's voice and certainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletVoice {
    /// Outlet id.
    pub outlet: String,
    /// Its attribution verbs as written (`said`, `according to`, `claimed`), most used first.
    pub attribution_verbs: Vec<WordCount>,
    /// Its hedges as written (`reportedly`, `allegedly`, `may`).
    pub hedges: Vec<WordCount>,
    /// Its intensifiers.
    pub intensifiers: Vec<WordCount>,
}

/// A word with how often an outlet uses it, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordCount {
    /// The word, lowercase.
    pub word: String,
    /// How many times.
    pub count: usize,
    /// Where.
    pub occurrences: Vec<Occurrence>,
}

/// A claim of the reference that some carrying outlets state as fact and others qualify.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatedAsFact {
    /// Claim id.
    pub claim: String,
    /// Outlets that state it with no attribution and no hedge.
    pub as_fact: Vec<String>,
    /// Outlets that attribute or hedge it, each with its words (`say`, `reportedly`).
    pub qualified: IndexMap<String, Vec<String>>,
}

/// Each outlet's voice, in the comparison's outlet order.
pub(crate) fn of(comparison: &Comparison, passages: &[Passage<'_>]) -> Vec<OutletVoice> {
    comparison
        .outlets
        .iter()
        .map(|outlet| {
            let mut verbs = Tally::default();
            let mut hedges = Tally::default();
            let mut intensifiers = Tally::default();
            for passage in passages.iter().filter(|p| p.outlet == outlet.id) {
                let at = &passage.occurrence;
                for attribution in &passage.facts.attributions {
                    verbs.add(&attribution.verb, at);
                }
                for hedge in &passage.facts.hedges {
                    hedges.add(&hedge.text, at);
                }
                for word in passage.intensifiers {
                    intensifiers.add(word, at);
                }
            }
            OutletVoice {
                outlet: outlet.id.clone(),
                attribution_verbs: verbs.sorted(),
                hedges: hedges.sorted(),
                intensifiers: intensifiers.sorted(),
            }
        })
        .collect()
}

/// The reference's claims that one carrying outlet states as fact and another qualifies.
pub(crate) fn stated_as_fact(
    comparison: &Comparison,
    passages: &[Passage<'_>],
) -> Vec<StatedAsFact> {
    // Each claim's passages, gathered in one pass (not one pass over all passages per claim).
    let mut by_claim: Vec<Vec<&Passage<'_>>> = vec![Vec::new(); comparison.claims.len()];
    for passage in passages {
        if let Some(bucket) = by_claim.get_mut(passage.claim) {
            bucket.push(passage);
        }
    }
    let mut found = Vec::new();
    for (claim, claim_passages) in comparison.claims.iter().zip(&by_claim) {
        if claim.origin != comparison.reference {
            continue;
        }
        let mut as_fact = Vec::new();
        let mut qualified = IndexMap::new();
        for passage in claim_passages {
            let carried = claim
                .statuses
                .get(passage.outlet)
                .is_some_and(|s| matches!(s.status, Status::Appears | Status::Differs));
            if !carried {
                continue;
            }
            let words: Vec<String> = passage
                .facts
                .attributions
                .iter()
                .map(|a| a.verb.clone())
                .chain(passage.facts.hedges.iter().map(|h| h.text.clone()))
                .collect();
            if words.is_empty() {
                as_fact.push(passage.outlet.to_string());
            } else {
                qualified.insert(passage.outlet.to_string(), words);
            }
        }
        if !as_fact.is_empty() && !qualified.is_empty() {
            found.push(StatedAsFact {
                claim: claim.id.clone(),
                as_fact,
                qualified,
            });
        }
    }
    found
}

/// Words counted in first-seen order, with where each occurs.
#[derive(Default)]
struct Tally(IndexMap<String, Vec<Occurrence>>);

impl Tally {
    fn add(&mut self, word: &str, at: &Occurrence) {
        self.0
            .entry(word.to_lowercase())
            .or_default()
            .push(at.clone());
    }

    /// Most frequent first (first seen first among equals).
    fn sorted(self) -> Vec<WordCount> {
        let mut words: Vec<WordCount> = self
            .0
            .into_iter()
            .map(|(word, occurrences)| WordCount {
                word,
                count: occurrences.len(),
                occurrences,
            })
            .collect();
        words.sort_by_key(|x| std::cmp::Reverse(x.count));
        words
    }
}
