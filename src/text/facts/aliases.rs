//! Names a user declares to be one entity, for a story or a field (`CCP` = `Chinese Communist
//! Party`, `the Pentagon` = `the Defense Department`): lexicon files that `[compare] lexicon`
//! of `sources.toml` lists, read as strictly as `sources.toml` itself. Two names of one entry
//! are never reported as one name put for another.
//!
//! A lexicon file holds one table:
//!
//! ```toml
//! [aliases]
//! "Chinese Communist Party" = ["CCP", "the Party"]
//! Pentagon = "Defense Department"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::names::{Name, name_key};
use crate::config::{ConfigError, Problem, line_column};

/// The lexicon shipped with parallax: names news writes for one institution (`Pentagon` =
/// `Defense Department`), as data beside this file, in the lexicon format.
static BUILT_IN: std::sync::LazyLock<Aliases> = std::sync::LazyLock::new(|| {
    Aliases::parse(include_str!("aliases.toml")).expect("aliases.toml is a valid lexicon")
});

/// The entities of the lexicon files, each as the key words of its names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aliases {
    entities: Vec<Vec<Vec<String>>>,
}

/// One name or several, as a lexicon entry's value.
#[derive(Deserialize)]
#[serde(untagged)]
enum Forms {
    One(String),
    Several(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    aliases: BTreeMap<Spanned<String>, Spanned<Forms>>,
}

impl Aliases {
    /// Reads every lexicon file of `paths` (relative to `base`, the folder of `sources.toml`).
    pub fn load(paths: &[String], base: &Path) -> Result<Aliases, ConfigError> {
        let mut aliases = Aliases::default();
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
            aliases
                .entities
                .extend(Aliases::parse(&text).map_err(fail)?.entities);
        }
        Ok(aliases)
    }

    /// Parses one lexicon file's text; every problem with its line and column.
    pub fn parse(text: &str) -> Result<Aliases, Vec<Problem>> {
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
                format!(
                    "{} (a lexicon holds one table, [aliases], of name = \"other name\" or [\"other names\"])",
                    err.message().trim()
                ),
            )]
        })?;
        let mut problems = Vec::new();
        let mut entities = Vec::new();
        for (name, forms) in raw.aliases {
            let mut written = vec![name.get_ref().clone()];
            match forms.get_ref() {
                Forms::One(form) => written.push(form.clone()),
                Forms::Several(several) => written.extend(several.iter().cloned()),
            }
            let keys: Vec<Vec<String>> = written.iter().map(|form| name_key(form)).collect();
            if let Some(blank) = written.iter().zip(&keys).find(|(_, key)| key.is_empty()) {
                problems.push(at(
                    forms.span().start,
                    format!("{:?} is no name: it has no word to match", blank.0),
                ));
            } else if written.len() < 2 {
                problems.push(at(
                    forms.span().start,
                    format!("{:?} needs at least one other name", name.get_ref()),
                ));
            } else {
                entities.push(keys);
            }
        }
        if problems.is_empty() {
            Ok(Aliases { entities })
        } else {
            Err(problems)
        }
    }

    /// Whether the lexicon, or the one shipped with parallax ([`BUILT_IN`]), makes `a` and `b`
    /// names of one entity.
    pub fn same_entity(&self, a: &Name, b: &Name) -> bool {
        self.entities
            .iter()
            .chain(&BUILT_IN.entities)
            .any(|names| names.contains(&a.words) && names.contains(&b.words))
    }

    /// Whether the lexicon declares no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::facts::extract_facts;

    fn names(sentence: &str) -> Vec<Name> {
        extract_facts(sentence).names
    }

    #[test]
    fn the_names_of_one_entry_are_one_entity() {
        let aliases = Aliases::parse(
            "[aliases]\n\"Chinese Communist Party\" = [\"CCP\", \"the Party\"]\nPentagon = \"Defense Department\"\n",
        )
        .unwrap();
        let ccp = &names("A statement by the CCP on Monday.")[0];
        let party = &names("A statement by the Chinese Communist Party on Monday.")[0];
        let pentagon = &names("A statement by the Pentagon on Monday.")[0];
        assert!(aliases.same_entity(ccp, party));
        assert!(!aliases.same_entity(ccp, pentagon));
        assert!(!Aliases::default().same_entity(ccp, party));
    }

    #[test]
    fn every_problem_is_named_with_its_line_and_column() {
        let problems = Aliases::parse("[aliases]\nCCP = \"\"\nPLA = []\n").unwrap_err();
        let at: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(at, [(2, 7), (3, 7)], "{problems:?}");
        let problems = Aliases::parse("[synonyms]\nCCP = \"Party\"\n").unwrap_err();
        assert_eq!(problems[0].line, 1, "{problems:?}");
        assert!(problems[0].message.contains("[aliases]"), "{problems:?}");
        let problems = Aliases::parse("[aliases]\nCCP = 3\n").unwrap_err();
        assert_eq!(problems[0].line, 2, "{problems:?}");
    }
}
