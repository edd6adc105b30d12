//! The engine on small hand-made cases that pin each behaviour: a merged sentence, a split claim,
//! an outlet that paraphrases another outlet's paraphrase, a claim added by two outlets, split and
//! moved paragraphs, word diffs that rebuild both texts exactly, and headlines compared as claims
//! (carried by the other headline or by a body sentence, read in the body's case, never taking a
//! lead sentence from the body claim it carries).

use parallax::align::compare;
use parallax::align::diff::DiffBudget;
use parallax::model::{
    ChangeClass, ClaimCluster, Comparison, DiffOp, DiffPiece, EngineSettings, OutletEntry, Status,
};
use proptest::prelude::*;

fn outlet(id: &str, paragraphs: &[&str]) -> OutletEntry {
    OutletEntry::from_text(id, "", paragraphs)
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

/// (status, number of spans) of every claim in `outlet`, in claims order.
fn statuses(comparison: &Comparison, outlet: &str) -> Vec<(Status, usize)> {
    comparison
        .claims
        .iter()
        .map(|c| (c.statuses[outlet].status, c.statuses[outlet].spans.len()))
        .collect()
}

fn side(pieces: &[DiffPiece], skip: DiffOp) -> String {
    pieces
        .iter()
        .filter(|p| p.op != skip)
        .map(|p| p.text.as_str())
        .collect()
}

#[test]
fn a_sentence_with_every_figure_changed_in_its_place_differs() {
    let comparison = run(vec![
        outlet(
            "ref",
            &[
                "The council approved a budget of 1.5 million dollars on Monday.",
                "The vote was 7 to 2.",
                "The mayor welcomed the decision.",
            ],
        ),
        outlet(
            "other",
            &[
                "On Monday the council passed a $1.5 million budget.",
                "The vote was 6 to 3.",
                "The mayor welcomed the decision.",
            ],
        ),
    ]);
    let vote = &comparison.claims[1].statuses["other"];
    assert_eq!(vote.status, Status::Differs, "{:?}", comparison.claims);
    assert_eq!(vote.reasons, ["number: 7 -> 6", "number: 2 -> 3"]);
    assert!(
        comparison.claims.iter().all(|c| c.origin == "ref"),
        "nothing added"
    );
}

#[test]
fn a_merged_sentence_carries_both_reference_claims() {
    let comparison = run(vec![
        outlet(
            "ref",
            &[
                "Brightline said it would cut 1,200 jobs by March. The cuts will mostly hit its sales teams in Dublin and Austin.",
            ],
        ),
        outlet(
            "other",
            &[
                "Brightline said it would cut 1,200 jobs by March, mostly in its sales teams in Dublin and Austin.",
            ],
        ),
    ]);
    assert_eq!(
        statuses(&comparison, "other"),
        vec![(Status::Appears, 1), (Status::Appears, 1)]
    );
    let spans: Vec<_> = comparison
        .claims
        .iter()
        .map(|c| c.statuses["other"].spans[0])
        .collect();
    assert_eq!(spans[0], spans[1], "one sentence carries both claims");
}

#[test]
fn a_claim_split_over_two_sentences_is_carried_by_both() {
    let comparison = run(vec![
        outlet(
            "ref",
            &[
                "The storm destroyed 300 homes in the coastal town of Pirna and left 12,000 residents without electricity for three days.",
            ],
        ),
        outlet(
            "other",
            &[
                "The storm destroyed 300 homes in the coastal town of Pirna. It left 12,000 residents without electricity for three days.",
            ],
        ),
    ]);
    assert_eq!(statuses(&comparison, "other"), vec![(Status::Appears, 2)]);
}

#[test]
fn an_outlet_joins_a_cluster_through_another_outlets_wording() {
    let comparison = run(vec![
        outlet(
            "ref",
            &[
                "Negotiators in Nairobi agreed early on Sunday to create a fund for countries hit by climate disasters. The summit ran 30 hours late.",
            ],
        ),
        outlet(
            "first",
            &[
                "A fund for countries suffering climate disasters was agreed by negotiators in the early hours of Sunday. The summit ran 30 hours late.",
            ],
        ),
        outlet(
            "second",
            &[
                "A fund for nations suffering climate disasters was agreed in the early hours of Sunday. The summit ran 30 hours late.",
            ],
        ),
    ]);
    assert_eq!(
        comparison.claims[0].statuses["first"].status,
        Status::Appears
    );
    assert_eq!(
        comparison.claims[0].statuses["second"].status,
        Status::Appears
    );
}

#[test]
fn a_claim_two_outlets_add_is_one_added_cluster() {
    let comparison = run(vec![
        outlet(
            "ref",
            &["Pilots at Skyvia will strike for 48 hours from Thursday."],
        ),
        outlet(
            "first",
            &[
                "Pilots at Skyvia will strike for 48 hours from Thursday. The airline has cancelled 640 flights.",
            ],
        ),
        outlet(
            "second",
            &[
                "Skyvia pilots will strike for 48 hours from Thursday. Skyvia has cancelled 640 flights, it said.",
            ],
        ),
    ]);
    assert_eq!(comparison.claims.len(), 2);
    let added = &comparison.claims[1];
    assert_eq!(added.origin, "first");
    assert_eq!(added.statuses["ref"].status, Status::Missing);
    assert_eq!(added.statuses["first"].status, Status::Added);
    assert_eq!(added.statuses["second"].status, Status::Added);
    assert!(
        !added.statuses["second"].diff.is_empty(),
        "diff from the first carrier's wording"
    );
}

#[test]
fn split_and_moved_paragraphs_are_grouped_beside_their_match() {
    let p = [
        "The central bank raised its key rate to 4.75 percent on Wednesday. It was the fifth increase in a row.",
        "Governor Elena Varga said inflation was still far above the 2 percent target.",
        "Mortgage lenders said they would pass the increase on to borrowers within weeks.",
        "The next rate decision is due on June 14.",
    ];
    let comparison = run(vec![
        outlet("ref", &p),
        outlet(
            "other",
            &[
                "The next rate decision is due on June 14.",
                "The central bank raised its key rate to 4.75 percent on Wednesday.",
                "It was the fifth increase in a row.",
                "Governor Elena Varga said inflation was still far above the 2 percent target.",
                "Mortgage lenders said they would pass the increase on to borrowers within weeks.",
            ],
        ),
    ]);
    let groups: Vec<(Vec<usize>, Vec<usize>, bool)> = comparison
        .paragraphs
        .iter()
        .map(|g| {
            (
                g.cells["ref"].clone(),
                g.cells["other"].clone(),
                g.moved.contains(&"other".to_string()),
            )
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            (vec![0], vec![1, 2], false),
            (vec![1], vec![3], false),
            (vec![2], vec![4], false),
            (vec![3], vec![0], true),
        ]
    );
    assert!(comparison.claims[4].statuses["other"].moved);
}

#[test]
fn missing_reference_and_empty_articles_do_not_panic() {
    let comparison = compare(
        "case",
        Vec::new(),
        "nobody",
        Vec::new(),
        &EngineSettings::default(),
    );
    assert!(comparison.claims.is_empty() && comparison.paragraphs.is_empty());
    let comparison = run(vec![
        outlet("ref", &[]),
        outlet("other", &["One sentence here."]),
    ]);
    assert_eq!(statuses(&comparison, "other"), vec![(Status::Added, 1)]);
    assert_eq!(comparison.paragraphs.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn word_diff_pieces_rebuild_both_texts(a in "\\PC{0,80}", b in "\\PC{0,80}") {
        let pieces = DiffBudget::new(500).word_diff(&a, &b);
        prop_assert_eq!(side(&pieces, DiffOp::Insert), a);
        prop_assert_eq!(side(&pieces, DiffOp::Delete), b);
        prop_assert!(pieces.windows(2).all(|w| w[0].op != w[1].op), "adjacent pieces are joined");
    }
}

#[test]
fn a_clause_merged_into_a_sentence_that_carries_another_claim_is_carried_in_part() {
    let comparison = run(vec![
        outlet(
            "ref",
            &[
                "The harbour authority approved the new container terminal at Brellin on Tuesday.",
                "Fishermen opposed the project for months, arguing that dredging the bay would destroy the spawning grounds of the local herring.",
                "Construction is due to start next spring.",
            ],
        ),
        outlet(
            "other",
            &[
                "The harbour authority approved the Brellin container terminal on Tuesday, although fishermen say dredging the bay would destroy the herring spawning grounds.",
                "Work begins next spring.",
            ],
        ),
    ]);
    let fishermen = &comparison.claims[1].statuses["other"];
    assert_eq!(fishermen.status, Status::Differs, "{:?}", fishermen.reasons);
    assert_eq!(fishermen.spans[0].paragraph, 0);
    assert!(
        fishermen.reasons.iter().any(|r| r.contains("left out")),
        "the part left out is named: {:?}",
        fishermen.reasons
    );
    let terminal = &comparison.claims[0].statuses["other"];
    assert_eq!(
        terminal.spans[0].paragraph, 0,
        "the first claim keeps its sentence"
    );
}

#[test]
fn identical_sentences_are_carried_at_any_length_however_little_their_words_weigh() {
    // 1,200 sentences of a few common words in many orders, each framed as a quote of someone:
    // every sentence looks like many others, and the frame leaves little to weigh.
    const WORDS: &[&str] = &["plan", "vote", "city", "report", "deal", "court", "board"];
    let sentence = |k: usize| {
        format!(
            "Officials of the {} said the {} would {} the {} after the {}.",
            WORDS[k % 7],
            WORDS[(k / 7) % 7],
            ["delay", "back", "review", "reject"][(k / 49) % 4],
            WORDS[(k / 3) % 7],
            WORDS[(k / 5) % 7]
        )
    };
    let reference: Vec<String> = (0..1200).map(sentence).collect();
    let other: Vec<String> = (0..1200)
        .map(|k| {
            if k % 4 == 0 {
                format!("Residents of district {k} will vote on a new library next spring.")
            } else {
                reference[k].clone()
            }
        })
        .collect();
    let paragraphs = |sentences: &[String]| -> Vec<String> {
        sentences.chunks(3).map(|c| c.join(" ")).collect()
    };
    let comparison = run(vec![
        OutletEntry {
            paragraphs: paragraphs(&reference),
            ..outlet("ref", &[])
        },
        OutletEntry {
            paragraphs: paragraphs(&other),
            ..outlet("other", &[])
        },
    ]);
    let copied: std::collections::HashSet<&String> = other.iter().collect();
    let mut checked = 0;
    for claim in comparison.claims.iter().filter(|c| c.origin == "ref") {
        if copied.contains(&claim.text) {
            let status = &claim.statuses["other"];
            assert_eq!(status.status, Status::Appears, "{}", claim.text);
            assert_eq!(status.text.as_deref(), Some(claim.text.as_str()));
            checked += 1;
        }
    }
    assert!(checked >= 800, "{checked} identical sentences checked");
}

#[test]
fn thai_written_without_spaces_is_matched_through_a_swapped_word() {
    let comparison = run(vec![
        outlet(
            "ref",
            &[
                "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรในวันอังคาร",
                "ฝนตกหนักทำให้เกิดน้ำท่วมในกรุงเทพมหานคร",
                "นายกรัฐมนตรีจะเดินทางไปเยือนญี่ปุ่นในเดือนหน้า",
            ],
        ),
        outlet(
            "other",
            &[
                "รัฐบาลเปิดเผยมาตรการใหม่เพื่อช่วยเหลือเกษตรกรในวันอังคาร",
                "ตลาดหุ้นปรับตัวลดลงอย่างมากในวันนี้",
                "นายกรัฐมนตรีจะไปเยือนประเทศญี่ปุ่นในเดือนหน้า",
            ],
        ),
    ]);
    let carried: Vec<Status> = comparison
        .claims
        .iter()
        .filter(|c| c.origin == "ref")
        .map(|c| c.statuses["other"].status)
        .collect();
    assert_eq!(carried[1], Status::Missing, "{carried:?}");
    assert_ne!(carried[0], Status::Missing, "{carried:?}");
    assert_ne!(carried[2], Status::Missing, "{carried:?}");
}

#[test]
fn a_headline_whose_verb_appoints_is_carried_by_its_shorter_wording() {
    // `confirms` before a name appoints rather than reports: it stays among the words compared,
    // so the two headlines share the Senate, the verb and the name.
    let comparison = run(vec![
        outlet(
            "ref",
            &["US Senate confirms Janet Yellen as new central bank chief"],
        ),
        outlet("other", &["US Senate confirms Yellen as Fed's next chair"]),
    ]);
    let status = &comparison.claims[0].statuses["other"];
    assert!(
        matches!(status.status, Status::Appears | Status::Differs),
        "{:?}",
        status.status
    );
}

#[test]
fn a_middle_sentence_of_a_long_quote_quoted_otherwise_is_an_altered_quote() {
    let comparison = run(vec![
        outlet(
            "ref",
            &[
                "The senator was blunt. “This is absurd. America is not a clown show. We will vote no,” he said on Monday.",
            ],
        ),
        outlet(
            "other",
            &[
                "The senator was blunt. “This is absurd. America is not a circus. We will vote no,” he said on Monday.",
            ],
        ),
        outlet(
            "paraphrase",
            &[
                "The senator was blunt. He called the plan absurd and said America was not a clown show and his party would vote no on Monday.",
            ],
        ),
    ]);
    let middle = comparison
        .claims
        .iter()
        .find(|c| c.text == "America is not a clown show.")
        .expect("the middle sentence is a claim");
    let quoted = &middle.statuses["other"];
    assert_eq!(quoted.status, Status::Differs, "{quoted:?}");
    assert_eq!(quoted.class, Some(ChangeClass::Conflict), "{quoted:?}");
    assert!(
        quoted.reasons.iter().any(|r| r == "quote altered"),
        "{quoted:?}"
    );
    // The same words unquoted are the quote dropped, a detail.
    let told = &middle.statuses["paraphrase"];
    assert!(
        told.status == Status::Missing || told.class != Some(ChangeClass::Conflict),
        "{told:?}"
    );
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
        OutletEntry::from_text(
            "ref",
            "Donald Trump Jr. Communicated With WikiLeaks During Campaign",
            BODY,
        ),
        OutletEntry::from_text(
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
        OutletEntry::from_text(
            "ref",
            "Trump Jr. Messaged WikiLeaks During the Campaign",
            BODY,
        ),
        OutletEntry::from_text(
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
        OutletEntry::from_text("ref", "Lawyer Says Messages Were Handed Over", BODY),
        OutletEntry::from_text(
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
        OutletEntry::from_text(
            "ref",
            "Storm closes schools",
            &[
                "Storm closes schools",
                "The storm closed every school on Monday.",
            ],
        ),
        OutletEntry::from_text(
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

#[test]
fn a_claim_carried_in_part_inside_a_sentence_another_claim_took_is_merged_there() {
    let comparison = run(vec![
        outlet(
            "ref",
            &[
                "On Friday, the port authority published about 2,000 of Mr. Varga's internal work-related memos.",
                "The memos were found on a laptop seized from his former deputy, Lena Ostrova, and were released under a court order.",
            ],
        ),
        outlet(
            "other",
            &[
                "The mayor's statement comes after the port authority, in a Friday release, published a batch of memos from Varga's office that investigators discovered on a laptop belonging to his former deputy, Lena Ostrova.",
            ],
        ),
    ]);
    let published = &comparison.claims[0].statuses["other"];
    assert_eq!(published.status, Status::Differs, "{comparison:?}");
    assert!(
        published.reasons.iter().any(|r| r.contains("2,000")),
        "the dropped figure is named: {:?}",
        published.reasons
    );
    let found = &comparison.claims[1].statuses["other"];
    assert_ne!(found.status, Status::Missing);
    assert_eq!(published.spans, found.spans, "one sentence carries both");
}
