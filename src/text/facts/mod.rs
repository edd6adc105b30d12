//! The checkable facts of a claim, and what changed between two wordings of it.
//!
//! A claim's facts are what a careful reader checks against another outlet's wording of it: its
//! quantities ([`quantities`]), dates and times ([`dates`]), quoted words ([`quotes`]), named
//! people, organisations and places ([`names`]), who says it and with which verb
//! ([`attribution`]), and the hedges and negation that weaken or flip it ([`hedges`]). Numbers
//! written in words are read in `numerals`, units of measure and the conversions between them
//! in `units`.
//! [`extract_facts`] reads them from one sentence; [`compare_facts`] (in [`compare`], where the
//! rules for what counts as a change are set out) lists what changed as plain-words reasons;
//! [`fact_overlap`] tells the aligner how much two claims' facts agree.
//!
//! Scanners run in a fixed order over the sentence's words ([`lex`]), past a wire service's slug
//! opening a headline (`UPDATE 1-`, which states no fact): quotes, dates, then
//! quantities (so `Nov. 17` is a date and not the number 17), names (skipping words of dates
//! and quantities), attribution, hedges, and negation (skipping the `no` of `no less than`).
//! Everything is hand-scanned in one pass per kind: no regex, and words are looked up in the
//! scanners' tables without allocating.

pub mod aliases;
pub mod attribution;
pub mod compare;
pub mod dates;
pub mod hedges;
mod lex;
pub mod names;
mod numerals;
mod opposites;
pub mod quantities;
pub mod quotes;
mod units;
mod word_tables;

pub use attribution::Attribution;
pub use compare::{compare_facts, compare_facts_with};
pub use dates::DateFact;
pub use hedges::Hedge;
pub use names::Name;
pub use quantities::{Bound, Quantity, Role};
pub use quotes::Quote;

/// What [`fact_overlap`] returns when neither claim states any fact: no evidence either way, so
/// a similarity that blends it in is neither pulled up nor down from the middle. Callers that
/// want to ignore fact overlap in that case can test for it.
pub const NEUTRAL_OVERLAP: f64 = 0.5;

/// The checkable parts of one claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Counts, amounts, percentages and ranges.
    pub quantities: Vec<Quantity>,
    /// Dates and times, absolute or relative.
    pub dates: Vec<DateFact>,
    /// Quoted spans.
    pub quotes: Vec<Quote>,
    /// Capitalised names of people, organisations and places.
    pub names: Vec<Name>,
    /// Lone capitalised words opening the sentence or a quote, which may be names (`Beijing`)
    /// or not (`Police`): never reported as a change, only a counterpart for the other
    /// wording's names (`Beijing has sent ...` = `... say Beijing has sent`).
    pub maybe_names: Vec<Name>,
    /// Who says it, with which verb.
    pub attributions: Vec<Attribution>,
    /// Verbs that report only sometimes (`researchers found the drug ...`, `called it a
    /// disgrace`): never reported as a change, only a counterpart for the other wording's
    /// attributions.
    pub maybe_attributions: Vec<Attribution>,
    /// Hedges (`allegedly`, `may` ...).
    pub hedges: Vec<Hedge>,
    /// Negation cues as written, lowercase (`not`, `didn't`, `never`, `denied`).
    pub negations: Vec<String>,
    /// The claim's words and numbers, lowercase, joined by single spaces: tells a quote whose
    /// words the other wording carries unquoted (scare quotes, a title) from a real quote change.
    pub wording: String,
}

impl Facts {
    /// Whether the claim states no fact of any kind.
    pub fn is_empty(&self) -> bool {
        self.quantities.is_empty()
            && self.dates.is_empty()
            && self.quotes.is_empty()
            && self.names.is_empty()
            && self.attributions.is_empty()
            && self.hedges.is_empty()
            && self.negations.is_empty()
    }

    /// How many content facts (quantities, dates, quotes, names) the claim states.
    fn content_count(&self) -> usize {
        self.quantities.len() + self.dates.len() + self.quotes.len() + self.names.len()
    }
}

/// Extracts the facts of one sentence (or claim).
///
/// ```
/// use parallax::text::facts::{compare_facts, extract_facts};
/// let origin = extract_facts("Between 60 and 80 students fell ill on Nov. 17, 2020, police said.");
/// let other = extract_facts("Some 70 students fell ill last November, police claimed.");
/// let reasons: Vec<String> = compare_facts(&origin, &other).into_iter().map(|c| c.reason).collect();
/// assert_eq!(
///     reasons,
///     [
///         "number: Between 60 and 80 -> Some 70",
///         "date: Nov. 17, 2020 -> last November (less specific)",
///         "attribution: said -> claimed",
///     ]
/// );
/// ```
pub fn extract_facts(sentence: &str) -> Facts {
    let quoted = quotes::quoted_ranges(sentence);
    let quotes = quotes::scan(sentence, &quoted);
    facts_of(sentence, &quoted, quotes)
}

/// Extracts the facts of a sentence that is quoted as a whole: the middle sentence of a quote
/// several sentences long ([`quotes::inside_quotations`]), all its words one
/// [unmarked](Quote::unmarked) quote.
pub fn extract_quoted_facts(sentence: &str) -> Facts {
    let quotes = quotes::unmarked(sentence).into_iter().collect();
    let whole = std::iter::once(0..sentence.len()).collect::<Vec<_>>();
    facts_of(sentence, &whole, quotes)
}

/// The facts of `sentence`, whose quoted spans stand at `quoted` and hold `quotes`.
fn facts_of(sentence: &str, quoted: &[std::ops::Range<usize>], quotes: Vec<Quote>) -> Facts {
    let words = lex::lex(sentence);
    let mut taken = vec![false; words.len()];
    // A wire service's slug (`UPDATE 1-`) states no fact.
    taken[..lex::wire_slug_len(&words)].fill(true);
    let dates = dates::scan(sentence, &words, &mut taken);
    let mut quantities = quantities::scan(sentence, &words, &mut taken);
    let (names, maybe_names) = names::scan(sentence, &words, &taken);
    let counts: Vec<bool> = words
        .iter()
        .map(|w| {
            quantities
                .iter()
                .any(|q| q.at == w.start && q.unit.is_none())
        })
        .collect();
    let (mut attributions, maybe_attributions) =
        attribution::scan(sentence, &words, &taken, &counts, quoted);
    // A count opening a speaker counts who says it (`two people familiar with the talks
    // said`): part of the attribution, not a figure of the claim.
    quantities.retain(
        |q| match attributions.iter_mut().find(|a| a.speaker_at == Some(q.at)) {
            Some(counted) => {
                counted.speaker_count = Some(q.low);
                false
            }
            None => true,
        },
    );
    let hedges = hedges::scan_hedges(&words, quoted);
    let negations = hedges::scan_negations(&words, &taken);
    let wording = words
        .iter()
        .filter(|w| w.kind != lex::Kind::Punct)
        .map(|w| w.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    Facts {
        quantities,
        dates,
        quotes,
        names,
        maybe_names,
        attributions,
        maybe_attributions,
        hedges,
        negations,
        wording,
    }
}

/// Whether `text` carries a checkable fact of its own (a quantity or a date), which decides when
/// [`crate::text::sentences::split_claims`] splits a `;` list.
pub fn has_checkable_fact(text: &str) -> bool {
    let facts = extract_facts(text);
    !(facts.quantities.is_empty() && facts.dates.is_empty())
}

/// How much two claims' content facts (quantities, dates, quotes, names) agree, 0 to 1: twice
/// the facts they share over all the facts both state (a Dice coefficient). A fact is shared
/// when it is equal or compatible (a vaguer quantity or date that contains the other, a
/// faithful quote or one sharing most of its content words, the same name).
///
/// When neither claim states a content fact the answer is [`NEUTRAL_OVERLAP`], not 1.0: two
/// claims without figures are not thereby the same claim. When only one states facts it is 0.
pub fn fact_overlap(a: &Facts, b: &Facts) -> f64 {
    let total = a.content_count() + b.content_count();
    if total == 0 {
        return NEUTRAL_OVERLAP;
    }
    fn shared<T>(x: &[T], y: &[T], related: impl Fn(&T, &T) -> bool) -> usize {
        let (mut used_x, mut used_y) = (vec![false; x.len()], vec![false; y.len()]);
        compare::pair(x, y, &mut used_x, &mut used_y, related).len()
    }
    let count = shared(&a.quantities, &b.quantities, |x, y| {
        x.same(y) || x.contains(y) || y.contains(x)
    }) + shared(&a.dates, &b.dates, |x, y| x.compatible(y))
        + shared(&a.quotes, &b.quotes, |x, y| {
            x.faithful_to(y) || x.content_overlap(y) >= 0.5
        })
        + shared(&a.names, &b.names, |x, y| x.same(y));
    (2 * count) as f64 / total as f64
}
