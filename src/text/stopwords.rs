//! English stopwords: function words that carry little of a claim's meaning, so similarity gives
//! them a low weight. Kept apart from the tokenizer so the list can be read and extended on its own.
//!
//! The list is the usual English function words (articles, pronouns, auxiliaries, prepositions,
//! conjunctions). It deliberately leaves out words that change a claim: negations (`not`, `no`,
//! `never`), hedges (`may`, `might`, `could`) and attribution verbs (`said`, `says`) are weighed by
//! the facts, and dropping them from similarity would hide nothing, but marking them as stopwords
//! would make two claims that differ only there look more alike than they are.

/// Stopwords, lowercase, sorted (binary-searched by [`is_stopword`]).
pub(crate) const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Single CJK characters that are grammatical particles rather than content (的, 了, の, は ...).
const CJK_STOPWORDS: &[char] = &[
    '了', '和', '在', '是', '的', 'が', 'の', 'は', 'を', 'に', 'で', 'と', 'も', 'た', 'て',
];

/// Whether `word` (lowercase) is an English stopword, or a lone CJK particle.
pub fn is_stopword(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && CJK_STOPWORDS.contains(&c)
    {
        return true;
    }
    STOPWORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_unique_so_binary_search_holds() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn function_words_are_stopwords_and_claim_words_are_not() {
        for word in ["the", "and", "of", "yourselves", "a"] {
            assert!(is_stopword(word), "{word}");
        }
        for word in [
            "not", "no", "never", "may", "said", "million", "police", "The",
        ] {
            assert!(!is_stopword(word), "{word}");
        }
        assert!(is_stopword("的"));
        assert!(!is_stopword("大学"));
    }
}
