//! Properties of the comparison engine on articles built from a pool of realistic, distinct
//! sentences about one story (so they share the story's vocabulary, as real claims do): an
//! article against itself, with shuffled paragraphs, with a paragraph deleted, with one figure
//! changed, with a sentence added, with a paragraph split around an aside of the outlet's own,
//! and several outlets at once. Every comparison's side-by-side rows are checked for reading
//! order: the reference's paragraphs in order, each outlet's in its own order unless moved, no
//! row joining paragraphs that are not adjacent, and no outlet empty beside a reference
//! paragraph whose claims it carries.

use parallax::align::compare;
use parallax::model::{ChangeKind, Comparison, DiffOp, EngineSettings, OutletEntry, Status};
use proptest::prelude::*;

mod reading_order;
use reading_order::assert_reading_order;

/// Distinct sentences about one story (a port strike), most with a checkable figure.
const POOL: &[&str] = &[
    "Dock workers at the port of Halvern walked off the job on Monday morning after talks over pay collapsed.",
    "The union said about 4,200 members had joined the strike by noon.",
    "Container traffic through the harbour fell by 60 percent within the first day, according to the port authority.",
    "The shipping company Nordvik Lines diverted three of its vessels to the rival port of Essmouth.",
    "Union leader Marta Keller told reporters that the workers had not received a real raise since 2019.",
    "The employers' association offered a raise of 3 percent, which the union rejected as an insult.",
    "Keller said her members wanted at least 8 percent over two years.",
    "Trucks queued for more than 12 kilometres on the motorway leading to the container terminal.",
    "Local supermarkets warned that shelves could run short of fresh fruit by the weekend.",
    "The transport minister called on both sides to return to the negotiating table without conditions.",
    "A mediator appointed by the government is expected to meet the two parties on Thursday.",
    "The last strike at the port, in 2011, lasted 19 days and cost the regional economy an estimated 300 million euros.",
    "Police said the picket lines remained peaceful and no arrests had been made.",
    "Farmers who export potatoes through the port said their produce would rot in storage if the dispute dragged on.",
    "The port handles roughly 9 million tonnes of cargo a year, most of it bound for central Europe.",
    "Several cruise ships scheduled to dock this week have changed their itineraries.",
    "The employers' association said the union's demands would make the port uncompetitive.",
    "Workers on the night shift joined the walkout shortly after midnight.",
    "Economists at the national bank estimated the daily cost of the strike at 25 million euros.",
    "The opposition accused the government of ignoring warnings about the dispute for months.",
    "Crane operators, who are represented by a separate union, voted to support the strike.",
    "The harbour master said safety staff would remain on duty throughout the walkout.",
    "A spokesperson for Nordvik Lines declined to say how long the diversions would last.",
    "Fuel deliveries to the region's airport were exempted from the action after an agreement on Sunday night.",
    "Students from the maritime college brought food to the strikers at the main gate.",
    "The city council voted unanimously on a motion urging a quick settlement.",
    "Average pay for a dock worker in Halvern is about 2,900 euros a month before tax.",
    "Keller said the union's strike fund could support members for at least six weeks.",
    "Exporters of machine parts said customers in Germany had already begun to cancel orders.",
    "The port authority's chief executive, Jonas Brandt, said he regretted the breakdown of talks.",
    "Brandt added that automation at the new terminal was not on the table in this round.",
    "Ferry services to the islands continued to run normally because they use a separate quay.",
    "An online petition supporting the dock workers gathered 15,000 signatures in two days.",
    "The chamber of commerce asked the government to consider emergency legislation.",
    "Legal experts said such a law would almost certainly be challenged in the constitutional court.",
    "Retired dockers joined the picket line on Tuesday carrying banners from the 1980s.",
    "The weather service forecast storms for Wednesday, which could delay shipping further.",
    "Insurance companies said cargo left on the quays was covered for up to 30 days.",
    "The strike is the largest in the country's transport sector this year.",
    "Talks are due to resume on Friday at the offices of the labour ministry.",
];

fn outlet(id: &str, paragraphs: &[Vec<String>]) -> OutletEntry {
    OutletEntry {
        id: id.to_string(),
        name: id.to_string(),
        paragraphs: paragraphs.iter().map(|p| p.join(" ")).collect(),
        ..OutletEntry::default()
    }
}

/// An article of 3 to 8 paragraphs of 1 to 3 distinct pool sentences each.
fn article(seed: u64) -> Vec<Vec<String>> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut order: Vec<usize> = (0..POOL.len()).collect();
    rng.shuffle(&mut order);
    let mut next = order.into_iter();
    let paragraphs = rng.usize(3..=8);
    (0..paragraphs)
        .map(|_| {
            (0..rng.usize(1..=3))
                .filter_map(|_| next.next())
                .map(|i| POOL[i].to_string())
                .collect()
        })
        .collect()
}

fn run(reference: &[Vec<String>], other: &[Vec<String>]) -> Comparison {
    compare(
        "story",
        vec![outlet("ref", reference), outlet("other", other)],
        "ref",
        Vec::new(),
        &EngineSettings::default(),
    )
}

/// The (status, moved) of every reference claim in `other`, in reference order.
fn reference_statuses(comparison: &Comparison, count: usize) -> Vec<(Status, bool)> {
    comparison.claims[..count]
        .iter()
        .map(|c| (c.statuses["other"].status, c.statuses["other"].moved))
        .collect()
}

fn claim_count(paragraphs: &[Vec<String>]) -> usize {
    paragraphs.iter().map(Vec::len).sum()
}

/// Every outlet in every group; every paragraph of every outlet in exactly one group; every
/// word diff rebuilds the origin wording and the outlet's wording.
fn assert_well_formed(comparison: &Comparison) {
    for claim in &comparison.claims {
        for status in claim.statuses.values().filter(|s| !s.diff.is_empty()) {
            let side = |skip: DiffOp| -> String {
                status
                    .diff
                    .iter()
                    .filter(|p| p.op != skip)
                    .map(|p| p.text.as_str())
                    .collect()
            };
            assert_eq!(side(DiffOp::Insert), claim.text);
            assert_eq!(Some(side(DiffOp::Delete)), status.text);
        }
    }
    for outlet in &comparison.outlets {
        let mut seen: Vec<usize> = Vec::new();
        for group in &comparison.paragraphs {
            seen.extend(&group.cells[&outlet.id]);
        }
        seen.sort_unstable();
        assert_eq!(
            seen,
            (0..outlet.paragraphs.len()).collect::<Vec<_>>(),
            "{}",
            outlet.id
        );
    }
    assert_reading_order(comparison);
}

/// The paragraphs of `a` with paragraph `at` cut after its first sentence and `aside` put
/// between the two parts (the rest of the article unchanged).
fn split_around(a: &[Vec<String>], at: usize, aside: &str) -> Vec<Vec<String>> {
    let mut split = a[..at].to_vec();
    split.push(a[at][..1].to_vec());
    split.push(vec![aside.to_string()]);
    split.push(a[at][1..].to_vec());
    split.extend(a[at + 1..].iter().cloned());
    split
}

/// A pool sentence `a` does not use.
fn unused_sentence(a: &[Vec<String>]) -> String {
    let used: Vec<&String> = a.iter().flatten().collect();
    POOL.iter()
        .find(|s| !used.iter().any(|u| u == s))
        .unwrap()
        .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn an_article_against_itself_is_all_appears(seed in any::<u64>()) {
        let a = article(seed);
        let comparison = run(&a, &a);
        prop_assert_eq!(comparison.claims.len(), claim_count(&a));
        prop_assert!(reference_statuses(&comparison, claim_count(&a))
            .iter()
            .all(|&s| s == (Status::Appears, false)));
        prop_assert_eq!(comparison.paragraphs.len(), a.len());
        assert_well_formed(&comparison);
    }

    #[test]
    fn shuffled_paragraphs_keep_every_claim_and_flag_moves(seed in any::<u64>()) {
        let a = article(seed);
        let mut order: Vec<usize> = (0..a.len()).collect();
        fastrand::Rng::with_seed(seed ^ 0x5eed).shuffle(&mut order);
        let shuffled: Vec<Vec<String>> = order.iter().map(|&i| a[i].clone()).collect();
        let comparison = run(&a, &shuffled);
        let statuses = reference_statuses(&comparison, claim_count(&a));
        prop_assert_eq!(comparison.claims.len(), claim_count(&a), "no added claims");
        prop_assert!(statuses.iter().all(|s| s.0 == Status::Appears));
        let reordered = order.windows(2).any(|w| w[0] > w[1]);
        prop_assert_eq!(statuses.iter().any(|s| s.1), reordered);
        assert_well_formed(&comparison);
    }

    #[test]
    fn a_deleted_paragraph_makes_exactly_its_claims_missing(seed in any::<u64>(), pick in any::<prop::sample::Index>()) {
        let a = article(seed);
        let gone = pick.index(a.len());
        let mut shorter = a.clone();
        shorter.remove(gone);
        let comparison = run(&a, &shorter);
        let mut expected = Vec::new();
        for (p, paragraph) in a.iter().enumerate() {
            for _ in paragraph {
                expected.push(if p == gone { Status::Missing } else { Status::Appears });
            }
        }
        let statuses: Vec<Status> = reference_statuses(&comparison, claim_count(&a)).iter().map(|s| s.0).collect();
        prop_assert_eq!(statuses, expected);
        prop_assert!(reference_statuses(&comparison, claim_count(&a)).iter().all(|s| !s.1));
        assert_well_formed(&comparison);
    }

    #[test]
    fn one_changed_figure_makes_exactly_that_claim_differ(seed in any::<u64>(), pick in any::<prop::sample::Index>()) {
        let a = article(seed);
        let flat: Vec<(usize, usize)> = a.iter().enumerate()
            .flat_map(|(p, s)| (0..s.len()).map(move |k| (p, k)))
            .filter(|&(p, k)| first_figure(&a[p][k]).is_some())
            .collect();
        prop_assume!(!flat.is_empty());
        let (p, k) = flat[pick.index(flat.len())];
        let mut changed = a.clone();
        changed[p][k] = change_first_figure(&a[p][k]);
        let comparison = run(&a, &changed);
        let target = a[..p].iter().map(Vec::len).sum::<usize>() + k;
        for (i, claim) in comparison.claims[..claim_count(&a)].iter().enumerate() {
            let status = &claim.statuses["other"];
            if i == target {
                prop_assert_eq!(status.status, Status::Differs, "{}", claim.text);
                prop_assert!(status.changes.iter().any(|c| c.kind == ChangeKind::Number), "{:?}", status.reasons);
                prop_assert!(!status.reasons.is_empty());
            } else {
                prop_assert_eq!(status.status, Status::Appears, "{}", claim.text);
            }
        }
        prop_assert_eq!(comparison.claims.len(), claim_count(&a), "no added claims");
    }

    #[test]
    fn an_added_sentence_is_added_for_that_outlet(seed in any::<u64>(), at in any::<prop::sample::Index>()) {
        let a = article(seed);
        let extra = unused_sentence(&a);
        let mut longer = a.clone();
        let p = at.index(a.len());
        longer[p].push(extra.clone());
        let comparison = run(&a, &longer);
        let count = claim_count(&a);
        prop_assert!(reference_statuses(&comparison, count).iter().all(|&s| s == (Status::Appears, false)));
        prop_assert_eq!(comparison.claims.len(), count + 1);
        let added = &comparison.claims[count];
        prop_assert_eq!(&added.text, &extra);
        prop_assert_eq!(&added.origin, "other");
        prop_assert_eq!(added.statuses["other"].status, Status::Added);
        prop_assert_eq!(added.statuses["ref"].status, Status::Missing);
        assert_well_formed(&comparison);
    }

    #[test]
    fn a_paragraph_split_around_an_aside_stays_in_place(seed in any::<u64>(), pick in any::<prop::sample::Index>()) {
        let a = article(seed);
        let long: Vec<usize> = (0..a.len()).filter(|&p| a[p].len() > 1).collect();
        prop_assume!(!long.is_empty());
        let at = long[pick.index(long.len())];
        let split = split_around(&a, at, &unused_sentence(&a));
        for (reference, other) in [(&a, &split), (&split, &a)] {
            let comparison = run(reference, other);
            prop_assert!(comparison.paragraphs.iter().all(|g| g.moved.is_empty()), "nothing moved");
            let row = comparison.paragraphs.iter().find(|g| g.cells["ref"].contains(&at)).unwrap();
            let beside = if reference == &a { vec![at, at + 1, at + 2] } else { vec![at] };
            let (reference_side, outlet_side) = if reference == &a { (vec![at], beside) } else { (vec![at, at + 1, at + 2], beside) };
            prop_assert_eq!(&row.cells["ref"], &reference_side);
            prop_assert_eq!(&row.cells["other"], &outlet_side);
            assert_well_formed(&comparison);
        }
    }

    #[test]
    fn several_outlets_read_in_order(seed in any::<u64>(), pick in any::<prop::sample::Index>()) {
        let a = article(seed);
        let mut order: Vec<usize> = (0..a.len()).collect();
        fastrand::Rng::with_seed(seed ^ 0xface).shuffle(&mut order);
        let shuffled: Vec<Vec<String>> = order.iter().map(|&i| a[i].clone()).collect();
        let long: Vec<usize> = (0..a.len()).filter(|&p| a[p].len() > 1).collect();
        let split = long.first().map_or_else(|| a.clone(), |_| split_around(&a, long[pick.index(long.len())], &unused_sentence(&a)));
        let mut merged = a.clone();
        let m = pick.index(a.len() - 1);
        let next = merged.remove(m + 1);
        merged[m].extend(next);
        let comparison = compare(
            "story",
            vec![
                outlet("ref", &a),
                outlet("shuffled", &shuffled),
                outlet("split", &split),
                outlet("merged", &merged),
            ],
            "ref",
            Vec::new(),
            &EngineSettings::default(),
        );
        assert_well_formed(&comparison);
    }
}

/// The byte range of the first figure of `sentence` that is not a year (a year is a date).
fn first_figure(sentence: &str) -> Option<std::ops::Range<usize>> {
    let mut start = None;
    for (i, c) in sentence
        .char_indices()
        .chain(std::iter::once((sentence.len(), ' ')))
    {
        match (start, c.is_ascii_digit()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let figure = &sentence[s..i];
                let year =
                    figure.len() == 4 && (figure.starts_with("19") || figure.starts_with("20"));
                if !year {
                    return Some(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    None
}

/// Replaces the first figure of `sentence` that is not a year with a different one (adds 7).
fn change_first_figure(sentence: &str) -> String {
    let range = first_figure(sentence).unwrap();
    let value: u64 = sentence[range.clone()].parse().unwrap();
    format!(
        "{}{}{}",
        &sentence[..range.start],
        value + 7,
        &sentence[range.end..]
    )
}
