//! The data every part of parallax speaks: an extracted [`Article`], and the [`Comparison`] of one
//! story's articles that the engine produces and every front end (TUI, reports) only reads.
//!
//! The serialised form of [`Comparison`] is the JSON contract of README.md, "The JSON format" (`--format json`):
//! field names here are part of that contract, so rename nothing. Fields beyond the contract
//! (word diffs, spans, structured changes, provenance) are additions that tools may ignore.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Version of the JSON document written by `--format json`. Bump on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;

/// What one outlet published, as extracted from its page (or read from a text file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Headline, cleaned; empty when the page states none.
    pub title: String,
    /// Author line as the page states it ("By Jane Doe"), without the "By".
    pub byline: Option<String>,
    /// Publication date/time as stated by the page, ISO 8601 where it could be read as such.
    pub published: Option<String>,
    /// Body paragraphs in reading order: clean, NFC, no control characters, no empty entries.
    pub paragraphs: Vec<String>,
    /// Subheadings inside the body, in reading order.
    pub headings: Vec<String>,
    /// For each entry of `headings`, the index of the paragraph it stands before
    /// (`paragraphs.len()` for a heading after the last paragraph).
    #[serde(default)]
    pub heading_positions: Vec<usize>,
}

/// One block of an article body, in reading order (see [`Article::blocks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block<'a> {
    /// A subheading.
    Heading(&'a str),
    /// A paragraph.
    Paragraph(&'a str),
}

impl Article {
    /// The body in reading order: every paragraph, with each subheading before the paragraph
    /// it stands before (headings past the last paragraph come last).
    pub fn blocks(&self) -> Vec<Block<'_>> {
        let mut blocks = Vec::with_capacity(self.paragraphs.len() + self.headings.len());
        let mut headings = self.headings.iter().zip(&self.heading_positions).peekable();
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            while let Some((heading, _)) = headings.next_if(|&(_, &p)| p <= index) {
                blocks.push(Block::Heading(heading));
            }
            blocks.push(Block::Paragraph(paragraph));
        }
        blocks.extend(headings.map(|(heading, _)| Block::Heading(heading)));
        blocks
    }
}

/// The status of one claim cluster in one outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The outlet carries the claim with the same facts (verbatim or paraphrased).
    Appears,
    /// The outlet carries a matching passage, but at least one fact differs.
    Differs,
    /// No passage of the outlet carries the claim.
    Missing,
    /// A claim only this outlet (or outlets other than the reference) carries.
    Added,
}

impl Status {
    /// The one-character symbol used wherever colour may be absent (`= ~ ∅ +`).
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Appears => "=",
            Status::Differs => "~",
            Status::Missing => "∅",
            Status::Added => "+",
        }
    }

    /// The contract's lowercase name (`appears`, `differs`, `missing`, `added`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Appears => "appears",
            Status::Differs => "differs",
            Status::Missing => "missing",
            Status::Added => "added",
        }
    }
}

/// The kind of fact a `differs` reason is about; used to filter differences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// A quantity: count, amount, percentage, range.
    Number,
    /// A date or time, absolute or relative.
    Date,
    /// Quoted words.
    Quote,
    /// A named person, organisation or place.
    Name,
    /// Who says it, or with which verb.
    Attribution,
    /// A hedge added or removed (allegedly, reportedly, may ...).
    Hedge,
    /// A negation added or removed.
    Negation,
    /// Words on one side only: a clause, qualifier or detail left out or added.
    Wording,
}

impl ChangeKind {
    /// The word that starts a reason of this kind (`number`, `date`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Number => "number",
            ChangeKind::Date => "date",
            ChangeKind::Quote => "quote",
            ChangeKind::Name => "name",
            ChangeKind::Attribution => "attribution",
            ChangeKind::Hedge => "hedge",
            ChangeKind::Negation => "negation",
            ChangeKind::Wording => "wording",
        }
    }
}

/// What a change means for the reader, weakest first (so the strongest of several is their
/// `max`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeClass {
    /// One version says more: a figure, date, name, source or quote on one side only, or a
    /// figure or date made more or less specific.
    Detail,
    /// The same facts told otherwise: another source or attribution verb, a hedge added or
    /// removed.
    Framing,
    /// The two versions cannot both be right: another number, date or name in the same place,
    /// quoted words altered, the statement negated.
    Conflict,
}

impl ChangeClass {
    /// Every class, strongest first (the order of filters and summaries).
    pub const ALL: [ChangeClass; 3] = [
        ChangeClass::Conflict,
        ChangeClass::Framing,
        ChangeClass::Detail,
    ];

    /// The contract's lowercase name (`conflict`, `framing`, `detail`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeClass::Conflict => "conflict",
            ChangeClass::Framing => "framing",
            ChangeClass::Detail => "detail",
        }
    }

    /// The one-character mark shown beside `~` wherever colour may be absent (`!` conflict,
    /// `?` framing, `.` detail).
    pub fn symbol(self) -> &'static str {
        match self {
            ChangeClass::Conflict => "!",
            ChangeClass::Framing => "?",
            ChangeClass::Detail => ".",
        }
    }
}

/// One changed fact between the claim's origin wording and an outlet's wording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactChange {
    /// What kind of fact changed.
    pub kind: ChangeKind,
    /// What the change means: conflict, framing or detail.
    pub class: ChangeClass,
    /// The fact as the origin states it (None when the outlet added it).
    pub from: Option<String>,
    /// The fact as the outlet states it (None when the outlet dropped it).
    pub to: Option<String>,
    /// The plain-words reason shown to users, e.g. `number: 60 to 80 -> 70`.
    pub reason: String,
}

/// One piece of a word diff between the claim's origin wording and an outlet's wording.
///
/// Concatenating the `equal` and `delete` pieces gives the origin text; the `equal` and
/// `insert` pieces give the outlet's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPiece {
    /// `equal`, `delete` (only in the origin) or `insert` (only in the outlet).
    pub op: DiffOp,
    /// The text of this piece, whitespace included.
    pub text: String,
}

impl DiffPiece {
    /// A piece of `text` under `op`.
    pub fn new(op: DiffOp, text: &str) -> DiffPiece {
        DiffPiece {
            op,
            text: text.to_string(),
        }
    }
}

/// The operation of a [`DiffPiece`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// Same in both.
    Equal,
    /// Only in the origin wording.
    Delete,
    /// Only in the outlet's wording.
    Insert,
}

/// Where a sentence sits in an outlet's article: a byte range of one paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// Index into the outlet's `paragraphs`.
    pub paragraph: usize,
    /// Byte offset where the sentence starts in that paragraph.
    pub start: usize,
    /// Byte offset just past the sentence's end.
    pub end: usize,
}

/// How one outlet carries one claim cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimStatus {
    /// appears / differs / missing / added.
    pub status: Status,
    /// The outlet's matching sentence(s), or None when missing.
    pub text: Option<String>,
    /// Similarity of the outlet's passage to the claim's origin wording, 0.0 to 1.0.
    pub similarity: f64,
    /// The passage stands out of the reference's order.
    pub moved: bool,
    /// Plain-words reasons for `differs` (one per changed fact), e.g. `number: 60 to 80 -> 70`.
    pub reasons: Vec<String>,
    /// The same reasons, structured, for filtering by kind.
    #[serde(default)]
    pub changes: Vec<FactChange>,
    /// The strongest class of `changes` (None unless `differs`).
    #[serde(default)]
    pub class: Option<ChangeClass>,
    /// The passage is the outlet's headline (the article's title, not one of its paragraphs).
    #[serde(default)]
    pub headline: bool,
    /// Where the passage sits in the outlet's paragraphs (empty when missing, and for the
    /// headline).
    #[serde(default)]
    pub spans: Vec<TextSpan>,
    /// Word diff from the origin wording to this outlet's wording (empty when missing or
    /// when this outlet is the origin).
    #[serde(default)]
    pub diff: Vec<DiffPiece>,
}

impl ClaimStatus {
    /// Each reason with its structured change, where `changes` holds one for it (the same
    /// position and reason text).
    pub fn reasons_with_changes(&self) -> impl Iterator<Item = (&str, Option<&FactChange>)> {
        self.reasons.iter().enumerate().map(|(position, reason)| {
            let change = self.changes.get(position).filter(|c| c.reason == *reason);
            (reason.as_str(), change)
        })
    }

    /// The reasons as a reader sees them, each after its class (`[conflict] number: 60 to 80 ->
    /// 70`).
    pub fn classed_reasons(&self) -> Vec<String> {
        self.reasons_with_changes()
            .map(|(reason, change)| match change {
                Some(change) => format!("[{}] {reason}", change.class.as_str()),
                None => reason.to_string(),
            })
            .collect()
    }

    /// The status's name with its class where it has one (`differs (conflict)`).
    pub fn status_label(&self) -> String {
        match self.class {
            Some(class) => format!("{} ({})", self.status.as_str(), class.as_str()),
            None => self.status.as_str().to_string(),
        }
    }

    /// The status of an outlet that carries nothing of the claim.
    pub fn missing() -> Self {
        ClaimStatus {
            status: Status::Missing,
            text: None,
            similarity: 0.0,
            moved: false,
            reasons: Vec::new(),
            changes: Vec::new(),
            class: None,
            headline: false,
            spans: Vec::new(),
            diff: Vec::new(),
        }
    }
}

/// The same claim as carried by several outlets: one row of the claims matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimCluster {
    /// Stable id within the comparison: `c1`, `c2`, ... in `claims` order.
    pub id: String,
    /// The reference's wording, or the first carrying outlet's wording for an added claim.
    pub text: String,
    /// The outlet whose wording `text` is.
    pub origin: String,
    /// One status per outlet, in the order of `Comparison::outlets`.
    pub statuses: IndexMap<String, ClaimStatus>,
}

impl ClaimCluster {
    /// Whether the claim's wording is its origin's headline.
    pub fn is_headline(&self) -> bool {
        self.statuses.get(&self.origin).is_some_and(|s| s.headline)
    }
}

/// One alignment group of paragraphs for side-by-side reading.
///
/// Serialised as `{"rows": [{"outlet-id": [paragraph indexes], ...}], "moved": [...]}`:
/// the contract's `rows` holds one map with every outlet (an empty list where it has none).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParagraphGroup {
    /// For each outlet (in `Comparison::outlets` order), its paragraphs in this group.
    pub cells: IndexMap<String, Vec<usize>>,
    /// Outlets whose paragraphs in this group stand out of the reference's order.
    pub moved: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct ParagraphGroupRepr {
    rows: Vec<IndexMap<String, Vec<usize>>>,
    #[serde(default)]
    moved: Vec<String>,
}

impl Serialize for ParagraphGroup {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ParagraphGroupRepr {
            rows: vec![self.cells.clone()],
            moved: self.moved.clone(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ParagraphGroup {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = ParagraphGroupRepr::deserialize(deserializer)?;
        let mut cells = IndexMap::new();
        for row in repr.rows {
            for (outlet, indexes) in row {
                cells.entry(outlet).or_insert_with(Vec::new).extend(indexes);
            }
        }
        Ok(ParagraphGroup {
            cells,
            moved: repr.moved,
        })
    }
}

/// One outlet in a comparison: who it is, what it published, and the evidence to cite it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutletEntry {
    /// Outlet id from `sources.toml` (or derived from an input name for `diff`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The article's URL, or the local path it was read from.
    pub url: String,
    /// The article's headline.
    pub title: String,
    /// Publication date as stated, or None.
    pub published: Option<String>,
    /// Byline as stated, or None.
    #[serde(default)]
    pub byline: Option<String>,
    /// When the page was fetched (RFC 3339), None for local files.
    #[serde(default)]
    pub fetched_at: Option<String>,
    /// sha256 (hex) of the raw page the article was extracted from.
    #[serde(default)]
    pub sha256: Option<String>,
    /// The article's paragraphs, as compared (indexes in spans and groups point here).
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Subheadings and where they stand (see [`Article::heading_positions`]).
    #[serde(default)]
    pub headings: Vec<String>,
    /// For each heading, the paragraph index it stands before.
    #[serde(default)]
    pub heading_positions: Vec<usize>,
}

impl OutletEntry {
    /// An outlet whose article is given as text, named by its id: a headline (empty for none)
    /// and its paragraphs.
    pub fn from_text(id: &str, headline: &str, paragraphs: &[&str]) -> OutletEntry {
        OutletEntry {
            id: id.to_string(),
            name: id.to_string(),
            title: headline.to_string(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..OutletEntry::default()
        }
    }

    /// Paragraph `index` with the subheadings that stand before it and, for the last
    /// paragraph, those that close the article: what any view walking the paragraphs shows.
    pub fn blocks_at(&self, index: usize) -> Vec<Block<'_>> {
        let Some(paragraph) = self.paragraphs.get(index) else {
            return Vec::new();
        };
        let headings_at = |at: usize| {
            self.headings
                .iter()
                .zip(&self.heading_positions)
                .filter(move |&(_, &position)| position == at)
                .map(|(heading, _)| Block::Heading(heading))
        };
        let mut blocks: Vec<Block<'_>> = headings_at(index).collect();
        blocks.push(Block::Paragraph(paragraph));
        if index + 1 == self.paragraphs.len() {
            blocks.extend(headings_at(self.paragraphs.len()));
        }
        blocks
    }
}

/// An outlet of the story whose article could not be had; the rest are compared without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletFailure {
    /// Outlet id.
    pub id: String,
    /// URL or path that failed.
    pub url: String,
    /// What went wrong, in plain words (status, cause).
    pub error: String,
}

/// The thresholds and switches that decide statuses; recorded in every export so that a finding
/// can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EngineSettings {
    /// Minimum similarity for two sentences to join a split claim, to cluster claims through other
    /// outlets and to group added claims (whether a passage carries a reference claim is the
    /// fitted scorer's decision, `src/align/match_weights.json`).
    pub claim_match: f64,
    /// Minimum similarity for a sentence that stands in a claim's place (between the passages
    /// carrying its neighbours) and is that claim's best match, and the claim its best match.
    pub claim_match_in_place: f64,
    /// Minimum similarity for two paragraphs to be aligned side by side.
    pub paragraph_match: f64,
    /// Time budget for all word diffs of one comparison, in milliseconds.
    pub diff_deadline_ms: u64,
    /// Lexicon files (relative to `sources.toml`) that declare names of one entity and extend
    /// the engine's word lists.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lexicon: Vec<String>,
    /// What those files declare, read when the config is loaded.
    #[serde(skip)]
    pub lexicon_words: crate::text::lexicon::Lexicon,
}

impl Default for EngineSettings {
    fn default() -> Self {
        EngineSettings {
            claim_match: 0.35,
            claim_match_in_place: 0.2,
            paragraph_match: 0.2,
            diff_deadline_ms: 500,
            lexicon: Vec::new(),
            lexicon_words: Default::default(),
        }
    }
}

/// The comparison of one story's articles: the contract between the engine and every front end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// Story id.
    pub story: String,
    /// Outlet id of the reference article.
    pub reference: String,
    /// Compared outlets, reference first.
    pub outlets: Vec<OutletEntry>,
    /// Claim clusters: the reference's claims in its order, then added claims.
    pub claims: Vec<ClaimCluster>,
    /// Paragraph alignment groups in reading order.
    pub paragraphs: Vec<ParagraphGroup>,
    /// Outlets of the story that could not be compared, with why.
    #[serde(default)]
    pub failures: Vec<OutletFailure>,
    /// The settings that decided the statuses.
    #[serde(default)]
    pub settings: EngineSettings,
    /// The parallax version that computed this comparison.
    #[serde(default)]
    pub parallax_version: String,
    /// Who was written from whom: the provenance graph and the evidence of every pair of
    /// outlets ([`crate::provenance`]).
    #[serde(default)]
    pub provenance: crate::provenance::Provenance,
}

impl Comparison {
    /// The outlet entry with this id, if compared.
    pub fn outlet(&self, id: &str) -> Option<&OutletEntry> {
        self.outlets.iter().find(|o| o.id == id)
    }

    /// The claim outlet `id`'s headline carries (its index) and the outlet's status there: the
    /// reference's headline, a body claim, or an added claim of its own.
    pub fn headline_status(&self, id: &str) -> Option<(usize, &ClaimStatus)> {
        self.claims.iter().enumerate().find_map(|(c, claim)| {
            claim
                .statuses
                .get(id)
                .filter(|s| s.headline)
                .map(|status| (c, status))
        })
    }

    /// Where outlet `id`'s passages carrying the reference's claims stand among the
    /// side-by-side rows (`paragraphs`), for what a view shows where the outlet has nothing.
    pub fn row_carriers(&self, id: &str) -> RowCarriers {
        let rows = self.paragraphs.len();
        let row_of = |outlet: &str| {
            let count = self.outlet(outlet).map_or(0, |o| o.paragraphs.len());
            let mut row_of = vec![None; count];
            for (row, group) in self.paragraphs.iter().enumerate() {
                for &p in group.cells.get(outlet).into_iter().flatten() {
                    if let Some(slot) = row_of.get_mut(p) {
                        *slot = Some(row);
                    }
                }
            }
            row_of
        };
        let reference_row = row_of(&self.reference);
        let mut by_row: Vec<Vec<usize>> = vec![Vec::new(); rows];
        for claim in self.claims.iter().filter(|c| c.origin == self.reference) {
            let row = claim
                .statuses
                .get(&self.reference)
                .and_then(|s| s.spans.first())
                .and_then(|span| reference_row.get(span.paragraph).copied().flatten());
            let (Some(row), Some(status)) = (row, claim.statuses.get(id)) else {
                continue;
            };
            if matches!(status.status, Status::Appears | Status::Differs) {
                by_row[row].extend(status.spans.iter().map(|span| span.paragraph));
            }
        }
        for paragraphs in &mut by_row {
            paragraphs.sort_unstable();
            paragraphs.dedup();
        }
        RowCarriers {
            by_row,
            row_of: row_of(id),
        }
    }
}

/// One outlet's passages that carry the reference's claims, by side-by-side row (see
/// [`Comparison::row_carriers`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowCarriers {
    /// For each row, the outlet's paragraphs (sorted) carrying a claim of the row's reference
    /// paragraphs.
    by_row: Vec<Vec<usize>>,
    /// For each of the outlet's paragraphs, the row it stands in.
    row_of: Vec<Option<usize>>,
}

impl RowCarriers {
    /// The outlet's paragraphs carrying a claim of row `row`'s reference paragraphs.
    pub fn carriers(&self, row: usize) -> &[usize] {
        self.by_row.get(row).map_or(&[], Vec::as_slice)
    }

    /// The row outlet paragraph `paragraph` stands in.
    pub fn row_of(&self, paragraph: usize) -> Option<usize> {
        self.row_of.get(paragraph).copied().flatten()
    }

    /// What a view shows where the outlet has nothing in row `row`: "not carried", or, when it
    /// carries the row's claims in passages standing in other rows, where those are (its own
    /// paragraph numbers, from 1, and whether above or below).
    pub fn empty_cell_note(&self, row: usize) -> String {
        let carriers = self.carriers(row);
        let Some(&first) = carriers.first() else {
            return NOT_CARRIED.to_string();
        };
        let places: Vec<String> = carriers.iter().map(|p| format!("¶{}", p + 1)).collect();
        let side = if self.row_of(first).is_some_and(|at| at < row) {
            "above"
        } else {
            "below"
        };
        format!("· carried in its {}, {side} ·", places.join(", "))
    }
}

/// The placeholder of an outlet with nothing for a side-by-side row.
pub const NOT_CARRIED: &str = "· not carried ·";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_group_serialises_as_rows_of_one_map() {
        let mut cells = IndexMap::new();
        cells.insert("a".to_string(), vec![0]);
        cells.insert("b".to_string(), vec![]);
        let group = ParagraphGroup {
            cells,
            moved: vec![],
        };
        let json = serde_json::to_string(&group).unwrap();
        assert_eq!(json, r#"{"rows":[{"a":[0],"b":[]}],"moved":[]}"#);
        let back: ParagraphGroup = serde_json::from_str(&json).unwrap();
        assert_eq!(back, group);
    }

    #[test]
    fn blocks_put_each_heading_before_its_paragraph() {
        let article = Article {
            paragraphs: vec!["a".into(), "b".into()],
            headings: vec!["H1".into(), "H2".into(), "End".into()],
            heading_positions: vec![0, 1, 2],
            ..Article::default()
        };
        assert_eq!(
            article.blocks(),
            [
                Block::Heading("H1"),
                Block::Paragraph("a"),
                Block::Heading("H2"),
                Block::Paragraph("b"),
                Block::Heading("End"),
            ]
        );
    }

    #[test]
    fn outlet_blocks_at_a_paragraph_carry_its_headings_and_the_closing_ones() {
        let outlet = OutletEntry {
            paragraphs: vec!["a".into(), "b".into()],
            headings: vec!["H1".into(), "H2".into(), "End".into()],
            heading_positions: vec![0, 1, 2],
            ..OutletEntry::default()
        };
        assert_eq!(
            outlet.blocks_at(0),
            [Block::Heading("H1"), Block::Paragraph("a")]
        );
        assert_eq!(
            outlet.blocks_at(1),
            [
                Block::Heading("H2"),
                Block::Paragraph("b"),
                Block::Heading("End")
            ]
        );
        assert!(outlet.blocks_at(2).is_empty());
    }

    #[test]
    fn status_names_follow_the_contract() {
        assert_eq!(
            serde_json::to_string(&Status::Differs).unwrap(),
            r#""differs""#
        );
        assert_eq!(Status::Missing.symbol(), "∅");
    }
}
