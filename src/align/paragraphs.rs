//! Paragraph alignment groups for side-by-side reading.
//!
//! For each outlet, paragraph pairs are scored from the claims they share; a monotone chain of
//! pairs with the largest total score is found by dynamic programming over the scored pairs
//! only (1:1 steps, plus 1:2 and 2:1 steps between adjacent paragraphs for splits and merges;
//! skipped paragraphs are the 1:0 and 0:1 steps), so the cost follows the number of matches, not
//! the square of the paragraph count. A paragraph left out of the chain that still matches a
//! reference paragraph has moved: it is placed beside its match and flagged. The outlets'
//! chains are then merged into one list of groups in the reference's reading order.

use std::collections::HashMap;

use indexmap::IndexMap;

use crate::model::ParagraphGroup;

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

/// One outlet's aligned runs: reference paragraph range and outlet paragraph range (inclusive),
/// and its moved paragraphs with the reference paragraph they belong beside.
struct OutletAlignment {
    runs: Vec<((usize, usize), (usize, usize))>,
    moved: Vec<(usize, usize)>,
}

/// The alignment groups of all outlets; `outlets[0]` is the reference (its links are unused).
pub fn paragraph_groups(
    ids: &[String],
    outlets: &[ParagraphLinks],
    paragraph_match: f64,
) -> Vec<ParagraphGroup> {
    let Some(reference) = outlets.first() else {
        return Vec::new();
    };
    let reference_count = reference.claims_per_paragraph.len();
    let alignments: Vec<OutletAlignment> = outlets
        .iter()
        .skip(1)
        .map(|o| align_outlet(&reference.claims_per_paragraph, o, paragraph_match))
        .collect();
    // Reference paragraphs that some outlet aligns as one run stay in one block.
    let mut reach: Vec<usize> = (0..reference_count).collect();
    for alignment in &alignments {
        for &((a, b), _) in &alignment.runs {
            reach[a] = reach[a].max(b);
        }
    }
    let mut block_of = vec![0usize; reference_count];
    let mut block = 0usize;
    let mut end = 0usize;
    for p in 0..reference_count {
        if p > end {
            block += 1;
        }
        end = end.max(reach[p]);
        block_of[p] = block;
    }
    let blocks = if reference_count == 0 { 0 } else { block + 1 };
    // Slot 2k is the gap before block k, slot 2k+1 is block k.
    let slots = 2 * blocks + 1;
    let mut cells: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); outlets.len()]; slots];
    let mut moved: Vec<Vec<bool>> = vec![vec![false; outlets.len()]; slots];
    for p in 0..reference_count {
        cells[2 * block_of[p] + 1][0].push(p);
    }
    for (o, alignment) in alignments.iter().enumerate() {
        let o = o + 1;
        let count = outlets[o].claims_per_paragraph.len();
        let mut slot_of: Vec<Option<usize>> = vec![None; count];
        let mut in_run = vec![false; count];
        for &((a, _), (c, d)) in &alignment.runs {
            for q in c..=d {
                slot_of[q] = Some(2 * block_of[a] + 1);
                in_run[q] = true;
            }
        }
        for &(q, p) in &alignment.moved {
            slot_of[q] = Some(2 * block_of[p] + 1);
            moved[2 * block_of[p] + 1][o] = true;
        }
        let mut gap = 0;
        for q in 0..count {
            match slot_of[q] {
                Some(slot) => {
                    if in_run[q] {
                        gap = slot + 1;
                    }
                    cells[slot][o].push(q);
                }
                None => cells[gap][o].push(q),
            }
        }
    }
    let mut groups = Vec::new();
    for slot in 0..slots {
        if cells[slot].iter().all(Vec::is_empty) {
            continue;
        }
        let mut group_cells = IndexMap::new();
        let mut group_moved = Vec::new();
        for (o, id) in ids.iter().enumerate().take(outlets.len()) {
            let mut indexes = std::mem::take(&mut cells[slot][o]);
            indexes.sort_unstable();
            group_cells.insert(id.clone(), indexes);
            if moved[slot][o] {
                group_moved.push(id.clone());
            }
        }
        groups.push(ParagraphGroup {
            cells: group_cells,
            moved: group_moved,
        });
    }
    groups
}

/// Scores paragraph pairs by the claims they share: the matched claims' similarities, counted
/// on both sides, over the claims the two paragraphs hold (a Dice coefficient), at most 1.
fn scored_pairs(reference: &[usize], outlet: &ParagraphLinks, paragraph_match: f64) -> Vec<Pair> {
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
        .filter(|&(_, _, score)| score >= paragraph_match)
        .collect();
    pairs.sort_unstable_by_key(|&(p, q, _)| (p, q));
    pairs
}

/// The best monotone chain of one outlet's scored pairs, cut into runs, and its moved paragraphs.
fn align_outlet(
    reference: &[usize],
    outlet: &ParagraphLinks,
    paragraph_match: f64,
) -> OutletAlignment {
    let pairs = scored_pairs(reference, outlet, paragraph_match);
    let position: HashMap<(usize, usize), usize> = pairs
        .iter()
        .enumerate()
        .map(|(k, &(p, q, _))| ((p, q), k))
        .collect();
    let width = outlet.claims_per_paragraph.len();
    let mut best_before = PrefixMax::new(width);
    let mut score = vec![0.0f64; pairs.len()];
    // Back link: previous pair and whether the step joins the same run (1:2 or 2:1).
    let mut back: Vec<Option<(usize, bool)>> = vec![None; pairs.len()];
    let mut row_start = 0;
    while row_start < pairs.len() {
        let p = pairs[row_start].0;
        let row_end = row_start + pairs[row_start..].iter().take_while(|x| x.0 == p).count();
        for k in row_start..row_end {
            let (_, q, s) = pairs[k];
            let mut best: Option<(f64, usize, bool)> =
                best_before.get(q).map(|(v, at)| (v, at, false));
            let adjacent = [
                q.checked_sub(1).and_then(|q1| position.get(&(p, q1))),
                p.checked_sub(1).and_then(|p1| position.get(&(p1, q))),
            ];
            for &at in adjacent.into_iter().flatten() {
                if best.is_none_or(|(v, _, _)| score[at] > v) {
                    best = Some((score[at], at, true));
                }
            }
            score[k] = s + best.map_or(0.0, |(v, _, _)| v);
            back[k] = best.map(|(_, at, joins)| (at, joins));
        }
        for k in row_start..row_end {
            best_before.raise(pairs[k].1, score[k], k);
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
    let mut runs: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let mut in_chain = vec![false; width];
    let mut open = false;
    for &(k, joins_next) in &chain {
        let (p, q, _) = pairs[k];
        in_chain[q] = true;
        match runs.last_mut() {
            Some(run) if open => {
                run.0.1 = run.0.1.max(p);
                run.1.1 = run.1.1.max(q);
            }
            _ => runs.push(((p, p), (q, q))),
        }
        open = joins_next;
    }
    // Outside the chain, a paragraph's best-scoring reference paragraph is where it moved from.
    let mut moved_from: Vec<Option<(usize, f64)>> = vec![None; width];
    for &(p, q, s) in &pairs {
        if !in_chain[q] && moved_from[q].is_none_or(|(_, best)| s > best) {
            moved_from[q] = Some((p, s));
        }
    }
    OutletAlignment {
        runs,
        moved: moved_from
            .iter()
            .enumerate()
            .filter_map(|(q, m)| m.map(|(p, _)| (q, p)))
            .collect(),
    }
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
