//! The real-data sets of `../shared/bench/claims/` and the repository's own blind labels, read
//! as they are stored.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::baseline;

/// One MSRP pair: two outlets' sentences, judged the same statement or not.
#[derive(Deserialize)]
pub struct MsrpPair {
    pub id: String,
    pub a: String,
    pub b: String,
    pub equivalent: bool,
}

/// One iSTS headline pair, the whole `a` headline as one claim against `b`.
#[derive(Deserialize)]
pub struct IstsSentence {
    pub a: String,
    pub b: String,
    /// appears / differs / missing.
    pub label: String,
}

/// One aligned and typed chunk of an iSTS headline `a` against `b`.
#[derive(Deserialize)]
pub struct IstsChunk {
    pub a: String,
    pub b: String,
    /// The chunk's words, as they stand in `a`.
    pub span: String,
    /// appears / differs / missing.
    pub label: String,
}

/// One judgement of a reference claim against one other outlet of a BASIL story.
pub struct StoryLabel {
    pub story: String,
    pub reference: String,
    /// The claim's words, as they stand in the reference article.
    pub claim: String,
    pub outlet: String,
    /// same / changed / partial / absent.
    pub label: String,
    /// The outlet's words that carry the claim, where the labeller wrote them down.
    pub evidence: String,
}

impl StoryLabel {
    /// Whether the outlet's claim `text` holds this label's evidence: at least
    /// [`EVIDENCE_SHARE`] of its words stand in a fragment of the evidence (fragments are cut at
    /// `...`), or [`EVIDENCE_INSIDE`] of a fragment's words stand in it.
    pub fn evidence_in(&self, text: &str) -> bool {
        self.evidence
            .split("...")
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .any(|fragment| {
                baseline::containment(fragment, text) >= EVIDENCE_INSIDE
                    || baseline::containment(text, fragment) >= EVIDENCE_SHARE
            })
    }
}

/// An outlet claim holds the evidence when this share of its words stand in a fragment of the
/// evidence ...
const EVIDENCE_SHARE: f64 = 0.5;

/// ... or this share of a fragment's words stand in it.
const EVIDENCE_INSIDE: f64 = 0.8;

/// A line of `basil-dev-labels.jsonl`.
#[derive(Deserialize)]
struct SharedLabel {
    story: String,
    reference: String,
    claim: String,
    outlet: String,
    label: String,
    #[serde(default)]
    evidence: String,
}

/// A line of `tests/fixtures/basil-labels*/*.jsonl`: the claim is a byte range of the reference
/// article, checked by the first 16 hex digits of its SHA-256 (no article text is stored); the
/// outlet's words that carry it, where the labeller marked them, a byte range of its article.
#[derive(Deserialize)]
struct OwnLabel {
    story: String,
    reference: String,
    start: usize,
    end: usize,
    sha256: String,
    outlet: String,
    label: String,
    #[serde(default)]
    evidence_start: Option<usize>,
    #[serde(default)]
    evidence_end: Option<usize>,
}

/// Reads a JSON-lines file.
pub fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

/// The labels that come with the shared data (reference `nyt`).
pub fn shared_labels(claims_dir: &Path) -> Result<Vec<StoryLabel>, String> {
    let lines: Vec<SharedLabel> = read_jsonl(&claims_dir.join("basil-dev-labels.jsonl"))?;
    Ok(lines
        .into_iter()
        .map(|l| StoryLabel {
            story: l.story,
            reference: l.reference,
            claim: l.claim,
            outlet: l.outlet,
            label: l.label,
            evidence: l.evidence,
        })
        .collect())
}

/// The first 16 hex digits of the SHA-256 of `text`: how our own labels name a claim.
pub fn claim_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Our own blind labels, joined to the story texts under `claims_dir`.
pub fn own_labels(labels_dir: &Path, claims_dir: &Path) -> Result<Vec<StoryLabel>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(labels_dir)
        .map_err(|e| format!("{}: {e}", labels_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut labels = Vec::new();
    for file in files {
        for line in read_jsonl::<OwnLabel>(&file)? {
            let read = |outlet: &str| -> Result<(PathBuf, String), String> {
                let article = story_dir(claims_dir, &line.story).join(format!("{outlet}.txt"));
                let text = std::fs::read_to_string(&article)
                    .map_err(|e| format!("{}: {e}", article.display()))?;
                Ok((article, text))
            };
            let (article, text) = read(&line.reference)?;
            let slice = |text: &'_ str, start: usize, end: usize| -> Result<String, String> {
                text.get(start..end)
                    .map(str::to_string)
                    .ok_or_else(|| format!("{}: bad range {start}..{end}", file.display()))
            };
            let claim = slice(&text, line.start, line.end)?;
            let claim = claim.as_str();
            if claim_hash(claim) != line.sha256 {
                return Err(format!(
                    "{}: the claim at {}..{} of {} no longer matches its hash",
                    file.display(),
                    line.start,
                    line.end,
                    article.display()
                ));
            }
            let evidence = match (line.evidence_start, line.evidence_end) {
                (Some(start), Some(end)) => slice(&read(&line.outlet)?.1, start, end)?,
                _ => String::new(),
            };
            labels.push(StoryLabel {
                story: line.story.clone(),
                reference: line.reference.clone(),
                claim: claim.to_string(),
                outlet: line.outlet.clone(),
                label: line.label.clone(),
                evidence,
            });
        }
    }
    Ok(labels)
}

/// The folder of one BASIL story.
pub fn story_dir(claims_dir: &Path, story: &str) -> PathBuf {
    claims_dir.join("basil-dev").join(story)
}

/// The labels grouped by (story, reference), in story order.
pub fn by_story(labels: &[StoryLabel]) -> BTreeMap<(&str, &str), Vec<&StoryLabel>> {
    let mut groups: BTreeMap<(&str, &str), Vec<&StoryLabel>> = BTreeMap::new();
    for label in labels {
        groups
            .entry((label.story.as_str(), label.reference.as_str()))
            .or_default()
            .push(label);
    }
    groups
}
