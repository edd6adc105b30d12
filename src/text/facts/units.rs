//! Units of measure after a number (`km`, `miles`, `C`, `years`, `decades` ...), which units
//! can stand for each other, and the conversions outlets write between them.
//!
//! Outlets convert for their readers: `41C` becomes `106F`, `2.4 miles` becomes `3.9 km`,
//! `30 years` becomes `three decades`, `36 hours` `a day and a half`. A measure word may count
//! several of its unit (a decade is 10 years), and two amounts in units of one dimension are
//! the same amount when one, converted, rounds to the other as written (see
//! [`same_converted`]); a whole number of a span of time is counted, not rounded.

use super::lex::Lower;

/// A measure word after a number: its unit and how many of that unit one of it counts
/// (`decades` → 10 `year`).
pub(crate) fn measure_word(word: &str) -> Option<(&'static str, f64)> {
    Some(match Lower::new(word)?.as_str() {
        "year" | "years" => ("year", 1.0),
        "decade" | "decades" => ("year", 10.0),
        "century" | "centuries" => ("year", 100.0),
        "month" | "months" => ("month", 1.0),
        "week" | "weeks" => ("week", 1.0),
        "fortnight" | "fortnights" => ("week", 2.0),
        "day" | "days" => ("day", 1.0),
        "hour" | "hours" => ("hour", 1.0),
        "minute" | "minutes" => ("minute", 1.0),
        "second" | "seconds" => ("second", 1.0),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => ("km", 1.0),
        "mile" | "miles" => ("mile", 1.0),
        "metre" | "metres" | "meter" | "meters" => ("metre", 1.0),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => ("cm", 1.0),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => ("mm", 1.0),
        "foot" | "feet" | "ft" => ("foot", 1.0),
        "inch" | "inches" => ("inch", 1.0),
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => ("kg", 1.0),
        "lb" | "lbs" => ("lb", 1.0),
        "ton" | "tons" | "tonne" | "tonnes" => ("tonne", 1.0),
        "cent" | "cents" => ("cent", 1.0),
        "acre" | "acres" => ("acre", 1.0),
        "hectare" | "hectares" => ("hectare", 1.0),
        "watt" | "watts" => ("watt", 1.0),
        "kw" | "kilowatt" | "kilowatts" => ("watt", 1e3),
        "mw" | "megawatt" | "megawatts" => ("watt", 1e6),
        "gw" | "gigawatt" | "gigawatts" => ("watt", 1e9),
        "kwh" | "kilowatt-hour" | "kilowatt-hours" => ("watt-hour", 1e3),
        "mwh" | "megawatt-hour" | "megawatt-hours" => ("watt-hour", 1e6),
        "gwh" | "gigawatt-hour" | "gigawatt-hours" => ("watt-hour", 1e9),
        "twh" | "terawatt-hour" | "terawatt-hours" => ("watt-hour", 1e12),
        "bit" | "bits" => ("bit", 1.0),
        "kilobit" | "kilobits" | "kbps" => ("bit", 1e3),
        "megabit" | "megabits" | "mbps" => ("bit", 1e6),
        "gigabit" | "gigabits" | "gbps" => ("bit", 1e9),
        "terabit" | "terabits" | "tbps" => ("bit", 1e12),
        "byte" | "bytes" => ("byte", 1.0),
        "kilobyte" | "kilobytes" => ("byte", 1e3),
        "megabyte" | "megabytes" => ("byte", 1e6),
        "gigabyte" | "gigabytes" | "gb" => ("byte", 1e9),
        "terabyte" | "terabytes" | "tb" => ("byte", 1e12),
        "petabyte" | "petabytes" => ("byte", 1e15),
        "mph" => ("mph", 1.0),
        "kph" | "kmh" => ("km/h", 1.0),
        "degree" | "degrees" => ("degree", 1.0),
        "celsius" | "centigrade" => ("°C", 1.0),
        "fahrenheit" => ("°F", 1.0),
        "st" | "nd" | "rd" | "th" => ("th", 1.0),
        _ => return None,
    })
}

/// The unit of area a length unit squares (`square kilometres`, `square-mile`).
pub(crate) fn squared(length: &str) -> Option<&'static str> {
    Some(match length {
        "km" => "sq km",
        "mile" => "sq mile",
        "metre" => "sq metre",
        "foot" => "sq foot",
        _ => return None,
    })
}

/// Whether a unit is a currency.
pub(crate) fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()) || unit == "¥"
}

/// Units agree when equal, when one side states none, for `¥` against yen or yuan, and for
/// bare `degrees` against Celsius or Fahrenheit.
pub(crate) fn units_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b
                || matches!((a, b), ("¥", "CNY" | "JPY") | ("CNY" | "JPY", "¥"))
                || matches!((a, b), ("degree", "°C" | "°F") | ("°C" | "°F", "degree"))
        }
        _ => true,
    }
}

/// Whether an amount in unit `a` may be read as another value of an amount in unit `b` (a
/// figure changed, not two figures): units [`units_compatible`] or [`convertible`], except that
/// a bare count stands only for a count or an amount of money (outlets drop the `$`), never
/// for a percentage, a measure or an ordinal (`12 percent` and `six colleges`, `a 27-year-old`
/// and `two counts` are two figures).
pub(crate) fn may_stand_for(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => units_compatible(Some(a), Some(b)) || convertible(a, b),
        (Some(unit), None) | (None, Some(unit)) => is_currency(unit),
        (None, None) => true,
    }
}

/// Pairs of units of one dimension, and how many of the second one of the first is.
const FACTORS: &[(&str, &str, f64)] = &[
    ("mile", "km", 1.609_344),
    ("km", "metre", 1000.0),
    ("metre", "cm", 100.0),
    ("cm", "mm", 10.0),
    ("mph", "km/h", 1.609_344),
    ("foot", "metre", 0.3048),
    ("inch", "cm", 2.54),
    ("lb", "kg", 0.453_592_37),
    ("acre", "hectare", 0.404_685_6),
    ("sq mile", "sq km", 2.589_988),
    ("sq km", "hectare", 100.0),
    ("hectare", "sq metre", 10_000.0),
    ("sq metre", "sq foot", 10.763_910_4),
    ("tonne", "kg", 1000.0),
    ("week", "day", 7.0),
    ("day", "hour", 24.0),
    ("hour", "minute", 60.0),
    ("minute", "second", 60.0),
    ("year", "month", 12.0),
    // `84 cents` = `$0.84`: a cent unqualified is a US cent.
    ("USD", "cent", 100.0),
    // `25 basis points` = `a quarter of a percentage point`.
    ("pp", "bp", 100.0),
];

/// `value` in unit `from` expressed in unit `to`, when the two measure one dimension: by one
/// factor of [`FACTORS`] or a chain of them (a week is 168 hours through its days).
pub(crate) fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    match (from, to) {
        ("°C", "°F") => return Some(value * 9.0 / 5.0 + 32.0),
        ("°F", "°C") => return Some((value - 32.0) * 5.0 / 9.0),
        _ => {}
    }
    // Units reached so far, each with `value` expressed in it; every step reaches one more.
    let mut reached = vec![(from, value)];
    let mut next = 0;
    while let Some(&(unit, amount)) = reached.get(next) {
        next += 1;
        for &(a, b, factor) in FACTORS {
            let step = if a == unit {
                (b, amount * factor)
            } else if b == unit {
                (a, amount / factor)
            } else {
                continue;
            };
            if step.0 == to {
                return Some(step.1);
            }
            if reached.iter().all(|(u, _)| *u != step.0) {
                reached.push(step);
            }
        }
    }
    None
}

/// Whether amounts in `unit` may be converted into another unit (`mile`, `°C`).
pub(crate) fn has_conversions(unit: &str) -> bool {
    unit == "°C" || unit == "°F" || FACTORS.iter().any(|&(a, b, _)| a == unit || b == unit)
}

/// Whether units `a` and `b` differ but measure one dimension (`mile` and `km`).
pub(crate) fn convertible(a: &str, b: &str) -> bool {
    a != b && convert(1.0, a, b).is_some()
}

/// Largest share of an amount that rounding it as written may hide: `160` (for 160.9) is
/// rounded to the ten, but never by more than this share.
const ROUNDING_SHARE_MAX: f64 = 0.05;

/// How far off the exact value an amount written as `value` may be: half a unit of its last
/// written digit (`3.9` ±0.05, `106` ±0.5, `160` ±5), at most [`ROUNDING_SHARE_MAX`] of it.
fn rounding(value: f64) -> f64 {
    let magnitude = value.abs();
    let mut step = 1.0;
    if magnitude.fract() > 1e-9 {
        while step > 1e-3 && ((magnitude / step).round() * step - magnitude).abs() > 1e-9 {
            step /= 10.0;
        }
    } else {
        while magnitude >= step * 10.0 && ((magnitude / (step * 10.0)).fract()).abs() < 1e-9 {
            step *= 10.0;
        }
    }
    (step / 2.0).min((magnitude * ROUNDING_SHARE_MAX).max(0.5))
}

/// Units of spans of time, whose whole amounts are counted rather than measured.
const SPANS_OF_TIME: &[&str] = &["year", "month", "week", "day", "hour", "minute", "second"];

/// Whether `unit` is a span of time (`year`, `hour` ...).
pub(crate) fn is_span_of_time(unit: &str) -> bool {
    SPANS_OF_TIME.contains(&unit)
}

/// Whether `a` in unit `from` and `b` in unit `to` are one amount converted: either, converted
/// into the other's unit, rounds to it as written (`41` °C = `106` °F, `2.4` miles = `3.9` km).
/// A whole number of a span of time is a count, not rounded: `48 hours` is `two days`, `40
/// hours` is not, nor `10 months` `a year`.
pub(crate) fn same_converted(a: f64, from: &str, b: f64, to: &str) -> bool {
    let near = |x: Option<f64>, written: f64, unit: &str| {
        let counted = is_span_of_time(unit) && written.fract() == 0.0;
        let tolerance = if counted {
            1e-9 * written.abs().max(1.0)
        } else {
            rounding(written)
        };
        x.is_some_and(|x| (x - written).abs() <= tolerance)
    };
    near(convert(a, from, to), b, to) || near(convert(b, to, from), a, from)
}

/// Largest share by which an estimate converted into another unit may miss the other side's
/// estimate (`about 4.6 billion km` = `about 2.8 billion miles`, truncated rather than rounded).
const ESTIMATE_SHARE_MAX: f64 = 0.05;

/// Whether two estimates (`about ...`) in units `from` and `to` are one amount converted: `a`
/// converted lies within [`ESTIMATE_SHARE_MAX`] of `b`.
pub(crate) fn same_estimate_converted(a: f64, from: &str, b: f64, to: &str) -> bool {
    convert(a, from, to).is_some_and(|x| (x - b).abs() <= b.abs() * ESTIMATE_SHARE_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converted_amounts_round_to_each_other() {
        assert!(same_converted(41.0, "°C", 106.0, "°F"));
        assert!(same_converted(2.4, "mile", 3.9, "km"));
        assert!(same_converted(100.0, "mile", 160.0, "km"));
        assert!(same_converted(3000.0, "metre", 3.0, "km"));
        assert!(same_converted(6.5, "metre", 650.0, "cm"));
        assert!(same_converted(10.0, "cm", 100.0, "mm"));
        assert!(!same_converted(3000.0, "metre", 30.0, "km"));
        assert!(same_converted(120.0, "mph", 193.0, "km/h"));
        assert!(!same_converted(41.0, "°C", 100.0, "°F"));
        assert!(!same_converted(100.0, "km", 70.0, "mile"));
        assert!(!same_converted(2.4, "mile", 3.5, "km"));
        assert!(!same_converted(5.0, "km", 5.0, "kg"));
        assert!(same_converted(1.2, "tonne", 1200.0, "kg"));
        assert!(same_converted(48.0, "hour", 2.0, "day"));
        assert!(same_converted(3.0, "week", 21.0, "day"));
        assert!(!same_converted(72.0, "hour", 2.0, "day"));
        assert!(!same_converted(40.0, "hour", 2.0, "day"));
        assert!(!same_converted(10.0, "month", 1.0, "year"));
        assert!(same_converted(100.0, "minute", 1.7, "hour"));
        assert!(same_converted(12.0, "month", 1.0, "year"));
        assert!(same_converted(7269.0, "second", 121.15, "minute"));
        assert!(same_converted(1.0, "week", 168.0, "hour"));
        assert!(!same_converted(52.0, "week", 1.0, "year"));
        assert!(!convertible("month", "day") && !convertible("year", "week"));
        assert!(same_estimate_converted(4.6e9, "km", 2.8e9, "mile"));
        assert!(!same_estimate_converted(4.6e9, "km", 2.6e9, "mile"));
    }

    #[test]
    fn a_measure_word_may_count_several_of_its_unit() {
        assert_eq!(measure_word("decades"), Some(("year", 10.0)));
        assert_eq!(measure_word("megawatts"), Some(("watt", 1e6)));
        assert_eq!(measure_word("GW"), Some(("watt", 1e9)));
        assert_eq!(measure_word("TWh"), Some(("watt-hour", 1e12)));
        assert_eq!(measure_word("Gbps"), Some(("bit", 1e9)));
        assert_eq!(measure_word("megabytes"), Some(("byte", 1e6)));
        assert!(same_converted(4000.0, "sq km", 1544.0, "sq mile"));
        assert!(same_converted(2.0, "hectare", 20_000.0, "sq metre"));
        assert_eq!(measure_word("Fahrenheit"), Some(("°F", 1.0)));
        assert!(convertible("mile", "km") && !convertible("km", "km"));
        assert!(units_compatible(Some("degree"), Some("°C")));
        assert!(!units_compatible(Some("°F"), Some("°C")));
    }

    #[test]
    fn a_bare_count_stands_only_for_a_count_or_money() {
        assert!(may_stand_for(None, None));
        assert!(may_stand_for(None, Some("USD")));
        assert!(may_stand_for(Some("mile"), Some("km")));
        assert!(!may_stand_for(Some("%"), None));
        assert!(!may_stand_for(None, Some("year")));
        assert!(!may_stand_for(Some("th"), None));
        assert!(!may_stand_for(Some("%"), Some("USD")));
    }
}
