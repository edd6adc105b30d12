//! The Markdown report (`--format md`, and what `parallax > out.md` prints): a class handout
//! with the story, the outlets, a claims table with status symbols, then each difference with
//! both wordings and its reasons, and the evidence. Every piece of page text is escaped, so a
//! page cannot inject tables, links, HTML or headings into the handout.

use std::io::Write;

use super::evidence::Evidence;
use super::summary::{
    OutletTally, difference_lines, is_difference, outlet_name, status_symbol, wording_mark,
};
use crate::model::{Comparison, Status};
use crate::text::clean::clean_message;

/// Escapes text for use inside a Markdown line (a table cell, after a list marker): every
/// character Markdown (CommonMark and GitHub tables) could read as syntax gets a backslash, and
/// line breaks become spaces. (`>` alone is harmless inside a line once every `<` is escaped,
/// so reasons such as `60 to 80 -> 70` stay readable.) Escape sequences, controls, bidi and
/// invisible characters are removed first ([`clean_message`]): a report is often read in a
/// terminal (`parallax STORY | head`), and backslashes do not stop a terminal.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in clean_message(text).chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '#' | '!' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text that starts a Markdown line (a paragraph, a block quote): as
/// [`escape_markdown`], and a start that would open a list, quote, heading or setext underline
/// (`- `, `+ `, `= `, `> `, `1. `, `2) `) is escaped too.
pub fn escape_markdown_line(text: &str) -> String {
    let escaped = escape_markdown(text.trim_start());
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(escaped[digits..].chars().next(), Some('.' | ')')) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else if escaped.starts_with(['-', '+', '=', '>']) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

/// Writes the handout.
pub fn write_markdown(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# {}\n", escape_markdown(&comparison.story))?;
    writeln!(
        out,
        "Reference: **{}** ({}). {} claims compared across {} outlets.\n",
        escape_markdown(outlet_name(comparison, &comparison.reference)),
        escape_markdown(&comparison.reference),
        comparison.claims.len(),
        comparison.outlets.len()
    )?;

    writeln!(out, "## Outlets\n")?;
    writeln!(
        out,
        "| outlet | name | title | published | URL | carried (= + ~) | {} | {} | {} | {} | ↕ moved |",
        legend_entry(Status::Appears),
        legend_entry(Status::Differs),
        legend_entry(Status::Missing),
        legend_entry(Status::Added)
    )?;
    writeln!(
        out,
        "| --- | --- | --- | --- | --- | --: | --: | --: | --: | --: | --: |"
    )?;
    for outlet in &comparison.outlets {
        let tally = OutletTally::of(comparison, &outlet.id);
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.0}% | {} | {} | {} | {} | {} |",
            escape_markdown(&outlet.id),
            escape_markdown(&outlet.name),
            escape_markdown(&outlet.title),
            escape_markdown(outlet.published.as_deref().unwrap_or("not stated")),
            escape_markdown(&outlet.url),
            tally.coverage() * 100.0,
            tally.appears,
            tally.differs,
            tally.missing,
            tally.added,
            tally.moved
        )?;
    }
    writeln!(out)?;

    write_claims_table(comparison, out)?;
    write_differences(comparison, out)?;
    super::framing::write_markdown(comparison, out)?;
    write_provenance(comparison, out)?;
    write_failures(comparison, out)?;
    write_evidence(comparison, out)
}

fn legend_entry(status: Status) -> String {
    format!("{} {}", status.symbol(), status.as_str())
}

fn write_claims_table(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Claims\n")?;
    write!(out, "| claim | wording |")?;
    for outlet in &comparison.outlets {
        write!(out, " {} |", escape_markdown(&outlet.id))?;
    }
    writeln!(out)?;
    write!(out, "| --- | --- |")?;
    for _ in &comparison.outlets {
        write!(out, " :-: |")?;
    }
    writeln!(out)?;
    for claim in &comparison.claims {
        write!(
            out,
            "| {} | {}{} |",
            escape_markdown(&claim.id),
            wording_mark(claim),
            escape_markdown(&claim.text)
        )?;
        for outlet in &comparison.outlets {
            let symbol = claim
                .statuses
                .get(&outlet.id)
                .map_or(String::new(), status_symbol);
            write!(out, " {symbol} |")?;
        }
        writeln!(out)?;
    }
    let legend = [
        Status::Appears,
        Status::Differs,
        Status::Missing,
        Status::Added,
    ]
    .map(legend_entry)
    .join(", ");
    writeln!(out, "\n{legend}, ↕ moved (out of the reference's order)\n")
}

fn write_differences(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let differences: Vec<_> = comparison
        .claims
        .iter()
        .filter(|c| is_difference(c))
        .collect();
    writeln!(out, "## Differences\n")?;
    if differences.is_empty() {
        return writeln!(
            out,
            "Every outlet carries every claim, in the same order.\n"
        );
    }
    for claim in differences {
        let added = claim.origin != comparison.reference;
        let origin_name = outlet_name(comparison, &claim.origin);
        let verb = if added { "added by" } else { "as worded by" };
        writeln!(
            out,
            "### {}, {verb} {}\n",
            escape_markdown(&claim.id),
            escape_markdown(origin_name)
        )?;
        writeln!(
            out,
            "> {}{}",
            wording_mark(claim),
            escape_markdown_line(&claim.text)
        )?;
        let lines = difference_lines(comparison, claim);
        if !lines.is_empty() {
            writeln!(out)?;
        }
        for (outlet_id, status) in lines {
            let name = outlet_name(comparison, outlet_id);
            let mut line = format!(
                "- **{}**: {} {}",
                escape_markdown(name),
                status_symbol(status),
                status.status_label()
            );
            if status.moved {
                line.push_str(", moved");
            }
            if let Some(text) = &status.text
                && outlet_id != claim.origin
            {
                line.push_str(&format!(": {}", escape_markdown(text)));
            }
            writeln!(out, "{line}")?;
            for reason in status.classed_reasons() {
                writeln!(out, "  - {}", escape_markdown(&reason))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Who was written from whom: one row per pair, then the evidence of each derivation.
fn write_provenance(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let provenance = &comparison.provenance;
    if provenance.relations.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "## Provenance
"
    )?;
    writeln!(
        out,
        "Who was written from whom (→ derives; ↔ derives one way or the other; · not derived), with the evidence that decided.\n"
    )?;
    writeln!(
        out,
        "| relation | class | confidence | strength | share | direction from | via | verbatim (copies) | churn (copied) | shared claims (in order) |"
    )?;
    writeln!(
        out,
        "| --- | --- | --: | --: | --: | --- | --- | --: | --: | --: |"
    )?;
    for (relation, pair) in crate::provenance::text::ordered(provenance) {
        let cells = crate::provenance::text::relation_cells(relation, pair);
        let churn = pair.map_or(String::new(), |p| {
            let (first, second) = if p.a == relation.source {
                (p.churn.a_copied, p.churn.b_copied)
            } else {
                (p.churn.b_copied, p.churn.a_copied)
            };
            format!("{:.0}% / {:.0}%", first * 100.0, second * 100.0)
        });
        writeln!(
            out,
            "| {} | {} | {:.2} | {:.2} | {} | {} | {} | {} | {churn} | {} |",
            escape_markdown(&relation.arrow()),
            relation.class.as_str(),
            relation.confidence,
            relation.strength,
            cells.share,
            cells.direction,
            escape_markdown(&cells.via),
            cells.verbatim,
            cells.claims,
        )?;
    }
    writeln!(out)?;
    for (relation, _) in crate::provenance::text::ordered(provenance) {
        if !relation.class.is_derived()
            && relation.via.is_none()
            && relation.class != crate::provenance::DerivationClass::Undetermined
        {
            continue;
        }
        writeln!(
            out,
            "- **{}**",
            escape_markdown(&crate::provenance::text::sentence(relation))
        )?;
        for evidence in &relation.evidence {
            writeln!(out, "  - {}", escape_markdown(evidence))?;
        }
    }
    writeln!(out)
}

fn write_failures(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    if comparison.failures.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Not compared\n")?;
    for failure in &comparison.failures {
        writeln!(
            out,
            "- **{}** ({}): {}",
            escape_markdown(&failure.id),
            escape_markdown(&failure.url),
            escape_markdown(&failure.error)
        )?;
    }
    writeln!(out)
}

fn write_evidence(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let evidence = Evidence::of(comparison);
    writeln!(out, "## Evidence\n")?;
    writeln!(
        out,
        "Computed by parallax {} (format {}) with {}.\n",
        escape_markdown(evidence.parallax_version),
        evidence.format_version,
        escape_markdown(&evidence.settings_line())
    )?;
    writeln!(out, "| outlet | URL | fetched at | sha256 |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    for article in &evidence.articles {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape_markdown(article.outlet),
            escape_markdown(article.url),
            escape_markdown(article.fetched_at.unwrap_or("local file")),
            escape_markdown(article.sha256.unwrap_or("not recorded"))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_removed_not_escaped() {
        assert_eq!(
            escape_markdown("Wire\u{1b}ktitle\u{1b}\\ \u{1b}(0x\u{9b}2J\u{202e}y\r\nz"),
            "Wire xy z"
        );
    }

    #[test]
    fn escapes_syntax() {
        assert_eq!(escape_markdown("a|b"), "a\\|b");
        assert_eq!(escape_markdown("<script>"), "\\<script>");
        assert_eq!(escape_markdown("60 to 80 -> 70"), "60 to 80 -> 70");
        assert_eq!(escape_markdown("`x` *y* _z_"), "\\`x\\` \\*y\\* \\_z\\_");
        assert_eq!(escape_markdown("[l](u)"), "\\[l\\](u)");
        assert_eq!(escape_markdown("# h"), "\\# h");
        assert_eq!(escape_markdown("a\nb"), "a b");
        assert_eq!(
            escape_markdown("1 million (about 153,000)"),
            "1 million (about 153,000)"
        );
    }

    #[test]
    fn escapes_line_starts() {
        assert_eq!(escape_markdown_line("2020. It"), "2020\\. It");
        assert_eq!(escape_markdown_line("3) x"), "3\\) x");
        assert_eq!(escape_markdown_line("- item"), "\\- item");
        assert_eq!(escape_markdown_line("=cmd"), "\\=cmd");
        assert_eq!(escape_markdown_line("> quote"), "\\> quote");
        assert_eq!(escape_markdown_line("50 workers"), "50 workers");
    }
}
