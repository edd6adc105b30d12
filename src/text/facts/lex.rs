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
        let base = self
            .text
            .strip_suffix("'s")
            .or_else(|| self.text.strip_suffix("’s"));
        self.is(lower)
            || (self.kind == Kind::Alpha && base.is_some_and(|b| b.eq_ignore_ascii_case(lower)))
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
    }
    out
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
    fn a_trailing_separator_is_punctuation() {
        assert_eq!(texts("in 2019, 50."), ["in", "2019", ",", "50", "."]);
    }
}
