//! Hedges (`allegedly`, `is accused of`, `reportedly`, `may`, `appears to`, `is believed to`,
//! `is widely seen as`, `so-called` ...) and negation (`not`, `n't`, `no`, `never`, `denied`, `rejected` ...): the
//! words that turn a claim into a possibility or into its opposite.
//!
//! Hedges fall into classes so that `may` → `might` changes nothing while `may` → `allegedly`
//! does. Negation is compared by parity: `did not deny` is as affirmative as `confirmed`, and
//! `acquitted` as negative as `found not guilty`; a word with a negative prefix stands for the
//! other wording's `not` before its stem (`unvaccinated` = `had not been vaccinated`). The `not`
//! of a contrast (`caused by an update, not a cyberattack`) denies an alternative, not the
//! claim, and is no cue. A cue one wording has and the other lacks counts only where it bears
//! on the statement both make: the word a `not`, `none`, `without` or `declined to` negates
//! must be the other wording's too.

use std::sync::LazyLock;

use super::lex::{Kind, Lower, Word};
use super::word_tables::{self, WordTables};
use crate::text::lexicon::{self, Section};

/// One hedge in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Hedge {
    /// The hedge as written, lowercase (`allegedly`, `appears to`).
    pub text: String,
    /// Its class (`may` for may/might/could ...).
    pub class: &'static str,
    /// It stands inside quoted words: the speaker's hedge, which the quote's own comparison
    /// covers, so it answers a hedge of the other wording but is never reported alone.
    pub quoted: bool,
}

/// The hedge tables, as data beside this file (`hedges.toml`): single words (lowercase only:
/// `May` is a month), adjectives counted after a determiner (`the alleged fraud`), and
/// participles between a form of `be` and `to` (`is believed to`), each with its class.
static TABLES: LazyLock<WordTables> =
    LazyLock::new(|| word_tables::parse(include_str!("hedges.toml")));

/// The class of hedge `word` in section `table` of [`TABLES`]; a single hedge word (`words`)
/// may also be one of the lexicon in force.
fn hedge_class(table: &str, word: &str) -> Option<&'static str> {
    (table == "words")
        .then(|| lexicon::user_class(Section::Hedges, word))
        .flatten()
        .or_else(|| word_tables::class_of(&TABLES, table, word))
}

/// The table's own string for hedge class `class`, if a hedge of `hedges.toml` has it.
pub(crate) fn hedge_class_named(class: &str) -> Option<&'static str> {
    ["words", "adjectives", "believed"]
        .iter()
        .filter_map(|table| TABLES.get(*table))
        .flat_map(|words| words.values())
        .find(|c| *c == class)
        .map(String::as_str)
}

/// The class of the modal verbs (`may`, `might`, `could`) in `hedges.toml`.
const MODAL_CLASS: &str = "may";

/// Verbs that hedge before `to` (`appears to`, `seemed to`).
const SEEM: &[&str] = &["appear", "appears", "appeared", "seem", "seems", "seemed"];

/// The most words after the `not` of a contrast (`, not a red one.`) before its closing mark.
const CONTRAST_WORDS_MAX: usize = 5;

/// Whether the `not` at word `i` opens a contrast: right after a comma, a short phrase that
/// ends at punctuation (`caused by an update, not a cyberattack, the firm said`). It denies an
/// alternative the claim sets aside, not the claim; `, not yet finished,` and `, not a single
/// shot was fired` still negate.
fn contrast_at(words: &[Word<'_>], i: usize) -> bool {
    let negates = |k: usize| {
        words.get(k).is_some_and(|w| {
            ["yet", "one", "single", "even", "once", "ever"]
                .iter()
                .any(|n| w.is(n))
        })
    };
    if i == 0 || !words[i - 1].is_punct(',') || negates(i + 1) || negates(i + 2) {
        return false;
    }
    let rest = &words[i + 1..];
    // A hyphen inside the phrase joins a word (`, not home-grown,`); one after it is a dash.
    let joins = |k: usize| {
        rest[k].is_punct('-')
            && k > 0
            && rest[k - 1].kind != Kind::Punct
            && rest.get(k + 1).is_some_and(|w| w.kind != Kind::Punct)
    };
    let end = (0..rest.len()).find(|&k| rest[k].kind == Kind::Punct && !joins(k));
    let phrase_words = |end: usize| (0..end).filter(|&k| !rest[k].is_punct('-')).count();
    match end {
        Some(end) => {
            (1..=CONTRAST_WORDS_MAX).contains(&phrase_words(end)) && !rest[end].is_punct('-')
        }
        None => (1..=CONTRAST_WORDS_MAX).contains(&phrase_words(rest.len())),
    }
}

/// Whether `word` (lowercase) is a negation cue of `[negations]` in `hedges.toml` (`not`,
/// `never`, `denied`, `acquitted` ...; every word ending in `n't` is one too).
fn negation_word(word: &str) -> bool {
    hedge_class("negations", word).is_some()
}

/// Whether `word` (lowercase) is a verb of `[refusals]` in `hedges.toml`, which negates before
/// `to` (`refused to rule out` = `did not rule out`); `refused` and `refusal` negate their
/// object too (`refused bail` = `denied bail`), as `rejected` does.
fn refusal_word(word: &str) -> bool {
    hedge_class("refusals", word).is_some()
}

/// Whether the refusal word at `i` (`lower`, a [`refusal_word`]) denies what follows:
/// `refused to`, `declined to comment`, `refusal to join`, `declined, through a spokesman, to
/// comment`, `declined comment`; `refused` and `refusal` deny their object too (`refused
/// bail`). A figure after `to` is a fall, not a refusal (`revenue declined to $36.9 billion`).
fn refuses_at(words: &[Word<'_>], i: usize, lower: &str) -> bool {
    if !refusal_word(lower) || (lower == "failure" && !owned(words, i)) {
        return false;
    }
    let is = |k: usize, word: &str| words.get(k).is_some_and(|w| w.is(word));
    // `declined, through a spokesman, to comment`: `to` after an aside set off by commas.
    let after_aside = || {
        words.get(i + 1).is_some_and(|w| w.is_punct(','))
            && (i + 2..(i + 2 + REFUSAL_ASIDE_WORDS).min(words.len()))
                .find(|&k| words[k].is_punct(','))
                .is_some_and(|k| is(k + 1, "to"))
    };
    let to = if is(i + 1, "to") {
        Some(i + 1)
    } else if after_aside() {
        words[i + 2..]
            .iter()
            .position(|w| w.is("to"))
            .map(|k| i + 2 + k)
    } else {
        None
    };
    let figure_follows = |k: usize| {
        words
            .get(k + 1)
            .is_some_and(|w| w.kind == Kind::Number || w.is_punct('$'))
    };
    match to {
        Some(k) => !figure_follows(k),
        None => lower.starts_with("refus") || is(i + 1, "comment"),
    }
}

/// Whether the noun at word `i` has an owner before it (`IE's failure`, `their failure`): a
/// failure someone had denies what they did, while a bare one is often a supposition (`failure
/// to pass the deal would raise the risk`).
fn owned(words: &[Word<'_>], i: usize) -> bool {
    let Some(before) = i.checked_sub(1).map(|k| &words[k]) else {
        return false;
    };
    ["his", "her", "its", "their", "our", "my", "your"]
        .iter()
        .any(|p| before.is(p))
        || ["'s", "’s"].iter().any(|s| before.text.ends_with(s))
        || (i >= 2 && before.is("s") && (words[i - 2].is_punct('\'') || words[i - 2].is_punct('’')))
}

/// The most words of an aside between a refusal and its `to` (`declined, through a
/// spokesman, to comment`).
const REFUSAL_ASIDE_WORDS: usize = 6;

/// Participles that, after a form of `be` and before `as`, give a reading rather than a fact
/// (`was widely seen as proof`, `is regarded as the favourite`).
const SEEN_AS: &[&str] = &["seen", "viewed", "regarded", "perceived"];

/// The hedge `be [adverb] seen as` whose participle is word `i` (`lower`), as written from the
/// form of `be` (`was widely seen as`).
fn seen_as_at(words: &[Word<'_>], i: usize, lower: &str) -> Option<String> {
    let is_be = |k: usize| {
        ["is", "are", "was", "were", "be", "been", "being"]
            .iter()
            .any(|b| words[k].is(b))
    };
    if !SEEN_AS.contains(&lower) || !words.get(i + 1).is_some_and(|w| w.is("as")) {
        return None;
    }
    let be = (i.saturating_sub(2)..i)
        .rev()
        .find(|&k| is_be(k) && words[k + 1..i].iter().all(|w| w.text.ends_with("ly")))?;
    let phrase: Vec<String> = words[be..=i + 1]
        .iter()
        .map(|w| w.text.to_lowercase())
        .collect();
    Some(phrase.join(" "))
}

/// Finds the hedges of a sentence whose quoted spans stand at `quoted` (byte ranges).
pub(crate) fn scan_hedges(words: &[Word<'_>], quoted: &[std::ops::Range<usize>]) -> Vec<Hedge> {
    let mut out = Vec::new();
    let lower_is = |k: usize, word: &str| {
        words
            .get(k)
            .is_some_and(|w| w.kind == Kind::Alpha && w.text == word)
    };
    for (i, w) in words.iter().enumerate() {
        if w.kind != Kind::Alpha {
            continue;
        }
        let Some(lower) = Lower::new(w.text) else {
            continue;
        };
        let lower = lower.as_str();
        let hedge = |text: &str, class| {
            Some(Hedge {
                text: text.to_string(),
                class,
                quoted: quoted.iter().any(|range| range.contains(&w.start)),
            })
        };
        // Capitalised, a hedge word counts only opening the sentence (`Reportedly, ...`), and a
        // modal never: it opens a question, and `May` there is the month (`May housing starts
        // rose`).
        let found = if let Some(class) = hedge_class("words", lower)
            .filter(|&class| w.text == lower || (i == 0 && class != MODAL_CLASS))
        {
            hedge(lower, class)
        } else if let Some(class) = hedge_class("adjectives", lower)
            && i > 0
            && [
                "the", "a", "an", "his", "her", "its", "their", "two", "three",
            ]
            .iter()
            .any(|d| words[i - 1].is(d))
        {
            hedge(lower, class)
        } else if SEEM.contains(&lower) && lower_is(i + 1, "to") {
            hedge(&format!("{lower} to"), "appears to")
        } else if let Some(class) = hedge_class("believed", lower)
            && i > 0
            && ["is", "are", "was", "were", "be", "been"]
                .iter()
                .any(|b| words[i - 1].is(b))
            && (lower_is(i + 1, "to") || class == "suspected")
        {
            hedge(
                &format!("{} {lower} to", words[i - 1].text.to_lowercase()),
                class,
            )
        } else if lower == "accused"
            && i > 0
            && ["is", "are", "was", "were", "been", "being"]
                .iter()
                .any(|b| words[i - 1].is(b))
            && lower_is(i + 1, "of")
        {
            // `is accused of taking bribes` = `allegedly took bribes`.
            hedge(
                &format!("{} accused of", words[i - 1].text.to_lowercase()),
                "allegedly",
            )
        } else if let Some(text) = seen_as_at(words, i, lower) {
            hedge(&text, "seen as")
        } else if lower == "so"
            && words.get(i + 1).is_some_and(|d| d.is_punct('-'))
            && lower_is(i + 2, "called")
        {
            hedge("so-called", "so-called")
        } else {
            None
        };
        out.extend(found);
    }
    out
}

/// Finds the negation cues of a sentence among words not `taken` (by `no less than 50`).
pub(crate) fn scan_negations(words: &[Word<'_>], taken: &[bool]) -> Vec<String> {
    words
        .iter()
        .enumerate()
        .filter(|(i, w)| w.kind == Kind::Alpha && !taken[*i])
        .filter(|(i, w)| {
            let Some(lower) = Lower::new(w.text) else {
                return false;
            };
            let lower = lower.as_str();
            let contracted = negated_contraction(lower);
            // `neither ... nor` is one negation.
            let second_of_pair = lower == "nor" && words[..*i].iter().any(|w| w.is("neither"));
            // `not only ... but`, `not just`, `not the only one`, `No. 5` are no negation: they
            // add to the claim rather than deny it.
            let next_is = |k: usize, word: &str| words.get(i + k).is_some_and(|n| n.is(word));
            let not_only = lower == "not"
                && (["only", "just", "merely", "simply"]
                    .iter()
                    .any(|w| next_is(1, w))
                    || (next_is(1, "the") && next_is(2, "only")));
            let number = lower == "no"
                && words.get(i + 1).is_some_and(|n| n.is_punct('.'))
                && words.get(i + 2).is_some_and(|n| n.kind == Kind::Number);
            let refused = refuses_at(words, *i, lower);
            // `nothing but praise` is all praise.
            let nothing_but = lower == "nothing" && next_is(1, "but");
            let contrast = lower == "not" && contrast_at(words, *i);
            // `isn't until March 9`, `not until June`: a time bound, not a denial.
            let not_until = (lower == "not" || contracted)
                && (next_is(1, "until") || (next_is(1, "be") && next_is(2, "until")));
            // `has yet to be named` = `has not been named`.
            let yet_to = lower == "yet"
                && words.get(i + 1).is_some_and(|n| n.is("to"))
                && *i > 0
                && ["has", "have", "had", "is", "are", "was", "were"]
                    .iter()
                    .any(|b| words[i - 1].is(b));
            let voted_against = *i > 0 && votes_against(&words[i - 1].text.to_lowercase(), lower);
            (contracted || refused || yet_to || voted_against || negation_word(lower))
                && !not_only
                && !number
                && !contrast
                && !not_until
                && !second_of_pair
                && !nothing_but
        })
        .map(|(_, w)| w.text.to_lowercase())
        .collect()
}

/// Whether `word` (lowercase) is a negated auxiliary (`didn't`, `didn’t`, or `didnt` as wire
/// copy writes it).
pub(crate) fn negated_contraction(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n’t") || unmarked_contraction(word)
}

/// Whether `word` (lowercase) is a negated auxiliary written without its apostrophe (`dont`,
/// `isnt`, `couldnt`), as wire copy often has it.
pub(crate) fn unmarked_contraction(word: &str) -> bool {
    word.strip_suffix("nt").is_some_and(|auxiliary| {
        [
            "do", "does", "did", "is", "was", "are", "were", "has", "have", "had", "could",
            "would", "should", "must", "need", "wo", "ca",
        ]
        .contains(&auxiliary)
    })
}

/// Whether a `not`-like particle (`not`, `never`, `no`, `n't`, `without`, `unless` = `if not`)
/// rather than a word that denies by its meaning (`denied`, `acquitted`, `refused`).
fn is_particle(word: &str) -> bool {
    ["not", "never", "no", "cannot", "without", "unless"].contains(&word)
        || word.ends_with("n't")
        || unmarked_contraction(word)
}

/// Whether the negation `negating` has and `other` lacks bears on the statement both make: each
/// `not`-like particle, negative pronoun or refusal of `negating` negates the first content word
/// after it (within [`NOT_REACH`] words), and the statement is shared when `other` has that word
/// too (as an inflection: `did not steal` / `stole`; `declining to answer questions` negates
/// `answer`). A word that denies by its meaning (`denied`, `acquitted`) or a cue with nothing
/// after it always bears. A `not` before a word the
/// other wording never uses (`a binder not related to the case` / `a manual that belonged to
/// Hicks`) qualifies something else, not the shared statement.
pub(crate) fn negation_in_scope(negating: &str, other: &str) -> bool {
    let scopes = cue_scopes(negating, other);
    scopes.is_empty() || scopes.contains(&true)
}

/// How many cues of `negating` negate a word `other` never uses (see [`negation_in_scope`]):
/// they qualify something the other wording does not state (`Scruggs, who did not testify,
/// was cleared` / `The jury cleared Scruggs`).
pub(crate) fn cues_out_of_scope(negating: &str, other: &str) -> usize {
    cue_scopes(negating, other)
        .into_iter()
        .filter(|bears| !bears)
        .count()
}

/// For each negation cue of `negating`, whether it bears on a statement `other` makes too (see
/// [`negation_in_scope`]).
fn cue_scopes(negating: &str, other: &str) -> Vec<bool> {
    let tokens = crate::text::tokens::tokenize(negating);
    let other_stems: std::collections::HashSet<String> = crate::text::tokens::tokenize(other)
        .into_iter()
        .map(|t| t.stem)
        .collect();
    let negates_what_follows =
        |word: &str| is_particle(word) || refusal_word(word) || PRONOUNS.contains(&word);
    let voted_against = |i: usize| i > 0 && votes_against(&tokens[i - 1].text, &tokens[i].text);
    let cues: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            negates_what_follows(&tokens[i].text)
                || negation_word(&tokens[i].text)
                || voted_against(i)
        })
        .collect();
    cues.iter()
        .map(|&i| {
            // `voted against` denies the vote: it bears where the other wording votes too
            // (`voted to ratify`), not where it words the stance otherwise (`would oppose`).
            if voted_against(i) {
                return other_stems.contains(VOTE_STEM);
            }
            if !negates_what_follows(&tokens[i].text) {
                return true;
            }
            // A date between the cue and its word is not what it negates (`refused on Friday
            // to turn over`).
            let content_after = |k: usize| {
                tokens[k + 1..]
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| !super::dates::is_calendar_word(&t.text))
                    .take(NOT_REACH + 1)
                    .find(|(_, t)| !t.stop && !is_particle(&t.text) && !adverb(&t.text))
                    .map(|(offset, t)| (k + 1 + offset, t))
            };
            // `none of them in the capital`: the partitive names whom `none` counts; what it
            // denies comes after.
            let partitive = PRONOUNS.contains(&tokens[i].text.as_str())
                && tokens.get(i + 1).is_some_and(|t| t.text == "of")
                && tokens
                    .get(i + 2)
                    .is_some_and(|t| PARTITIVE_PRONOUNS.contains(&t.text.as_str()));
            let Some((at, head)) = content_after(if partitive { i + 2 } else { i }) else {
                return true;
            };
            // `no` before a noun denies what is said of it: `no passenger was ejected` bears
            // on a wording that has the passenger ejected, not on one that only has passengers.
            let predicate_shared = || {
                tokens[i].text != "no"
                    || content_after(at).is_none_or(|(_, word)| other_stems.contains(&word.stem))
            };
            other_stems.contains(&head.stem) && predicate_shared()
        })
        .collect()
}

/// Adverbs of time and degree between a `not` and the word it negates (`not yet under
/// control`, `has not even started`): they qualify the negation, the word after them is what it
/// negates. An adverb of manner is what it denies (`wounding seven, none seriously`).
fn adverb(word: &str) -> bool {
    [
        "yet", "ever", "even", "always", "still", "again", "quite", "just",
    ]
    .contains(&word)
}

/// Forms of `vote` before which `against` is a negation (`voted against ratifying` = `did not
/// vote to ratify`), and their stem.
const VOTES: &[&str] = &["vote", "votes", "voted", "voting"];
const VOTE_STEM: &str = "vote";

/// Whether `word` after `previous` (both lowercase) is the `against` of a vote.
fn votes_against(previous: &str, word: &str) -> bool {
    word == "against" && VOTES.contains(&previous)
}

/// Negative pronouns, which negate what follows them as `no` does (`none seriously`, `nobody
/// was hurt`).
const PRONOUNS: &[&str] = &["none", "nobody", "nothing"];

/// Pronouns after `none of` (`none of them`, `none of those`) that name what it counts.
const PARTITIVE_PRONOUNS: &[&str] = &["them", "those", "these", "us", "you", "which", "whom"];

/// How many words after a `not` (`had not been vaccinated`) may come before the word it negates.
const NOT_REACH: usize = 3;

/// How many words of `wording` carry a negative prefix whose stem `other` negates with a cue
/// (`unvaccinated` where the other wording has `had not been vaccinated`): each stands for
/// that cue, so the two wordings' negation agrees. Only the pair tells: `unveiled`, `inflation`
/// are no negations, and an `un-` word alone is not counted; nor is one the other wording
/// carries too, joined or hyphenated (`nonappropriated` / `non-appropriated`).
pub(crate) fn prefixed_negatives(wording: &str, other: &str) -> usize {
    let padded = format!(" {other} ");
    let carried = |prefix: &str, stem: &str| {
        padded.contains(&format!(" {prefix}{stem} "))
            || padded.contains(&format!(" {prefix} {stem} "))
    };
    let negated = words_after(other, |w| {
        ["not", "never", "no"].contains(&w) || w.ends_with("n't")
    });
    wording
        .split(' ')
        .filter(|word| {
            super::opposites::NEGATIVE_PREFIXES.iter().any(|prefix| {
                word.strip_prefix(prefix).is_some_and(|stem| {
                    stem.len() >= 4 && negated.contains(&stem) && !carried(prefix, stem)
                })
            })
        })
        .count()
}

/// Forms of `lose`, which say what `without` says of the same thing (`lost power` = `were
/// without power`).
const LOSE: &[&str] = &["lose", "loses", "lost", "losing"];

/// How many forms of `lose` in `wording` lose a thing `other` says something is `without`
/// (`customers lost power` where the other wording has `homes were without power`): each
/// stands for that `without`, so the two wordings' negation agrees. A loss alone is no cue.
pub(crate) fn losses_for_without(wording: &str, other: &str) -> usize {
    let lacked = words_after(other, |w| w == "without");
    let words: Vec<&str> = wording.split(' ').collect();
    (0..words.len())
        .filter(|&i| LOSE.contains(&words[i]))
        .filter(|&i| {
            words[i + 1..]
                .iter()
                .take(NOT_REACH)
                .any(|w| lacked.contains(w))
        })
        .count()
}

/// The words within [`NOT_REACH`] after each word of `wording` (lowercase words joined by
/// single spaces) for which `cue` holds: what those cues may negate.
fn words_after(wording: &str, cue: impl Fn(&str) -> bool) -> Vec<&str> {
    let words: Vec<&str> = wording.split(' ').collect();
    (0..words.len())
        .filter(|&i| cue(words[i]))
        .flat_map(|i| words[i + 1..].iter().take(NOT_REACH).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::text::facts::extract_facts;

    fn hedges(sentence: &str) -> Vec<&'static str> {
        extract_facts(sentence)
            .hedges
            .into_iter()
            .map(|h| h.class)
            .collect()
    }

    #[test]
    fn hedges_and_their_classes() {
        assert_eq!(hedges("He allegedly stole it."), ["allegedly"]);
        assert_eq!(hedges("The alleged theft."), ["allegedly"]);
        assert_eq!(
            hedges("It may rain; it might rain; it could rain."),
            ["may", "may", "may"]
        );
        assert_eq!(hedges("He appears to have left."), ["appears to"]);
        assert_eq!(hedges("He is believed to have left."), ["believed to"]);
        assert_eq!(hedges("He is thought to have left."), ["believed to"]);
        assert_eq!(hedges("It is forecast to peak."), ["expected to"]);
        assert_eq!(hedges("He is accused of taking bribes."), ["allegedly"]);
        assert!(hedges("Police accused him of lying.").is_empty());
        // Opening a sentence: an adverb still hedges, a modal does not (`May` is the month).
        assert_eq!(hedges("Reportedly, he left."), ["reportedly"]);
        assert!(hedges("May housing starts rose 6.8 percent.").is_empty());
        assert_eq!(hedges("The so-called experts."), ["so-called"]);
        assert_eq!(hedges("It was widely seen as proof."), ["seen as"]);
        assert_eq!(hedges("He is regarded as the favourite."), ["seen as"]);
        assert!(hedges("He was seen at the bar as usual.").is_empty());
        assert!(hedges("We have seen as many as ten.").is_empty());
        assert_eq!(hedges("It reportedly sold."), ["reportedly"]);
        assert!(hedges("It opened in May.").is_empty());
    }

    #[test]
    fn negation_cues_skip_quantity_qualifiers() {
        let negations = |s: &str| extract_facts(s).negations;
        assert_eq!(
            negations("He did not go and didn't call."),
            ["not", "didn't"]
        );
        assert_eq!(negations("He never found no one."), ["never", "no"]);
        assert!(negations("No less than 50 came.").is_empty());
        assert!(negations("It was not only big but loud.").is_empty());
        assert!(negations("Transfer agreements are not the only route.").is_empty());
        assert!(negations("It is not just a game.").is_empty());
        assert!(negations("It is based on stolen, not home-grown, tech.").is_empty());
        assert_eq!(negations("It was not the plan."), ["not"]);
        assert!(negations("He lives at No. 5.").is_empty());
        assert_eq!(negations("She refused to rule it out."), ["refused"]);
        assert_eq!(negations("She refused the offer."), ["refused"]);
        assert!(negations("Sales declined 5%.").is_empty());
        assert!(negations("Revenue declined to $36.9 billion.").is_empty());
        assert!(negations("Sales declined to 5%.").is_empty());
        assert_eq!(
            negations("The bishop declined, through a spokesman, to comment."),
            ["declined"]
        );
        assert_eq!(negations("He declined comment."), ["declined"]);
        assert_eq!(negations("It stems from his refusal to join."), ["refusal"]);
        // A failure with an owner denies what was done; a bare one supposes.
        assert_eq!(
            negations("It results from IE's failure to check the type."),
            ["failure"]
        );
        assert_eq!(
            negations("It results from IE’s failure to check."),
            ["failure"]
        );
        assert_eq!(
            negations("That shows their failure, three times running, to win."),
            ["failure"]
        );
        assert!(negations("Failure to pass the deal would raise the risk.").is_empty());
        assert!(negations("The failure of the pump was blamed.").is_empty());
        // `not until` bounds a time.
        assert!(negations("Florida's primary isn't until March 9.").is_empty());
        assert_eq!(negations("The board rebuffed the offer."), ["rebuffed"]);
        assert!(negations("The vote will not be until June.").is_empty());
        assert!(negations("Residents had nothing but praise.").is_empty());
        assert_eq!(negations("MPs voted against the deal."), ["against"]);
        assert!(negations("Thousands marched against the deal.").is_empty());
        assert_eq!(
            negations("It is a state without the death penalty."),
            ["without"]
        );
        assert_eq!(
            negations("Sanctions come unless it is repealed."),
            ["unless"]
        );
        assert_eq!(negations("They voted no."), ["no"]);
        assert_eq!(negations("The jury acquitted him."), ["acquitted"]);
        assert_eq!(negations("He has yet to be named."), ["yet"]);
        assert!(negations("It is bigger yet to come.").is_empty());
    }

    #[test]
    fn a_contraction_written_without_its_apostrophe_negates() {
        for (sentence, cues) in [
            ("Recall isnt one of them.", 1),
            ("We dont broaden the tent.", 1),
            ("Neither I nor my film are anti-Semitic.", 1),
            ("They want a recount.", 0),
        ] {
            assert_eq!(
                crate::text::facts::extract_facts(sentence).negations.len(),
                cues,
                "{sentence}"
            );
        }
    }

    #[test]
    fn the_not_of_a_contrast_is_no_negation() {
        let negations = |s: &str| extract_facts(s).negations;
        for sentence in [
            "The outage was caused by an update, not a cyberattack, the firm said.",
            "It issued an amber warning, not a red one.",
            "The sentence came from the appeals court, not the trial judge.",
            "They came to talk, not to fight",
        ] {
            assert!(negations(sentence).is_empty(), "{sentence:?}");
        }
        assert_eq!(negations("The house, not yet finished, fell."), ["not"]);
        assert_eq!(negations("He was not charged."), ["not"]);
        assert_eq!(
            negations("Troops withdrew, not a single shot fired."),
            ["not"]
        );
    }
}
