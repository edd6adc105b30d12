//! Dates and times, absolute (`Nov. 17, 2020`, `June 2020`, `in 2019`, `3 p.m.`) and relative
//! (`last November`, `last year`, `yesterday`, `three days ago`), each with its specificity.
//!
//! Without the article's publication date a relative date cannot be resolved, so two dates are
//! compared field by field: they conflict when a field both state differs (`2019` vs `2020`,
//! `last year` vs `next year`); otherwise they are compatible, and the one that states less
//! (a month where the other gives the day) is *less specific*. `Nov. 17, 2020` and
//! `November 17, 2020` are the same date; `last year` and `in 2019` are compatible, and so are
//! `the 1980s` and `1985`. A date right after a reporting verb (`officials said Sunday`) dates
//! the report, not the events, and is never put for a date of the events. A span before a
//! clause (`stuck for six days before tugs freed it`), or after `for` (`faulty for three days
//! before the collision`), tells how long, and is no date.

use super::lex::{Kind, Lower, Word};

/// A date relative to when the article was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relative {
    /// Steps back (negative: `last`, `ago`, `yesterday`), now (0: `this`, `today`) or ahead.
    pub offset: i32,
    /// What is counted: `day`, `week`, `month`, `year`, `season`; empty for a named month or
    /// weekday (`last November`).
    pub unit: &'static str,
}

/// One date or time of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFact {
    /// Year, when stated.
    pub year: Option<i32>,
    /// Month 1–12, when stated.
    pub month: Option<u8>,
    /// Day of the month, when stated (the last day of a range of days).
    pub day: Option<u8>,
    /// The first day of a range of days (`28 to 31 August`), when one is given.
    pub first_day: Option<u8>,
    /// Day of the week 1 (Monday) – 7, when stated.
    pub weekday: Option<u8>,
    /// Time of day in minutes after midnight, when stated.
    pub minutes: Option<u16>,
    /// The offset from UTC in minutes of the time zone the time of day names (`6 p.m. EDT`:
    /// -240), when it names one of [`TIME_ZONES`].
    pub utc_offset: Option<i16>,
    /// The relative part (`last`, `ago`, `yesterday`), when stated.
    pub relative: Option<Relative>,
    /// A decade (`the 1980s`): `year` is its first year.
    pub decade: bool,
    /// The date of the report rather than of the events it tells: right after a neutral
    /// reporting verb (`officials said Tuesday`, `said on Sunday`).
    pub of_report: bool,
    /// The date as written, without its preposition (`Nov. 17, 2020`, `last November`).
    pub text: String,
}

impl DateFact {
    /// How precise the date is: 1 year, 2 month, 3 week, 4 day, 5 time of day (0 for a date that
    /// names nothing checkable).
    pub fn specificity(&self) -> u8 {
        let relative_level = self.relative.map_or(0, |r| match r.unit {
            "year" => 1,
            "season" | "month" => 2,
            "week" | "weekend" => 3,
            "day" => 4,
            _ => 0,
        });
        let absolute_level = if self.minutes.is_some() {
            5
        } else if self.day.is_some() || self.weekday.is_some() {
            4
        } else if self.month.is_some() {
            2
        } else if self.year.is_some() {
            1
        } else {
            0
        };
        relative_level.max(absolute_level)
    }

    /// Whether no field both dates state differs.
    pub fn compatible(&self, other: &DateFact) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        // `the 1980s` holds `1985`.
        let years_agree = match (self.year, other.year) {
            (Some(a), Some(b)) if self.decade || other.decade => a / 10 == b / 10,
            (a, b) => agree(a, b),
        };
        // Days counted from when each outlet wrote, which may be a day apart (a wire story
        // at night, a paper's in the morning): `yesterday` and `today` may be one day.
        let relative_agree = match (self.relative, other.relative) {
            (Some(a), Some(b)) => {
                a.unit != b.unit
                    || a.offset == b.offset
                    || (a.unit == "day" && (a.offset - b.offset).abs() == 1)
            }
            _ => true,
        };
        // A weekday alone (`on Thursday`) falls within a week or so of the report, so never
        // years, months or weeks away (`two years ago`, `last year`).
        let far_from_weekday = |date: &DateFact, weekday: &DateFact| {
            weekday.is_bare_weekday()
                && date.relative.is_some_and(|r| match r.unit {
                    "year" => r.offset != 0,
                    "season" | "month" | "week" => r.offset.abs() >= 2,
                    "day" => r.offset.abs() >= 8,
                    _ => false,
                })
        };
        if far_from_weekday(self, other) || far_from_weekday(other, self) {
            return false;
        }
        years_agree
            && agree(self.month, other.month)
            && agree(self.day, other.day)
            && agree(self.first_day, other.first_day)
            && agree(self.weekday, other.weekday)
            && self.same_time_of_day(other)
            && relative_agree
    }

    /// Whether the two times of day agree where both are stated: in UTC when both name their
    /// time zone (`8am AEST` = `6 p.m. EDT`, the evening before), as written otherwise.
    fn same_time_of_day(&self, other: &DateFact) -> bool {
        let (Some(a), Some(b)) = (self.minutes, other.minutes) else {
            return true;
        };
        match (self.utc_offset, other.utc_offset) {
            (Some(x), Some(y)) => utc_minutes(a, x) == utc_minutes(b, y),
            _ => a == b,
        }
    }

    /// Whether the date is a weekday and nothing more (`on Thursday`, not `last Thursday`).
    fn is_bare_weekday(&self) -> bool {
        self.weekday.is_some()
            && (self.year, self.month, self.day, self.relative) == (None, None, None, None)
    }

    /// Whether two dates state every field alike (as written or not).
    pub fn equal(&self, other: &DateFact) -> bool {
        (self.year, self.month, self.day, self.weekday, self.minutes)
            == (
                other.year,
                other.month,
                other.day,
                other.weekday,
                other.minutes,
            )
            && self.first_day == other.first_day
            && self.same_time_of_day(other)
            && (self.relative, self.decade) == (other.relative, other.decade)
    }

    /// Whether two dates state the same thing: compatible and equally specific, and, when both
    /// are absolute, both with a year or both without (`June` is less than `June 2020`, but
    /// `next month` and `April` are equal for want of the publication date).
    pub fn same(&self, other: &DateFact) -> bool {
        let relative = self.relative.is_some() || other.relative.is_some();
        self.compatible(other)
            && self.specificity() == other.specificity()
            && self.decade == other.decade
            && self.first_day == other.first_day
            && (relative || self.year.is_some() == other.year.is_some())
    }

    /// How precise the date is, for ordering: its [`specificity`](Self::specificity), then
    /// whether it is anchored to a year (stated, or relative to the article), then whether that
    /// is one year rather than a decade.
    pub fn precision(&self) -> (u8, bool, bool) {
        let anchored = self.year.is_some() || self.relative.is_some();
        (self.specificity(), anchored, !self.decade)
    }
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words before a bare month name that make it a month (`in May`, `since March`).
const MONTH_LEADS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "through", "during", "before", "after", "of",
    "early", "late", "mid", "last", "next", "this", "between", "and", "to", "or", "on", "that",
];

/// `year on year`, `year-over-year`, `month on month` at word `i`: a change against the period
/// before (`up 18% year on year` = `up 18% from a year earlier`), its unit and the index just
/// past it.
fn period_on_period(words: &[Word<'_>], i: usize) -> Option<(&'static str, usize)> {
    let unit = ["year", "month", "week"]
        .into_iter()
        .find(|u| words[i].is(u))?;
    let hyphen = |k: usize| words.get(k).is_some_and(|w| w.is_punct('-'));
    let mut k = i + 1;
    if hyphen(k) {
        k += 1;
    }
    if !words.get(k).is_some_and(|w| w.is("on") || w.is("over")) {
        return None;
    }
    k += 1;
    if hyphen(k) {
        k += 1;
    }
    words.get(k).filter(|w| w.is(unit)).map(|_| (unit, k + 1))
}

/// Whether the count at word `i` follows `for`, with a bound between or not (`faulty for at least
/// three days before the collision`): how long something lasted, not when.
fn lasted_for(words: &[Word<'_>], i: usize) -> bool {
    let bound_word = |w: &Word<'_>| {
        [
            "at", "least", "more", "than", "about", "nearly", "almost", "over", "some", "around",
            "roughly",
        ]
        .iter()
        .any(|b| w.is(b))
    };
    let mut k = i;
    while k > 0 && i - k < 3 && bound_word(&words[k - 1]) {
        k -= 1;
    }
    k > 0 && words[k - 1].is("for")
}

/// `the year before`, `the previous month`, `the prior week` at word `i`: the period before the
/// one the sentence tells (`455 the year before` = `455 a year earlier`), or `the year before
/// last`, two back: how many periods back, their unit and the index just past it.
fn the_one_before(words: &[Word<'_>], i: usize) -> Option<(i32, &'static str, usize)> {
    if !words[i].is("the") {
        return None;
    }
    // One period, not several (`the years before the war`).
    let unit_of = |k: usize| {
        let w = words.get(k)?;
        let lower = Lower::new(w.text)?;
        (!lower.base().ends_with('s'))
            .then(|| relative_unit(w))
            .flatten()
    };
    let is_any = |k: usize, options: &[&str]| {
        words
            .get(k)
            .is_some_and(|w| options.iter().any(|o| w.is(o)))
    };
    if is_any(i + 1, &["previous", "prior", "preceding"]) {
        return unit_of(i + 2).map(|unit| (-1, unit, i + 3));
    }
    let unit = unit_of(i + 1)?;
    if !is_any(i + 2, &["before", "earlier"]) {
        return None;
    }
    Some(if is_any(i + 3, &["last"]) {
        (-2, unit, i + 4)
    } else {
        (-1, unit, i + 3)
    })
}

/// Lowercase words a date may start with (besides spelled numbers: `three days ago`).
const DATE_OPENERS: &[&str] = &[
    "the",
    "year",
    "month",
    "week",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "earlier",
    "later",
    "early",
    "late",
    "last",
    "past",
    "this",
    "next",
    "a",
    "an",
    "noon",
    "midday",
    "midnight",
];

/// Whether `word` names a month (in full) or a weekday: on its own (`the November report`) it
/// is a date word, never a name.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    MONTHS[..12].iter().any(|(name, _)| *name == lower) || WEEKDAYS.contains(&lower.as_str())
}

/// A month name at word `i` (capitalised; an abbreviation needs its period): the month and the
/// index just past it.
fn month_at(words: &[Word<'_>], i: usize) -> Option<(u8, usize)> {
    let w = words.get(i).filter(|w| w.is_capitalised())?;
    // `October's 3.1%`: the possessive is the same month.
    let lower = Lower::new(w.text)?;
    let (name, month) = MONTHS.iter().find(|(name, _)| *name == lower.base())?;
    let full = MONTHS[..12].iter().any(|(n, _)| n == name);
    let dotted = words
        .get(i + 1)
        .is_some_and(|d| d.is_punct('.') && d.start == w.end);
    match (full, dotted) {
        (true, _) => Some((*month, i + 1)),
        (false, true) => Some((*month, i + 2)),
        (false, false) => None,
    }
}

/// A day of the month at word `i` (`17`, `17th`): the day and the index just past it.
fn day_at(words: &[Word<'_>], i: usize) -> Option<(u8, usize)> {
    let w = words.get(i).filter(|w| w.kind == Kind::Number)?;
    let day: u8 = w.text.parse().ok().filter(|d| (1..=31).contains(d))?;
    let suffixed = words
        .get(i + 1)
        .is_some_and(|s| s.start == w.end && ["st", "nd", "rd", "th"].iter().any(|x| s.is(x)));
    Some((day, if suffixed { i + 2 } else { i + 1 }))
}

/// A year at word `i`: four digits from 1800 to 2100 that are no count (`2019 people` still is:
/// only a following unit, scale or percent sign makes it one).
fn year_at(words: &[Word<'_>], i: usize) -> Option<i32> {
    let w = words
        .get(i)
        .filter(|w| w.kind == Kind::Number && w.text.len() == 4)?;
    let year: i32 = w.text.parse().ok().filter(|y| (1800..=2100).contains(y))?;
    let after_money = i > 0 && ["$", "€", "£", "¥"].iter().any(|s| words[i - 1].text == *s);
    let before_unit = words.get(i + 1).is_some_and(|n| {
        n.is_punct('%')
            || [
                "percent", "million", "billion", "thousand", "people", "yuan", "dollars", "euros",
            ]
            .iter()
            .any(|u| n.is(u))
    });
    (!after_money && !before_unit).then_some(year)
}

/// A time at word `i` (`3 p.m.`, `10:30`, `noon`): minutes after midnight, index past it.
fn time_at(words: &[Word<'_>], i: usize) -> Option<(u16, usize)> {
    let w = words.get(i)?;
    if w.is("noon") || w.is("midday") {
        return Some((12 * 60, i + 1));
    }
    if w.is("midnight") {
        return Some((0, i + 1));
    }
    if w.kind != Kind::Number {
        return None;
    }
    let (hours, minutes) = match w.text.split_once(':') {
        Some((h, m)) => (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?),
        None => (w.text.parse::<u16>().ok()?, 0),
    };
    let meridiem = words.get(i + 1).and_then(|m| {
        let lower = Lower::new(m.text)?;
        match lower.as_str() {
            "am" | "a.m." => Some(0),
            "pm" | "p.m." => Some(12),
            _ => None,
        }
    });
    // `0900 GMT`: four digits of the 24-hour clock, before a named time zone.
    if meridiem.is_none()
        && w.text.len() == 4
        && zone_at(words, i + 1).is_some()
        && let (Ok(hours), Ok(minutes)) = (w.text[..2].parse::<u16>(), w.text[2..].parse::<u16>())
        && hours < 24
        && minutes < 60
    {
        return Some((hours * 60 + minutes, i + 1));
    }
    if hours > 23 || minutes > 59 || (meridiem.is_none() && !w.text.contains(':')) {
        return None;
    }
    match meridiem {
        Some(add) if (1..=12).contains(&hours) => Some(((hours % 12 + add) * 60 + minutes, i + 2)),
        Some(_) => None,
        None => Some((hours * 60 + minutes, i + 1)),
    }
}

/// Time zones by the abbreviations news gives after a time of day, with their offsets from UTC
/// in minutes. Abbreviations of several zones (`CST`, `IST`, `AST`) are left out.
pub const TIME_ZONES: &[(&str, i16)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("HKT", 480),
    ("SGT", 480),
    ("AWST", 480),
    ("JST", 540),
    ("KST", 540),
    ("ACST", 570),
    ("AEST", 600),
    ("ACDT", 630),
    ("AEDT", 660),
    ("NZST", 720),
    ("NZDT", 780),
    ("HST", -600),
    ("AKST", -540),
    ("AKDT", -480),
    ("PST", -480),
    ("PDT", -420),
    ("MST", -420),
    ("MDT", -360),
    ("CDT", -300),
    ("EST", -300),
    ("EDT", -240),
];

/// Minutes after midnight UTC of a time of day in a zone `offset` minutes from UTC.
fn utc_minutes(minutes: u16, offset: i16) -> i32 {
    (i32::from(minutes) - i32::from(offset)).rem_euclid(24 * 60)
}

/// `6:47 a.m. EDT (1047 GMT)`: the same moment in another zone, in brackets at word `k` after a
/// time of day (`minutes` in the zone `offset` from UTC), is part of that date; the index past
/// the closing bracket.
fn same_moment_after(words: &[Word<'_>], k: usize, minutes: u16, offset: i16) -> Option<usize> {
    if !words.get(k)?.is_punct('(') {
        return None;
    }
    let (other_minutes, end) = time_at(words, k + 1)?;
    let (other_offset, zone_end) = zone_at(words, end)?;
    (words.get(zone_end)?.is_punct(')')
        && utc_minutes(minutes, offset) == utc_minutes(other_minutes, other_offset))
    .then_some(zone_end + 1)
}

/// The time zone named at word `i`, right after a time of day (`EDT`, `(AEST)`): its offset
/// from UTC in minutes, and the index past it.
fn zone_at(words: &[Word<'_>], i: usize) -> Option<(i16, usize)> {
    let bracketed = words.get(i).is_some_and(|w| w.is_punct('('));
    let k = if bracketed { i + 1 } else { i };
    let offset = TIME_ZONES
        .iter()
        .find(|(zone, _)| words.get(k).is_some_and(|w| w.text == *zone))?
        .1;
    let closed = words.get(k + 1).is_some_and(|w| w.is_punct(')'));
    match (bracketed, closed) {
        (false, _) => Some((offset, k + 1)),
        (true, true) => Some((offset, k + 2)),
        (true, false) => None,
    }
}

/// A relative unit word (`year`, `week`, `summer` ...).
fn relative_unit(word: &Word<'_>) -> Option<&'static str> {
    let lower = Lower::new(word.text)?;
    // `this year's exam`, `last week's vote`: the possessive is the same date.
    Some(match lower.base().trim_end_matches('s') {
        "year" => "year",
        "month" => "month",
        "week" => "week",
        "weekend" => "weekend",
        "day" => "day",
        "summer" | "winter" | "spring" | "autumn" | "fall" => "season",
        _ => return None,
    })
}

/// Whether `unit` (from `units::measure_word`) is one a relative date counts in: `decades`
/// are counted in years, a `fortnight` in weeks.
fn relative_unit_name(unit: &str) -> bool {
    ["year", "month", "week", "day"].contains(&unit)
}

/// Finds the dates of a sentence, marking the words each uses as `taken`.
pub(crate) fn scan(sentence: &str, words: &[Word<'_>], taken: &mut [bool]) -> Vec<DateFact> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match date_at(words, i) {
            Some((mut date, mut end)) => {
                // `Tuesday, Nov. 17`: a weekday and the date it names are one date.
                let comma = words.get(end).is_some_and(|c| c.is_punct(','));
                if date.weekday.is_some()
                    && date.month.is_none()
                    && let Some((more, more_end)) =
                        date_at(words, if comma { end + 1 } else { end })
                    && more.month.is_some()
                {
                    date.year = more.year;
                    date.month = more.month;
                    date.day = more.day;
                    end = more_end;
                }
                // `28 to 31 August`, `28-31 August`: a range of days is one date.
                let start = match date.day {
                    Some(last) if i >= 2 && !taken[i - 2] => {
                        let joined = words[i - 1].is("to")
                            || words[i - 1].is_punct('-')
                            || words[i - 1].is_punct('–');
                        let first = (words[i - 2].kind == Kind::Number)
                            .then(|| words[i - 2].text.parse::<u8>().ok())
                            .flatten()
                            .filter(|first| (1..last).contains(first));
                        date.first_day = first.filter(|_| joined);
                        if date.first_day.is_some() { i - 2 } else { i }
                    }
                    _ => i,
                };
                date.text = sentence[words[start].start..words[end - 1].end].to_string();
                date.of_report = after_reporting_verb(words, start);
                for flag in &mut taken[start..end] {
                    *flag = true;
                }
                out.push(date);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Occasions of a report, after which a date dates the report (`in an interview Tuesday`).
const REPORT_OCCASIONS: &[&str] = &["interview", "statement", "briefing", "conference", "speech"];

/// Whether the date starting at word `i` follows a neutral reporting verb or the occasion of a
/// report (`said Tuesday`, `said on Sunday`, `in an interview Tuesday`; `told reporters on
/// Sunday` is not: only the word itself, or it and `on`).
fn after_reporting_verb(words: &[Word<'_>], i: usize) -> bool {
    let before = match i.checked_sub(1).map(|k| &words[k]) {
        Some(on) if on.is("on") => i.checked_sub(2).map(|k| &words[k]),
        other => other,
    };
    before.and_then(|w| Lower::new(w.text)).is_some_and(|word| {
        let word = word.as_str();
        super::attribution::verb_class(word) == Some("said") || REPORT_OCCASIONS.contains(&word)
    })
}

/// Words that open a clause as its subject (`before he left`).
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Verbs only a clause holds (`before the ship was freed`, `before being freed`).
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "did", "could", "would", "will", "can",
    "being", "been",
];

/// Words after which a word in `-ed` is an adjective (`the delayed vote`), not a verb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
];

/// How many words after `before` are looked at for a clause's verb.
const CLAUSE_WORDS_MAX: usize = 5;

/// Whether the words from `k`, after `before`, open a clause (`before tugs freed it`, `before he
/// left`, `before the ship was freed`, `before leaving`) rather than name what a date is counted
/// from (`before the election`, `before Christmas`, `before.`): a subject pronoun or a
/// gerund first, or an auxiliary or a verb in `-ed` before the next punctuation.
fn opens_clause(words: &[Word<'_>], k: usize) -> bool {
    let phrase = words
        .get(k..)
        .unwrap_or_default()
        .iter()
        .take_while(|w| w.kind != Kind::Punct)
        .take(CLAUSE_WORDS_MAX);
    let mut previous: Option<&Word<'_>> = None;
    for (n, w) in phrase.enumerate() {
        let Some(lower) = Lower::new(w.text) else {
            return false;
        };
        let lower = lower.as_str();
        let lowercase = w.kind == Kind::Alpha && !w.is_capitalised();
        let opener =
            n == 0 && (SUBJECT_PRONOUNS.contains(&lower) || (lowercase && lower.ends_with("ing")));
        let past = lowercase
            && lower.len() >= 5
            && lower.ends_with("ed")
            && !previous.is_some_and(|p| DETERMINERS.iter().any(|d| p.is(d)));
        if opener || AUXILIARIES.contains(&lower) || past {
            return true;
        }
        previous = Some(w);
    }
    false
}

/// A date starting at word `i`, with the index just past it (its `text` is filled by the caller).
fn date_at(words: &[Word<'_>], i: usize) -> Option<(DateFact, usize)> {
    let mut date = DateFact {
        year: None,
        month: None,
        day: None,
        first_day: None,
        weekday: None,
        minutes: None,
        utc_offset: None,
        relative: None,
        decade: false,
        of_report: false,
        text: String::new(),
    };
    let w = words.get(i)?;
    // Most words start no date: a lowercase word that opens none is skipped before any lookup.
    if w.kind == Kind::Alpha && !w.is_capitalised() {
        let lower = Lower::new(w.text)?;
        let opens = DATE_OPENERS.contains(&lower.as_str())
            || super::numerals::spelled_number(w.text).is_some();
        if !opens {
            return None;
        }
    }
    let relative = |offset, unit| Some(Relative { offset, unit });
    match Lower::new(w.text)?.as_str() {
        "yesterday" => date.relative = relative(-1, "day"),
        "today" | "tonight" => date.relative = relative(0, "day"),
        "tomorrow" => date.relative = relative(1, "day"),
        _ => {}
    }
    if date.relative.is_some() {
        return Some((date, i + 1));
    }
    if let Some((offset, unit, end)) = period_on_period(words, i)
        .map(|(unit, end)| (-1, unit, end))
        .or_else(|| the_one_before(words, i))
    {
        date.relative = relative(offset, unit);
        return Some((date, end));
    }
    // `last November`, `earlier this year`, `next week`, `late last month`.
    let mut k = i;
    if ["earlier", "later", "early", "late"]
        .iter()
        .any(|m| words[k].is(m))
    {
        k += 1;
    }
    if let Some(step) = words.get(k).and_then(|s| {
        ["last", "past", "this", "next"]
            .iter()
            .position(|m| s.is(m))
            .map(|p| [-1, -1, 0, 1][p])
    }) {
        if let Some((month, end)) = month_at(words, k + 1) {
            date.month = Some(month);
            date.relative = relative(step, "");
            return Some((date, end));
        }
        if let Some(day) = words
            .get(k + 1)
            .and_then(|d| WEEKDAYS.iter().position(|n| d.base_is(n)))
        {
            date.weekday = Some(day as u8 + 1);
            date.relative = relative(step, "");
            return Some((date, k + 2));
        }
        if let Some(unit) = words.get(k + 1).and_then(relative_unit) {
            date.relative = relative(step, unit);
            return Some((date, k + 2));
        }
        return None;
    }
    if k > i {
        return None;
    }
    // `three days ago`, `a year ago`, `2 weeks ago`, `four years earlier` (before the events
    // told, which the claim cannot resolve either), `a week later`, `a decade ago` (10 years);
    // `six days before tugs freed it` and `for three days before the collision` are how long
    // something lasted, no date.
    if let (Some(unit_word), Some(ago)) = (words.get(i + 1), words.get(i + 2))
        && ["ago", "earlier", "before", "later"]
            .iter()
            .any(|a| ago.is(a))
        && !(ago.is("before") && (opens_clause(words, i + 3) || lasted_for(words, i)))
        && let Some((unit, per)) = relative_unit(unit_word).map(|u| (u, 1)).or_else(|| {
            super::units::measure_word(unit_word.text)
                .filter(|(u, n)| *n > 1.0 && relative_unit_name(u))
                .map(|(u, n)| (u, n as i32))
        })
    {
        let direction = if ago.is("later") { 1 } else { -1 };
        let count = match w.kind {
            Kind::Number => w.text.parse::<i32>().ok()?,
            _ if w.is("a") || w.is("an") || w.is("one") => 1,
            _ => super::numerals::spelled_number(w.text)? as i32,
        };
        date.relative = relative(direction * count * per, unit);
        return Some((date, i + 3));
    }
    // `Nov. 17, 2020`, `November 17`, `June 2020`, `in December`.
    if let Some((month, mut end)) = month_at(words, i) {
        date.month = Some(month);
        // `September the 11th`: the spoken form, an ordinal after `the`.
        let spoken_day = || {
            words.get(end).filter(|t| t.is("the"))?;
            day_at(words, end + 1).filter(|&(_, after)| after == end + 3)
        };
        if let Some((day, after)) = day_at(words, end).or_else(spoken_day) {
            date.day = Some(day);
            end = after;
            let comma = words.get(end).is_some_and(|c| c.is_punct(','));
            if let Some(year) = year_at(words, if comma { end + 1 } else { end }) {
                date.year = Some(year);
                end += if comma { 2 } else { 1 };
            }
        } else if let Some(year) = year_at(words, end) {
            date.year = Some(year);
            end += 1;
        } else {
            let led = i > 0
                && (MONTH_LEADS.iter().any(|l| words[i - 1].is(l))
                    || (words[i - 1].is_punct('-') && i > 1 && words[i - 2].is("mid")));
            if !led {
                return None;
            }
        }
        return Some((date, end));
    }
    // `17 November 2020`, `17th of November`.
    if let Some((day, after)) = day_at(words, i) {
        let of = words.get(after).is_some_and(|o| o.is("of"));
        if let Some((month, mut end)) = month_at(words, if of { after + 1 } else { after }) {
            date.day = Some(day);
            date.month = Some(month);
            if let Some(year) = year_at(words, end) {
                date.year = Some(year);
                end += 1;
            }
            return Some((date, end));
        }
    }
    // `Tuesday`.
    if w.is_capitalised()
        && let Some(day) = WEEKDAYS.iter().position(|n| w.base_is(n))
    {
        date.weekday = Some(day as u8 + 1);
        return Some((date, i + 1));
    }
    // `3 p.m.`, `10:30`, `noon`.
    if let Some((minutes, end)) = time_at(words, i) {
        date.minutes = Some(minutes);
        let Some((offset, zone_end)) = zone_at(words, end) else {
            return Some((date, end));
        };
        date.utc_offset = Some(offset);
        let end = same_moment_after(words, zone_end, minutes, offset).unwrap_or(zone_end);
        return Some((date, end));
    }
    // `2020-11-17`, `2019`.
    if let Some(year) = year_at(words, i) {
        date.year = Some(year);
        let iso = |k: usize, max: u8| {
            words
                .get(k)
                .is_some_and(|d| d.is_punct('-') && d.start == words[k - 1].end)
                && words
                    .get(k + 1)
                    .filter(|n| {
                        n.kind == Kind::Number && n.text.len() == 2 && n.start == words[k].end
                    })
                    .and_then(|n| n.text.parse::<u8>().ok())
                    .is_some_and(|n| (1..=max).contains(&n))
        };
        if iso(i + 1, 12) && iso(i + 3, 31) {
            date.month = words[i + 2].text.parse().ok();
            date.day = words[i + 4].text.parse().ok();
            return Some((date, i + 5));
        }
        // `the 1980s`, `1980's`: a decade.
        let decade_mark = |k: usize| {
            words
                .get(k)
                .is_some_and(|s| s.start == words[k - 1].end && (s.is("s") || s.is("'s")))
        };
        if year % 10 == 0 && decade_mark(i + 1) {
            date.decade = true;
            return Some((date, i + 2));
        }
        return Some((date, i + 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::text::facts::extract_facts;

    fn date(sentence: &str) -> super::DateFact {
        let mut dates = extract_facts(sentence).dates;
        assert_eq!(dates.len(), 1, "one date in {sentence:?}: {dates:?}");
        dates.remove(0)
    }

    #[test]
    fn times_in_named_zones_compare_in_utc() {
        let sydney = date("The contest ran until 8am (AEST).");
        assert_eq!(
            (sydney.minutes, sydney.utc_offset, sydney.text.as_str()),
            (Some(8 * 60), Some(600), "8am (AEST)")
        );
        let new_york = date("The contest ran until 6 p.m. EDT.");
        assert!(sydney.compatible(&new_york), "the same moment");
        assert!(!date("at 7 p.m. EDT").compatible(&new_york));
        assert!(!date("at 6 p.m. GMT").compatible(&new_york));
        assert!(!date("at 6 p.m. GMT").equal(&new_york));
        // Without a zone on one side, the times compare as written.
        assert!(date("at 6 p.m.").compatible(&new_york));
        assert!(!date("at 3 p.m.").compatible(&new_york));
        // Four digits of the 24-hour clock before a zone are a time; the same moment in
        // another zone, in brackets, is part of the date.
        let london = date("The storm was 385 km offshore at 0900 GMT.");
        assert_eq!((london.minutes, london.utc_offset), (Some(9 * 60), Some(0)));
        assert!(date("at 5 a.m. EDT").compatible(&london));
        let launch = date("It lifted off at 6:47 a.m. EDT (1047 GMT).");
        assert_eq!(launch.text, "6:47 a.m. EDT (1047 GMT)");
        assert!(launch.compatible(&date("It lifted off at 10:47 GMT.")));
        assert!(extract_facts("Shares were up 2% by 1018.").dates.is_empty());
    }

    #[test]
    fn absolute_dates_are_read_field_by_field() {
        let d = date("It began on Nov. 17, 2020.");
        assert_eq!(
            (d.year, d.month, d.day, d.text.as_str()),
            (Some(2020), Some(11), Some(17), "Nov. 17, 2020")
        );
        let d = date("It began on 17th of November 2020.");
        assert_eq!((d.year, d.month, d.day), (Some(2020), Some(11), Some(17)));
        let d = date("It began on November the 17th.");
        assert_eq!(
            (d.month, d.day, d.text.as_str()),
            (Some(11), Some(17), "November the 17th")
        );
        // Without the ordinal, `the` opens what follows: `In September the 3 companies merged`.
        assert_eq!(date("In September the 3 companies merged.").day, None);
        let d = date("It began on Tuesday, Nov. 17.");
        assert_eq!((d.weekday, d.month, d.day), (Some(2), Some(11), Some(17)));
        assert_eq!(date("published 2020-11-17").day, Some(17));
        assert_eq!(date("at 3 p.m. sharp").minutes, Some(15 * 60));
        assert_eq!(date("in mid-November").month, Some(11));
        assert_eq!(date("at Saturday's rally").weekday, Some(6));
        let range = date("from 28 to 31 August");
        assert_eq!(
            (range.first_day, range.day, range.text.as_str()),
            (Some(28), Some(31), "28 to 31 August")
        );
    }

    #[test]
    fn equal_dates_written_differently_are_the_same() {
        let equal = [
            ("on Nov. 17, 2020", "on November 17, 2020"),
            ("on Nov. 17, 2020", "on 17 November 2020"),
            ("in 2019", "last year"),
            ("last November", "in November 2020"),
            ("at midnight", "at 12 a.m."),
            ("next month", "in April"),
            ("up from 52% in 2020", "up from 52% four years earlier"),
            ("three days ago", "3 days ago"),
            ("up 18% from a year earlier", "up 18% year on year"),
            ("a year ago", "year-over-year"),
            ("down from 455 in 2024", "compared with 455 the year before"),
            ("a year earlier", "the previous year"),
            ("two years ago", "the year before last"),
            ("a decade ago", "ten years ago"),
        ];
        for (a, b) in equal {
            assert!(date(a).same(&date(b)), "{a:?} = {b:?}");
        }
    }

    #[test]
    fn specificity_and_conflicts() {
        let exact = date("on Nov. 17, 2020");
        let month = date("last November");
        assert!(exact.compatible(&month) && !exact.same(&month));
        assert!(month.precision() < exact.precision());
        assert!(date("in June").precision() < date("in June 2020").precision());
        assert!(!date("in 2019").compatible(&date("in 2021")));
        assert!(!date("last year").compatible(&date("next year")));
        assert!(!date("on Thursday").compatible(&date("on Friday")));
        // A weekday alone is within a week or so of the report.
        assert!(date("last week").compatible(&date("on Thursday")));
        assert!(date("this year's exam").equal(&date("this year")));
        assert!(date("from October's 3.1%").equal(&date("in October")));
        assert!(date("last week’s vote").equal(&date("last week")));
        assert!(!date("two years ago").compatible(&date("on Thursday")));
        assert!(!date("on Thursday").compatible(&date("last year")));
        assert!(!date("three months ago").compatible(&date("on Thursday")));
        // Outlets may write a day apart: `yesterday` in one may be `today` in the other.
        assert!(date("met yesterday").same(&date("met today")));
        assert!(!date("met yesterday").compatible(&date("meets tomorrow")));
        assert!(!date("last week").compatible(&date("this week")));
    }

    #[test]
    fn a_date_after_a_reporting_verb_dates_the_report() {
        assert!(date("The convoy was hit, officials said Sunday.").of_report);
        assert!(date("The convoy was hit, officials said on Sunday.").of_report);
        assert!(!date("The convoy was hit on Sunday, officials said.").of_report);
        assert!(date("She said so in an interview Tuesday.").of_report);
    }

    #[test]
    fn a_decade_holds_its_years() {
        let decade = date("a battle in the 1980s");
        assert!(decade.decade && decade.year == Some(1980));
        assert_eq!(decade.text, "1980s");
        let year = date("a sale in 1985");
        assert!(decade.compatible(&year) && !decade.same(&year));
        assert!(decade.precision() < year.precision());
        assert!(!decade.compatible(&date("a sale in 1991")));
    }

    #[test]
    fn a_span_before_a_clause_is_no_date() {
        for sentence in [
            "It was stuck for six days before tugs freed it.",
            "She waited two days before he left.",
            "It ran a week before the ship was freed.",
            "He spent three years before leaving.",
            "The signal had been faulty for at least three days before the collision.",
            "It was closed for two weeks before the election.",
        ] {
            assert!(extract_facts(sentence).dates.is_empty(), "{sentence:?}");
        }
        for sentence in [
            "It closed two days before the election.",
            "It closed two days before the scheduled vote.",
            "He had left four years before.",
            "It opened a week before Christmas.",
        ] {
            assert!(date(sentence).relative.is_some(), "{sentence:?}");
        }
    }

    #[test]
    fn words_that_only_look_like_dates_are_not() {
        for sentence in [
            "She may leave.",
            "They march on.",
            "2019 people signed.",
            "It cost $2020.",
            "The last time.",
        ] {
            assert!(extract_facts(sentence).dates.is_empty(), "{sentence:?}");
        }
    }
}
