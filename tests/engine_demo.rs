//! The demo story against the statuses a careful reader gave it (`tests/fixtures/demo/
//! expected.toml`): every reference claim's status in every outlet, the passage it matched, the
//! kinds of its reasons, its `moved` flag, and every added claim. Prints a per-outlet agreement
//! table and fails on any disagreement.

use std::collections::BTreeMap;
use std::path::PathBuf;

use parallax::align::compare;
use parallax::extract::article_from_text;
use parallax::model::{ChangeClass, ChangeKind, ClaimStatus, Comparison, EngineSettings, Status};
use parallax::pipeline::outlet_entry;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    reference: String,
    outlets: Vec<String>,
    claim: Vec<ExpectedClaim>,
    #[serde(default)]
    added: Vec<ExpectedAdded>,
}

#[derive(Deserialize)]
struct ExpectedClaim {
    reference: String,
    outlets: BTreeMap<String, ExpectedStatus>,
}

#[derive(Deserialize, Clone)]
struct ExpectedStatus {
    status: Status,
    text: Option<String>,
    #[serde(default)]
    reasons: Vec<String>,
    /// The class a careful reader gives the change (`conflict`, `framing`, `detail`).
    class: Option<ChangeClass>,
    #[serde(default)]
    moved: bool,
}

#[derive(Deserialize)]
struct ExpectedAdded {
    outlet: String,
    text: String,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo")
}

fn demo_comparison(expected: &Expected) -> Comparison {
    let ids = std::iter::once(&expected.reference).chain(&expected.outlets);
    let outlets = ids
        .map(|id| {
            let path = fixtures().join(format!("{id}.txt"));
            let text = std::fs::read_to_string(&path).expect("demo fixture text");
            outlet_entry(
                id,
                id,
                &path.display().to_string(),
                article_from_text(&text),
            )
        })
        .collect();
    compare(
        "hebei-tech-transfer",
        outlets,
        &expected.reference,
        Vec::new(),
        &EngineSettings::default(),
    )
}

/// How much of a careful reader's judgement a check holds the engine to.
#[derive(Clone, Copy, PartialEq)]
enum Check {
    /// Which passage carries each claim (carried or missing, the passage, moved) and the added
    /// claims: the alignment.
    Matching,
    /// Everything, `appears` against `differs` and the reasons' kinds too (which rest on the
    /// facts of `text::facts`).
    Full,
}

/// Why `actual` disagrees with `expected` under `check`, or None when it agrees.
fn disagreement(check: Check, expected: &ExpectedStatus, actual: &ClaimStatus) -> Option<String> {
    let carried = |s: Status| matches!(s, Status::Appears | Status::Differs);
    // expected.toml judges facts; words one side has and the other lacks (`wording`, a detail)
    // are not judged there, so a claim it calls `appears` may differ by wording alone.
    let wording_only = actual.status == Status::Differs
        && actual.changes.iter().all(|c| c.kind == ChangeKind::Wording);
    let same_status = match check {
        Check::Full => {
            actual.status == expected.status || (expected.status == Status::Appears && wording_only)
        }
        Check::Matching => carried(actual.status) == carried(expected.status),
    };
    if !same_status {
        return Some(format!(
            "status {} (expected {})",
            actual.status.as_str(),
            expected.status.as_str()
        ));
    }
    if let (Some(want), Some(got)) = (&expected.text, &actual.text)
        && !got.contains(want.as_str())
    {
        return Some(format!("matched {got:?}, expected a passage with {want:?}"));
    }
    let kinds: Vec<&str> = actual.changes.iter().map(|c| c.kind.as_str()).collect();
    if let Some(kind) = expected
        .reasons
        .iter()
        .find(|k| !kinds.contains(&k.as_str()))
        .filter(|_| check == Check::Full)
    {
        return Some(format!("no {kind} reason in {:?}", actual.reasons));
    }
    if check == Check::Full && expected.class.is_some() && actual.class != expected.class {
        return Some(format!(
            "class {:?} (expected {:?}) for {:?}",
            actual.class, expected.class, actual.reasons
        ));
    }
    if actual.moved != expected.moved {
        return Some(format!(
            "moved {} (expected {})",
            actual.moved, expected.moved
        ));
    }
    None
}

/// The strongest of several expected statuses (for a reference sentence the engine keeps whole
/// while the fixture splits it into list items): differs over appears over missing.
fn strongest(items: &[&ExpectedStatus]) -> ExpectedStatus {
    let rank = |s: Status| match s {
        Status::Differs => 3,
        Status::Appears => 2,
        _ => 1,
    };
    let mut best = items[0].clone();
    for item in items {
        if rank(item.status) > rank(best.status) {
            best = (*item).clone();
        }
    }
    best.text = None;
    best.reasons = items.iter().flat_map(|i| i.reasons.clone()).collect();
    best.class = items.iter().filter_map(|i| i.class).max();
    best
}

#[test]
fn the_demo_story_is_aligned_as_a_careful_reader_aligns_it() {
    agree_with_careful_reader(Check::Matching);
}

#[test]
fn the_demo_story_statuses_and_reasons_agree_with_a_careful_reader() {
    agree_with_careful_reader(Check::Full);
}

fn agree_with_careful_reader(check: Check) {
    let raw = std::fs::read_to_string(fixtures().join("expected.toml")).expect("expected.toml");
    let expected: Expected = toml::from_str(&raw).expect("expected.toml parses");
    let comparison = demo_comparison(&expected);
    let reference_claims: Vec<usize> = (0..comparison.claims.len())
        .filter(|&c| comparison.claims[c].origin == expected.reference)
        .collect();

    // Which cluster holds each expected claim; items of a list kept whole share one cluster.
    let mut by_cluster: BTreeMap<usize, Vec<&ExpectedClaim>> = BTreeMap::new();
    let mut failures: Vec<String> = Vec::new();
    for claim in &expected.claim {
        match reference_claims
            .iter()
            .find(|&&c| comparison.claims[c].text.contains(&claim.reference))
        {
            Some(&c) => by_cluster.entry(c).or_default().push(claim),
            None => failures.push(format!("no reference claim holds {:?}", claim.reference)),
        }
    }
    let mut agree: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (&c, claims) in &by_cluster {
        let cluster = &comparison.claims[c];
        for outlet in &expected.outlets {
            let items: Vec<&ExpectedStatus> = claims.iter().map(|cl| &cl.outlets[outlet]).collect();
            let want = if items.len() == 1 {
                items[0].clone()
            } else {
                strongest(&items)
            };
            let tally = agree.entry(outlet).or_default();
            tally.1 += 1;
            match disagreement(check, &want, &cluster.statuses[outlet]) {
                None => tally.0 += 1,
                Some(why) => failures.push(format!("{} / {outlet}: {why}", cluster.text)),
            }
        }
    }
    for added in &expected.added {
        let tally = agree.entry(&added.outlet).or_default();
        tally.1 += 1;
        let found = comparison.claims.iter().any(|c| {
            let s = &c.statuses[&added.outlet];
            c.origin != expected.reference
                && s.status == Status::Added
                && s.text.as_deref().is_some_and(|t| t.contains(&added.text))
        });
        if found {
            tally.0 += 1;
        } else {
            failures.push(format!(
                "{}: no added claim with {:?}",
                added.outlet, added.text
            ));
        }
    }
    // Added claims a careful reader does not see (a carried claim the engine failed to match).
    for cluster in comparison
        .claims
        .iter()
        .filter(|c| c.origin != expected.reference)
    {
        for (outlet, status) in &cluster.statuses {
            if status.status != Status::Added {
                continue;
            }
            let text = status.text.as_deref().unwrap_or_default();
            if !expected
                .added
                .iter()
                .any(|a| &a.outlet == outlet && text.contains(&a.text))
            {
                agree.entry(outlet).or_default().1 += 1;
                failures.push(format!("{outlet}: unexpected added claim {text:?}"));
            }
        }
    }

    println!("{:<16} {:>6} {:>6}", "outlet", "agree", "of");
    for (outlet, (ok, total)) in &agree {
        println!("{outlet:<16} {ok:>6} {total:>6}");
    }
    for failure in &failures {
        println!("DISAGREES {failure}");
    }
    assert!(
        failures.is_empty(),
        "{} disagreements with the careful reader",
        failures.len()
    );
}
