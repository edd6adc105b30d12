//! Collections: many stories compared in parallel across cores and written as one report
//! (`parallax compare --all`). [`map_in_order`] runs the jobs; [`CollectionWriter`] gathers the
//! comparisons, in the stories' order, into one CSV table or one SQLite database.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::csv::CsvWriter;
use super::sqlite::SqliteWriter;
use super::{Format, Options, ReportError};
use crate::model::Comparison;

/// Runs `job` on every item with up to `threads` threads and hands each result to `sink` on the
/// calling thread, in the items' order (so output is the same whatever the scheduling). A
/// panicking job stops only that item: `sink` gets `Err` with the panic's message.
pub fn map_in_order<T, R, J, S>(items: &[T], threads: usize, job: J, mut sink: S)
where
    T: Sync,
    R: Send,
    J: Fn(&T) -> R + Sync,
    S: FnMut(usize, Result<R, String>),
{
    let threads = threads.clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, Result<R, String>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, job) = (&next, &job);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(index) else { break };
                    let result =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(item)))
                            .map_err(|panic| panic_message(panic.as_ref()));
                    if sender.send((index, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (index, result) in receiver {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&due) {
                sink(due, result);
                due += 1;
            }
        }
    });
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    format!("internal error (panic): {message}")
}

/// The number of threads to use: one per core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// One report holding many comparisons: a CSV table or a SQLite database.
pub enum CollectionWriter {
    /// Rows of every comparison under one header.
    Csv(Box<CsvWriter<Vec<u8>>>),
    /// Every comparison in one database.
    Sqlite(SqliteWriter),
}

impl CollectionWriter {
    /// Starts a collection report; only CSV and SQLite can hold several stories.
    pub fn new(format: Format, options: Options) -> Result<Self, ReportError> {
        match format {
            Format::Csv => Ok(CollectionWriter::Csv(Box::new(CsvWriter::new(
                Vec::new(),
                options,
            )?))),
            Format::Sqlite => Ok(CollectionWriter::Sqlite(SqliteWriter::new()?)),
            other => Err(ReportError::Unsupported(format!(
                "a collection is written as csv or sqlite, not {}",
                other.extension()
            ))),
        }
    }

    /// Adds one story's comparison.
    pub fn add(&mut self, comparison: &Comparison) -> Result<(), ReportError> {
        match self {
            CollectionWriter::Csv(writer) => writer.write_comparison(comparison),
            CollectionWriter::Sqlite(writer) => writer.write_comparison(comparison),
        }
    }

    /// The report's bytes.
    pub fn finish(self) -> Result<Vec<u8>, ReportError> {
        match self {
            CollectionWriter::Csv(writer) => writer.finish(),
            CollectionWriter::Sqlite(writer) => writer.finish(),
        }
    }
}

/// Across the stories of a collection, how often and how much one outlet derives from another
/// (`compare --all` prints it; the SQLite view `provenance_outlet_pairs` holds the same).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProvenanceTally {
    /// For each pair of outlets (in sorted order), the stories both are in.
    together: BTreeMap<(String, String), usize>,
    /// For each (source, derived), the direct derivations found.
    derived: BTreeMap<(String, String), DerivedTally>,
}

/// The derivations of one outlet from another across stories.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DerivedTally {
    /// Stories where `derived` derives wholly from `source`.
    pub wholly: usize,
    /// Stories where it derives partially.
    pub partially: usize,
    /// The sum of the shares (for the mean).
    share_sum: f64,
    /// The stories, in the order added.
    pub stories: Vec<String>,
}

impl ProvenanceTally {
    /// Adds one story's relations.
    pub fn add(&mut self, comparison: &Comparison) {
        for pair in &comparison.provenance.pairs {
            let key = if pair.a <= pair.b {
                (pair.a.clone(), pair.b.clone())
            } else {
                (pair.b.clone(), pair.a.clone())
            };
            *self.together.entry(key).or_default() += 1;
        }
        for relation in comparison.provenance.derivations() {
            if relation.direction.is_none() || relation.via.is_some() {
                continue;
            }
            let entry = self
                .derived
                .entry((relation.source.clone(), relation.derived.clone()))
                .or_default();
            match relation.class {
                crate::provenance::DerivationClass::Wholly => entry.wholly += 1,
                _ => entry.partially += 1,
            }
            entry.share_sum += relation.share;
            entry.stories.push(comparison.story.clone());
        }
    }

    /// How many stories hold both outlets.
    pub fn together(&self, a: &str, b: &str) -> usize {
        let key = if a <= b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        };
        self.together.get(&key).copied().unwrap_or(0)
    }

    /// Every (source, derived) pair found, most frequent first.
    pub fn derivations(&self) -> Vec<(&str, &str, &DerivedTally)> {
        let mut out: Vec<(&str, &str, &DerivedTally)> = self
            .derived
            .iter()
            .map(|((s, d), t)| (s.as_str(), d.as_str(), t))
            .collect();
        out.sort_by(|a, b| {
            (b.2.wholly + b.2.partially)
                .cmp(&(a.2.wholly + a.2.partially))
                .then_with(|| (a.0, a.1).cmp(&(b.0, b.1)))
        });
        out
    }

    /// One line per (source, derived): `meridian → clearsky: in 3 of 4 stories both are in (2
    /// wholly, 1 partially), mean share 88%`.
    pub fn lines(&self) -> Vec<String> {
        self.derivations()
            .into_iter()
            .map(|(source, derived, t)| {
                let n = t.wholly + t.partially;
                format!(
                    "{source} → {derived}: in {n} of {} stories both are in ({} wholly, {} partially), mean share {:.0}%",
                    self.together(source, derived),
                    t.wholly,
                    t.partially,
                    100.0 * t.share_sum / n.max(1) as f64
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_order_and_a_panic_stays_with_its_item() {
        let items: Vec<u32> = (0..50).collect();
        let mut seen = Vec::new();
        map_in_order(
            &items,
            4,
            |&n| {
                assert!(n != 7, "seven is bad");
                n * 2
            },
            |index, result| seen.push((index, result)),
        );
        assert_eq!(seen.len(), 50);
        for (i, (index, result)) in seen.iter().enumerate() {
            assert_eq!(*index, i);
            match result {
                Ok(v) => assert_eq!(*v, i as u32 * 2),
                Err(message) => {
                    assert_eq!(i, 7);
                    assert!(message.contains("seven is bad"), "{message}");
                }
            }
        }
    }
}
