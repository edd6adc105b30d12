//! Wording one side of a match has and the other lacks: a clause, a qualifier or a detail the
//! outlet left out of the claim, or added to it. The word diff shows where; a run of words
//! deleted (or inserted) with nothing put in its place, holding a content word the other side
//! has nowhere, is a detail on one side only. A run replaced by other words is a paraphrase
//! (always when one is the other's acronym: `Supreme Court` / `SC`), not a detail, and words
//! that only moved are found on the other side and so not counted.

use std::collections::HashSet;

use crate::model::{ChangeClass, ChangeKind, DiffOp, DiffPiece, FactChange};
use crate::text::initials::Initials;
use crate::text::synonyms;
use crate::text::tokens;

/// A run holding at least this many content words the other side has nowhere is a detail on
/// one side even when the other side has words of its own.
const LONE_WORDS: usize = 2;

/// A run replaced by other words counts when its words the other side lacks are at least one
/// in this many of its side's content words.
const REPLACED_SHARE: usize = 3;

/// At most this many characters of a run are quoted in its reason.
const REASON_CHARS: usize = 80;

/// The wording changes of a match whose word diff from the origin to the outlet is `diff`.
/// `merged`: the outlet's sentence carries another reference claim too, so what it has beyond
/// this claim belongs to that one and is not "added". Runs whose words a fact change already
/// names (`already`: a number or name dropped) are left to that change, and so are runs within
/// the origin's first `lead_in` bytes (a list's lead-in, which the claim is not compared on).
pub fn wording_changes(
    diff: &[DiffPiece],
    merged: bool,
    already: &[FactChange],
    lead_in: usize,
) -> Vec<FactChange> {
    let side = |skip: DiffOp| -> String {
        diff.iter()
            .filter(|p| p.op != skip)
            .map(|p| p.text.as_str())
            .collect()
    };
    // Read only when a run on one side needs them (most passages have none).
    let origin = std::cell::LazyCell::new(|| content_stems(&side(DiffOp::Insert)));
    let outlet = std::cell::LazyCell::new(|| content_stems(&side(DiffOp::Delete)));
    let named: Vec<String> = already
        .iter()
        .flat_map(|c| c.from.iter().chain(&c.to))
        .map(|t| t.to_lowercase())
        .collect();
    // Each run of words on one side only, with how many of its content words the other side
    // has nowhere.
    let mut runs: Vec<(&DiffPiece, usize)> = Vec::new();
    // Where each piece ends in the origin's text.
    let mut origin_at = 0;
    for (k, piece) in diff.iter().enumerate() {
        if piece.op != DiffOp::Insert {
            origin_at += piece.text.len();
        }
        if piece.op == DiffOp::Delete && origin_at <= lead_in {
            continue;
        }
        let other_op = match piece.op {
            DiffOp::Delete => DiffOp::Insert,
            DiffOp::Insert if !merged => DiffOp::Delete,
            _ => continue,
        };
        let replacing = replacing(diff, k, other_op);
        let replaced = replacing.is_some();
        // A name put for its acronym, or the acronym for the name (`Kenya Supreme Court` /
        // `Kenya SC`), is the same name written shorter.
        if replacing
            .is_some_and(|r| abbreviates(&piece.text, &r.text) || abbreviates(&r.text, &piece.text))
        {
            continue;
        }
        let other_side: &HashSet<String> = if piece.op == DiffOp::Delete {
            &outlet
        } else {
            &origin
        };
        let content: Vec<tokens::Token> = tokens::tokenize(&piece.text)
            .into_iter()
            .filter(|t| {
                !t.stop
                    && t.text.chars().count() > 1
                    && !t.text.starts_with(|c: char| c.is_ascii_digit())
            })
            .collect();
        let lone = content
            .iter()
            .filter(|t| {
                !other_side.contains(synonyms::canonical(&t.stem))
                    && !named.iter().any(|n| n.contains(&t.text))
            })
            .count();
        // Most of a run's words found on the other side: the words moved, the run is no detail.
        // A run replaced by other words is a paraphrase, unless its words the other side has
        // nowhere are several and a large share of its side (`Cambodia opposition leaders
        // summoned to court` / `Opposition leaders emerge to commemorate Cambodian workers'
        // deaths`): then the two say different things about the same subject.
        let own_side: &HashSet<String> = if piece.op == DiffOp::Delete {
            &origin
        } else {
            &outlet
        };
        let enough = if replaced {
            LONE_WORDS.max(own_side.len().div_ceil(REPLACED_SHARE))
        } else {
            1
        };
        if lone >= enough && lone * 2 >= content.len() {
            runs.push((piece, lone));
        }
    }
    // A single word on one side while the other side too has words of its own is as often a
    // paraphrase the diff set apart (`abroad` ... `foreign`): only a run of several such words
    // counts then.
    let has_run = |op: DiffOp| runs.iter().any(|(p, _)| p.op == op);
    runs.iter()
        .filter(|(piece, lone)| {
            let other = if piece.op == DiffOp::Delete {
                DiffOp::Insert
            } else {
                DiffOp::Delete
            };
            *lone >= LONE_WORDS || !has_run(other)
        })
        .map(|(piece, _)| one_sided(piece))
        .collect()
}

/// The piece of `other` that piece `k` stands beside (only punctuation and spaces between), if
/// any: the words were replaced by it, not left out or added.
fn replacing(diff: &[DiffPiece], k: usize, other: DiffOp) -> Option<&DiffPiece> {
    let separator =
        |p: &DiffPiece| p.op == DiffOp::Equal && p.text.chars().all(|c| !c.is_alphanumeric());
    let before = diff[..k].iter().rev().find(|p| !separator(p));
    let after = diff[k + 1..].iter().find(|p| !separator(p));
    [before, after]
        .into_iter()
        .flatten()
        .find(|p| p.op == other)
}

/// Whether `short`, one word, is written as the initials of the words of `long` (`SC` of
/// `Supreme Court`, `P&W` of `Pratt & Whitney`: [`Initials::spelled_by`]).
fn abbreviates(short: &str, long: &str) -> bool {
    let [acronym] = short.split_whitespace().collect::<Vec<_>>()[..] else {
        return false;
    };
    let words: Vec<&str> = long
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let mut initials = Initials::default();
    words.len() >= 2 && words.iter().all(|w| initials.push(w)) && initials.spelled_by(acronym)
}

/// The canonical stems of the content words of `text`.
fn content_stems(text: &str) -> HashSet<String> {
    tokens::tokenize(text)
        .into_iter()
        .filter(|t| !t.stop)
        .map(|t| synonyms::canonical(&t.stem).to_string())
        .collect()
}

/// The detail a deleted (left out) or inserted (added) run of words stands for.
fn one_sided(piece: &DiffPiece) -> FactChange {
    let words = piece
        .text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let shown: String = if words.chars().count() > REASON_CHARS {
        let cut: String = words.chars().take(REASON_CHARS).collect();
        format!("{}…", cut.trim_end())
    } else {
        words.clone()
    };
    let (from, to, verb) = match piece.op {
        DiffOp::Delete => (Some(words), None, "left out"),
        _ => (None, Some(words), "added"),
    };
    FactChange {
        kind: ChangeKind::Wording,
        class: ChangeClass::Detail,
        from,
        to,
        reason: format!("wording {verb}: {shown}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::diff::DiffBudget;

    fn reasons(origin: &str, outlet: &str) -> Vec<String> {
        let diff = DiffBudget::new(1000).word_diff(origin, outlet);
        wording_changes(&diff, false, &[], 0)
            .into_iter()
            .map(|c| c.reason)
            .collect()
    }

    #[test]
    fn a_clause_the_outlet_leaves_out_is_a_detail_named_by_its_words() {
        assert_eq!(
            reasons(
                "The leader was defeated on Tuesday by a professor who had hammered him for being insufficiently conservative.",
                "The leader was defeated on Tuesday by a professor."
            ),
            ["wording left out: who had hammered him for being insufficiently conservative"]
        );
    }

    #[test]
    fn a_name_put_for_its_acronym_is_no_detail() {
        for (a, b) in [
            (
                "Kenya Supreme Court upholds election result",
                "Kenya SC upholds election result",
            ),
            (
                "Carney sets high bar to changes at Bank of England",
                "Carney sets high bar to changes at BoE",
            ),
        ] {
            assert_eq!(reasons(a, b), Vec::<String>::new(), "{a} / {b}");
            assert_eq!(reasons(b, a), Vec::<String>::new(), "{b} / {a}");
        }
        assert_eq!(
            reasons(
                "Kenya Supreme Court upholds election result",
                "Kenya court upholds election result, SC says"
            ),
            ["wording added: SC says"]
        );
    }

    #[test]
    fn a_qualifier_the_outlet_adds_is_a_detail() {
        assert_eq!(
            reasons(
                "Nazi death camp guard Demjanjuk dies at 91",
                "Convicted Nazi death camp guard Demjanjuk dies at 91"
            ),
            ["wording added: Convicted"]
        );
    }

    #[test]
    fn a_paraphrase_or_a_moved_word_is_no_detail() {
        assert!(reasons("The mayor resigned on Friday.", "The mayor quit on Friday.").is_empty());
        assert!(
            reasons(
                "On Friday the mayor resigned.",
                "The mayor resigned on Friday."
            )
            .is_empty()
        );
        assert!(
            reasons(
                "The mayor resigned on Friday.",
                "The mayor has resigned on Friday."
            )
            .is_empty()
        );
    }

    #[test]
    fn words_replaced_by_other_words_that_say_something_else_are_a_detail() {
        assert_eq!(
            reasons(
                "Cambodia opposition leaders summoned to court",
                "Opposition leaders emerge to commemorate Cambodian workers' deaths"
            ),
            ["wording added: commemorate Cambodian workers' deaths"]
        );
        // One word for another, or a few in a long sentence, are a paraphrase the diff set
        // apart.
        assert!(
            reasons(
                "David Beckham retires from soccer",
                "David Beckham retires from football"
            )
            .is_empty()
        );
        assert!(
            reasons(
                "The projects were drawn up by the ministry and are run by the association, a provincial body that recruits experts from overseas.",
                "The projects were designed by the ministry and are led by the association, a provincial body that recruits experts from overseas."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_lists_lead_in_the_claim_is_not_compared_on_is_no_detail() {
        let origin = "To that end, the report sets five targets: open cooperation channels with at least 50 organizations;";
        let outlet =
            "Its targets are to widen cooperation channels with at least 50 organizations;";
        let diff = DiffBudget::new(1000).word_diff(origin, outlet);
        let lead_in = origin.find("open").unwrap();
        assert!(!wording_changes(&diff, false, &[], 0).is_empty());
        assert!(wording_changes(&diff, false, &[], lead_in).is_empty());
    }

    #[test]
    fn in_a_merged_sentence_the_outlets_other_words_belong_to_the_other_claim() {
        let diff = DiffBudget::new(1000).word_diff(
            "The mayor resigned.",
            "The mayor resigned and the council will elect a successor.",
        );
        assert!(wording_changes(&diff, true, &[], 0).is_empty());
        assert_eq!(wording_changes(&diff, false, &[], 0).len(), 1);
    }
}
