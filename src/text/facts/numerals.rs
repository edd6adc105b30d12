//! Numbers written in words, as news prose writes them: spelled numbers (`twenty-five`),
//! scale words (`million`, `bn`), vague counts (`dozens`), fractions (`a third`, `two-thirds`),
//! changes written as multiples (`doubled`, `threefold`) and spelled ordinals (`third`). The
//! quantity scanner (`quantities`) reads amounts with them.

use super::lex::{Kind, Lower, Word};

/// Number words (`one` only before a scale word: `one of them` is no quantity).
pub(crate) fn spelled_number(word: &str) -> Option<f64> {
    const WORDS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = Lower::new(word)?;
    let lower = lower.as_str();
    if let Some(i) = WORDS.iter().position(|w| *w == lower) {
        return Some(i as f64 + 1.0);
    }
    TENS.iter()
        .position(|w| *w == lower)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

/// Scale words after a number (`million`, `bn`, `k` ...).
pub(crate) fn scale_word(word: &str, glued: bool) -> Option<f64> {
    match Lower::new(word)?.as_str() {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mn" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        "dozen" => Some(12.0),
        // Chinese and Japanese scale characters, always written glued to their figure.
        "百" if glued => Some(1e2),
        "千" if glued => Some(1e3),
        "万" | "萬" if glued => Some(1e4),
        "亿" | "億" if glued => Some(1e8),
        "k" if glued => Some(1e3),
        "m" if glued => Some(1e6),
        "b" if glued => Some(1e9),
        _ => None,
    }
}

/// Vague counts and the range each stands for.
pub(crate) fn vague_word(word: &str) -> Option<(f64, f64)> {
    match Lower::new(word)?.as_str() {
        "dozens" | "scores" => Some((24.0, 99.0)),
        "hundreds" => Some((200.0, 999.0)),
        "thousands" => Some((2e3, 999_999.0)),
        "millions" => Some((2e6, 999e6)),
        "billions" => Some((2e9, 999e9)),
        _ => None,
    }
}

/// A change written as a multiple at word `i` (`doubled`, `tripled`, `halved`, `threefold`):
/// the change as a share (`doubled` 1.0, as `rose 100%`; `halved` 0.5, as `fell 50%`).
/// `doubled down`, `doubled as` are no amounts.
pub(crate) fn multiple(words: &[Word<'_>], i: usize) -> Option<f64> {
    let lower = Lower::new(words[i].text)?;
    let lower = lower.as_str();
    let change = match lower {
        "doubled" | "doubling" => 1.0,
        "tripled" | "tripling" | "trebled" => 2.0,
        "quadrupled" | "quadrupling" => 3.0,
        "halved" | "halving" | "halve" | "halves" => 0.5,
        _ => spelled_number(lower.strip_suffix("fold")?).filter(|n| *n > 1.0)? - 1.0,
    };
    let idiom = words
        .get(i + 1)
        .is_some_and(|n| ["down", "as", "up", "back"].iter().any(|w| n.is(w)));
    (!idiom).then_some(change)
}

/// Spelled ordinals read as numbers; `first` is left out, being too often no count (`at
/// first`, `first reported`).
const ORDINALS: &[&str] = &[
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// A spelled ordinal at word `i` (`her third title`): its number. A moment (`per second`,
/// `split second`, `for a second.`), a name (`Fifth Avenue`), a period (`the second half`), an
/// enumeration (`Second, ...`) and a kind (`third-party`) are no ordinals; `a third` as a share
/// is read before this.
pub(crate) fn ordinal(words: &[Word<'_>], i: usize) -> Option<f64> {
    let w = &words[i];
    let n = ORDINALS.iter().position(|o| w.is(o))? as f64 + 2.0;
    let before = |list: &[&str]| i > 0 && list.iter().any(|p| words[i - 1].is(p));
    let moment = w.is("second")
        && (before(&["per", "split"])
            || before(&["a", "one"]) && words.get(i + 1).is_none_or(|n| n.kind != Kind::Alpha));
    let name = w.is_capitalised() && i > 0;
    // `Second, the plan ...` enumerates; `third-party`, `second-hand` are kinds, not counts.
    let enumeration = words.get(i + 1).is_some_and(|n| n.is_punct(','));
    let compound = words.get(i + 1).is_some_and(|d| d.is_punct('-'))
        && words.get(i + 2).is_some_and(|k| {
            ["party", "hand", "rate", "class", "guess"]
                .iter()
                .any(|x| k.is(x))
        });
    // `the second half`, `third-quarter profit`: a period, which `first` would name unread.
    let period = words
        .iter()
        .skip(i + 1)
        .find(|n| !n.is_punct('-'))
        .is_some_and(|n| n.is("half") || n.is("quarter"));
    (!moment && !name && !period && !enumeration && !compound).then_some(n)
}

/// A fraction at word `i` (`a third`, `one-quarter`, `two thirds`, `half of`): the share and the
/// index just past it. `the second half`, `half-time` are no fractions.
pub(crate) fn fraction_at(words: &[Word<'_>], i: usize) -> Option<(f64, usize)> {
    let w = &words[i];
    if w.is("half") {
        let before_ok = i == 0
            || ![
                "first", "second", "the", "latter", "other", "third", "final",
            ]
            .iter()
            .any(|b| words[i - 1].is(b));
        let after_ok = words.get(i + 1).is_some_and(|n| {
            ["of", "the", "a", "an", "their", "its"]
                .iter()
                .any(|x| n.is(x))
        }) || (i > 0 && words[i - 1].is("by"));
        return (before_ok && after_ok).then_some((0.5, i + 1));
    }
    let (count, mut k) = if w.is("a") || w.is("an") || w.is("one") {
        (1.0, i + 1)
    } else {
        (spelled_number(w.text)?, i + 1)
    };
    if words
        .get(k)
        .is_some_and(|d| d.is_punct('-') && d.start == w.end)
    {
        k += 1;
    }
    let denominator = match Lower::new(words.get(k)?.text)?
        .as_str()
        .trim_end_matches('s')
    {
        "half" | "halve" if count == 1.0 => 2.0,
        "third" => 3.0,
        "quarter" => 4.0,
        "fifth" => 5.0,
        "tenth" => 10.0,
        _ => return None,
    };
    // `a third-party auditor`, `a quarter-final`: a compound, not a share; `a quarter-million`
    // is a share of its scale word.
    let compound = words
        .get(k + 1)
        .is_some_and(|d| d.is_punct('-') && d.start == words[k].end)
        && words
            .get(k + 2)
            .is_none_or(|s| scale_word(s.text, false).is_none());
    // `a fifth consecutive meeting`, `a third term`: an ordinal before its noun, where a share
    // is followed by `of`, a comparative or a phrase (`a third of`, `a third higher`, `by a
    // third since 2020`).
    let before_noun = (w.is("a") || w.is("an"))
        && words.get(k + 1).is_some_and(|n| {
            n.kind == Kind::Alpha
                && !n.is_capitalised()
                && !crate::text::stopwords::is_stopword(&n.text.to_lowercase())
                && !n.text.ends_with("er")
                && ![
                    "since",
                    "last",
                    "ago",
                    "earlier",
                    "compared",
                    "percentage",
                    "point",
                ]
                .iter()
                .any(|x| n.is(x))
        });
    (!compound && !before_noun).then_some((count / denominator, k + 1))
}
