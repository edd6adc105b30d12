//! Word diffs of matched passages, as pieces the TUI can colour and reports can print.
//!
//! Every diff of one comparison shares one deadline ([`DiffBudget`]): past it, `similar` stops
//! searching for the shortest edit and approximates, so nearly disjoint inputs can never hang the
//! engine. The pieces always reconstruct both texts exactly, approximated or not.

use std::time::{Duration, Instant};

use similar::{Algorithm, ChangeTag, TextDiff};

use crate::model::{DiffOp, DiffPiece};

/// The one time budget shared by every word diff of a comparison.
#[derive(Debug, Clone, Copy)]
pub struct DiffBudget {
    deadline: Option<Instant>,
}

impl DiffBudget {
    /// A budget that runs out `millis` milliseconds from now.
    pub fn new(millis: u64) -> DiffBudget {
        DiffBudget {
            deadline: Instant::now().checked_add(Duration::from_millis(millis)),
        }
    }

    /// The word diff from `origin` to `outlet`: `equal`, `delete` and `insert` pieces, adjacent
    /// pieces of one kind joined.
    pub fn word_diff(&self, origin: &str, outlet: &str) -> Vec<DiffPiece> {
        let mut config = TextDiff::configure();
        config.algorithm(Algorithm::Patience);
        if let Some(deadline) = self.deadline {
            config.deadline(deadline);
        }
        let diff = config.diff_unicode_words(origin, outlet);
        let mut pieces: Vec<DiffPiece> = Vec::new();
        for change in diff.iter_all_changes() {
            let op = match change.tag() {
                ChangeTag::Equal => DiffOp::Equal,
                ChangeTag::Delete => DiffOp::Delete,
                ChangeTag::Insert => DiffOp::Insert,
            };
            match pieces.last_mut() {
                Some(last) if last.op == op => last.text.push_str(change.value()),
                _ => pieces.push(DiffPiece::new(op, change.value())),
            }
        }
        pieces
    }
}

/// Whether a word diff shares under half of either side's words (a headline carried in a lead
/// sentence, a claim merged into a longer sentence): interleaved, its pieces would read as a
/// jumble, so the passage reads better whole with its shared words marked.
pub fn reads_better_whole(diff: &[DiffPiece]) -> bool {
    let words = |op: DiffOp| -> usize {
        diff.iter()
            .filter(|p| p.op == op)
            .map(|p| p.text.split_whitespace().count())
            .sum()
    };
    let (equal, deleted, inserted) = (
        words(DiffOp::Equal),
        words(DiffOp::Delete),
        words(DiffOp::Insert),
    );
    2 * equal < equal + deleted || 2 * equal < equal + inserted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(pieces: &[DiffPiece], skip: DiffOp) -> String {
        pieces
            .iter()
            .filter(|p| p.op != skip)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn a_changed_figure_is_one_delete_and_one_insert() {
        let budget = DiffBudget::new(500);
        let pieces = budget.word_diff("at least 50 projects", "at least 60 projects");
        let ops: Vec<(DiffOp, &str)> = pieces.iter().map(|p| (p.op, p.text.as_str())).collect();
        assert_eq!(
            ops,
            vec![
                (DiffOp::Equal, "at least "),
                (DiffOp::Delete, "50"),
                (DiffOp::Insert, "60"),
                (DiffOp::Equal, " projects"),
            ]
        );
    }

    #[test]
    fn an_exhausted_budget_still_reconstructs_both_texts() {
        let budget = DiffBudget::new(0);
        std::thread::sleep(Duration::from_millis(2));
        let (a, b) = ("the cat sat on the mat", "a dog lay under the rug");
        let pieces = budget.word_diff(a, b);
        assert_eq!(side(&pieces, DiffOp::Insert), a);
        assert_eq!(side(&pieces, DiffOp::Delete), b);
    }

    #[test]
    fn a_diff_sharing_under_half_of_either_side_reads_better_whole() {
        let headline_in_lead = [
            DiffPiece::new(DiffOp::Equal, "Leaked documents "),
            DiffPiece::new(DiffOp::Delete, "show "),
            DiffPiece::new(
                DiffOp::Insert,
                "from the provincial government, obtained by a newspaper, reveal ",
            ),
            DiffPiece::new(DiffOp::Equal, "how a province "),
            DiffPiece::new(DiffOp::Insert, "works with universities abroad"),
        ];
        assert!(reads_better_whole(&headline_in_lead));
        let paraphrase = [
            DiffPiece::new(
                DiffOp::Equal,
                "The association set out its plans in a work report ",
            ),
            DiffPiece::new(DiffOp::Delete, "dated Nov. 17"),
            DiffPiece::new(DiffOp::Insert, "issued last November"),
        ];
        assert!(!reads_better_whole(&paraphrase));
        assert!(!reads_better_whole(&[]));
    }
}
