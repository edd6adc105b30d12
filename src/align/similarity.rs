//! How alike two claims are, seeing through paraphrase: TF-IDF over stems and word bigrams with
//! the document frequencies of the whole story (a word every outlet uses in every sentence says
//! little; a name or a figure says a lot), character n-grams for short claims, and containment
//! for a claim carried inside a longer sentence.

use crate::text::facts::{self, Facts};

use super::claims::{Claim, Vocabulary};

/// Weight of a word bigram relative to a single stem: bigrams reward shared phrasing without
/// letting word order decide (paraphrases reorder).
const BIGRAM_WEIGHT: f32 = 0.25;

/// Share of the character n-gram cosine in the similarity of two short claims.
const GRAM_SHARE: f64 = 0.5;

/// How far agreeing facts raise the similarity toward 1: a shared figure or name is strong
/// evidence of the same claim, but not proof (two claims of one story share names).
const FACT_BOOST: f64 = 0.3;

/// Facts raise only a similarity the wording already supports: two claims sharing a name and
/// nothing else are not the same claim.
const FACT_MIN_TEXT: f64 = 0.1;

/// Term statistics of one story: the inverse document frequency of every term, counting each
/// claim of each outlet as a document.
#[derive(Debug, Clone)]
pub struct StoryModel {
    df: Vec<u32>,
    idf: Vec<f32>,
    figure: Vec<bool>,
}

impl StoryModel {
    /// Counts document frequencies over `claims` (every claim of every outlet of the story).
    pub fn new<'a>(vocabulary: &Vocabulary, claims: impl IntoIterator<Item = &'a Claim>) -> Self {
        let terms = vocabulary.len();
        let mut df = vec![0u32; terms];
        let mut last_seen = vec![usize::MAX; terms];
        let mut documents = 0usize;
        for (document, claim) in claims.into_iter().enumerate() {
            documents += 1;
            let t = &claim.terms;
            for &term in t.stems.iter().chain(&t.bigrams).chain(&t.grams) {
                let slot = term as usize;
                if last_seen[slot] != document {
                    last_seen[slot] = document;
                    df[slot] += 1;
                }
            }
        }
        let n = documents.max(1) as f32;
        let idf = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f32).ln())
            .collect();
        let figure = (0..terms).map(|t| vocabulary.is_figure(t as u32)).collect();
        StoryModel { df, idf, figure }
    }

    /// In how many claims of the story `term` occurs.
    pub fn df(&self, term: u32) -> u32 {
        self.df.get(term as usize).copied().unwrap_or(0)
    }

    fn idf(&self, term: u32) -> f32 {
        self.idf.get(term as usize).copied().unwrap_or(0.0)
    }

    /// The weighted features of one claim.
    pub fn features(&self, claim: &Claim) -> Features {
        let mut words: Vec<(u32, f32)> = Vec::with_capacity(claim.terms.stems.len() * 2);
        words.extend(claim.terms.stems.iter().map(|&t| (t, self.idf(t))));
        words.extend(
            claim
                .terms
                .bigrams
                .iter()
                .map(|&t| (t, self.idf(t) * BIGRAM_WEIGHT)),
        );
        let words = SparseVector::summed(words);
        let mut stems: Vec<(u32, f32)> = claim
            .terms
            .stems
            .iter()
            .map(|&t| (t, self.idf(t)))
            .collect();
        stems.sort_unstable_by_key(|&(t, _)| t);
        stems.dedup_by_key(|&mut (t, _)| t);
        let grams = SparseVector::summed(
            claim
                .terms
                .grams
                .iter()
                .map(|&t| (t, self.idf(t)))
                .collect(),
        );
        let wording = SparseVector::summed(
            stems
                .iter()
                .filter(|&&(t, _)| !self.figure.get(t as usize).copied().unwrap_or(false))
                .copied()
                .collect(),
        );
        let mut rare: Vec<(u32, f32)> = stems.clone();
        rare.sort_by_key(|&(t, _)| (self.df(t), t));
        Features {
            words,
            stems: SparseVector::summed(stems),
            wording,
            grams,
            rare,
            figures: figures(&claim.facts),
        }
    }
}

/// A sparse vector of term weights, sorted by term id, with its Euclidean norm.
#[derive(Debug, Clone, Default)]
pub struct SparseVector {
    entries: Vec<(u32, f32)>,
    norm: f32,
    total: f32,
}

impl SparseVector {
    /// Sums the weights of repeated terms.
    pub fn summed(mut entries: Vec<(u32, f32)>) -> Self {
        entries.sort_unstable_by_key(|&(t, _)| t);
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(entries.len());
        for (term, weight) in entries {
            match merged.last_mut() {
                Some(last) if last.0 == term => last.1 += weight,
                _ => merged.push((term, weight)),
            }
        }
        let norm = merged.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        let total = merged.iter().map(|&(_, w)| w).sum();
        SparseVector {
            entries: merged,
            norm,
            total,
        }
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The sum of the two vectors.
    fn plus(&self, other: &SparseVector) -> SparseVector {
        SparseVector::summed(self.entries.iter().chain(&other.entries).copied().collect())
    }

    /// Visits the terms both vectors hold, with both weights.
    fn shared(&self, other: &SparseVector, mut visit: impl FnMut(f32, f32)) {
        let (mut i, mut j) = (0, 0);
        let (a, b) = (&self.entries, &other.entries);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    visit(a[i].1, b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
    }

    /// Cosine of the angle between the two vectors, 0 when either is empty.
    pub fn cosine(&self, other: &SparseVector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let mut dot = 0.0f32;
        self.shared(other, |x, y| dot += x * y);
        f64::from((dot / (self.norm * other.norm)).clamp(0.0, 1.0))
    }

    /// The share of this vector's total weight whose terms `other` also holds.
    fn covered_by(&self, other: &SparseVector) -> f64 {
        if self.total == 0.0 {
            return 0.0;
        }
        let mut covered = 0.0f32;
        self.shared(other, |x, _| covered += x);
        f64::from((covered / self.total).clamp(0.0, 1.0))
    }
}

/// The weighted features of one claim (or of two adjacent claims read as one).
#[derive(Debug, Clone)]
pub struct Features {
    /// Stems and bigrams, TF-IDF weighted.
    words: SparseVector,
    /// Distinct stems with their IDF, for containment.
    stems: SparseVector,
    /// The distinct stems that are not figures: the wording around the claim's numbers.
    wording: SparseVector,
    /// Character n-grams (empty unless the claim is short).
    grams: SparseVector,
    /// Distinct stems with their IDF, rarest in the story first (for the candidate index).
    pub rare: Vec<(u32, f32)>,
    /// The claim's figures, dates and quotes: the facts that single a claim out (names do
    /// not: several claims of a story name the same people).
    figures: Facts,
}

impl Features {
    /// The features of two adjacent claims read as one passage (a claim split in two);
    /// `facts` are those of the joined text.
    pub fn joined(&self, next: &Features, facts: &Facts) -> Features {
        let mut rare = self.rare.clone();
        rare.extend(
            next.rare
                .iter()
                .filter(|t| !self.rare.iter().any(|r| r.0 == t.0)),
        );
        Features {
            words: self.words.plus(&next.words),
            stems: self.stems.plus(&next.stems),
            wording: self.wording.plus(&next.wording),
            grams: SparseVector::default(),
            rare,
            figures: figures(facts),
        }
    }
}

/// Similarity of two claims, 0.0 to 1.0: the TF-IDF cosine of stems and bigrams, blended with
/// the character n-gram cosine when both claims are short, then raised by the share of facts
/// (figures, dates, quotes, names) the two state alike.
pub fn similarity(a: &Features, b: &Features) -> f64 {
    similarity_of(a, b, a.words.cosine(&b.words), fact_overlap(a, b))
}

/// [`similarity`] from the pair's word cosine and fact overlap, already measured.
fn similarity_of(a: &Features, b: &Features, cosine: f64, overlap: f64) -> f64 {
    let mut text = cosine;
    if !a.grams.is_empty() && !b.grams.is_empty() {
        text = (1.0 - GRAM_SHARE) * text + GRAM_SHARE * a.grams.cosine(&b.grams);
    }
    if text < FACT_MIN_TEXT || a.figures.is_empty() || b.figures.is_empty() {
        return text;
    }
    text + (1.0 - text) * FACT_BOOST * overlap
}

/// The share of facts two claims state alike (0 when either states none).
fn fact_overlap(a: &Features, b: &Features) -> f64 {
    if a.figures.is_empty() || b.figures.is_empty() {
        0.0
    } else {
        facts::fact_overlap(&a.figures, &b.figures)
    }
}

/// Whether both claims state figures, dates or quotes and none of them agree: contrary evidence
/// that outweighs a weak likeness of wording (a strong one is the same claim with a fact changed).
pub fn figures_disagree(a: &Features, b: &Features) -> bool {
    !a.figures.is_empty()
        && !b.figures.is_empty()
        && facts::fact_overlap(&a.figures, &b.figures) == 0.0
}

/// How alike the wording of two claims is with their figures left out, 0.0 to 1.0: near 1 for
/// the same sentence with every number changed ("The vote was 7 to 2." / "6 to 3.").
pub fn wording_similarity(a: &Features, b: &Features) -> f64 {
    a.wording.cosine(&b.wording)
}

/// The facts of `facts` that single a claim out: quantities, dates and quotes (but for a
/// sentence quoted as a whole inside a longer quote: its words are compared as wording).
fn figures(facts: &Facts) -> Facts {
    Facts {
        quantities: facts.quantities.clone(),
        dates: facts.dates.clone(),
        quotes: facts
            .quotes
            .iter()
            .filter(|q| !q.unmarked)
            .cloned()
            .collect(),
        ..Facts::default()
    }
}

/// How much of claim `a` (by IDF weight of its stems) passage `b` carries, 0.0 to 1.0: near 1
/// when `b` holds `a` whole, even inside a longer sentence that merges several claims.
pub fn carried(a: &Features, b: &Features) -> f64 {
    a.stems.covered_by(&b.stems)
}

/// How many distinct stems of weight (known to the story) `a` has, and how many of them `b`
/// shares.
pub fn stems_shared(a: &Features, b: &Features) -> (usize, usize) {
    let weighted = a.stems.entries.iter().filter(|&&(_, w)| w > 0.0).count();
    let mut shared = 0;
    a.stems
        .shared(&b.stems, |x, _| shared += usize::from(x > 0.0));
    (weighted, shared)
}

/// How many measurements [`pair_features`] takes of a pair of claims.
pub const PAIR_FEATURES: usize = 11;

/// The index of [`similarity`] among [`pair_features`]' measurements.
pub const SIMILARITY: usize = 0;

/// The names of [`pair_features`]' measurements, in order (the keys of the scorer's weights).
pub const PAIR_FEATURE_NAMES: [&str; PAIR_FEATURES] = [
    "similarity",
    "claim_carried",
    "passage_carried",
    "word_cosine",
    "facts_agree",
    "facts_disagree",
    "shared_stems",
    "shared_weight",
    "length_ratio",
    "claim_carried_weight",
    "passage_carried_weight",
];

/// What the match scorer sees of claim `a` against passage `b`, each measurement in 0..=1:
/// [`similarity`], how much of `a` the passage carries and of the passage `a` explains
/// ([`carried`] both ways, each scaled by how many stems back it: a claim of one word wholly
/// carried by a sentence that shares that word is one word of evidence, not a whole claim
/// carried), the plain TF-IDF cosine, whether their figures agree or all
/// disagree, how many distinct stems they share and how much IDF weight (both saturating), the
/// ratio of their lengths in stems, and each carried share times the shared weight (a short
/// passage wholly inside a long claim counts only when what they share is substantial).
pub fn pair_features(a: &Features, b: &Features) -> [f64; PAIR_FEATURES] {
    let mut shared = 0usize;
    let mut weight = 0.0f32;
    a.stems.shared(&b.stems, |x, _| {
        shared += 1;
        weight += x;
    });
    let (la, lb) = (a.stems.entries.len(), b.stems.entries.len());
    let evidence = 1.0 - (-(shared as f64) / CARRIED_EVIDENCE_SCALE).exp();
    let (claim_carried, passage_carried) = (carried(a, b) * evidence, carried(b, a) * evidence);
    let shared_weight = 1.0 - (-f64::from(weight) / SHARED_WEIGHT_SCALE).exp();
    let cosine = a.words.cosine(&b.words);
    let overlap = fact_overlap(a, b);
    let both_state_figures = !a.figures.is_empty() && !b.figures.is_empty();
    [
        similarity_of(a, b, cosine, overlap),
        claim_carried,
        passage_carried,
        cosine,
        overlap,
        f64::from(u8::from(both_state_figures && overlap == 0.0)),
        1.0 - (-(shared as f64) / SHARED_STEMS_SCALE).exp(),
        shared_weight,
        la.min(lb) as f64 / la.max(lb).max(1) as f64,
        claim_carried * shared_weight,
        passage_carried * shared_weight,
    ]
}

/// Shared distinct stems at which a carried share counts 63% (1: 39%, 4: 86%). Measured with
/// `cargo bench --bench real_eval` and the scorer refitted: unrelated-article false matches
/// 0.58% -> 0.24%, BASIL shared carried F1 0.609 -> 0.630, our labels 0.790 -> 0.804.
const CARRIED_EVIDENCE_SCALE: f64 = 2.0;

/// Shared distinct stems at which the `shared_stems` measurement reaches 63%.
const SHARED_STEMS_SCALE: f64 = 4.0;

/// Shared IDF weight at which the `shared_weight` measurement reaches 63% (about three rare
/// words of a story).
const SHARED_WEIGHT_SCALE: f64 = 10.0;

/// A set of free-standing sentences weighted as one story: the same similarity the engine uses,
/// for evaluating it on sentence pairs.
#[derive(Debug)]
pub struct SentenceSet {
    features: Vec<Features>,
}

impl SentenceSet {
    /// Weighs `sentences` (each one claim) against each other.
    pub fn new(sentences: &[&str]) -> SentenceSet {
        let mut vocabulary = Vocabulary::for_story(sentences.iter().copied());
        let claims: Vec<Claim> = sentences
            .iter()
            .map(|s| {
                Claim::new(
                    s,
                    Some(crate::model::TextSpan {
                        paragraph: 0,
                        start: 0,
                        end: s.len(),
                    }),
                    &mut vocabulary,
                )
            })
            .collect();
        let model = StoryModel::new(&vocabulary, &claims);
        SentenceSet {
            features: claims.iter().map(|c| model.features(c)).collect(),
        }
    }

    /// The scorer's measurements of sentence `a` against sentence `b` (indexes into the set).
    pub fn pair_features(&self, a: usize, b: usize) -> [f64; PAIR_FEATURES] {
        pair_features(&self.features[a], &self.features[b])
    }

    /// Similarity of sentences `a` and `b` (indexes into the set), 0.0 when out of range.
    pub fn similarity(&self, a: usize, b: usize) -> f64 {
        match (self.features.get(a), self.features.get(b)) {
            (Some(a), Some(b)) => similarity(a, b),
            _ => 0.0,
        }
    }
}
