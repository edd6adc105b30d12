//! Paragraph alignment groups for side-by-side reading.
//!
//! Each outlet is aligned with the reference on its own ([`paragraph_chain`]); the outlets'
//! runs are then merged into one list of rows in the reference's reading order. Reference
//! paragraphs that some outlet aligns as one run share a row (a block). Every outlet's
//! paragraphs keep their own order: one between two paragraphs of the same block stands in that
//! block, the others between blocks stand in rows of their own there. Only a paragraph out of
//! the reference's order leaves its place: it stands beside the block it belongs to (in the
//! block's row when the outlet has nothing else there, else in a row right after it), flagged
//! moved. No row holds paragraphs of one outlet that are not adjacent.
//!
//! [`paragraph_chain`]: super::paragraph_chain

use std::collections::BTreeMap;

use indexmap::IndexMap;

use super::paragraph_chain::{OutletAlignment, ParagraphLinks, align_outlet};
use crate::model::ParagraphGroup;

/// Which part of the reading order around a block a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// Outlet paragraphs standing between the previous block and this one.
    Before,
    /// The block itself.
    Block,
    /// Moved outlet paragraphs beside the block, after it.
    After,
}

/// A row's place in the reading order: the block, the part, and the stretch of adjacent
/// paragraphs within that part.
type Slot = (usize, Part, usize);

/// Where each of one outlet's paragraphs stands: (paragraph, slot, moved).
type Placement = Vec<(usize, Slot, bool)>;

/// The alignment groups of all outlets; `outlets[0]` is the reference (its links are unused).
pub fn paragraph_groups(
    ids: &[String],
    outlets: &[ParagraphLinks],
    paragraph_match: f64,
) -> Vec<ParagraphGroup> {
    let Some(reference) = outlets.first() else {
        return Vec::new();
    };
    let alignments: Vec<OutletAlignment> = outlets
        .iter()
        .skip(1)
        .map(|o| align_outlet(&reference.claims_per_paragraph, o, paragraph_match))
        .collect();
    let block_of = blocks(reference.claims_per_paragraph.len(), &alignments);
    let mut placements: Vec<Placement> = vec![
        block_of
            .iter()
            .enumerate()
            .map(|(p, &b)| (p, (b, Part::Block, 0), false))
            .collect(),
    ];
    for (alignment, outlet) in alignments.iter().zip(&outlets[1..]) {
        placements.push(place_outlet(
            alignment,
            &block_of,
            outlet.claims_per_paragraph.len(),
        ));
    }
    let mut rows: BTreeMap<Slot, (Vec<Vec<usize>>, Vec<bool>)> = BTreeMap::new();
    for (o, placement) in placements.iter().enumerate() {
        for &(paragraph, slot, moved) in placement {
            let (cells, flags) = rows
                .entry(slot)
                .or_insert_with(|| (vec![Vec::new(); outlets.len()], vec![false; outlets.len()]));
            cells[o].push(paragraph);
            flags[o] |= moved;
        }
    }
    rows.into_values()
        .map(|(cells, flags)| {
            let mut group_cells = IndexMap::new();
            let mut moved = Vec::new();
            for (o, (mut indexes, flag)) in cells.into_iter().zip(flags).enumerate() {
                indexes.sort_unstable();
                group_cells.insert(ids[o].clone(), indexes);
                if flag {
                    moved.push(ids[o].clone());
                }
            }
            ParagraphGroup {
                cells: group_cells,
                moved,
            }
        })
        .collect()
}

/// The block of each reference paragraph: paragraphs some outlet aligns as one run share one.
fn blocks(reference_count: usize, alignments: &[OutletAlignment]) -> Vec<usize> {
    let mut reach: Vec<usize> = (0..reference_count).collect();
    for alignment in alignments {
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
    block_of
}

/// Where one outlet's `count` paragraphs stand among the blocks.
fn place_outlet(alignment: &OutletAlignment, block_of: &[usize], count: usize) -> Placement {
    let mut anchor: Vec<Option<usize>> = vec![None; count];
    for &((a, _), (c, d)) in &alignment.runs {
        for slot in &mut anchor[c..=d] {
            *slot = Some(block_of[a]);
        }
    }
    extend_to_matches(&mut anchor, &alignment.in_place, block_of);
    let mut next_anchor: Vec<Option<usize>> = vec![None; count + 1];
    for q in (0..count).rev() {
        next_anchor[q] = anchor[q].or(next_anchor[q + 1]);
    }
    let mut placement = Placement::new();
    let mut moved_beside: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut previous: Option<usize> = None;
    let mut stretch = Stretches::default();
    for q in 0..count {
        let moved = alignment.moved.get(q).copied().flatten();
        if let Some(block) = anchor[q] {
            placement.push((q, (block, Part::Block, 0), moved.is_some()));
            previous = Some(block);
        } else if previous.is_some() && previous == next_anchor[q + 1] {
            let block = previous.unwrap_or_default();
            placement.push((q, (block, Part::Block, 0), moved.is_some()));
        } else if let Some(p) = moved {
            moved_beside.entry(block_of[p]).or_default().push(q);
        } else {
            let block = previous.map_or(0, |b| b + 1);
            placement.push((q, (block, Part::Before, stretch.of(block, q)), false));
        }
    }
    for (block, paragraphs) in moved_beside {
        let has_block = placement
            .iter()
            .any(|&(_, slot, _)| slot == (block, Part::Block, 0));
        let mut stretch = Stretches::default();
        for q in paragraphs {
            let run = stretch.of(block, q);
            let slot = if has_block {
                (block, Part::After, run)
            } else if run == 0 {
                (block, Part::Block, 0)
            } else {
                (block, Part::After, run - 1)
            };
            placement.push((q, slot, true));
        }
    }
    placement
}

/// Takes into a neighbouring block each paragraph left out of the chain in order whose match
/// stands in that block, with the paragraphs between (a passage out of order among them stays
/// there, flagged moved, so that the block's paragraphs stay adjacent): the opening an outlet
/// tells in two paragraphs, around a passage of its own, stands beside the reference's.
fn extend_to_matches(anchor: &mut [Option<usize>], in_place: &[Option<usize>], block_of: &[usize]) {
    let anchored: Vec<usize> = (0..anchor.len()).filter(|&q| anchor[q].is_some()).collect();
    for (q, p) in in_place.iter().enumerate() {
        let Some(block) = p.map(|p| block_of[p]) else {
            continue;
        };
        if anchor[q].is_some() {
            continue;
        }
        let after = anchored.partition_point(|&a| a < q);
        let next = anchored.get(after).copied();
        let before = after.checked_sub(1).map(|i| anchored[i]);
        let span = match (before, next) {
            (Some(b), _) if anchor[b] == Some(block) => b + 1..q + 1,
            (_, Some(n)) if anchor[n] == Some(block) => q..n,
            _ => continue,
        };
        for slot in &mut anchor[span] {
            *slot = Some(block);
        }
    }
}

/// Numbers the stretches of adjacent paragraphs placed in one part of the reading order.
#[derive(Default)]
struct Stretches {
    /// The block, the stretch number and the last paragraph placed.
    last: Option<(usize, usize, usize)>,
}

impl Stretches {
    /// The stretch of paragraph `q` placed at `block`: the last one while adjacent to it.
    fn of(&mut self, block: usize, q: usize) -> usize {
        let run = match self.last {
            Some((b, run, last)) if b == block => run + usize::from(q != last + 1),
            _ => 0,
        };
        self.last = Some((block, run, q));
        run
    }
}
