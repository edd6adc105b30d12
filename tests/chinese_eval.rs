//! Chinese text, which runs its words together: `tests/fixtures/chinese_pairs.toml` holds sentence
//! pairs written in our own words from the facts of real reports, as two outlets might word
//! them. The engine must carry a paraphrase (a verb or a noun swapped for its synonym), keep
//! different statements on the same topic apart, read `100万元` as 1,000,000 yuan and `60至80` as
//! a range, and name a conflict only where a number really changed. A bag-of-words baseline
//! (each Han character a word, one-to-one at its best threshold) is printed beside it.
//!
//! `cargo test --test chinese_eval -- --nocapture` prints the figures and every pair the engine
//! gets wrong.

mod support;

use parallax::model::ChangeClass;
use support::sentence_pairs::{
    Sides, accuracy, best_baselines, carried_by, compare_sides, read_pairs, story_sides,
};

/// Least share of pairs whose "same claim or not" the engine must get right: 0.824 when the set
/// was written, 0.853 once `100万` and `60至80` were read as facts, 0.882 once `14.1178亿` and
/// `1,411,780,000` were one term (the bag of words reaches 0.912 here: heavy Chinese paraphrase
/// is still a gap).
const CARRIED_FLOOR: f64 = 0.88;

/// What the engine made of the whole set.
#[derive(Default)]
struct Figures {
    /// (carried, same) for every pair.
    carried: Vec<(bool, bool)>,
    /// Same-claim pairs without a conflict that the engine carries with a conflict.
    false_conflicts: usize,
    /// Same-claim pairs without a conflict.
    without_conflict: usize,
    /// Pairs with a conflict that the engine carries as a conflict.
    conflicts_found: usize,
    /// Pairs with a conflict.
    with_conflict: usize,
}

fn evaluate() -> (Figures, Vec<Sides>) {
    let pairs = read_pairs("chinese_pairs.toml");
    let mut figures = Figures::default();
    let mut stories = Vec::new();
    for story in &pairs.story {
        let sides = story_sides(story);
        let carried = carried_by(&compare_sides(&sides), &sides);
        for (&(i, j, same), pair) in sides.pairs.iter().zip(&story.pair) {
            let status = carried[i]
                .as_ref()
                .filter(|(by, _)| *by == j)
                .map(|(_, s)| s);
            let conflict = status.is_some_and(|s| s.class == Some(ChangeClass::Conflict));
            figures.carried.push((status.is_some(), same));
            if same && pair.conflict {
                figures.with_conflict += 1;
                figures.conflicts_found += usize::from(conflict);
            } else if same {
                figures.without_conflict += 1;
                figures.false_conflicts += usize::from(conflict);
            }
            let wrong = status.is_some() != same || conflict != (same && pair.conflict);
            if wrong {
                println!(
                    "miss [{}] same={same} conflict={}: {} | {} -> {:?}",
                    story.topic,
                    pair.conflict,
                    pair.a,
                    pair.b,
                    status.map(|s| (&s.status, &s.reasons))
                );
            }
        }
        stories.push(sides);
    }
    (figures, stories)
}

#[test]
fn chinese_paraphrases_are_carried_and_only_changed_numbers_conflict() {
    let (figures, stories) = evaluate();
    let engine = accuracy(&figures.carried);
    let (alone, assigned) = best_baselines(&stories.iter().collect::<Vec<_>>());
    println!(
        "== chinese_pairs.toml: {} pairs; same claim or not: parallax {:.1}%, bag of words alone {:.1}% (>= {:.2}), one-to-one {:.1}% (>= {:.2})",
        figures.carried.len(),
        engine * 100.0,
        alone.1 * 100.0,
        alone.0,
        assigned.1 * 100.0,
        assigned.0
    );
    println!(
        "conflicts found {} of {}; false conflicts {} of {} same-claim pairs without one",
        figures.conflicts_found,
        figures.with_conflict,
        figures.false_conflicts,
        figures.without_conflict
    );
    assert!(figures.carried.len() >= 30);
    assert!(engine >= CARRIED_FLOOR, "same claim or not: {engine:.3}");
    assert_eq!(figures.false_conflicts, 0, "conflicts named where none is");
    assert_eq!(
        figures.conflicts_found, figures.with_conflict,
        "changed numbers not named as conflicts"
    );
}
