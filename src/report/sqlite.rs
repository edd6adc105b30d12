//! The SQLite export (`--format sqlite`): every story, outlet, article version, claim, status
//! and reason as tables with keys, so that SQL works across a whole collection of stories.
//! The database is built in memory and handed back as bytes, so the caller writes it
//! atomically like every other format.
//!
//! Schema (`PRAGMA user_version` is [`SCHEMA_VERSION`]):
//!
//! ```sql
//! stories    (story PK, reference, claim_count, format_version, parallax_version, settings JSON)
//! outlets    (outlet PK, name)
//! articles   (story, outlet, url, title, published, byline, fetched_at, sha256, paragraph_count;
//!             PK (story, outlet))
//! paragraphs (story, outlet, paragraph, text; PK (story, outlet, paragraph))
//! claims     (story, claim, position, origin, text; PK (story, claim))
//! statuses   (story, claim, outlet, status, class, moved, similarity, text, paragraphs;
//!             PK (story, claim, outlet))
//! reasons    (story, claim, outlet, position, kind, class, from_text, to_text, reason;
//!             PK (story, claim, outlet, position))
//! failures   (story, outlet, url, error)
//! ```
//!
//! and the framing table of [`super::sqlite_framing`] (`framing_words`).
//!
//! For example, the outlets that most often change a number:
//! `SELECT outlet, count(*) FROM reasons WHERE kind = 'number' GROUP BY outlet ORDER BY 2 DESC;`
//! and those whose changes most often conflict:
//! `SELECT outlet, count(*) FROM statuses WHERE class = 'conflict' GROUP BY outlet ORDER BY 2 DESC;`

use rusqlite::{Connection, params};

use super::ReportError;
use super::evidence::parallax_version;
use super::summary::paragraph_indexes;
use crate::model::Comparison;

/// Version of the table layout below; bump on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

const SCHEMA: &str = "
CREATE TABLE stories (
  story TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  claim_count INTEGER NOT NULL,
  format_version INTEGER NOT NULL,
  parallax_version TEXT NOT NULL,
  settings TEXT NOT NULL
);
CREATE TABLE outlets (
  outlet TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE articles (
  story TEXT NOT NULL REFERENCES stories(story),
  outlet TEXT NOT NULL REFERENCES outlets(outlet),
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  published TEXT,
  byline TEXT,
  fetched_at TEXT,
  sha256 TEXT,
  paragraph_count INTEGER NOT NULL,
  PRIMARY KEY (story, outlet)
);
CREATE TABLE paragraphs (
  story TEXT NOT NULL,
  outlet TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (story, outlet, paragraph),
  FOREIGN KEY (story, outlet) REFERENCES articles(story, outlet)
);
CREATE TABLE claims (
  story TEXT NOT NULL REFERENCES stories(story),
  claim TEXT NOT NULL,
  position INTEGER NOT NULL,
  origin TEXT NOT NULL REFERENCES outlets(outlet),
  text TEXT NOT NULL,
  PRIMARY KEY (story, claim)
);
CREATE TABLE statuses (
  story TEXT NOT NULL,
  claim TEXT NOT NULL,
  outlet TEXT NOT NULL REFERENCES outlets(outlet),
  status TEXT NOT NULL CHECK (status IN ('appears', 'differs', 'missing', 'added')),
  class TEXT CHECK (class IN ('conflict', 'framing', 'detail')),
  moved INTEGER NOT NULL CHECK (moved IN (0, 1)),
  similarity REAL NOT NULL,
  text TEXT,
  paragraphs TEXT NOT NULL,
  PRIMARY KEY (story, claim, outlet),
  FOREIGN KEY (story, claim) REFERENCES claims(story, claim)
);
CREATE TABLE reasons (
  story TEXT NOT NULL,
  claim TEXT NOT NULL,
  outlet TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT,
  class TEXT CHECK (class IN ('conflict', 'framing', 'detail')),
  from_text TEXT,
  to_text TEXT,
  reason TEXT NOT NULL,
  PRIMARY KEY (story, claim, outlet, position),
  FOREIGN KEY (story, claim, outlet) REFERENCES statuses(story, claim, outlet)
);
CREATE TABLE failures (
  story TEXT NOT NULL REFERENCES stories(story),
  outlet TEXT NOT NULL,
  url TEXT NOT NULL,
  error TEXT NOT NULL
);
CREATE INDEX statuses_by_outlet ON statuses(outlet, status);
CREATE INDEX reasons_by_kind ON reasons(kind, outlet);
";

/// Builds a database of one or more comparisons in memory.
pub struct SqliteWriter {
    db: Connection,
}

impl SqliteWriter {
    /// An empty database with the schema.
    pub fn new() -> Result<Self, ReportError> {
        let db = Connection::open_in_memory()?;
        db.execute_batch("PRAGMA foreign_keys = ON;")?;
        db.execute_batch(SCHEMA)?;
        db.execute_batch(super::sqlite_framing::SCHEMA)?;
        db.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(SqliteWriter { db })
    }

    /// Adds one comparison in one transaction; on error (two stories with one id, two claims
    /// with one id ...) nothing of it is kept.
    pub fn write_comparison(&mut self, comparison: &Comparison) -> Result<(), ReportError> {
        let tx = self.db.transaction()?;
        let story = comparison.story.as_str();
        let settings = serde_json::to_string(&comparison.settings)
            .map_err(|err| ReportError::Unsupported(format!("settings: {err}")))?;
        tx.execute(
            "INSERT INTO stories VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                story,
                comparison.reference,
                count(comparison.claims.len()),
                comparison.version,
                parallax_version(comparison),
                settings
            ],
        )?;
        {
            let mut outlet = tx.prepare("INSERT OR IGNORE INTO outlets VALUES (?1, ?2)")?;
            let mut article =
                tx.prepare("INSERT INTO articles VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
            let mut paragraph = tx.prepare("INSERT INTO paragraphs VALUES (?1, ?2, ?3, ?4)")?;
            for entry in &comparison.outlets {
                outlet.execute(params![entry.id, entry.name])?;
                article.execute(params![
                    story,
                    entry.id,
                    entry.url,
                    entry.title,
                    entry.published,
                    entry.byline,
                    entry.fetched_at,
                    entry.sha256,
                    count(entry.paragraphs.len())
                ])?;
                for (index, text) in entry.paragraphs.iter().enumerate() {
                    paragraph.execute(params![story, entry.id, count(index), text])?;
                }
            }
            let mut claim_row = tx.prepare("INSERT INTO claims VALUES (?1, ?2, ?3, ?4, ?5)")?;
            let mut status_row =
                tx.prepare("INSERT INTO statuses VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
            let mut reason_row =
                tx.prepare("INSERT INTO reasons VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
            for (position, claim) in comparison.claims.iter().enumerate() {
                // An origin or outlet that is not among the compared outlets still gets a row,
                // so the keys hold for any comparison.
                outlet.execute(params![claim.origin, claim.origin])?;
                claim_row.execute(params![
                    story,
                    claim.id,
                    count(position),
                    claim.origin,
                    claim.text
                ])?;
                for (outlet_id, status) in &claim.statuses {
                    outlet.execute(params![outlet_id, outlet_id])?;
                    let paragraphs = paragraph_indexes(status)
                        .iter()
                        .map(|i| i.to_string())
                        .collect::<Vec<_>>()
                        .join(";");
                    status_row.execute(params![
                        story,
                        claim.id,
                        outlet_id,
                        status.status.as_str(),
                        status.class.map(|c| c.as_str()),
                        status.moved,
                        status.similarity,
                        status.text,
                        paragraphs
                    ])?;
                    for (position, (reason, change)) in status.reasons_with_changes().enumerate() {
                        reason_row.execute(params![
                            story,
                            claim.id,
                            outlet_id,
                            count(position),
                            change.map(|c| c.kind.as_str()),
                            change.map(|c| c.class.as_str()),
                            change.and_then(|c| c.from.as_deref()),
                            change.and_then(|c| c.to.as_deref()),
                            reason
                        ])?;
                    }
                }
            }
            let mut failure = tx.prepare("INSERT INTO failures VALUES (?1, ?2, ?3, ?4)")?;
            for entry in &comparison.failures {
                failure.execute(params![story, entry.id, entry.url, entry.error])?;
            }
            super::sqlite_framing::insert(&tx, comparison)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The database file's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, ReportError> {
        Ok(self.db.serialize("main")?.to_vec())
    }
}

/// A count or index as SQLite's integer (no comparison comes near `i64::MAX` items).
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
