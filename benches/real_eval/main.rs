//! parallax's matching measured on real cross-outlet text, a bag-of-words baseline beside
//! every figure (issue: matching on real text):
//!
//! - MSRP train: sentence pairs judged equivalent or not; parallax says "equivalent" when it
//!   carries the claim without a conflicting fact;
//! - MSRP conflicts: pairs of MSRP train that both state figures, every conflict between them
//!   listed blind by careful reading (`tests/fixtures/msrp-conflict-labels.jsonl`, and a
//!   held-out set never tuned on), against the conflicts parallax reports, kind by kind;
//! - iSTS headlines train: the whole headline (appears / differs / missing), and each chunk;
//! - BASIL dev: every reference claim against each other outlet, judged blind by careful
//!   reading (JUDGING.md): the shared labels (reference `nyt`) and, scored apart and never
//!   tuned on, our own: with reference `nyt` (`tests/fixtures/basil-labels-nyt/`, other
//!   stories) and with references `fox` and `hpo` (`tests/fixtures/basil-labels/`); and on
//!   the labels that mark where a claim is carried (the shared ones and our `nyt` set), the
//!   outlet claims parallax calls `added` against those holding no carried claim's evidence.
//!
//! `cargo bench --bench real_eval` runs it all; name sets to run only those
//! (`cargo bench --bench real_eval -- basil msrp`, of `msrp conflicts ists chunks basil nyt
//! own`), and set
//! `PARALLAX_EVAL_SHOW=1` to list every judgement parallax gets wrong. `-- fit` (never run
//! by default) refits the match scorer's weights on the shared labels and writes them to
//! `src/align/match_weights.json`; rebuild to use them. The data are read from
//! `../shared/bench/claims` (or `PARALLAX_CLAIMS_DIR`); without them it prints why and stops.

mod added;
mod baseline;
mod conflicts;
mod data;
mod engine;
mod fit;
mod metrics;
mod pairs;
mod stories;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const SETS: [&str; 8] = [
    "msrp",
    "conflicts",
    "ists",
    "chunks",
    "basil",
    "nyt",
    "own",
    "fit",
];

fn main() -> ExitCode {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("PARALLAX_CLAIMS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../shared/bench/claims"));
    if !dir.join("msrp-train.jsonl").is_file() {
        println!(
            "real_eval skipped: {} is absent (the real-data sets live outside the repository)",
            dir.display()
        );
        return ExitCode::SUCCESS;
    }
    let asked: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let run = |set: &str| asked.iter().any(|a| a == set) || (asked.is_empty() && set != "fit");
    if let Some(unknown) = asked.iter().find(|a| !SETS.contains(&a.as_str())) {
        eprintln!(
            "real_eval: unknown set `{unknown}` (known: {})",
            SETS.join(", ")
        );
        return ExitCode::from(2);
    }
    let show = std::env::var_os("PARALLAX_EVAL_SHOW").is_some();
    let started = Instant::now();
    let result = (|| -> Result<(), String> {
        if run("fit") {
            fit::fit(&dir, &manifest.join("src/align/match_weights.json"))?;
        }
        if run("msrp") {
            let hidden = conflicts::held_out_ids(&manifest.join("tests/fixtures"))?;
            pairs::msrp(&dir, show, &hidden)?;
        }
        let conflict_sets = [
            ("blind labels", "msrp-conflict-labels.jsonl"),
            ("held-out blind labels (untouched)", conflicts::HELD_OUT[0]),
            (
                "second held-out blind labels (untouched)",
                conflicts::HELD_OUT[1],
            ),
        ];
        for (title, file) in conflict_sets {
            let labels = manifest.join("tests/fixtures").join(file);
            if run("conflicts") && labels.is_file() {
                // The held-out pairs' errors are never listed: reading them would tune on them.
                let listed = show && !conflicts::HELD_OUT.contains(&file);
                conflicts::evaluate(title, &dir, &labels, listed)?;
            }
        }
        if run("ists") {
            pairs::ists_sentences(&dir, show)?;
        }
        if run("chunks") {
            pairs::ists_chunks(&dir)?;
        }
        if run("basil") {
            let labels = data::shared_labels(&dir)?;
            let title = "BASIL dev, shared labels (reference nyt)";
            stories::evaluate(title, &dir, &labels, show)?;
            added::evaluate(title, &dir, &labels)?;
        }
        let own_sets = [
            ("nyt", "basil-labels-nyt", "reference nyt"),
            ("own", "basil-labels", "references fox and hpo"),
        ];
        for (set, folder, references) in own_sets {
            let folder = manifest.join("tests/fixtures").join(folder);
            if run(set) && folder.is_dir() {
                let labels = data::own_labels(&folder, &dir)?;
                let title = format!("BASIL dev, our blind labels, {references} (untouched)");
                stories::evaluate(&title, &dir, &labels, show)?;
                // Only the `nyt` set marks where each carried claim stands in the outlet.
                if set == "nyt" {
                    added::evaluate(&title, &dir, &labels)?;
                }
            }
        }
        Ok(())
    })();
    println!("(real_eval took {:.1} s)", started.elapsed().as_secs_f64());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("real_eval: {message}");
            ExitCode::FAILURE
        }
    }
}
