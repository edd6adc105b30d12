//! Which of two articles appeared first, from the times known: publication (a date, or a date
//! and time with its offset) and fetch time (RFC 3339). A page was there when it was fetched,
//! so an article fetched before the other's publication day began came first; two publication
//! dates tell only when they differ at the precision both have (two articles of one day do not
//! tell).

use jiff::Timestamp;
use jiff::civil::Date;

use super::{OutletTime, PairTimes};
use crate::model::OutletEntry;

/// A publication time as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Published {
    /// A date alone.
    Day(Date),
    /// An instant (a date and time with an offset).
    Instant(Timestamp, Date),
}

impl Published {
    fn day(self) -> Date {
        match self {
            Published::Day(d) | Published::Instant(_, d) => d,
        }
    }
}

fn published(text: &str) -> Option<Published> {
    if let Ok(at) = text.parse::<Timestamp>() {
        let day = text.get(..10).and_then(|d| d.parse::<Date>().ok())?;
        return Some(Published::Instant(at, day));
    }
    text.get(..10)
        .and_then(|d| d.parse::<Date>().ok())
        .map(Published::Day)
}

fn fetched(entry: &OutletEntry) -> Option<Timestamp> {
    entry.fetched_at.as_deref()?.parse().ok()
}

/// Whether `x` appeared before `y`, and why.
fn before(x: &OutletEntry, y: &OutletEntry) -> Option<String> {
    let (px, py) = (
        x.published.as_deref().and_then(published),
        y.published.as_deref().and_then(published),
    );
    match (px, py) {
        (Some(Published::Instant(a, _)), Some(Published::Instant(b, _))) if a < b => {
            return Some(format!(
                "{} published {} before {} ({})",
                x.id,
                x.published.as_deref().unwrap_or_default(),
                y.id,
                y.published.as_deref().unwrap_or_default()
            ));
        }
        (Some(a), Some(b)) if a.day() < b.day() => {
            return Some(format!(
                "{} published {} before {} ({})",
                x.id,
                a.day(),
                y.id,
                b.day()
            ));
        }
        _ => {}
    }
    // Fetched before the other's publication day began anywhere on earth (UTC+14).
    let fetched_x = fetched(x)?;
    let day_y = py?.day();
    let day_start = jiff::tz::offset(14)
        .to_timestamp(day_y.at(0, 0, 0, 0))
        .ok()?;
    (fetched_x < day_start).then(|| {
        format!(
            "{} fetched {} before {} was published ({})",
            x.id,
            x.fetched_at.as_deref().unwrap_or_default(),
            y.id,
            day_y
        )
    })
}

/// The times of a pair and which came first when they tell.
pub(crate) fn pair_times(a: &OutletEntry, b: &OutletEntry) -> PairTimes {
    let time = |o: &OutletEntry| OutletTime {
        outlet: o.id.clone(),
        published: o.published.clone(),
        fetched_at: o.fetched_at.clone(),
    };
    let (earlier, why) = match (before(a, b), before(b, a)) {
        (Some(why), None) => (Some(a.id.clone()), Some(why)),
        (None, Some(why)) => (Some(b.id.clone()), Some(why)),
        _ => (None, None),
    };
    PairTimes {
        a: time(a),
        b: time(b),
        earlier,
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, published: Option<&str>, fetched: Option<&str>) -> OutletEntry {
        OutletEntry {
            id: id.into(),
            published: published.map(String::from),
            fetched_at: fetched.map(String::from),
            ..OutletEntry::default()
        }
    }

    #[test]
    fn dates_tell_when_they_differ_and_instants_within_a_day() {
        let a = entry("a", Some("2021-01-05"), None);
        let b = entry("b", Some("2021-01-06T08:00:00+08:00"), None);
        assert_eq!(pair_times(&a, &b).earlier.as_deref(), Some("a"));
        assert_eq!(pair_times(&b, &a).earlier.as_deref(), Some("a"));
        let c = entry("c", Some("2021-01-06T07:00:00+08:00"), None);
        assert_eq!(pair_times(&b, &c).earlier.as_deref(), Some("c"));
        let d = entry("d", Some("2021-01-06"), None);
        assert_eq!(
            pair_times(&b, &d).earlier,
            None,
            "one day, one of them a date alone"
        );
    }

    #[test]
    fn a_page_fetched_before_the_other_was_published_came_first() {
        let a = entry("a", None, Some("2021-01-03T10:00:00Z"));
        let b = entry("b", Some("2021-01-05"), None);
        let times = pair_times(&a, &b);
        assert_eq!(times.earlier.as_deref(), Some("a"));
        assert!(times.why.unwrap().contains("fetched"));
        let late = entry("a", None, Some("2021-01-05T10:00:00Z"));
        assert_eq!(pair_times(&late, &b).earlier, None);
    }
}
