//! Word tokens for similarity: Unicode word boundaries, case-folded and NFC, with an English stem
//! for Latin-script words and a stopword flag for weighting.
//!
//! Chinese and Japanese have no spaces between words, and Unicode word boundaries cut them into
//! single characters (Han, Hiragana) or long runs (Katakana). Single characters match too easily
//! and long runs too rarely, so a run of CJK characters becomes its overlapping character bigrams
//! (`北京大学` → `北京`, `京大`, `大学`); a lone character stays a token of its own. Bigram tokens
//! overlap in their offsets; every token's `start..end` still slices the text it came from.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::stopwords::is_stopword;

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word, case-folded (lowercase), NFC, with `’` written `'`.
    pub text: String,
    /// The word's stem (for matching inflections); the word itself outside the Latin script.
    pub stem: String,
    /// A stopword (low weight in similarity).
    pub stop: bool,
    /// Byte offset of the word in the tokenised text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
}

/// Splits `text` into word tokens (punctuation and spaces dropped), CJK runs into bigrams.
///
/// ```
/// use parallax::text::tokens::tokenize;
/// let words: Vec<String> = tokenize("Police said").into_iter().map(|t| t.stem).collect();
/// assert_eq!(words, ["polic", "said"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    // The current run of CJK characters: (start, end) of each character.
    let mut run: Vec<(usize, usize)> = Vec::new();
    for (start, word) in text.unicode_word_indices() {
        if word.chars().all(is_cjk) {
            let contiguous = run.last().is_none_or(|&(_, end)| end == start);
            if !contiguous {
                flush_cjk_run(text, &mut run, &mut out);
            }
            run.extend(
                word.char_indices()
                    .map(|(i, c)| (start + i, start + i + c.len_utf8())),
            );
            continue;
        }
        flush_cjk_run(text, &mut run, &mut out);
        out.push(word_token(word, start));
    }
    flush_cjk_run(text, &mut run, &mut out);
    out
}

/// The token of one non-CJK word starting at byte `start`.
fn word_token(word: &str, start: usize) -> Token {
    let folded: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfc()
            .flat_map(char::to_lowercase)
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .collect()
    };
    let stem = if folded.chars().any(char::is_alphabetic) && folded.chars().all(is_latin_or_mark) {
        stem_of(&folded)
    } else {
        folded.clone()
    };
    Token {
        stop: is_stopword(&folded),
        stem,
        text: folded,
        start,
        end: start + word.len(),
    }
}

/// Most entries a thread's stem cache holds before it starts afresh.
const STEM_CACHE_MAX: usize = 50_000;

thread_local! {
    /// Stems already computed on this thread: the outlets of one story share most of their
    /// words, and stemming is the dearest step of tokenising.
    static STEMS: std::cell::RefCell<std::collections::HashMap<String, String>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// The English stem of a lowercase word, through the thread's cache.
fn stem_of(folded: &str) -> String {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(folded) {
            return stem.clone();
        }
        if cache.len() >= STEM_CACHE_MAX {
            cache.clear();
        }
        let stem = ENGLISH.stem(folded).into_owned();
        cache.insert(folded.to_string(), stem.clone());
        stem
    })
}

/// Turns a run of adjacent CJK characters into bigram tokens (a lone character into itself).
fn flush_cjk_run(text: &str, run: &mut Vec<(usize, usize)>, out: &mut Vec<Token>) {
    let cjk_token = |start: usize, end: usize| {
        let word: String = text[start..end].nfc().collect();
        Token {
            stop: is_stopword(&word),
            stem: word.clone(),
            text: word,
            start,
            end,
        }
    };
    match run.as_slice() {
        [] => {}
        [(start, end)] => out.push(cjk_token(*start, *end)),
        chars => out.extend(chars.windows(2).map(|w| cjk_token(w[0].0, w[1].1))),
    }
    run.clear();
}

/// Chinese and Japanese characters (Han, Hiragana, Katakana and their extensions); Hangul is
/// written with spaces and is left to word boundaries.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'   // halfwidth Katakana
        | '\u{20000}'..='\u{2FA1F}' // CJK extensions B..F, compatibility supplement
    )
}

/// Letters of the Latin script (and the marks, digits and apostrophes inside Latin words), for
/// which the English stemmer is meaningful.
fn is_latin_or_mark(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{300}'..='\u{36F}')
        || !c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn words_are_case_folded_stemmed_and_flagged() {
        let tokens = tokenize("The Police ARRESTED three protesters.");
        assert_eq!(
            texts(&tokens),
            ["the", "police", "arrested", "three", "protesters"]
        );
        let stems: Vec<&str> = tokens.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["the", "polic", "arrest", "three", "protest"]);
        assert!(tokens[0].stop && !tokens[1].stop);
    }

    #[test]
    fn numbers_and_contractions_stay_whole() {
        let tokens = tokenize("It didn’t cost $1,000,000 or 1.53 million.");
        assert_eq!(
            texts(&tokens),
            ["it", "didn't", "cost", "1,000,000", "or", "1.53", "million"]
        );
        assert_eq!(tokens[3].stem, "1,000,000");
    }

    #[test]
    fn offsets_slice_the_original_words() {
        let text = "Zoë said: «Ça va», 北京大学 students.";
        for token in tokenize(text) {
            let original: String = text[token.start..token.end]
                .to_lowercase()
                .replace('’', "'");
            assert_eq!(original, token.text);
        }
    }

    #[test]
    fn cjk_runs_become_bigrams_and_lone_characters_stay() {
        assert_eq!(texts(&tokenize("北京大学")), ["北京", "京大", "大学"]);
        assert_eq!(texts(&tokenize("人 口")), ["人", "口"]);
        assert_eq!(
            texts(&tokenize("東京で会議")),
            ["東京", "京で", "で会", "会議"]
        );
    }

    #[test]
    fn non_latin_words_are_not_stemmed() {
        let tokens = tokenize("Москва говорила");
        assert_eq!(tokens[1].stem, "говорила");
    }

    #[test]
    fn text_is_nfc() {
        let tokens = tokenize("Cafe\u{301}");
        assert_eq!(tokens[0].text, "café");
    }
}
