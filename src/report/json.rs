//! The JSON contract of `DESIGN.md` (`--format json`).

use std::io::Write;

use crate::model::Comparison;

/// Writes a comparison as pretty JSON followed by a newline.
pub fn write_json(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, comparison)?;
    writeln!(out)
}
