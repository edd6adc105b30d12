//! Added claims on the BASIL labels: an outlet's claim is added when it carries none of the
//! reference's claims. Every reference claim is judged against every other outlet, so an
//! outlet claim that holds no carried judgement's evidence is read as added (approximately: a
//! labeller marks where a claim is carried, not every place that repeats it). Outlets with a
//! carried judgement but no evidence written down are left out. Parallax's `added` statuses are
//! scored against that reading, a bag of words beside them (added when no reference sentence
//! holds enough of the claim's words, the cut tuned on the same labels).

use std::path::Path;

use parallax::align::compare;
use parallax::align::inspect::StoryPairs;
use parallax::model::{EngineSettings, Status};

use crate::baseline;
use crate::data::{self, StoryLabel};
use crate::metrics;
use crate::stories::read_story;

/// Scores parallax's added claims on the outlets of `labels` and prints the figures.
pub fn evaluate(title: &str, dir: &Path, labels: &[StoryLabel]) -> Result<(), String> {
    // (parallax says added, read as added) and (bag-of-words score, read as added).
    let mut decisions: Vec<(bool, bool)> = Vec::new();
    let mut scores: Vec<(f64, bool)> = Vec::new();
    let mut left_out = 0;
    for ((story, reference), labels) in data::by_story(labels) {
        let outlets = read_story(dir, story)?;
        let comparison = compare(
            story,
            outlets.clone(),
            reference,
            Vec::new(),
            &EngineSettings::default(),
        );
        let pairs = StoryPairs::new(&outlets);
        let reference_entry = outlets
            .iter()
            .find(|o| o.id == reference)
            .ok_or("no reference")?;
        let reference_sentences = baseline::sentences(&reference_entry.paragraphs);
        for outlet in outlets.iter().filter(|o| o.id != reference) {
            let carried: Vec<&&StoryLabel> = labels
                .iter()
                .filter(|l| l.outlet == outlet.id && l.label != "absent")
                .collect();
            if carried.iter().any(|l| l.evidence.trim().is_empty()) {
                left_out += 1;
                continue;
            }
            let added: Vec<&str> = comparison
                .claims
                .iter()
                .filter(|c| c.origin == outlet.id)
                .filter(|c| {
                    c.statuses
                        .get(&outlet.id)
                        .is_some_and(|s| s.status == Status::Added)
                })
                .map(|c| c.text.trim())
                .collect();
            let o = pairs
                .outlet(&outlet.id)
                .ok_or("outlet not among the outlets")?;
            for (_, text) in pairs.claims(o) {
                let truly_added = !carried.iter().any(|l| l.evidence_in(text));
                decisions.push((added.contains(&text.trim()), truly_added));
                let held = baseline::best(text, &reference_sentences, baseline::containment);
                scores.push((1.0 - held, truly_added));
            }
        }
    }
    let (f1, precision, recall) = metrics::f1(&decisions);
    let (cut, bow_f1) = baseline::tune_binary(&scores, |p| metrics::f1(p).0);
    let truly = decisions.iter().filter(|(_, t)| *t).count();
    println!(
        "== {title}, added claims: {} outlet claims, {truly} holding no carried claim's evidence (read as added){}",
        decisions.len(),
        if left_out > 0 {
            format!("; {left_out} outlets left out (a carried claim without evidence)")
        } else {
            String::new()
        }
    );
    println!(
        "  parallax: added F1 {f1:.3} (precision {precision:.3}, recall {recall:.3})   bag of words: F1 {bow_f1:.3} (added below {:.2} of its words in a reference sentence)",
        1.0 - cut
    );
    Ok(())
}
