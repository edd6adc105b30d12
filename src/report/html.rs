//! The HTML report (`--format html`): one standalone page with no script and no external asset
//! (a Content-Security-Policy says so to the browser too). It holds the summary with per-outlet
//! coverage bars, the claims matrix as a heat map (claims × outlets), the side-by-side view
//! (paragraph groups as rows, claim sentences marked, inserted words coloured), each difference
//! as a word diff with its reasons, and the evidence. All page text is HTML-escaped.

use std::fmt::Write as _;
use std::io::Write;

use super::evidence::Evidence;
use super::summary::{
    OutletTally, difference_lines, is_difference, outlet_name, status_symbol, wording_mark,
};
use crate::align::diff::reads_better_whole;
use crate::model::{Block, ClaimStatus, Comparison, DiffOp, OutletEntry, RowCarriers, Status};
use crate::text::clean::clean_message;

const STYLE: &str = include_str!("html.css");

/// Escapes text for HTML element content and quoted attribute values; escape sequences,
/// controls, bidi and invisible characters are removed first ([`clean_message`]).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in clean_message(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes the page.
pub fn write_html(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let mut page = String::with_capacity(64 * 1024);
    let story = escape_html(&comparison.story);
    let version = escape_html(super::evidence::parallax_version(comparison));
    // Writing into a String cannot fail; the results are ignored on purpose.
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"parallax {version}\">\n\
         <title>parallax: {story}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
    );
    let reference_name = outlet_name(comparison, &comparison.reference);
    let _ = write!(
        page,
        "<header>\n<h1>{story}</h1>\n<p class=\"lede\">Reference: <strong>{}</strong> ({}). \
         {} claims compared across {} outlets.</p>\n{}</header>\n",
        escape_html(reference_name),
        escape_html(&comparison.reference),
        comparison.claims.len(),
        comparison.outlets.len(),
        legend()
    );
    summary_section(comparison, &mut page);
    matrix_section(comparison, &mut page);
    side_by_side_section(comparison, &mut page);
    differences_section(comparison, &mut page);
    super::framing::html_section(comparison, &mut page);
    provenance_section(comparison, &mut page);
    failures_section(comparison, &mut page);
    evidence_footer(comparison, &mut page);
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

fn legend() -> String {
    let mut legend = String::from("<p class=\"legend\">");
    for status in [
        Status::Appears,
        Status::Differs,
        Status::Missing,
        Status::Added,
    ] {
        let _ = write!(
            legend,
            "<span><span class=\"sym s-{0}\">{1}</span> {0}</span>",
            status.as_str(),
            status.symbol()
        );
    }
    legend.push_str("<span><span class=\"sym badge\">↕</span> moved</span></p>\n");
    legend
}

fn summary_section(comparison: &Comparison, page: &mut String) {
    page.push_str(
        "<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<thead><tr><th>outlet</th>\
         <th>title</th><th>published</th><th>carried (= + ~) of the reference's claims</th><th>=</th>\
         <th>~</th><th>∅</th><th>+</th><th>↕</th></tr></thead>\n<tbody>\n",
    );
    for outlet in &comparison.outlets {
        let tally = OutletTally::of(comparison, &outlet.id);
        let share = |n: usize| {
            if tally.reference_claims == 0 {
                0.0
            } else {
                n as f64 * 100.0 / tally.reference_claims as f64
            }
        };
        let _ = writeln!(
            page,
            "<tr><td><strong>{}</strong><br>{}</td><td>{}</td><td>{}</td>\
             <td><div class=\"bar\" title=\"{}\">\
             <div class=\"s-appears\" style=\"width:{:.1}%\"></div>\
             <div class=\"s-differs\" style=\"width:{:.1}%\"></div>\
             <div class=\"s-missing\" style=\"width:{:.1}%\"></div></div>{:.0}%</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape_html(&outlet.name),
            escape_html(&outlet.id),
            escape_html(&outlet.title),
            escape_html(outlet.published.as_deref().unwrap_or("not stated")),
            escape_html(&tally.carried_text()),
            share(tally.appears),
            share(tally.differs),
            share(tally.missing),
            tally.coverage() * 100.0,
            tally.appears,
            tally.differs,
            tally.missing,
            tally.added,
            tally.moved
        );
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

fn matrix_section(comparison: &Comparison, page: &mut String) {
    page.push_str(
        "<section id=\"matrix\">\n<h2>Claims matrix</h2>\n<table class=\"matrix\">\n\
         <thead><tr><th>claim</th><th>wording</th>",
    );
    for outlet in &comparison.outlets {
        let _ = write!(page, "<th>{}</th>", escape_html(&outlet.name));
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    for claim in &comparison.claims {
        let _ = write!(
            page,
            "<tr><td>{}</td><td class=\"wording\">{}{}</td>",
            escape_html(&claim.id),
            wording_mark(claim),
            escape_html(&claim.text)
        );
        for outlet in &comparison.outlets {
            match claim.statuses.get(&outlet.id) {
                Some(status) => {
                    // Of a claim the reference lacks, "missing" is no omission: drawn faint.
                    let class = if status.status == Status::Missing
                        && claim.origin != comparison.reference
                    {
                        "absent"
                    } else {
                        status.status.as_str()
                    };
                    let _ = write!(
                        page,
                        "<td class=\"cell s-{}{}\" title=\"{}\">{}</td>",
                        class,
                        if status.moved { " moved" } else { "" },
                        escape_html(&status_title(status)),
                        status_symbol(status)
                    );
                }
                None => page.push_str("<td class=\"cell empty\"></td>"),
            }
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// The tooltip of a status: its name, similarity and reasons.
fn status_title(status: &ClaimStatus) -> String {
    let mut title = format!(
        "{} (similarity {:.2})",
        status.status_label(),
        status.similarity
    );
    if status.moved {
        title.push_str(", moved");
    }
    for reason in status.classed_reasons() {
        title.push_str("; ");
        title.push_str(&reason);
    }
    title
}

/// A claim's passage inside one paragraph of one outlet, for marking in the side-by-side view.
struct Mark<'a> {
    start: usize,
    end: usize,
    claim: &'a str,
    status: &'a ClaimStatus,
}

fn side_by_side_section(comparison: &Comparison, page: &mut String) {
    page.push_str(
        "<section id=\"side-by-side\">\n<h2>Side by side</h2>\n<table class=\"sbs\">\n<thead><tr>",
    );
    for outlet in &comparison.outlets {
        let _ = write!(page, "<th>{}</th>", escape_html(&outlet.name));
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    let carriers: Vec<RowCarriers> = comparison
        .outlets
        .iter()
        .map(|o| comparison.row_carriers(&o.id))
        .collect();
    for (row, group) in comparison.paragraphs.iter().enumerate() {
        page.push_str("<tr>");
        for (outlet, carriers) in comparison.outlets.iter().zip(&carriers) {
            let indexes = group.cells.get(&outlet.id).map_or(&[][..], Vec::as_slice);
            if indexes.is_empty() {
                let note = carriers.empty_cell_note(row);
                let _ = write!(page, "<td class=\"empty\">{}</td>", escape_html(&note));
                continue;
            }
            let moved = group.moved.contains(&outlet.id);
            let _ = write!(page, "<td{}>", if moved { " class=\"moved\"" } else { "" });
            if moved {
                page.push_str("<span class=\"badge\">↕ moved</span>");
            }
            for &index in indexes {
                for block in outlet.blocks_at(index) {
                    match block {
                        Block::Heading(heading) => {
                            let _ = write!(page, "<h4>{}</h4>", escape_html(heading));
                        }
                        Block::Paragraph(text) => {
                            page.push_str("<p>");
                            paragraph_html(text, &marks_in(comparison, outlet, index), page);
                            page.push_str("</p>");
                        }
                    }
                }
            }
            page.push_str("</td>");
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// The claim passages of `outlet` in paragraph `index`, sorted, without overlaps.
fn marks_in<'a>(comparison: &'a Comparison, outlet: &OutletEntry, index: usize) -> Vec<Mark<'a>> {
    let mut marks: Vec<Mark> = comparison
        .claims
        .iter()
        .filter_map(|claim| Some((claim, claim.statuses.get(&outlet.id)?)))
        .flat_map(|(claim, status)| {
            status
                .spans
                .iter()
                .filter(move |span| span.paragraph == index)
                .map(move |span| Mark {
                    start: span.start,
                    end: span.end,
                    claim: &claim.id,
                    status,
                })
        })
        .collect();
    marks.sort_by_key(|m| (m.start, m.end));
    let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
    for mark in marks {
        if kept.last().is_none_or(|last| mark.start >= last.end) {
            kept.push(mark);
        }
    }
    kept
}

/// One paragraph with its claim passages marked by status; inside a changed passage whose word
/// diff lines up with it, the inserted words are coloured. Spans that do not fit the text
/// (bad input) are left unmarked.
fn paragraph_html(text: &str, marks: &[Mark], page: &mut String) {
    let mut at = 0;
    for mark in marks {
        let (Some(before), Some(passage)) =
            (text.get(at..mark.start), text.get(mark.start..mark.end))
        else {
            continue;
        };
        page.push_str(&escape_html(before));
        let status = mark.status.status;
        if status == Status::Appears || status == Status::Missing {
            // Unchanged passages stay plain for reading; the matrix holds their status.
            page.push_str(&escape_html(passage));
        } else {
            let _ = write!(
                page,
                "<mark class=\"m-{}\" title=\"{}: {}\"><sup class=\"sym s-{}\">{}</sup> ",
                status.as_str(),
                escape_html(mark.claim),
                escape_html(&status_title(mark.status)),
                status.as_str(),
                status_symbol(mark.status)
            );
            if outlet_side_of_diff(mark.status) == passage {
                for piece in mark.status.diff.iter().filter(|p| p.op != DiffOp::Delete) {
                    if piece.op == DiffOp::Insert {
                        let _ = write!(page, "<ins>{}</ins>", escape_html(&piece.text));
                    } else {
                        page.push_str(&escape_html(&piece.text));
                    }
                }
            } else {
                page.push_str(&escape_html(passage));
            }
            page.push_str("</mark>");
        }
        at = mark.end;
    }
    page.push_str(&escape_html(text.get(at..).unwrap_or("")));
}

/// The outlet's wording as its word diff spells it (equal and inserted pieces).
fn outlet_side_of_diff(status: &ClaimStatus) -> String {
    status
        .diff
        .iter()
        .filter(|p| p.op != DiffOp::Delete)
        .map(|p| p.text.as_str())
        .collect()
}

fn differences_section(comparison: &Comparison, page: &mut String) {
    page.push_str("<section id=\"differences\">\n<h2>Differences</h2>\n");
    let mut any = false;
    for claim in comparison.claims.iter().filter(|c| is_difference(c)) {
        any = true;
        let added = claim.origin != comparison.reference;
        let origin_name = outlet_name(comparison, &claim.origin);
        let _ = write!(
            page,
            "<div class=\"difference\">\n<h3>{}, {} {}</h3>\n<blockquote>{}</blockquote>\n<ul>\n",
            escape_html(&claim.id),
            if added { "added by" } else { "as worded by" },
            escape_html(origin_name),
            format_args!("{}{}", wording_mark(claim), escape_html(&claim.text))
        );
        for (outlet_id, status) in difference_lines(comparison, claim) {
            let name = outlet_name(comparison, outlet_id);
            let _ = write!(
                page,
                "<li><strong>{}</strong> <span class=\"sym s-{}\">{}</span> {}",
                escape_html(name),
                status.status.as_str(),
                status_symbol(status),
                status.status.as_str()
            );
            if outlet_id != claim.origin {
                if reads_better_whole(&status.diff) {
                    // Shown whole, its words shared with the claim in bold: interleaved, the
                    // pieces of so unequal a pair would read as a jumble.
                    page.push_str("<div class=\"diff-line whole\">");
                    for piece in status.diff.iter().filter(|p| p.op != DiffOp::Delete) {
                        let text = escape_html(&piece.text);
                        let _ = match piece.op {
                            DiffOp::Equal => write!(page, "<strong>{text}</strong>"),
                            _ => write!(page, "{text}"),
                        };
                    }
                    page.push_str("</div>");
                } else if !status.diff.is_empty() {
                    page.push_str("<div class=\"diff-line\">");
                    for piece in &status.diff {
                        let text = escape_html(&piece.text);
                        let _ = match piece.op {
                            DiffOp::Equal => write!(page, "{text}"),
                            DiffOp::Delete => write!(page, "<del>{text}</del>"),
                            DiffOp::Insert => write!(page, "<ins>{text}</ins>"),
                        };
                    }
                    page.push_str("</div>");
                } else if let Some(text) = &status.text {
                    let _ = write!(page, "<div class=\"diff-line\">{}</div>", escape_html(text));
                }
            }
            if !status.reasons.is_empty() {
                page.push_str("<ul class=\"reasons\">");
                for (reason, change) in status.reasons_with_changes() {
                    match change {
                        Some(change) => {
                            let class = change.class.as_str();
                            let _ = write!(
                                page,
                                "<li class=\"{class}\"><span class=\"class\">{class}</span> {}</li>",
                                escape_html(reason)
                            );
                        }
                        None => {
                            let _ = write!(page, "<li>{}</li>", escape_html(reason));
                        }
                    }
                }
                page.push_str("</ul>");
            }
            page.push_str("</li>\n");
        }
        page.push_str("</ul>\n</div>\n");
    }
    if !any {
        page.push_str("<p>Every outlet carries every claim, in the same order.</p>\n");
    }
    page.push_str("</section>\n");
}

/// Who was written from whom: the graph as an inline SVG (no script), a table of every pair,
/// and the evidence of each relation with its citable places.
fn provenance_section(comparison: &Comparison, page: &mut String) {
    use crate::provenance::text::{ordered, sentence};
    let provenance = &comparison.provenance;
    if provenance.relations.is_empty() {
        return;
    }
    page.push_str("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
    page.push_str(
        "<p class=\"lede\">Who was written from whom: an arrow runs from the source to the article \
         written from it (solid: wholly derived, dashed: partially; dotted, without a head: one \
         derives from the other, which way undetermined; grey dots: undetermined).</p>\n",
    );
    provenance_svg(comparison, page);
    page.push_str(
        "<table class=\"provenance\">\n<thead><tr><th>relation</th><th>class</th>\
         <th>confidence</th><th>strength</th><th>share</th><th>direction from</th><th>via</th>\
         <th>verbatim (copies)</th><th>shared claims (in order)</th></tr></thead>\n<tbody>\n",
    );
    for (relation, pair) in ordered(provenance) {
        let cells = crate::provenance::text::relation_cells(relation, pair);
        let _ = writeln!(
            page,
            "<tr class=\"p-{}\"><td>{}</td><td>{}</td><td class=\"num\">{:.2}</td>\
             <td class=\"num\">{:.2}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            relation.class.as_str(),
            escape_html(&relation.arrow()),
            relation.class.as_str(),
            relation.confidence,
            relation.strength,
            cells.share,
            cells.direction,
            escape_html(&cells.via),
            cells.verbatim,
            cells.claims,
        );
    }
    page.push_str("</tbody>\n</table>\n");
    for (relation, pair) in ordered(provenance) {
        let open = relation.class.is_derived() && relation.via.is_none();
        let _ = write!(
            page,
            "<details{}><summary>{}</summary>\n<ul class=\"reasons\">",
            if open { " open" } else { "" },
            escape_html(&sentence(relation))
        );
        for evidence in &relation.evidence {
            let _ = write!(page, "<li>{}</li>", escape_html(evidence));
        }
        page.push_str("</ul>\n");
        if let Some(pair) = pair {
            let place = |p: &crate::provenance::Passage| {
                format!(
                    "<span class=\"place\">{} ¶{} {}–{}</span> {}",
                    escape_html(&p.outlet),
                    p.paragraph + 1,
                    p.start,
                    p.end,
                    escape_html(&p.text)
                )
            };
            page.push_str("<ol class=\"items\">");
            for run in pair
                .verbatim
                .iter()
                .filter(|r| r.kind == crate::provenance::RunKind::Copy)
            {
                let _ = write!(
                    page,
                    "<li>verbatim, {} words<br>{}<br>{}</li>",
                    run.words,
                    place(&run.a),
                    place(&run.b)
                );
            }
            for particular in &pair.particulars {
                let _ = write!(
                    page,
                    "<li>{}<br>{}<br>{}</li>",
                    escape_html(&particular.what),
                    place(&particular.a),
                    place(&particular.b)
                );
            }
            for credit in &pair.credits {
                let what = if credit.explicit {
                    format!("{} credits {} ({})", credit.by, credit.name, credit.cue)
                } else {
                    format!("{} names {}", credit.by, credit.name)
                };
                let _ = write!(
                    page,
                    "<li>{}<br>{}</li>",
                    escape_html(&what),
                    place(&credit.passage)
                );
            }
            page.push_str("</ol>\n");
        }
        page.push_str("</details>\n");
    }
    page.push_str("</section>\n");
}

/// The provenance graph as an inline SVG: outlets in layers (an article below its sources),
/// an arrow from each source to what derives from it.
fn provenance_svg(comparison: &Comparison, page: &mut String) {
    use crate::provenance::DerivationClass;
    let provenance = &comparison.provenance;
    let ids: Vec<&str> = comparison.outlets.iter().map(|o| o.id.as_str()).collect();
    let index = |id: &str| ids.iter().position(|i| *i == id);
    let edges: Vec<(usize, usize, &crate::provenance::Relation)> = provenance
        .relations
        .iter()
        .filter(|r| r.class.is_derived() && r.via.is_none())
        .filter_map(|r| Some((index(&r.source)?, index(&r.derived)?, r)))
        .collect();
    // Layer of each outlet: the longest chain of sources above it.
    let mut layer = vec![0usize; ids.len()];
    for _ in 0..ids.len() {
        for &(s, d, r) in &edges {
            if r.direction.is_some() && layer[d] < layer[s] + 1 {
                layer[d] = (layer[s] + 1).min(ids.len());
            }
        }
    }
    let layers = layer.iter().max().map_or(1, |m| m + 1);
    const WIDTH: f64 = 900.0;
    const ROW: f64 = 150.0;
    const BOX_W: f64 = 160.0;
    const BOX_H: f64 = 44.0;
    let height = 30.0 + (layers - 1) as f64 * ROW + BOX_H + 24.0;
    let mut position = vec![(0.0, 0.0); ids.len()];
    for l in 0..layers {
        let members: Vec<usize> = (0..ids.len()).filter(|&i| layer[i] == l).collect();
        for (k, &i) in members.iter().enumerate() {
            let x = WIDTH * (k as f64 + 0.5) / members.len() as f64;
            position[i] = (x, 30.0 + l as f64 * ROW);
        }
    }
    let _ = write!(
        page,
        "<svg class=\"graph\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" \
         xmlns=\"http://www.w3.org/2000/svg\">\n<title>provenance graph of {}</title>\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
         <path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#1a1a1a\"/></marker></defs>\n",
        escape_html(&comparison.story)
    );
    // Undetermined pairs, faint.
    for r in provenance
        .relations
        .iter()
        .filter(|r| r.class == DerivationClass::Undetermined && r.via.is_none())
    {
        if let (Some(a), Some(b)) = (index(&r.source), index(&r.derived)) {
            let ((x1, y1), (x2, y2)) = (position[a], position[b]);
            let _ = writeln!(
                page,
                "<line x1=\"{x1:.0}\" y1=\"{:.0}\" x2=\"{x2:.0}\" y2=\"{:.0}\" class=\"e-undetermined\">\
                 <title>{} undetermined (strength {:.2})</title></line>",
                y1 + BOX_H / 2.0,
                y2 + BOX_H / 2.0,
                escape_html(&r.arrow()),
                r.strength
            );
        }
    }
    for &(s, d, r) in &edges {
        let ((x1, y1), (x2, y2)) = (position[s], position[d]);
        let class = format!(
            "e-{}{}",
            r.class.as_str(),
            if r.direction.is_none() {
                " e-undirected"
            } else {
                ""
            }
        );
        let marker = if r.direction.is_some() {
            " marker-end=\"url(#arrow)\""
        } else {
            ""
        };
        let (path, lx, ly) = if (y1 - y2).abs() < 1.0 {
            // Same layer: an arc above the boxes.
            let mid = (x1 + x2) / 2.0;
            let top = y1 - 24.0;
            (
                format!("M {x1:.0} {y1:.0} Q {mid:.0} {top:.0} {x2:.0} {y2:.0}"),
                mid,
                top,
            )
        } else {
            let (sy, ey) = (y1 + BOX_H, y2);
            // The label near the head, so labels of one source's arrows spread apart.
            (
                format!("M {x1:.0} {sy:.0} L {x2:.0} {ey:.0}"),
                x1 + 0.68 * (x2 - x1),
                sy + 0.68 * (ey - sy),
            )
        };
        let label = format!(
            "{} {:.2} · {:.0}%",
            r.class.as_str(),
            r.confidence,
            r.share * 100.0
        );
        let _ = write!(
            page,
            "<path d=\"{path}\" class=\"{class}\"{marker}><title>{}</title></path>\n\
             <text x=\"{lx:.0}\" y=\"{ly:.0}\" class=\"e-label\">{}</text>\n",
            escape_html(&crate::provenance::text::sentence(r)),
            escape_html(&label)
        );
    }
    for (i, outlet) in comparison.outlets.iter().enumerate() {
        let (x, y) = position[i];
        let name: String = outlet.name.chars().take(24).collect();
        let _ = writeln!(
            page,
            "<g class=\"node\"><rect x=\"{:.0}\" y=\"{y:.0}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"6\"/>\
             <text x=\"{x:.0}\" y=\"{:.0}\">{}</text><text x=\"{x:.0}\" y=\"{:.0}\" class=\"id\">{}</text>\
             <title>{}: {}</title></g>",
            x - BOX_W / 2.0,
            y + 18.0,
            escape_html(&name),
            y + 35.0,
            escape_html(&outlet.id),
            escape_html(&outlet.id),
            escape_html(outlet.published.as_deref().unwrap_or("date not stated"))
        );
    }
    if edges.is_empty() {
        let _ = writeln!(
            page,
            "<text x=\"{:.0}\" y=\"{:.0}\" class=\"e-label\">no outlet derives from another</text>",
            WIDTH / 2.0,
            height - 10.0
        );
    }
    page.push_str("</svg>\n");
}

fn failures_section(comparison: &Comparison, page: &mut String) {
    if comparison.failures.is_empty() {
        return;
    }
    page.push_str("<section id=\"failures\">\n<h2>Not compared</h2>\n<ul>\n");
    for failure in &comparison.failures {
        let _ = writeln!(
            page,
            "<li><strong>{}</strong> ({}): {}</li>",
            escape_html(&failure.id),
            escape_html(&failure.url),
            escape_html(&failure.error)
        );
    }
    page.push_str("</ul>\n</section>\n");
}

fn evidence_footer(comparison: &Comparison, page: &mut String) {
    let evidence = Evidence::of(comparison);
    let _ = write!(
        page,
        "<footer id=\"evidence\">\n<h2>Evidence</h2>\n<p>Computed by parallax {} (format {}) \
         with {}.</p>\n<table>\n<thead><tr><th>outlet</th><th>URL</th><th>fetched at</th>\
         <th>sha256</th></tr></thead>\n<tbody>\n",
        escape_html(evidence.parallax_version),
        evidence.format_version,
        escape_html(&evidence.settings_line())
    );
    for article in &evidence.articles {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(article.outlet),
            escape_html(article.url),
            escape_html(article.fetched_at.unwrap_or("local file")),
            escape_html(article.sha256.unwrap_or("not recorded"))
        );
    }
    page.push_str("</tbody>\n</table>\n</footer>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
