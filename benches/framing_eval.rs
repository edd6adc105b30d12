//! The framing lens measured on BASIL's dev stories (`../shared/bench/claims/basil-dev/`, or
//! `PARALLAX_CLAIMS_DIR`/basil-dev): each story's three outlets compared with each as the
//! reference in turn, and every word of every listed substitution (both sides) looked up in
//! BASIL's lexical-bias spans (loaded wording of the same fact, marked by its annotators).
//!
//! - precision: the share of substitution words inside a lexical span, against chance: the
//!   share of all body words inside one (a lens that finds framing must beat it clearly);
//!   the same for the substitutions holding a loaded word;
//! - recall: the share of lexical spans holding at least one substitution word.
//!
//! `cargo bench --bench framing_eval`. Without the data it prints why and stops. Nothing of the
//! data is written anywhere.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use parallax::align::compare;
use parallax::extract::ExtractHints;
use parallax::framing::analyse;
use parallax::model::{Comparison, EngineSettings, OutletEntry};
use parallax::pipeline::{outlet_entry, read_local_article};
use serde::Deserialize;

const OUTLETS: [&str; 3] = ["nyt", "fox", "hpo"];

#[derive(Deserialize)]
struct Gold {
    spans: Vec<Span>,
}

#[derive(Deserialize)]
struct Span {
    outlet: String,
    bias: String,
    byte_start: usize,
    byte_end: usize,
}

/// One outlet's article: its file's text, where each compared paragraph starts in it, and
/// its lexical spans (byte ranges of the file).
struct Text {
    id: &'static str,
    file: String,
    paragraph_starts: Vec<Option<usize>>,
    spans: Vec<(usize, usize)>,
}

/// Byte ranges of the words of `text`, offset by `base`.
fn words(text: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (
            c.is_alphanumeric() || c == '\'' || c == '’' || c == '-',
            start,
        ) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push((base + s, base + at));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn inside(word: (usize, usize), spans: &[(usize, usize)]) -> Option<usize> {
    spans.iter().position(|&(s, e)| word.0 < e && word.1 > s)
}

/// Where `side` stands in `outlet`'s passage of `claim`, as byte ranges of its words in the file.
fn locate(
    comparison: &Comparison,
    texts: &[Text],
    outlet: &str,
    claim: &str,
    side: &str,
) -> Vec<(usize, usize)> {
    let Some(cluster) = comparison.claims.iter().find(|c| c.id == claim) else {
        return Vec::new();
    };
    let Some(status) = cluster.statuses.get(outlet) else {
        return Vec::new();
    };
    let (Some(entry), Some(text)) = (
        comparison.outlet(outlet),
        texts.iter().find(|t| t.id == outlet),
    ) else {
        return Vec::new();
    };
    for span in &status.spans {
        let (Some(paragraph), Some(Some(base))) = (
            entry.paragraphs.get(span.paragraph),
            text.paragraph_starts.get(span.paragraph),
        ) else {
            continue;
        };
        let Some(sentence) = paragraph.get(span.start..span.end) else {
            continue;
        };
        if let Some(at) = sentence.find(side) {
            return words(side, base + span.start + at);
        }
    }
    Vec::new()
}

fn read(dir: &Path, story: &str) -> Result<(Vec<OutletEntry>, Vec<Text>), String> {
    let gold_path = dir.join(story).join("gold.json");
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(&gold_path)
            .map_err(|e| format!("{}: {e}", gold_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let mut entries = Vec::new();
    let mut texts = Vec::new();
    for id in OUTLETS {
        let path = dir.join(story).join(format!("{id}.txt"));
        let max = parallax::config::Settings::default().max_body_bytes;
        let article = read_local_article(&path, &ExtractHints::default(), max)?;
        let file =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut cursor = 0;
        let paragraph_starts = article
            .paragraphs
            .iter()
            .map(|p| {
                let found = file[cursor..].find(p.as_str()).map(|at| cursor + at);
                if let Some(at) = found {
                    cursor = at + p.len();
                }
                found
            })
            .collect();
        let spans = gold
            .spans
            .iter()
            .filter(|s| s.outlet == id && s.bias == "lexical")
            .map(|s| (s.byte_start, s.byte_end))
            .collect();
        entries.push(outlet_entry(id, id, &path.display().to_string(), article));
        texts.push(Text {
            id,
            file,
            paragraph_starts,
            spans,
        });
    }
    Ok((entries, texts))
}

fn main() -> ExitCode {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("PARALLAX_CLAIMS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../shared/bench/claims"))
        .join("basil-dev");
    let Ok(listing) = std::fs::read_dir(&dir) else {
        println!(
            "framing_eval skipped: {} is absent (the real-data sets live outside the repository)",
            dir.display()
        );
        return ExitCode::SUCCESS;
    };
    let mut stories: Vec<String> = listing
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("gold.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    stories.sort();
    let (mut all_words, mut all_inside) = (0usize, 0usize);
    let (mut listed_words, mut listed_inside) = (0usize, 0usize);
    let (mut listed, mut spans, mut surfaced) = (0usize, 0usize, 0usize);
    // The same for the substitutions with a loaded word.
    let (mut loaded_listed, mut loaded_words, mut loaded_inside) = (0usize, 0usize, 0usize);
    for story in &stories {
        let (entries, texts) = match read(&dir, story) {
            Ok(read) => read,
            Err(err) => {
                eprintln!("framing_eval: {err}");
                return ExitCode::from(2);
            }
        };
        for text in &texts {
            let title_end = text.file.find("\n\n").unwrap_or(0);
            let body = words(&text.file[title_end..], title_end);
            all_words += body.len();
            all_inside += body
                .iter()
                .filter(|w| inside(**w, &text.spans).is_some())
                .count();
            spans += text.spans.len();
        }
        let mut hit: HashSet<(String, usize)> = HashSet::new();
        for reference in OUTLETS {
            let comparison = compare(
                story,
                entries.clone(),
                reference,
                Vec::new(),
                &EngineSettings::default(),
            );
            for outlet in analyse(&comparison).substitutions {
                for substitution in &outlet.substitutions {
                    listed += 1;
                    let loaded = !substitution.loaded.is_empty();
                    loaded_listed += usize::from(loaded);
                    for at in &substitution.occurrences {
                        let sides = [
                            (reference, substitution.from.as_str()),
                            (outlet.outlet.as_str(), substitution.to.as_str()),
                        ];
                        for (id, side) in sides {
                            let text = texts.iter().find(|t| t.id == id).expect("read");
                            for word in locate(&comparison, &texts, id, &at.claim, side) {
                                listed_words += 1;
                                loaded_words += usize::from(loaded);
                                if let Some(span) = inside(word, &text.spans) {
                                    listed_inside += 1;
                                    loaded_inside += usize::from(loaded);
                                    hit.insert((id.to_string(), span));
                                }
                            }
                        }
                    }
                }
            }
        }
        surfaced += hit.len();
    }
    let share = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "framing lens on BASIL dev ({} stories, each outlet the reference in turn): {listed} \
         substitutions listed",
        stories.len()
    );
    println!(
        "  substitution words inside a lexical-bias span: {listed_inside} of {listed_words} \
         ({:.1}%); chance (all body words inside one): {all_inside} of {all_words} ({:.1}%): \
         {:.1}x",
        share(listed_inside, listed_words),
        share(all_inside, all_words),
        share(listed_inside, listed_words) / share(all_inside, all_words).max(f64::EPSILON)
    );
    println!(
        "  of the {loaded_listed} with a loaded word: {loaded_inside} of {loaded_words} words \
         inside ({:.1}%)",
        share(loaded_inside, loaded_words)
    );
    println!(
        "  lexical-bias spans surfaced (a substitution word inside): {surfaced} of {spans} ({:.1}%)",
        share(surfaced, spans)
    );
    ExitCode::SUCCESS
}
