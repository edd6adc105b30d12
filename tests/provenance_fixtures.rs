//! Provenance on stories whose derivations are known: the demo story (through the real
//! pipeline, from its cached pages and `tests/fixtures/demo/relations.toml`) and the small
//! invented stories of `tests/fixtures/provenance/` (a wire story reprinted with cuts, two
//! independent reports sharing an official's quote, a rewrite crediting its source, two papers
//! copying one agency). Every expected relation is checked for its class, its direction and
//! what decided the direction; every pair a fixture does not name must not be derived.
//! `PARALLAX_PROVENANCE_SHOW=1` prints each story's provenance as `parallax provenance` does.

use std::path::PathBuf;

use parallax::align::compare;
use parallax::config::Config;
use parallax::extract::article_from_text;
use parallax::model::{Comparison, EngineSettings, OutletEntry};
use parallax::pipeline::{self, LoadOptions, outlet_entry};
use parallax::provenance::{DerivationClass, DirectionBasis, Relation};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    reference: String,
    #[serde(default)]
    outlet: Vec<FixtureOutlet>,
    relation: Vec<Expected>,
    absent: Option<Absent>,
}

#[derive(Deserialize)]
struct FixtureOutlet {
    id: String,
    name: String,
    url: String,
    published: Option<String>,
}

#[derive(Deserialize)]
struct Absent {
    drop: String,
    relation: Vec<Expected>,
}

#[derive(Deserialize, Debug)]
struct Expected {
    source: Option<String>,
    derived: Option<String>,
    between: Option<[String; 2]>,
    class: String,
    direction: Option<DirectionBasis>,
    via: Option<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture story `name`'s comparison, optionally without one outlet.
fn fixture_comparison(name: &str, drop: Option<&str>) -> (Fixture, Comparison) {
    let dir = root().join("tests/fixtures/provenance").join(name);
    let fixture: Fixture =
        toml::from_str(&std::fs::read_to_string(dir.join("story.toml")).unwrap())
            .unwrap_or_else(|err| panic!("{name}/story.toml: {err}"));
    let outlets: Vec<OutletEntry> = fixture
        .outlet
        .iter()
        .filter(|o| Some(o.id.as_str()) != drop)
        .map(|o| {
            let text = std::fs::read_to_string(dir.join(format!("{}.txt", o.id))).unwrap();
            let mut article = article_from_text(&text);
            article.published = o.published.clone();
            outlet_entry(&o.id, &o.name, &o.url, article)
        })
        .collect();
    let reference = if drop == Some(fixture.reference.as_str()) {
        outlets[0].id.clone()
    } else {
        fixture.reference.clone()
    };
    let comparison = compare(
        name,
        outlets,
        &reference,
        Vec::new(),
        &EngineSettings::default(),
    );
    (fixture, comparison)
}

/// The demo story compared as the program does, from its cached pages.
fn demo_comparison() -> Comparison {
    let config = Config::load(&root().join("sources.toml")).unwrap();
    let story = config.story("hebei-tech-transfer").unwrap();
    let options = LoadOptions {
        cache_dir: root().join("cache"),
        offline: true,
        ..LoadOptions::default()
    };
    let loaded = pipeline::load_story(&config, story, &options, &mut |_| {});
    assert!(loaded.failures.is_empty(), "{:?}", loaded.failures);
    let reference =
        pipeline::choose_reference(None, story.reference.as_deref(), &loaded.outlets).unwrap();
    pipeline::compare_loaded(&config, loaded, &reference)
}

fn class_matches(expected: &str, class: DerivationClass) -> bool {
    match expected {
        "not_derived" => !class.is_derived(),
        "derived" => class.is_derived(),
        other => class.as_str() == other,
    }
}

/// Checks every expected relation, and that no other pair is derived; returns the failures.
fn check(story: &str, comparison: &Comparison, expected: &[Expected]) -> Vec<String> {
    let provenance = &comparison.provenance;
    if std::env::var_os("PARALLAX_PROVENANCE_SHOW").is_some() {
        eprintln!(
            "{}",
            parallax::provenance::text::render(comparison, provenance)
        );
    }
    let mut failures = Vec::new();
    let mut named: Vec<&Relation> = Vec::new();
    for e in expected {
        let (a, b) = match (&e.source, &e.derived, &e.between) {
            (Some(s), Some(d), None) => (s.clone(), d.clone()),
            (None, None, Some([a, b])) => (a.clone(), b.clone()),
            _ => panic!("{story}: a relation has source and derived, or between: {e:?}"),
        };
        let Some(relation) = provenance.relation(&a, &b) else {
            failures.push(format!("{story}: no relation between {a} and {b}"));
            continue;
        };
        named.push(relation);
        let shown = format!(
            "{story}: {} {} (confidence {}, strength {}, direction {:?}, via {:?}); evidence: {:#?}",
            relation.arrow(),
            relation.class.as_str(),
            relation.confidence,
            relation.strength,
            relation.direction,
            relation.via,
            relation.evidence
        );
        if !class_matches(&e.class, relation.class) {
            failures.push(format!("expected {}: {shown}", e.class));
            continue;
        }
        if e.source.is_some() {
            if relation.source != a || relation.derived != b {
                failures.push(format!("expected {a} → {b}: {shown}"));
            }
            if e.direction.is_some() && relation.direction != e.direction {
                failures.push(format!(
                    "expected the direction from {:?}: {shown}",
                    e.direction
                ));
            }
            if relation.via.is_some() {
                failures.push(format!("expected a direct source: {shown}"));
            }
        }
        if e.via.is_some() && relation.via != e.via {
            failures.push(format!("expected via {:?}: {shown}", e.via));
        }
    }
    for relation in &provenance.relations {
        if relation.class.is_derived() && !named.iter().any(|n| std::ptr::eq(*n, relation)) {
            failures.push(format!(
                "{story}: {} is {} but the fixture says nothing of it",
                relation.arrow(),
                relation.class.as_str()
            ));
        }
    }
    failures
}

fn assert_none(failures: Vec<String>) {
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_demo_story_s_outlets_all_derive_from_the_ledger_and_from_nothing_else() {
    let comparison = demo_comparison();
    let expected: Fixture = toml::from_str(&format!(
        "reference = \"meridian\"\n{}",
        std::fs::read_to_string(root().join("tests/fixtures/demo/relations.toml")).unwrap()
    ))
    .unwrap();
    assert_none(check(
        "hebei-tech-transfer",
        &comparison,
        &expected.relation,
    ));
}

#[test]
fn a_wire_story_reprinted_with_cuts_is_wholly_derived_from_the_wire() {
    let (fixture, comparison) = fixture_comparison("harbour-crane", None);
    assert_none(check("harbour-crane", &comparison, &fixture.relation));
}

#[test]
fn two_reports_sharing_only_an_official_s_quote_are_independent() {
    let (fixture, comparison) = fixture_comparison("bridge-quote", None);
    assert_none(check("bridge-quote", &comparison, &fixture.relation));
    let pair = comparison
        .provenance
        .pair("northgazette", "southherald")
        .unwrap();
    assert!(pair.copies().next().is_none(), "{:#?}", pair.verbatim);
    assert!(
        pair.verbatim
            .iter()
            .any(|r| r.kind == parallax::provenance::RunKind::CommonQuote && r.words >= 20),
        "the minister's quote is a common quote: {:#?}",
        pair.verbatim
    );
}

#[test]
fn a_rewrite_crediting_its_source_derives_from_it_even_without_a_date() {
    let (fixture, comparison) = fixture_comparison("clinic-rewrite", None);
    assert_none(check("clinic-rewrite", &comparison, &fixture.relation));
    let pair = comparison.provenance.pair("riverside", "newsroll").unwrap();
    assert!(
        pair.credits
            .iter()
            .any(|c| c.by == "newsroll" && c.explicit && c.cue == "first reported by"),
        "{:#?}",
        pair.credits
    );
    assert!(
        pair.particulars
            .iter()
            .any(|p| p.what == "same conversion: 2.4 million euros (about $2.6 million)"),
        "{:#?}",
        pair.particulars
    );
}

#[test]
fn two_papers_copying_one_agency_derive_from_it_and_not_from_each_other() {
    let (fixture, comparison) = fixture_comparison("flood-agency", None);
    assert_none(check("flood-agency", &comparison, &fixture.relation));
    let absent = fixture.absent.as_ref().unwrap();
    let (_, without) = fixture_comparison("flood-agency", Some(&absent.drop));
    assert_none(check(
        "flood-agency without the agency",
        &without,
        &absent.relation,
    ));
}

#[test]
fn without_dates_or_credit_the_content_tells_which_came_first() {
    let (fixture, comparison) = fixture_comparison("school-closure", None);
    assert_none(check("school-closure", &comparison, &fixture.relation));
}

/// The place of every evidence item holds the words it cites.
#[test]
fn every_evidence_item_cites_the_words_at_its_place() {
    let mut comparisons = vec![demo_comparison()];
    for name in [
        "harbour-crane",
        "bridge-quote",
        "clinic-rewrite",
        "flood-agency",
        "school-closure",
    ] {
        comparisons.push(fixture_comparison(name, None).1);
    }
    for comparison in &comparisons {
        let at = |p: &parallax::provenance::Passage| {
            let outlet = comparison.outlet(&p.outlet).expect("a compared outlet");
            outlet.paragraphs[p.paragraph][p.start..p.end].to_string()
        };
        let provenance = &comparison.provenance;
        assert_eq!(provenance.pairs.len(), provenance.relations.len());
        for pair in &provenance.pairs {
            for run in &pair.verbatim {
                assert_eq!(at(&run.a), run.a.text);
                assert_eq!(at(&run.b), run.b.text);
                assert!(run.words >= parallax::provenance::MIN_RUN);
            }
            for p in &pair.particulars {
                assert_eq!(at(&p.a), p.a.text);
                assert_eq!(at(&p.b), p.b.text);
            }
            for c in &pair.credits {
                assert_eq!(at(&c.passage), c.passage.text);
            }
        }
    }
}
