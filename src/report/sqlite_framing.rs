//! The framing table of the SQLite export: every word-choice substitution, actor label,
//! attribution verb, hedge and intensifier of each story's outlets
//! ([`crate::framing::analyse`]), one row per outlet and word, so a collection can be counted
//! across stories:
//!
//! ```sql
//! framing_words (story, outlet, kind, reference_text, text, actor, count, loaded, claims)
//! ```
//!
//! `kind` is `substitution` (`reference_text` the reference's words, `text` the outlet's),
//! `label` or `epithet` (`actor` the actor's name), `attribution`, `hedge` or `intensifier`;
//! `loaded` lists the loaded words with their VADER valence, `claims` the claim ids (`;`). For
//! example the outlets that say "regime", over every story:
//! `SELECT outlet, sum(count) FROM framing_words WHERE lower(text) = 'regime' GROUP BY outlet;`

use rusqlite::{Transaction, params};

use crate::framing::{Framing, LoadedWord, Occurrence, WordCount, analyse};
use crate::model::Comparison;

/// The table's definition.
pub(super) const SCHEMA: &str = "
CREATE TABLE framing_words (
  story TEXT NOT NULL REFERENCES stories(story),
  outlet TEXT NOT NULL REFERENCES outlets(outlet),
  kind TEXT NOT NULL CHECK (kind IN
    ('substitution', 'label', 'epithet', 'attribution', 'hedge', 'intensifier')),
  reference_text TEXT,
  text TEXT NOT NULL,
  actor TEXT,
  count INTEGER NOT NULL,
  loaded TEXT NOT NULL,
  claims TEXT NOT NULL
);
CREATE INDEX framing_words_by_text ON framing_words(text, outlet);
";

/// One row of `framing_words`, before the story.
struct WordRow<'a> {
    outlet: &'a str,
    kind: &'static str,
    reference_text: Option<&'a str>,
    text: &'a str,
    actor: Option<&'a str>,
    count: usize,
    loaded: &'a [LoadedWord],
    occurrences: &'a [Occurrence],
}

/// Inserts the framing of one comparison (its outlets and story rows already written).
pub(super) fn insert(tx: &Transaction<'_>, comparison: &Comparison) -> rusqlite::Result<()> {
    let mut row =
        tx.prepare("INSERT INTO framing_words VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    for word in rows(&analyse(comparison)) {
        let loaded: Vec<String> = word
            .loaded
            .iter()
            .map(|w| format!("{} {:+.1}", w.word, w.valence))
            .collect();
        let claims: Vec<&str> = word.occurrences.iter().map(|o| o.claim.as_str()).collect();
        row.execute(params![
            comparison.story,
            word.outlet,
            word.kind,
            word.reference_text,
            word.text,
            word.actor,
            i64::try_from(word.count).unwrap_or(i64::MAX),
            loaded.join(";"),
            claims.join(";")
        ])?;
    }
    Ok(())
}

/// Every row of a framing.
fn rows(framing: &Framing) -> Vec<WordRow<'_>> {
    let mut rows = Vec::new();
    for outlet in &framing.substitutions {
        for s in &outlet.substitutions {
            rows.push(WordRow {
                outlet: &outlet.outlet,
                kind: "substitution",
                reference_text: Some(&s.from),
                text: &s.to,
                actor: None,
                count: s.count,
                loaded: &s.loaded,
                occurrences: &s.occurrences,
            });
        }
    }
    for actor in &framing.actors {
        for (outlet, labels) in &actor.labels {
            for label in labels {
                rows.push(WordRow {
                    outlet,
                    kind: if label.epithet { "epithet" } else { "label" },
                    reference_text: None,
                    text: &label.text,
                    actor: Some(&actor.name),
                    count: label.count,
                    loaded: &label.loaded,
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
                text: &w.word,
                actor: None,
                count: w.count,
                loaded: &[],
                occurrences: &w.occurrences,
            }));
        }
    }
    rows
}
