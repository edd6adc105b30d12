//! Fits the match scorer's weights (`src/align/match_weights.json`) on the shared BASIL labels:
//! `cargo bench --bench real_eval -- fit`. Our own labels are never fitted on (fitting on the
//! shared labels and our `nyt` set together gave a cut so high that carried F1 fell to 0.552 on
//! the shared labels and 0.738 on `own`).
//!
//! Every (reference claim, outlet claim) pair of a judged claim is an example: it carries the
//! claim when the labeller's evidence stands in the outlet claim, and not otherwise (every pair
//! of an absent claim, every other pair of a carried one). A logistic regression is fitted on
//! them, positives and negatives weighted alike; then, since the engine decides a claim by its
//! best pair, the bias is moved to the cut where the best pair decides claims best (carried F1).

use std::path::Path;

use parallax::align::inspect::StoryPairs;
use parallax::align::scorer::Scorer;
use parallax::align::similarity::{PAIR_FEATURE_NAMES, PAIR_FEATURES};

use crate::data::{self, IstsSentence, MsrpPair, StoryLabel};
use crate::engine;
use crate::metrics;
use crate::stories::{covering, read_story};

/// Gradient-descent steps per fit, and their size.
const STEPS: usize = 5000;
const RATE: f64 = 2.0;

/// L2 penalty on the weights (not the bias): keeps them small where the data say little.
const L2: f64 = 0.001;

/// One judgement as the fit sees it: every (reference claim, outlet claim) measurement it
/// may be about, the ones that hold the evidence, and whether the claim is carried.
struct Example {
    candidates: Vec<[f64; PAIR_FEATURES]>,
    evidence: Vec<usize>,
    carried: bool,
}

/// Fits the weights, prints them with the fit's own figures, and writes them.
pub fn fit(dir: &Path, weights_file: &Path) -> Result<(), String> {
    let labels = data::shared_labels(dir)?;
    let examples = examples(dir, &labels)?;
    let mut pairs: Vec<([f64; PAIR_FEATURES], bool)> = Vec::new();
    for e in &examples {
        for (k, candidate) in e.candidates.iter().enumerate() {
            pairs.push((*candidate, e.carried && e.evidence.contains(&k)));
        }
    }
    let with_evidence = examples
        .iter()
        .filter(|e| e.carried && !e.evidence.is_empty())
        .count();
    let carried = examples.iter().filter(|e| e.carried).count();
    let sentence_pairs = sentence_pair_examples(dir)?;
    pairs.extend(&sentence_pairs);
    let unrelated = unrelated_examples(dir, &labels)?;
    for e in &unrelated {
        pairs.extend(e.candidates.iter().map(|c| (*c, false)));
    }
    let mut scorer = logistic_regression(&pairs);
    // The decision takes the best pair of each claim: shift the bias to the cut that decides
    // claims best, but never so low that claims of other stories match more often than
    // UNRELATED_RATE.
    let best_logit = |e: &Example| {
        e.candidates
            .iter()
            .map(|c| scorer.logit(c))
            .fold(f64::MIN, f64::max)
    };
    let best: Vec<(f64, bool)> = examples
        .iter()
        .map(|e| (best_logit(e), e.carried))
        .collect();
    let unrelated_best: Vec<f64> = unrelated.iter().map(best_logit).collect();
    let false_rate = |cut: f64| {
        unrelated_best.iter().filter(|&&l| l >= cut).count() as f64
            / unrelated_best.len().max(1) as f64
    };
    let (cut, f1) = (-60..=60)
        .map(|step| f64::from(step) / 10.0)
        .filter(|&cut| false_rate(cut) <= UNRELATED_RATE)
        .map(|cut| {
            let decisions: Vec<(bool, bool)> = best.iter().map(|&(l, c)| (l >= cut, c)).collect();
            (cut, metrics::f1(&decisions).0)
        })
        .fold((0.0, -1.0), |b, x| if x.1 > b.1 { x } else { b });
    scorer.bias -= cut;
    println!(
        "== fit on {} judgements ({} carried, {with_evidence} with their evidence found), {} \
         sentence pairs and {} claims against another story's outlet; {} pairs: the best pair of \
         each claim alone gives carried F1 {f1:.3}, claims of another story matched {:.2}%",
        examples.len(),
        carried,
        sentence_pairs.len(),
        unrelated.len(),
        pairs.len(),
        false_rate(cut) * 100.0
    );
    println!("  bias {:+.3}", scorer.bias);
    for (name, weight) in &scorer.weights {
        println!("  {name:<16} {weight:+.3}");
    }
    let json = serde_json::to_string_pretty(&scorer).map_err(|e| e.to_string())?;
    std::fs::write(weights_file, json + "\n")
        .map_err(|e| format!("{}: {e}", weights_file.display()))?;
    println!("  written to {}", weights_file.display());
    Ok(())
}

fn examples(dir: &Path, labels: &[StoryLabel]) -> Result<Vec<Example>, String> {
    let groups = data::by_story(labels);
    let mut examples = Vec::new();
    for ((story, reference), labels) in groups {
        let outlets = read_story(dir, story)?;
        let pairs = StoryPairs::new(&outlets);
        let r = pairs
            .outlet(reference)
            .ok_or("reference not among the outlets")?;
        let reference_claims = pairs.claims(r);
        for label in labels {
            let o = pairs
                .outlet(&label.outlet)
                .ok_or("outlet not among the outlets")?;
            let outlet_claims = pairs.claims(o);
            let covered = covering(&reference_claims, &outlets[r], &label.claim);
            let mut candidates = Vec::new();
            let mut evidence = Vec::new();
            let holds_evidence: Vec<bool> = outlet_claims
                .iter()
                .map(|(_, text)| label.evidence_in(text))
                .collect();
            for &i in &covered {
                for (j, &holds) in holds_evidence.iter().enumerate() {
                    if holds {
                        evidence.push(candidates.len());
                    }
                    candidates.push(pairs.pair_features((r, i), (o, j)));
                }
            }
            examples.push(Example {
                candidates,
                evidence,
                carried: label.label != "absent",
            });
        }
    }
    Ok(examples)
}

/// Real sentence pairs whose carriage is known: MSRP train's equivalent pairs (carried), and
/// iSTS headlines train (carried unless no chunk aligns). MSRP's other pairs are left out: a
/// pair judged not equivalent may still carry part of the claim.
fn sentence_pair_examples(dir: &Path) -> Result<Vec<([f64; PAIR_FEATURES], bool)>, String> {
    let msrp: Vec<MsrpPair> = data::read_jsonl(&dir.join("msrp-train.jsonl"))?;
    let ists: Vec<IstsSentence> =
        data::read_jsonl(&dir.join("ists-headlines-sentences-train.jsonl"))?;
    let known = msrp
        .iter()
        .filter(|p| p.equivalent)
        .map(|p| (&p.a, &p.b, true))
        .chain(ists.iter().map(|p| (&p.a, &p.b, p.label != "missing")));
    let mut examples = Vec::new();
    for (a, b, carried) in known.step_by(SENTENCE_PAIR_STEP) {
        let outlets = [
            engine::outlet("a", vec![a.clone()]),
            engine::outlet("b", vec![b.clone()]),
        ];
        let pairs = StoryPairs::new(&outlets);
        let (claims, others) = (pairs.claims(0).len(), pairs.claims(1).len());
        if claims == 1 && others == 1 {
            examples.push((pairs.pair_features((0, 0), (1, 0)), carried));
        }
    }
    Ok(examples)
}

/// Every this-many-th sentence pair is fitted on: enough to teach what a one-sentence paraphrase
/// looks like without outweighing the stories, where claims are carried in part.
const SENTENCE_PAIR_STEP: usize = 10;

/// At most this share of claims may find a match in an article about another story.
const UNRELATED_RATE: f64 = 0.004;

/// Every reference claim of each labelled story against the other outlets of the next story
/// (in story order): claims that no passage carries.
fn unrelated_examples(dir: &Path, labels: &[StoryLabel]) -> Result<Vec<Example>, String> {
    let mut stories: Vec<(&str, &str)> = labels
        .iter()
        .map(|l| (l.story.as_str(), l.reference.as_str()))
        .collect();
    stories.sort_unstable();
    stories.dedup();
    let mut examples = Vec::new();
    for (k, &(story, reference)) in stories.iter().enumerate() {
        let (next, _) = stories[(k + 1) % stories.len()];
        let own = read_story(dir, story)?;
        let theirs = read_story(dir, next)?;
        let reference = own
            .iter()
            .find(|o| o.id == reference)
            .ok_or("no reference")?;
        for other in theirs.iter().filter(|o| o.id != reference.id) {
            let pairs = StoryPairs::new(&[reference.clone(), other.clone()]);
            let (claims, others) = (pairs.claims(0).len(), pairs.claims(1).len());
            for i in 0..claims {
                examples.push(Example {
                    candidates: (0..others)
                        .map(|j| pairs.pair_features((0, i), (1, j)))
                        .collect(),
                    evidence: Vec::new(),
                    carried: false,
                });
            }
        }
    }
    Ok(examples)
}

/// Plain logistic regression by full-batch gradient descent, positives and negatives weighted
/// to count alike.
fn logistic_regression(examples: &[([f64; PAIR_FEATURES], bool)]) -> Scorer {
    let positives = examples.iter().filter(|e| e.1).count().max(1) as f64;
    let negatives = examples.iter().filter(|e| !e.1).count().max(1) as f64;
    let mut w = [0.0; PAIR_FEATURES];
    let mut bias = 0.0;
    for _ in 0..STEPS {
        let mut grad = [0.0; PAIR_FEATURES];
        let mut grad_bias = 0.0;
        let mut total = 0.0;
        for (x, y) in examples {
            let weight = if *y { 0.5 / positives } else { 0.5 / negatives };
            let logit = bias + w.iter().zip(x).map(|(w, x)| w * x).sum::<f64>();
            let error = 1.0 / (1.0 + (-logit).exp()) - f64::from(u8::from(*y));
            for k in 0..PAIR_FEATURES {
                grad[k] += weight * error * x[k];
            }
            grad_bias += weight * error;
            total += weight;
        }
        for k in 0..PAIR_FEATURES {
            w[k] -= RATE * (grad[k] / total + L2 * w[k]);
        }
        bias -= RATE * grad_bias / total;
    }
    Scorer::new(
        bias,
        w,
        &format!(
            "cargo bench --bench real_eval -- fit: logistic regression on {} pairs: the shared BASIL \
             judgements (basil-dev-labels.jsonl, evidence pairs positive), MSRP train's equivalent \
             pairs, iSTS headlines train, and claims against another story's outlet, positives and negatives \
             weighted alike, bias moved to the best carried-F1 cut of each claim's best pair; \
             measurements: {}",
            examples.len(),
            PAIR_FEATURE_NAMES.join(", ")
        ),
    )
}
