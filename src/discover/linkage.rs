//! Average-link agglomerative clustering over a sparse similarity graph: from the most alike
//! two groups down, two groups join while the mean similarity of all their cross pairs (a pair
//! without an edge counts 0) reaches the threshold and a rule allows them to join. Only the
//! groups that share an edge are ever compared, so the cost follows the edges, not `n²`.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

/// One edge: two items and how alike they are (0..=1).
pub type Edge = (usize, usize, f32);

/// A candidate join of groups `a` and `b` at `mean`, valid while both groups are as they were.
#[derive(Debug, PartialEq)]
struct Join {
    mean: f64,
    a: usize,
    b: usize,
    a_version: u32,
    b_version: u32,
}

impl Eq for Join {}

impl Ord for Join {
    fn cmp(&self, other: &Self) -> Ordering {
        // Highest mean first; among equals the lowest indexes, for a stable result.
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Join {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Groups of `n` items under `edges`, each of two or more items (members ascending), in no
/// particular order. `may_join(a, b)` sees the members of two groups about to join and may
/// refuse (e.g. two items of one outlet).
pub fn average_link(
    n: usize,
    edges: &[Edge],
    threshold: f64,
    may_join: impl Fn(&[usize], &[usize]) -> bool,
) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut links: Vec<FxHashMap<usize, f64>> = vec![FxHashMap::default(); n];
    for &(a, b, score) in edges {
        if a != b && a < n && b < n && score > 0.0 {
            *links[a].entry(b).or_default() += f64::from(score);
            *links[b].entry(a).or_default() += f64::from(score);
        }
    }
    let mut version = vec![0u32; n];
    let mut alive = vec![true; n];
    let mut heap = BinaryHeap::new();
    let join = |a: usize, b: usize, sum: f64, members: &[Vec<usize>], version: &[u32]| Join {
        mean: sum / (members[a].len() * members[b].len()) as f64,
        a: a.min(b),
        b: a.max(b),
        a_version: version[a.min(b)],
        b_version: version[a.max(b)],
    };
    for (a, row) in links.iter().enumerate() {
        for (&b, &sum) in row {
            if a < b {
                heap.push(join(a, b, sum, &members, &version));
            }
        }
    }
    while let Some(next) = heap.pop() {
        if next.mean < threshold {
            break;
        }
        let (a, b) = (next.a, next.b);
        let current =
            alive[a] && alive[b] && version[a] == next.a_version && version[b] == next.b_version;
        if !current || !may_join(&members[a], &members[b]) {
            continue;
        }
        // The larger group keeps its index; the other's members and links move into it.
        let (keep, gone) = if members[a].len() >= members[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        members[keep].sort_unstable();
        alive[gone] = false;
        let gone_links = std::mem::take(&mut links[gone]);
        links[keep].remove(&gone);
        for (other, sum) in gone_links {
            if other == keep {
                continue;
            }
            links[other].remove(&gone);
            *links[other].entry(keep).or_default() += sum;
            *links[keep].entry(other).or_default() += sum;
        }
        version[keep] += 1;
        for (&other, &sum) in &links[keep] {
            heap.push(join(keep, other, sum, &members, &version));
        }
    }
    members
        .into_iter()
        .zip(alive)
        .filter(|(group, alive)| *alive && group.len() > 1)
        .map(|(group, _)| group)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        groups.sort();
        groups
    }

    #[test]
    fn groups_join_while_their_mean_similarity_reaches_the_threshold() {
        // 0-1-2 alike with each other; 3 alike with 2 only, too weakly on average.
        let edges = [
            (0, 1, 0.9),
            (1, 2, 0.8),
            (0, 2, 0.7),
            (2, 3, 0.6),
            (4, 5, 0.2),
        ];
        let groups = average_link(6, &edges, 0.5, |_, _| true);
        assert_eq!(sorted(groups), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_refused_join_leaves_the_next_best_to_join() {
        // 0 and 1 may never be together (one outlet): 2 joins its best, 0, and 1 stays out.
        let edges = [(0, 2, 0.9), (1, 2, 0.8), (0, 1, 0.9)];
        let apart = |a: &[usize], b: &[usize]| {
            let has = |g: &[usize], i| g.contains(&i);
            !(has(a, 0) && has(b, 1) || has(a, 1) && has(b, 0))
        };
        let groups = average_link(3, &edges, 0.5, apart);
        assert_eq!(sorted(groups), vec![vec![0, 2]]);
    }
}
