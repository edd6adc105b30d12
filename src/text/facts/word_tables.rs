//! Word tables kept as data beside the code (`hedges.toml`, `attribution.toml`): TOML files of
//! `[table]` sections, each mapping a lowercase word to its class.

use std::collections::HashMap;

/// The sections of one file, by name: word to class.
pub(crate) type WordTables = HashMap<String, HashMap<String, String>>;

/// Reads a shipped table file (a test reads each, so a broken file fails the tests, not a run).
pub(crate) fn parse(text: &str) -> WordTables {
    toml::from_str(text).expect("a shipped word table is valid TOML of [table] word = \"class\"")
}

/// The class of `word` in section `table` of `tables`.
pub(crate) fn class_of<'t>(tables: &'t WordTables, table: &str, word: &str) -> Option<&'t str> {
    tables.get(table)?.get(word).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_table_reads_with_its_sections() {
        for (text, sections) in [
            (
                include_str!("hedges.toml"),
                &["words", "adjectives", "believed", "negations", "refusals"][..],
            ),
            (
                include_str!("attribution.toml"),
                &["verbs", "sources", "vague_sources"],
            ),
        ] {
            let tables = parse(text);
            for section in sections {
                assert!(!tables[*section].is_empty(), "{section}");
            }
        }
        assert_eq!(
            class_of(&parse(include_str!("hedges.toml")), "words", "might"),
            Some("may")
        );
    }
}
