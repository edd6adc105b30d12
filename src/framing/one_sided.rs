//! Loaded words on one side of a carried claim: words of strong connotation
//! ([`super::loaded`]) in a changed region of the word diff whose stem the other side's wording
//! has nowhere, where they are no part of a listed substitution.
//!
//! - added: in the outlet's wording, lacking from the reference's (`bombastic`, `woeful`,
//!   `scandal`): an adjective or adverb slipped into the same fact, or the loaded words of a
//!   clause the outlet rewrote too freely for word-by-word pairs;
//! - left out: in the reference's wording, lacking from the outlet's: the outlet words the same
//!   fact without them.
//!
//! A word the other wording has anywhere (in any inflection) only moved, and a capitalised
//! word past a sentence's start is part of a name.

use serde::{Deserialize, Serialize};

use super::Occurrence;
use super::loaded::valence;
use crate::text::tokens::{Token, tokenize};

/// A loaded word one side of an outlet's carried claims has and the other lacks: one the
/// outlet adds, or one of the reference's it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OneSidedWord {
    /// The word, lowercase.
    pub word: String,
    /// Its VADER valence, -4 to +4.
    pub valence: f64,
    /// How many times the outlet adds it, or leaves it out.
    pub count: usize,
    /// Where (the outlet's paragraphs).
    pub occurrences: Vec<Occurrence>,
}

/// The stems of one wording, tokenised when first asked for (most regions hold no loaded
/// word, so most wordings are never asked for theirs).
pub(crate) struct Stems<'a> {
    text: &'a str,
    stems: Option<Vec<String>>,
}

impl<'a> Stems<'a> {
    /// The stems of `text`, not read yet.
    pub fn of(text: &'a str) -> Stems<'a> {
        Stems { text, stems: None }
    }

    /// The stems, read on first use.
    fn get(&mut self) -> &[String] {
        let text = self.text;
        self.stems
            .get_or_insert_with(|| tokenize(text).into_iter().map(|t| t.stem).collect())
    }
}

/// The loaded words of `region` (a run of one side's words with no counterpart listed, read
/// as `tokens`) whose stems the other side's wording (`other`) lacks, each with its valence;
/// `starts_sentence`: the run opens its side's sentence, so its first word may be capitalised.
pub(crate) fn lacking_from(
    region: &str,
    tokens: &[Token],
    starts_sentence: bool,
    other: &mut Stems<'_>,
) -> Vec<(String, f64)> {
    let mut found = Vec::new();
    for token in tokens {
        if token.text.contains(' ') {
            continue;
        }
        let written = &region[token.start..token.end];
        if (token.start > 0 || !starts_sentence) && written.starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(valence) = valence(&token.text)
            && !other.get().contains(&token.stem)
        {
            found.push((token.text.clone(), valence));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lacking_from(region: &str, other: &str, starts: bool) -> Vec<String> {
        super::lacking_from(region, &tokenize(region), starts, &mut Stems::of(other))
            .into_iter()
            .map(|(word, _)| word)
            .collect()
    }

    #[test]
    fn only_loaded_words_the_other_side_lacks_are_one_sided() {
        let other = "The senator defeated his rival on Tuesday.";
        let words = lacking_from("a bombastic and woeful defeat, a scandal", other, false);
        assert!(words.contains(&"woeful".to_string()), "{words:?}");
        assert!(words.contains(&"scandal".to_string()), "{words:?}");
        assert!(
            !words.contains(&"defeat".to_string()),
            "an inflection of the other side's word"
        );
        assert!(
            lacking_from("the Liberty Bell", other, false).is_empty(),
            "a name"
        );
        assert!(
            lacking_from("Liberty", other, false).is_empty(),
            "a name mid-sentence"
        );
        assert_eq!(
            lacking_from("Woeful", other, true),
            ["woeful"],
            "a sentence's first word"
        );
    }
}
