//! One article as a stream of words for verbatim comparison: each word folded (lowercase,
//! NFC, curly apostrophes straight), with its paragraph and byte range, whether it stands
//! inside quotation marks, and whether it is a word of the writer's choosing (not a name, a
//! figure).

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation as _;

use crate::model::OutletEntry;
use crate::text::stopwords::is_stopword;

/// The keys of the stopwords: most words are not one, and a set says so at once.
static STOPWORD_KEYS: std::sync::LazyLock<rustc_hash::FxHashSet<u64>> =
    std::sync::LazyLock::new(|| {
        crate::text::stopwords::STOPWORDS
            .iter()
            .map(|w| hash_str(w))
            .collect()
    });

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
    /// position of its first word where it last stands, and how many times it stands.
    windows: FxHashMap<u64, (u32, u32)>,
    /// For each position, the previous position whose window has the same hash.
    previous: Vec<u32>,
}

/// No position (the end of a chain of positions).
const NONE: u32 = u32::MAX;

impl OutletWords {
    /// The words of an outlet's paragraphs.
    pub fn new(outlet: &OutletEntry) -> OutletWords {
        let mut words = Vec::new();
        for (paragraph, text) in outlet.paragraphs.iter().enumerate() {
            let quoted = quoted_ranges(text);
            for (start, word) in word_spans(text) {
                let folded = fold(word);
                let end = start + word.len();
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                let figure = word.chars().any(|c| c.is_ascii_digit());
                let key = hash_str(&folded);
                // One character may be a CJK particle, which the key set does not hold.
                let stop = STOPWORD_KEYS.contains(&key)
                    || (folded.chars().nth(1).is_none() && is_stopword(&folded));
                // A capitalised word opening a sentence may be a name or not: counted as not
                // chosen, so that names never make a run look copied.
                let free = !figure && (!capitalised || stop);
                words.push(Word {
                    key,
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
        let mut windows: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        windows.reserve(words.len());
        let mut previous = vec![NONE; words.len()];
        for (i, before) in previous.iter_mut().enumerate().take(NONE as usize) {
            if let Some(hash) = window_hash(&words, i) {
                let slot = windows.entry(hash).or_insert((NONE, 0));
                *before = slot.0;
                *slot = (i as u32, slot.1 + 1);
            }
        }
        // A run of words an article repeats again and again is boilerplate (or a hostile
        // page): it starts no shared run, so matching stays linear.
        windows.retain(|_, slot| slot.1 as usize <= MAX_WINDOW_REPEATS);
        OutletWords {
            words,
            windows,
            previous,
        }
    }

    /// The positions where the window of hash `hash` starts (last first).
    pub fn window_starts(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.windows.get(&hash).map_or(NONE, |slot| slot.0);
        std::iter::from_fn(move || {
            if at == NONE {
                return None;
            }
            let here = at as usize;
            at = self.previous[here];
            Some(here)
        })
    }

    /// The keys of every word the article uses.
    pub fn vocabulary(&self) -> rustc_hash::FxHashSet<u64> {
        self.words.iter().map(|w| w.key).collect()
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
        let Some(first) = window_hash(&other.words, at) else {
            return false;
        };
        let run = &other.words[at..at + len];
        self.window_starts(first).any(|i| {
            i + len <= self.words.len()
                && self.words[i..i + len]
                    .iter()
                    .zip(run)
                    .all(|(x, y)| x.key == y.key && x.paragraph == self.words[i].paragraph)
        })
    }
}

/// The words of a paragraph with their byte offsets. A paragraph without CJK text is cut by a
/// plain scan (a word is a run of letters and digits, joined through an apostrophe or a period
/// between letters, `U.S`, `China’s`, and a period or comma between digits, `1,000`, `1.53`),
/// the same in every article, which is all verbatim comparison needs; CJK text goes through
/// Unicode word boundaries.
pub(crate) fn word_spans(text: &str) -> Vec<(usize, &str)> {
    if text.chars().any(crate::text::tokens::is_cjk) {
        return text
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .collect();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_alphanumeric() {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        loop {
            match chars.get(k) {
                Some(&(_, c)) if c.is_alphanumeric() => k += 1,
                Some(&(_, joiner)) if matches!(joiner, '\'' | '’' | '.' | ',') => {
                    let (before, after) = (chars[k - 1].1, chars.get(k + 1).map(|n| n.1));
                    let joins = match (joiner, after) {
                        (_, None) => false,
                        ('.' | ',', Some(a)) if before.is_ascii_digit() => a.is_ascii_digit(),
                        ('\'' | '’' | '.', Some(a)) => {
                            before.is_alphabetic() && a.is_alphabetic()
                        }
                        _ => false,
                    };
                    if joins {
                        k += 2;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        let from = chars[start].0;
        let to = chars.get(k).map_or(text.len(), |c| c.0);
        out.push((from, &text[from..to]));
    }
    out
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
