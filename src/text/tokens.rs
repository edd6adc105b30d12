//! Word tokens for similarity: Unicode word boundaries, case-folded.

use unicode_segmentation::UnicodeSegmentation;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word, lowercased.
    pub text: String,
    /// The word's stem (for matching inflections).
    pub stem: String,
    /// A stopword (low weight in similarity).
    pub stop: bool,
    /// Byte offset of the word in the tokenised text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
}

/// Splits `text` into word tokens (punctuation and spaces dropped).
pub fn tokenize(text: &str) -> Vec<Token> {
    text.unicode_word_indices()
        .map(|(start, word)| {
            let folded = word.to_lowercase();
            Token {
                stem: folded.clone(),
                text: folded,
                stop: false,
                start,
                end: start + word.len(),
            }
        })
        .collect()
}
