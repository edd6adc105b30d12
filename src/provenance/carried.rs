//! The claims two outlets both carry, read from the comparison's claim clusters: a cluster is
//! carried by an outlet whose status for it is `appears`, `differs` or `added`, at the place of
//! the status's first span. Whether the shared claims keep one order is the longest run of them
//! standing in the same order in both articles.

use super::{ClaimPair, SharedClaims};
use crate::model::{Comparison, Status, TextSpan};

/// Where every outlet carries every claim cluster.
#[derive(Debug, Clone, Default)]
pub(crate) struct Carried {
    /// For each outlet (comparison order), for each cluster, where it carries it.
    places: Vec<Vec<Option<TextSpan>>>,
    /// The clusters' ids.
    ids: Vec<String>,
    /// Cluster index by id.
    by_id: rustc_hash::FxHashMap<String, usize>,
}

impl Carried {
    /// Reads the places from a comparison.
    pub fn new(comparison: &Comparison) -> Carried {
        let places = comparison
            .outlets
            .iter()
            .map(|outlet| {
                comparison
                    .claims
                    .iter()
                    .map(|cluster| {
                        let status = cluster.statuses.get(&outlet.id)?;
                        let carried = matches!(
                            status.status,
                            Status::Appears | Status::Differs | Status::Added
                        );
                        // A headline stands before the first paragraph.
                        let nowhere = if status.headline { 0 } else { usize::MAX };
                        carried.then(|| {
                            status.spans.first().copied().unwrap_or(TextSpan {
                                paragraph: nowhere,
                                start: 0,
                                end: 0,
                            })
                        })
                    })
                    .collect()
            })
            .collect();
        Carried {
            places,
            ids: comparison.claims.iter().map(|c| c.id.clone()).collect(),
            by_id: comparison
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect(),
        }
    }

    /// The index of the cluster with id `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Whether outlet `o` carries cluster `claim`.
    pub fn carries(&self, o: usize, claim: usize) -> bool {
        self.places
            .get(o)
            .and_then(|p| p.get(claim))
            .is_some_and(Option::is_some)
    }

    /// How many clusters outlet `o` carries.
    pub fn count(&self, o: usize) -> usize {
        self.places.get(o).map_or(0, |p| p.iter().flatten().count())
    }

    /// The clusters (indexes) outlet `o` carries.
    pub fn claims_of(&self, o: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.ids.len()).filter(move |&c| self.carries(o, c))
    }

    /// The claims outlets `i` and `j` both carry, in `i`'s order, with the order check.
    pub fn shared(&self, i: usize, j: usize) -> SharedClaims {
        let mut pairs: Vec<(usize, TextSpan, TextSpan)> = (0..self.ids.len())
            .filter_map(|c| Some((c, self.places[i][c]?, self.places[j][c]?)))
            .collect();
        let key = |s: &TextSpan| (s.paragraph, s.start);
        pairs.sort_by_key(|(c, a, _)| (key(a), *c));
        let in_b: Vec<(usize, usize)> = pairs.iter().map(|(_, _, b)| key(b)).collect();
        let kept = longest_increasing(&in_b);
        let in_order = kept.iter().filter(|&&k| k).count();
        SharedClaims {
            of_a: self.count(i),
            of_b: self.count(j),
            shared: pairs.len(),
            in_order,
            claims: pairs
                .iter()
                .zip(&kept)
                .map(|(&(c, a, b), &kept)| ClaimPair {
                    claim: self.ids[c].clone(),
                    a,
                    b,
                    out_of_order: !kept,
                })
                .collect(),
        }
    }
}

/// Marks the members of one longest non-decreasing subsequence of `values`.
fn longest_increasing<T: Ord + Copy>(values: &[T]) -> Vec<bool> {
    // Patience sorting with predecessor links: O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let at = tails.partition_point(|&t| values[t] <= v);
        previous[i] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut kept = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept[i] = true;
        at = previous[i];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_run_in_order_is_kept() {
        let kept = longest_increasing(&[1, 5, 2, 3, 9, 4]);
        assert_eq!(kept, [true, false, true, true, false, true]);
        assert!(longest_increasing::<u8>(&[]).is_empty());
    }
}
