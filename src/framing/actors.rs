//! Labels for the same actor: for each person, organisation or country the story names, the
//! expressions each outlet uses for it, with counts.
//!
//! Mentions are the capitalised names the fact scanner reads in every outlet's claims
//! ([`crate::text::facts::names`]), and the lone sentence-initial words the name tables know
//! (`Beijing has ...`). Two mentions name one actor when the tables of other names
//! ([`crate::text::demonyms`]: `Beijing` = `China` = `Chinese`, `U.S.` = `United States`)
//! give them one entry, or when their key words match as the engine matches names (`Pompeo` =
//! `Mike Pompeo`, `WHO` = `World Health Organization`) with the same number of words, or one
//! word that is the other's last word or initials (so `Hebei` stays apart from `Hebei
//! University`).
//! Where an outlet's word diff puts words without a name in the place of an actor's name
//! (`Beijing -> the regime`), those words are a label of that actor too: the epithets.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::loaded::{LoadedWord, loaded_words};
use super::substitutions::is_replaced;
use super::{Occurrence, Passage, Rewording, occurrence};
use crate::model::Comparison;
use crate::text::demonyms::canonical_name;
use crate::text::facts::extract_facts;
use crate::text::facts::names::{Name, keys_match};

/// Fewest mentions (over all outlets) of an actor listed.
pub const MIN_MENTIONS: usize = 2;

/// One actor of the story and what each outlet calls it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The actor's most frequent name in the reference (else in any outlet).
    pub name: String,
    /// Mentions over all outlets.
    pub mentions: usize,
    /// For each outlet (comparison order; empty where it never names the actor), its labels,
    /// most frequent first.
    pub labels: IndexMap<String, Vec<Label>>,
}

/// One expression an outlet uses for an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Label {
    /// The expression as first written (`Beijing`, `the Chinese Communist Party`, `the regime`).
    pub text: String,
    /// How many times the outlet uses it.
    pub count: usize,
    /// An epithet put in the place of the reference's name for the actor, not a name.
    pub epithet: bool,
    /// Loaded words in it (an epithet's only: a name's words are no choice of connotation).
    pub loaded: Vec<LoadedWord>,
    /// Where it occurs.
    pub occurrences: Vec<Occurrence>,
}

/// A mention being grouped: the actor's key and its name's key words.
struct Group {
    canonical: Option<&'static str>,
    words: Vec<String>,
    /// (outlet, expression, epithet, occurrence) of every mention.
    mentions: Vec<(String, String, bool, Occurrence)>,
}

/// The actors of a comparison, most mentioned first.
pub(crate) fn of(
    comparison: &Comparison,
    passages: &[Passage<'_>],
    rewordings: &[Rewording<'_>],
) -> Vec<Actor> {
    let mut groups: Vec<Group> = Vec::new();
    // The group of each name's key words seen so far: a name is grouped once, however often
    // it is mentioned (groups keep their words, so the answer would not change).
    let mut grouped: HashMap<&[String], usize> = HashMap::new();
    for passage in passages {
        let names = passage.facts.names.iter();
        let known_initials = passage
            .facts
            .maybe_names
            .iter()
            .filter(|name| canonical(name).is_some());
        for name in names.chain(known_initials) {
            let index = *grouped
                .entry(&name.words)
                .or_insert_with(|| group_of(&mut groups, name));
            groups[index].mentions.push((
                passage.outlet.to_string(),
                expression(&name.text),
                false,
                passage.occurrence.clone(),
            ));
        }
    }
    add_epithets(rewordings, &mut groups);
    let mut actors: Vec<Actor> = groups
        .into_iter()
        .filter(|g| g.mentions.len() >= MIN_MENTIONS)
        .map(|group| actor(comparison, group))
        .collect();
    actors.sort_by_key(|x| std::cmp::Reverse(x.mentions));
    actors
}

/// The index of the group `name` belongs to, a new one if none.
fn group_of(groups: &mut Vec<Group>, name: &Name) -> usize {
    let canonical = canonical(name);
    let found = groups.iter().position(|g| match (canonical, g.canonical) {
        (Some(a), Some(b)) => a == b,
        (None, None) => same_actor(&name.words, &g.words),
        _ => false,
    });
    found.unwrap_or_else(|| {
        groups.push(Group {
            canonical,
            words: name.words.clone(),
            mentions: Vec::new(),
        });
        groups.len() - 1
    })
}

/// The name tables' entry for a name (`Beijing`, `Chinese` → `china`).
fn canonical(name: &Name) -> Option<&'static str> {
    canonical_name(&name.words.join(" "))
}

/// Whether two names' key words name one actor (see the module's rules).
fn same_actor(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    // The shapes first: they are cheap, and rule out most pairs before the spellings are read.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shapes_fit = short.len() == long.len()
        || (short.len() == 1 && (long.last() == short.first() || initials(long) == short[0]));
    shapes_fit && keys_match(a, b)
}

/// The first letters of words (`world health organization` → `who`).
fn initials(words: &[String]) -> String {
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// A name as an expression: without a possessive `'s`.
fn expression(text: &str) -> String {
    text.trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string()
}

/// Adds, for each outlet's replaced span whose reference side is a name of a group and whose
/// own side names nothing, that side as an epithet of the group.
fn add_epithets(rewordings: &[Rewording<'_>], groups: &mut [Group]) {
    for rewording in rewordings {
        for (from, to) in rewording
            .regions
            .iter()
            .filter(|region| is_replaced(region))
        {
            let Some(group) = named_group(groups, from) else {
                continue;
            };
            let to_facts = extract_facts(to);
            if to_facts.names.is_empty() && to_facts.maybe_names.is_empty() {
                group.mentions.push((
                    rewording.outlet.to_string(),
                    to.clone(),
                    true,
                    occurrence(&rewording.claim.id, rewording.status),
                ));
            }
        }
    }
}

/// The group named by `text` when `text` is one name and nothing more (`Beijing`, not `the
/// Beijing government`).
fn named_group<'g>(groups: &'g mut [Group], text: &str) -> Option<&'g mut Group> {
    // A name is a run of capitalised words: no need to read the facts of anything else.
    if !text.starts_with(char::is_uppercase) {
        return None;
    }
    let facts = extract_facts(text);
    let name = facts.names.iter().chain(&facts.maybe_names).next()?;
    if expression(&name.text) != expression(text) {
        return None;
    }
    let canonical = canonical(name);
    groups.iter_mut().find(|g| match (canonical, g.canonical) {
        (Some(a), Some(b)) => a == b,
        (None, None) => same_actor(&name.words, &g.words),
        _ => false,
    })
}

/// The actor of a group: its name, and each outlet's labels counted.
fn actor(comparison: &Comparison, group: Group) -> Actor {
    let mut labels: IndexMap<String, Vec<Label>> = comparison
        .outlets
        .iter()
        .map(|o| (o.id.clone(), Vec::new()))
        .collect();
    for (outlet, text, epithet, at) in &group.mentions {
        let Some(list) = labels.get_mut(outlet) else {
            continue;
        };
        match list
            .iter_mut()
            .find(|l| l.epithet == *epithet && l.text.to_lowercase() == text.to_lowercase())
        {
            Some(label) => {
                label.count += 1;
                label.occurrences.push(at.clone());
            }
            None => list.push(Label {
                text: text.clone(),
                count: 1,
                epithet: *epithet,
                // A name's words are no choice of connotation (`United`, `Talent`).
                loaded: if *epithet {
                    loaded_words(text)
                } else {
                    Vec::new()
                },
                occurrences: vec![at.clone()],
            }),
        }
    }
    for list in labels.values_mut() {
        list.sort_by_key(|x| std::cmp::Reverse(x.count));
    }
    let name = labels
        .get(&comparison.reference)
        .and_then(|list| list.iter().find(|l| !l.epithet))
        .or_else(|| labels.values().flatten().find(|l| !l.epithet))
        .map(|l| l.text.clone())
        .unwrap_or_default();
    Actor {
        name,
        mentions: group.mentions.len(),
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EngineSettings, OutletEntry};

    fn comparison(reference: &str, other: &str) -> Comparison {
        let outlet = |id: &str, text: &str| OutletEntry::from_text(id, "", &[text]);
        crate::align::compare(
            "s",
            vec![outlet("ref", reference), outlet("other", other)],
            "ref",
            Vec::new(),
            &EngineSettings::default(),
        )
    }

    #[test]
    fn other_names_of_one_country_are_one_actor_and_an_epithet_in_its_place_a_label() {
        let comparison = comparison(
            "Officials in Washington say Beijing has sent thousands of spies to Chinese labs abroad.",
            "Officials in Washington say the regime has sent thousands of spies to Chinese labs abroad.",
        );
        let framing = crate::framing::analyse(&comparison);
        let china = framing
            .actors
            .iter()
            .find(|a| a.name == "Beijing")
            .expect("China is an actor");
        let texts = |outlet: &str| -> Vec<(String, bool)> {
            china.labels[outlet]
                .iter()
                .map(|l| (l.text.clone(), l.epithet))
                .collect()
        };
        assert_eq!(
            texts("ref"),
            [
                ("Beijing".to_string(), false),
                ("Chinese".to_string(), false)
            ]
        );
        assert_eq!(
            texts("other"),
            [
                ("Chinese".to_string(), false),
                ("the regime".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_place_stays_apart_from_the_bodies_named_after_it() {
        assert!(same_actor(
            &["pompeo".into()],
            &["mike".into(), "pompeo".into()]
        ));
        assert!(!same_actor(
            &["hebei".into()],
            &["hebei".into(), "university".into()]
        ));
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(same_actor(
            &words("who"),
            &words("world health organization")
        ));
        assert!(!same_actor(
            &words("hebei"),
            &words("hebei international talent exchange association")
        ));
    }
}
