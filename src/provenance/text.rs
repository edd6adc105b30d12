//! The provenance of a story as plain text (`parallax provenance STORY`): the graph, one line
//! per pair, then each relation with the evidence that decided it, then every evidence item
//! of every pair with its places on both sides.

use std::fmt::Write;

use super::{Passage, Provenance, Relation, RunKind};
use crate::model::Comparison;
use crate::text::clean::clean_message;

/// The first line of the text report (how `-o FILE` recognises one).
pub const HEADER: &str = "parallax provenance";

/// A relation's graph line: `meridian → clearsky  wholly  0.97  share 91%  (credit)`.
pub fn graph_line(relation: &Relation, width: usize) -> String {
    let arrow = relation.arrow();
    let mut line = format!(
        "{arrow:<width$}  {:<12} {:.2}",
        relation.class.as_str(),
        relation.confidence
    );
    if relation.class.is_derived() {
        let _ = write!(line, "  share {:>3.0}%", relation.share * 100.0);
    }
    match (&relation.direction, &relation.via) {
        (Some(basis), None) => {
            let _ = write!(line, "  (by {})", basis.as_str());
        }
        (Some(basis), Some(via)) => {
            let _ = write!(line, "  (by {}, through {via})", basis.as_str());
        }
        (None, Some(via)) => {
            let _ = write!(line, "  (via {via})");
        }
        (None, None) => {}
    }
    line
}

/// The cells of one relation's row in a report table, unescaped: share (derived only), what
/// decided the direction, the outlet it goes via, verbatim runs (copies) and shared claims (in
/// order).
pub struct RelationCells {
    /// `92%` for a derivation, empty otherwise.
    pub share: String,
    /// `credit`, `times`, `content` or empty.
    pub direction: &'static str,
    /// The outlet that accounts for what the two share, or empty.
    pub via: String,
    /// `7 (5)`: verbatim runs, of which copies.
    pub verbatim: String,
    /// `12 (11)`: shared claims, of which in the same order.
    pub claims: String,
}

/// The cells of `relation`'s row, with its pair's evidence.
pub fn relation_cells(relation: &Relation, pair: Option<&super::PairEvidence>) -> RelationCells {
    RelationCells {
        share: if relation.class.is_derived() {
            format!("{:.0}%", relation.share * 100.0)
        } else {
            String::new()
        },
        direction: relation.direction.map_or("", |d| d.as_str()),
        via: relation.via.clone().unwrap_or_default(),
        verbatim: pair.map_or(String::new(), |p| {
            format!("{} ({})", p.verbatim.len(), p.copies().count())
        }),
        claims: pair.map_or(String::new(), |p| {
            format!("{} ({})", p.claims.shared, p.claims.in_order)
        }),
    }
}

/// The relations in the order a reader takes them: direct derivations first (most confident
/// first), then the rest in the pairs' order; each with its pair's evidence.
pub fn ordered(provenance: &Provenance) -> Vec<(&Relation, Option<&super::PairEvidence>)> {
    let direct = |r: &Relation| r.class.is_derived() && r.via.is_none();
    let mut derived: Vec<&Relation> = provenance.relations.iter().filter(|r| direct(r)).collect();
    derived.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    derived
        .into_iter()
        .chain(provenance.relations.iter().filter(|r| !direct(r)))
        .map(|r| (r, provenance.pair(&r.source, &r.derived)))
        .collect()
}

/// Renders the provenance of `comparison` as text.
pub fn render(comparison: &Comparison, provenance: &Provenance) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{HEADER}: story {} ({} outlets)",
        comparison.story,
        comparison.outlets.len()
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "Graph (source → derived; · for no derivation):");
    let width = provenance
        .relations
        .iter()
        .map(|r| r.arrow().chars().count())
        .max()
        .unwrap_or(0);
    for (relation, _) in ordered(provenance) {
        let _ = writeln!(out, "  {}", graph_line(relation, width));
    }
    let _ = writeln!(out);
    for outlet in &comparison.outlets {
        let sources: Vec<String> = provenance
            .sources_of(&outlet.id)
            .map(|r| format!("{} ({})", r.source, r.class.as_str()))
            .collect();
        let copied_by: Vec<&str> = provenance
            .derivations()
            .filter(|r| r.direction.is_some() && r.via.is_none() && r.source == outlet.id)
            .map(|r| r.derived.as_str())
            .collect();
        let from = if sources.is_empty() {
            "no source among these outlets".to_string()
        } else {
            format!("derives from {}", sources.join(", "))
        };
        let to = if copied_by.is_empty() {
            String::new()
        } else {
            format!("; source of {}", copied_by.join(", "))
        };
        let _ = writeln!(out, "  {}: {from}{to}", outlet.id);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Relations:");
    for relation in &provenance.relations {
        let _ = writeln!(out, "  {}", sentence(relation));
        for evidence in &relation.evidence {
            let _ = writeln!(out, "    - {}", evidence);
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Evidence by pair (place: ¶paragraph bytes start-end):");
    for pair in &provenance.pairs {
        let _ = writeln!(
            out,
            "  {} – {}: {} verbatim run{} ({} copies), churn {:.0}% / {:.0}% (copied {:.0}% / {:.0}%), {} shared claims ({} in order), {} particular{}, {} credit{}",
            pair.a,
            pair.b,
            pair.verbatim.len(),
            if pair.verbatim.len() == 1 { "" } else { "s" },
            pair.copies().count(),
            pair.churn.a * 100.0,
            pair.churn.b * 100.0,
            pair.churn.a_copied * 100.0,
            pair.churn.b_copied * 100.0,
            pair.claims.shared,
            pair.claims.in_order,
            pair.particulars.len(),
            if pair.particulars.len() == 1 { "" } else { "s" },
            pair.credits.len(),
            if pair.credits.len() == 1 { "" } else { "s" },
        );
        for run in &pair.verbatim {
            let kind = match run.kind {
                RunKind::Copy => "copy",
                RunKind::CommonQuote => "common quote",
                RunKind::Stock => "stock words",
            };
            let also = if run.also_in.is_empty() {
                String::new()
            } else {
                format!(", also in {}", run.also_in.join(", "))
            };
            let _ = writeln!(
                out,
                "    verbatim, {kind}, {} words ({} free){also}",
                run.words, run.free_words
            );
            write_both(&mut out, &run.a, &run.b);
        }
        for particular in &pair.particulars {
            let also = if particular.also_in.is_empty() {
                String::new()
            } else {
                format!(" (also in {})", particular.also_in.join(", "))
            };
            let _ = writeln!(out, "    {}{also}", particular.what);
            write_both(&mut out, &particular.a, &particular.b);
        }
        for credit in &pair.credits {
            let cue = if credit.explicit {
                format!("credits {} ({})", credit.name, credit.cue)
            } else {
                format!("names {} (no cue)", credit.name)
            };
            let _ = writeln!(out, "    {} {cue}", credit.by);
            write_one(&mut out, &credit.passage);
        }
        let times = &pair.times;
        let time = |t: &super::OutletTime| {
            format!(
                "{} published {}, fetched {}",
                t.outlet,
                t.published.as_deref().unwrap_or("unknown"),
                t.fetched_at.as_deref().unwrap_or("never (local)")
            )
        };
        let _ = writeln!(out, "    times: {}; {}", time(&times.a), time(&times.b));
        if let Some(why) = &times.why {
            let _ = writeln!(out, "      {}", why);
        }
    }
    let agencies: Vec<&super::Credit> = provenance
        .credits
        .iter()
        .filter(|c| c.outlet.is_none())
        .collect();
    if !agencies.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Credits to news agencies outside the story:");
        for credit in agencies {
            let _ = writeln!(
                out,
                "  {} credits {} ({})",
                credit.by, credit.name, credit.cue
            );
            write_one(&mut out, &credit.passage);
        }
    }
    clean_message(&out)
}

/// A relation as a sentence: `clearsky derives wholly from meridian (confidence 0.97, ...)`.
pub fn sentence(relation: &Relation) -> String {
    let (s, d) = (&relation.source, &relation.derived);
    let head = match (relation.class.is_derived(), relation.direction) {
        (true, Some(basis)) => format!(
            "{d} derives {} from {s} (confidence {:.2}, share {:.0}%, direction from {})",
            relation.class.as_str(),
            relation.confidence,
            relation.share * 100.0,
            basis.as_str()
        ),
        (true, None) => format!(
            "one of {s} and {d} derives {} from the other (confidence {:.2}), which way is undetermined",
            relation.class.as_str(),
            relation.confidence
        ),
        (false, _) => format!(
            "{s} and {d}: {} (confidence {:.2}, strength {:.2})",
            relation.class.as_str(),
            relation.confidence,
            relation.strength
        ),
    };
    match (&relation.via, relation.class.is_derived()) {
        (Some(via), true) => format!("{head}, through {via}"),
        (Some(via), false) => format!("{head}, via {via}"),
        _ => head,
    }
}

fn write_both(out: &mut String, a: &Passage, b: &Passage) {
    write_one(out, a);
    write_one(out, b);
}

fn write_one(out: &mut String, passage: &Passage) {
    let _ = writeln!(
        out,
        "      {} {}: “{}”",
        passage.outlet,
        passage.place(),
        passage.text
    );
}
