//! The framing as tables of plain-text cells, the one layout every front end shows (the TUI's
//! Framing view, the Markdown and HTML reports): word choices, labels for the same actor, voice
//! and certainty, and claims stated as fact by some outlets. Each row may name the passage it
//! comes from, for a view to jump to.

use super::{Framing, LoadedWord, Occurrence, OneSidedWord, WordCount};

/// One table of the framing.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Its title.
    pub title: &'static str,
    /// Its column names.
    pub header: &'static [&'static str],
    /// Its rows, each with one cell per column.
    pub rows: Vec<Row>,
}

/// One row of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<String>,
    /// The passage the row comes from (the first, where it occurs several times).
    pub jump: Option<Jump>,
}

/// A passage of one outlet to jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    /// Outlet id.
    pub outlet: String,
    /// Where in it.
    pub occurrence: Occurrence,
}

/// The "reference says" cell of a loaded word an outlet adds.
pub const ADDED: &str = "(added)";

/// The "outlet says" cell of a loaded word of the reference's an outlet leaves out.
pub const LEFT_OUT: &str = "(left out)";

/// The framing's tables, in the order they are shown.
pub fn tables(framing: &Framing) -> Vec<Table> {
    vec![
        substitutions(framing),
        labels(framing),
        voice(framing),
        stated_as_fact(framing),
    ]
}

fn substitutions(framing: &Framing) -> Table {
    let rows = framing
        .substitutions
        .iter()
        .flat_map(|outlet| {
            let substituted = outlet.substitutions.iter().map(move |s| Row {
                cells: vec![
                    outlet.outlet.clone(),
                    s.from.clone(),
                    s.to.clone(),
                    s.count.to_string(),
                    loaded_cell(&s.loaded),
                    claims_cell(&s.occurrences),
                ],
                jump: jump(&outlet.outlet, &s.occurrences),
            });
            // A loaded word the outlet adds: the reference has nothing in its place.
            let added = outlet.added.iter().map(move |a| {
                let cells = [ADDED.to_string(), a.word.clone()];
                one_sided_row(&outlet.outlet, cells, a)
            });
            // One of the reference's the outlet leaves out: it has nothing in its place.
            let left_out = outlet.left_out.iter().map(move |a| {
                let cells = [a.word.clone(), LEFT_OUT.to_string()];
                one_sided_row(&outlet.outlet, cells, a)
            });
            substituted.chain(added).chain(left_out)
        })
        .collect();
    Table {
        title: "Word choices",
        header: &[
            "outlet",
            "reference says",
            "outlet says",
            "count",
            "loaded",
            "claims",
        ],
        rows,
    }
}

/// The row of a one-sided loaded word, `says`: what the reference and the outlet say.
fn one_sided_row(outlet: &str, says: [String; 2], word: &OneSidedWord) -> Row {
    let [reference, own] = says;
    Row {
        cells: vec![
            outlet.to_string(),
            reference,
            own,
            word.count.to_string(),
            format!("{} {:+.1}", word.word, word.valence),
            claims_cell(&word.occurrences),
        ],
        jump: jump(outlet, &word.occurrences),
    }
}

fn labels(framing: &Framing) -> Table {
    let mut rows = Vec::new();
    for actor in &framing.actors {
        for (outlet, labels) in &actor.labels {
            let expressions: Vec<String> = labels
                .iter()
                .map(|l| {
                    let epithet = if l.epithet { " (epithet)" } else { "" };
                    format!("{}{epithet} {}", l.text, l.count)
                })
                .collect();
            let loaded: Vec<LoadedWord> = labels
                .iter()
                .flat_map(|l| l.loaded.iter().cloned())
                .collect();
            rows.push(Row {
                cells: vec![
                    actor.name.clone(),
                    outlet.clone(),
                    or_none(expressions.join(", ")),
                    loaded_cell(&loaded),
                ],
                jump: labels.first().and_then(|l| jump(outlet, &l.occurrences)),
            });
        }
    }
    Table {
        title: "Labels for the same actor",
        header: &["actor", "outlet", "expressions (count)", "loaded"],
        rows,
    }
}

fn voice(framing: &Framing) -> Table {
    let rows = framing
        .voice
        .iter()
        .map(|v| {
            let first = [&v.attribution_verbs, &v.hedges, &v.intensifiers]
                .into_iter()
                .flatten()
                .next();
            Row {
                cells: vec![
                    v.outlet.clone(),
                    counts_cell(&v.attribution_verbs),
                    counts_cell(&v.hedges),
                    counts_cell(&v.intensifiers),
                ],
                jump: first.and_then(|w| jump(&v.outlet, &w.occurrences)),
            }
        })
        .collect();
    Table {
        title: "Voice and certainty",
        header: &["outlet", "attribution verbs", "hedges", "intensifiers"],
        rows,
    }
}

fn stated_as_fact(framing: &Framing) -> Table {
    let rows = framing
        .stated_as_fact
        .iter()
        .map(|s| {
            let qualified: Vec<String> = s
                .qualified
                .iter()
                .map(|(outlet, words)| format!("{outlet}: {}", words.join(", ")))
                .collect();
            Row {
                cells: vec![s.claim.clone(), s.as_fact.join(", "), qualified.join("; ")],
                jump: s.qualified.keys().next().map(|outlet| Jump {
                    outlet: outlet.clone(),
                    occurrence: Occurrence {
                        claim: s.claim.clone(),
                        paragraph: None,
                    },
                }),
            }
        })
        .collect();
    Table {
        title: "Stated as fact by some, attributed by others",
        header: &["claim", "stated as fact by", "attributed or hedged by"],
        rows,
    }
}

fn jump(outlet: &str, occurrences: &[Occurrence]) -> Option<Jump> {
    occurrences.first().map(|occurrence| Jump {
        outlet: outlet.to_string(),
        occurrence: occurrence.clone(),
    })
}

/// `stolen -2.2, lure -1.6`, or `-`.
fn loaded_cell(words: &[LoadedWord]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let cells: Vec<String> = words
        .iter()
        .filter(|w| {
            let new = !seen.contains(&w.word.as_str());
            seen.push(&w.word);
            new
        })
        .map(|w| format!("{} {:+.1}", w.word, w.valence))
        .collect();
    or_none(cells.join(", "))
}

/// The claims an entry occurs in, each once: `c1, c12`.
fn claims_cell(occurrences: &[Occurrence]) -> String {
    let mut claims: Vec<&str> = Vec::new();
    for at in occurrences {
        if !claims.contains(&at.claim.as_str()) {
            claims.push(&at.claim);
        }
    }
    claims.join(", ")
}

/// `said 2, claimed 1`, or `-`.
fn counts_cell(words: &[WordCount]) -> String {
    let cells: Vec<String> = words
        .iter()
        .map(|w| format!("{} {}", w.word, w.count))
        .collect();
    or_none(cells.join(", "))
}

fn or_none(text: String) -> String {
    if text.is_empty() {
        "-".to_string()
    } else {
        text
    }
}
