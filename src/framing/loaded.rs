//! Loaded words: words of strong connotation, as rated by people in the VADER sentiment
//! lexicon (Hutto & Gilbert 2014, shipped in the `vader_sentiment` crate): each word's mean
//! valence from -4 (most negative) to +4. A word is loaded when its valence is at least
//! [`STRONG`] either way. The lexicon is the raters', not ours; the lens only marks the words
//! and never sums them into a score of an outlet.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::text::tokens::{Token, tokenize};

/// Smallest absolute valence of a loaded word (VADER's raters gave `stealing` -2.7, `sore`
/// -1.5, `admitted` 0.4).
pub const STRONG: f64 = 1.5;

/// A word of strong connotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadedWord {
    /// The word, lowercase.
    pub word: String,
    /// Its VADER valence, -4 to +4.
    pub valence: f64,
}

/// The lexicon's words (letters, `-` and `'` only) whose valence is [`STRONG`] or more either
/// way, lowercase.
static STRONG_WORDS: LazyLock<HashMap<String, f64>> = LazyLock::new(|| {
    vader_sentiment::LEXICON
        .iter()
        .filter(|(word, valence)| {
            valence.abs() >= STRONG
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
        .map(|(word, valence)| (word.to_lowercase(), *valence))
        .collect()
});

/// The valence of `word` (any case) when it is loaded.
pub fn valence(word: &str) -> Option<f64> {
    STRONG_WORDS.get(&word.to_lowercase()).copied()
}

/// The loaded words of `text`, in order, each once.
///
/// ```
/// let words = parallax::framing::loaded::loaded_words("plans for stealing technology");
/// assert_eq!(words[0].word, "stealing");
/// ```
pub fn loaded_words(text: &str) -> Vec<LoadedWord> {
    loaded_in(&tokenize(text))
}

/// The loaded words of tokens already read, in order, each once.
pub(crate) fn loaded_in<'t>(tokens: impl IntoIterator<Item = &'t Token>) -> Vec<LoadedWord> {
    let mut words: Vec<LoadedWord> = Vec::new();
    for token in tokens {
        for word in token.text.split(' ') {
            if let Some(valence) = valence(word)
                && !words.iter().any(|w| w.word == word)
            {
                words.push(LoadedWord {
                    word: word.to_string(),
                    valence,
                });
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_words_are_marked_and_mild_or_neutral_ones_not() {
        assert_eq!(valence("Stealing"), Some(-2.7));
        assert!(valence("steal").is_some_and(|v| v <= -STRONG));
        for word in ["admitted", "acquire", "government", "the", ":-("] {
            assert_eq!(valence(word), None, "{word}");
        }
    }

    #[test]
    fn each_loaded_word_of_a_text_is_listed_once_in_order() {
        let words: Vec<String> = loaded_words("They steal, then steal again: a sore point")
            .into_iter()
            .map(|w| w.word)
            .collect();
        assert_eq!(words, ["steal", "sore"]);
    }
}
