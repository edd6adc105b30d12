//! Headlines compared as claims: carried by the other headline or by a sentence of the body,
//! read in the body's case (title case makes no names), and never taking a lead sentence from
//! the body claim it carries.

use parallax::align::compare;
use parallax::model::{ClaimCluster, Comparison, EngineSettings, OutletEntry, Status};

fn article(id: &str, headline: &str, paragraphs: &[&str]) -> OutletEntry {
    OutletEntry {
        id: id.to_string(),
        name: id.to_string(),
        title: headline.to_string(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..OutletEntry::default()
    }
}

fn run(outlets: Vec<OutletEntry>) -> Comparison {
    let reference = outlets[0].id.clone();
    compare(
        "case",
        outlets,
        &reference,
        Vec::new(),
        &EngineSettings::default(),
    )
}

fn claim<'c>(comparison: &'c Comparison, starts: &str) -> &'c ClaimCluster {
    comparison
        .claims
        .iter()
        .find(|c| c.text.starts_with(starts))
        .unwrap_or_else(|| panic!("no claim starts with {starts:?}"))
}

const BODY: &[&str] = &[
    "Donald Trump Jr. exchanged private messages with WikiLeaks during the 2016 campaign, \
     congressional officials said on Monday.",
    "The group asked him to share his father's tax returns.",
    "His lawyer said the messages had been turned over to investigators months ago.",
];

#[test]
fn a_headline_is_the_first_claim_and_is_carried_by_the_other_headline() {
    let comparison = run(vec![
        article(
            "ref",
            "Donald Trump Jr. Communicated With WikiLeaks During Campaign",
            BODY,
        ),
        article(
            "other",
            "Donald Trump Jr. Messaged With WikiLeaks During Presidential Campaign",
            &[
                "Donald Trump Jr. traded direct messages with WikiLeaks over Twitter during \
                 the 2016 race, a report said on Monday.",
                "A lawyer for Mr. Trump said the documents had been handed over.",
            ],
        ),
    ]);
    let headline = &comparison.claims[0];
    assert!(headline.is_headline());
    assert!(headline.text.starts_with("Donald Trump Jr. Communicated"));
    let status = &headline.statuses["other"];
    assert_ne!(status.status, Status::Missing);
    assert!(status.headline, "{status:?}");
    assert!(status.spans.is_empty());
    // Title case makes no names: the capitals of `Communicated`, `During` and `Campaign` are not
    // a name changed to `Messaged`, `During Presidential Campaign`.
    assert!(
        status.reasons.iter().all(|r| !r.starts_with("name")),
        "{:?}",
        status.reasons
    );
    // The lead still carries the lead.
    let lead = claim(&comparison, "Donald Trump Jr. exchanged");
    assert_ne!(lead.statuses["other"].status, Status::Missing);
    assert!(!lead.statuses["other"].headline);
}

#[test]
fn a_headline_the_other_headline_lacks_is_carried_by_the_lead_which_keeps_its_own_claim() {
    let comparison = run(vec![
        article(
            "ref",
            "Trump Jr. Messaged WikiLeaks During the Campaign",
            BODY,
        ),
        article(
            "other",
            "What the Lawyer Said",
            &[
                "Donald Trump Jr. messaged WikiLeaks during the 2016 campaign, congressional \
                 officials said on Monday.",
                "His lawyer said the messages had been turned over to investigators months ago.",
            ],
        ),
    ]);
    let headline = &comparison.claims[0].statuses["other"];
    assert_ne!(headline.status, Status::Missing, "{headline:?}");
    assert!(!headline.headline);
    assert_eq!(headline.spans.first().map(|s| s.paragraph), Some(0));
    let lead = &claim(&comparison, "Donald Trump Jr. exchanged").statuses["other"];
    assert_eq!(lead.spans.first().map(|s| s.paragraph), Some(0), "{lead:?}");
    // The other outlet's own headline carries no claim of the reference: it is added.
    let added = claim(&comparison, "What the Lawyer Said");
    assert!(added.is_headline());
    assert_eq!(added.statuses["other"].status, Status::Added);
    assert_eq!(added.statuses["ref"].status, Status::Missing);
}

#[test]
fn an_outlet_may_carry_a_body_claim_only_in_its_headline() {
    let comparison = run(vec![
        article("ref", "Lawyer Says Messages Were Handed Over", BODY),
        article(
            "other",
            "WikiLeaks Asked Trump Jr. to Share His Father's Tax Returns",
            &["His lawyer said the messages had been turned over to investigators months ago."],
        ),
    ]);
    let returns = &claim(&comparison, "The group asked").statuses["other"];
    assert_ne!(returns.status, Status::Missing, "{returns:?}");
    assert!(returns.headline);
}

#[test]
fn a_paragraph_that_repeats_the_headline_is_not_compared_twice() {
    let comparison = run(vec![
        article(
            "ref",
            "Storm closes schools",
            &[
                "Storm closes schools",
                "The storm closed every school on Monday.",
            ],
        ),
        article(
            "other",
            "Schools shut",
            &["Every school was closed on Monday."],
        ),
    ]);
    assert!(!comparison.claims[0].is_headline());
    assert_eq!(
        comparison
            .claims
            .iter()
            .filter(|c| c.text == "Storm closes schools")
            .count(),
        1
    );
}
