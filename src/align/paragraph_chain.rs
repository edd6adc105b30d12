//! One outlet's paragraphs aligned with the reference's: paragraph pairs are scored from the
//! claims they share (every pair sharing a matched claim, so that a paragraph carrying a
//! claim can stand beside it), and a monotone chain of pairs with the largest total score is found by
//! dynamic programming over the scored pairs only, so the cost follows the number of matches,
//! not the square of the paragraph count. Steps of the chain either advance on both sides (1:1;
//! skipped paragraphs are the 1:0 and 0:1 steps) or stay on one paragraph of one side and join
//! the next paragraph of the other (splits and merges); such a join may pass over paragraphs
//! that match nothing (an outlet's aside inside a split passage), never over one that matches
//! elsewhere. A matched paragraph left out of the chain has moved only when it stands out of
//! order (none of its matches lies between the chain's pairs around it) and one of its matches
//! scores at least `paragraph_match`.

use std::collections::HashMap;

/// What is known of one outlet's paragraphs for the alignment.
#[derive(Debug, Clone, Default)]
pub struct ParagraphLinks {
    /// Claims in each of the outlet's paragraphs (its length is the paragraph count).
    pub claims_per_paragraph: Vec<usize>,
    /// For every claim match: (reference paragraph, outlet paragraph, similarity).
    pub links: Vec<(usize, usize, f64)>,
}

/// A scored pair of paragraphs: (reference paragraph, outlet paragraph, score).
type Pair = (usize, usize, f64);

/// An aligned run: a reference paragraph range and an outlet paragraph range (both inclusive).
pub type Run = ((usize, usize), (usize, usize));

/// One outlet's alignment with the reference.
pub struct OutletAlignment {
    /// The chain cut into runs; consecutive runs advance on both sides.
    pub runs: Vec<Run>,
    /// For each outlet paragraph that stands out of the reference's order, the reference
    /// paragraph it belongs beside.
    pub moved: Vec<Option<usize>>,
    /// For each matched outlet paragraph left out of the chain but in order, the reference
    /// paragraph of a match between the chain's pairs around it.
    pub in_place: Vec<Option<usize>>,
}

/// Scores paragraph pairs by the claims they share: the matched claims' similarities, counted
/// on both sides, over the claims the two paragraphs hold (a Dice coefficient), at most 1.
fn scored_pairs(reference: &[usize], outlet: &ParagraphLinks) -> Vec<Pair> {
    let mut sums: HashMap<(usize, usize), f64> = HashMap::new();
    for &(p, q, sim) in &outlet.links {
        if p < reference.len() && q < outlet.claims_per_paragraph.len() {
            *sums.entry((p, q)).or_default() += sim;
        }
    }
    let mut pairs: Vec<Pair> = sums
        .into_iter()
        .map(|((p, q), sum)| {
            let claims = (reference[p] + outlet.claims_per_paragraph[q]).max(1) as f64;
            (p, q, (2.0 * sum / claims).min(1.0))
        })
        .collect();
    pairs.sort_unstable_by_key(|&(p, q, _)| (p, q));
    pairs
}

/// For each position, how many of the positions before it are marked.
fn marked_before(marked: &[bool]) -> Vec<usize> {
    let mut counts = Vec::with_capacity(marked.len() + 1);
    let mut count = 0;
    counts.push(0);
    for &m in marked {
        count += usize::from(m);
        counts.push(count);
    }
    counts
}

/// Whether no position strictly between `a` and `b` (a < b) is marked.
fn none_between(before: &[usize], a: usize, b: usize) -> bool {
    before[b] == before[a + 1]
}

/// The best monotone chain of one outlet's scored pairs, cut into runs, and its moved paragraphs.
pub fn align_outlet(
    reference: &[usize],
    outlet: &ParagraphLinks,
    paragraph_match: f64,
) -> OutletAlignment {
    let pairs = scored_pairs(reference, outlet);
    let width = outlet.claims_per_paragraph.len();
    let mut paired_outlet = vec![false; width];
    let mut paired_reference = vec![false; reference.len()];
    for &(p, q, _) in &pairs {
        paired_reference[p] = true;
        paired_outlet[q] = true;
    }
    let outlet_paired_before = marked_before(&paired_outlet);
    let reference_paired_before = marked_before(&paired_reference);
    let mut best_before = PrefixMax::new(width);
    let mut last_in_column: Vec<Option<usize>> = vec![None; width];
    let mut score = vec![0.0f64; pairs.len()];
    // Back link: previous pair and whether the step joins the same run.
    let mut back: Vec<Option<(usize, bool)>> = vec![None; pairs.len()];
    let mut row_start = 0;
    while row_start < pairs.len() {
        let p = pairs[row_start].0;
        let row_end = row_start + pairs[row_start..].iter().take_while(|x| x.0 == p).count();
        for k in row_start..row_end {
            let (_, q, s) = pairs[k];
            let mut best: Option<(f64, usize, bool)> =
                best_before.get(q).map(|(v, at)| (v, at, false));
            // Joins: the same reference paragraph with an earlier outlet paragraph, or the
            // same outlet paragraph with an earlier reference paragraph, over unmatched ones.
            let left = (k > row_start)
                .then(|| k - 1)
                .filter(|&at| none_between(&outlet_paired_before, pairs[at].1, q));
            let up = last_in_column[q]
                .filter(|&at| none_between(&reference_paired_before, pairs[at].0, p));
            for at in [left, up].into_iter().flatten() {
                if best.is_none_or(|(v, _, _)| score[at] >= v) {
                    best = Some((score[at], at, true));
                }
            }
            score[k] = s + best.map_or(0.0, |(v, _, _)| v);
            back[k] = best.map(|(_, at, joins)| (at, joins));
        }
        for k in row_start..row_end {
            best_before.raise(pairs[k].1, score[k], k);
            last_in_column[pairs[k].1] = Some(k);
        }
        row_start = row_end;
    }
    let mut chain = Vec::new();
    let mut cursor =
        (0..pairs.len()).max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)));
    let mut joins_next = false;
    while let Some(k) = cursor {
        chain.push((k, joins_next));
        joins_next = back[k].is_some_and(|(_, joins)| joins);
        cursor = back[k].map(|(at, _)| at);
    }
    chain.reverse();
    // chain[i].1: the step from chain[i] to chain[i + 1] stays in one run.
    let mut runs: Vec<Run> = Vec::new();
    let mut open = false;
    for &(k, joins_next) in &chain {
        let (p, q, _) = pairs[k];
        match runs.last_mut() {
            Some(run) if open => {
                run.0.1 = run.0.1.max(p);
                run.1.1 = run.1.1.max(q);
            }
            _ => runs.push(((p, p), (q, q))),
        }
        open = joins_next;
    }
    let chained: Vec<(usize, usize)> = chain
        .iter()
        .map(|&(k, _)| (pairs[k].0, pairs[k].1))
        .collect();
    let (moved, in_place) = left_out(&pairs, &chained, width, paragraph_match);
    OutletAlignment {
        runs,
        moved,
        in_place,
    }
}

/// The matched outlet paragraphs outside the chain: those that stand out of order, each with
/// its best-scoring reference paragraph (none of their matches lies between the reference
/// paragraphs of the chain's pairs before and after them, and one of their matches scores at
/// least `paragraph_match`: a weak match says too little to move a paragraph); and those in
/// order, each with the reference paragraph of its match in order.
fn left_out(
    pairs: &[Pair],
    chain: &[(usize, usize)],
    width: usize,
    paragraph_match: f64,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut in_chain = vec![false; width];
    for &(_, q) in chain {
        in_chain[q] = true;
    }
    let mut in_order: Vec<Option<usize>> = vec![None; width];
    let mut best: Vec<Option<(usize, f64)>> = vec![None; width];
    for &(p, q, s) in pairs {
        if in_chain[q] {
            continue;
        }
        // The chain is sorted by both sides: the last pair before q and the first after it.
        let after = chain.partition_point(|&(_, cq)| cq < q);
        let low = after.checked_sub(1).map_or(0, |i| chain[i].0);
        let high = chain.get(after).map_or(usize::MAX, |c| c.0);
        if (low..=high).contains(&p) && in_order[q].is_none() {
            in_order[q] = Some(p);
        }
        if s >= paragraph_match && best[q].is_none_or(|(_, b)| s > b) {
            best[q] = Some((p, s));
        }
    }
    let moved = best
        .iter()
        .zip(&in_order)
        .map(|(best, in_order)| best.filter(|_| in_order.is_none()).map(|(p, _)| p))
        .collect();
    (moved, in_order)
}

/// Prefix maximum over outlet paragraph positions (a Fenwick tree): the best chain score ending
/// strictly before a position, with the pair it ends at.
struct PrefixMax {
    tree: Vec<Option<(f64, usize)>>,
}

impl PrefixMax {
    fn new(width: usize) -> Self {
        PrefixMax {
            tree: vec![None; width + 1],
        }
    }

    /// Records a chain of score `value` ending at pair `at`, at position `q`.
    fn raise(&mut self, q: usize, value: f64, at: usize) {
        let mut i = q + 1;
        while i < self.tree.len() {
            if self.tree[i].is_none_or(|(v, _)| value > v) {
                self.tree[i] = Some((value, at));
            }
            i += i & i.wrapping_neg();
        }
    }

    /// The best chain ending at a position strictly below `q`.
    fn get(&self, q: usize) -> Option<(f64, usize)> {
        let mut best: Option<(f64, usize)> = None;
        let mut i = q;
        while i > 0 {
            if let Some((v, at)) = self.tree[i]
                && best.is_none_or(|(b, _)| v > b)
            {
                best = Some((v, at));
            }
            i -= i & i.wrapping_neg();
        }
        best
    }
}
