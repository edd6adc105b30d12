//! The framing lens on the demo story shows the framing its authors wrote in
//! (`tests/fixtures/demo/framing.toml`): every listed substitution (with its loaded words),
//! loaded word added or left out, attribution verb, hedge, actor label and claim stated as fact
//! by some outlets and qualified by others.

mod report_support;
mod skip;

use indexmap::IndexMap;
use parallax::framing::{
    Framing, OneSidedWord, OutletSubstitutions, OutletVoice, WordCount, analyse,
};
use parallax::model::Comparison;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    substitution: Vec<ExpectedSubstitution>,
    added: Vec<OutletWord>,
    left_out: Vec<OutletWord>,
    attribution: Vec<OutletWord>,
    hedge: Vec<OutletWord>,
    label: Vec<ExpectedLabel>,
    stated_as_fact: Vec<ExpectedStatedAsFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedSubstitution {
    outlet: String,
    from: String,
    to: String,
    #[serde(default)]
    loaded: Vec<String>,
}

#[derive(Deserialize)]
struct OutletWord {
    outlet: String,
    #[serde(alias = "verb", alias = "hedge")]
    word: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedLabel {
    actor: String,
    outlet: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedStatedAsFact {
    reference: String,
    as_fact: Vec<String>,
    qualified: IndexMap<String, Vec<String>>,
}

fn expected() -> Expected {
    let path = report_support::fixtures().join("../demo/framing.toml");
    let text = std::fs::read_to_string(&path).expect("tests/fixtures/demo/framing.toml");
    toml::from_str(&text).expect("framing.toml parses")
}

fn demo() -> Option<(Comparison, Framing)> {
    let mut config = report_support::demo_config()?;
    config.compare.diff_deadline_ms = 60_000;
    config.stories.truncate(1);
    let comparison = report_support::compare_all(&config).pop()?;
    let framing = analyse(&comparison);
    Some((comparison, framing))
}

#[test]
fn the_demo_shows_the_framing_its_authors_wrote_in() {
    let Some((comparison, framing)) = demo() else {
        skip::skip("sources.toml has no story");
        return;
    };
    let expected = expected();
    let mut missing = Vec::new();
    for want in &expected.substitution {
        let found = framing
            .substitutions
            .iter()
            .filter(|o| o.outlet == want.outlet)
            .flat_map(|o| &o.substitutions)
            .find(|s| s.from == want.from && s.to == want.to);
        match found {
            None => missing.push(format!("{}: {} -> {}", want.outlet, want.from, want.to)),
            Some(found) => {
                let loaded: Vec<&str> = found.loaded.iter().map(|w| w.word.as_str()).collect();
                for word in &want.loaded {
                    if !loaded.contains(&word.as_str()) {
                        missing.push(format!("{}: {word} marked loaded", want.outlet));
                    }
                }
                let claim = &found.occurrences[0].claim;
                assert!(comparison.claims.iter().any(|c| &c.id == claim));
            }
        }
    }
    type OneSided = fn(&OutletSubstitutions) -> &[OneSidedWord];
    let kinds: [(&str, &[OutletWord], OneSided); 2] = [
        ("added", &expected.added, |o| &o.added),
        ("left out", &expected.left_out, |o| &o.left_out),
    ];
    for (kind, wanted, words) in kinds {
        for want in wanted {
            let found = framing
                .substitutions
                .iter()
                .filter(|o| o.outlet == want.outlet)
                .flat_map(words)
                .find(|w| w.word == want.word);
            match found {
                None => missing.push(format!("{}: {kind} {}", want.outlet, want.word)),
                Some(found) => one_sided_where_it_says(&comparison, kind, &want.outlet, found),
            }
        }
    }
    let voice = |outlet: &str| framing.voice.iter().find(|v| v.outlet == outlet).unwrap();
    type WordsOf = fn(&OutletVoice) -> &[WordCount];
    let kinds: [(&str, &[OutletWord], WordsOf); 2] = [
        ("attribution", &expected.attribution, |v| {
            &v.attribution_verbs
        }),
        ("hedge", &expected.hedge, |v| &v.hedges),
    ];
    for (kind, wanted, words) in kinds {
        for want in wanted {
            if !words(voice(&want.outlet))
                .iter()
                .any(|w| w.word == want.word)
            {
                missing.push(format!("{}: {kind} {}", want.outlet, want.word));
            }
        }
    }
    for want in &expected.label {
        let labels = framing
            .actors
            .iter()
            .find(|a| a.name == want.actor)
            .and_then(|a| a.labels.get(&want.outlet));
        if !labels.is_some_and(|l| l.iter().any(|l| l.text == want.text)) {
            missing.push(format!("{}: {} for {}", want.outlet, want.text, want.actor));
        }
    }
    for want in &expected.stated_as_fact {
        let claim = comparison
            .claims
            .iter()
            .find(|c| c.text.contains(&want.reference))
            .expect("the reference sentence is a claim");
        let found = framing.stated_as_fact.iter().find(|s| s.claim == claim.id);
        if !found.is_some_and(|s| s.as_fact == want.as_fact && s.qualified == want.qualified) {
            missing.push(format!("stated as fact: {}", want.reference));
        }
    }
    assert!(missing.is_empty(), "the lens misses: {missing:#?}");
}

/// A one-sided word stands, in every claim it is listed for, on its own side only: an added
/// word in the outlet's wording and not the reference's, a left-out one the other way round.
fn one_sided_where_it_says(comparison: &Comparison, kind: &str, outlet: &str, word: &OneSidedWord) {
    let has = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == word.word)
    };
    for at in &word.occurrences {
        let claim = comparison.claims.iter().find(|c| c.id == at.claim).unwrap();
        let own = claim.statuses[outlet].text.as_deref().unwrap_or_default();
        let (with, without) = match kind {
            "added" => (own, claim.text.as_str()),
            _ => (claim.text.as_str(), own),
        };
        assert!(
            has(with) && !has(without),
            "{outlet}: {kind} {} in {}",
            word.word,
            at.claim
        );
    }
}

#[test]
fn the_reference_has_no_substitutions_and_verbatim_copies_add_none() {
    let Some((comparison, framing)) = demo() else {
        skip::skip("sources.toml has no story");
        return;
    };
    assert!(
        framing
            .substitutions
            .iter()
            .all(|o| o.outlet != comparison.reference)
    );
    for outlet in &framing.substitutions {
        for substitution in &outlet.substitutions {
            for at in &substitution.occurrences {
                let claim = comparison.claims.iter().find(|c| c.id == at.claim).unwrap();
                let status = &claim.statuses[&outlet.outlet];
                assert_ne!(
                    status.text.as_deref(),
                    Some(claim.text.as_str()),
                    "{} copies {} word for word",
                    outlet.outlet,
                    at.claim
                );
            }
        }
    }
}

#[test]
fn a_collection_database_counts_an_outlets_words_across_stories() {
    let Some((comparison, _)) = demo() else {
        skip::skip("sources.toml has no story");
        return;
    };
    let mut writer = parallax::report::collection::CollectionWriter::new(
        parallax::report::Format::Sqlite,
        Default::default(),
    )
    .unwrap();
    let mut retold = comparison.clone();
    retold.story = "hebei-retold".to_string();
    writer.add(&comparison).unwrap();
    writer.add(&retold).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("collection.sqlite");
    std::fs::write(&path, writer.finish().unwrap()).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| -> Vec<(String, i64)> {
        let mut query = db.prepare(sql).unwrap();
        query
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        count(
            "SELECT outlet, sum(count) FROM framing_words WHERE kind = 'substitution' \
             AND text = 'Secret' GROUP BY outlet"
        ),
        [("dailyblaze".to_string(), 2)]
    );
    assert_eq!(
        count(
            "SELECT outlet, count(DISTINCT story) FROM framing_words WHERE kind = 'attribution' \
             AND text = 'claimed' GROUP BY outlet"
        ),
        [("harbourcourier".to_string(), 2)]
    );
    assert_eq!(
        count(
            "SELECT outlet, count(DISTINCT story) FROM framing_words WHERE kind = 'left_out' \
             AND reference_text = 'beneficiary' AND text IS NULL GROUP BY outlet ORDER BY outlet"
        ),
        [
            ("dailyblaze".to_string(), 2),
            ("harbourcourier".to_string(), 2)
        ]
    );
}
