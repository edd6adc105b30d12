//! A word put for its opposite in the same place of two wordings: `rose` → `fell` (word groups
//! that `synonyms.toml` declares opposite), `lawful` → `unlawful` (a negative prefix on the same
//! word). Each is a negation cue on the side that says less, so the claim's polarity is
//! compared with them: `the ban was lawful` / `unlawful` flips it, `unemployment did not rise`
//! / `unemployment fell` does not.

use crate::text::{synonyms, tokens};

/// Negative prefixes that turn a word into its opposite (`unlawful`, `illegal`, `irregular`,
/// `inconclusive`, `impossible`, `disagree`, `nonbinding`).
pub(crate) const NEGATIVE_PREFIXES: &[&str] = &["un", "in", "im", "il", "ir", "dis", "non"];

/// The shortest word a negative prefix is read on (`unable`: `able`, not `unit`: `it`).
const PREFIXED_STEM_MIN: usize = 4;

/// The longest run of words the diff replaces that is searched for opposites: a word put for
/// its opposite stands in place of a word or two, not of a reworded clause.
const REPLACED_WORDS_MAX: usize = 3;

/// One word put for its opposite.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flip {
    /// The origin's word.
    pub from: String,
    /// The other wording's word in its place.
    pub to: String,
    /// Whether the origin's word is the one that says less (`fell`, `unlawful`).
    pub less_in_origin: bool,
}

/// The words of `origin` that `other` replaces by their opposite, in the same place of the word
/// diff of the two wordings (lowercase words joined by single spaces, as [`super::Facts`] keeps
/// them).
pub(crate) fn flips(origin: &str, other: &str) -> Vec<Flip> {
    let old: Vec<&str> = origin.split(' ').collect();
    let new: Vec<&str> = other.split(' ').collect();
    let mut found = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new) {
        let similar::DiffOp::Replace { .. } = op else {
            continue;
        };
        let (from, to) = (op.old_range(), op.new_range());
        if from.len() > REPLACED_WORDS_MAX || to.len() > REPLACED_WORDS_MAX {
            continue;
        }
        let mut taken = vec![false; to.len()];
        for i in from {
            let x = Word::at(&old, i);
            let pair = to.clone().enumerate().find_map(|(k, j)| {
                let less_in_origin = (!taken[k])
                    .then(|| opposite(x, Word::at(&new, j)))
                    .flatten()?;
                Some((k, less_in_origin))
            });
            if let Some((k, less_in_origin)) = pair {
                taken[k] = true;
                found.push(Flip {
                    from: x.text.to_string(),
                    to: new[to.start + k].to_string(),
                    less_in_origin,
                });
            }
        }
    }
    found
}

/// A word of a wording, with the word before it.
#[derive(Clone, Copy)]
struct Word<'w> {
    text: &'w str,
    before: Option<&'w str>,
}

impl<'w> Word<'w> {
    /// Word `i` of `words`.
    fn at(words: &[&'w str], i: usize) -> Word<'w> {
        Word {
            text: words[i],
            before: i.checked_sub(1).map(|k| words[k]),
        }
    }
}

/// Whether words `a` and `b` are opposites, and if so whether `a` says less.
fn opposite(a: Word<'_>, b: Word<'_>) -> Option<bool> {
    if prefixed(a.text, b) {
        return Some(true);
    }
    if prefixed(b.text, a) {
        return Some(false);
    }
    let stem = |word: &str| tokens::tokenize(word).pop().map(|t| t.stem);
    synonyms::opposed(&stem(a.text)?, &stem(b.text)?)
}

/// Whether `word` is `base` with a negative prefix (`unlawful` / `lawful`), unless `base`
/// carries a prefix of its own written apart (`non-binding`, read as `non binding`, is
/// `nonbinding`).
fn prefixed(word: &str, base: Word<'_>) -> bool {
    base.text.chars().count() >= PREFIXED_STEM_MIN
        && !base.before.is_some_and(|w| NEGATIVE_PREFIXES.contains(&w))
        && NEGATIVE_PREFIXES
            .iter()
            .any(|prefix| word.strip_prefix(prefix) == Some(base.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flipped(origin: &str, other: &str) -> Vec<(String, String, bool)> {
        flips(origin, other)
            .into_iter()
            .map(|f| (f.from, f.to, f.less_in_origin))
            .collect()
    }

    #[test]
    fn a_word_put_for_its_opposite_in_place_is_a_flip() {
        assert_eq!(
            flipped("shares rose 5 percent", "shares fell 5 percent"),
            [("rose".into(), "fell".into(), false)]
        );
        assert_eq!(
            flipped(
                "the court ruled the ban was unlawful",
                "the court ruled the ban was lawful"
            ),
            [("unlawful".into(), "lawful".into(), true)]
        );
        assert_eq!(
            flipped("a binding vote", "a nonbinding vote"),
            [("binding".into(), "nonbinding".into(), false)]
        );
    }

    #[test]
    fn words_alike_or_apart_are_no_flip() {
        // Synonyms, an unrelated word, and opposites that do not stand in each other's place.
        assert!(flipped("shares rose 5 percent", "shares climbed 5 percent").is_empty());
        assert!(flipped("the unit was sold", "it was sold").is_empty());
        assert!(flipped("profits rose", "profits were hit by a slump").is_empty());
        // A prefix written apart is the same word (`non-binding` is read `non binding`).
        assert!(flipped("a non binding vote", "a nonbinding vote").is_empty());
        assert!(flipped("most were non operative", "most were inoperative").is_empty());
    }
}
