//! The words of one sentence as the fact scanners see them: letters, numbers and punctuation with
//! their byte offsets, case kept (names need it), without allocating.
//!
//! News abbreviations made of dotted letters (`U.S.`, `a.m.`, `e.g.`) are one word; a number keeps
//! its thousands separators, decimals and clock colon (`1,000,000`, `1.53`, `10:30`); a number glued
//! to letters (`17th`, `5bn`, `1.5m`) is split into the number and the letters, which stay
//! adjacent so scanners can tell.

/// What a [`Word`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and apostrophes inside them, and dotted abbreviations).
    Alpha,
    /// Digits with separators.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One word of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset in the sentence.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Letters, number or punctuation.
    pub kind: Kind,
}

impl Word<'_> {
    /// Whether the word is letters equal to `lower` ignoring ASCII case.
    pub fn is(&self, lower: &str) -> bool {
        self.kind == Kind::Alpha && self.text.eq_ignore_ascii_case(lower)
    }

    /// Whether the word, without a possessive `'s` (`Saturday's`), is letters equal to `lower`
    /// ignoring ASCII case.
    pub fn base_is(&self, lower: &str) -> bool {
        self.kind == Kind::Alpha && without_possessive(self.text).eq_ignore_ascii_case(lower)
    }

    /// Whether the word is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// Whether the word starts with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == Kind::Alpha && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A word lowercased (ASCII letters only) on the stack, so the scanners look words up in their
/// tables without allocating for every word of every sentence.
pub(crate) struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl Lower {
    /// The lowercase copy of `word`; None when it is longer than any table word (24 bytes).
    pub fn new(word: &str) -> Option<Lower> {
        let bytes = word.as_bytes();
        if bytes.len() > 24 {
            return None;
        }
        let mut buf = [0u8; 24];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[..bytes.len()].make_ascii_lowercase();
        Some(Lower {
            buf,
            len: bytes.len(),
        })
    }

    /// The lowercase word.
    pub fn as_str(&self) -> &str {
        // Lowercasing ASCII bytes keeps UTF-8 valid, and the copy ends where `word` ended.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    /// The lowercase word without a possessive `'s` (`october's` -> `october`).
    pub fn base(&self) -> &str {
        without_possessive(self.as_str())
    }
}

/// `word` without a possessive `'s` or `’s` (`Saturday's` -> `Saturday`).
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Splits a sentence into words (whitespace dropped).
pub(crate) fn lex(sentence: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| chars.get(k).map_or(sentence.len(), |&(i, _)| i);
    // `.85 cent`: a decimal point that opens a figure (nothing word-like before it).
    let leading_point = |k: usize| {
        at(k) == Some('.')
            && at(k + 1).is_some_and(|d| d.is_ascii_digit())
            && k.checked_sub(1)
                .and_then(at)
                .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '$' | '-'))
    };
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let begin = k;
        let kind = if c.is_whitespace() {
            k += 1;
            continue;
        } else if c.is_ascii_digit() || leading_point(k) {
            k += 1;
            while let Some(d) = at(k) {
                let digit_after = at(k + 1).is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() || (matches!(d, ',' | '.' | ':') && digit_after) {
                    k += 1;
                } else {
                    break;
                }
            }
            Kind::Number
        } else if c.is_alphabetic() {
            k += 1;
            // Dotted letters: `U.S.`, `a.m.`, `e.g.` (single letters each followed by a period).
            if at(k) == Some('.')
                && at(k + 1).is_some_and(char::is_alphabetic)
                && at(k + 2) == Some('.')
            {
                while at(k) == Some('.')
                    && at(k + 1).is_some_and(char::is_alphabetic)
                    && at(k + 2) == Some('.')
                {
                    k += 2;
                }
                k += 1;
            } else {
                while let Some(d) = at(k) {
                    let letter_after = at(k + 1).is_some_and(char::is_alphabetic);
                    if d.is_alphanumeric() && !d.is_ascii_digit()
                        || (matches!(d, '\'' | '’') && letter_after)
                    {
                        k += 1;
                    } else {
                        break;
                    }
                }
            }
            Kind::Alpha
        } else {
            k += 1;
            Kind::Punct
        };
        let (start, end) = (offset(begin), offset(k));
        out.push(Word {
            text: &sentence[start..end],
            start,
            end,
            kind,
        });
        if kind == Kind::Number {
            k = peel_cjk_number_words(sentence, &chars, k, &mut out);
        }
    }
    out
}

/// Words of the slugs that open a wire service's headline (`UPDATE 2-`, `REFILE-`,
/// `EXCLUSIVE-`): which issue of the story it is, not what the story says.
const WIRE_SLUGS: &[&str] = &[
    "update",
    "refile",
    "exclusive",
    "corrected",
    "correction",
    "rpt",
    "wrapup",
];

/// How many of the first `words` are a wire service's slugs (`EXCLUSIVE-UPDATE 1-Egypt ...`:
/// the first five), which state no fact: slug words, each with its issue number or not and a
/// hyphen after, before a capitalised word or a number (not `Exclusive-rights deal`).
pub(crate) fn wire_slug_len(words: &[Word<'_>]) -> usize {
    let slug_at = |k: usize| -> Option<usize> {
        let word = words.get(k)?;
        WIRE_SLUGS.iter().find(|s| word.is(s))?;
        let number = words.get(k + 1).is_some_and(|n| n.kind == Kind::Number);
        let hyphen = k + 1 + usize::from(number);
        words.get(hyphen)?.is_punct('-').then_some(hyphen + 1)
    };
    let mut end = 0;
    while let Some(next) = slug_at(end) {
        end = next;
    }
    let opens = |w: &Word<'_>| w.is_capitalised() || w.kind == Kind::Number;
    if words.get(end).is_some_and(opens) {
        end
    } else {
        0
    }
}

/// The words of Chinese and Japanese that belong to a figure, in the order they follow it:
/// scale characters (`100万` is 1,000,000, `3亿` 300,000,000, `百万` 1,000,000), `多` and `余`
/// (`40多`, `100余`: more than) and currencies (`元`, `美元`), longest first. Unspaced text
/// runs them into the words after them (`100万元的项目`), so the lexer takes them apart when
/// they follow a number.
const CJK_NUMBER_WORDS: &[&str] = &[
    "人民币",
    "美元",
    "欧元",
    "英镑",
    "日元",
    "港元",
    "港币",
    "百",
    "千",
    "万",
    "萬",
    "亿",
    "億",
    "多",
    "余",
    "元",
    "円",
];

/// After a number ending at char `k`, splits off the CJK number words that follow it
/// ([`CJK_NUMBER_WORDS`]), each a word of its own; returns where the rest of the text starts.
fn peel_cjk_number_words<'a>(
    sentence: &'a str,
    chars: &[(usize, char)],
    mut k: usize,
    out: &mut Vec<Word<'a>>,
) -> usize {
    while let Some(&(start, _)) = chars.get(k) {
        let rest = &sentence[start..];
        let Some(word) = CJK_NUMBER_WORDS.iter().find(|w| rest.starts_with(**w)) else {
            break;
        };
        let end = start + word.len();
        out.push(Word {
            text: &sentence[start..end],
            start,
            end,
            kind: Kind::Alpha,
        });
        k += word.chars().count();
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sentence: &str) -> Vec<&str> {
        lex(sentence).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn numbers_abbreviations_and_glued_suffixes() {
        assert_eq!(
            texts("The U.S. paid $1,000,000 (1.53m) at 10:30 a.m. on Nov. 17th, didn’t it?"),
            [
                "The",
                "U.S.",
                "paid",
                "$",
                "1,000,000",
                "(",
                "1.53",
                "m",
                ")",
                "at",
                "10:30",
                "a.m.",
                "on",
                "Nov",
                ".",
                "17",
                "th",
                ",",
                "didn’t",
                "it",
                "?"
            ]
        );
    }

    #[test]
    fn cjk_scale_and_currency_words_after_a_figure_are_words_of_their_own() {
        assert_eq!(
            texts("投入100万元用于60至80名专家，约3亿美元的项目"),
            [
                "投入",
                "100",
                "万",
                "元",
                "用于",
                "60",
                "至",
                "80",
                "名专家",
                "，",
                "约",
                "3",
                "亿",
                "美元",
                "的项目"
            ]
        );
        assert_eq!(texts("万元户"), ["万元户"]);
    }

    #[test]
    fn a_wire_slug_opens_a_headline() {
        let slug = |headline: &str| {
            let words = lex(headline);
            words[..wire_slug_len(&words)]
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .concat()
        };
        assert_eq!(
            slug("EXCLUSIVE-UPDATE 1-Egypt pro-Mursi alliance signals flexibility"),
            "EXCLUSIVE-UPDATE1-"
        );
        assert_eq!(slug("REFILE-Egypt army says 20 killed"), "REFILE-");
        assert_eq!(slug("Exclusive-rights deal signed for 3 years"), "");
        assert_eq!(slug("Update on 3 deals"), "");
        assert_eq!(slug("Egypt pro-Mursi alliance signals flexibility"), "");
    }

    #[test]
    fn a_trailing_separator_is_punctuation() {
        assert_eq!(texts("in 2019, 50."), ["in", "2019", ",", "50", "."]);
    }
}
