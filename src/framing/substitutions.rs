//! Word-choice substitutions: where an outlet's wording of a claim the reference carries puts
//! other words in the reference's place (the replaced spans of the word diff), aggregated per
//! outlet over the story: `internal -> leaked (1)`, `acquiring -> stealing (2)`.
//!
//! A replaced span is a run of deleted and inserted pieces (spaces between them included)
//! between two pieces both wordings share. It counts as a substitution when both sides are
//! short ([`MAX_WORDS`] words at most), both hold a content word (not only stopwords), neither
//! holds a digit (a changed figure is a fact, which the claim's reasons already name) nor a
//! capitalised word past its first (a name: the actors' table reads those), and the two differ
//! in more than inflection and typography (`secure -> securing`, `China’s -> China's` are no
//! choice of words).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::loaded::{LoadedWord, loaded_in};
use super::one_sided::{OneSidedWord, Stems, lacking_from};
use super::{Occurrence, Rewording, occurrence};
use crate::model::{Comparison, DiffOp, DiffPiece};
use crate::text::tokens::{Token, tokenize};

/// Most words on either side of a substitution: longer replaced spans are rewritten clauses,
/// not a choice of words.
pub const MAX_WORDS: usize = 4;

/// One outlet's substitutions and one-sided loaded words, each most frequent first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletSubstitutions {
    /// Outlet id.
    pub outlet: String,
    /// Its substitutions.
    pub substitutions: Vec<Substitution>,
    /// Loaded words it adds to claims the reference carries, outside its substitutions.
    #[serde(default)]
    pub added: Vec<OneSidedWord>,
    /// Loaded words of the reference's wording of claims it carries that its own wording
    /// lacks, outside its substitutions.
    #[serde(default)]
    pub left_out: Vec<OneSidedWord>,
}

/// The reference's words and the words one outlet puts in their place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Substitution {
    /// The reference's words, as first written.
    pub from: String,
    /// The outlet's words, as first written.
    pub to: String,
    /// How many times the outlet makes this substitution.
    pub count: usize,
    /// Loaded words on either side.
    pub loaded: Vec<LoadedWord>,
    /// Where it occurs (the outlet's paragraphs).
    pub occurrences: Vec<Occurrence>,
}

/// The substitutions and one-sided loaded words of every outlet but the reference, in the
/// comparison's outlet order, from its rewordings of the reference's claims.
pub(crate) fn of(
    comparison: &Comparison,
    rewordings: &[Rewording<'_>],
) -> Vec<OutletSubstitutions> {
    let mut by_outlet: IndexMap<&str, Tables> = comparison
        .outlets
        .iter()
        .filter(|o| o.id != comparison.reference)
        .map(|o| (o.id.as_str(), Tables::default()))
        .collect();
    for rewording in rewordings {
        let Some(tables) = by_outlet.get_mut(rewording.outlet) else {
            continue;
        };
        let (claim, status) = (rewording.claim, rewording.status);
        let (origin, own) = (
            claim.text.as_str(),
            status.text.as_deref().unwrap_or_default(),
        );
        let (mut origin_stems, mut own_stems) = (Stems::of(origin), Stems::of(own));
        let opens = |text: &str, region: &str| text.trim_start().starts_with(region);
        for (from, to) in &rewording.regions {
            let at = occurrence(&claim.id, status);
            let (from_tokens, to_tokens) = (tokenize(from), tokenize(to));
            if is_word_choice(from, &from_tokens, to, &to_tokens) {
                let loaded = loaded_in(from_tokens.iter().chain(&to_tokens));
                tables.substitution(from.clone(), to.clone(), loaded, at);
                continue;
            }
            let added = lacking_from(to, &to_tokens, opens(own, to), &mut origin_stems);
            for (word, valence) in added {
                count(&mut tables.added, word, valence, &at);
            }
            let left_out = lacking_from(from, &from_tokens, opens(origin, from), &mut own_stems);
            for (word, valence) in left_out {
                count(&mut tables.left_out, word, valence, &at);
            }
        }
    }
    by_outlet
        .into_iter()
        .map(|(outlet, tables)| tables.sorted(outlet))
        .collect()
}

/// One outlet's entries being gathered, keyed by their lowercase words.
#[derive(Default)]
struct Tables {
    substitutions: IndexMap<(String, String), Substitution>,
    added: IndexMap<String, OneSidedWord>,
    left_out: IndexMap<String, OneSidedWord>,
}

impl Tables {
    fn substitution(&mut self, from: String, to: String, loaded: Vec<LoadedWord>, at: Occurrence) {
        let key = (from.to_lowercase(), to.to_lowercase());
        let entry = self
            .substitutions
            .entry(key)
            .or_insert_with(|| Substitution {
                loaded,
                from,
                to,
                count: 0,
                occurrences: Vec::new(),
            });
        entry.count += 1;
        entry.occurrences.push(at);
    }

    /// Most frequent first; among equals, the strongest connotation first.
    fn sorted(self, outlet: &str) -> OutletSubstitutions {
        let strength =
            |loaded: &[LoadedWord]| loaded.iter().map(|w| w.valence.abs()).fold(0.0, f64::max);
        let mut substitutions: Vec<Substitution> = self.substitutions.into_values().collect();
        substitutions.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(strength(&b.loaded).total_cmp(&strength(&a.loaded)))
        });
        OutletSubstitutions {
            outlet: outlet.to_string(),
            substitutions,
            added: sorted(self.added),
            left_out: sorted(self.left_out),
        }
    }
}

/// Counts one occurrence of a one-sided loaded word.
fn count(words: &mut IndexMap<String, OneSidedWord>, word: String, valence: f64, at: &Occurrence) {
    let entry = words.entry(word.clone()).or_insert_with(|| OneSidedWord {
        word,
        valence,
        count: 0,
        occurrences: Vec::new(),
    });
    entry.count += 1;
    entry.occurrences.push(at.clone());
}

/// One-sided loaded words, most frequent first; among equals, the strongest connotation first.
fn sorted(words: IndexMap<String, OneSidedWord>) -> Vec<OneSidedWord> {
    let mut words: Vec<OneSidedWord> = words.into_values().collect();
    words.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.valence.abs().total_cmp(&a.valence.abs()))
    });
    words
}

/// Whether a changed region is a replaced span: a run of deleted and inserted pieces between
/// shared ones, words on both sides.
pub(crate) fn is_replaced((from, to): &(String, String)) -> bool {
    !from.is_empty() && !to.is_empty()
}

/// Every changed region of a word diff: the replaced spans, and the runs only one side has
/// (the other side empty), as (the origin's words, the outlet's words), trimmed of spaces and
/// punctuation.
pub(crate) fn regions(diff: &[DiffPiece]) -> Vec<(String, String)> {
    let mut spans = Vec::new();
    let (mut from, mut to) = (String::new(), String::new());
    let mut flush = |from: &mut String, to: &mut String| {
        if from.is_empty() && to.is_empty() {
            return;
        }
        let (f, t) = (tidy(from), tidy(to));
        if !f.is_empty() || !t.is_empty() {
            spans.push((f, t));
        }
        from.clear();
        to.clear();
    };
    for piece in diff {
        match piece.op {
            DiffOp::Delete => from.push_str(&piece.text),
            DiffOp::Insert => to.push_str(&piece.text),
            DiffOp::Equal
                if piece.text.trim().is_empty() && !(from.is_empty() && to.is_empty()) =>
            {
                from.push_str(&piece.text);
                to.push_str(&piece.text);
            }
            DiffOp::Equal => flush(&mut from, &mut to),
        }
    }
    flush(&mut from, &mut to);
    spans
}

/// Spaces collapsed, punctuation trimmed from both ends.
fn tidy(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// Whether a replaced span (`from`, `to`, read as tokens) is a choice of words (see the
/// module's rules); the plain checks come before the tokens'.
fn is_word_choice(from: &str, from_tokens: &[Token], to: &str, to_tokens: &[Token]) -> bool {
    let short = |tokens: &[Token]| {
        tokens
            .iter()
            .map(|t| t.text.split(' ').count())
            .sum::<usize>()
            <= MAX_WORDS
    };
    fn content_stems(tokens: &[Token]) -> Vec<&str> {
        let mut stems: Vec<&str> = tokens
            .iter()
            .filter(|t| !t.stop)
            .map(|t| t.stem.as_str())
            .collect();
        stems.sort_unstable();
        stems
    }
    let plain = |text: &str| {
        !text.is_empty() && !text.chars().any(|c| c.is_ascii_digit()) && !names_inside(text)
    };
    if !(plain(from) && plain(to) && short(from_tokens) && short(to_tokens)) {
        return false;
    }
    let (from_stems, to_stems) = (content_stems(from_tokens), content_stems(to_tokens));
    !from_stems.is_empty() && !to_stems.is_empty() && from_stems != to_stems
}

/// Whether a capitalised word stands past the first word of `text`: a name inside a span
/// (`the Commerce Department barred`), which is an actor's label or a change of fact, both
/// read elsewhere.
fn names_inside(text: &str) -> bool {
    text.split_whitespace()
        .skip(1)
        .any(|word| word.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_changes_across_spaces_is_one_replaced_span() {
        let diff = [
            DiffPiece::new(DiffOp::Equal, "The association "),
            DiffPiece::new(DiffOp::Delete, "set"),
            DiffPiece::new(DiffOp::Insert, "laid"),
            DiffPiece::new(DiffOp::Equal, " "),
            DiffPiece::new(DiffOp::Delete, "out"),
            DiffPiece::new(DiffOp::Insert, "bare"),
            DiffPiece::new(DiffOp::Equal, " its plans, "),
            DiffPiece::new(DiffOp::Delete, "officials said."),
            DiffPiece::new(DiffOp::Equal, " "),
        ];
        assert_eq!(
            regions(&diff)
                .into_iter()
                .filter(is_replaced)
                .collect::<Vec<_>>(),
            [("set out".to_string(), "laid bare".to_string())]
        );
    }

    fn is_word_choice(from: &str, to: &str) -> bool {
        super::is_word_choice(from, &tokenize(from), to, &tokenize(to))
    }

    #[test]
    fn inflection_typography_figures_and_function_words_are_no_word_choice() {
        assert!(is_word_choice("acquiring", "stealing"));
        assert!(is_word_choice("drawn up", "cooked up"));
        assert!(!is_word_choice("secure", "securing"));
        assert!(!is_word_choice("China’s", "China's"));
        assert!(!is_word_choice("60 to 80", "70"));
        assert!(!is_word_choice("the", "a"));
        assert!(!is_word_choice(
            "the Commerce Department barred",
            "by barring"
        ));
        assert!(is_word_choice("Internal", "Secret"));
        assert!(!is_word_choice(
            "a provincial body that recruits",
            "which hires experts from abroad for it"
        ));
    }
}
