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
//! statuses   (story, claim, outlet, status, class, moved, similarity, text, paragraphs,
//!             headline; PK (story, claim, outlet))
//! reasons    (story, claim, outlet, position, kind, class, from_text, to_text, reason;
//!             PK (story, claim, outlet, position))
//! failures   (story, outlet, url, error)
//! provenance_relations (story, source, derived, class, confidence, strength, share, direction,
//!             via, evidence JSON; PK (story, source, derived))
//! provenance_pairs (story, a, b, words_a, words_b, churn_a, churn_b, copied_a, copied_b,
//!             claims_a, claims_b, shared_claims, in_order, earlier; PK (story, a, b))
//! provenance_evidence (story, a, b, position, kind, type, words, what, a_outlet, a_paragraph,
//!             a_start, a_end, a_text, b_outlet, b_paragraph, b_start, b_end, b_text;
//!             PK (story, a, b, position))
//! VIEW provenance_outlet_pairs (source, derived, stories_together, stories_derived, wholly,
//!             partially, mean_share, mean_confidence, stories): across every story of the
//!             database, how often and how much one outlet derives from another
//! ```
//!
//! and the framing table of [`super::sqlite_framing`] (`framing_words`).
//!
//! For example, the outlets that most often change a number:
//! `SELECT outlet, count(*) FROM reasons WHERE kind = 'number' GROUP BY outlet ORDER BY 2 DESC;`
//! and those whose changes most often conflict:
//! `SELECT outlet, count(*) FROM statuses WHERE class = 'conflict' GROUP BY outlet ORDER BY 2 DESC;`
//! and which outlets reprint which:
//! `SELECT * FROM provenance_outlet_pairs ORDER BY stories_derived DESC;`

use rusqlite::{Connection, params};

use super::ReportError;
use super::evidence::parallax_version;
use super::summary::paragraph_indexes;
use crate::model::Comparison;

/// Version of the table layout below; bump on any incompatible change.
pub const SCHEMA_VERSION: u32 = 5;

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
  headline INTEGER NOT NULL CHECK (headline IN (0, 1)),
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
CREATE TABLE provenance_relations (
  story TEXT NOT NULL REFERENCES stories(story),
  source TEXT NOT NULL,
  derived TEXT NOT NULL,
  class TEXT NOT NULL CHECK (class IN ('wholly', 'partially', 'independent', 'undetermined')),
  confidence REAL NOT NULL,
  strength REAL NOT NULL,
  share REAL NOT NULL,
  direction TEXT CHECK (direction IN ('credit', 'time', 'content')),
  via TEXT,
  evidence TEXT NOT NULL,
  PRIMARY KEY (story, source, derived)
);
CREATE TABLE provenance_pairs (
  story TEXT NOT NULL REFERENCES stories(story),
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  words_a INTEGER NOT NULL,
  words_b INTEGER NOT NULL,
  churn_a REAL NOT NULL,
  churn_b REAL NOT NULL,
  copied_a REAL NOT NULL,
  copied_b REAL NOT NULL,
  claims_a INTEGER NOT NULL,
  claims_b INTEGER NOT NULL,
  shared_claims INTEGER NOT NULL,
  in_order INTEGER NOT NULL,
  earlier TEXT,
  PRIMARY KEY (story, a, b)
);
CREATE TABLE provenance_evidence (
  story TEXT NOT NULL,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('verbatim', 'particular', 'credit')),
  type TEXT NOT NULL,
  words INTEGER,
  what TEXT NOT NULL,
  a_outlet TEXT NOT NULL,
  a_paragraph INTEGER NOT NULL,
  a_start INTEGER NOT NULL,
  a_end INTEGER NOT NULL,
  a_text TEXT NOT NULL,
  b_outlet TEXT,
  b_paragraph INTEGER,
  b_start INTEGER,
  b_end INTEGER,
  b_text TEXT,
  PRIMARY KEY (story, a, b, position),
  FOREIGN KEY (story, a, b) REFERENCES provenance_pairs(story, a, b)
);
CREATE VIEW provenance_outlet_pairs AS
WITH direct AS (
  SELECT story, source, derived, class, share, confidence FROM provenance_relations
  WHERE class IN ('wholly', 'partially') AND direction IS NOT NULL AND via IS NULL
)
SELECT d.source AS source, d.derived AS derived,
  (SELECT count(*) FROM provenance_pairs p
    WHERE (p.a = d.source AND p.b = d.derived) OR (p.a = d.derived AND p.b = d.source)) AS stories_together,
  count(*) AS stories_derived,
  sum(d.class = 'wholly') AS wholly,
  sum(d.class = 'partially') AS partially,
  round(avg(d.share), 3) AS mean_share,
  round(avg(d.confidence), 3) AS mean_confidence,
  group_concat(d.story, ';') AS stories
FROM direct d GROUP BY d.source, d.derived;
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
            let mut status_row = tx
                .prepare("INSERT INTO statuses VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
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
                        paragraphs,
                        status.headline
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
            write_provenance(&tx, comparison)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The database file's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, ReportError> {
        Ok(self.db.serialize("main")?.to_vec())
    }
}

/// The provenance tables of one comparison.
fn write_provenance(
    tx: &rusqlite::Transaction,
    comparison: &Comparison,
) -> Result<(), ReportError> {
    let story = comparison.story.as_str();
    let provenance = &comparison.provenance;
    let mut relation = tx.prepare(
        "INSERT INTO provenance_relations VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for r in &provenance.relations {
        let evidence = serde_json::to_string(&r.evidence)
            .map_err(|err| ReportError::Unsupported(format!("provenance: {err}")))?;
        relation.execute(params![
            story,
            r.source,
            r.derived,
            r.class.as_str(),
            r.confidence,
            r.strength,
            r.share,
            r.direction.map(|d| d.as_str()),
            r.via,
            evidence
        ])?;
    }
    let mut pair_row = tx.prepare(
        "INSERT INTO provenance_pairs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut item = tx.prepare(
        "INSERT INTO provenance_evidence VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    for p in &provenance.pairs {
        pair_row.execute(params![
            story,
            p.a,
            p.b,
            count(p.words[0]),
            count(p.words[1]),
            p.churn.a,
            p.churn.b,
            p.churn.a_copied,
            p.churn.b_copied,
            count(p.claims.of_a),
            count(p.claims.of_b),
            count(p.claims.shared),
            count(p.claims.in_order),
            p.times.earlier
        ])?;
        let mut position = 0usize;
        let mut add = |kind: &str,
                       kind_of: &str,
                       words: Option<usize>,
                       what: &str,
                       a: &crate::provenance::Passage,
                       b: Option<&crate::provenance::Passage>|
         -> rusqlite::Result<()> {
            item.execute(params![
                story,
                p.a,
                p.b,
                count(position),
                kind,
                kind_of,
                words.map(count),
                what,
                a.outlet,
                count(a.paragraph),
                count(a.start),
                count(a.end),
                a.text,
                b.map(|b| b.outlet.as_str()),
                b.map(|b| count(b.paragraph)),
                b.map(|b| count(b.start)),
                b.map(|b| count(b.end)),
                b.map(|b| b.text.as_str())
            ])?;
            position += 1;
            Ok(())
        };
        for run in &p.verbatim {
            let what = format!(
                "{} words, {} of the writer's choosing",
                run.words, run.free_words
            );
            add(
                "verbatim",
                run.kind.as_str(),
                Some(run.words),
                &what,
                &run.a,
                Some(&run.b),
            )?;
        }
        for particular in &p.particulars {
            add(
                "particular",
                particular.kind.as_str(),
                None,
                &particular.what,
                &particular.a,
                Some(&particular.b),
            )?;
        }
        for credit in &p.credits {
            let (kind_of, what) = if credit.explicit {
                (
                    "explicit",
                    format!("{} credits {} ({})", credit.by, credit.name, credit.cue),
                )
            } else {
                ("mention", format!("{} names {}", credit.by, credit.name))
            };
            add("credit", kind_of, None, &what, &credit.passage, None)?;
        }
    }
    Ok(())
}

/// A count or index as SQLite's integer (no comparison comes near `i64::MAX` items).
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
