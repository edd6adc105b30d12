//! How alike two feed items are: the IDF-weighted cosine of the character trigrams of their
//! content words (each word padded with a space on both sides, stopwords left out), the
//! document frequencies counted over all the items at once.
//!
//! Headlines are short and two outlets word one event differently: trigrams see through
//! inflection (`dies` / `died`), compounds and spellings of names (`Demjanjuk`), and a rare
//! name weighs more than a common word. On the iSTS headline pairs this beat both the
//! engine's claim similarity (stems, bigrams, figures) and plain word TF-IDF: see
//! `benches/discover_eval.rs`.

use rustc_hash::FxHashMap;

use crate::align::similarity::SparseVector;
use crate::text::tokens::tokenize;

/// Characters of one gram.
const GRAM: usize = 3;

/// A gram held by at most this many items (or a sixteenth of them, when more) proposes its
/// items as candidate pairs; two texts that share only common grams are not alike enough to
/// score (the speed bench of `benches/discover_eval.rs` holds 1,000 items under a second).
const MIN_RARE_DF: usize = 32;

/// The trigram vectors of a list of texts, weighted against each other.
#[derive(Debug)]
pub struct Likeness {
    vectors: Vec<SparseVector>,
    /// For each gram, the items that hold it, ascending.
    postings: Vec<Vec<usize>>,
}

impl Likeness {
    /// Weighs `texts` (one per item) against each other.
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Likeness {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let grams: Vec<Vec<u32>> = texts
            .iter()
            .map(|text| {
                grams_of(text.as_ref())
                    .into_iter()
                    .map(|gram| {
                        let next = ids.len() as u32;
                        *ids.entry(gram).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
        for (index, item) in grams.iter().enumerate() {
            for &gram in item {
                let posting = &mut postings[gram as usize];
                if posting.last() != Some(&index) {
                    posting.push(index);
                }
            }
        }
        let n = texts.len().max(1) as f32;
        let vectors = grams
            .into_iter()
            .map(|item| {
                let weighted = item
                    .into_iter()
                    .map(|gram| {
                        (
                            gram,
                            (1.0 + n / postings[gram as usize].len().max(1) as f32).ln(),
                        )
                    })
                    .collect();
                SparseVector::summed(weighted)
            })
            .collect();
        Likeness { vectors, postings }
    }

    /// The pairs `(a, b)`, `a < b`, that share a gram rare among the texts: the only ones
    /// worth scoring. Ascending, without repeats.
    pub fn candidates(&self) -> Vec<(usize, usize)> {
        let rare = MIN_RARE_DF.max(self.vectors.len() / 16);
        pairs_sharing(
            self.postings
                .iter()
                .filter(|posting| posting.len() <= rare)
                .map(Vec::as_slice),
        )
    }

    /// How alike texts `a` and `b` are (indexes into the list), 0.0 to 1.0.
    pub fn between(&self, a: usize, b: usize) -> f64 {
        match (self.vectors.get(a), self.vectors.get(b)) {
            (Some(a), Some(b)) => a.cosine(b),
            _ => 0.0,
        }
    }
}

/// Every pair `(a, b)`, `a < b`, of texts listed together in one of `postings` (each the
/// ascending indexes of the texts holding one term). Ascending, without repeats.
pub fn pairs_sharing<'a>(postings: impl Iterator<Item = &'a [usize]>) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = postings
        .flat_map(|posting| {
            posting
                .iter()
                .enumerate()
                .flat_map(move |(k, &a)| posting[k + 1..].iter().map(move |&b| (a, b)))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The character trigrams of the content words of `text`, repeats kept.
fn grams_of(text: &str) -> Vec<String> {
    let mut grams = Vec::new();
    for token in tokenize(text).into_iter().filter(|token| !token.stop) {
        let padded: Vec<char> = format!(" {} ", token.text).chars().collect();
        grams.extend(
            padded
                .windows(GRAM)
                .map(|gram| gram.iter().collect::<String>()),
        );
    }
    grams
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_event_in_other_words_is_more_alike_than_another_event() {
        let likeness = Likeness::new(&[
            "Former Nazi death camp guard Demjanjuk dead at 91",
            "John Demjanjuk, convicted Nazi death camp guard, dies aged 91",
            "Storm floods the coast of Peru",
            "Peru's coast flooded by the storm",
        ]);
        assert!(likeness.between(0, 1) > 0.4, "{}", likeness.between(0, 1));
        assert!(likeness.between(2, 3) > 0.4, "{}", likeness.between(2, 3));
        assert!(likeness.between(0, 2) < 0.1, "{}", likeness.between(0, 2));
        assert_eq!(likeness.between(0, 9), 0.0);
    }

    #[test]
    fn stopwords_alone_make_no_likeness() {
        let likeness = Likeness::new(&["The and of the", "of the and the"]);
        assert_eq!(likeness.between(0, 1), 0.0);
    }
}
