//! The framing lens measured on BASIL's dev stories (`../shared/bench/claims/basil-dev/`, or
//! `PARALLAX_CLAIMS_DIR`/basil-dev; `PARALLAX_FRAMING_SET` names another set of that layout in
//! place of `basil-dev`): each story's three outlets compared with each as the reference in
//! turn, and every word of every listed entry looked up in BASIL's lexical-bias spans (loaded
//! wording of the same fact, marked by its annotators): both sides of each substitution, each
//! loaded word an outlet adds (in the outlet's passage) and each of the reference's it leaves
//! out (in the reference's passage).
//!
//! - precision: the share of the entries' words inside a lexical span, against chance: the
//!   share of all body words inside one (a lens that finds framing must beat it clearly); per
//!   kind (substitutions, those of them with a loaded word, added and left-out loaded words)
//!   and overall;
//! - recall: the share of lexical spans holding at least one entry's word.
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

/// The sentences of `outlet`'s passage of `claim`, each with where it starts in the file.
fn sentences<'t>(
    comparison: &'t Comparison,
    texts: &[Text],
    outlet: &str,
    claim: &str,
) -> Vec<(usize, &'t str)> {
    let status = comparison
        .claims
        .iter()
        .find(|c| c.id == claim)
        .and_then(|cluster| cluster.statuses.get(outlet));
    let (Some(status), Some(entry), Some(text)) = (
        status,
        comparison.outlet(outlet),
        texts.iter().find(|t| t.id == outlet),
    ) else {
        return Vec::new();
    };
    status
        .spans
        .iter()
        .filter_map(|span| {
            let paragraph = entry.paragraphs.get(span.paragraph)?;
            let base = (*text.paragraph_starts.get(span.paragraph)?)?;
            Some((base + span.start, paragraph.get(span.start..span.end)?))
        })
        .collect()
}

/// Where `side` stands in `outlet`'s passage of `claim`, as byte ranges of its words in the file.
fn locate(
    comparison: &Comparison,
    texts: &[Text],
    outlet: &str,
    claim: &str,
    side: &str,
) -> Vec<(usize, usize)> {
    sentences(comparison, texts, outlet, claim)
        .into_iter()
        .find_map(|(base, sentence)| Some(words(side, base + sentence.find(side)?)))
        .unwrap_or_default()
}

/// Where the word `word` (lowercase) first stands in `outlet`'s passage of `claim`, as a byte
/// range in the file.
fn locate_word(
    comparison: &Comparison,
    texts: &[Text],
    outlet: &str,
    claim: &str,
    word: &str,
) -> Option<(usize, usize)> {
    sentences(comparison, texts, outlet, claim)
        .into_iter()
        .find_map(|(base, sentence)| {
            words(sentence, base)
                .into_iter()
                .find(|&(s, e)| sentence[s - base..e - base].to_lowercase() == word)
        })
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

/// Entries listed, their words found in the texts, and how many of those lie inside a
/// lexical-bias span.
#[derive(Default)]
struct Tally {
    entries: usize,
    words: usize,
    inside: usize,
}

impl Tally {
    fn word(&mut self, inside: bool) {
        self.words += 1;
        self.inside += usize::from(inside);
    }

    /// `837 listed, 24 of 3123 words inside a span (0.8%): 1.7x chance`.
    fn line(&self, chance: f64) -> String {
        let precision = share(self.inside, self.words);
        format!(
            "{} listed, {} of {} words inside a span ({precision:.1}%): {:.1}x chance",
            self.entries,
            self.inside,
            self.words,
            precision / chance.max(f64::EPSILON)
        )
    }
}

/// `a` as a percentage of `b`.
fn share(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

fn main() -> ExitCode {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("PARALLAX_CLAIMS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../shared/bench/claims"))
        .join(std::env::var("PARALLAX_FRAMING_SET").unwrap_or_else(|_| "basil-dev".into()));
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
    let (mut all_words, mut all_inside, mut spans) = (0usize, 0usize, 0usize);
    let (mut substitutions, mut loaded) = (Tally::default(), Tally::default());
    let (mut added, mut left_out) = (Tally::default(), Tally::default());
    let mut surfaced = 0;
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
        let text_of = |id: &str| texts.iter().find(|t| t.id == id).expect("read");
        for reference in OUTLETS {
            let comparison = compare(
                story,
                entries.clone(),
                reference,
                Vec::new(),
                &EngineSettings::default(),
            );
            for outlet in analyse(&comparison).substitutions {
                let id = outlet.outlet.as_str();
                for substitution in &outlet.substitutions {
                    let is_loaded = !substitution.loaded.is_empty();
                    substitutions.entries += 1;
                    loaded.entries += usize::from(is_loaded);
                    for at in &substitution.occurrences {
                        let sides = [(reference, &substitution.from), (id, &substitution.to)];
                        for (side_id, side) in sides {
                            let text = text_of(side_id);
                            for word in locate(&comparison, &texts, side_id, &at.claim, side) {
                                let span = inside(word, &text.spans);
                                substitutions.word(span.is_some());
                                if is_loaded {
                                    loaded.word(span.is_some());
                                }
                                if let Some(span) = span {
                                    hit.insert((side_id.to_string(), span));
                                }
                            }
                        }
                    }
                }
                // Added words stand in the outlet's passage, left-out ones in the reference's.
                let one_sided = [
                    (&mut added, &outlet.added, id),
                    (&mut left_out, &outlet.left_out, reference),
                ];
                for (tally, words, side_id) in one_sided {
                    for word in words {
                        tally.entries += 1;
                        for at in &word.occurrences {
                            let found =
                                locate_word(&comparison, &texts, side_id, &at.claim, &word.word);
                            let Some(at) = found else {
                                continue;
                            };
                            let span = inside(at, &text_of(side_id).spans);
                            tally.word(span.is_some());
                            if let Some(span) = span {
                                hit.insert((side_id.to_string(), span));
                            }
                        }
                    }
                }
            }
        }
        surfaced += hit.len();
    }
    let chance = share(all_inside, all_words);
    println!(
        "framing lens on {} ({} stories, each outlet the reference in turn); chance (all body \
         words inside a lexical-bias span): {all_inside} of {all_words} ({chance:.1}%)",
        dir.display(),
        stories.len()
    );
    let kinds = [&substitutions, &added, &left_out];
    let all = Tally {
        entries: kinds.iter().map(|t| t.entries).sum(),
        words: kinds.iter().map(|t| t.words).sum(),
        inside: kinds.iter().map(|t| t.inside).sum(),
    };
    for (name, tally) in [
        ("substitutions", &substitutions),
        ("  of them with a loaded word", &loaded),
        ("added loaded words", &added),
        ("left-out loaded words", &left_out),
        ("all entries", &all),
    ] {
        println!("  {name}: {}", tally.line(chance));
    }
    println!(
        "  lexical-bias spans surfaced (an entry's word inside): {surfaced} of {spans} ({:.1}%)",
        share(surfaced, spans)
    );
    ExitCode::SUCCESS
}
