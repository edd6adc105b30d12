//! One article as a stream of words for verbatim comparison: each word folded (lowercase,
//! NFC, curly apostrophes straight), with its paragraph and byte range, whether it stands
//! inside quotation marks, and whether it is a word of the writer's choosing (not a name, a
//! figure).

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::OutletEntry;
use crate::text::stopwords::is_stopword;

/// The most times a window of words may stand in one article and still start shared runs.
pub(crate) const MAX_WINDOW_REPEATS: usize = 16;

/// One word of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Hash of the folded word: what two articles compare.
    pub key: u64,
    /// The folded word.
    pub text: String,
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte range in the paragraph.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// Inside quotation marks.
    pub quoted: bool,
    /// A word of the writer's choosing: written in lowercase (or a function word) and not a
    /// figure; names and numbers are what any report of the event repeats.
    pub free: bool,
    /// A free word that is not a stopword.
    pub content: bool,
}

/// An article's words, and an index of its runs of [`super::MIN_RUN`] words.
#[derive(Debug, Clone, Default)]
pub(crate) struct OutletWords {
    /// Every word in reading order.
    pub words: Vec<Word>,
    /// For each window of `MIN_RUN` words inside one paragraph, the window's hash → the
    /// positions of its first word.
    pub windows: FxHashMap<u64, Vec<usize>>,
}

impl OutletWords {
    /// The words of an outlet's paragraphs.
    pub fn new(outlet: &OutletEntry) -> OutletWords {
        let mut words = Vec::new();
        for (paragraph, text) in outlet.paragraphs.iter().enumerate() {
            let quoted = quoted_ranges(text);
            for (start, word) in text.split_word_bound_indices() {
                if !word.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let folded = fold(word);
                let end = start + word.len();
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                let figure = word.chars().any(|c| c.is_ascii_digit());
                let stop = is_stopword(&folded);
                // A capitalised word opening a sentence may be a name or not: counted as not
                // chosen, so that names never make a run look copied.
                let free = !figure && (!capitalised || stop);
                words.push(Word {
                    key: hash_str(&folded),
                    text: folded,
                    paragraph,
                    start,
                    end,
                    quoted: quoted.iter().any(|r| r.start <= start && end <= r.end),
                    free,
                    content: free && !stop,
                });
            }
        }
        let mut windows: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for i in 0..words.len() {
            if let Some(hash) = window_hash(&words, i) {
                windows.entry(hash).or_default().push(i);
            }
        }
        // A run of words an article repeats again and again is boilerplate (or a hostile
        // page): it starts no shared run, so matching stays linear.
        windows.retain(|_, at| at.len() <= MAX_WINDOW_REPEATS);
        OutletWords { words, windows }
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the run of `len` words from `at` in `other` stands in this article too.
    pub fn contains_run(&self, other: &OutletWords, at: usize, len: usize) -> bool {
        let n = super::MIN_RUN;
        if len < n {
            return false;
        }
        let first = window_hash(&other.words, at);
        let Some(starts) = first.and_then(|h| self.windows.get(&h)) else {
            return false;
        };
        let run = &other.words[at..at + len];
        starts.iter().any(|&i| {
            i + len <= self.words.len()
                && self.words[i..i + len]
                    .iter()
                    .zip(run)
                    .all(|(x, y)| x.key == y.key && x.paragraph == self.words[i].paragraph)
        })
    }
}

/// The hash of the window of `MIN_RUN` words starting at `i`, when it stays in one paragraph.
pub(crate) fn window_hash(words: &[Word], i: usize) -> Option<u64> {
    let n = super::MIN_RUN;
    let window = words.get(i..i + n)?;
    if window[0].paragraph != window[n - 1].paragraph {
        return None;
    }
    let mut hasher = FxHasher::default();
    for word in window {
        word.key.hash(&mut hasher);
    }
    Some(hasher.finish())
}

/// A word folded for comparison: lowercase, NFC, `’` written `'`.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfc()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if matches!(c, '\u{2019}' | '\u{2018}') {
                '\''
            } else {
                c
            }
        })
        .collect()
}

/// A stable hash of a string.
pub(crate) fn hash_str(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The byte ranges of a paragraph inside quotation marks (the marks included). A straight `"`
/// opens and closes; a single quote (curly or straight) opens only after a space or at the
/// start and before a letter, and closes only before a non-letter (else it is an apostrophe);
/// a doubled mark (`""We ...`) opens or closes once; a quote still open at the end of the
/// paragraph runs to its end (a quotation that goes on in the next paragraph).
pub(crate) fn quoted_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut k = 0;
    let doubled = |k: usize| {
        chars
            .get(k + 1)
            .is_some_and(|n| matches!(n.1, '"' | '“' | '”'))
    };
    while k < chars.len() {
        let (i, c) = chars[k];
        let previous = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        match open {
            None => {
                let opens = match c {
                    '"' | '“' | '«' | '„' | '「' | '『' => true,
                    '‘' | '\'' => {
                        previous.is_none_or(|p| {
                            p.is_whitespace() || matches!(p, '(' | '"' | '“' | '—' | '–')
                        }) && next.is_some_and(char::is_alphanumeric)
                    }
                    _ => false,
                };
                if opens {
                    open = Some((i, c));
                    while matches!(c, '"' | '“') && doubled(k) {
                        k += 1;
                    }
                }
            }
            Some((start, mark)) => {
                let closes = match mark {
                    '"' | '“' | '„' => {
                        matches!(c, '"' | '”' | '“') && !(mark == '„' && c == '"')
                    }
                    '«' => c == '»',
                    '「' => c == '」',
                    '『' => c == '』',
                    '‘' | '\'' => {
                        matches!(c, '’' | '\'')
                            && next.is_none_or(|n| !n.is_alphanumeric())
                            && previous.is_some_and(|p| !p.is_whitespace())
                    }
                    _ => false,
                };
                if closes {
                    while matches!(c, '"' | '”') && doubled(k) {
                        k += 1;
                    }
                    let (at, last) = chars[k];
                    out.push(start..at + last.len_utf8());
                    open = None;
                }
            }
        }
        k += 1;
    }
    if let Some((start, _)) = open {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(paragraphs: &[&str]) -> OutletEntry {
        OutletEntry {
            id: "x".into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..OutletEntry::default()
        }
    }

    #[test]
    fn words_carry_their_place_quotes_and_whether_the_writer_chose_them() {
        let text = "Mike Pompeo said China’s base was “built on stolen technology” in 2019.";
        let words = OutletWords::new(&outlet(&[text])).words;
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "mike",
                "pompeo",
                "said",
                "china's",
                "base",
                "was",
                "built",
                "on",
                "stolen",
                "technology",
                "in",
                "2019"
            ]
        );
        assert_eq!(&text[words[3].start..words[3].end], "China’s");
        let quoted: Vec<&str> = words
            .iter()
            .filter(|w| w.quoted)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(quoted, ["built", "on", "stolen", "technology"]);
        let free: Vec<&str> = words
            .iter()
            .filter(|w| w.free)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(
            free,
            [
                "said",
                "base",
                "was",
                "built",
                "on",
                "stolen",
                "technology",
                "in"
            ]
        );
    }

    #[test]
    fn an_open_quote_runs_to_the_end_of_its_paragraph_and_apostrophes_open_nothing() {
        assert_eq!(quoted_ranges("He said: “We will go on."), vec![9..26]);
        assert!(quoted_ranges("The city’s mayor, Li’s aide").is_empty());
        assert_eq!(quoted_ranges("a ‘quoted’ word"), vec![2..14]);
        assert_eq!(
            quoted_ranges("\"\"We go,\" he said, 'for good,' she said."),
            [0..9, 19..30]
        );
        assert!(quoted_ranges("the students' union").is_empty());
    }
}
