//! Writers of a [`Comparison`]: one per format, each writing to any `impl Write` (SQLite builds
//! an in-memory database and hands back its bytes), plus [`render`] and [`write_file`] that pick
//! the writer by [`Format`]. Every export carries the [`evidence`] of what it was computed from.
//!
//! ```
//! use parallax::report::{self, Format};
//! # let comparison = parallax::align::compare("s", vec![], "a", vec![], &Default::default());
//! let markdown = report::render(&comparison, Format::Md).unwrap();
//! assert!(String::from_utf8(markdown).unwrap().starts_with("# "));
//! ```

pub mod collection;
pub mod csv;
pub mod evidence;
pub mod framing;
pub mod html;
pub mod json;
pub mod markdown;
pub mod recognise;
pub mod sqlite;
pub mod sqlite_framing;
pub mod summary;

use std::path::Path;

use clap::ValueEnum;

use crate::model::Comparison;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, ValueEnum)]
pub enum Format {
    /// The versioned JSON contract (README "The JSON format", `schema/comparison.schema.json`).
    #[default]
    Json,
    /// Tidy CSV: one row per claim per outlet.
    Csv,
    /// Markdown handout.
    #[value(alias = "markdown")]
    Md,
    /// One standalone HTML page (no script, no external assets).
    Html,
    /// SQLite database (binary).
    Sqlite,
}

impl Format {
    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Html => "html",
            Format::Sqlite => "sqlite",
        }
    }

    /// True for formats whose bytes are not text (never written to a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Sqlite
    }
}

/// Choices that change how a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Start CSV output with a UTF-8 byte order mark (spreadsheet programs need it to read
    /// UTF-8). Ignored by other formats.
    pub bom: bool,
    /// Which table CSV output holds. Ignored by other formats.
    pub csv_table: csv::Table,
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Writing failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The SQLite database could not be built (for example two claims with one id).
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The format cannot hold what was asked (for example a collection as Markdown).
    #[error("{0}")]
    Unsupported(String),
}

/// Renders a comparison in a format, with default [`Options`].
pub fn render(comparison: &Comparison, format: Format) -> Result<Vec<u8>, ReportError> {
    render_with(comparison, format, Options::default())
}

/// Renders a comparison in a format.
pub fn render_with(
    comparison: &Comparison,
    format: Format,
    options: Options,
) -> Result<Vec<u8>, ReportError> {
    let mut out = Vec::new();
    match format {
        Format::Json => json::write_json(comparison, &mut out)?,
        Format::Csv => {
            let mut writer = csv::CsvWriter::new(&mut out, options)?;
            writer.write_comparison(comparison)?;
            writer.finish()?;
        }
        Format::Md => markdown::write_markdown(comparison, &mut out)?,
        Format::Html => html::write_html(comparison, &mut out)?,
        Format::Sqlite => {
            let mut db = sqlite::SqliteWriter::new()?;
            db.write_comparison(comparison)?;
            out = db.finish()?;
        }
    }
    Ok(out)
}

/// Writes a comparison to `path` atomically (temp file and rename, via
/// [`crate::commands::write_output`]): an existing file stays whole when writing fails, and
/// only a previous report is replaced.
pub fn write_file(comparison: &Comparison, format: Format, path: &Path) -> Result<(), ReportError> {
    let bytes = render(comparison, format)?;
    crate::commands::write_output(Some(path), &bytes)?;
    Ok(())
}
