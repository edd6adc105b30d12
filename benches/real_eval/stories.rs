//! BASIL stories judged claim by claim (JUDGING.md): each reference claim against each other
//! outlet, parallax against a bag of words tuned on the same labels.

use std::path::Path;

use parallax::align::compare;
use parallax::extract::ExtractHints;
use parallax::model::{ClaimStatus, Comparison, EngineSettings, OutletEntry, TextSpan};
use parallax::pipeline::{outlet_entry, read_local_article};

use crate::baseline;
use crate::data::{self, StoryLabel};
use crate::engine;
use crate::metrics::{self, Outcome, Truth};

/// The outlets of every BASIL story.
const OUTLETS: [&str; 3] = ["nyt", "fox", "hpo"];

/// One scored judgement.
struct Judged<'l> {
    label: &'l StoryLabel,
    parallax: Outcome,
    similarity: f64,
    bow_containment: f64,
    bow_jaccard: f64,
    reasons: String,
    /// The outlet's passages that parallax says carry the claim.
    passages: String,
}

/// The truth a JUDGING.md label stands for.
pub fn truth(label: &str) -> Truth {
    match label {
        "same" => Truth::Is(Outcome::Appears),
        "changed" => Truth::Is(Outcome::Differs),
        "partial" => Truth::Carried,
        _ => Truth::Is(Outcome::Missing),
    }
}

/// Scores `labels` and prints the figures under `title`.
pub fn evaluate(title: &str, dir: &Path, labels: &[StoryLabel], show: bool) -> Result<(), String> {
    let groups = data::by_story(labels);
    let mut judged = Vec::new();
    for ((story, reference), labels) in &groups {
        let outlets = read_story(dir, story)?;
        let comparison = compare(
            story,
            outlets.clone(),
            reference,
            Vec::new(),
            &EngineSettings::default(),
        );
        let reference_entry = outlets.iter().find(|o| o.id == *reference).expect("loaded");
        for label in labels {
            let statuses =
                claim_statuses(&comparison, reference_entry, &label.claim, &label.outlet);
            let outcomes: Vec<Outcome> =
                statuses.iter().map(|s| engine::judged_outcome(s)).collect();
            let other = outlets
                .iter()
                .find(|o| o.id == label.outlet)
                .expect("loaded");
            let sentences = baseline::sentences(&other.paragraphs);
            judged.push(Judged {
                label,
                parallax: combined(&outcomes),
                similarity: statuses.iter().map(|s| s.similarity).fold(0.0, f64::max),
                bow_containment: baseline::best(&label.claim, &sentences, baseline::containment),
                bow_jaccard: baseline::best(&label.claim, &sentences, baseline::jaccard),
                reasons: statuses
                    .iter()
                    .flat_map(|s| s.reasons.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join("; "),
                passages: statuses
                    .iter()
                    .filter_map(|s| s.text.as_deref())
                    .collect::<Vec<_>>()
                    .join(" | "),
            });
        }
    }
    print_figures(title, groups.len(), &judged);
    if show {
        print_errors(&judged);
    }
    Ok(())
}

/// The three outlets of a story, read as `parallax diff` reads text files.
pub fn read_story(dir: &Path, story: &str) -> Result<Vec<OutletEntry>, String> {
    OUTLETS
        .iter()
        .map(|id| {
            let path = data::story_dir(dir, story).join(format!("{id}.txt"));
            let max_bytes = parallax::config::Settings::default().max_body_bytes;
            let article = read_local_article(&path, &ExtractHints::default(), max_bytes)?;
            Ok(outlet_entry(id, id, &path.display().to_string(), article))
        })
        .collect()
}

/// The statuses `outlet` gets for the reference claims that cover `claim`.
fn claim_statuses<'c>(
    comparison: &'c Comparison,
    reference: &OutletEntry,
    claim: &str,
    outlet: &str,
) -> Vec<&'c ClaimStatus> {
    let clusters: Vec<_> = comparison
        .claims
        .iter()
        .filter(|c| c.origin == reference.id)
        .collect();
    let claims: Vec<(Option<TextSpan>, &str)> = clusters
        .iter()
        .map(|c| {
            let spans = &c.statuses[&reference.id].spans;
            (spans.first().copied(), c.text.as_str())
        })
        .collect();
    covering(&claims, reference, claim)
        .into_iter()
        .filter_map(|i| clusters[i].statuses.get(outlet))
        .collect()
}

/// The reference's claims (where each stands, None for the headline, and its text) that cover
/// a labelled `claim`: the headline for the title (or a heading repeating it), those whose span
/// lies mostly inside the claim's place in the paragraphs, else the one whose words overlap it
/// most.
pub fn covering(
    claims: &[(Option<TextSpan>, &str)],
    reference: &OutletEntry,
    claim: &str,
) -> Vec<usize> {
    if claim.trim() == reference.title.trim() {
        let headline: Vec<usize> = (0..claims.len())
            .filter(|&i| claims[i].0.is_none())
            .collect();
        if !headline.is_empty() {
            return headline;
        }
    }
    let place = reference
        .paragraphs
        .iter()
        .enumerate()
        .find_map(|(p, text)| {
            text.find(claim)
                .map(|start| (p, start, start + claim.len()))
        });
    if let Some((paragraph, start, end)) = place {
        let inside: Vec<usize> = claims
            .iter()
            .enumerate()
            .filter(|(_, (s, _))| {
                s.is_some_and(|s| {
                    let overlap = s.end.min(end).saturating_sub(s.start.max(start));
                    s.paragraph == paragraph && overlap * 2 > s.end - s.start
                })
            })
            .map(|(i, _)| i)
            .collect();
        if !inside.is_empty() {
            return inside;
        }
    }
    claims
        .iter()
        .enumerate()
        .map(|(i, (_, text))| (baseline::jaccard(text, claim), i))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i)
        .into_iter()
        .collect()
}

/// One outcome for a sentence parallax cut into several claims: carried if any part is,
/// differs if any part differs.
fn combined(outcomes: &[Outcome]) -> Outcome {
    if outcomes.contains(&Outcome::Differs) {
        Outcome::Differs
    } else if outcomes.contains(&Outcome::Appears) {
        Outcome::Appears
    } else {
        Outcome::Missing
    }
}

fn print_figures(title: &str, stories: usize, judged: &[Judged]) {
    let pairs: Vec<(Outcome, Outcome)> = judged
        .iter()
        .map(|j| (j.parallax, truth(&j.label.label).against(j.parallax)))
        .collect();
    let carried: Vec<(bool, bool)> = judged
        .iter()
        .map(|j| (j.parallax.carried(), j.label.label != "absent"))
        .collect();
    let (f1, precision, recall) = metrics::f1(&carried);
    println!("== {title}: {stories} stories, {} judgements", judged.len());
    for (name, score) in [
        (
            "containment",
            (|j: &Judged| j.bow_containment) as fn(&Judged) -> f64,
        ),
        ("Jaccard", |j: &Judged| j.bow_jaccard),
    ] {
        let binary: Vec<(f64, bool)> = judged
            .iter()
            .map(|j| (score(j), j.label.label != "absent"))
            .collect();
        let (t, bow_f1) = baseline::tune_binary(&binary, |p| metrics::f1(p).0);
        let three: Vec<(f64, Truth)> = judged
            .iter()
            .map(|j| (score(j), truth(&j.label.label)))
            .collect();
        let (low, high, bow_macro) = baseline::tune_three_way(&three);
        println!(
            "  bag of words ({name}): carried F1 {bow_f1:.3} (>= {t:.2}), macro-F1 {bow_macro:.3} ({low:.2} / {high:.2})"
        );
    }
    println!(
        "  parallax: carried F1 {f1:.3} (precision {precision:.3}, recall {recall:.3}), macro-F1 {:.3}, accuracy {:.3}",
        metrics::macro_f1(&pairs),
        metrics::accuracy(&pairs)
    );
    let differs_share = |label: &str| {
        let of: Vec<&Judged> = judged.iter().filter(|j| j.label.label == label).collect();
        let differs = of.iter().filter(|j| j.parallax == Outcome::Differs).count();
        differs as f64 / of.len().max(1) as f64
    };
    println!(
        "  differs with a conflict or framing: of `same` {:.3} (floor <= 0.10), of `changed` {:.3} (floor >= 0.70)",
        differs_share("same"),
        differs_share("changed")
    );
    println!("  label \\ parallax  appears  differs  missing");
    for label in ["same", "changed", "partial", "absent"] {
        let row: Vec<usize> = Outcome::ALL
            .iter()
            .map(|o| {
                judged
                    .iter()
                    .filter(|j| j.label.label == label && j.parallax == *o)
                    .count()
            })
            .collect();
        println!("  {label:<16} {:>7}  {:>7}  {:>7}", row[0], row[1], row[2]);
    }
}

fn print_errors(judged: &[Judged]) {
    for j in judged {
        let right = truth(&j.label.label).against(j.parallax) == j.parallax;
        if !right {
            let claim: String = j.label.claim.chars().take(110).collect();
            println!(
                "  x {} {}/{} {:?} (sim {:.2}, bow {:.2}) {}",
                j.label.label,
                j.label.reference,
                j.label.outlet,
                j.parallax,
                j.similarity,
                j.bow_containment,
                claim
            );
            if !j.passages.is_empty() {
                println!("      passage: {}", j.passages);
            }
            if !j.reasons.is_empty() {
                println!("      reasons: {}", j.reasons);
            }
        }
    }
}
