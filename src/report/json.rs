//! The JSON contract of README.md (`--format json`), with the evidence fields of the model
//! (`parallax_version`, `settings`, each outlet's `fetched_at` and `sha256`).
//! `schema/comparison.schema.json` describes the document; a test validates every output.

use std::io::Write;

use crate::model::Comparison;

/// Writes a comparison as pretty JSON followed by a newline.
pub fn write_json(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, comparison)?;
    writeln!(out)
}
