//! The attribution of a claim: who says it, and with which verb (`police said`, `according to
//! the school`, `Li claimed`, `the company denied`).
//!
//! Verbs fall into classes: the neutral reporting verbs (`said`, `says`, `told`, `stated`,
//! `according to`, `added`, `noted`, `wrote` ...) are one class, so `said` → `told reporters`
//! changes nothing (`found`, `concluded`, `showed`, `reported`, `posted`, `announced` join them
//! before `that` or at the end of a clause: `the study found that ...`, `..., the Times
//! reported.`, but not `the firm reported a loss`); every loaded verb is a class of its own
//! with its inflections (`claimed`, `alleged`, `admitted`/`acknowledged`/`conceded`,
//! `insisted`, `denied`, `warned`, `argued`, `suggested`, `confirmed`, `revealed`, `accused`,
//! `believe`/`think` ...), so `said` → `claimed` is a change of attribution. `as reported`, `as
//! first announced` refer to an earlier report and attribute nothing.
//!
//! The speaker is the noun phrase next to the verb, read the same before it (`Li said`), after
//! it (`said Li.`) or before a relative `who` (`Li, who said`); a date, a quantity or a
//! prepositional phrase is never a speaker (`said in December that`), nor whom one `told`.
//!
//! Only the active voice attributes: a passive participle (`was reported`, `is said to`, `first
//! reported by the Ledger`) describes where a thing came from, as `obtained by` does, and is no
//! attribution.
//!
//! Some verbs report only sometimes: `found`, `showed`, `reported`, `announced` with an object
//! (`researchers found the drug cut deaths`, but also `police found the body`), `rejected` with
//! one (`rejected the claims`, `rejected the measure`), `confirmed` before a name (`the Senate
//! confirmed Yellen as Fed chair`, but `the firm confirmed the report`), `called` and
//! `described` (`called it a dark day`, but `called an election`). They are kept apart as
//! maybe-attributions, which are never reported themselves but stand as the counterpart of the
//! other wording's attribution.
//!
//! A speaker is compared by its capitalised names when both sides name someone (`Li` = `Li
//! Ming`), else by the kind of source it is when both are a known kind ([`source_of`]: `police` =
//! `officers`, but `police` ≠ `prosecutors` ≠ `witnesses`). A vague source (`officials`,
//! `a spokesman`, `he`) or one of no listed kind agrees with any: saying less about who speaks
//! is no change of source.

use std::sync::LazyLock;

use super::lex::{Kind, Lower, Word};
use super::word_tables::{self, WordTables};
use crate::text::lexicon::{self, Section};

/// One attribution in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The verb as written, lowercase (`said`, `according to`, `claimed`).
    pub verb: String,
    /// The verb's class (`said` for every neutral verb).
    pub class: &'static str,
    /// Who says it, as written, when found next to the verb (`police`, `Li Ming`, `he`).
    pub speaker: Option<String>,
    /// The key words of the speaker's capitalised words, as for a name (empty for `he`,
    /// `officials`): compared only when both sides name someone.
    pub speaker_names: Vec<String>,
    /// The kind of source the speaker is (`police` for `police`, `officers`, `a police
    /// spokesman`), when `attribution.toml` lists it ([`source_of`]).
    pub source: Option<&'static str>,
    /// Where the speaker's words start in the sentence, in bytes.
    pub speaker_at: Option<usize>,
    /// How many speakers a count opening the speaker phrase gives (`two people familiar with
    /// the talks`): that count's value, set where the facts are put together.
    pub speaker_count: Option<f64>,
}

impl Attribution {
    /// Whether the speaker's words hold `name`'s as a whole run of words, punctuation aside
    /// (`Lena Voss, the chief executive` holds `Lena Voss`; `Lindsey Graham` does not hold
    /// `Li`).
    pub fn names(&self, name: &super::names::Name) -> bool {
        let words = |text: &str| -> Vec<String> {
            text.split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let (speaker, name) = (
            words(self.speaker.as_deref().unwrap_or("")),
            words(&name.text),
        );
        !name.is_empty()
            && speaker
                .windows(name.len())
                .any(|run| run == name.as_slice())
    }

    /// Whether two attributions' speakers may be the same: their names match when both name
    /// someone, else their kinds of source agree when both are known.
    pub fn same_speaker(&self, other: &Attribution) -> bool {
        if let (Some(a), Some(b)) = (self.speaker_count, other.speaker_count)
            && a != b
        {
            return false;
        }
        if !self.speaker_names.is_empty() && !other.speaker_names.is_empty() {
            return super::names::keys_match(&self.speaker_names, &other.speaker_names);
        }
        match (self.source, other.source) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

/// Reporting verbs and their classes, kinds of source by the words that name them, and vague
/// sources, as data beside this file (`attribution.toml`).
static TABLES: LazyLock<WordTables> =
    LazyLock::new(|| word_tables::parse(include_str!("attribution.toml")));

/// The kind of source `word` names, if any (`[sources]` of `attribution.toml`: `officers` and
/// `detective` name `police`). Two speakers of different kinds are different sources.
pub(crate) fn source_of(word: &str) -> Option<&'static str> {
    let word = word.to_lowercase();
    lexicon::user_class(Section::Sources, &word)
        .filter(|&kind| kind != lexicon::VAGUE)
        .or_else(|| word_tables::class_of(&TABLES, "sources", &word))
}

/// Whether `word` (lowercase) is a vague source (`[vague_sources]`: `officials`, `a
/// spokesman`): it agrees with any speaker and is no name, even capitalised (`Officials said`).
fn vague_source(word: &str) -> bool {
    lexicon::user_class(Section::Sources, word) == Some(lexicon::VAGUE)
        || word_tables::class_of(&TABLES, "vague_sources", word).is_some()
}

/// The class of reporting verb `word` (lowercase).
pub(crate) fn verb_class(word: &str) -> Option<&'static str> {
    lexicon::user_class(Section::ReportingVerbs, word)
        .or_else(|| word_tables::class_of(&TABLES, "verbs", word))
}

/// The table's own string for reporting verb class `class`, if a verb of `attribution.toml`
/// has it.
pub(crate) fn verb_class_named(class: &str) -> Option<&'static str> {
    TABLES
        .get("verbs")?
        .values()
        .find(|c| *c == class)
        .map(String::as_str)
}

/// Whether `word` (any case) is a reporting verb of the shipped table (`said`, `argued`,
/// `warned` ...).
pub fn is_reporting_verb(word: &str) -> bool {
    verb_class(&word.to_lowercase()).is_some()
}

/// Verbs that report only sometimes (`called it a disgrace`, `called an election`): always
/// maybe-attributions of the neutral class.
const MAYBE_VERBS: &[&str] = &["called", "calls", "described", "describes"];

/// Words before a verb form that make it no attribution (`the alleged fraud`, `was reported`,
/// `is said to`).
const NOT_BEFORE: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "this", "is", "are", "was", "were", "be",
    "been", "being",
];

/// Words after `claimed` that make it taking rather than saying.
const CLAIM_OBJECTS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "responsibility",
    "credit",
    "victory",
    "lives",
    "dozens",
    "hundreds",
    "thousands",
];

/// Pronouns and words that end a speaker phrase.
const SPEAKER_STOPS: &[&str] = &[
    "that", "and", "but", "which", "who", "whom", "what", "whether", "than", "as", "when", "while",
    "after", "before", "because", "if",
];

/// Subject pronouns: a speaker phrase read backwards from its verb ends at one (`the authority
/// they say`: `they` say it), and one after the verb opens a clause, not a speaker (`said they
/// saw`).
const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "you", "he", "she", "they", "it"];

/// Auxiliaries and the verb `be`: never inside a speaker phrase (`there is likely no issue` is a
/// clause), and passed over between a speaker and its verb (`the firm has said`, `we can say`).
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "shall",
    "should", "did", "does", "do", "is", "are", "was", "were", "be", "been", "am",
];

/// Adverbs passed over between a speaker and its verb besides those in `-ly` (`the firm has also
/// denied`, `he has not yet said`).
const VERB_ADVERBS: &[&str] = &[
    "not", "never", "also", "yet", "now", "still", "just", "already", "even", "often", "long",
];

/// Finds the attributions of a sentence whose quoted spans stand at `quoted` (a verb inside them
/// is the speaker's, not an attribution), and apart from them its maybe-attributions (verbs
/// that report only sometimes, see the module doc). `counts[k]`: word `k` opens a plain count.
pub(crate) fn scan(
    sentence: &str,
    words: &[Word<'_>],
    taken: &[bool],
    counts: &[bool],
    quoted: &[std::ops::Range<usize>],
) -> (Vec<Attribution>, Vec<Attribution>) {
    let speaker_at = Speaker {
        sentence,
        words,
        taken,
        counts,
    };
    let mut out = Vec::new();
    let mut maybe = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // A verb inside quoted words is the speaker's (`“I think she erred”`): who says the
        // claim is told outside them.
        if w.kind != Kind::Alpha || quoted.iter().any(|range| range.contains(&w.start)) {
            continue;
        }
        let Some(lower) = Lower::new(w.text) else {
            continue;
        };
        let lower = lower.as_str();
        if lower == "according" && words.get(i + 1).is_some_and(|t| t.is("to")) {
            let speaker = speaker_at.after(i + 2);
            out.push(attribution(
                "according to".to_string(),
                "said",
                speaker,
                words,
            ));
            continue;
        }
        let maybe_verb = MAYBE_VERBS.contains(&lower);
        let Some(class) = verb_class(lower).or(maybe_verb.then_some("said")) else {
            continue;
        };
        if i > 0 && NOT_BEFORE.iter().any(|n| words[i - 1].is(n)) {
            continue;
        }
        // `to settle claims that`, `denied reports that`: a noun in -s, the object of the verb
        // before it, where an infinitive or a verb in the past stands before (`says` is never
        // a noun: `the man who was injured says`).
        let object_noun = lower.ends_with('s')
            && lower != "says"
            && i > 0
            && (words[i - 1].text.ends_with("ed") || (i > 1 && words[i - 2].is("to")));
        if object_noun {
            continue;
        }
        // `as reported`, `as first reported`, `as previously announced`: a reference to an
        // earlier report, not who says the claim.
        let as_before = |k: usize| k > 0 && words[k - 1].is("as");
        let adverb = |k: usize| {
            k > 0 && {
                let w = &words[k - 1];
                w.kind == Kind::Alpha
                    && !w.is_capitalised()
                    && (w.text.ends_with("ly") || ["first", "earlier"].iter().any(|a| w.is(a)))
            }
        };
        if as_before(i) || adverb(i) && as_before(i - 1) {
            continue;
        }
        // `widely believed to`: a hedge, not who says it; a `think tank` thinks nothing.
        if class == "believe"
            && words
                .get(i + 1)
                .is_some_and(|n| n.is("to") || n.is("tank") || n.is("tanks"))
        {
            continue;
        }
        // A participle with its agent (`documents, first reported by the Ledger,`, `a claim
        // denied by the firm`) tells where a thing came from, not who says the claim.
        if words.get(i + 1).is_some_and(|n| n.is("by")) {
            continue;
        }
        // `the study found that`, `researchers found.`, `the USTR found in a report that`
        // report; `police found the body`, `the firm reported a loss` do not.
        let that_follows =
            words.get(i + 1).is_some_and(|n| n.is("that")) || that_after_phrase(words, i + 1);
        // A currency sign opens an amount (`finds £2 million`), not a new clause.
        let before_punctuation = words
            .get(i + 1)
            .is_none_or(|n| n.kind == Kind::Punct && !CURRENCY_SIGNS.contains(&n.text));
        // `show` and `shows` before punctuation are the noun (`a clown show.`, `his radio
        // show,`), not a report.
        if ["show", "shows"].contains(&lower) && before_punctuation {
            continue;
        }
        let clause_end = that_follows || before_punctuation;
        let class_of = |class: &'static str| if class == "found" { "said" } else { class };
        // Verbs that report only sometimes (see the module doc). `confirmed` before a name
        // appoints (`the Senate confirmed Yellen as Fed chair`); before a report it reports
        // (`the company confirmed the report`).
        let appoints = class == "confirmed"
            && words.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Alpha
                    && n.is_capitalised()
                    && !super::dates::is_calendar_word(n.text)
            });
        let sometimes = maybe_verb
            || appoints
            || (!clause_end && (class == "found" || lower.starts_with("reject")));
        if sometimes {
            let speaker = speaker_at.before(i);
            maybe.push(attribution(
                lower.to_string(),
                class_of(class),
                speaker,
                words,
            ));
            continue;
        }
        let class = class_of(class);
        // `claimed the title`, `claimed 12 lives`, `claims responsibility`: taking, not saying.
        let taking = class == "claimed"
            && words
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Number || CLAIM_OBJECTS.iter().any(|o| n.is(o)));
        if taking {
            continue;
        }
        // `told reporters`: who is told, not who tells. A speaker after its verb stands only
        // where the verb opens its clause (`"No," said Li`, `..., said Li.`); elsewhere what
        // follows is the verb's object (`Li on Friday accused the sites of ...`).
        let addressee_after = ["told", "tells"].contains(&lower);
        let opens_clause = i == 0
            || [',', '"', '“', '”', '\'']
                .iter()
                .any(|&c| words[i - 1].is_punct(c));
        let before = speaker_at.before(i);
        // `resigned after the emails revealed.`, `months after anti-Trump texts revealed`: a
        // verb that ends a subordinate clause with nothing reported is an event, not who says
        // the claim.
        if before_punctuation
            && let Some((start, _, _)) = before
            && opens_subordinate_clause(words, start)
        {
            continue;
        }
        let speaker = before.or_else(|| {
            (!addressee_after && opens_clause)
                .then(|| speaker_at.after(i + 1))
                .flatten()
        });
        out.push(attribution(lower.to_string(), class, speaker, words));
    }
    (out, maybe)
}

/// Signs written before an amount of money.
const CURRENCY_SIGNS: &[&str] = &["$", "£", "€", "¥"];

/// Conjunctions that open a subordinate clause of time, cause or condition.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "because", "if", "when", "while", "until", "once", "since", "unless",
];

/// Whether the words before word `start` (past a prefix hyphened to it: `anti-Trump`) end with
/// one of [`SUBORDINATORS`].
fn opens_subordinate_clause(words: &[Word<'_>], mut start: usize) -> bool {
    while start >= 2 && words[start - 1].is_punct('-') && words[start - 1].end == words[start].start
    {
        start -= 2;
    }
    start > 0 && SUBORDINATORS.iter().any(|s| words[start - 1].is(s))
}

/// Prepositions that open a short phrase between a verb and its `that` (`found in a report
/// that`, `said on Tuesday that`) or open a time or place phrase after it, never a speaker.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "since", "last", "earlier", "this", "to", "for",
    "with", "from", "by", "of", "about", "over", "through", "via", "under", "late",
];

/// The most words (and commas, periods of `Nov.`) between a preposition after a verb and its
/// `that` that still leave the verb reporting (`on Nov. 17, 2020, that`).
const PHRASE_BEFORE_THAT_MAX: usize = 7;

/// Whether word `at` opens a short prepositional phrase that ends at `that` (`in a report that`,
/// `on Tuesday that`) or ends the sentence (`concluded in a paper last week.`), so the verb
/// before it reports a clause rather than taking an object (`found in the river a car`).
fn that_after_phrase(words: &[Word<'_>], at: usize) -> bool {
    if !words
        .get(at)
        .is_some_and(|w| PREPOSITIONS.iter().any(|p| w.is(p)))
    {
        return false;
    }
    let sentence_end = |k: usize| words[k..].iter().all(|w| w.kind == Kind::Punct);
    for k in at + 1..=(at + PHRASE_BEFORE_THAT_MAX).min(words.len()) {
        if k == words.len() || sentence_end(k) && !words[k].is_punct(',') {
            return true;
        }
        let w = &words[k];
        if w.is("that") {
            return true;
        }
        if w.kind == Kind::Punct && !w.is_punct(',') && !w.is_punct('.') {
            return false;
        }
        // An article not led by a preposition opens the verb's object: `in the river a car`.
        let article = ["a", "an", "the"].iter().any(|a| w.is(a));
        if article && !PREPOSITIONS.iter().any(|p| words[k - 1].is(p)) {
            return false;
        }
    }
    false
}

/// Builds an attribution, finding the capitalised words of its speaker.
fn attribution(
    verb: String,
    class: &'static str,
    speaker: Option<(usize, usize, String)>,
    words: &[Word<'_>],
) -> Attribution {
    let phrase = speaker
        .as_ref()
        .map_or(&[][..], |(from, to, _)| &words[*from..*to]);
    let named: Vec<Word<'_>> = phrase
        .iter()
        .filter(|w| {
            let lower = w.text.to_lowercase();
            w.is_capitalised()
                && !crate::text::stopwords::is_stopword(&lower)
                && !vague_source(&lower)
                && source_of(w.text).is_none()
        })
        .copied()
        .collect();
    Attribution {
        verb,
        class,
        speaker: speaker.map(|(_, _, text)| text),
        speaker_names: super::names::key_words(&named),
        source: phrase.iter().rev().find_map(|w| source_of(w.text)),
        speaker_at: phrase.first().map(|w| w.start),
        speaker_count: None,
    }
}

/// Whether `word` looks like a past participle (`seen`, `obtained`, `written`).
fn participle(word: &Word<'_>) -> bool {
    word.kind == Kind::Alpha
        && !word.is_capitalised()
        && (word.text.ends_with("ed") || word.text.ends_with("en"))
}

/// Words that end a speaker phrase read backwards from its verb: `a warning from Li, who said`
/// names Li, not the warning.
const BACKWARD_STOPS: &[&str] = &[
    "from", "to", "by", "with", "during", "since", "through", "via", "about", "over", "under",
];

/// Words before `with` or `to` that make it part of an anonymous speaker with access to what
/// they tell (`people familiar with`, `sources close to`, `officials with knowledge of`).
const ACCESS_WORDS: &[&str] = &[
    "familiar",
    "close",
    "people",
    "person",
    "persons",
    "sources",
    "source",
    "officials",
    "official",
];

/// The most words of a parenthesis between a speaker and its verb (`Senator Ann Lee (D-Mass.)
/// said`).
const PARENTHESIS_WORDS_MAX: usize = 8;

/// Whether `word` is one of [`SUBJECT_PRONOUNS`].
fn is_subject_pronoun(word: &Word<'_>) -> bool {
    SUBJECT_PRONOUNS.iter().any(|p| word.is(p))
}

/// Whether `word` is one of [`AUXILIARIES`], or a negated one (`didn't`).
fn is_auxiliary(word: &Word<'_>) -> bool {
    !word.is_capitalised()
        && (AUXILIARIES.iter().any(|a| word.is(a))
            || Lower::new(word.text)
                .is_some_and(|l| super::hedges::negated_contraction(l.as_str())))
}

/// Whether `word` stands between a speaker and its verb without being the speaker: an
/// auxiliary, `not`, or an adverb (`has also`, `had clearly`), in lower case (`NOW` is a name).
fn modifies_verb(word: &Word<'_>) -> bool {
    word.kind == Kind::Alpha
        && !word.is_capitalised()
        && (is_auxiliary(word)
            || VERB_ADVERBS.iter().any(|a| word.is(a))
            || word.text.len() > 3 && word.text.ends_with("ly"))
}

/// The most words of an appositive between a speaker and its verb (`Li, a spokesman for the
/// ministry, said`).
const APPOSITIVE_WORDS_MAX: usize = 8;

/// The most words a speaker phrase holds.
const SPEAKER_WORDS_MAX: usize = 6;

/// Finds the speaker phrase next to a verb: a noun phrase (a name, a title, `officials`, a
/// pronoun) of up to [`SPEAKER_WORDS_MAX`] words, never a date, a quantity or a prepositional
/// phrase (`said in December that` names no speaker). The same speaker is found before the verb
/// (`Li said`), after it (`said Li.`), or before a relative `who` (`Li, who said`).
struct Speaker<'s, 'w> {
    sentence: &'s str,
    words: &'w [Word<'s>],
    /// Words of dates and quantities.
    taken: &'w [bool],
    /// Words that open a plain count.
    counts: &'w [bool],
}

impl Speaker<'_, '_> {
    /// Whether word `k` may be part of a speaker phrase.
    fn usable(&self, k: usize) -> bool {
        let w = &self.words[k];
        w.kind == Kind::Alpha
            && !self.taken[k]
            && !SPEAKER_STOPS.iter().any(|s| w.is(s))
            && !SUBORDINATORS.iter().any(|s| w.is(s))
            && !is_auxiliary(w)
    }

    /// Whether word `k` is a count of a quantity that opens a speaker phrase before word
    /// `k + 1` (`two people familiar with the talks`, `Three officials`).
    fn count_opens(&self, k: usize) -> bool {
        self.counts.get(k) == Some(&true) && k + 1 < self.words.len() && self.usable(k + 1)
    }

    /// The speaker written before the verb at `verb`, passing over a relative `, who` and a
    /// parenthesised acronym (`the Office of the U.S. Trade Representative (USTR) found`).
    fn before(&self, verb: usize) -> Option<(usize, usize, String)> {
        let words = self.words;
        let mut at = verb;
        while at > 0 && modifies_verb(&words[at - 1]) {
            at -= 1;
        }
        if at >= 2 && words[at - 1].is("who") && words[at - 2].is_punct(',') {
            at -= 2;
        }
        if at >= 3 && words[at - 1].is_punct(')') {
            let open = (at.saturating_sub(PARENTHESIS_WORDS_MAX)..at - 1)
                .rev()
                .find(|&k| words[k].is_punct('('));
            if let Some(open) = open {
                at = open;
            }
        }
        // `people familiar with the matter`, `sources close to the talks`: the preposition
        // belongs to the speaker who has the access.
        let access = |k: usize| {
            k > 0
                && ACCESS_WORDS.iter().any(|a| words[k - 1].is(a))
                && (words[k].is("with") || words[k].is("to"))
        };
        let walk_back = |at: usize| {
            let mut start = at;
            while start > 0
                && at - start < SPEAKER_WORDS_MAX
                && self.usable(start - 1)
                && (!BACKWARD_STOPS.iter().any(|s| words[start - 1].is(s)) || access(start - 1))
            {
                start -= 1;
                if is_subject_pronoun(&words[start]) {
                    break;
                }
            }
            // A count opens the phrase only where nothing before it could belong to the phrase
            // (`Two officials said`, not `half of the 1,500 respondents said`).
            if start > 0
                && start < at
                && self.count_opens(start - 1)
                && (start < 2 || !self.usable(start - 2))
            {
                start -= 1;
            }
            start
        };
        // `Anna Berg, the museum's director, said`, `Joe Mills, 62, said`: the speaker is the
        // phrase before an appositive, with it.
        if at >= 4 && words[at - 1].is_punct(',') {
            let open = (at.saturating_sub(2 + APPOSITIVE_WORDS_MAX)..at - 2)
                .rev()
                .find(|&k| words[k].is_punct(','));
            if let Some(open) = open
                && (open + 1..at - 1).all(|k| self.usable(k) || self.taken[k])
                && walk_back(open) < open
            {
                return self.text(walk_back(open), at - 1);
            }
        }
        let mut start = walk_back(at);
        // `minutes seen by Reuters show`: the agent of a participle tells where the speaker came
        // from; the speaker is what stands before the participle.
        if start >= 3 && words[start - 1].is("by") && participle(&words[start - 2]) {
            at = start - 2;
            start = walk_back(at);
        }
        self.text(start, at)
    }

    /// The speaker written after the verb, from word `at`: `," said Li Ming.` ends the clause;
    /// `said the painting was worth 2 million` and `said in December that` name no speaker.
    fn after(&self, at: usize) -> Option<(usize, usize, String)> {
        let words = self.words;
        // `said they saw a gap`: a pronoun after the verb opens what was said.
        if words
            .get(at)
            .is_some_and(|w| PREPOSITIONS.iter().any(|p| w.is(p)) || is_subject_pronoun(w))
        {
            return None;
        }
        // A count opening the phrase counts its speakers, not one of its words.
        let counted = usize::from(self.count_opens(at));
        let mut end = at + counted;
        while end < words.len()
            && end - at - counted < SPEAKER_WORDS_MAX
            && self.usable(end)
            && !words[end].is("on")
        {
            end += 1;
        }
        // A word of a date or quantity (`worth about 2 million`) ends no speaker phrase, nor
        // does a verb (`said there is no issue`).
        let clause_end = end == words.len()
            || words[end].kind == Kind::Punct
            || ["on", "in", "at"].iter().any(|p| words[end].is(p))
            || !self.usable(end)
                && words[end].kind == Kind::Alpha
                && !self.taken[end]
                && !is_auxiliary(&words[end]);
        if !clause_end {
            return None;
        }
        self.text(at, end)
    }

    /// The phrase of words `from..to` as (first word, end word, text), if it has any word.
    fn text(&self, from: usize, to: usize) -> Option<(usize, usize, String)> {
        (from < to).then(|| {
            (
                from,
                to,
                self.sentence[self.words[from].start..self.words[to - 1].end].to_string(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::text::facts::extract_facts;

    fn attributions(sentence: &str) -> Vec<(String, &'static str, Option<String>)> {
        extract_facts(sentence)
            .attributions
            .into_iter()
            .map(|a| (a.verb, a.class, a.speaker))
            .collect()
    }

    /// The speaker of a sentence's first attribution.
    fn speaker(sentence: &str) -> Option<String> {
        attributions(sentence).remove(0).2
    }

    #[test]
    fn an_anonymous_speaker_keeps_the_access_it_is_named_by() {
        for (sentence, who) in [
            (
                "The deal is off, people familiar with the matter said.",
                "people familiar with the matter",
            ),
            (
                "The deal is off, sources close to the talks said.",
                "sources close to the talks",
            ),
            (
                "The deal is off, two people with knowledge of the plan said.",
                "two people with knowledge of the plan",
            ),
        ] {
            assert_eq!(speaker(sentence).as_deref(), Some(who), "{sentence}");
        }
        // Another preposition still ends the speaker read backwards.
        assert_eq!(
            speaker("Prices rose by 5 percent to $30, the firm said.").as_deref(),
            Some("the firm")
        );
    }

    #[test]
    fn a_reporting_noun_after_a_verb_is_its_object_not_an_attribution() {
        for sentence in [
            "The firm agreed to settle claims that it hid the risks.",
            "The ministry denied reports that the talks had failed.",
        ] {
            let verbs: Vec<String> = attributions(sentence).into_iter().map(|a| a.0).collect();
            assert!(
                verbs.iter().all(|v| v != "claims" && v != "reports"),
                "{sentence}: {verbs:?}"
            );
        }
        assert_eq!(
            attributions("The man who was injured says the brakes failed.")[0].0,
            "says"
        );
        assert_eq!(attributions("The union claims that pay fell.").len(), 1);
    }

    #[test]
    fn a_verb_that_ends_the_text_has_no_speaker_after_it() {
        assert_eq!(attributions("said"), [("said".to_string(), "said", None)]);
    }

    #[test]
    fn a_count_opening_the_speaker_counts_who_says_it_not_a_figure_of_the_claim() {
        for (sentence, who) in [
            (
                "The deal includes 30 vehicles, according to two people familiar with the talks.",
                "two people familiar with the talks",
            ),
            (
                "The offices will merge, according to four people with knowledge of the plan.",
                "four people with knowledge of the plan",
            ),
            (
                "Three senior officials said the deal includes 30 vehicles.",
                "Three senior officials",
            ),
        ] {
            let facts = extract_facts(sentence);
            assert_eq!(facts.attributions[0].speaker.as_deref(), Some(who));
            let figures: Vec<&str> = facts.quantities.iter().map(|q| q.text.as_str()).collect();
            assert!(
                figures.iter().all(|f| *f == "30"),
                "{sentence}: {figures:?}"
            );
        }
        // A count inside a longer phrase is the claim's: the size of a survey.
        let facts = extract_facts("Roughly half of the 1,500 respondents said they would vote.");
        assert!(facts.quantities.iter().any(|q| q.text == "1,500"));
        // Another count of speakers is another source.
        let reasons = |a: &str, b: &str| -> Vec<String> {
            crate::text::facts::compare_facts(&extract_facts(a), &extract_facts(b))
                .into_iter()
                .map(|c| c.reason)
                .collect()
        };
        assert_eq!(
            reasons(
                "Two officials said the talks had failed.",
                "Three officials said the talks had failed."
            ),
            ["attribution: Two officials -> Three officials"]
        );
        assert!(
            reasons(
                "The deal includes 30 vehicles, according to two officials.",
                "The deal includes 30 vehicles, two officials said."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_verb_ending_a_subordinate_clause_with_nothing_reported_is_no_attribution() {
        assert!(attributions("He resigned after the emails revealed.").is_empty());
        assert!(
            attributions("FBI fires Peter Strzok, months after anti-Trump texts revealed")
                .is_empty()
        );
        assert_eq!(
            speaker("He resigned after the emails revealed that he had lied."),
            Some("the emails".into())
        );
        assert_eq!(
            speaker("The plant closed after the storm, officials said."),
            Some("officials".into())
        );
    }

    #[test]
    fn verbs_classes_and_speakers() {
        assert_eq!(
            attributions("The fire spread, police said."),
            [("said".into(), "said", Some("police".into()))]
        );
        assert_eq!(
            attributions("“No,” said Li Ming."),
            [("said".into(), "said", Some("Li Ming".into()))]
        );
        assert_eq!(
            attributions("According to the school, 60 fell ill."),
            [("according to".into(), "said", Some("the school".into()))]
        );
        assert_eq!(
            attributions("The firm claimed it was safe.")[0].1,
            "claimed"
        );
        assert_eq!(attributions("He acknowledged the error.")[0].1, "admitted");
        assert_eq!(
            attributions("The company confirmed the report.")[0].1,
            "confirmed"
        );
        assert_eq!(
            attributions("The police confirmed Monday that two died.")[0].1,
            "confirmed"
        );
        assert_eq!(
            attributions("The study found that rents rose.")[0].1,
            "said"
        );
    }

    #[test]
    fn a_short_phrase_between_verb_and_that_still_reports() {
        for sentence in [
            "In 2018, the agency found in a report that rents rose.",
            "Researchers concluded after a long trial that the drug works.",
            "The audit showed on Nov. 17, 2020, that funds were missing.",
            "The rents rose, the study found in its latest survey.",
            "A 2018 report had discovered that rents rose.",
        ] {
            assert_eq!(
                attributions(sentence).len(),
                1,
                "{sentence:?}: {:?}",
                attributions(sentence)
            );
        }
        assert!(attributions("Police found in the river a stolen car.").is_empty());
    }

    #[test]
    fn a_speaker_is_a_noun_phrase_wherever_it_is_written() {
        assert_eq!(
            speaker("The museum's director, Anna Berg, said the painting was a fake.").as_deref(),
            Some("The museum's director, Anna Berg")
        );
        assert_eq!(
            speaker("“It was the worst storm,” fisherman Joe Mills, 62, said.").as_deref(),
            Some("fisherman Joe Mills, 62")
        );
        for sentence in [
            "Mayor Ana Ruiz said in March that the budget was short.",
            "The budget was short, said Mayor Ana Ruiz.",
            "A warning came from Mayor Ana Ruiz, who said on Monday that the budget was short.",
        ] {
            assert_eq!(
                speaker(sentence).as_deref(),
                Some("Mayor Ana Ruiz"),
                "{sentence:?}"
            );
        }
        for sentence in [
            "Officials said in December that it was over.",
            "Officials said last week that it was over.",
        ] {
            let found = attributions(sentence);
            assert!(
                found.iter().all(|a| a.2.as_deref() != Some("in December")
                    && a.2.as_deref() != Some("last week")),
                "{sentence:?}: {found:?}"
            );
        }
        assert_eq!(
            speaker("She told reporters that it was over.").as_deref(),
            Some("She")
        );
        assert_eq!(
            speaker("The agency told reporters that it was over.").as_deref(),
            Some("The agency")
        );
        assert_eq!(
            speaker("In 2019, the Office of Fair Trading (OFT) found in a study that fees rose.")
                .as_deref(),
            Some("the Office of Fair Trading")
        );
        assert_eq!(
            speaker("It was over, he told reporters."),
            Some("he".into())
        );
        assert_eq!(
            speaker("Draft minutes seen by Reuters show that rates will rise.").as_deref(),
            Some("Draft minutes")
        );
    }

    #[test]
    fn a_speaker_stands_before_the_verbs_auxiliaries_and_adverbs() {
        for (sentence, expected) in [
            ("The company has also denied the report.", "The company"),
            (
                "The mayor has not yet said whether she will run.",
                "The mayor",
            ),
            ("The agency had clearly stated its aims.", "The agency"),
            ("Officials didn't say when it would reopen.", "Officials"),
            (
                "Senator Ann Lee (D-Mass.) said the plan would fail.",
                "Senator Ann Lee",
            ),
        ] {
            assert_eq!(speaker(sentence).as_deref(), Some(expected), "{sentence:?}");
        }
    }

    #[test]
    fn a_pronoun_is_the_whole_speaker_and_no_clause_is_one() {
        assert_eq!(
            speaker("Officials must explain the broad powers they say the law grants.").as_deref(),
            Some("they")
        );
        assert_eq!(
            speaker("It was not a single thing he said in public.").as_deref(),
            Some("he")
        );
        // What follows the verb is what was said, or its object, not who says it.
        for sentence in [
            "Voters said they saw a wide gap between the two.",
            "The lawyer said there is likely no legal issue.",
            "The mayor on Friday accused the paper of bias.",
        ] {
            let found = attributions(sentence);
            assert!(
                found.iter().all(|a| a.2.as_deref().is_none_or(|s| {
                    !s.contains("saw") && !s.contains("issue") && !s.contains("paper")
                })),
                "{sentence:?}: {found:?}"
            );
        }
    }

    #[test]
    fn a_verb_inside_quoted_words_is_the_speakers() {
        assert_eq!(
            attributions("“I think she dishonored herself,” he said."),
            [("said".into(), "said", Some("he".into()))]
        );
        assert!(attributions("“And when your son says: ‘you won’, you believe it.”").is_empty());
    }

    #[test]
    fn look_alikes_are_no_attribution() {
        for sentence in [
            "The alleged fraud cost millions.",
            "The fire claimed 12 lives.",
            "The team claimed the title.",
            "Cases were reported in Ohio.",
            "He is said to be ill.",
            "Police found the body.",
            "The bank reported a profit of $2 billion.",
            "The bank reported $2 billion in profit.",
            "Libraries will close unless the council finds £2 million.",
            "Files, first reported by The Tribune, show the plan.",
            "The deal, confirmed by both firms on Friday, is worth $2 billion.",
            "The suspect was arrested in Paris, as first reported.",
            "As previously announced, the plant will close.",
            "A Berlin-based think tank published the data.",
            "America is not a clown show.",
            "The governor spoke on his morning show, and left.",
            "US Senate confirms Janet Yellen as new central bank chief",
        ] {
            assert!(
                attributions(sentence).is_empty(),
                "{sentence:?}: {:?}",
                attributions(sentence)
            );
        }
    }
}
