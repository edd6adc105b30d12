//! Whether a file is a report parallax wrote (any format, the provenance text among them), so that `-o FILE` may replace it
//! without `--force`: anything else there (a user's database, notes) is refused instead.

use std::io::Read;
use std::path::Path;

/// How much of the start of a file is read to recognise a text report.
const SIGNATURE_BYTES: u64 = 4096;

/// The tables of the SQLite export; a database holding any other is the user's own.
const REPORT_TABLES: [&str; 12] = [
    "stories",
    "outlets",
    "articles",
    "paragraphs",
    "claims",
    "statuses",
    "reasons",
    "failures",
    "framing_words",
    "provenance_relations",
    "provenance_pairs",
    "provenance_evidence",
];

/// Whether the file at `path` is a parallax report: JSON, CSV, Markdown or HTML by how it
/// starts, SQLite by holding only the export's tables.
pub fn is_report(path: &Path) -> bool {
    let mut start = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(SIGNATURE_BYTES).read_to_end(&mut start));
    if read.is_err() {
        return false;
    }
    if start.starts_with(b"SQLite format 3\0") {
        return is_report_database(path);
    }
    let text = String::from_utf8_lossy(&start);
    let text = text.trim_start_matches('\u{FEFF}');
    let json = text.starts_with("{\n  \"version\": ") && text.contains("\n  \"story\": ");
    let csv = text.starts_with("story,claim_id,origin,outlet,status,")
        || text.starts_with("story,outlet,kind,reference_text,text,actor,count,loaded,claims");
    let markdown = text.starts_with("# ") && text.contains("\n\nReference: **");
    let html = text.starts_with("<!DOCTYPE html>")
        && text.contains("<meta name=\"generator\" content=\"parallax ");
    let provenance = text.starts_with(crate::provenance::text::HEADER);
    json || csv || markdown || html || provenance
}

/// Whether a SQLite file holds the export's tables and no other.
fn is_report_database(path: &Path) -> bool {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let Ok(db) = rusqlite::Connection::open_with_flags(path, flags) else {
        return false;
    };
    let tables: rusqlite::Result<Vec<String>> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut query| query.query_map([], |row| row.get(0))?.collect());
    tables.is_ok_and(|tables| {
        tables.iter().any(|t| t == "stories")
            && tables.iter().all(|t| REPORT_TABLES.contains(&t.as_str()))
    })
}
