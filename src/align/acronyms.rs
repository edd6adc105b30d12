//! Acronyms a story coins for itself: one outlet writes "the National Cyber Security Centre",
//! another "the NCSC". No table can hold every agency, party and company of every story, but the
//! story itself says which acronyms it uses; wherever a run of capitalised words has those
//! initials, the run is read as the acronym (one term), so both wordings share it.
//!
//! Well-known acronyms with a fixed meaning (U.N., EU, WHO) are names in
//! [`crate::text::demonyms`] and never reach this.

use std::collections::HashMap;

use crate::text::initials::Initials;
use crate::text::{demonyms, tokens};
use tokens::Token;

/// Shortest and longest acronym considered, in letters.
const LETTERS: std::ops::RangeInclusive<usize> = 2..=6;

/// The acronyms written in capitals somewhere in one story, each with its stem.
#[derive(Debug, Default)]
pub struct StoryAcronyms {
    stems: HashMap<String, String>,
}

impl StoryAcronyms {
    /// Collects the acronyms of a story's texts: words of capitals only ("NCSC", "NCSC's").
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> StoryAcronyms {
        let mut stems = HashMap::new();
        for text in texts {
            // A cheap scan: most words are not acronyms, and only those need a token.
            for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            {
                let Some(written) = acronym_written(word) else {
                    continue;
                };
                if !stems.contains_key(written)
                    && let Some(token) = tokens::tokenize(&written.to_lowercase()).pop()
                {
                    stems.insert(written.to_string(), token.stem);
                }
            }
        }
        StoryAcronyms { stems }
    }

    /// Rewrites every run of capitalised words in `tokens` (of `text`) whose initials are an
    /// acronym of the story into one token with the acronym's stem.
    pub fn join(&self, text: &str, tokens: &mut Vec<Token>) {
        if self.stems.is_empty() {
            return;
        }
        let mut i = 0;
        while i < tokens.len() {
            if let Some((stem, used)) = self.acronym_at(text, &tokens[i..]) {
                let last = &tokens[i + used - 1];
                let joined = Token {
                    text: text[tokens[i].start..last.end].to_lowercase(),
                    stem: stem.to_string(),
                    stop: false,
                    start: tokens[i].start,
                    end: last.end,
                };
                tokens.splice(i..i + used, [joined]);
            }
            i += 1;
        }
    }

    /// The acronym whose long form starts at `tokens[0]` (the longest), with how many tokens
    /// the long form takes.
    fn acronym_at(&self, text: &str, tokens: &[Token]) -> Option<(&str, usize)> {
        if !capitalised(text, tokens.first()?) {
            return None;
        }
        let mut initials = Initials::default();
        let mut found = None;
        for (n, token) in tokens.iter().enumerate() {
            if !initials.push(&text[token.start..token.end]) {
                break;
            }
            if n > 0 && !text[tokens[n - 1].end..token.start].trim().is_empty() {
                break;
            }
            if initials.capitals.len() > *LETTERS.end() {
                break;
            }
            let stem =
                (self.stems.get(&initials.capitals)).or_else(|| self.stems.get(&initials.every));
            if n > 0
                && capitalised(text, token)
                && let Some(stem) = stem
            {
                found = Some((stem.as_str(), n + 1));
            }
        }
        found
    }
}

/// The acronym `word` is, without a possessive: capitals only, of acceptable length, and no name
/// with a fixed meaning.
fn acronym_written(word: &str) -> Option<&str> {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    let acronym = LETTERS.contains(&word.len())
        && word.chars().all(|c| c.is_ascii_uppercase())
        && demonyms::canonical_acronym(word).is_none();
    acronym.then_some(word)
}

/// Whether the word of `token` starts with a capital letter.
fn capitalised(text: &str, token: &Token) -> bool {
    text[token.start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(acronyms: &StoryAcronyms, text: &str) -> Vec<String> {
        let mut tokens = tokens::tokenize(text);
        acronyms.join(text, &mut tokens);
        tokens.into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn a_long_form_reads_as_the_acronym_the_story_uses() {
        let story = StoryAcronyms::of(["The NCSC's experts and the DOJ helped."]);
        assert_eq!(
            stems(&story, "The National Cyber Security Centre said"),
            stems(&story, "The NCSC said")
        );
        assert_eq!(stems(&story, "the Department of Justice"), ["the", "doj"]);
    }

    #[test]
    fn without_the_acronym_in_the_story_nothing_changes() {
        let story = StoryAcronyms::of(["No acronym here."]);
        assert_eq!(
            stems(&story, "National Cyber Security Centre"),
            ["nation", "cyber", "secur", "center"]
        );
        let story = StoryAcronyms::of(["The UN met."]);
        assert!(story.stems.is_empty());
    }
}
