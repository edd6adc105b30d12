//! Names of one entity (`CCP` = `Chinese Communist Party`, `the Pentagon` = `the Defense
//! Department`): the `[aliases]` of a user's lexicon ([`crate::text::lexicon`]) and of the one
//! shipped beside this file (`aliases.toml`). Two names of one entry are never reported as one
//! name put for another.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::names::{Name, name_key};

/// The lexicon shipped with parallax: names news writes for one institution (`Pentagon` =
/// `Defense Department`), as data beside this file, in the lexicon format.
static BUILT_IN: std::sync::LazyLock<Aliases> = std::sync::LazyLock::new(|| {
    let shipped: ShippedLexicon =
        toml::from_str(include_str!("aliases.toml")).expect("aliases.toml is a valid lexicon");
    Aliases::from_entries(&shipped.aliases, &mut |_, problem| {
        panic!("aliases.toml: {problem}")
    })
});

/// The entities of the lexicon files, each as the key words of its names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aliases {
    entities: Vec<Vec<Vec<String>>>,
}

/// One name or several, as a lexicon entry's value.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum Forms {
    One(String),
    Several(Vec<String>),
}

impl Forms {
    /// `first`, then these forms.
    pub(crate) fn with_first(&self, first: &str) -> Vec<String> {
        let mut written = vec![first.to_string()];
        match self {
            Forms::One(form) => written.push(form.clone()),
            Forms::Several(several) => written.extend(several.iter().cloned()),
        }
        written
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShippedLexicon {
    aliases: BTreeMap<Spanned<String>, Spanned<Forms>>,
}

impl Aliases {
    /// The entities of a lexicon's `[aliases]` table; each problem goes to `report` with the
    /// offset of the entry's value.
    pub(crate) fn from_entries(
        table: &BTreeMap<Spanned<String>, Spanned<Forms>>,
        report: &mut impl FnMut(usize, String),
    ) -> Aliases {
        let mut entities = Vec::new();
        for (name, forms) in table {
            let written = forms.get_ref().with_first(name.get_ref());
            let keys: Vec<Vec<String>> = written.iter().map(|form| name_key(form)).collect();
            if let Some(blank) = written.iter().zip(&keys).find(|(_, key)| key.is_empty()) {
                report(
                    forms.span().start,
                    format!("{:?} is no name: it has no word to match", blank.0),
                );
            } else if written.len() < 2 {
                report(
                    forms.span().start,
                    format!("{:?} needs at least one other name", name.get_ref()),
                );
            } else {
                entities.push(keys);
            }
        }
        Aliases { entities }
    }

    /// Adds the entities of `other`.
    pub(crate) fn extend(&mut self, other: Aliases) {
        self.entities.extend(other.entities);
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

    /// How many entities the lexicon declares.
    pub fn len(&self) -> usize {
        self.entities.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::facts::extract_facts;

    #[test]
    fn the_shipped_lexicon_knows_the_pentagon() {
        let name = |sentence: &str| extract_facts(sentence).names.remove(0);
        let pentagon = name("A statement by the Pentagon on Monday.");
        let department = name("A statement by the Defense Department on Monday.");
        let state = name("A statement by the State Department on Monday.");
        assert!(Aliases::default().same_entity(&pentagon, &department));
        assert!(!Aliases::default().same_entity(&pentagon, &state));
    }
}
