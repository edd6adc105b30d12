//! A small table of words news rewrites swap for one another ("staff" for "employees", "hike"
//! for "increase", "nations" for "countries"), so that similarity sees through the commonest
//! paraphrases, and verbs and the nouns made from them ("abstained" / "abstentions") where the
//! stemmer leaves them apart. Each group maps to one canonical stem. It is deliberately short and general:
//! words that only sometimes mean the same thing stay out, since a wrong synonym makes two
//! different claims look alike. The table is data: `synonyms.toml` beside this file.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::{lexicon, tokens};

/// The groups of interchangeable words, as data beside this file: the first word of each group is its canonical form.
const GROUPS_TOML: &str = include_str!("synonyms.toml");

/// The file's keys: the groups, and pairs of groups of opposite meaning.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Groups {
    groups: Vec<Vec<String>>,
    /// Each pair names two groups by their first words, the one that says more (`increase`)
    /// before the one that says less (`decrease`).
    #[serde(default)]
    opposites: Vec<[String; 2]>,
}

static GROUPS: LazyLock<Groups> =
    LazyLock::new(|| toml::from_str(GROUPS_TOML).expect("synonyms.toml is valid"));

/// The stem of `word` (of each word, for a phrase).
fn stem(word: &str) -> String {
    tokens::tokenize(word)
        .into_iter()
        .map(|t| t.stem)
        .collect::<Vec<_>>()
        .join(" ")
}

static CANONICAL: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let groups = &*GROUPS;
    let mut map = HashMap::new();
    for group in &groups.groups {
        let Some(first) = group.first() else {
            continue;
        };
        let canonical = stem(first);
        for word in group {
            map.entry(stem(word)).or_insert_with(|| canonical.clone());
        }
    }
    map
});

/// The canonical stems of each pair of opposite groups, the one that says more first.
static OPPOSITES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    GROUPS
        .opposites
        .iter()
        .map(|[more, less]| (stem(more), stem(less)))
        .collect()
});

/// The canonical stem of `stem`: of its group in the lexicon in force
/// ([`lexicon::user_synonym`]), else in `synonyms.toml`, else itself.
pub fn canonical(stem: &str) -> &str {
    lexicon::user_synonym(stem)
        .or_else(|| shipped_canonical(stem))
        .unwrap_or(stem)
}

/// The canonical stem of `stem`'s group in `synonyms.toml`, if it is in one.
pub(crate) fn shipped_canonical(stem: &str) -> Option<&'static str> {
    CANONICAL.get(stem).map(String::as_str)
}

/// Whether the words of stems `a` and `b` mean the opposite of each other (`rose` / `fell`:
/// their groups are a pair of `opposites`), and if so whether `a` is the one that says less.
pub fn opposed(a: &str, b: &str) -> Option<bool> {
    let (a, b) = (canonical(a), canonical(b));
    OPPOSITES.iter().find_map(|(more, less)| {
        if a == more && b == less {
            Some(false)
        } else if a == less && b == more {
            Some(true)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical_of(word: &str) -> String {
        let stem = tokens::tokenize(word).remove(0).stem;
        canonical(&stem).to_string()
    }

    #[test]
    fn words_of_one_group_meet_and_others_stay_apart() {
        assert_eq!(canonical_of("envoy"), canonical_of("ambassador"));
        assert_eq!(canonical_of("abstentions"), canonical_of("abstained"));
        assert_eq!(canonical_of("rose"), canonical_of("increased"));
        assert_eq!(canonical_of("lorries"), canonical_of("trucks"));
        assert_ne!(canonical_of("rose"), canonical_of("fell"));
        assert_eq!(canonical_of("parliament"), "parliament");
    }

    #[test]
    fn groups_of_opposite_meaning_are_opposed() {
        let stem_of = |word: &str| tokens::tokenize(word).remove(0).stem;
        assert_eq!(opposed(&stem_of("rose"), &stem_of("fell")), Some(false));
        assert_eq!(opposed(&stem_of("decline"), &stem_of("jumped")), Some(true));
        assert_eq!(opposed(&stem_of("rose"), &stem_of("climbed")), None);
        assert_eq!(opposed(&stem_of("rose"), &stem_of("sold")), None);
    }

    #[test]
    fn the_data_file_reads_and_no_word_is_in_two_groups() {
        let groups: Groups = toml::from_str(GROUPS_TOML).unwrap();
        let firsts: Vec<&String> = groups.groups.iter().filter_map(|g| g.first()).collect();
        assert!(
            groups
                .opposites
                .iter()
                .flatten()
                .all(|w| firsts.contains(&w)),
            "each opposite names a group by its first word"
        );
        let mut seen = std::collections::HashSet::new();
        for word in groups.groups.iter().flatten() {
            assert!(seen.insert(word.as_str()), "{word} is in two groups");
        }
        assert!(groups.groups.iter().all(|g| g.len() >= 2));
    }
}
