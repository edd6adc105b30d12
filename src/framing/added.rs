//! Loaded words an outlet adds to a claim it carries: words of strong connotation
//! ([`super::loaded`]) in the outlet's wording of a reference claim that the reference's wording
//! lacks (`bombastic`, `woeful`, `scandal`), where they are no part of a listed substitution:
//! an adjective or adverb slipped into the same fact, or the loaded words of a clause the outlet
//! rewrote too freely for word-by-word pairs. A word the reference's sentence has anywhere (in
//! any inflection) only moved, and a capitalised word past a sentence's start is part of a name.

use serde::{Deserialize, Serialize};

use super::Occurrence;
use super::loaded::valence;
use crate::text::tokens::Token;

/// A loaded word one outlet adds to claims the reference carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddedWord {
    /// The word, lowercase.
    pub word: String,
    /// Its VADER valence, -4 to +4.
    pub valence: f64,
    /// How many times the outlet adds it.
    pub count: usize,
    /// Where (the outlet's paragraphs).
    pub occurrences: Vec<Occurrence>,
}

/// The loaded words of `added` (a run of the outlet's words with no counterpart listed, read
/// as `tokens`) whose stems `origin_stems` (the reference's wording, stemmed) lacks, each with
/// its valence; `starts_sentence`: the run opens the outlet's sentence, so its first word may
/// be capitalised.
pub(crate) fn loaded_additions(
    added: &str,
    tokens: &[Token],
    origin_stems: &[String],
    starts_sentence: bool,
) -> Vec<(String, f64)> {
    let mut found = Vec::new();
    for token in tokens {
        if token.text.contains(' ') || origin_stems.contains(&token.stem) {
            continue;
        }
        let written = &added[token.start..token.end];
        if (token.start > 0 || !starts_sentence) && written.starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(valence) = valence(&token.text) {
            found.push((token.text.clone(), valence));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::text::tokens::tokenize;

    fn loaded_additions(added: &str, origin: &[String], starts: bool) -> Vec<(String, f64)> {
        super::loaded_additions(added, &tokenize(added), origin, starts)
    }

    fn stems(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn only_loaded_words_the_reference_lacks_are_additions() {
        let origin = stems("The senator defeated his rival on Tuesday.");
        let words: Vec<String> =
            loaded_additions("a bombastic and woeful defeat, a scandal", &origin, false)
                .into_iter()
                .map(|(word, _)| word)
                .collect();
        assert!(words.contains(&"woeful".to_string()), "{words:?}");
        assert!(words.contains(&"scandal".to_string()), "{words:?}");
        assert!(
            !words.contains(&"defeat".to_string()),
            "an inflection of the origin's word"
        );
        assert!(
            loaded_additions("the Liberty Bell", &origin, false).is_empty(),
            "a name"
        );
        assert!(
            loaded_additions("Liberty", &origin, false).is_empty(),
            "a name mid-sentence"
        );
        assert_eq!(
            loaded_additions("Woeful", &origin, true).len(),
            1,
            "a sentence's first word"
        );
    }
}
