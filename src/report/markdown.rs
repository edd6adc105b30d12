//! A Markdown summary of a comparison, for piped output and class handouts.

use std::io::Write;

use crate::model::{Comparison, Status};

/// Escapes text for a Markdown table cell or paragraph.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes the story, the outlets and a claims table with status symbols.
pub fn write_markdown(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# {}\n", escape_markdown(&comparison.story))?;
    writeln!(
        out,
        "Reference: {}\n",
        escape_markdown(&comparison.reference)
    )?;
    for outlet in &comparison.outlets {
        writeln!(
            out,
            "- **{}** ({}): {}",
            escape_markdown(&outlet.name),
            escape_markdown(&outlet.id),
            escape_markdown(&outlet.title)
        )?;
    }
    writeln!(out)?;
    write!(out, "| claim |")?;
    for outlet in &comparison.outlets {
        write!(out, " {} |", escape_markdown(&outlet.id))?;
    }
    writeln!(out)?;
    write!(out, "| --- |")?;
    for _ in &comparison.outlets {
        write!(out, " :-: |")?;
    }
    writeln!(out)?;
    for claim in &comparison.claims {
        write!(out, "| {} |", escape_markdown(&claim.text))?;
        for status in claim.statuses.values() {
            write!(out, " {} |", status.status.symbol())?;
        }
        writeln!(out)?;
    }
    let legend = [
        Status::Appears,
        Status::Differs,
        Status::Missing,
        Status::Added,
    ]
    .map(|s| format!("{} {}", s.symbol(), s.as_str()))
    .join(", ");
    writeln!(out, "\n{legend}")
}
