//! Provenance: who copied whom in one story, with the evidence and how sure.
//!
//! [`analyse`] reads a finished [`Comparison`] (the articles, their claim clusters and spans,
//! the publication and fetch times) and gathers, for every pair of outlets, the evidence that
//! one was written from the other ([`PairEvidence`]):
//! - verbatim passages: maximal runs of at least [`MIN_RUN`] words the two share
//!   ([`verbatim`]), each marked as a copy (beyond chance), a common quote (both quote the same
//!   third party) or stock words (names and figures any report of the event repeats);
//! - the churn share: how much of each article stands verbatim in the other;
//! - the claims both carry, and how many keep the same order ([`carried`]);
//! - shared particulars independent reporting rarely repeats ([`particulars`]): the same
//!   conversion or rounding, the same selection and order of a list's items, a rare phrase or
//!   spelling no other outlet of the story uses;
//! - explicit credit naming the other outlet ([`credit`]): `first reported by`, `according to`,
//!   `X reported`, a dateline;
//! - publication and fetch times ([`times`]).
//!
//! Every item is citable: outlet, paragraph, byte range and the words on each side.
//!
//! From the evidence, [`graph`] draws the story's directed graph: for every pair a
//! [`Relation`], `derived` derives from `source` `wholly` or `partially` (METER's classes),
//! or the two are `independent`, or the evidence is too thin to say (`undetermined`), with a
//! confidence and the evidence that decided it. The direction comes from credit, then times,
//! then content (the version that loses the other's specifics, adds hedges, or carries the
//! other's particulars and adds its own, came later). An article may have several sources; two
//! articles whose shared material all stands in a source of both are not derived from each
//! other (`via` names that source).

mod carried;
mod credit;
pub mod graph;
mod particulars;
pub mod text;
mod times;
mod verbatim;
mod words;

use serde::{Deserialize, Serialize};

use crate::model::{Comparison, TextSpan};

/// The fewest words a shared run needs to count as a verbatim passage.
pub const MIN_RUN: usize = 8;

/// The provenance of one story: the graph, the evidence per pair, and every credit found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// One relation per pair of outlets (in the outlets' order: the first outlet with each of
    /// the later ones, then the second ...), derived pairs with their direction.
    pub relations: Vec<Relation>,
    /// The evidence of every pair, in the same order as `relations`.
    pub pairs: Vec<PairEvidence>,
    /// Every credit found in the articles: naming another outlet of the story, or a news
    /// agency that is not one (which two outlets may both copy).
    pub credits: Vec<Credit>,
}

impl Provenance {
    /// The relation between two outlets (in either order).
    pub fn relation(&self, a: &str, b: &str) -> Option<&Relation> {
        self.relations.iter().find(|r| r.joins(a, b))
    }

    /// The evidence of the pair of two outlets (in either order).
    pub fn pair(&self, a: &str, b: &str) -> Option<&PairEvidence> {
        self.pairs
            .iter()
            .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
    }

    /// The relations where one outlet derives from the other (`wholly` or `partially`).
    pub fn derivations(&self) -> impl Iterator<Item = &Relation> {
        self.relations.iter().filter(|r| r.class.is_derived())
    }

    /// The outlets `outlet` derives from, strongest first.
    pub fn sources_of<'a>(&'a self, outlet: &'a str) -> impl Iterator<Item = &'a Relation> + 'a {
        self.derivations()
            .filter(move |r| r.direction.is_some() && r.derived == outlet)
    }
}

/// METER's classes of derivation, plus the answer when the evidence is too thin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DerivationClass {
    /// Written from the source: what it says beyond it adds no material of its own (framing
    /// at most).
    Wholly,
    /// Takes a part from the source and has material of its own (its own sources, quotes or
    /// figures), or takes only a part of its text.
    Partially,
    /// Neither is written from the other: what they share is what any report of the event
    /// says, or stands in a source of both (`via`).
    Independent,
    /// The evidence is too thin or too mixed to say.
    Undetermined,
}

impl DerivationClass {
    /// The lowercase name (`wholly`, `partially`, `independent`, `undetermined`).
    pub fn as_str(self) -> &'static str {
        match self {
            DerivationClass::Wholly => "wholly",
            DerivationClass::Partially => "partially",
            DerivationClass::Independent => "independent",
            DerivationClass::Undetermined => "undetermined",
        }
    }

    /// Whether one outlet derives from the other.
    pub fn is_derived(self) -> bool {
        matches!(self, DerivationClass::Wholly | DerivationClass::Partially)
    }
}

/// What told which of two derived articles came first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DirectionBasis {
    /// The derived article credits the source by name.
    Credit,
    /// The source was published (or fetched) before the derived article was published.
    Time,
    /// The content: the derived version loses specifics, adds hedges or credit, or carries the
    /// source's particulars and adds its own.
    Content,
}

impl DirectionBasis {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            DirectionBasis::Credit => "credit",
            DirectionBasis::Time => "time",
            DirectionBasis::Content => "content",
        }
    }
}

/// The relation of two outlets of a story: one edge of the provenance graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// The outlet written from (for a pair with no direction, the first of the two in the
    /// outlets' order).
    pub source: String,
    /// The outlet written from `source` (for a pair with no direction, the second).
    pub derived: String,
    /// wholly / partially / independent / undetermined.
    pub class: DerivationClass,
    /// How sure the class (and direction) is, 0 to 1: for a derivation its strength (times
    /// 0.95 when the direction rests on times, 0.8 when on content alone), for independence
    /// one minus the strength, and 0.5 for `undetermined` (no lean either way; the strength
    /// says where the evidence stands).
    pub confidence: f64,
    /// How strongly the evidence says one of the two is written from the other, 0 to 1,
    /// whatever the direction: the score that separates derived from independent pairs.
    pub strength: f64,
    /// The share of `derived`'s claims that `source` also carries.
    pub share: f64,
    /// What decided the direction; None when the pair has none (independent, undetermined, or
    /// derived one way or the other without telling which).
    pub direction: Option<DirectionBasis>,
    /// What accounts for the material two outlets share when neither is written from the
    /// other: an outlet of the story both derive from (its id), or an agency outside the story
    /// both credit (its name); for a derivation through an intermediary, that outlet.
    #[serde(default)]
    pub via: Option<String>,
    /// The evidence that decided, in plain words, strongest first.
    pub evidence: Vec<String>,
}

impl Relation {
    /// Whether the relation joins outlets `a` and `b` (in either order).
    pub fn joins(&self, a: &str, b: &str) -> bool {
        (self.source == a && self.derived == b) || (self.source == b && self.derived == a)
    }

    /// The relation as one line: `clearsky <- meridian  wholly  0.97  share 91%`.
    pub fn arrow(&self) -> String {
        match (self.class.is_derived(), self.direction) {
            (true, Some(_)) => format!("{} → {}", self.source, self.derived),
            (true, None) => format!("{} ↔ {}", self.source, self.derived),
            _ => format!("{} · {}", self.source, self.derived),
        }
    }
}

/// A citable place in one outlet's article, with the words that stand there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Outlet id.
    pub outlet: String,
    /// Index into the outlet's `paragraphs`.
    pub paragraph: usize,
    /// Byte offset where the passage starts in that paragraph.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The passage's text (`paragraphs[paragraph][start..end]`).
    pub text: String,
}

impl Passage {
    /// The passage of `outlet`'s paragraph `paragraph` at `start..end` (the text is taken from
    /// the comparison; an out-of-range place gives an empty text).
    pub fn at(
        comparison: &Comparison,
        outlet: &str,
        paragraph: usize,
        start: usize,
        end: usize,
    ) -> Passage {
        let text = comparison
            .outlet(outlet)
            .and_then(|o| o.paragraphs.get(paragraph))
            .and_then(|p| p.get(start..end))
            .unwrap_or_default()
            .to_string();
        Passage {
            outlet: outlet.to_string(),
            paragraph,
            start,
            end,
            text,
        }
    }

    /// The place as a span (paragraph and byte range).
    pub fn span(&self) -> TextSpan {
        TextSpan {
            paragraph: self.paragraph,
            start: self.start,
            end: self.end,
        }
    }

    /// Where it stands, for readers: `¶3 bytes 10-74`.
    pub fn place(&self) -> String {
        format!("¶{} bytes {}-{}", self.paragraph + 1, self.start, self.end)
    }
}

/// What a verbatim run says about derivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunKind {
    /// Beyond chance: enough words of the writer's own choosing that independent reports
    /// would not repeat them.
    Copy,
    /// Both quote the same words of a third party (an official, a document).
    CommonQuote,
    /// Names, figures and function words any report of the event repeats.
    Stock,
}

impl RunKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            RunKind::Copy => "copy",
            RunKind::CommonQuote => "common_quote",
            RunKind::Stock => "stock",
        }
    }
}

/// A maximal run of words two articles share verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedRun {
    /// copy / common_quote / stock.
    pub kind: RunKind,
    /// How many words the run has.
    pub words: usize,
    /// How many of them are words of the writer's choosing (not names or figures).
    pub free_words: usize,
    /// Where it stands in the pair's first outlet.
    pub a: Passage,
    /// Where it stands in the pair's second outlet.
    pub b: Passage,
    /// Other outlets of the story whose text holds the same run.
    #[serde(default)]
    pub also_in: Vec<String>,
}

/// The share of each article of a pair that stands verbatim in the other.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ChurnShare {
    /// The share of the first outlet's words inside runs it shares with the second.
    pub a: f64,
    /// The share of the second outlet's words inside runs it shares with the first.
    pub b: f64,
    /// The same shares counting only `copy` runs (common quotes and stock words left out).
    pub a_copied: f64,
    /// See `a_copied`.
    pub b_copied: f64,
}

/// One claim both outlets of a pair carry, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimPair {
    /// The claim cluster's id (`c7`).
    pub claim: String,
    /// Where the first outlet carries it.
    pub a: TextSpan,
    /// Where the second outlet carries it.
    pub b: TextSpan,
    /// Whether it stands outside the longest run of shared claims in the same order.
    pub out_of_order: bool,
}

/// The claims both outlets of a pair carry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SharedClaims {
    /// How many claims the first outlet carries in all.
    pub of_a: usize,
    /// How many claims the second outlet carries in all.
    pub of_b: usize,
    /// How many of them both carry.
    pub shared: usize,
    /// The most of the shared claims that stand in the same order in both.
    pub in_order: usize,
    /// Every shared claim, in the first outlet's order.
    pub claims: Vec<ClaimPair>,
}

/// The kinds of shared particulars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticularKind {
    /// The same conversion or rounding of a figure (`1 million yuan (about $153,000)`).
    Conversion,
    /// The same items of a list, in the same order.
    ListOrder,
    /// A phrase the two share and no other outlet of the story uses, with a word of its own.
    RarePhrase,
    /// A spelling the two share where the other outlets write the word otherwise.
    Spelling,
}

impl ParticularKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ParticularKind::Conversion => "conversion",
            ParticularKind::ListOrder => "list_order",
            ParticularKind::RarePhrase => "rare_phrase",
            ParticularKind::Spelling => "spelling",
        }
    }
}

/// A particular the two articles of a pair share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Particular {
    /// What kind of particular.
    pub kind: ParticularKind,
    /// In plain words (`same conversion: 1 million yuan (about $153,000)`).
    pub what: String,
    /// Where it stands in the first outlet.
    pub a: Passage,
    /// Where it stands in the second outlet.
    pub b: Passage,
    /// Other outlets of the story that share it too.
    #[serde(default)]
    pub also_in: Vec<String>,
}

/// An article naming another outlet (or a news agency) as where its material came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    /// The outlet whose article gives the credit.
    pub by: String,
    /// The outlet of the story it names; None for a news agency outside the story.
    pub outlet: Option<String>,
    /// The name as written (`The Meridian Ledger`, `Reuters`).
    pub name: String,
    /// The words that make it a credit (`first reported by`, `according to`, `dateline`);
    /// empty for a mere mention.
    pub cue: String,
    /// Whether a cue says the material came from there (else the other outlet is only named).
    pub explicit: bool,
    /// Where the credit stands (the sentence naming it).
    pub passage: Passage,
}

/// When one outlet's article appeared, as far as known.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutletTime {
    /// Outlet id.
    pub outlet: String,
    /// Publication date or time as the page states it.
    pub published: Option<String>,
    /// When parallax fetched it (RFC 3339).
    pub fetched_at: Option<String>,
}

/// The times of a pair and what they say about which came first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PairTimes {
    /// The first outlet's times.
    pub a: OutletTime,
    /// The second outlet's times.
    pub b: OutletTime,
    /// The outlet that appeared first, when the times tell.
    pub earlier: Option<String>,
    /// Why (`published 2021-01-05 before 2021-01-06`).
    pub why: Option<String>,
}

/// Everything that says whether one article of a pair was written from the other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairEvidence {
    /// The first outlet (earlier in the comparison's outlets).
    pub a: String,
    /// The second outlet.
    pub b: String,
    /// How many words each article has (a's, b's).
    pub words: [usize; 2],
    /// The maximal shared runs of at least [`MIN_RUN`] words, in the first outlet's order.
    pub verbatim: Vec<SharedRun>,
    /// The share of each article standing verbatim in the other.
    pub churn: ChurnShare,
    /// The claims both carry.
    pub claims: SharedClaims,
    /// Shared particulars.
    pub particulars: Vec<Particular>,
    /// Credit either gives the other.
    pub credits: Vec<Credit>,
    /// Publication and fetch times.
    pub times: PairTimes,
}

impl PairEvidence {
    /// The runs that count as copying (beyond chance, not a common quote).
    pub fn copies(&self) -> impl Iterator<Item = &SharedRun> {
        self.verbatim.iter().filter(|r| r.kind == RunKind::Copy)
    }

    /// The other outlet of the pair.
    pub fn other(&self, outlet: &str) -> &str {
        if self.a == outlet { &self.b } else { &self.a }
    }
}

/// Computes the provenance of a finished comparison.
pub fn analyse(comparison: &Comparison) -> Provenance {
    let texts: Vec<words::OutletWords> = comparison
        .outlets
        .iter()
        .map(words::OutletWords::new)
        .collect();
    let credits = credit::find_credits(comparison, &texts);
    let carried = carried::Carried::new(comparison);
    let particulars = particulars::OutletParticulars::collect(comparison, &texts);

    let mut pairs = Vec::new();
    for i in 0..comparison.outlets.len() {
        for j in i + 1..comparison.outlets.len() {
            let a = &comparison.outlets[i];
            let b = &comparison.outlets[j];
            let (verbatim, churn, in_run) = verbatim::shared_runs(comparison, &texts, i, j);
            let shared_particulars = particulars.shared(comparison, &texts, i, j, &in_run);
            pairs.push(PairEvidence {
                a: a.id.clone(),
                b: b.id.clone(),
                words: [texts[i].len(), texts[j].len()],
                verbatim,
                churn,
                claims: carried.shared(i, j),
                particulars: shared_particulars,
                credits: credits
                    .iter()
                    .filter(|c| {
                        (c.by == a.id && c.outlet.as_deref() == Some(&b.id))
                            || (c.by == b.id && c.outlet.as_deref() == Some(&a.id))
                    })
                    .cloned()
                    .collect(),
                times: times::pair_times(a, b),
            });
        }
    }
    let relations = graph::relations(comparison, &pairs, &credits, &carried);
    Provenance {
        relations,
        pairs,
        credits,
    }
}
