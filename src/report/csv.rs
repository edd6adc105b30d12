//! Tidy CSV (`--format csv`): one row per claim per outlet, for spreadsheets, R and pandas; or,
//! with `--table framing`, the framing words table, with the columns of the SQLite table
//! `framing_words` ([`super::sqlite_framing`]).
//!
//! RFC 4180 quoting comes from the `csv` crate. Cells that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'` (OWASP's advice
//! against CSV injection). Several comparisons (a collection) share one header.

use std::io::Write;

use super::evidence::{Evidence, parallax_version};
use super::summary::paragraph_indexes;
use super::{Options, ReportError, sqlite_framing};
use crate::framing::analyse;
use crate::model::Comparison;

/// The UTF-8 byte order mark written first with [`Options::bom`].
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header row: the columns of every row, in order.
pub const COLUMNS: [&str; 18] = [
    "story",
    "claim_id",
    "origin",
    "outlet",
    "status",
    "class",
    "moved",
    "similarity",
    "reasons",
    "claim_text",
    "outlet_text",
    "paragraphs",
    "headline",
    "url",
    "fetched_at",
    "sha256",
    "parallax_version",
    "settings",
];

/// Which table a CSV report holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Table {
    /// One row per claim per outlet ([`COLUMNS`]).
    #[default]
    Claims,
    /// One row per outlet and framing word ([`super::sqlite_framing::COLUMNS`]).
    Framing,
}

/// Writes comparisons as rows of one CSV table.
pub struct CsvWriter<W: Write> {
    writer: ::csv::Writer<W>,
    table: Table,
}

impl<W: Write> CsvWriter<W> {
    /// Starts the table: the byte order mark if asked, then the header.
    pub fn new(mut out: W, options: Options) -> Result<Self, ReportError> {
        if options.bom {
            out.write_all(BOM)?;
        }
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(out);
        match options.csv_table {
            Table::Claims => writer.write_record(COLUMNS)?,
            Table::Framing => writer.write_record(sqlite_framing::COLUMNS)?,
        }
        Ok(CsvWriter {
            writer,
            table: options.csv_table,
        })
    }

    /// Writes the rows of `comparison`: one per claim per outlet, or its framing words.
    pub fn write_comparison(&mut self, comparison: &Comparison) -> Result<(), ReportError> {
        match self.table {
            Table::Claims => self.write_claims(comparison),
            Table::Framing => self.write_framing(comparison),
        }
    }

    /// Writes one row per outlet and framing word of `comparison`.
    fn write_framing(&mut self, comparison: &Comparison) -> Result<(), ReportError> {
        let framing = analyse(comparison);
        for row in sqlite_framing::rows(&framing) {
            let count = row.count.to_string();
            let (loaded, claims) = (row.loaded_cell(), row.claims_cell());
            let cells = [
                comparison.story.as_str(),
                row.outlet,
                row.kind,
                row.reference_text.unwrap_or(""),
                row.text.unwrap_or(""),
                row.actor.unwrap_or(""),
                &count,
                &loaded,
                &claims,
            ];
            let cells: Vec<_> = cells.iter().map(|cell| neutralise_formula(cell)).collect();
            self.writer
                .write_record(cells.iter().map(|cell| cell.as_bytes()))?;
        }
        Ok(())
    }

    /// Writes one row per claim per outlet of `comparison`.
    fn write_claims(&mut self, comparison: &Comparison) -> Result<(), ReportError> {
        let evidence = Evidence::of(comparison);
        let settings = evidence.settings_line();
        let version = parallax_version(comparison);
        for claim in &comparison.claims {
            for (outlet_id, status) in &claim.statuses {
                let article = evidence.articles.iter().find(|a| a.outlet == outlet_id);
                let paragraphs = paragraph_indexes(status)
                    .iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(";");
                let row = [
                    comparison.story.as_str(),
                    &claim.id,
                    &claim.origin,
                    outlet_id,
                    status.status.as_str(),
                    status.class.map_or("", |c| c.as_str()),
                    if status.moved { "true" } else { "false" },
                    &format!("{:.3}", status.similarity),
                    &status.reasons.join("; "),
                    &claim.text,
                    status.text.as_deref().unwrap_or(""),
                    &paragraphs,
                    if status.headline { "true" } else { "false" },
                    article.map_or("", |a| a.url),
                    article.and_then(|a| a.fetched_at).unwrap_or(""),
                    article.and_then(|a| a.sha256).unwrap_or(""),
                    version,
                    &settings,
                ];
                let cells: Vec<_> = row.iter().map(|cell| neutralise_formula(cell)).collect();
                self.writer
                    .write_record(cells.iter().map(|cell| cell.as_bytes()))?;
            }
        }
        Ok(())
    }

    /// Flushes the table and hands back the output.
    pub fn finish(self) -> Result<W, ReportError> {
        self.writer
            .into_inner()
            .map_err(|err| ReportError::Io(err.into_error()))
    }
}

/// Prefixes `'` to a cell a spreadsheet would read as a formula: one starting with `= + - @`,
/// a tab or a carriage return, also after leading spaces (spreadsheets skip them, NBSP too).
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    let start = cell.trim_start_matches([' ', '\u{A0}']);
    if start.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_after_spaces_are_neutralised() {
        assert_eq!(neutralise_formula(" =1+1"), "' =1+1");
        assert_eq!(
            neutralise_formula("\u{A0}\u{A0}@SUM(A1)"),
            "'\u{A0}\u{A0}@SUM(A1)"
        );
        assert_eq!(neutralise_formula("  plain"), "  plain");
    }

    #[test]
    fn formula_prefixes_are_neutralised() {
        assert_eq!(
            neutralise_formula("=cmd|' /C calc'!A0"),
            "'=cmd|' /C calc'!A0"
        );
        assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise_formula("-2+3"), "'-2+3");
        assert_eq!(neutralise_formula("\tx"), "'\tx");
        assert_eq!(neutralise_formula("plain = text"), "plain = text");
        assert_eq!(neutralise_formula(""), "");
    }
}
