//! A small table of words news rewrites swap for one another ("staff" for "employees", "hike"
//! for "increase", "nations" for "countries"), so that similarity sees through the commonest
//! paraphrases, and verbs and the nouns made from them ("abstained" / "abstentions") where the
//! stemmer leaves them apart. Each group maps to one canonical stem. It is deliberately short and general:
//! words that only sometimes mean the same thing stay out, since a wrong synonym makes two
//! different claims look alike. The table is data: `synonyms.toml` beside this file.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::tokens;

/// The groups of interchangeable words, as data beside this file: the first word of each group is its canonical form.
const GROUPS_TOML: &str = include_str!("synonyms.toml");

/// The file's one key.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Groups {
    groups: Vec<Vec<String>>,
}

static CANONICAL: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let stem = |word: &str| -> String {
        tokens::tokenize(word)
            .into_iter()
            .map(|t| t.stem)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let groups: Groups = toml::from_str(GROUPS_TOML).expect("synonyms.toml is valid");
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

/// The canonical stem of `stem` (itself when it is in no group).
pub fn canonical(stem: &str) -> &str {
    CANONICAL.get(stem).map_or(stem, String::as_str)
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
    fn the_data_file_reads_and_no_word_is_in_two_groups() {
        let groups: Groups = toml::from_str(GROUPS_TOML).unwrap();
        let mut seen = std::collections::HashSet::new();
        for word in groups.groups.iter().flatten() {
            assert!(seen.insert(word.as_str()), "{word} is in two groups");
        }
        assert!(groups.groups.iter().all(|g| g.len() >= 2));
    }
}
