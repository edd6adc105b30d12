//! Verbatim passages two articles share: every maximal run of at least [`MIN_RUN`] words (inside
//! one paragraph on each side) that stands in both, found through the index of each article's
//! windows of `MIN_RUN` words, so the cost is about linear in the articles' length.
//!
//! A run is a **common quote** when most of its words stand inside quotation marks on both
//! sides (both quote the same official or document), **stock** when too few of its words are
//! the writer's own choice (names, figures and function words: `University College London in
//! Britain, Université Paris-Saclay and Le Mans Université in France` is what any report naming
//! those universities writes), and a **copy** otherwise: beyond what chance gives two writers.

use super::words::{OutletWords, window_hash};
use super::{ChurnShare, MIN_RUN, Passage, RunKind, SharedRun};
use crate::model::Comparison;

/// The fewest words of the writer's choosing (not names or figures) a copy run has.
pub const COPY_FREE_WORDS: usize = 5;
/// The fewest of those that are content words (not stopwords).
pub const COPY_CONTENT_WORDS: usize = 3;

/// The shared runs of outlets `i` and `j` (in `i`'s order), their churn shares, and which of
/// `i`'s words stand in a run.
pub(crate) fn shared_runs(
    comparison: &Comparison,
    texts: &[OutletWords],
    i: usize,
    j: usize,
) -> (Vec<SharedRun>, ChurnShare, Vec<bool>) {
    let (x, y) = (&texts[i], &texts[j]);
    let raw = maximal_runs(x, y);
    let mut covered_x = vec![None::<RunKind>; x.len()];
    let mut covered_y = vec![None::<RunKind>; y.len()];
    let mut runs = Vec::new();
    for &(at_x, at_y, len) in &raw {
        let wx = &x.words[at_x..at_x + len];
        let wy = &y.words[at_y..at_y + len];
        let free_words = wx.iter().filter(|w| w.free).count();
        let content = wx.iter().filter(|w| w.content).count();
        let quoted = wx
            .iter()
            .zip(wy)
            .filter(|(a, b)| a.quoted && b.quoted)
            .count();
        let kind = if quoted * 2 > len {
            RunKind::CommonQuote
        } else if free_words >= COPY_FREE_WORDS && content >= COPY_CONTENT_WORDS {
            RunKind::Copy
        } else {
            RunKind::Stock
        };
        for slot in &mut covered_x[at_x..at_x + len] {
            *slot = strongest(*slot, kind);
        }
        for slot in &mut covered_y[at_y..at_y + len] {
            *slot = strongest(*slot, kind);
        }
        let outlet_x = &comparison.outlets[i].id;
        let outlet_y = &comparison.outlets[j].id;
        let also_in = comparison
            .outlets
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != i && k != j && texts[k].contains_run(x, at_x, len))
            .map(|(_, o)| o.id.clone())
            .collect();
        runs.push(SharedRun {
            kind,
            words: len,
            free_words,
            a: passage(comparison, outlet_x, wx),
            b: passage(comparison, outlet_y, wy),
            also_in,
        });
    }
    let share = |covered: &[Option<RunKind>], copied: bool| {
        if covered.is_empty() {
            return 0.0;
        }
        let n = covered
            .iter()
            .filter(|k| k.is_some_and(|k| !copied || k == RunKind::Copy))
            .count();
        n as f64 / covered.len() as f64
    };
    let churn = ChurnShare {
        a: share(&covered_x, false),
        b: share(&covered_y, false),
        a_copied: share(&covered_x, true),
        b_copied: share(&covered_y, true),
    };
    let in_run = covered_x.iter().map(Option::is_some).collect();
    (runs, churn, in_run)
}

/// Of two kinds covering one word, the one that counts most (a copy over a quote over stock).
fn strongest(current: Option<RunKind>, new: RunKind) -> Option<RunKind> {
    let rank = |k: RunKind| match k {
        RunKind::Copy => 2,
        RunKind::CommonQuote => 1,
        RunKind::Stock => 0,
    };
    Some(match current {
        Some(c) if rank(c) >= rank(new) => c,
        _ => new,
    })
}

/// The passage a run of words covers.
fn passage(comparison: &Comparison, outlet: &str, words: &[super::words::Word]) -> Passage {
    let first = &words[0];
    let last = &words[words.len() - 1];
    Passage::at(comparison, outlet, first.paragraph, first.start, last.end)
}

/// Every maximal run `(position in x, position in y, length)` of at least `MIN_RUN` words that
/// stands in both inside one paragraph on each side, in `x`'s order.
pub(crate) fn maximal_runs(x: &OutletWords, y: &OutletWords) -> Vec<(usize, usize, usize)> {
    let mut runs = Vec::new();
    let same = |i: usize, j: usize| x.words[i].key == y.words[j].key;
    for j in 0..y.len() {
        let Some(hash) = window_hash(&y.words, j) else {
            continue;
        };
        for i in x.window_starts(hash) {
            if !(0..MIN_RUN).all(|k| same(i + k, j + k)) {
                continue;
            }
            // Not the start of its run when the words before match too (inside the paragraphs).
            let continues = i > 0
                && j > 0
                && x.words[i - 1].paragraph == x.words[i].paragraph
                && y.words[j - 1].paragraph == y.words[j].paragraph
                && same(i - 1, j - 1);
            if continues {
                continue;
            }
            let mut len = MIN_RUN;
            while i + len < x.len()
                && j + len < y.len()
                && x.words[i + len].paragraph == x.words[i].paragraph
                && y.words[j + len].paragraph == y.words[j].paragraph
                && same(i + len, j + len)
            {
                len += 1;
            }
            runs.push((i, j, len));
        }
    }
    runs.sort_unstable();
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OutletEntry;

    fn outlet(id: &str, paragraphs: &[&str]) -> OutletEntry {
        OutletEntry::from_text(id, "", paragraphs)
    }

    fn comparison(outlets: Vec<OutletEntry>) -> Comparison {
        crate::align::compare("s", outlets, "a", Vec::new(), &Default::default())
    }

    #[test]
    fn a_copied_passage_is_one_maximal_run_with_both_places() {
        let a = "Officials said on Monday that the bridge over the river would stay closed for repairs until the end of the month. Nothing else changed.";
        let b = "Traffic was slow. The bridge over the river would stay closed for repairs until the end of the month, they said.";
        let c = comparison(vec![outlet("a", &[a]), outlet("b", &[b])]);
        let texts: Vec<OutletWords> = c.outlets.iter().map(OutletWords::new).collect();
        let (runs, churn, _) = shared_runs(&c, &texts, 0, 1);
        assert_eq!(runs.len(), 1, "{runs:?}");
        let run = &runs[0];
        assert_eq!(run.kind, RunKind::Copy);
        assert_eq!(run.words, 16);
        assert_eq!(
            run.a.text,
            "the bridge over the river would stay closed for repairs until the end of the month"
        );
        assert_eq!(
            &b[run.b.start..run.b.end],
            "The bridge over the river would stay closed for repairs until the end of the month"
        );
        assert!(churn.b > 0.7 && churn.a > 0.6, "{churn:?}");
    }

    #[test]
    fn a_shared_quote_and_a_list_of_names_are_not_copies() {
        let a = "The minister said: “We will rebuild every school that the storm destroyed this year.” She spoke in Lyon, Paris, Nice and Le Mans in France on Friday.";
        let b = "“We will rebuild every school that the storm destroyed this year,” the minister told reporters, after visits to Lyon, Paris, Nice and Le Mans in France.";
        let c = comparison(vec![outlet("a", &[a]), outlet("b", &[b])]);
        let texts: Vec<OutletWords> = c.outlets.iter().map(OutletWords::new).collect();
        let (runs, churn, _) = shared_runs(&c, &texts, 0, 1);
        let kinds: Vec<RunKind> = runs.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RunKind::CommonQuote, RunKind::Stock], "{runs:?}");
        assert_eq!(churn.a_copied, 0.0);
        assert!(churn.a > 0.4);
    }

    #[test]
    fn a_page_repeating_one_phrase_starts_no_run_and_stays_fast() {
        let phrase = "the board said the plan would go ahead next year as agreed ";
        let text = phrase.repeat(4000);
        let outlets = [outlet("a", &[&text]), outlet("b", &[&text])];
        let x = OutletWords::new(&outlets[0]);
        let y = OutletWords::new(&outlets[1]);
        let start = std::time::Instant::now();
        let runs = maximal_runs(&x, &y);
        assert!(
            runs.len() <= 2 * super::super::words::MAX_WINDOW_REPEATS,
            "{}",
            runs.len()
        );
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
