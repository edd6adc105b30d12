//! The framing section of the Markdown and HTML reports: the tables of
//! [`crate::framing::tables`], computed from the comparison, every cell escaped.

use std::fmt::Write as _;
use std::io::Write;

use super::html::escape_html;
use super::markdown::escape_markdown;
use crate::framing::{analyse, tables::tables};
use crate::model::Comparison;

/// What the section says before its tables.
const INTRO: &str = "How each outlet words the same facts, against the reference. Loaded \
                     words are marked with their valence in the VADER lexicon (-4 to +4); no \
                     outlet is rated.";

/// Writes the `## Framing` section of the Markdown report.
pub fn write_markdown(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Framing\n\n{INTRO}\n")?;
    for table in tables(&analyse(comparison)) {
        writeln!(out, "### {}\n", table.title)?;
        if table.rows.is_empty() {
            writeln!(out, "None found.\n")?;
            continue;
        }
        writeln!(out, "| {} |", table.header.join(" | "))?;
        writeln!(out, "|{}", " --- |".repeat(table.header.len()))?;
        for row in &table.rows {
            let cells: Vec<String> = row.cells.iter().map(|c| escape_markdown(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Appends the `<section id="framing">` of the HTML report.
pub fn html_section(comparison: &Comparison, page: &mut String) {
    let _ = write!(
        page,
        "<section id=\"framing\">\n<h2>Framing</h2>\n<p>{}</p>\n",
        escape_html(INTRO)
    );
    for table in tables(&analyse(comparison)) {
        let _ = writeln!(page, "<h3>{}</h3>", escape_html(table.title));
        if table.rows.is_empty() {
            page.push_str("<p>None found.</p>\n");
            continue;
        }
        page.push_str("<table>\n<thead><tr>");
        for name in table.header {
            let _ = write!(page, "<th>{}</th>", escape_html(name));
        }
        page.push_str("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            page.push_str("<tr>");
            for cell in &row.cells {
                let _ = write!(page, "<td>{}</td>", escape_html(cell));
            }
            page.push_str("</tr>\n");
        }
        page.push_str("</tbody>\n</table>\n");
    }
    page.push_str("</section>\n");
}
