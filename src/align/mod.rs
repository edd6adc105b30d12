//! The comparison engine: claim clusters across outlets, statuses with reasons, paragraph
//! alignment groups and word diffs, producing a [`Comparison`].

use indexmap::IndexMap;

use crate::model::{
    ClaimCluster, ClaimStatus, Comparison, EngineSettings, FORMAT_VERSION, OutletEntry,
    OutletFailure, ParagraphGroup, Status, TextSpan,
};
use crate::text::{facts, sentences, tokens};

/// One sentence of one outlet's article.
struct Sentence {
    span: TextSpan,
    text: String,
    words: Vec<String>,
}

fn sentences_of(outlet: &OutletEntry) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, text) in outlet.paragraphs.iter().enumerate() {
        for range in sentences::split_sentences(text) {
            let sentence = &text[range.clone()];
            out.push(Sentence {
                span: TextSpan {
                    paragraph,
                    start: range.start,
                    end: range.end,
                },
                text: sentence.to_string(),
                words: tokens::tokenize(sentence)
                    .into_iter()
                    .map(|t| t.stem)
                    .collect(),
            });
        }
    }
    out
}

fn similarity(a: &[String], b: &[String]) -> f64 {
    let a: std::collections::HashSet<_> = a.iter().collect();
    let b: std::collections::HashSet<_> = b.iter().collect();
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Compares the articles of one story; `reference` is the id of one of `outlets`.
pub fn compare(
    story: &str,
    mut outlets: Vec<OutletEntry>,
    reference: &str,
    failures: Vec<OutletFailure>,
    settings: &EngineSettings,
) -> Comparison {
    if let Some(pos) = outlets.iter().position(|o| o.id == reference) {
        let entry = outlets.remove(pos);
        outlets.insert(0, entry);
    }
    let sentences: Vec<Vec<Sentence>> = outlets.iter().map(sentences_of).collect();
    let mut used: Vec<Vec<bool>> = sentences.iter().map(|s| vec![false; s.len()]).collect();
    let mut claims = Vec::new();
    for origin in &sentences[0] {
        let mut statuses = IndexMap::new();
        for (o, outlet) in outlets.iter().enumerate() {
            let best = sentences[o]
                .iter()
                .enumerate()
                .map(|(i, s)| (i, similarity(&origin.words, &s.words)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let status = match best {
                Some((i, sim)) if sim >= settings.claim_match => {
                    used[o][i] = true;
                    let matched = &sentences[o][i];
                    let changes = facts::compare_facts(
                        &facts::extract_facts(&origin.text),
                        &facts::extract_facts(&matched.text),
                    );
                    ClaimStatus {
                        status: if changes.is_empty() {
                            Status::Appears
                        } else {
                            Status::Differs
                        },
                        text: Some(matched.text.clone()),
                        similarity: sim,
                        moved: false,
                        reasons: changes.iter().map(|c| c.reason.clone()).collect(),
                        changes,
                        spans: vec![matched.span],
                        diff: Vec::new(),
                    }
                }
                _ => ClaimStatus::missing(),
            };
            statuses.insert(outlet.id.clone(), status);
        }
        claims.push(ClaimCluster {
            id: String::new(),
            text: origin.text.clone(),
            origin: reference.to_string(),
            statuses,
        });
    }
    for (o, outlet) in outlets.iter().enumerate().skip(1) {
        for (i, sentence) in sentences[o].iter().enumerate() {
            if used[o][i] {
                continue;
            }
            let statuses = outlets
                .iter()
                .map(|other| {
                    let status = if other.id == outlet.id {
                        ClaimStatus {
                            status: Status::Added,
                            text: Some(sentence.text.clone()),
                            similarity: 1.0,
                            spans: vec![sentence.span],
                            ..ClaimStatus::missing()
                        }
                    } else {
                        ClaimStatus::missing()
                    };
                    (other.id.clone(), status)
                })
                .collect();
            claims.push(ClaimCluster {
                id: String::new(),
                text: sentence.text.clone(),
                origin: outlet.id.clone(),
                statuses,
            });
        }
    }
    for (i, claim) in claims.iter_mut().enumerate() {
        claim.id = format!("c{}", i + 1);
    }
    let rows = outlets
        .iter()
        .map(|o| o.paragraphs.len())
        .max()
        .unwrap_or(0);
    let paragraphs = (0..rows)
        .map(|row| ParagraphGroup {
            cells: outlets
                .iter()
                .map(|o| {
                    let cell = if row < o.paragraphs.len() {
                        vec![row]
                    } else {
                        vec![]
                    };
                    (o.id.clone(), cell)
                })
                .collect(),
            moved: Vec::new(),
        })
        .collect();
    Comparison {
        version: FORMAT_VERSION,
        story: story.to_string(),
        reference: reference.to_string(),
        outlets,
        claims,
        paragraphs,
        failures,
        settings: settings.clone(),
        parallax_version: env!("CARGO_PKG_VERSION").to_string(),
    }
}
