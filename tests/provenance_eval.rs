//! How provenance holds on real text, and how its strength separates derived from independent
//! pairs.
//!
//! - `basil_dev_newsrooms_come_out_independent_or_undetermined` (run with `-- --ignored
//!   --nocapture`): the BASIL dev stories of `../shared/bench/claims/basil-dev/` are one event
//!   as three newsrooms reported it separately (Fox News, The New York Times, HuffPost, with
//!   their dates and addresses from `gold.json`); every pair should come out `independent` or
//!   `undetermined`. Prints the share of each class and every pair found derived with what
//!   decided it; skips with a printed reason where the folder is absent.
//! - `strength_separates_derived_from_independent_pairs_on_the_fixtures`: on the demo story and
//!   the fixtures of `tests/fixtures/provenance/`, every pair the fixtures call derived is
//!   stronger than every pair they call not derived; prints both ranges.

mod skip;

use std::path::{Path, PathBuf};

use parallax::align::compare;
use parallax::config::Config;
use parallax::extract::article_from_text;
use parallax::model::{Comparison, EngineSettings};
use parallax::pipeline::{self, LoadOptions, outlet_entry};
use serde::Deserialize;
use skip::skip;

const BASIL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/bench/claims/basil-dev"
);

/// BASIL's outlets: id, the name an article would credit them by.
const BASIL_OUTLETS: [(&str, &str); 3] = [
    ("nyt", "The New York Times"),
    ("fox", "Fox News"),
    ("hpo", "HuffPost"),
];

#[derive(Deserialize)]
struct Gold {
    outlets: std::collections::BTreeMap<String, GoldOutlet>,
}

#[derive(Deserialize)]
struct GoldOutlet {
    url: String,
    date: Option<String>,
}

/// One BASIL story compared as parallax compares a story: `nyt` the reference.
fn basil_comparison(dir: &Path) -> Comparison {
    let gold: Gold =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let outlets = BASIL_OUTLETS
        .iter()
        .map(|(id, name)| {
            let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
            let mut article = article_from_text(&text);
            let meta = gold.outlets.get(*id);
            article.published = meta.and_then(|m| m.date.clone());
            let url = meta.map_or(String::new(), |m| m.url.clone());
            outlet_entry(id, name, &url, article)
        })
        .collect();
    let story = dir.file_name().unwrap().to_string_lossy().into_owned();
    compare(
        &story,
        outlets,
        "nyt",
        Vec::new(),
        &EngineSettings::default(),
    )
}

#[test]
#[ignore = "an evaluation on real text: cargo test --test provenance_eval -- --ignored --nocapture"]
fn basil_dev_newsrooms_come_out_independent_or_undetermined() {
    let Ok(entries) = std::fs::read_dir(BASIL) else {
        skip("../shared/bench/claims/basil-dev not found");
        return;
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    dirs.sort();
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    let mut strengths = Vec::new();
    let mut derived = Vec::new();
    for dir in &dirs {
        let comparison = basil_comparison(dir);
        for relation in &comparison.provenance.relations {
            *counts.entry(relation.class.as_str()).or_default() += 1;
            strengths.push(relation.strength);
            if relation.class.is_derived() {
                derived.push(format!(
                    "{}: {} {} (strength {:.3}, direction {:?})\n      {}",
                    comparison.story,
                    relation.arrow(),
                    relation.class.as_str(),
                    relation.strength,
                    relation.direction.map(|d| d.as_str()),
                    relation.evidence.join("\n      ")
                ));
            }
        }
    }
    let total: usize = counts.values().sum();
    assert!(total > 0, "no BASIL story read");
    strengths.sort_by(f64::total_cmp);
    let at = |q: f64| strengths[((strengths.len() - 1) as f64 * q) as usize];
    println!(
        "BASIL dev: {} stories, {total} pairs of outlets",
        dirs.len()
    );
    for (class, n) in &counts {
        println!(
            "  {class:<13} {n:>4}  {:>5.1}%",
            100.0 * *n as f64 / total as f64
        );
    }
    let not_derived =
        counts.get("independent").unwrap_or(&0) + counts.get("undetermined").unwrap_or(&0);
    let share = not_derived as f64 / total as f64;
    println!("  independent or undetermined: {:.1}%", share * 100.0);
    println!(
        "  strength: median {:.3}, 90th percentile {:.3}, 95th {:.3}, max {:.3}",
        at(0.5),
        at(0.9),
        at(0.95),
        at(1.0)
    );
    for line in &derived {
        println!("  derived: {line}");
    }
    assert!(
        share >= 0.95,
        "only {:.1}% of BASIL pairs independent or undetermined",
        share * 100.0
    );
}

#[derive(Deserialize)]
struct Expectations {
    #[serde(default)]
    outlet: Vec<FixtureOutlet>,
    relation: Vec<Expected>,
}

#[derive(Deserialize)]
struct FixtureOutlet {
    id: String,
    name: String,
    url: String,
    published: Option<String>,
}

#[derive(Deserialize)]
struct Expected {
    source: Option<String>,
    derived: Option<String>,
    between: Option<[String; 2]>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (label derived?, strength, pair) of every pair of the demo story and the fixtures.
fn labelled_strengths() -> Vec<(bool, f64, String)> {
    let mut out = Vec::new();
    let mut add = |comparison: &Comparison, expected: &[Expected]| {
        for e in expected {
            let (a, b, derived) = match (&e.source, &e.derived, &e.between) {
                (Some(s), Some(d), _) => (s, d, true),
                (_, _, Some([a, b])) => (a, b, false),
                _ => continue,
            };
            let relation = comparison
                .provenance
                .relation(a, b)
                .expect("a relation per pair");
            out.push((
                derived,
                relation.strength,
                format!("{}: {a}–{b}", comparison.story),
            ));
        }
    };
    let config = Config::load(&root().join("sources.toml")).unwrap();
    let story = config.story("hebei-tech-transfer").unwrap();
    let options = LoadOptions {
        cache_dir: root().join("cache"),
        offline: true,
        ..LoadOptions::default()
    };
    let loaded = pipeline::load_story(&config, story, &options, &mut |_| {});
    let demo = pipeline::compare_loaded(&config, loaded, "meridian");
    let relations: Expectations = toml::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/demo/relations.toml")).unwrap(),
    )
    .unwrap();
    add(&demo, &relations.relation);
    for name in [
        "harbour-crane",
        "bridge-quote",
        "clinic-rewrite",
        "flood-agency",
        "school-closure",
    ] {
        let dir = root().join("tests/fixtures/provenance").join(name);
        let fixture: Expectations =
            toml::from_str(&std::fs::read_to_string(dir.join("story.toml")).unwrap()).unwrap();
        let outlets = fixture
            .outlet
            .iter()
            .map(|o| {
                let text = std::fs::read_to_string(dir.join(format!("{}.txt", o.id))).unwrap();
                let mut article = article_from_text(&text);
                article.published = o.published.clone();
                outlet_entry(&o.id, &o.name, &o.url, article)
            })
            .collect();
        let first = fixture.outlet[0].id.clone();
        let comparison = compare(
            name,
            outlets,
            &first,
            Vec::new(),
            &EngineSettings::default(),
        );
        add(&comparison, &fixture.relation);
    }
    out
}

#[test]
fn strength_separates_derived_from_independent_pairs_on_the_fixtures() {
    let labelled = labelled_strengths();
    let derived: Vec<&(bool, f64, String)> = labelled.iter().filter(|l| l.0).collect();
    let not: Vec<&(bool, f64, String)> = labelled.iter().filter(|l| !l.0).collect();
    let weakest = derived.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    let strongest = not.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    println!(
        "fixtures: {} derived pairs, strength {:.3} (weakest, {}) to 1.000; {} pairs not derived, strength up to {:.3} ({})",
        derived.len(),
        weakest.1,
        weakest.2,
        not.len(),
        strongest.1,
        strongest.2
    );
    assert!(
        weakest.1 > strongest.1,
        "a derived pair ({}: {:.3}) is no stronger than a pair not derived ({}: {:.3})",
        weakest.2,
        weakest.1,
        strongest.2,
        strongest.1
    );
    assert!(weakest.1 >= parallax::provenance::graph::DERIVED_AT);
}
