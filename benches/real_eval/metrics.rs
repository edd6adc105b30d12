//! The figures every set is scored by: three-way outcomes, accuracy, F1 and macro-F1.

/// What is said of a claim against one other text, in the evaluation's three classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Carried, nothing that conflicts (details added or dropped allowed).
    Appears,
    /// Carried, with a conflict (or, where the set says so, any change).
    Differs,
    /// Not carried.
    Missing,
}

impl Outcome {
    /// The three classes, in the order of confusion tables.
    pub const ALL: [Outcome; 3] = [Outcome::Appears, Outcome::Differs, Outcome::Missing];

    /// Reads a shared-data label (`appears` / `differs` / `missing`).
    pub fn parse(label: &str) -> Outcome {
        match label {
            "appears" => Outcome::Appears,
            "differs" => Outcome::Differs,
            _ => Outcome::Missing,
        }
    }

    /// Appears or differs.
    pub fn carried(self) -> bool {
        self != Outcome::Missing
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Share of (prediction, truth) pairs that agree.
pub fn accuracy<T: PartialEq>(pairs: &[(T, T)]) -> f64 {
    if pairs.is_empty() {
        return 0.0;
    }
    pairs.iter().filter(|(p, t)| p == t).count() as f64 / pairs.len() as f64
}

/// F1, precision and recall of the positive class, from (predicted, true) pairs.
pub fn f1(pairs: &[(bool, bool)]) -> (f64, f64, f64) {
    let tp = pairs.iter().filter(|&&(p, t)| p && t).count() as f64;
    let fp = pairs.iter().filter(|&&(p, t)| p && !t).count() as f64;
    let fn_ = pairs.iter().filter(|&&(p, t)| !p && t).count() as f64;
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (f1, precision, recall)
}

/// Mean F1 over the three outcomes, from (predicted, true) pairs.
pub fn macro_f1(pairs: &[(Outcome, Outcome)]) -> f64 {
    let per_class: Vec<f64> = Outcome::ALL
        .iter()
        .map(|&class| {
            let binary: Vec<(bool, bool)> = pairs
                .iter()
                .map(|&(p, t)| (p == class, t == class))
                .collect();
            f1(&binary).0
        })
        .collect();
    per_class.iter().sum::<f64>() / per_class.len() as f64
}

/// Counts of (predicted, true) outcomes: `table[true][predicted]`.
pub fn confusion(pairs: &[(Outcome, Outcome)]) -> [[usize; 3]; 3] {
    let mut table = [[0; 3]; 3];
    for &(p, t) in pairs {
        table[t.index()][p.index()] += 1;
    }
    table
}

/// Candidate thresholds from 0 to 1 in steps of 0.01.
pub fn thresholds() -> impl Iterator<Item = f64> + Clone {
    (0..=100).map(|i| i as f64 / 100.0)
}

/// What a judgement accepts as the right outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    /// Exactly this outcome.
    Is(Outcome),
    /// Any carried outcome (JUDGING.md's `partial`); a `missing` is scored against `appears`.
    Carried,
}

impl Truth {
    /// The outcome `predicted` is scored against.
    pub fn against(self, predicted: Outcome) -> Outcome {
        match self {
            Truth::Is(outcome) => outcome,
            Truth::Carried if predicted.carried() => predicted,
            Truth::Carried => Outcome::Appears,
        }
    }
}
