//! A user's lexicon: word lists for a story or a field that extend the engine's own, in files
//! that `[compare] lexicon` of `sources.toml` lists, read as strictly as `sources.toml` itself.
//! A file holds any of these tables:
//!
//! ```toml
//! [aliases]          # names of one entity: never one name put for another
//! "Chinese Communist Party" = ["CCP", "the Party"]
//!
//! [synonyms]         # words that mean the same here: a group joins a shipped group it shares
//! jab = ["vaccine", "shot"]
//!
//! [hedges]           # a hedge word and its class of `hedges.toml` (`allegedly`, `may` ...)
//! purportedly = "allegedly"
//!
//! [reporting_verbs]  # a reporting verb and its class of `attribution.toml` (`said`, `claimed` ...)
//! briefed = "said"
//!
//! [sources]          # a word naming a kind of source; `vague` for a vague one (`officials`)
//! medics = "doctors"
//! insiders = "vague"
//! ```
//!
//! The engine reads the words of the lexicon in force ([`Lexicon::in_force`]): `align::compare`
//! puts its settings' lexicon in force on its thread for the comparison, so the extraction of
//! facts deep below it reads the user's words without each function taking them.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

use serde::Deserialize;
use toml::Spanned;

use super::facts::aliases::{Aliases, Forms};
use super::facts::{attribution, hedges};
use super::{synonyms, tokens};
use crate::config::{ConfigError, Problem, line_column};

/// A lexicon: the names its files declare one entity, and the words they add to the engine's
/// lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    /// The names declared one entity.
    pub aliases: Aliases,
    words: Arc<Words>,
}

/// The words a lexicon adds, each with its class.
#[derive(Debug, Clone, Default, PartialEq)]
struct Words {
    hedges: HashMap<String, &'static str>,
    reporting_verbs: HashMap<String, &'static str>,
    sources: HashMap<String, &'static str>,
    /// Word stem to the canonical stem of its group.
    synonyms: HashMap<String, &'static str>,
}

/// A list of the engine's that a lexicon extends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Section {
    /// Single hedge words (`[words]` of `hedges.toml`).
    Hedges,
    /// Reporting verbs (`[verbs]` of `attribution.toml`).
    ReportingVerbs,
    /// Kinds of source (`[sources]` and, as `vague`, `[vague_sources]` of `attribution.toml`).
    Sources,
}

/// The class a lexicon gives a vague source.
pub(crate) const VAGUE: &str = "vague";

/// The tables of a lexicon file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    aliases: BTreeMap<Spanned<String>, Spanned<Forms>>,
    #[serde(default)]
    synonyms: BTreeMap<Spanned<String>, Spanned<Forms>>,
    #[serde(default)]
    hedges: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    reporting_verbs: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    sources: BTreeMap<Spanned<String>, Spanned<String>>,
}

const TABLES_HINT: &str = "a lexicon holds the tables [aliases] and [synonyms] (word = \"other\" \
                           or [\"others\"]), and [hedges], [reporting_verbs] and [sources] \
                           (word = \"class\")";

thread_local! {
    /// The words of the lexicon in force on this thread.
    static IN_FORCE: RefCell<Option<Arc<Words>>> = const { RefCell::new(None) };
}

/// Puts back the lexicon that was in force before, also when the work unwinds.
struct Restore(Option<Arc<Words>>);

impl Drop for Restore {
    fn drop(&mut self) {
        IN_FORCE.with(|words| *words.borrow_mut() = self.0.take());
    }
}

impl Lexicon {
    /// Reads every lexicon file of `paths` (relative to `base`, the folder of `sources.toml`).
    pub fn load(paths: &[String], base: &Path) -> Result<Lexicon, ConfigError> {
        let mut lexicon = Lexicon::default();
        for path in paths {
            let file = base.join(path);
            let fail = |problems| ConfigError {
                file: file.clone(),
                problems,
            };
            let text = std::fs::read_to_string(&file).map_err(|err| {
                fail(vec![Problem {
                    line: 0,
                    column: 0,
                    message: format!("cannot read the lexicon file: {err}"),
                }])
            })?;
            lexicon.extend(Lexicon::parse(&text).map_err(fail)?);
        }
        Ok(lexicon)
    }

    /// Parses one lexicon file's text; every problem with its line and column.
    pub fn parse(text: &str) -> Result<Lexicon, Vec<Problem>> {
        let at = |offset: usize, message: String| {
            let (line, column) = line_column(text, offset);
            Problem {
                line,
                column,
                message,
            }
        };
        let raw: RawLexicon = toml::from_str(text).map_err(|err| {
            vec![at(
                err.span().map_or(0, |span| span.start),
                format!("{} ({TABLES_HINT})", err.message().trim()),
            )]
        })?;
        let mut problems = Vec::new();
        let mut report = |offset: usize, message: String| problems.push(at(offset, message));
        let aliases = Aliases::from_entries(&raw.aliases, &mut report);
        let words = Words {
            synonyms: synonym_entries(&raw.synonyms, &mut report),
            hedges: class_entries(&raw.hedges, "hedge", hedges::hedge_class_named, &mut report),
            reporting_verbs: class_entries(
                &raw.reporting_verbs,
                "reporting verb",
                attribution::verb_class_named,
                &mut report,
            ),
            sources: class_entries(
                &raw.sources,
                "source",
                |kind| {
                    let plain = !kind.is_empty() && kind.chars().all(|c| c.is_lowercase());
                    plain.then(|| intern(kind))
                },
                &mut report,
            ),
        };
        if problems.is_empty() {
            Ok(Lexicon {
                aliases,
                words: Arc::new(words),
            })
        } else {
            Err(problems)
        }
    }

    /// Adds the names and words of `other`.
    fn extend(&mut self, other: Lexicon) {
        self.aliases.extend(other.aliases);
        let words = Arc::make_mut(&mut self.words);
        let other = Arc::unwrap_or_clone(other.words);
        words.hedges.extend(other.hedges);
        words.reporting_verbs.extend(other.reporting_verbs);
        words.sources.extend(other.sources);
        words.synonyms.extend(other.synonyms);
    }

    /// What the lexicon declares, counted (`2 entities named otherwise, 3 synonyms, 1 hedge, 0
    /// reporting verbs, 0 source words`), for `check` to confirm.
    pub fn summary(&self) -> String {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        [
            count(
                self.aliases.len(),
                "entity named otherwise",
                "entities named otherwise",
            ),
            count(self.words.synonyms.len(), "synonym", "synonyms"),
            count(self.words.hedges.len(), "hedge", "hedges"),
            count(
                self.words.reporting_verbs.len(),
                "reporting verb",
                "reporting verbs",
            ),
            count(self.words.sources.len(), "source word", "source words"),
        ]
        .join(", ")
    }

    /// Runs `work` with this lexicon's words in force on this thread (the one in force before
    /// is put back after).
    pub fn in_force<R>(&self, work: impl FnOnce() -> R) -> R {
        let before = IN_FORCE.with(|words| words.replace(Some(Arc::clone(&self.words))));
        let _restore = Restore(before);
        work()
    }
}

/// The class the lexicon in force gives `word` (lowercase) in `section`.
pub(crate) fn user_class(section: Section, word: &str) -> Option<&'static str> {
    IN_FORCE.with(|words| {
        let words = words.borrow();
        let words = words.as_ref()?;
        let table = match section {
            Section::Hedges => &words.hedges,
            Section::ReportingVerbs => &words.reporting_verbs,
            Section::Sources => &words.sources,
        };
        table.get(word).copied()
    })
}

/// The canonical stem the lexicon in force gives word stem `stem`, if it lists the word.
pub(crate) fn user_synonym(stem: &str) -> Option<&'static str> {
    IN_FORCE.with(|words| words.borrow().as_ref()?.synonyms.get(stem).copied())
}

/// `text` as a string that lives as long as the program; each distinct text is kept once, so
/// reloading a lexicon adds nothing.
fn intern(text: &str) -> &'static str {
    static INTERNED: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Default::default);
    let mut interned = INTERNED.lock().unwrap_or_else(|poison| poison.into_inner());
    if let Some(kept) = interned.get(text) {
        return kept;
    }
    let kept: &'static str = Box::leak(text.to_string().into_boxed_str());
    interned.insert(kept);
    kept
}

/// The single lowercase word an entry's key or form must be, or why it is not one.
fn single_word(written: &str) -> Result<String, String> {
    let word = written.trim();
    if word.is_empty() || word.contains(char::is_whitespace) {
        Err(format!("{written:?} is not one word"))
    } else {
        Ok(word.to_lowercase())
    }
}

/// The entries of a table of word = class, each class checked by `class_named` (which gives
/// the engine's own string for it).
fn class_entries(
    table: &BTreeMap<Spanned<String>, Spanned<String>>,
    what: &str,
    class_named: impl Fn(&str) -> Option<&'static str>,
    report: &mut impl FnMut(usize, String),
) -> HashMap<String, &'static str> {
    let mut entries = HashMap::new();
    for (word, class) in table {
        match single_word(word.get_ref()) {
            Err(message) => report(word.span().start, message),
            Ok(key) => match class_named(class.get_ref()) {
                Some(class) => {
                    entries.insert(key, class);
                }
                None => report(
                    class.span().start,
                    format!("{:?} is no class of {what}", class.get_ref()),
                ),
            },
        }
    }
    entries
}

/// The word stems of a table of synonym groups, each to its group's canonical stem: the
/// canonical stem of a shipped group one of its words is in, else its first word's stem.
fn synonym_entries(
    table: &BTreeMap<Spanned<String>, Spanned<Forms>>,
    report: &mut impl FnMut(usize, String),
) -> HashMap<String, &'static str> {
    let mut entries = HashMap::new();
    for (word, forms) in table {
        let written = forms.get_ref().with_first(word.get_ref());
        let stems: Result<Vec<String>, String> = written
            .iter()
            .map(|w| {
                let word = single_word(w)?;
                let mut stems = tokens::tokenize(&word).into_iter().map(|t| t.stem);
                match (stems.next(), stems.next()) {
                    (Some(stem), None) => Ok(stem),
                    _ => Err(format!("{w:?} is not one word")),
                }
            })
            .collect();
        match stems {
            Err(message) => report(forms.span().start, message),
            Ok(stems) if stems.len() < 2 => report(
                forms.span().start,
                format!("{:?} needs at least one other word", word.get_ref()),
            ),
            Ok(stems) => {
                let canonical = stems
                    .iter()
                    .find_map(|s| synonyms::shipped_canonical(s))
                    .unwrap_or_else(|| intern(&stems[0]));
                for stem in stems {
                    entries.insert(stem, canonical);
                }
            }
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::facts::extract_facts;

    fn lexicon(text: &str) -> Lexicon {
        Lexicon::parse(text).unwrap()
    }

    #[test]
    fn the_names_of_one_entry_are_one_entity() {
        let aliases = lexicon(
            "[aliases]\n\"Chinese Communist Party\" = [\"CCP\", \"the Party\"]\nPentagon = \"Defense Department\"\n",
        )
        .aliases;
        let name = |sentence: &str| extract_facts(sentence).names.remove(0);
        let ccp = name("A statement by the CCP on Monday.");
        let party = name("A statement by the Chinese Communist Party on Monday.");
        let pentagon = name("A statement by the Pentagon on Monday.");
        assert!(aliases.same_entity(&ccp, &party));
        assert!(!aliases.same_entity(&ccp, &pentagon));
        assert!(!Aliases::default().same_entity(&ccp, &party));
    }

    #[test]
    fn words_are_the_lexicons_only_while_it_is_in_force() {
        let lexicon = lexicon(
            "[hedges]\nostensibly = \"allegedly\"\n[reporting_verbs]\nBriefed = \"said\"\n\
             [sources]\nmedics = \"doctors\"\ninsiders = \"vague\"\n[synonyms]\njab = [\"vaccine\", \"shot\"]\n",
        );
        let stem = |word: &str| tokens::tokenize(word).remove(0).stem;
        let read = || {
            (
                user_class(Section::Hedges, "ostensibly"),
                user_class(Section::ReportingVerbs, "briefed"),
                user_class(Section::Sources, "medics"),
                user_class(Section::Sources, "insiders"),
                synonyms::canonical(&stem("jabs")) == synonyms::canonical(&stem("vaccine")),
            )
        };
        assert_eq!(
            lexicon.in_force(read),
            (
                Some("allegedly"),
                Some("said"),
                Some("doctors"),
                Some(VAGUE),
                true
            )
        );
        assert_eq!(read(), (None, None, None, None, false));
    }

    #[test]
    fn a_synonym_group_joins_the_shipped_group_it_shares() {
        let lexicon = lexicon("[synonyms]\nhike = [\"uptick\"]\n");
        let stem = |word: &str| tokens::tokenize(word).remove(0).stem;
        lexicon.in_force(|| {
            assert_eq!(
                synonyms::canonical(&stem("uptick")),
                synonyms::canonical(&stem("increase"))
            );
        });
    }

    #[test]
    fn files_add_up_and_the_last_says_a_words_class() {
        let mut both = lexicon("[reporting_verbs]\nbriefed = \"said\"\n");
        both.extend(lexicon(
            "[aliases]\nCCP = \"Party\"\n[reporting_verbs]\nbriefed = \"claimed\"\n",
        ));
        assert!(!both.aliases.is_empty());
        assert_eq!(
            both.summary(),
            "1 entity named otherwise, 0 synonyms, 0 hedges, 1 reporting verb, 0 source words"
        );
        both.in_force(|| {
            assert_eq!(
                user_class(Section::ReportingVerbs, "briefed"),
                Some("claimed")
            );
        });
    }

    #[test]
    fn every_problem_is_named_with_its_line_and_column() {
        let at = |text: &str| -> Vec<(usize, usize)> {
            let problems = Lexicon::parse(text).unwrap_err();
            problems.iter().map(|p| (p.line, p.column)).collect()
        };
        assert_eq!(at("[aliases]\nCCP = \"\"\nPLA = []\n"), [(2, 7), (3, 7)]);
        assert_eq!(at("[aliases]\nCCP = 3\n")[0].0, 2);
        assert_eq!(
            at("[hedges]\nostensibly = \"sorta\"\n[reporting_verbs]\n\"gave out\" = \"said\"\n"),
            [(2, 14), (4, 1)]
        );
        assert_eq!(at("[sources]\nmedics = \"Doctors\"\n"), [(2, 10)]);
        assert_eq!(
            at("[synonyms]\njab = [\"flu shot\"]\nshot = []\n"),
            [(2, 7), (3, 8)]
        );
        let problems = Lexicon::parse("[words]\nCCP = \"Party\"\n").unwrap_err();
        assert_eq!(problems[0].line, 1, "{problems:?}");
        assert!(problems[0].message.contains("[aliases]"), "{problems:?}");
    }

    #[test]
    fn the_readme_example_is_a_lexicon() {
        let readme = include_str!("../../README.md");
        let example = readme
            .split("```toml")
            .skip(1)
            .filter_map(|block| block.split("```").next())
            .find(|block| block.contains("[reporting_verbs]"))
            .expect("README shows a lexicon file");
        let example = example
            .lines()
            .map(str::trim_start)
            .collect::<Vec<_>>()
            .join("\n");
        let lexicon = lexicon(&example);
        lexicon.in_force(|| {
            assert_eq!(user_class(Section::Hedges, "seemingly"), Some("apparently"));
            assert_eq!(user_class(Section::Sources, "insiders"), Some(VAGUE));
        });
    }
}
