//! Claim units: each outlet's article cut into claims (sentences, or the parts of a sentence that
//! holds a `;` list of checkable claims), each with where it stands, its interned terms and its
//! facts. Everything the engine compares is a [`Claim`].

use rustc_hash::FxHashMap;

use super::acronyms::StoryAcronyms;
use crate::model::{OutletEntry, TextSpan};
use crate::text::facts::{self, Facts};
use crate::text::synonyms;
use crate::text::truecase::truecase;
use crate::text::{sentences, tokens};

/// Claims shorter than this many content words also get character n-grams, which see through
/// inflections and compounds that word stems miss ("Chinese" / "China").
const SHORT_CLAIM_WORDS: usize = 10;

/// Length of the character n-grams of short claims.
const GRAM_CHARS: usize = 4;

/// Interns the terms (stems, bigrams, character n-grams) of one story, so that similarity works
/// on small integers.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    /// For each term id, whether the term is a figure (its stem is a value: `7`, `1200000`).
    figures: Vec<bool>,
    acronyms: StoryAcronyms,
}

impl Vocabulary {
    /// An empty vocabulary for the story whose texts are `texts`, knowing the acronyms they use.
    pub fn for_story<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        Vocabulary {
            ids: FxHashMap::default(),
            figures: Vec::new(),
            acronyms: StoryAcronyms::of(texts),
        }
    }

    /// The id of `term`, assigned on first sight.
    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(term.to_string(), id);
        self.figures
            .push(term.as_bytes().first().is_some_and(u8::is_ascii_digit));
        id
    }

    /// Whether term `id` is a figure.
    pub fn is_figure(&self, id: u32) -> bool {
        self.figures.get(id as usize).copied().unwrap_or(false)
    }

    /// How many distinct terms the story has.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no term was seen yet.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The interned terms of one claim, before weighting.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// Stems of the content words, in reading order (repeats kept).
    pub stems: Vec<u32>,
    /// Pairs of consecutive content stems.
    pub bigrams: Vec<u32>,
    /// Character n-grams of the content words (only for short claims).
    pub grams: Vec<u32>,
}

/// One claim of one outlet's article.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Where it stands in the outlet's paragraphs; None for the headline.
    pub span: Option<TextSpan>,
    /// Its wording, as the article has it.
    pub text: String,
    /// Its interned terms.
    pub terms: Terms,
    /// Its checkable facts.
    pub facts: Facts,
    /// How many bytes of `text` open it without being compared: the lead-in of a list's first
    /// item (`the report sets five targets: `), 0 for most claims.
    pub lead_in: usize,
}

impl Claim {
    /// Builds the claim of `text`, standing at `span`.
    pub fn new(text: &str, span: Option<TextSpan>, vocabulary: &mut Vocabulary) -> Claim {
        let facts = facts::extract_facts(text);
        Claim::compared_as(text, text, facts, span, vocabulary)
    }

    /// Builds the claim whose wording is `text` but which is weighed from `compared` (a part of
    /// `text` that ends it, or `text` in another case), whose facts are `facts`.
    fn compared_as(
        text: &str,
        compared: &str,
        facts: Facts,
        span: Option<TextSpan>,
        vocabulary: &mut Vocabulary,
    ) -> Claim {
        Claim {
            lead_in: text.len().saturating_sub(compared.len()),
            span,
            text: text.to_string(),
            terms: terms_of(
                compared,
                &frame_of(&facts, &vocabulary.acronyms),
                vocabulary,
            ),
            facts,
        }
    }
}

/// The stems of a claim's attribution (who says it, and the verb): the frame around the claim,
/// which two different claims of one story often share (`Governor Tom Reilly said ...`). It is
/// compared as a fact, so similarity leaves it out. Its words are read as the claim's are (the
/// story's acronyms joined), so that they are found among them.
fn frame_of(facts: &Facts, acronyms: &StoryAcronyms) -> Vec<String> {
    let mut frame = Vec::new();
    for attribution in &facts.attributions {
        let words = attribution
            .speaker
            .iter()
            .chain(std::iter::once(&attribution.verb));
        for text in words {
            let mut words = tokens::tokenize(text);
            acronyms.join(text, &mut words);
            frame.extend(words.into_iter().map(|t| t.stem));
        }
    }
    frame
}

/// Fewest content words a clause needs to be matched on its own.
pub const CLAUSE_WORDS_MIN: usize = 4;

/// Words that join two clauses, each of which an outlet may report alone (`... drew criticism
/// after declaring ...`). Measured one by one on the BASIL labels (`cargo bench --bench
/// real_eval -- basil own`): `but`, `after`, `while`, `when`, `because` together raised carried
/// F1 0.599 -> 0.602; `and`, `who` and `which` lowered it or left it, so they are not here.
const CLAUSE_JOINERS: &[&str] = &[" but ", " after ", " while ", " when ", " because "];

/// `text` cut before each of `joiners` (the joiner word stays out of both parts), and after a
/// reporting verb's `that` (`he said that ...`: what was said may be carried without who said
/// it; a relative `that` is not cut).
fn split_at_words<'t>(text: &'t str, joiners: &[&str]) -> Vec<&'t str> {
    let mut parts = vec![text];
    for joiner in joiners {
        parts = parts.into_iter().flat_map(|p| p.split(joiner)).collect();
    }
    parts
        .into_iter()
        .flat_map(split_after_reported_that)
        .collect()
}

/// `text` cut at each ` that ` that follows a reporting verb.
fn split_after_reported_that(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(" that ") {
        let verb = text[start..at].rsplit(' ').next().unwrap_or("");
        if facts::attribution::is_reporting_verb(verb) {
            parts.push(&text[start..at]);
            start = at + " that ".len();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The clauses of a claim's `text` that may be carried apart from the rest (cut at commas,
/// semicolons, colons, dashes and [`CLAUSE_JOINERS`]), each of at least [`CLAUSE_WORDS_MIN`]
/// content words; empty when the claim has fewer than two.
pub fn clauses_of(text: &str) -> Vec<&str> {
    let clauses: Vec<&str> = text
        .split([',', ';', ':', '—', '–'])
        .flat_map(|part| split_at_words(part, CLAUSE_JOINERS))
        .map(str::trim)
        .filter(|clause| {
            crate::text::tokens::tokenize(clause)
                .iter()
                .filter(|t| !t.stop)
                .count()
                >= CLAUSE_WORDS_MIN
        })
        .collect();
    if clauses.len() >= 2 {
        clauses
    } else {
        Vec::new()
    }
}

/// The claims of one outlet's article, in reading order: its headline first (unless a
/// paragraph repeats it), then its paragraphs'.
///
/// The headline is weighed and its facts read in the case its body writes the same words
/// ([`truecase`]): a title-case headline's capitals are not names.
///
/// A sentence holding a `;` list is one claim per item; the first item keeps the list's lead-in
/// (`the report sets five targets: expand ...`) in its text, but is weighed and its facts read
/// without it: the lead-in introduces every item, and an outlet that words it differently has
/// not changed the first item. A sentence in the middle of a quote several sentences long is
/// quoted as a whole, so that an outlet quoting other words there has altered the quote.
pub fn claims_of(outlet: &OutletEntry, vocabulary: &mut Vocabulary) -> Vec<Claim> {
    let mut claims = Vec::new();
    let headline = outlet.title.trim();
    if !headline.is_empty() && !outlet.paragraphs.iter().any(|p| p.trim() == headline) {
        let compared = truecase(headline, &outlet.paragraphs);
        let facts = facts::extract_facts(&compared);
        claims.push(Claim::compared_as(
            headline, &compared, facts, None, vocabulary,
        ));
    }
    for (paragraph, text) in outlet.paragraphs.iter().enumerate() {
        let sentences = sentences::split_sentences(text);
        let claims_of_paragraph = sentences::split_claims(text);
        let quoted = facts::quotes::inside_quotations(text, &claims_of_paragraph);
        for (range, quoted) in claims_of_paragraph.into_iter().zip(quoted) {
            let span = Some(TextSpan {
                paragraph,
                start: range.start,
                end: range.end,
            });
            let whole = &text[range.clone()];
            let first_item =
                !sentences.contains(&range) && sentences.iter().any(|s| s.start == range.start);
            let compared = match whole.rfind(':') {
                Some(colon) if first_item => whole[colon + 1..].trim_start(),
                _ => whole,
            };
            let facts = if quoted {
                facts::extract_quoted_facts(compared)
            } else {
                facts::extract_facts(compared)
            };
            claims.push(Claim::compared_as(whole, compared, facts, span, vocabulary));
        }
    }
    claims
}

/// Stems, bigrams and (for short claims) character n-grams of `text`. Stopwords and the
/// attribution `frame` are left out unless the claim has nothing else.
fn terms_of(text: &str, frame: &[String], vocabulary: &mut Vocabulary) -> Terms {
    let mut tokens = tokens::tokenize(text);
    vocabulary.acronyms.join(text, &mut tokens);
    // Each word of the frame is taken out once: the speaker's name may come back in the claim
    // itself ("The U.S. envoy said Washington would ...").
    if !frame.is_empty() {
        let mut unframed: Vec<&str> = frame.iter().map(String::as_str).collect();
        let framed: Vec<bool> = tokens
            .iter()
            .map(|t| match unframed.iter().position(|f| *f == t.stem) {
                Some(at) => {
                    unframed.swap_remove(at);
                    true
                }
                None => false,
            })
            .collect();
        if tokens.iter().zip(&framed).any(|(t, &f)| !t.stop && !f) {
            let mut framed = framed.into_iter();
            tokens.retain(|_| !framed.next().unwrap_or(false));
        }
    }
    let any_content = tokens.iter().any(|t| !t.stop);
    let content: Vec<&str> = tokens
        .iter()
        .filter(|t| !t.stop || !any_content)
        .map(|t| synonyms::canonical(&t.stem))
        .collect();
    let stems = content.iter().map(|s| vocabulary.intern(s)).collect();
    let mut key = String::new();
    let bigrams = content
        .windows(2)
        .map(|pair| {
            key.clear();
            key.push_str(pair[0]);
            key.push('\u{1}');
            key.push_str(pair[1]);
            vocabulary.intern(&key)
        })
        .collect();
    let mut grams = Vec::new();
    if content.len() < SHORT_CLAIM_WORDS {
        let mut padded: Vec<char> = Vec::new();
        for token in tokens.iter().filter(|t| !t.stop) {
            padded.clear();
            padded.push('\u{2}');
            padded.extend(token.text.chars());
            padded.push('\u{2}');
            for window in padded.windows(GRAM_CHARS.min(padded.len())) {
                key.clear();
                key.extend(window);
                grams.push(vocabulary.intern(&key));
            }
        }
    }
    Terms {
        stems,
        bigrams,
        grams,
    }
}

#[cfg(test)]
mod tests {
    use super::clauses_of;

    #[test]
    fn a_claim_is_cut_at_punctuation_joining_words_and_a_reported_that() {
        assert_eq!(
            clauses_of(
                "The senator drew fierce criticism from party leaders on Friday after declaring at a private fund-raiser that women voters were easily swayed."
            ),
            [
                "The senator drew fierce criticism from party leaders on Friday",
                "declaring at a private fund-raiser that women voters were easily swayed."
            ]
        );
        assert_eq!(
            clauses_of(
                "Hospital officials said that nine patients remain in critical condition, according to the regional health ministry."
            ),
            [
                "nine patients remain in critical condition",
                "according to the regional health ministry."
            ]
        );
        // A relative `that` stays inside its clause.
        assert!(
            clauses_of("Look for lean proteins that will help you feel full for longer.")
                .is_empty()
        );
    }
}
