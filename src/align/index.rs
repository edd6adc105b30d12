//! Candidate pairs without comparing every claim with every other: an inverted index from stems
//! to the claims that hold them, queried with a claim's rarest stems only. Rare stems (names,
//! figures, unusual words) have short posting lists, so the cost grows about linearly with the
//! article's length instead of with its square.

use std::collections::HashMap;

use super::similarity::Features;

/// How many of a claim's rarest stems are looked up.
const RARE_TERMS: usize = 12;

/// Posting lists longer than this are skipped: the stem is too common in this outlet to point
/// at the passage that carries a claim.
const MAX_POSTING: usize = 64;

/// At most this many candidates per query: those sharing the most rare-stem weight with it.
const MAX_CANDIDATES: usize = 24;

/// An inverted index over a list of claims (one outlet's, or the added claims so far).
#[derive(Debug, Default)]
pub struct CandidateIndex {
    postings: HashMap<u32, Vec<usize>>,
}

impl CandidateIndex {
    /// Indexes `claims` by every stem they hold; claim `i` of the iterator is candidate `i`.
    pub fn new<'a>(claims: impl IntoIterator<Item = &'a Features>) -> Self {
        let mut index = CandidateIndex::default();
        for (i, features) in claims.into_iter().enumerate() {
            index.insert(i, features);
        }
        index
    }

    /// Adds claim `id` to the index.
    pub fn insert(&mut self, id: usize, features: &Features) {
        for &(term, _) in &features.rare {
            self.postings.entry(term).or_default().push(id);
        }
    }

    /// The claims that share the most weight of `query`'s rarest stems (at most
    /// [`MAX_CANDIDATES`]), ascending, without repeats.
    pub fn candidates(&self, query: &Features) -> Vec<usize> {
        let mut found: Vec<(usize, f32)> = Vec::new();
        for &(term, weight) in query.rare.iter().take(RARE_TERMS) {
            if let Some(posting) = self.postings.get(&term)
                && posting.len() <= MAX_POSTING
            {
                found.extend(posting.iter().map(|&id| (id, weight)));
            }
        }
        found.sort_unstable_by_key(|&(id, _)| id);
        let mut summed: Vec<(usize, f32)> = Vec::with_capacity(found.len());
        for (id, weight) in found {
            match summed.last_mut() {
                Some(last) if last.0 == id => last.1 += weight,
                _ => summed.push((id, weight)),
            }
        }
        if summed.len() > MAX_CANDIDATES {
            summed.select_nth_unstable_by(MAX_CANDIDATES - 1, |a, b| b.1.total_cmp(&a.1));
            summed.truncate(MAX_CANDIDATES);
            summed.sort_unstable_by_key(|&(id, _)| id);
        }
        summed.into_iter().map(|(id, _)| id).collect()
    }
}
