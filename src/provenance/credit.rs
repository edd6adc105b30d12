//! Credit: an article naming another outlet of the story (or a news agency) as where its
//! material came from: `first reported by The Meridian Ledger`, `according to GlobeWire`,
//! `documents obtained by the Ledger`, `The Meridian Ledger reported`, `HONG KONG (GlobeWire) -`.
//!
//! An outlet is named by its display name (a leading `The` optional), its id when that is a
//! word of four letters or more (`globewire` for `GlobeWire`), or its web address
//! (`globewire.example`). A name with a cue of credit around it in its sentence is an explicit
//! credit; a name alone is a mention (the other outlet is named, not said to be the source).
//! News agencies outside the story (Reuters, the Associated Press, AFP, Xinhua ...) count only
//! with a cue: two outlets that both credit one agency may both be copying it.

use super::words::{OutletWords, word_spans};
use super::{Credit, Passage};
use crate::model::Comparison;
use crate::text::sentences::split_sentences;

/// News agencies whose copy outlets reprint, with the names they go by. They count only with a
/// cue (a dateline `(AP)`, `Reuters reported`): a story may be about an agency.
const AGENCIES: &[(&str, &[&str])] = &[
    ("Associated Press", &["Associated Press", "AP"]),
    ("Reuters", &["Reuters"]),
    (
        "Agence France-Presse",
        &["Agence France-Presse", "Agence France Presse", "AFP"],
    ),
    ("Xinhua", &["Xinhua"]),
    ("Bloomberg", &["Bloomberg News", "Bloomberg"]),
    (
        "United Press International",
        &["United Press International", "UPI"],
    ),
    ("Kyodo", &["Kyodo News", "Kyodo"]),
    ("Yonhap", &["Yonhap"]),
    ("TASS", &["TASS"]),
    ("dpa", &["Deutsche Presse-Agentur", "dpa"]),
    ("Press Association", &["Press Association", "PA Media"]),
    ("ANSA", &["ANSA"]),
    ("EFE", &["EFE"]),
    ("Anadolu", &["Anadolu Agency", "Anadolu"]),
    ("Central News Agency", &["Central News Agency"]),
];

/// Words before a name that make it a credit (the text before the name ends with one, a `the`
/// between them allowed).
const CUES_BEFORE: &[&str] = &[
    "according to",
    "first reported by",
    "reported by",
    "obtained by",
    "published by",
    "cited by",
    "quoted by",
    "revealed by",
    "broken by",
    "released by",
    "seen by",
    "reviewed by",
    "told",
    "via",
    "citing",
    "cited",
    "report by",
    "report in",
    "report from",
    "reports by",
    "reports in",
    "reporting by",
    "reporting from",
    "article in",
    "article by",
    "story in",
    "story by",
    "story first published in",
    "exposé by",
    "expose by",
    "exposé in",
    "investigation by",
    "interview with",
    "courtesy of",
    "credit:",
    "source:",
    "sources:",
    "(",
];

/// Words after a name that make it a credit (the text after the name starts with one).
const CUES_AFTER: &[&str] = &[
    "first reported",
    "reported",
    "reports",
    "has reported",
    "had reported",
    "was first to report",
    "said",
    "says",
    "wrote",
    "writes",
    "revealed",
    "published",
    "first published",
    "broke",
    "first broke",
    "obtained",
    "found",
    "contributed",
    "report",
    "story",
    "article",
    "investigation",
    "analysis",
    "'s report",
    "'s reporting",
    "'s investigation",
    "'s exposé",
    "'s expose",
    "'s story",
    "'s article",
    "'s revelations",
    "'s findings",
];

/// One way a text may name someone.
struct NameForm {
    /// The outlet of the story it names (index), None for an agency.
    outlet: Option<usize>,
    /// The name shown for it.
    display: String,
    /// The form to look for.
    form: String,
    /// Match regardless of case (an id, a web address).
    any_case: bool,
    /// Counts only with a cue.
    cue_needed: bool,
}

fn forms(comparison: &Comparison) -> Vec<NameForm> {
    let mut forms = Vec::new();
    for (index, outlet) in comparison.outlets.iter().enumerate() {
        let name = outlet.name.trim();
        let bare = name
            .strip_prefix("The ")
            .or_else(|| name.strip_prefix("the "))
            .unwrap_or(name);
        let mut add = |form: &str, any_case: bool| {
            if form.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                && !forms.iter().any(|f: &NameForm| {
                    f.outlet == Some(index) && f.form.eq_ignore_ascii_case(form)
                })
            {
                forms.push(NameForm {
                    outlet: Some(index),
                    display: name.to_string(),
                    form: form.to_string(),
                    any_case,
                    cue_needed: false,
                });
            }
        };
        add(bare, false);
        // The id, unless it is a word of the name (`eastlake` of `The Eastlake Courier` names
        // a town as often as the paper).
        let name_word = name
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case(&outlet.id) && w.len() < name.len());
        if outlet.id.len() >= 4
            && outlet.id.chars().all(|c| c.is_ascii_alphanumeric())
            && !name_word
        {
            add(&outlet.id, true);
        }
        if let Some(host) = url::Url::parse(&outlet.url).ok().and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        }) && host.contains('.')
        {
            add(&host, true);
        }
    }
    for (display, names) in AGENCIES {
        for form in *names {
            forms.push(NameForm {
                outlet: None,
                display: display.to_string(),
                form: form.to_string(),
                any_case: false,
                cue_needed: true,
            });
        }
    }
    forms
}

/// Every credit the comparison's articles give (`texts`: their words, to skip at once the
/// names an article never uses).
pub(crate) fn find_credits(comparison: &Comparison, texts: &[OutletWords]) -> Vec<Credit> {
    let forms = forms(comparison);
    let first_keys: Vec<Option<u64>> = forms
        .iter()
        .map(|f| {
            word_spans(&f.form)
                .first()
                .map(|(_, w)| super::words::hash_str(&super::words::fold(w)))
        })
        .collect();
    let vocabularies: Vec<rustc_hash::FxHashSet<u64>> =
        texts.iter().map(OutletWords::vocabulary).collect();
    let mut credits: Vec<Credit> = Vec::new();
    let needles: Vec<String> = forms
        .iter()
        .map(|f| {
            if f.any_case {
                f.form.to_ascii_lowercase()
            } else {
                f.form.clone()
            }
        })
        .collect();
    for (by_index, by) in comparison.outlets.iter().enumerate() {
        for (p, paragraph) in by.paragraphs.iter().enumerate() {
            let lower = paragraph.to_ascii_lowercase();
            let mut sentences: Option<Vec<std::ops::Range<usize>>> = None;
            for ((form, needle), key) in forms.iter().zip(&needles).zip(&first_keys) {
                let used =
                    key.is_none_or(|k| vocabularies.get(by_index).is_none_or(|v| v.contains(&k)));
                if form.outlet == Some(by_index) || !used {
                    continue;
                }
                let haystack = if form.any_case { &lower } else { paragraph };
                for at in occurrences(haystack, needle) {
                    let sentences = sentences.get_or_insert_with(|| split_sentences(paragraph));
                    let end = at + form.form.len();
                    let Some(sentence) = sentences
                        .iter()
                        .find(|s| s.start <= at && end <= s.end)
                        .cloned()
                    else {
                        continue;
                    };
                    let cue = cue_of(paragraph, sentence.clone(), at, end, p);
                    if cue.is_none() && form.cue_needed {
                        continue;
                    }
                    let outlet = form.outlet.map(|i| comparison.outlets[i].id.clone());
                    if form.outlet.is_none()
                        && comparison
                            .outlets
                            .iter()
                            .any(|o| o.name.contains(&form.form))
                    {
                        // An agency that is an outlet of the story is named as the outlet.
                        continue;
                    }
                    let duplicate = credits.iter_mut().find(|c| {
                        c.by == by.id
                            && c.outlet == outlet
                            && c.name == form.display
                            && c.passage.paragraph == p
                            && c.passage.start == sentence.start
                    });
                    if let Some(existing) = duplicate {
                        if !existing.explicit && cue.is_some() {
                            existing.explicit = true;
                            existing.cue = cue.unwrap_or_default();
                        }
                        continue;
                    }
                    credits.push(Credit {
                        by: by.id.clone(),
                        outlet,
                        name: form.display.clone(),
                        explicit: cue.is_some(),
                        cue: cue.unwrap_or_default(),
                        passage: Passage::at(comparison, &by.id, p, sentence.start, sentence.end),
                    });
                }
            }
        }
    }
    for by in &comparison.outlets {
        unnamed_sources(comparison, by, &forms, &mut credits);
    }
    credits
}

/// Credits to sources that are neither an outlet of the story nor a known agency, told by
/// their place: a dateline's parenthesis (`BRESSO (Continental Press) —`) and a sign-off
/// (`Additional reporting by Continental Press.`, `Continental Press contributed to this
/// report.`).
fn unnamed_sources(
    comparison: &Comparison,
    by: &crate::model::OutletEntry,
    forms: &[NameForm],
    credits: &mut Vec<Credit>,
) {
    let known = |name: &str| {
        forms
            .iter()
            .any(|f| f.form.eq_ignore_ascii_case(name) || name.contains(&f.form))
            || by.name.eq_ignore_ascii_case(name)
            || name.eq_ignore_ascii_case(&by.id)
    };
    let mut found: Vec<(usize, std::ops::Range<usize>, String, &str)> = Vec::new();
    if let Some(first) = by.paragraphs.first()
        && let Some(open) = first
            .get(..first.len().min(80))
            .and_then(|head| head.find('('))
        && first[..open]
            .chars()
            .all(|c| c.is_uppercase() || " ,.'’-".contains(c))
        && open > 1
        && let Some(close) = first[open..].find(')').map(|c| c + open)
        && first[close + 1..].trim_start().starts_with(['-', '—', '–'])
    {
        let name = first[open + 1..close].trim();
        if is_name(name) {
            let sentence = split_sentences(first)
                .into_iter()
                .next()
                .unwrap_or(0..first.len());
            found.push((0, sentence, name.to_string(), "dateline"));
        }
    }
    for (p, paragraph) in by.paragraphs.iter().enumerate() {
        for sentence in split_sentences(paragraph) {
            let text = &paragraph[sentence.clone()];
            // ASCII case folding keeps the byte offsets the cues are found at.
            let lower = text.to_ascii_lowercase();
            if let Some(at) = lower.find("reporting by ") {
                let rest = &text[at + "reporting by ".len()..];
                let name = leading_name(rest);
                if is_name(&name) {
                    found.push((p, sentence.clone(), name, "reporting by"));
                }
            }
            if let Some(at) = lower.find(" contributed to this report") {
                let name = text[..at].trim().to_string();
                if is_name(&name) && name.split_whitespace().count() <= 5 {
                    found.push((p, sentence.clone(), name, "contributed"));
                }
            }
        }
    }
    for (p, sentence, name, cue) in found {
        if known(&name)
            || credits.iter().any(|c| {
                c.by == by.id && c.passage.paragraph == p && c.passage.start == sentence.start
            })
        {
            continue;
        }
        credits.push(Credit {
            by: by.id.clone(),
            outlet: None,
            name,
            cue: cue.to_string(),
            explicit: true,
            passage: Passage::at(comparison, &by.id, p, sentence.start, sentence.end),
        });
    }
}

/// The run of capitalised words `text` starts with (`Continental Press` of `Continental Press
/// and staff.`).
fn leading_name(text: &str) -> String {
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let clean = word.trim_end_matches(['.', ',', ';', ':']);
        if clean.chars().next().is_some_and(char::is_uppercase) {
            words.push(clean);
            if clean.len() != word.len() {
                break;
            }
        } else {
            break;
        }
    }
    words.join(" ")
}

/// Whether a text reads as a name: one to six words, each capitalised (or a connector).
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || ["of", "the", "and", "de", "for"].contains(w)
        })
}

/// Byte offsets where `needle` stands in `haystack` as a whole word (or words). For a search
/// in any case both come ASCII-lowercased, which keeps every byte offset (ids and web
/// addresses are ASCII).
fn occurrences(haystack: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = haystack[from..].find(needle) {
        let at = from + found;
        let end = at + needle.len();
        let before = haystack[..at].chars().next_back();
        let after = haystack[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
        // A possessive `’s` after the name is fine; `GlobeWires` is another word.
        if boundary(before) && boundary(after) {
            out.push(at);
        }
        from = end;
    }
    out
}

/// The cue that makes the name at `at..end` of a sentence a credit, if any.
fn cue_of(
    paragraph: &str,
    sentence: std::ops::Range<usize>,
    at: usize,
    end: usize,
    paragraph_index: usize,
) -> Option<String> {
    let before = paragraph[sentence.start..at]
        .to_lowercase()
        .replace('’', "'");
    let after = paragraph[end..sentence.end]
        .to_lowercase()
        .replace('’', "'");
    let before = before.trim_end();
    let before = before
        .strip_suffix(" the")
        .or_else(|| (before == "the").then_some(""))
        .unwrap_or(before)
        .trim_end();
    let after_trimmed = after.trim_start();
    if before.ends_with('(') && after_trimmed.starts_with(')') {
        let dateline = paragraph_index == 0 && at < 80;
        return Some(if dateline { "dateline" } else { "(name)" }.to_string());
    }
    for cue in CUES_BEFORE {
        if *cue != "(" && ends_with_words(before, cue) {
            return Some(cue.to_string());
        }
    }
    for cue in CUES_AFTER {
        let rest = if cue.starts_with('\'') {
            after.as_str()
        } else {
            after_trimmed
        };
        if rest.starts_with(cue)
            && rest[cue.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(cue.to_string());
        }
    }
    // `the Ledger, which first reported`, `X, the newspaper that obtained`
    let clause = after_trimmed.trim_start_matches(',').trim_start();
    for lead in ["which ", "who ", "that "] {
        if let Some(rest) = clause.strip_prefix(lead) {
            for cue in [
                "first reported",
                "reported",
                "obtained",
                "revealed",
                "published",
                "broke",
            ] {
                if rest.starts_with(cue) {
                    return Some(format!("{lead}{cue}"));
                }
            }
        }
    }
    None
}

/// Whether `text` ends with the words of `cue` (at a word boundary).
fn ends_with_words(text: &str, cue: &str) -> bool {
    text.strip_suffix(cue).is_some_and(|rest| {
        rest.chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OutletEntry;

    fn outlet(id: &str, name: &str, url: &str, paragraphs: &[&str]) -> OutletEntry {
        OutletEntry {
            name: name.into(),
            url: url.into(),
            ..OutletEntry::from_text(id, "", paragraphs)
        }
    }

    fn credits(outlets: Vec<OutletEntry>) -> Vec<(String, Option<String>, String, bool)> {
        let comparison = Comparison {
            outlets,
            ..crate::align::compare("s", vec![], "a", vec![], &Default::default())
        };
        let texts: Vec<OutletWords> = comparison.outlets.iter().map(OutletWords::new).collect();
        find_credits(&comparison, &texts)
            .into_iter()
            .map(|c| (c.by, c.outlet, c.cue, c.explicit))
            .collect()
    }

    #[test]
    fn cues_around_a_name_make_a_credit_and_a_bare_name_a_mention() {
        let ledger = outlet(
            "ledger",
            "The Meridian Ledger",
            "https://meridian-ledger.example/a",
            &["Documents obtained by The Meridian Ledger show plans."],
        );
        let wire = outlet(
            "globewire",
            "GlobeWire",
            "https://www.globewire.example/b",
            &[
                "HONG KONG (GlobeWire) - Documents show plans.",
                "The Meridian Ledger first reported on the documents on Tuesday.",
            ],
        );
        let daily = outlet(
            "daily",
            "Daily Post",
            "https://daily.example/c",
            &[
                "The plans, first reported by the Meridian Ledger, were denied.",
                "GlobeWire could not verify them, and the Meridian Ledger declined to comment.",
                "According to Reuters, more will follow; Reuters had no comment. (AP) said little.",
            ],
        );
        let found = credits(vec![ledger, wire, daily]);
        let expect = |by: &str, outlet: Option<&str>, cue: &str, explicit: bool| {
            (
                by.to_string(),
                outlet.map(String::from),
                cue.to_string(),
                explicit,
            )
        };
        assert_eq!(
            found,
            [
                expect("globewire", Some("ledger"), "first reported", true),
                expect("daily", Some("ledger"), "first reported by", true),
                expect("daily", Some("ledger"), "", false),
                expect("daily", Some("globewire"), "", false),
                expect("daily", None, "(name)", true),
                expect("daily", None, "according to", true),
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn a_dateline_names_the_wire_and_an_outlet_never_credits_itself() {
        let wire = outlet(
            "wire",
            "Wire Service",
            "https://wire.example/x",
            &["Wire Service reported first."],
        );
        let reprint = outlet(
            "paper",
            "The Paper",
            "https://paper.example/y",
            &["LONDON (Wire Service) — The river rose."],
        );
        let found = credits(vec![wire, reprint]);
        assert_eq!(
            found,
            [(
                "paper".to_string(),
                Some("wire".to_string()),
                "dateline".to_string(),
                true
            )]
        );
    }
}
