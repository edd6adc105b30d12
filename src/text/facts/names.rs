//! Capitalised names of people, organisations and places: `Li Ming`, `Hebei University of
//! Engineering`, `U.S.`, `Ministry of Public Security`.
//!
//! A name is a run of capitalised words, joined through `of`, `the`, `for`, `and`, `de` ... when a
//! capitalised word follows. The first word of a sentence (or of a quote, or after a colon) is
//! capitalised anyway, so a sentence-initial word alone is not taken as a name (it is kept apart
//! as a maybe-name, which only serves as the counterpart of the other wording's names), and a
//! leading function word (`The`, `In`, `But`) or participle (`Leaked Chinese documents`) is
//! dropped from a run. Names compare by their key words (titles like `Mr.` or `President` and
//! connectors left out, a few aliases folded: `U.S.` = `United States`), and one name matches
//! another when either's key words hold all of the other's (`Li` = `Li Ming`), or when one is
//! written as the other's initials (`BoE` = `Bank of England`, `Kenya SC` = `Kenya Supreme
//! Court`: [`crate::text::initials`]). A sentence-initial word put for the other wording's one
//! unmatched name, itself sentence-initial, in otherwise equal sentences (`Siemens won the
//! contract` → `Alstom won the contract`, `Daily Press Briefing: Syria` → `Daily Press
//! Briefing: South Sudan`) is read as one name put for another (`maybe_name_swap`).

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::Facts;
use super::dates::is_calendar_word;
use super::lex::{Kind, Word};
use crate::text::initials::Initials;
use crate::text::stopwords::is_stopword;

/// One name in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The name as written.
    pub text: String,
    /// Its key words: lowercase, without titles, connectors, periods or a possessive `'s`.
    pub words: Vec<String>,
    /// The country or body of the demonym table it is a form of, read once when it is found.
    entity: Option<&'static str>,
    /// Whether it opens the sentence, a quote or what follows a colon, where any word is
    /// capitalised (`Daily Press Briefing: South Sudan`).
    opens: bool,
}

impl Name {
    /// Whether two names are the same (see [`keys_match`]), or two names of one country or
    /// body (`U.S.` = `American` = `Washington`, `British` = `UK`: [`crate::text::demonyms`]).
    pub fn same(&self, other: &Name) -> bool {
        keys_match(&self.words, &other.words)
            || self
                .entity
                .is_some_and(|entity| other.entity == Some(entity))
            || self.initials_of(other)
            || other.initials_of(self)
    }

    /// Whether the name is a form of a country or international body (`Italy`, `Italian`,
    /// `Rome`, `U.N.`: [`crate::text::demonyms`]).
    pub fn is_place(&self) -> bool {
        self.entity.is_some()
    }

    /// Whether the name is a demonym, a country's adjective (`Italian`, `Haitian`, `Chinese`,
    /// `British`: a one-word form of [`crate::text::demonyms`] other than the country's own
    /// name, with an adjective's ending), not the name of a person, a place or a body.
    pub fn is_demonym(&self) -> bool {
        let [word] = &self.words[..] else {
            return false;
        };
        self.entity.is_some_and(|entity| entity != word)
            && DEMONYM_ENDINGS.iter().any(|ending| word.ends_with(ending))
    }

    /// Whether `self` is written as the initials of `other` ([`Initials::spelled_by`]), a
    /// company's legal form aside (`GE` = `General Electric Co.`, `BoE` = `Bank of England`,
    /// `CHOGM` = `Commonwealth Heads of Government Meeting`), also beside the same first or last
    /// words (`Kenya SC` = `Kenya Supreme Court`, `EPI and P&W` = `EPI and Pratt & Whitney`).
    fn initials_of(&self, other: &Name) -> bool {
        let (short, long) = (written_words(&self.text), written_words(&other.text));
        let ([acronym], spelled) =
            differing_middles(&short, &long, |a, b| a.eq_ignore_ascii_case(b))
        else {
            return false;
        };
        let mut initials = Initials::default();
        spelled.len() >= 2
            && (spelled.iter())
                .filter(|w| !LEGAL_FORMS.contains(&w.to_lowercase().as_str()))
                .all(|w| initials.push(w))
            && initials.spelled_by(acronym)
    }
}

/// The words of `a` and of `b` between the words they share at their start and at their end,
/// by `same` (`Oktan Motors` / `Veld Motors`: `Oktan` / `Veld`).
fn differing_middles<'w, T>(
    a: &'w [T],
    b: &'w [T],
    same: impl Fn(&T, &T) -> bool,
) -> (&'w [T], &'w [T]) {
    let lead = a.iter().zip(b).take_while(|(x, y)| same(x, y)).count();
    let trail = (a[lead..].iter().rev())
        .zip(b[lead..].iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    (&a[lead..a.len() - trail], &b[lead..b.len() - trail])
}

/// The words of a name as written, apart at spaces and hyphens, without the punctuation around
/// them (`Pratt & Whitney` → `Pratt`, `Whitney`; `Co.` → `Co`).
fn written_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The country or body of the demonym table that the name written `text`, with key `words`, is
/// a form of.
fn entity_of(text: &str, words: &[String]) -> Option<&'static str> {
    use crate::text::demonyms::{canonical_acronym, canonical_name};
    let words = words.join(" ");
    let singular = words.strip_suffix('s').unwrap_or(&words);
    // An acronym in capitals: its dotted form is in the table (`US` → `u.s`), or it is an
    // acronym of its own (`UAE`).
    let letters: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let capitals = letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase());
    let dotted = || {
        let lower = letters.to_lowercase();
        let mut chars = lower.chars().map(String::from).collect::<Vec<_>>();
        let last = chars.pop().unwrap_or_default();
        format!("{}.{last}", chars.join("."))
    };
    canonical_name(&words)
        .or_else(|| canonical_name(singular))
        .or_else(|| capitals.then(|| canonical_name(&dotted())).flatten())
        .or_else(|| capitals.then(|| canonical_acronym(&letters)).flatten())
}

/// Whether two names' key words name the same: either's words all found in the other's (`Li` =
/// `Li Ming`), a word standing for a longer one (`Fed` = `Federal Reserve`), or one word the
/// initials of the other (`WHO` = `World Health Organization`).
pub(crate) fn keys_match(a: &[String], b: &[String]) -> bool {
    let abbreviates = |short: &str, long: &str| {
        short.len() >= 3 && long.len() > short.len() && long.starts_with(short)
    };
    let covers = |x: &[String], y: &[String]| {
        x.iter()
            .all(|w| y.iter().any(|v| same_spelling(w, v) || abbreviates(w, v)))
    };
    // The words' letters and digits run together, compared without building them.
    fn joined(x: &[String]) -> impl Iterator<Item = char> + '_ {
        x.iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphanumeric())
    }
    // `Mike Thibodeau` = `Senate President Michael Thibodeau`, `Hal Gehman` = `Harold Gehman`:
    // the same surname, and before it a given name of the same initial (a short form).
    let same_person = |x: &[String], y: &[String]| match (x.split_last(), y.split_last()) {
        (Some((last_x, given_x)), Some((last_y, given_y))) => {
            last_x.chars().count() >= 3
                && same_spelling(last_x, last_y)
                && given_x.iter().any(|g| {
                    g.chars().count() >= 2
                        && given_y
                            .iter()
                            .any(|h| h.chars().count() >= 2 && g.chars().next() == h.chars().next())
                })
        }
        _ => false,
    };
    // One word of initials (`WHO`), or initials written apart (`S&P`, `J. P. Morgan`); a
    // company's legal form has none (`IBM` = `International Business Machines Corp.`).
    let acronym = |x: &[String], y: &[String]| {
        let initials: String = if x.iter().all(|w| w.chars().count() == 1) {
            x.concat()
        } else if x.len() == 1 {
            x[0].clone()
        } else {
            return false;
        };
        let y: Vec<&String> = y
            .iter()
            .filter(|w| !LEGAL_FORMS.contains(&w.as_str()))
            .collect();
        y.len() >= 2
            && initials.chars().count() == y.len()
            && initials
                .chars()
                .zip(y)
                .all(|(c, w)| w.starts_with(c) && w.len() > 1)
    };
    !a.is_empty()
        && !b.is_empty()
        && (covers(a, b)
            || covers(b, a)
            || acronym(a, b)
            || acronym(b, a)
            || joined(a).eq(joined(b))
            || same_person(a, b)
            || party_and_state(a, b)
            || party_and_state(b, a))
}

/// A company's legal form after its name, which its initials leave out.
const LEGAL_FORMS: &[&str] = &["co", "corp", "inc", "ltd", "plc", "llc", "company"];

/// A legislator's party and state, tagged (`R-Tenn.`, `D-Neb.`) and written out (`Republican
/// of Tennessee`): the party's initial, and the state's abbreviation spelled by its name's
/// letters in order, from its first (`Tenn` in `Tennessee`, `Pa` in `Pennsylvania`).
fn party_and_state(tag: &[String], spelled: &[String]) -> bool {
    let ([party, state], [party_name, state_name @ ..]) = (tag, spelled) else {
        return false;
    };
    let parties = ["democrat", "democratic", "republican", "independent"];
    let state_name = state_name.concat();
    let mut letters = state_name.chars();
    party.chars().count() == 1
        && parties
            .iter()
            .any(|p| party_name == p && p.starts_with(party.as_str()))
        && state.chars().count() >= 2
        && state.chars().next() == state_name.chars().next()
        && state.chars().all(|c| letters.any(|l| l == c))
}

/// Shortest word whose spelling may differ by one letter and still name the same (`Nicolas` =
/// `Nicholas`, `Qaida` = `Qaeda`); shorter words differ too often in one letter (`Li` / `Lu`).
const VARIANT_SPELLING_MIN_CHARS: usize = 5;

/// The word's letters and digits, without apostrophes, hyphens or dots (`Shi'ites` → `shiites`).
fn letters_only(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether two key words are one name's spellings: equal but for apostrophes and hyphens
/// (`O'Neill` = `ONeill`), a plural or possessive `s` (`HP` = `HPs`, `Sunni` = `Sunnis`), or, in
/// words of [`VARIANT_SPELLING_MIN_CHARS`] or more, one letter added, dropped, swapped or put
/// for another (a transliteration: `Djihad` = `Jihad`, `Hussein` = `Husein`), or, in words of
/// [`TRANSLITERATION_MIN_CHARS`] or more, the same name [`transliterated`] (`Odai` = `Uday`).
fn same_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let plain = |w: &str| w.chars().all(char::is_alphanumeric);
    let (a, b): (Cow<str>, Cow<str>) = match (plain(a), plain(b)) {
        (true, true) => (a.into(), b.into()),
        _ => (letters_only(a).into(), letters_only(b).into()),
    };
    let plural = |x: &str, y: &str| x.strip_suffix('s') == Some(y);
    let (len_a, len_b) = (a.chars().count(), b.chars().count());
    a == b
        || plural(&a, &b)
        || plural(&b, &a)
        || (len_a.min(len_b) >= VARIANT_SPELLING_MIN_CHARS
            && len_a.abs_diff(len_b) <= 1
            && one_edit_apart(&a, &b))
        || (len_a.min(len_b) >= TRANSLITERATION_MIN_CHARS && transliterated(&a, &b))
}

/// Shortest word compared by its consonants and near vowels ([`transliterated`]).
const TRANSLITERATION_MIN_CHARS: usize = 4;

/// Vowels that transliterations of one name put for each other (`Odai` / `Uday`, `Mohammed`
/// / `Muhammad`); others tell names apart (`Omar` / `Amir`).
const NEAR_VOWELS: &[(char, char)] = &[('o', 'u'), ('i', 'y'), ('e', 'i'), ('a', 'e')];

/// Whether `c` is a vowel for [`transliterated`] (`y` counted one).
fn is_vowel(c: char) -> bool {
    "aeiouy".contains(c.to_ascii_lowercase())
}

/// The consonants of `word` in order, a doubled one once (`Mohammed`: m, h, m, d).
fn consonants(word: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = None;
    word.chars().filter(move |&c| {
        if is_vowel(c) {
            last = None;
            return false;
        }
        let c = c.to_ascii_lowercase();
        let new = last != Some(c);
        last = Some(c);
        new
    })
}

/// Whether two lowercase words are one name transliterated two ways: the same consonants in
/// the same order (a doubled one counted once), and between them vowels (`y` one of them) that
/// are equal or near ([`NEAR_VOWELS`]), letter by letter.
fn transliterated(a: &str, b: &str) -> bool {
    // Most pairs of names differ in their consonants: told apart without allocating.
    if !consonants(a).eq(consonants(b)) {
        return false;
    }
    // The runs of vowels, in order; a word that opens with a consonant opens with an empty run.
    let vowel_runs = |word: &str| -> Vec<String> {
        let mut runs = vec![String::new()];
        let mut in_vowels = true;
        for c in word.chars().map(|c| c.to_ascii_lowercase()) {
            if is_vowel(c) {
                if !in_vowels {
                    runs.push(String::new());
                }
                in_vowels = true;
                runs.last_mut().expect("one run at least").push(c);
            } else {
                in_vowels = false;
            }
        }
        runs
    };
    let near =
        |x: char, y: char| x == y || NEAR_VOWELS.contains(&(x, y)) || NEAR_VOWELS.contains(&(y, x));
    let (ra, rb) = (vowel_runs(a), vowel_runs(b));
    ra.len() == rb.len()
        && ra.iter().zip(&rb).all(|(x, y)| {
            x.chars().count() == y.chars().count()
                && x.chars().zip(y.chars()).all(|(p, q)| near(p, q))
        })
}

/// Whether two words of three letters or more are at most one edit apart (one letter added,
/// dropped, put for another, or two swapped: `strsim`'s optimal string alignment distance).
/// One edit leaves the first or the last letter in place, so words that differ in both are
/// told apart before the distance is computed.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let first_kept = a.chars().next() == b.chars().next();
    let last_kept = a.chars().next_back() == b.chars().next_back();
    (first_kept || last_kept) && strsim::osa_distance(a, b) <= 1
}

/// Endings of a country's adjective (`Italian`, `Chinese`, `British`, `Icelandic`); a capital
/// that ends so (`Tehran`) counts too, which only keeps it from being put for a person's name.
const DEMONYM_ENDINGS: &[&str] = &["an", "ese", "ish", "ic"];

/// Words that join the parts of one name.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "la", "le", "van", "von", "der", "den", "al", "bin", "du",
    "da", "del", "y", "on",
];

/// Titles and roles before a name, left out of its key words.
pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "president",
    "gen",
    "general",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "minister",
    "prime",
    "chief",
    "former",
    "judge",
    "officer",
    "lt",
    "col",
    "capt",
    "sgt",
    "rev",
    "sir",
    "dame",
    "lord",
    "lady",
    "mayor",
    "secretary",
    "chairman",
    "ceo",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "st",
];

/// Abbreviated titles written with a period that stays inside the name (`Mr. Li`).
const DOTTED_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "rev",
    "st",
];

/// Names the press writes in several ways, folded to one key: whole names, and single words
/// that stand for a country or body inside a longer name (`U.S. Senate`).
const ALIASES: &[(&[&str], &str)] = &[
    (
        &[
            "us",
            "usa",
            "america",
            "united states",
            "united states of america",
        ],
        "united states",
    ),
    (
        &["uk", "britain", "great britain", "united kingdom"],
        "united kingdom",
    ),
    (&["un", "united nations"], "united nations"),
    (&["eu", "european union"], "european union"),
    (&["prc", "people's republic of china"], "china"),
];

/// The canonical words of an alias form, if `form` is one.
fn alias(form: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(forms, _)| forms.contains(&form))
        .map(|(_, canonical)| *canonical)
}

/// Finds the names of a sentence among the words not already `taken` by dates and quantities,
/// and apart from them the maybe-names: a lone capitalised word opening the sentence or a quote
/// (`Beijing has sent ...`, but also `Police said ...`), where every word is capitalised.
pub(crate) fn scan(sentence: &str, words: &[Word<'_>], taken: &[bool]) -> (Vec<Name>, Vec<Name>) {
    let mut out = Vec::new();
    let mut maybe = Vec::new();
    // `47.6C`, `5G`: a capital glued to a number is a unit or a model, not a name.
    let glued_to_number =
        |k: usize| k > 0 && words[k - 1].kind == Kind::Number && words[k - 1].end == words[k].start;
    let capital = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.is_capitalised() && !taken[k])
            && !glued_to_number(k)
    };
    let mut i = 0;
    while i < words.len() {
        if !capital(i) {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut end = i + 1;
        loop {
            // What may join the next capitalised word to the name: `Mr.`'s period or a
            // middle initial's (`Douglas J. Feith`), a connector (`of`, `de`), a hyphen
            // (`Jean-Pierre`), an ampersand (`Standard & Poor's`, `S&P`).
            let initial = |w: &Word<'_>| w.text.len() == 1 && w.is_capitalised();
            let joiner = words.get(end).is_some_and(|j| {
                (j.is_punct('.')
                    && (DOTTED_TITLES.iter().any(|t| words[end - 1].is(t))
                        || initial(&words[end - 1])))
                    || (j.kind == Kind::Alpha
                        && !j.is_capitalised()
                        && CONNECTORS.iter().any(|x| j.is(x)))
                    || (j.is_punct('-') && j.start == words[end - 1].end)
                    || j.is_punct('&')
            });
            if capital(end) {
                end += 1;
            } else if joiner && capital(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        if sentence_start(words, start) {
            let opener = words[start].text.to_lowercase();
            if (is_stopword(&opener) || participle(&opener)) && end - start > 1 {
                start += 1;
                while start < end && !words[start].is_capitalised() {
                    start += 1;
                }
            } else if end - start == 1 {
                // `Instead,`, `Notes:`: a word set apart before the sentence proper (not a
                // surname after an initial's period: `Douglas J. Feith, ...`).
                let set_apart = start == 0
                    && words
                        .get(end)
                        .is_some_and(|w| w.is_punct(',') || w.is_punct(':'));
                if !is_stopword(&words[start].text.to_lowercase())
                    && !is_calendar_word(words[start].text)
                    && !set_apart
                {
                    maybe.extend(name(sentence, words, start..end));
                }
                i = end;
                continue;
            }
        }
        let lone_word =
            end - start == 1 && (words[start].text == "I" || is_calendar_word(words[start].text));
        if start < end && !lone_word {
            out.extend(name(sentence, words, start..end));
        }
        i = end;
    }
    (out, maybe)
}

/// Whether a sentence's capitalised first word is a participle describing the name after it
/// (`Leaked Chinese documents`, `Embattled Boeing`), not part of it: six letters or more
/// ending in `-ed`, but not `-eed` or `-med` (`Rasheed`, `Mohammed`).
fn participle(lower: &str) -> bool {
    lower.chars().count() >= 6
        && lower.ends_with("ed")
        && !lower.ends_with("eed")
        && !lower.ends_with("med")
}

/// The name written as the words `run` of the sentence's `words` (a non-empty run), if it has
/// any key word.
fn name(sentence: &str, words: &[Word<'_>], run: std::ops::Range<usize>) -> Option<Name> {
    let opens = sentence_start(words, run.start);
    let run = &words[run];
    let text = sentence[run[0].start..run[run.len() - 1].end].to_string();
    let words = key_words(run);
    if words.is_empty() {
        return None;
    }
    Some(Name {
        entity: entity_of(&text, &words),
        text,
        words,
        opens,
    })
}

/// Whether word `i` starts a sentence or a quote, where every word is capitalised.
fn sentence_start(words: &[Word<'_>], i: usize) -> bool {
    i == 0
        || (words[i - 1].kind == Kind::Punct
            && [
                '"', '“', '‘', '«', '「', ':', '(', '.', '?', '!', '—', '–', ';',
            ]
            .iter()
            .any(|c| words[i - 1].is_punct(*c)))
}

/// The key words of a name written as `text` (see [`key_words`]).
pub(crate) fn name_key(text: &str) -> Vec<String> {
    key_words(&super::lex::lex(text))
}

/// The key words of a name's words: lowercase, no titles, connectors, periods or `'s`, aliases
/// folded.
pub(crate) fn key_words(words: &[Word<'_>]) -> Vec<String> {
    let mut keys: Vec<String> = words
        .iter()
        .filter(|w| w.kind == Kind::Alpha)
        .map(|w| {
            let lower = without_accents(&w.text.to_lowercase()).replace('’', "'");
            let lower = lower.strip_suffix("'s").unwrap_or(&lower).to_string();
            lower.replace('.', "")
        })
        .filter(|w| !w.is_empty() && !TITLES.contains(&w.as_str()))
        .collect();
    if let Some(canonical) = alias(&keys.join(" ")) {
        return canonical.split(' ').map(str::to_string).collect();
    }
    keys.retain(|w| !CONNECTORS.contains(&w.as_str()));
    keys.into_iter()
        .flat_map(|w| match alias(&w) {
            Some(canonical) => canonical.split(' ').map(str::to_string).collect(),
            None => vec![w],
        })
        .collect()
}

/// `word` without its accents (`Université` → `Universite`): outlets drop them freely, so a
/// name's key ignores them.
fn without_accents(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .collect()
}

/// Endings of words that open sentences capitalised but name nothing: plural common nouns
/// (`Protesters`, `Investigators`, `Residents`, `Authorities`) and participles (`Leaked`).
const COMMON_WORD_ENDINGS: &[&str] = &[
    "ers", "ors", "ists", "ants", "ents", "ians", "ies", "ives", "ed",
];

/// How much of the rest of the two wordings (their word sets, Dice) must agree for a lone
/// sentence-initial word put for another to read as a name swap rather than a rewording.
const SWAP_REST_AGREEMENT_MIN: f64 = 0.8;

/// A name put for another where a sentence-initial word that may be a name is one side's only
/// name without a counterpart (`Siemens won the contract` → `Alstom won the contract`, `Daily
/// Press Briefing: Syria` → `Daily Press Briefing: South Sudan`): each side has one name or
/// maybe-name without a counterpart on the other (`lost` and `gained` are the names), both open
/// the sentence, a quote or what follows a colon, they stand in the same place (the same word
/// follows, or the same word comes before), and the rest of the two wordings is nearly the same,
/// so that word is what changed. A speaker is left to the attribution (`Police said` →
/// `Prosecutors said`), and a plural common noun or a participle (`Protesters`, `Leaked
/// documents`) is no name, nor are two plural-looking words (`Stocks fell` → `Shares fell`); a
/// capitalised singular common word put for another in an otherwise equal sentence (`Inflation
/// rose` → `Unemployment rose`) still reads as one.
pub(crate) fn maybe_name_swap<'f>(
    origin: &'f Facts,
    other: &'f Facts,
    lost: &[&'f Name],
    gained: &[&'f Name],
) -> Option<(&'f str, &'f str)> {
    let lone = |x: &'f Facts, y: &Facts, unmatched: &[&'f Name]| -> Option<&'f Name> {
        let maybe = x.maybe_names.iter().filter(|m| {
            !y.names.iter().chain(&y.maybe_names).any(|n| m.same(n))
                && !x
                    .attributions
                    .iter()
                    .chain(&x.maybe_attributions)
                    .any(|a| a.speaker.as_deref() == Some(m.text.as_str()))
                && !COMMON_WORD_ENDINGS.iter().any(|e| m.text.ends_with(e))
                // `Police`, `Prosecutors`: a kind of source, a common noun.
                && super::attribution::source_of(&m.text).is_none()
        });
        let mut candidates = unmatched.iter().copied().chain(maybe);
        let first = candidates.next()?;
        (candidates.next().is_none() && first.opens).then_some(first)
    };
    let (a, b) = (lone(origin, other, lost)?, lone(other, origin, gained)?);
    // Two plural-looking words (`Stocks` → `Shares`) are more likely common nouns reworded.
    let plural = |name: &Name| {
        let word = name.words.concat();
        word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
    };
    if plural(a) && plural(b) {
        return None;
    }
    // The words of a wording just before and just after the name, and the set of all its
    // other words.
    let around = |name: &Name, wording: &'f str| {
        let words: Vec<&str> = wording.split(' ').collect();
        let name = wording_words(name);
        let at = words.windows(name.len()).position(|w| w == name)?;
        let end = at + name.len();
        let rest: std::collections::HashSet<&str> =
            words[..at].iter().chain(&words[end..]).copied().collect();
        Some((
            at.checked_sub(1).map(|k| words[k]),
            words.get(end).copied(),
            rest,
        ))
    };
    let (before_a, next_a, rest_a) = around(a, &origin.wording)?;
    let (before_b, next_b, rest_b) = around(b, &other.wording)?;
    let shared = rest_a.intersection(&rest_b).count();
    let agreement = 2.0 * shared as f64 / (rest_a.len() + rest_b.len()).max(1) as f64;
    let same_place =
        (next_a.is_some() && next_a == next_b) || (before_a.is_some() && before_a == before_b);
    (same_place && agreement >= SWAP_REST_AGREEMENT_MIN).then_some((&a.text, &b.text))
}

/// A name's words as its sentence's wording ([`Facts::wording`]) holds them: lowercase, without
/// punctuation.
fn wording_words(name: &Name) -> Vec<String> {
    super::lex::lex(&name.text)
        .iter()
        .filter(|w| w.kind != Kind::Punct)
        .map(|w| w.text.to_lowercase())
        .collect()
}

/// How many words besides a name the replaced stretch of the word diff may hold on each side for
/// the name to count as put in the other's place (a title, an article: `the Ministry` → `Mr.
/// Wang`).
const IN_PLACE_SLACK_WORDS: usize = 2;

/// Words either side of a name that, the same on both sides, give it the same role in the
/// sentence (`Siemens in Munich` → `Bosch in Munich`).
const ROLE_CONTEXT_WORDS: usize = 2;

/// Whether `to` stands where `from` stood: the word diff of the two wordings replaces a short
/// stretch holding `from` by one holding `to` (`The deal went to Siemens` → `The deal went to
/// Alstom`), or the two words just before or just after each are the same (`links Siemens in
/// Munich with ...` → `... with Bosch in Munich`). Two names that merely both occur, each
/// somewhere in a reworded sentence (`upheld Cleveland's voucher program` → `ruled in an Ohio
/// case`), are not one put for the other, nor is a name that describes a word put in the
/// other's place (`during which Waagner represented himself` → `during which the Venango County
/// man represented himself`).
pub(crate) fn in_same_place(origin: &Facts, other: &Facts, from: &Name, to: &Name) -> bool {
    let old: Vec<&str> = origin.wording.split(' ').collect();
    let new: Vec<&str> = other.wording.split(' ').collect();
    let (from_words, to_words) = (wording_words(from), wording_words(to));
    // A name with a word after it in the stretch that the other wording lacks describes that
    // word (`Waagner` → `the Venango County man`, `Franklin` → `an FBI analyst`), which is
    // what takes the other's place.
    let holds = |stretch: &[&str], words: &[String], other: &[&str]| {
        !words.is_empty()
            && (words.len()..=words.len() + IN_PLACE_SLACK_WORDS).contains(&stretch.len())
            && (0..=stretch.len() - words.len()).any(|k| {
                let (name, after) = stretch[k..].split_at(words.len());
                name.iter().zip(words).all(|(a, b)| *a == b)
                    && after.iter().all(|w| other.contains(w))
            })
    };
    let at = |wording: &[&str], words: &[String]| {
        (!words.is_empty())
            .then(|| {
                wording
                    .windows(words.len())
                    .position(|window| window.iter().zip(words).all(|(a, b)| *a == b))
            })
            .flatten()
    };
    if let (Some(i), Some(j)) = (at(&old, &from_words), at(&new, &to_words)) {
        let n = ROLE_CONTEXT_WORDS;
        let (end_i, end_j) = (i + from_words.len(), j + to_words.len());
        let same_before = i >= n && j >= n && old[i - n..i] == new[j - n..j];
        let same_after = old
            .get(end_i..end_i + n)
            .is_some_and(|a| Some(a) == new.get(end_j..end_j + n));
        if same_before || same_after {
            return true;
        }
    }
    // Words the two names share at their start or end stay equal in the diff (`Oktan Motors` →
    // `Veld Motors`): the words that differ are what the diff replaces.
    let (from_differs, to_differs) = differing_middles(&from_words, &to_words, |a, b| a == b);
    similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new)
        .iter()
        .any(|op| match op {
            similar::DiffOp::Replace { .. } => {
                holds(&old[op.old_range()], from_differs, &new)
                    && holds(&new[op.new_range()], to_differs, &old)
            }
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use crate::text::facts::extract_facts;

    fn names(sentence: &str) -> Vec<String> {
        extract_facts(sentence)
            .names
            .into_iter()
            .map(|n| n.text)
            .collect()
    }

    #[test]
    fn multi_word_names_and_sentence_starts() {
        assert_eq!(
            names("Hebei University of Engineering fined Li Ming."),
            ["Hebei University of Engineering", "Li Ming"]
        );
        assert_eq!(
            names("The Ministry of Public Security said so."),
            ["Ministry of Public Security"]
        );
        assert_eq!(
            names("Police said Mr. Smith met Jean-Pierre Dupont."),
            ["Mr. Smith", "Jean-Pierre Dupont"]
        );
        assert_eq!(names("“We won,” said Li."), ["Li"]);
        assert_eq!(names("The U.S. Senate voted on Tuesday."), ["U.S. Senate"]);
        assert_eq!(names("Leaked Chinese documents show it."), ["Chinese"]);
        assert_eq!(names("Embattled Boeing Co. said so."), ["Boeing Co"]);
        assert_eq!(names("Mohammed Ali said so."), ["Mohammed Ali"]);
        assert_eq!(
            names("Douglas J. Feith, the under secretary, said so."),
            ["Douglas J. Feith"]
        );
        assert!(names("Officials said I was late.").is_empty());
    }

    #[test]
    fn a_lone_month_or_weekday_is_no_name_but_a_surname_may_be_one() {
        assert_eq!(
            names("The November report detailed a budget for Hebei."),
            ["Hebei"]
        );
        assert_eq!(names("Officials met Li on Friday."), ["Li"]);
        assert_eq!(names("Officials met Theresa May."), ["Theresa May"]);
    }

    #[test]
    fn names_match_without_their_accents() {
        let reasons = |a: &str, b: &str| {
            crate::text::facts::compare_facts(&extract_facts(a), &extract_facts(b))
        };
        assert!(
            reasons(
                "It signed with Université Paris-Saclay in France.",
                "It signed with Universite Paris-Saclay in France."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_name_describing_a_word_is_not_put_for_a_name() {
        let reasons = |a: &str, b: &str| -> Vec<String> {
            crate::text::facts::compare_facts(&extract_facts(a), &extract_facts(b))
                .into_iter()
                .map(|c| c.reason)
                .collect()
        };
        for (a, b) in [
            (
                "The trial ended, during which Waagner represented himself.",
                "The trial ended, during which the Venango County man represented himself.",
            ),
            (
                "Malvo goes on trial in the death of Franklin.",
                "Malvo goes on trial in the death of an FBI analyst.",
            ),
        ] {
            assert_eq!(reasons(a, b), Vec::<String>::new(), "{a} / {b}");
        }
        assert_eq!(
            reasons(
                "“We are pleased,” Coke spokeswoman Sonya Soutus said.",
                "“We are pleased,” said Coke spokesman Ben Deutsch.",
            ),
            ["attribution: Coke spokeswoman Sonya Soutus -> Coke spokesman Ben Deutsch"]
        );
        assert_eq!(
            reasons(
                "Malvo goes on trial in the death of Franklin.",
                "Malvo goes on trial in the death of Johnson.",
            ),
            ["name: Franklin -> Johnson"]
        );
        assert_eq!(
            reasons("British troops left Basra.", "French troops left Basra."),
            ["name: British -> French"]
        );
    }

    #[test]
    fn the_same_name_written_otherwise_matches() {
        let name = |s: &str| extract_facts(s).names.remove(0);
        let pairs = [
            ("met Li Ming", "met Li"),
            ("met Mr. Smith", "met Smith"),
            ("in the U.S.", "in the United States"),
            ("the U.S. Senate", "the United States Senate"),
            ("the Federal Reserve", "the Fed"),
            ("the World Health Organization", "the WHO"),
            ("met Mr. Nicolas", "met Nicholas"),
            ("a group, Djihad Salafist", "a group, Salafist Jihad"),
            (
                "a revival of Eugene O'Neill's drama",
                "a revival of Eugene ONeills drama",
            ),
            ("the council has Shi'ites", "the council has Shiites"),
            ("sales of HP's printers", "sales of HPs printers"),
            ("in Visual Basic", "in VisualBasic"),
            (
                "said Senate President Mike Thibodeau",
                "said Michael Thibodeau",
            ),
            ("said Hal Gehman", "said Harold Gehman"),
            ("linked to al-Qaida", "linked to al-Qaeda"),
            ("changes at the Bank of England", "changes at the BoE"),
            (
                "upheld by the Kenya Supreme Court",
                "upheld by the Kenya SC",
            ),
            ("both EPI and Pratt & Whitney", "both EPI and P&W"),
            (
                "the next CHOGM in Colombo",
                "the next Commonwealth Heads of Government Meeting in Colombo",
            ),
            ("quoted by the AP", "quoted by the Associated Press"),
            ("said Odai", "said Uday"),
            ("met Mohammed Ali", "met Muhammad Ali"),
        ];
        for (a, b) in pairs {
            assert!(name(a).same(&name(b)), "{a:?} = {b:?}");
        }
        assert!(!name("met Wang Wei").same(&name("met Zhang Wei")));
        assert!(!name("met Mark").same(&name("met Mary")));
        assert!(!name("met Mark").same(&name("met Mike")));
        assert!(!name("met Omar").same(&name("met Amir")));
        assert!(!name("met Hillary Clinton").same(&name("met Bill Clinton")));
        assert!(!name("visited North Korea").same(&name("visited South Korea")));
        assert!(!name("in Madrid").same(&name("in Barcelona")));
        assert!(!name("met McDonald").same(&name("met Michael Dell")));
        assert!(!name("upheld by the Kenya SC").same(&name("upheld by the Kenya High Court")));
        assert!(!name("at the BoE").same(&name("at the Bank of Spain")));
    }
}
