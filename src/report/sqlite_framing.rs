//! The framing table of the SQLite export: every word-choice substitution, loaded word added
//! or left out, actor label, attribution verb, hedge and intensifier of each story's outlets
//! ([`crate::framing::analyse`]), one row per outlet and word, so a collection can be counted
//! across stories:
//!
//! ```sql
//! framing_words (story, outlet, kind, reference_text, text, actor, count, loaded, claims)
//! ```
//!
//! `kind` is `substitution` (`reference_text` the reference's words, `text` the outlet's),
//! `added` (a loaded word the outlet adds to a claim the reference carries: `reference_text`
//! NULL), `left_out` (a loaded word of the reference's wording the outlet's lacks: `text`
//! NULL), `label` or `epithet` (`actor` the actor's name), `attribution`, `hedge` or
//! `intensifier`;
//! `loaded` lists the loaded words with their VADER valence, `claims` the claim ids (`;`). For
//! example the outlets that say "regime", over every story:
//! `SELECT outlet, sum(count) FROM framing_words WHERE lower(text) = 'regime' GROUP BY outlet;`
//! The CSV table of `--table framing` ([`super::csv`]) has the same columns and cells.

use rusqlite::{Transaction, params};

use crate::framing::{Framing, LoadedWord, Occurrence, OneSidedWord, WordCount, analyse};
use crate::model::Comparison;

/// The table's definition.
pub(super) const SCHEMA: &str = "
CREATE TABLE framing_words (
  story TEXT NOT NULL REFERENCES stories(story),
  outlet TEXT NOT NULL REFERENCES outlets(outlet),
  kind TEXT NOT NULL CHECK (kind IN
    ('substitution', 'added', 'left_out', 'label', 'epithet', 'attribution', 'hedge',
     'intensifier')),
  reference_text TEXT,
  text TEXT,
  actor TEXT,
  count INTEGER NOT NULL,
  loaded TEXT NOT NULL,
  claims TEXT NOT NULL
);
CREATE INDEX framing_words_by_text ON framing_words(text, outlet);
";

/// The table's columns, in order.
pub const COLUMNS: [&str; 9] = [
    "story",
    "outlet",
    "kind",
    "reference_text",
    "text",
    "actor",
    "count",
    "loaded",
    "claims",
];

/// One row of `framing_words`, before the story.
pub(super) struct WordRow<'a> {
    pub outlet: &'a str,
    pub kind: &'static str,
    pub reference_text: Option<&'a str>,
    pub text: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub count: usize,
    pub loaded: Loaded<'a>,
    pub occurrences: &'a [Occurrence],
}

/// The loaded words of a row: an entry's list, or a one-sided word's own valence.
pub(super) enum Loaded<'a> {
    Words(&'a [LoadedWord]),
    Valence(&'a str, f64),
}

impl WordRow<'_> {
    /// The `loaded` cell: each loaded word with its valence (`stealing -2.7`), `;` between.
    pub fn loaded_cell(&self) -> String {
        let shown = |word: &str, valence: f64| format!("{word} {valence:+.1}");
        match self.loaded {
            Loaded::Words(words) => words
                .iter()
                .map(|w| shown(&w.word, w.valence))
                .collect::<Vec<_>>()
                .join(";"),
            Loaded::Valence(word, valence) => shown(word, valence),
        }
    }

    /// The `claims` cell: the claim ids, `;` between.
    pub fn claims_cell(&self) -> String {
        let claims: Vec<&str> = self.occurrences.iter().map(|o| o.claim.as_str()).collect();
        claims.join(";")
    }
}

/// Inserts the framing of one comparison (its outlets and story rows already written).
pub(super) fn insert(tx: &Transaction<'_>, comparison: &Comparison) -> rusqlite::Result<()> {
    let mut row =
        tx.prepare("INSERT INTO framing_words VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    for word in rows(&analyse(comparison)) {
        row.execute(params![
            comparison.story,
            word.outlet,
            word.kind,
            word.reference_text,
            word.text,
            word.actor,
            i64::try_from(word.count).unwrap_or(i64::MAX),
            word.loaded_cell(),
            word.claims_cell()
        ])?;
    }
    Ok(())
}

/// Every row of a framing.
pub(super) fn rows<'f>(framing: &'f Framing) -> Vec<WordRow<'f>> {
    let mut rows = Vec::new();
    for outlet in &framing.substitutions {
        for s in &outlet.substitutions {
            rows.push(WordRow {
                outlet: &outlet.outlet,
                kind: "substitution",
                reference_text: Some(&s.from),
                text: Some(&s.to),
                actor: None,
                count: s.count,
                loaded: Loaded::Words(&s.loaded),
                occurrences: &s.occurrences,
            });
        }
        let one_sided = |kind, word: &'f OneSidedWord| WordRow {
            outlet: &outlet.outlet,
            kind,
            reference_text: (kind == "left_out").then_some(word.word.as_str()),
            text: (kind == "added").then_some(word.word.as_str()),
            actor: None,
            count: word.count,
            loaded: Loaded::Valence(&word.word, word.valence),
            occurrences: &word.occurrences,
        };
        rows.extend(outlet.added.iter().map(|word| one_sided("added", word)));
        rows.extend(
            outlet
                .left_out
                .iter()
                .map(|word| one_sided("left_out", word)),
        );
    }
    for actor in &framing.actors {
        for (outlet, labels) in &actor.labels {
            for label in labels {
                rows.push(WordRow {
                    outlet,
                    kind: if label.epithet { "epithet" } else { "label" },
                    reference_text: None,
                    text: Some(&label.text),
                    actor: Some(&actor.name),
                    count: label.count,
                    loaded: Loaded::Words(&label.loaded),
                    occurrences: &label.occurrences,
                });
            }
        }
    }
    for voice in &framing.voice {
        let kinds: [(&'static str, &[WordCount]); 3] = [
            ("attribution", &voice.attribution_verbs),
            ("hedge", &voice.hedges),
            ("intensifier", &voice.intensifiers),
        ];
        for (kind, words) in kinds {
            rows.extend(words.iter().map(|w| WordRow {
                outlet: &voice.outlet,
                kind,
                reference_text: None,
                text: Some(&w.word),
                actor: None,
                count: w.count,
                loaded: Loaded::Words(&[]),
                occurrences: &w.occurrences,
            }));
        }
    }
    rows
}
