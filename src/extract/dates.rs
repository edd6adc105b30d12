//! Publication dates as pages state them ("2020-11-17T08:00:00+08:00", "Tue, 17 Nov 2020
//! 08:00:00 GMT", "November 17, 2020", a Unix time) turned into ISO 8601; a date that cannot be
//! read is kept as stated (cleaned).

use crate::text::clean::clean_line;

/// The date as ISO 8601 when it can be read (`2020-11-17`, `2020-11-17T08:00:00+08:00`),
/// otherwise the cleaned text; `None` when empty.
pub fn normalize_date(stated: &str) -> Option<String> {
    let text = clean_line(stated);
    if text.is_empty() {
        return None;
    }
    Some(
        iso_like(&text)
            .or_else(|| rfc2822(&text))
            .or_else(|| unix_time(&text))
            .or_else(|| written_date(&text))
            .unwrap_or(text),
    )
}

/// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:]MM]`, also with `/` between date parts.
fn iso_like(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let number = |at: usize, len: usize| -> Option<i64> {
        let digits = bytes.get(at..at + len)?;
        digits.iter().all(u8::is_ascii_digit).then(|| {
            digits
                .iter()
                .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'))
        })
    };
    let year = number(0, 4)?;
    let separator = *bytes.get(4)?;
    if separator != b'-' && separator != b'/' || bytes.get(7) != Some(&separator) {
        return None;
    }
    let month = number(5, 2)?;
    let day = number(8, 2)?;
    let date = jiff::civil::Date::new(year as i16, month as i8, day as i8).ok()?;
    let mut out = date.to_string();
    let mut at = 10;
    if matches!(bytes.get(at), Some(b'T' | b' ' | b't')) && number(at + 1, 2).is_some() {
        let hour = number(at + 1, 2)?;
        if bytes.get(at + 3) != Some(&b':') {
            return Some(out);
        }
        let minute = number(at + 4, 2)?;
        at += 6;
        let mut second = 0;
        if bytes.get(at) == Some(&b':') {
            second = number(at + 1, 2)?;
            at += 3;
            if bytes.get(at) == Some(&b'.') || bytes.get(at) == Some(&b',') {
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                    at += 1;
                }
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Some(out);
        }
        out.push_str(&format!("T{hour:02}:{minute:02}:{second:02}"));
        let rest = text[at..].trim_start();
        if rest.starts_with(['Z', 'z']) {
            out.push('Z');
        } else if let Some(sign) = rest.chars().next().filter(|c| *c == '+' || *c == '-') {
            let digits: String = rest[1..]
                .chars()
                .take(5)
                .filter(char::is_ascii_digit)
                .collect();
            if digits.len() == 4 || digits.len() == 2 {
                let minutes = digits.get(2..4).unwrap_or("00");
                out.push_str(&format!("{sign}{}:{minutes}", &digits[..2]));
            }
        }
    }
    Some(out)
}

/// RFC 2822 / HTTP dates: `Tue, 17 Nov 2020 08:00:00 +0800`.
fn rfc2822(text: &str) -> Option<String> {
    let zoned = jiff::fmt::rfc2822::parse(text).ok()?;
    Some(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

/// Seconds or milliseconds since 1970 (10 or 13 digits).
fn unix_time(text: &str) -> Option<String> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = text.parse().ok()?;
    let timestamp = match text.len() {
        10 => jiff::Timestamp::from_second(value).ok()?,
        13 => jiff::Timestamp::from_millisecond(value).ok()?,
        _ => return None,
    };
    Some(timestamp.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Words that may stand beside a date in a dateline ("Updated Jan. 6, 2021 8:12 AM UTC").
const DATELINE_WORDS: &[&str] = &[
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "utc",
    "gmt",
    "et",
    "est",
    "edt",
    "pt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "ist",
    "jst",
    "hkt",
    "sgt",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "original",
    "ago",
    "hours",
    "hour",
    "minutes",
    "minute",
    "days",
    "day",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "and",
    "by",
    "first",
    "date",
    "time",
];

/// Whether a short line is only a date or time stamp ("January 6, 2021 8:12 AM UTC",
/// "Updated 4 years ago", "2021-01-06 08:12"), which pages print beside the headline.
pub fn is_dateline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 20 {
        return false;
    }
    let clock = lower.char_indices().any(|(i, c)| {
        c == ':'
            && lower[..i].ends_with(|p: char| p.is_ascii_digit())
            && lower[i + 1..].starts_with(|n: char| n.is_ascii_digit())
    });
    let stamped = written_date(&lower).is_some()
        || (clock && ["updated", "published", "posted"].contains(&words[0]))
        || text.char_indices().any(|(i, c)| {
            c.is_ascii_digit()
                && !text[..i].ends_with(|p: char| p.is_ascii_digit())
                && iso_like(&text[i..]).is_some()
        })
        || (lower.contains(" ago") && words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit())));
    stamped
        && words.iter().all(|w| {
            w.bytes().all(|b| b.is_ascii_digit())
                || DATELINE_WORDS.contains(w)
                || (w.len() >= 3 && is_month_word(w))
                || matches!(w.trim_end_matches(char::is_alphabetic), d if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        })
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// English dates in words: "November 17, 2020", "17 Nov. 2020", "Updated: Nov 17 2020 3:00 PM"
/// (the date part only).
fn written_date(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(month) = MONTHS
            .iter()
            .position(|m| word.len() >= 3 && m.starts_with(&word[..3]) && is_month_word(word))
        else {
            continue;
        };
        let day_year = |day: &str, year: &str| -> Option<String> {
            let day: i8 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
            let year: i16 = year.parse().ok().filter(|y| (1900..=2200).contains(y))?;
            let date = jiff::civil::Date::new(year, month as i8 + 1, day).ok()?;
            Some(date.to_string())
        };
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        let previous = i.checked_sub(1).map_or("", |p| words[p]);
        if let Some(date) = day_year(next(1), next(2)).or_else(|| day_year(previous, next(1))) {
            return Some(date);
        }
    }
    None
}

/// Whether `word` is a month name or its abbreviation ("nov", "november", "sept").
fn is_month_word(word: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    FULL.iter().any(|f| f.starts_with(word) && word.len() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso_8601() {
        let cases = [
            ("2020-11-17T08:00:00+08:00", "2020-11-17T08:00:00+08:00"),
            ("2020-11-17T08:00:00.123Z", "2020-11-17T08:00:00Z"),
            ("2020-11-17 08:00", "2020-11-17T08:00:00"),
            ("2020-11-17T08:00:00+0800", "2020-11-17T08:00:00+08:00"),
            ("2020/11/17", "2020-11-17"),
            ("Tue, 17 Nov 2020 08:00:00 GMT", "2020-11-17T08:00:00+00:00"),
            ("November 17, 2020", "2020-11-17"),
            ("Updated 17 Nov. 2020, 3:00 PM", "2020-11-17"),
            ("1605571200", "2020-11-17T00:00:00Z"),
            ("yesterday", "yesterday"),
        ];
        for (stated, iso) in cases {
            assert_eq!(normalize_date(stated).as_deref(), Some(iso), "{stated}");
        }
        assert_eq!(normalize_date("  "), None);
        for line in [
            "January 6, 2021 8:12 AM UTC",
            "Updated 4 years ago",
            "Published: 2021-01-06 08:12",
            "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
            "Updated at 1:23 p.m.",
            "segunda 22 de janeiro de 2018",
        ] {
            assert_eq!(is_dateline(line), !line.starts_with("segunda"), "{line}");
        }
        assert!(!is_dateline("On January 6, 2021 the council met."));
        assert_eq!(normalize_date("2020-02-30").as_deref(), Some("2020-02-30"));
    }
}
