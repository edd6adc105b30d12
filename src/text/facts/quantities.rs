//! Quantities: counts, amounts, percentages and ranges, with their qualifier, unit and currency.
//!
//! Equal amounts written differently read the same: `1 million` = `1,000,000` = `one million`,
//! `$153,000` = `153,000 dollars`, `60 to 80` = `60-80` = `between 60 and 80` = `60 through
//! 80`, `five` = `5`, `a dozen` = `12`. Qualifiers fall into classes that compare as one: a
//! lower bound (`at least`, `no less than`, `a minimum of`, `more than`, `over`, `or more`), an
//! upper bound (`at most`, `up to`, `no more than`, `less than`, `under`), an estimate (`about`,
//! `around`, `nearly`, `some`, `an estimated`). Vague counts (`dozens`, `hundreds`, `thousands`, `tens of thousands`)
//! stand for a range of values, so `60 to 80 -> dozens` is a fact made less specific.
//! After a verb of change, `from X to Y` is two values, not a range (`jumped from 29.4 to 32.6`).
//!
//! A change written as a multiple reads as the percentage it is (`doubled` = `rose 100%` =
//! `two-fold`, `halved` = `fell by half`), a spelled ordinal as its number (`third` = `3rd`),
//! and `over` before a duration as during (`tracked them over eight years` = `for eight
//! years`) unless it bounds (`for over eight years`).
//!
//! Amounts and durations written in words read as their figures: a share of a scale word or a
//! measure (`a quarter of a million` = `250,000`, `half an hour` = `30 minutes`), a measure and
//! a half (`a day and a half` = `36 hours`), one span of time where it is a duration (`within a
//! year` = `within 12 months`, not the rate of `$5 million a year`; `the past decade` = `the
//! last ten years`, `the week to Sunday` = `the seven days to Sunday`), a span told in several
//! units or as a clock (`2 hours, 1 minute and 9 seconds` = `2:01:09`).
//!
//! An amount that only converts the amount before it into another currency or unit (`1
//! million yuan (about $153,000)`, `41C (106F)`) is flagged as a conversion: dropping or
//! adding it changes no fact; and an amount converted into another unit of its dimension is
//! the same amount (`41C` = `106F`, see `units`).

use super::lex::{Kind, Lower, Word};
use super::numerals::{fraction_at, multiple, ordinal, scale_word, spelled_number, vague_word};
use super::units::{
    convert, convertible, has_conversions, is_currency, is_span_of_time, measure_word,
    same_converted, same_estimate_converted, units_compatible,
};

/// How a quantity bounds its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// The value as stated (`50`, `60 to 80`).
    Exact,
    /// A lower bound (`at least 50`, `more than 50`, `50 or more`).
    AtLeast,
    /// An upper bound (`up to 50`, `fewer than 50`).
    AtMost,
    /// An estimate (`about 50`, `nearly 50`, `some 50`).
    About,
    /// A vague count standing for a range (`dozens`, `thousands`).
    Vague,
}

/// One quantity of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value, or the low end of a range.
    pub low: f64,
    /// The high end of a range (equal to `low` for a single value).
    pub high: f64,
    /// How the value is bounded.
    pub bound: Bound,
    /// Percent (`%`), percentage points (`pp`), a currency code (`USD`, `CNY`, `¥` for either
    /// yen or yuan), a measure (`year`, `km` ...) or an ordinal (`th`); None for a plain count.
    pub unit: Option<&'static str>,
    /// The quantity as written (`at least 50`, `$1.53 million`).
    pub text: String,
    /// A currency amount that converts the amount just before it.
    pub conversion: bool,
    /// Written as a fraction (`a third`, `half`): equal to a percentage within one point.
    pub fraction: bool,
    /// What the figure is in a change, when the word before it tells.
    pub role: Option<Role>,
    /// Where it starts in its sentence, in bytes.
    pub at: usize,
    /// For a plain count, the lowercase words it counts (`three-term congressman`: term,
    /// congressman; `23 U.S. troops`: troops); empty when none follow.
    pub counted: Vec<String>,
    /// For a plain count right after a capitalised word inside running text (`Pentium 4`,
    /// `Boeing 737`), that word, lowercase: the count may be part of a name.
    pub after_name: Option<String>,
}

/// What a figure is in a sentence that tells a change, by the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Where the change started: `from $2,500`.
    Start,
    /// Where it ended or stands: `to $2,800`, `at $21.51`.
    Level,
    /// The change itself: `by $300`, `rose $2.11`.
    Change,
}

/// The role of the figure starting at word `i`, by the word just before it.
fn role_at(words: &[Word<'_>], i: usize) -> Option<Role> {
    let before = words[..i].last()?;
    if before.is("from") {
        Some(Role::Start)
    } else if before.is("to") || before.is("at") {
        Some(Role::Level)
    } else if before.is("by") || changes(before) {
        Some(Role::Change)
    } else {
        None
    }
}

/// Whether `word` is a verb of change ([`CHANGE_VERB_STEMS`]).
fn changes(word: &Word<'_>) -> bool {
    let lower = word.text.to_lowercase();
    CHANGE_VERB_STEMS.iter().any(|stem| lower.starts_with(stem))
}

impl Quantity {
    /// Whether two quantities state the same fact (values, bound class, compatible units).
    /// An amount converted into another unit of its dimension (`41C` = `106F`) is the same.
    pub fn same(&self, other: &Quantity) -> bool {
        if let (Some(a), Some(b)) = (self.unit, other.unit)
            && convertible(a, b)
        {
            let converted = |x: f64, y: f64| {
                same_converted(x, a, y, b)
                    || (self.bound == Bound::About && same_estimate_converted(x, a, y, b))
            };
            return self.bound == other.bound
                && converted(self.low, other.low)
                && converted(self.high, other.high);
        }
        let near = |a: f64, b: f64| {
            close(a, b) || ((self.fraction || other.fraction) && (a - b).abs() <= 1.0)
        };
        near(self.low, other.low)
            && near(self.high, other.high)
            && self.bound == other.bound
            && units_compatible(self.unit, other.unit)
    }

    /// Whether `self` is a vaguer statement that contains `other` (`dozens` ⊇ `60 to 80`,
    /// `about 50` ⊇ `50`, `more than 2,100` ⊇ `2,100`), or `other` rounded (`$114 million` ⊇
    /// `$114.3 million`, `some $65 billion` ⊇ `$64.7 billion`, `300` ⊇ `296`), in units
    /// converted into each other (`about a week` ⊇ `seven days`).
    pub fn contains(&self, other: &Quantity) -> bool {
        // `about a week` ⊇ `seven days`: compared in one unit.
        if let (Some(a), Some(b)) = (self.unit, other.unit)
            && convertible(a, b)
            && let (Some(low), Some(high)) = (convert(other.low, b, a), convert(other.high, b, a))
        {
            let converted = Quantity {
                low,
                high,
                unit: self.unit,
                ..other.clone()
            };
            return self.contains(&converted);
        }
        let same_values = close(self.low, other.low) && close(self.high, other.high);
        let rounded =
            || self.low == self.high && other.low == other.high && rounds_to(other.low, self.low);
        units_compatible(self.unit, other.unit)
            && match self.bound {
                Bound::Vague => {
                    self.low <= other.low && other.high <= self.high && other.bound != Bound::Vague
                }
                Bound::About | Bound::Exact => {
                    self.scale_elided_in(other)
                        || (other.bound == Bound::Exact
                            && ((self.bound == Bound::About && same_values) || rounded()))
                }
                // `more than 6 percent` ⊇ `6.4 percent`, `up to 50` ⊇ `about 40`, within
                // [`BOUND_REACH`] of the bound.
                Bound::AtLeast => {
                    matches!(other.bound, Bound::Exact | Bound::About)
                        && (same_values
                            || (other.low >= self.low && other.high <= self.low * BOUND_REACH))
                }
                Bound::AtMost => {
                    matches!(other.bound, Bound::Exact | Bound::About)
                        && (same_values
                            || (other.high <= self.high && other.low >= self.high / BOUND_REACH))
                }
            }
    }
}

impl Quantity {
    /// Whether `other` is `self` with its scale word left out (`1.1 million` / `1.1`, `44M` /
    /// `44`): outlets repeat a figure without the `million` the sentence already gave.
    fn scale_elided_in(&self, other: &Quantity) -> bool {
        let states_scale = self
            .text
            .split(|c: char| c.is_whitespace() || c == '-' || c.is_ascii_digit() || c == '.')
            .any(|word| scale_word(word, true).is_some_and(|scale| scale >= 1e3));
        states_scale
            && self.low == self.high
            && other.low == other.high
            && !other.text.chars().any(char::is_alphabetic)
            && [1e3, 1e6, 1e9, 1e12]
                .iter()
                .any(|scale| close(self.low, other.low * scale))
    }
}

/// How far beyond its figure a bound reaches to contain another figure (`more than 6` holds
/// `6.4`, not `11.8 million`; `just under $3.1 billion` holds `$3 billion`, not `$2.11`):
/// further off, the two figures are read as different things.
const BOUND_REACH: f64 = 2.0;

/// Largest share of a rounded value by which the value it rounds may differ from it (`300` for
/// `296` is 1.3%; `10` for `12` is no rounding but another count).
const ROUNDING_SHARE_MAX: f64 = 0.05;

/// The place of a value's last significant digit (`114,000,000` → 1,000,000; `21.51` → 0.01).
fn last_digit_place(value: f64) -> f64 {
    let whole_at = |place: f64| {
        let steps = value / place;
        (steps - steps.round()).abs() < 1e-6
    };
    let mut place = 1.0;
    while !whole_at(place) && place > 1e-6 {
        place /= 10.0;
    }
    while value != 0.0 && (1.0..1e15).contains(&place) && whole_at(place * 10.0) {
        place *= 10.0;
    }
    place
}

/// Whether `coarse` is `precise` rounded to `coarse`'s last significant digit, a coarser place
/// than `precise`'s, and close to it.
fn rounds_to(precise: f64, coarse: f64) -> bool {
    let place = last_digit_place(coarse);
    place > last_digit_place(precise)
        && close((precise / place).round() * place, coarse)
        && (precise - coarse).abs() <= ROUNDING_SHARE_MAX * coarse.abs()
}

/// Whether `change` (by how much) and `start` (from where) tell one change ending at `level`:
/// `rose by $30 to $280` = `rose to $280 from $250`, a fall too (`fell by 40 to 270` = `fell to
/// 270 from 310`); a change in percentage points moves a percentage (`raised by a quarter of a
/// percentage point to 4.5%` = `raised to 4.5% from 4.25%`).
pub fn one_change(change: &Quantity, start: &Quantity, level: &Quantity) -> bool {
    let exact = |q: &Quantity| q.low == q.high && q.bound == Bound::Exact;
    let change_unit_fits =
        change.unit == level.unit || (change.unit == Some("pp") && level.unit == Some("%"));
    change.role == Some(Role::Change)
        && start.role == Some(Role::Start)
        && level.role == Some(Role::Level)
        && start.unit == level.unit
        && change_unit_fits
        && [change, start, level].into_iter().all(exact)
        && (close(start.low + change.low, level.low) || close(start.low - change.low, level.low))
}

/// Whether two values are equal up to rounding noise.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The value of a number written in digits: commas group thousands (`88,747`), except one
/// comma before one or two digits, a decimal comma (`3,4 million` is 3.4 million).
fn digits_value(text: &str) -> Option<f64> {
    match text.split_once(',') {
        Some((whole, decimals))
            if !text.contains('.')
                && !decimals.contains(',')
                && (1..=2).contains(&decimals.len()) =>
        {
            format!("{whole}.{decimals}").parse().ok()
        }
        _ => text.replace(',', "").parse().ok(),
    }
}

/// Qualifier phrases before a number, as lowercase word sequences.
const QUALIFIERS: &[(&[&str], Bound)] = &[
    (&["at", "least"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["not", "less", "than"], Bound::AtLeast),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["not", "fewer", "than"], Bound::AtLeast),
    (&["a", "minimum", "of"], Bound::AtLeast),
    (&["at", "minimum"], Bound::AtLeast),
    (&["more", "than"], Bound::AtLeast),
    (&["greater", "than"], Bound::AtLeast),
    (&["upwards", "of"], Bound::AtLeast),
    (&["in", "excess", "of"], Bound::AtLeast),
    (&["just", "over"], Bound::AtLeast),
    (&["over"], Bound::AtLeast),
    (&["at", "most"], Bound::AtMost),
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["a", "maximum", "of"], Bound::AtMost),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "much", "as"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    (&["less", "than"], Bound::AtMost),
    (&["fewer", "than"], Bound::AtMost),
    (&["just", "under"], Bound::AtMost),
    (&["under"], Bound::AtMost),
    (&["an", "estimated"], Bound::About),
    (&["estimated"], Bound::About),
    (&["approximately"], Bound::About),
    (&["approx"], Bound::About),
    (&["roughly"], Bound::About),
    (&["around"], Bound::About),
    (&["about"], Bound::About),
    (&["nearly"], Bound::About),
    (&["almost"], Bound::About),
    (&["close", "to"], Bound::About),
    (&["some"], Bound::About),
];

/// Currency words after a number.
fn currency_word(word: &str) -> Option<&'static str> {
    match Lower::new(word)?.as_str() {
        "yuan" | "renminbi" | "rmb" | "元" | "人民币" => Some("CNY"),
        "美元" => Some("USD"),
        "欧元" => Some("EUR"),
        "英镑" => Some("GBP"),
        "日元" | "円" => Some("JPY"),
        "港元" | "港币" => Some("HKD"),
        "dollars" | "dollar" | "usd" => Some("USD"),
        "euros" | "euro" | "eur" => Some("EUR"),
        "pounds" | "pound" | "gbp" => Some("GBP"),
        "yen" | "jpy" => Some("JPY"),
        "rupees" | "rupee" => Some("INR"),
        "rubles" | "roubles" => Some("RUB"),
        "won" => Some("KRW"),
        _ => None,
    }
}

/// An amount before any range or unit: value, currency, and where it ends.
struct Amount {
    value: f64,
    /// The currency written with the figure (`$`, `US$`), or the unit of a clock-style
    /// duration (`2:01:09` is in seconds).
    unit: Option<&'static str>,
    vague: Option<(f64, f64)>,
    /// The product of the scale words (`million` ...), 1.0 without any.
    scale: f64,
    /// Written as a fraction (`a third`): `value` is the share, 0 to 1.
    fraction: bool,
    /// A change written as a multiple (`doubled`, `threefold`): `fraction` too, its share the
    /// change (1.0 for `doubled`, as `rose 100%`).
    multiplier: bool,
    /// A spelled ordinal (`third`), read as `3rd`.
    ordinal: bool,
    end: usize,
}

/// Whether nearly all words of a sentence longer than three letters (at least three of them)
/// are capitalised: a headline in title case, not prose full of names.
fn title_case(words: &[Word<'_>]) -> bool {
    let long: Vec<&Word<'_>> = words
        .iter()
        .filter(|w| w.kind == Kind::Alpha && w.text.chars().count() > 3)
        .collect();
    let capitalised = long.iter().filter(|w| w.is_capitalised()).count();
    long.len() >= 3 && capitalised * 10 >= long.len() * 8
}

/// Finds the quantities of a sentence, skipping words already `taken` (by dates) and marking
/// the words each quantity uses.
pub(crate) fn scan(sentence: &str, words: &[Word<'_>], taken: &mut [bool]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    // Word index just past the previous amount in a currency or a convertible measure, its
    // unit and its value.
    let mut last_unit: Option<(usize, &'static str, f64)> = None;
    // Whether the sentence is a headline in title case, read once and only when asked.
    let headline = std::cell::LazyCell::new(|| title_case(words));
    let mut i = 0;
    while i < words.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let (bound_prefix, at) = match qualifier_at(words, i) {
            Some((bound, len)) => (Some(bound), i + len),
            None => (None, i),
        };
        let between = words[at..].first().is_some_and(|w| w.is("between"));
        let at = if between { at + 1 } else { at };
        let Some(first) = amount(words, at, taken) else {
            i += 1;
            continue;
        };
        let mut end = first.end;
        let mut low = first;
        let mut high: Option<Amount> = None;
        // A range: `60 to 80`, `60-80`, `between 60 and 80`, `4.2 through 4.7`.
        if let Some(joiner) = words.get(end) {
            let joins = if between {
                joiner.is("and")
            } else {
                (joiner.is("to") && !opens_a_change(words, i) && !tallies(words, i))
                    || joiner.is("through")
                    || joiner.is("至")
                    || joiner.is("到")
                    || joiner.is_punct('~')
                    || joiner.is_punct('～')
                    || joiner.is_punct('-')
                    || joiner.is_punct('–')
                    || joiner.is_punct('—')
            };
            // `52-48` (a vote, a score) is two numbers, not a range; `grew by a fifth to $30
            // billion` is a share and then an amount.
            if joins
                && let Some(second) = amount(words, end + 1, taken)
                && (second.value > low.value || second.vague.is_some())
                && !(joiner.is("to") && moves_then_reaches(words, i, &low, &second))
                && second.fraction == low.fraction
                && !low.multiplier
                && !second.multiplier
            {
                end = second.end;
                high = Some(second);
            }
        }
        if between && high.is_none() {
            i += 1;
            continue;
        }
        if let Some(second) = &mut high {
            // `60 to 80 million`, `$5 to 6 million`: the scale and currency of one end hold for both.
            // `500,000 to 1 million` is no `500,000 million`: share only onto a smaller number.
            if takes_scale_of(&low, second) {
                low.value *= second.scale;
            }
            low.unit = low.unit.or(second.unit);
            second.unit = second.unit.or(low.unit);
        }
        // `1 in 5`, `one-in-four`: a share.
        if high.is_none()
            && !low.fraction
            && low.unit.is_none()
            && let Some(whole_at) = share_whole_at(words, end)
            && let Some(whole) = amount(words, whole_at, taken)
            && whole.unit.is_none()
            && whole.vague.is_none()
            && whole.value > low.value
            && whole.value <= 1000.0
        {
            low.value /= whole.value;
            low.fraction = true;
            end = whole.end;
        }
        let (mut unit, count, bound_suffix, unit_end) = suffix(words, end, low.unit);
        // `a day and a half`, `two miles and a half`: half a unit more.
        let measured = unit_end > end
            && words[unit_end - 1].kind == Kind::Alpha
            && measure_word(words[unit_end - 1].text).is_some();
        end = unit_end;
        if measured
            && high.is_none()
            && !low.fraction
            && let Some(len) = and_a_half_at(words, end, taken)
        {
            low.value += 0.5;
            end += len;
        }
        // `three decades` is 30 years.
        low.value *= count;
        if let Some(second) = &mut high {
            second.value *= count;
        }
        if low.ordinal {
            unit = Some("th");
        }
        // `the 14th Amendment`, `the 1st Armored Division`: an ordinal in figures before a
        // capitalised word of running text is part of a name, no figure (`her third Olympic
        // medal` counts). A headline in title case capitalises every word, so there an ordinal
        // still counts: `Profits Rise in 3rd Quarter`.
        if unit == Some("th")
            && !low.ordinal
            && high.is_none()
            && words.get(end).is_some_and(Word::is_capitalised)
            && !*headline
        {
            i += 1;
            continue;
        }
        if unit.is_none() && high.is_none() && bound_prefix.is_none() && is_age(words, i, end) {
            unit = Some(AGE);
        }
        // `a quarter of a percentage point` is 0.25 points, `half a percentage point` 0.5; any
        // other fraction is a share.
        let fraction = low.fraction && high.is_none();
        if fraction {
            // `a quarter of a percentage point`, `half a percentage point`.
            let point_at = |k: usize| {
                ["a", "percentage", "point"]
                    .iter()
                    .enumerate()
                    .all(|(n, w)| words.get(k + n).is_some_and(|x| x.is(w)))
            };
            let of = words.get(end).is_some_and(|x| x.is("of"));
            if point_at(end + usize::from(of)) {
                unit = Some("pp");
                end += 3 + usize::from(of);
            } else {
                unit = Some("%");
                low.value *= 100.0;
            }
        }
        // `tracked them over eight years` is during, not more than; `for over eight years`,
        // `over 65 years old` and `over two years ago` still bound.
        let during = words[i].is("over")
            && unit.is_some_and(|u| DURATIONS.contains(&u))
            && !(i > 0 && ["for", "aged", "of"].iter().any(|w| words[i - 1].is(w)))
            && !words
                .get(end)
                .is_some_and(|w| w.is("old") || w.is("ago") || w.is("older"));
        // `2 hours, 1 minute and 9 seconds`: one span of time, in its smallest unit.
        if high.is_none()
            && !fraction
            && let Some(span) = unit.filter(|u| is_span_of_time(u))
        {
            let (value, smallest, span_end) = smaller_spans(words, end, span, low.value, taken);
            (low.value, unit, end) = (value, Some(smallest), span_end);
        }
        let bound = if low.vague.is_some() {
            Bound::Vague
        } else if during {
            Bound::Exact
        } else {
            bound_prefix.or(bound_suffix).unwrap_or(Bound::Exact)
        };
        let (lo, hi) = match (&low.vague, &high) {
            (Some((a, b)), _) => (*a, *b),
            (None, Some(second)) => (low.value, second.value),
            (None, None) => (low.value, low.value),
        };
        // The quantity as written starts at its qualifier or `between`, if any.
        let start_word = i;
        // `1 million yuan (about $153,000)`, `41C (106F)`: the same amount in another unit,
        // within rounding where the units convert at a fixed rate (`fell 38 cents to $27.45`
        // is a change and a level).
        let converts = |from: &str, value: f64, to: &str| {
            is_currency(from) && is_currency(to) && from != to
                || convertible(from, to) && same_converted(value, from, lo, to)
        };
        let conversion = last_unit.is_some_and(|(money_end, money, value)| {
            unit.is_some_and(|u| converts(money, value, u))
                && words[money_end..start_word].iter().all(|w| {
                    w.kind == Kind::Punct
                        || [
                            "about",
                            "around",
                            "roughly",
                            "approximately",
                            "approx",
                            "some",
                            "or",
                            "nearly",
                            "equivalent",
                            "to",
                            "worth",
                        ]
                        .iter()
                        .any(|filler| w.is(filler))
                })
                && start_word - money_end <= 4
        });
        if let Some(u) = unit.filter(|u| is_currency(u) || has_conversions(u)) {
            last_unit = Some((end, u, lo));
        }
        for flag in &mut taken[start_word..end] {
            *flag = true;
        }
        out.push(Quantity {
            low: lo,
            high: hi,
            bound,
            unit,
            text: sentence[words[start_word].start..words[end - 1].end].to_string(),
            conversion,
            // A number of percentage points is exact, not a share compared within a point.
            fraction: fraction && unit != Some("pp"),
            role: role_at(words, start_word),
            at: words[start_word].start,
            counted: if unit.is_none() {
                counted_words(words, end)
            } else {
                Vec::new()
            },
            after_name: (unit.is_none() && high.is_none() && bound == Bound::Exact)
                .then(|| name_before(words, start_word, *headline))
                .flatten(),
        });
        i = end;
    }
    out
}

/// How many lowercase words after a plain count can name what it counts.
const COUNTED_WORDS: usize = 2;

/// The lowercase words a plain count ending before word `end` counts: up to
/// [`COUNTED_WORDS`] content words, passing over a joining hyphen and capitalised words
/// (`23 U.S. troops`), up to the first function word or other punctuation.
fn counted_words(words: &[Word<'_>], end: usize) -> Vec<String> {
    let mut counted = Vec::new();
    for word in &words[end.min(words.len())..] {
        if counted.len() == COUNTED_WORDS {
            break;
        }
        if word.is_punct('-') || word.is_punct('.') || word.is_capitalised() {
            continue;
        }
        if word.kind != Kind::Alpha
            || crate::text::stopwords::is_stopword(&word.text.to_lowercase())
        {
            break;
        }
        counted.push(word.text.to_lowercase());
    }
    counted
}

/// The capitalised word, lowercase, just before word `k` of running text: not the sentence's
/// first word, nor any word of a `headline` in title case; through a number joined by a hyphen
/// (`Boeing 737-700s`: `boeing` for `700` too).
fn name_before(words: &[Word<'_>], k: usize, headline: bool) -> Option<String> {
    let before = words.get(k.checked_sub(1)?)?;
    if before.is_punct('-') && k >= 2 {
        let number = &words[k - 2];
        let joined = number.kind == Kind::Number
            && number.end == before.start
            && before.end == words[k].start;
        return joined
            .then(|| name_before(words, k - 2, headline))
            .flatten();
    }
    (k >= 2 && before.kind == Kind::Alpha && before.is_capitalised() && !headline)
        .then(|| before.text.to_lowercase())
}

/// Whether two figures may count the same thing: a figure with a unit, or a count with
/// nothing after it, may; two plain counts must share a counted word (`88,747 votes` is no
/// count of `three-term` congressmen; `ten police officers` and `12 officers` count alike);
/// and a count right after a name (`Pentium 4`) is put only for one after the same name
/// (`Arsenal 2` / `Arsenal 3`), never for a figure elsewhere (`40G-byte`).
pub(crate) fn count_alike(a: &Quantity, b: &Quantity) -> bool {
    // Stemmed here, for the few pairs compared, rather than for every figure read.
    let stems = |words: &[String]| -> Vec<String> {
        words
            .iter()
            .flat_map(|w| crate::text::tokens::tokenize(w))
            .map(|t| crate::text::synonyms::canonical(&t.stem).to_string())
            .collect()
    };
    a.after_name == b.after_name
        && (a.counted.is_empty() || b.counted.is_empty() || {
            let theirs = stems(&b.counted);
            stems(&a.counted).iter().any(|w| theirs.contains(w))
        })
}

/// The group of three digits a single space after word `k` (a number), when thousands are set
/// apart by spaces (`80 937`, `1 250 000`); not a model number glued to letters or a hyphen
/// (`15 737s`, `10 100-metre`).
fn thousands_group_after(words: &[Word<'_>], k: usize, taken: &[bool]) -> Option<f64> {
    let next = words.get(k + 1)?;
    let glued_on = words
        .get(k + 2)
        .is_some_and(|w| w.start == next.end && (w.kind != Kind::Punct || w.is_punct('-')));
    let group = next.kind == Kind::Number
        && !taken[k + 1]
        && next.start == words[k].end + 1
        && next.text.len() == 3
        && next.text.chars().all(|c| c.is_ascii_digit())
        && !glued_on;
    group.then(|| next.text.parse().ok()).flatten()
}

/// The unit of a person's age (`a 34-year-old`, `30 years old`, `Durousseau, 30,`), apart from
/// a span of years (`a 20-year sentence`).
const AGE: &str = "age";

/// The oldest age an age set off after a name may be.
const AGE_MAX: u32 = 120;

/// Whether the bare whole number at words `start..end` is an age set off after a name
/// (`Paul Durousseau, 30, was charged`, `Peterson, 31.`): a comma before it, a capitalised word
/// before that, and a comma or the sentence's end after it.
fn is_age(words: &[Word<'_>], start: usize, end: usize) -> bool {
    let whole = end == start + 1
        && words[start].kind == Kind::Number
        && words[start]
            .text
            .parse::<u32>()
            .is_ok_and(|n| (1..=AGE_MAX).contains(&n));
    let after_name =
        start >= 2 && words[start - 1].is_punct(',') && words[start - 2].is_capitalised();
    let set_off = words
        .get(end)
        .is_none_or(|w| w.is_punct(',') || w.is_punct('.'));
    whole && after_name && set_off
}

/// The units of spans of time long enough to be told as a duration: `over` one is during it
/// (`over eight years`), and `a` or `one` before one after a word that leads a duration counts
/// one (`within a year`); a minute or a second is too often a moment (`for a second`, `wait a
/// minute`).
const DURATIONS: &[&str] = &["year", "month", "week", "day", "hour"];

/// Words that govern `a year`, `an hour`, `one week` as a duration: prepositions of time and
/// verbs of spending time. A rate (`$5 million a year`, `twice a week`) and a span that is
/// itself the subject (`nearly a month passed`) have none.
const DURATION_LEADS: &[&str] = &[
    "within", "for", "in", "after", "over", "under", "to", "took", "takes", "spent", "lasted",
    "lasting",
];

/// Whether `a`, `an` or `one` at word `i` counts one of the measure after it: before `and a
/// half` (`a day and a half`, `a mile and a half`), or one of a span of time
/// ([`DURATIONS`]) as a duration, governed by one of [`DURATION_LEADS`] directly or through a
/// qualifier (`within a year`, `for more than a week`, `spent nearly an hour`), and not
/// opening a relative clause (`in a year when ...`).
fn one_of_measure(words: &[Word<'_>], i: usize, taken: &[bool]) -> bool {
    let Some((unit, _)) = words
        .get(i + 1)
        .filter(|u| u.kind == Kind::Alpha && !taken[i + 1])
        .and_then(|u| measure_word(u.text))
    else {
        return false;
    };
    let qualifier_start = (i.saturating_sub(3)..i)
        .find(|&j| qualifier_at(words, j).is_some_and(|(_, len)| j + len == i))
        .unwrap_or(i);
    let led = [i, qualifier_start]
        .iter()
        .any(|&k| k > 0 && DURATION_LEADS.iter().any(|l| words[k - 1].is(l)));
    let clause = words
        .get(i + 2)
        .is_some_and(|c| ["when", "where", "that", "which"].iter().any(|x| c.is(x)));
    and_a_half_at(words, i + 2, taken).is_some() || (DURATIONS.contains(&unit) && led && !clause)
}

/// Words that make `the <span>` a stretch of time counted back or on from now (`the past
/// decade`, `the last week`).
const SPAN_ADJECTIVES: &[&str] = &["past", "last", "previous", "preceding", "next", "coming"];

/// Words after `the <span>` that end it at a date (`the year to September`, `the week ending
/// Sunday`).
const SPAN_ENDS: &[&str] = &["to", "through", "ending", "until"];

/// Where the measure word stands when `the` at word `i` opens one span of time: `the past
/// decade` = `the last ten years`, `the year to September` = `the 12 months to September`,
/// `the week to Sunday` = `the seven days to Sunday`. Without an adjective of [`SPAN_ADJECTIVES`]
/// or an end of [`SPAN_ENDS`], `the year` is a time, not a length (`later in the year`).
fn the_span_at(words: &[Word<'_>], i: usize, taken: &[bool]) -> Option<usize> {
    if !words[i].is("the") {
        return None;
    }
    let free = |k: usize| {
        words
            .get(k)
            .filter(|_| !taken.get(k).copied().unwrap_or(true))
    };
    let adjective = free(i + 1).is_some_and(|w| SPAN_ADJECTIVES.iter().any(|a| w.is(a)));
    let unit_at = i + 1 + usize::from(adjective);
    let (unit, _) = free(unit_at)
        .filter(|w| w.kind == Kind::Alpha)
        .and_then(|w| measure_word(w.text))?;
    let ended = words
        .get(unit_at + 1)
        .is_some_and(|w| SPAN_ENDS.iter().any(|e| w.is(e)));
    (DURATIONS.contains(&unit) && (adjective || ended)).then_some(unit_at)
}

/// How many words `and a half` takes when written from word `k` (`three and a half`, `a day
/// and a half`, `a year-and-a-half`, its hyphens glued to its words).
fn and_a_half_at(words: &[Word<'_>], k: usize, taken: &[bool]) -> Option<usize> {
    let free = |k: usize| words.get(k).filter(|_| !taken[k]);
    let glued_hyphen =
        |k: usize| free(k).is_some_and(|h| h.is_punct('-') && k > 0 && h.start == words[k - 1].end);
    let mut at = k;
    for part in ["and", "a", "half"] {
        if glued_hyphen(at) {
            at += 1;
        }
        if !free(at).is_some_and(|w| w.is(part)) {
            return None;
        }
        at += 1;
    }
    Some(at - k)
}

/// The smaller spans of time written after a span (`2 hours, 1 minute and 9 seconds`), which
/// state one span with it: from the span of `value` in `unit` ending at word `end`, the whole
/// in the smallest unit and the index just past it.
fn smaller_spans(
    words: &[Word<'_>],
    mut end: usize,
    mut unit: &'static str,
    mut value: f64,
    taken: &[bool],
) -> (f64, &'static str, usize) {
    loop {
        let mut k = end;
        if words.get(k).is_some_and(|c| c.is_punct(',')) {
            k += 1;
        }
        if words.get(k).is_some_and(|a| a.is("and")) {
            k += 1;
        }
        let Some(part) = amount(words, k, taken)
            .filter(|p| p.unit.is_none() && p.vague.is_none() && !p.fraction && !p.ordinal)
        else {
            break;
        };
        let (Some(smaller), count, None, after) = suffix(words, part.end, None) else {
            break;
        };
        let Some(whole) =
            convert(value, unit, smaller).filter(|w| is_span_of_time(smaller) && *w > value)
        else {
            break;
        };
        (value, unit, end) = (whole + part.value * count, smaller, after);
    }
    (value, unit, end)
}

/// Whether the amount starting at word `i` opens a tally (`a vote of 186 to 237`, `a score of
/// 3 to 1`): two counts, not a range.
fn tallies(words: &[Word<'_>], i: usize) -> bool {
    i > 1
        && words[i - 1].is("of")
        && ["vote", "votes", "score", "tally", "margin"]
            .iter()
            .any(|w| words[i - 2].is(w))
}

/// How verbs of change begin (`rose`, `jumping`, `increased`, `fell` ...): after one, `from X
/// to Y` is a change from one value to another (`jumped from 29.4 to 32.6`), not a range as
/// after other verbs (`priced from $125 to $300`, `ranged from 60 to 80`).
const CHANGE_VERB_STEMS: &[&str] = &[
    "rose", "rise", "rising", "jump", "climb", "gain", "advanc", "surg", "soar", "grew", "grow",
    "increas", "fell", "fall", "drop", "declin", "slip", "slid", "plung", "shrank", "shrunk",
    "decreas", "improv", "moved", "went", "chang",
];

/// The most the high end of a range may be times its low end after a verb of change or `by`:
/// `rose 5 to 10 percent`, `fell by 60 million to 70 million` are ranges of the change, while
/// `rose by $300 to $2,800`, `fell $9.61 to $50.26` are the change and the level it reached.
const RANGE_AFTER_CHANGE_MAX_RATIO: f64 = 2.0;

/// Whether `low to second`, the amount starting at word `i`, is a change and the level it
/// reached rather than a range: right after `by` or a verb of change ([`CHANGE_VERB_STEMS`]),
/// with a level more than [`RANGE_AFTER_CHANGE_MAX_RATIO`] times the change.
fn moves_then_reaches(words: &[Word<'_>], i: usize, low: &Amount, second: &Amount) -> bool {
    let after_change = role_at(words, i) == Some(Role::Change);
    let low_value = if takes_scale_of(low, second) {
        low.value * second.scale
    } else {
        low.value
    };
    after_change
        && second.vague.is_none()
        && low.vague.is_none()
        && second.value > RANGE_AFTER_CHANGE_MAX_RATIO * low_value
}

/// Whether the low end of a range takes the scale of its high end: `60 to 80 million`, `$5 to
/// 6 million`; `500,000 to 1 million` is no `500,000 million`, so only onto a smaller number.
fn takes_scale_of(low: &Amount, high: &Amount) -> bool {
    low.scale == 1.0 && high.vague.is_none() && low.value <= high.value / high.scale
}

/// Whether the amount starting at word `i` (its qualifier included) is the first value of a
/// change: `from` just before it, a verb of change ([`CHANGE_VERB_STEMS`]) before that.
fn opens_a_change(words: &[Word<'_>], i: usize) -> bool {
    i > 1 && words[i - 1].is("from") && changes(&words[i - 2])
}

/// Whether a word is Latin letters (a name like `COVID` or `G`; CJK text runs into numbers
/// without spaces and names nothing by that).
fn latin_word(word: &Word<'_>) -> bool {
    word.kind == Kind::Alpha
        && word
            .text
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphabetic())
}

/// Qualifiers written abbreviated, with a full stop (`approx.`).
const ABBREVIATED_QUALIFIERS: &[&str] = &["approx"];

/// A qualifier phrase starting at word `i`: its bound and length in words (an abbreviation's
/// full stop included).
fn qualifier_at(words: &[Word<'_>], i: usize) -> Option<(Bound, usize)> {
    // `will go up to £230`, `climbed up to 40%`: a move to a level, not an upper bound.
    let moves_up = i > 0
        && (["go", "goes", "going", "gone", "went"]
            .iter()
            .any(|g| words[i - 1].is(g))
            || changes(&words[i - 1]));
    QUALIFIERS.iter().find_map(|(phrase, bound)| {
        if moves_up && phrase == &["up", "to"] {
            return None;
        }
        let matches =
            phrase.len() <= words.len() - i && phrase.iter().zip(&words[i..]).all(|(p, w)| w.is(p));
        let abbreviated = phrase
            .last()
            .is_some_and(|last| ABBREVIATED_QUALIFIERS.contains(last))
            && words.get(i + phrase.len()).is_some_and(|w| w.text == ".");
        matches.then_some((*bound, phrase.len() + usize::from(abbreviated)))
    })
}

/// A fraction written after a whole number at word `i`, and how many words it takes: a
/// vulgar fraction (`½`, `¾`) or a fraction of digits (`1/2`) below one.
fn fraction_after_whole(words: &[Word<'_>], i: usize, taken: &[bool]) -> Option<(f64, usize)> {
    let free = |k: usize| {
        words
            .get(k)
            .filter(|_| !taken.get(k).copied().unwrap_or(true))
    };
    let first = free(i)?;
    let mut chars = first.text.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(share) = vulgar_fraction(c)
    {
        return Some((share, 1));
    }
    let (slash, denominator) = (free(i + 1)?, free(i + 2)?);
    let glued = first.end == slash.start && slash.end == denominator.start;
    if first.kind != Kind::Number || !slash.is_punct('/') || !glued {
        return None;
    }
    let numerator: f64 = first.text.parse().ok()?;
    let denominator: f64 = denominator.text.parse().ok()?;
    (numerator > 0.0 && numerator < denominator && denominator <= 16.0)
        .then_some((numerator / denominator, 3))
}

/// Where the whole that a fraction ending at word `k` takes a share of starts, when that is a
/// scale word or a measure: `half a million`, `a quarter of a million`, `three-quarters of an
/// hour`, `a half-million` (the hyphen, which the scale words are read from).
fn whole_of_fraction(words: &[Word<'_>], k: usize, taken: &[bool]) -> Option<usize> {
    let word_at = |k: usize| words.get(k).filter(|_| !taken[k]);
    let is_scale = |k: usize| {
        word_at(k).is_some_and(|w| w.kind == Kind::Alpha && scale_word(w.text, false).is_some())
    };
    if word_at(k).is_some_and(|d| d.is_punct('-') && d.start == words[k - 1].end) {
        return is_scale(k + 1).then_some(k);
    }
    let k = if word_at(k).is_some_and(|o| o.is("of")) {
        k + 1
    } else {
        k
    };
    let article = word_at(k).is_some_and(|a| a.is("a") || a.is("an"));
    let measure =
        word_at(k + 1).is_some_and(|w| w.kind == Kind::Alpha && measure_word(w.text).is_some());
    (article && (is_scale(k + 1) || measure)).then_some(k + 1)
}

/// A duration written as a clock at word `i`, hours, minutes and seconds (`2:01:09`, a race
/// time): its length in seconds. Minutes and seconds take two digits each, below 60; hours and
/// minutes alone (`10:30`) and a time with `a.m.` or `p.m.` are times of day.
fn clock_duration(words: &[Word<'_>], i: usize) -> Option<f64> {
    let mut parts = words[i].text.split(':');
    let hours: f64 = parts.next()?.parse().ok()?;
    let mut sixtieths = || {
        parts
            .next()
            .filter(|p| p.len() == 2)
            .and_then(|p| p.parse::<f64>().ok())
            .filter(|n| *n < 60.0)
    };
    let (minutes, seconds) = (sixtieths()?, sixtieths()?);
    let meridiem = words
        .get(i + 1)
        .is_some_and(|m| ["am", "a.m.", "pm", "p.m."].iter().any(|x| m.is(x)));
    (parts.next().is_none() && !meridiem).then_some(hours * 3600.0 + minutes * 60.0 + seconds)
}

/// The share a vulgar fraction character stands for (`½` 0.5).
fn vulgar_fraction(c: char) -> Option<f64> {
    let share = match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅛' => 1.0 / 8.0,
        _ => return None,
    };
    Some(share)
}

/// Where the whole of a share starts when word `i` opens its `in`: `in` (`1 in 5`), or `in`
/// between hyphens that touch it (`1-in-5`, `one-in-four`).
fn share_whole_at(words: &[Word<'_>], i: usize) -> Option<usize> {
    let word = words.get(i)?;
    if word.is("in") {
        return Some(i + 1);
    }
    let (inside, dash) = (words.get(i + 1)?, words.get(i + 2)?);
    (word.is_punct('-')
        && inside.is("in")
        && dash.is_punct('-')
        && word.end == inside.start
        && inside.end == dash.start)
        .then_some(i + 3)
}

/// An amount starting at word `i`: optional currency sign, a number (digits, words, `a dozen`,
/// a vague count, a clock-style duration), optional scale words.
fn amount(words: &[Word<'_>], mut i: usize, taken: &[bool]) -> Option<Amount> {
    let word_at = |k: usize| {
        words
            .get(k)
            .filter(|_| !taken.get(k).copied().unwrap_or(true))
    };
    let mut currency = None;
    if let Some(w) = word_at(i)
        && w.kind == Kind::Alpha
        && word_at(i + 1).is_some_and(|s| s.is_punct('$') && s.start == w.end)
    {
        currency = match w.text {
            "US" => Some("USD"),
            "HK" => Some("HKD"),
            "A" | "AU" => Some("AUD"),
            "C" | "CA" => Some("CAD"),
            "S" => Some("SGD"),
            "NZ" => Some("NZD"),
            _ => None,
        };
        if currency.is_some() {
            i += 2;
        }
    }
    if currency.is_none()
        && let Some(w) = word_at(i)
        && w.kind == Kind::Punct
    {
        currency = match w.text {
            "$" => Some("USD"),
            "€" => Some("EUR"),
            "£" => Some("GBP"),
            "¥" | "￥" => Some("¥"),
            "₹" => Some("INR"),
            "₩" => Some("KRW"),
            _ => None,
        };
        if currency.is_some() {
            i += 1;
        }
    }
    let w = word_at(i)?;
    let mut vague = None;
    let mut fraction = false;
    let mut value;
    let mut end = i + 1;
    match w.kind {
        Kind::Number => {
            if w.text.contains(':') {
                // `2:01:09`; a time of day (`10:30`) is the dates' to read.
                let seconds = clock_duration(words, i).filter(|_| currency.is_none())?;
                return Some(Amount {
                    value: seconds,
                    unit: Some("second"),
                    vague: None,
                    scale: 1.0,
                    fraction: false,
                    multiplier: false,
                    ordinal: false,
                    end: i + 1,
                });
            }
            // `COVID-19`, `G20`, `F-35`: a number glued to a name is part of the name (not the
            // whole of a share, `1-in-3`).
            let glued_to_name = i > 0
                && words[i - 1].end == w.start
                && (latin_word(&words[i - 1])
                    || (words[i - 1].is_punct('-')
                        && i > 1
                        && words[i - 2].end == words[i - 1].start
                        && latin_word(&words[i - 2])
                        && !words[i - 2].is("in")));
            if glued_to_name && currency.is_none() {
                return None;
            }
            value = digits_value(w.text)?;
            // `80 937 hectares`: thousands set apart by a space.
            if w.text.len() <= 3 && w.text.chars().all(|c| c.is_ascii_digit()) {
                while let Some(group) = thousands_group_after(words, end - 1, taken) {
                    value = value * 1000.0 + group;
                    end += 1;
                }
            }
        }
        Kind::Alpha => {
            // Most words start no amount: skip them before the lookups below.
            let opens = ["a", "an", "half", "tens", "hundreds", "the"]
                .iter()
                .any(|o| w.is(o))
                || spelled_number(w.text).is_some()
                || vague_word(w.text).is_some()
                || multiple(words, i).is_some()
                || ordinal(words, i).is_some();
            if !opens {
                return None;
            }
            if let Some(change) = multiple(words, i) {
                return Some(Amount {
                    value: change,
                    unit: currency,
                    vague: None,
                    scale: 1.0,
                    fraction: true,
                    multiplier: true,
                    ordinal: false,
                    end: i + 1,
                });
            }
            if let Some(n) = ordinal(words, i) {
                return Some(Amount {
                    value: n,
                    unit: currency,
                    vague: None,
                    scale: 1.0,
                    fraction: false,
                    multiplier: false,
                    ordinal: true,
                    end: i + 1,
                });
            }
            // `tens of thousands`, `hundreds of thousands` before a plain `hundreds`.
            if let Some((share, after)) = fraction_at(words, i) {
                value = share;
                // `half a million`, `a quarter of an hour`: a share of the scale or measure
                // after it, read on; otherwise a share of what follows.
                match whole_of_fraction(words, after, taken) {
                    Some(whole) => end = whole,
                    None => (fraction, end) = (true, after),
                }
            } else if let Some(range) = ["tens", "hundreds"]
                .iter()
                .position(|t| w.is(t))
                .filter(|_| word_at(i + 1).is_some_and(|o| o.is("of")))
                .and_then(|_| word_at(i + 2).and_then(|v| vague_word(v.text)))
            {
                let factor = if w.is("tens") { 10.0 } else { 100.0 };
                let range = (range.0 / 2.0 * factor, range.0 / 2.0 * factor * 10.0 - 1.0);
                vague = Some(range);
                value = range.0;
                end = i + 3;
            } else if let Some(range) = vague_word(w.text) {
                vague = Some(range);
                value = range.0;
            } else if (w.is("a") || w.is("an") || w.is("one"))
                && word_at(i + 1).is_some_and(|s| {
                    s.kind == Kind::Alpha
                        && (scale_word(s.text, false).is_some()
                            || measure_word(s.text).is_some_and(|(_, n)| n > 1.0))
                })
            {
                // `a million`, and a measure that counts several of its unit: `a decade`.
                value = 1.0;
            } else if (w.is("a") || w.is("an") || w.is("one")) && one_of_measure(words, i, taken) {
                value = 1.0;
            } else if (w.is("a") || w.is("one"))
                && word_at(i + 1).is_some_and(|p| p.is("percentage"))
                && word_at(i + 2).is_some_and(|p| p.is("point"))
            {
                // `rose a percentage point`: one point, as `rose 1 percentage point`.
                value = 1.0;
            } else if let Some(unit_at) = the_span_at(words, i, taken) {
                // `the past decade`, `the year to September`: one span of time.
                value = 1.0;
                end = unit_at;
            } else if let Some(n) = spelled_number(w.text).filter(|_| {
                // `one` counts only in a share (`one in four`) or before a unit that is no
                // span of time (`one metre`, `one percent`; `one day` is an idiom).
                let unit_after = word_at(i + 1).is_some_and(|u| {
                    u.is("percent")
                        || currency_word(u.text).is_some()
                        || measure_word(u.text).is_some_and(|(unit, _)| {
                            ![
                                "year", "month", "week", "day", "hour", "minute", "second", "th",
                            ]
                            .contains(&unit)
                        })
                });
                !w.is("one")
                    || unit_after
                    || share_whole_at(words, i + 1)
                        .and_then(word_at)
                        .is_some_and(|d| d.kind == Kind::Number || spelled_number(d.text).is_some())
            }) {
                value = n;
                // `twenty-five`.
                if n >= 20.0
                    && let (Some(dash), Some(unit)) = (word_at(i + 1), word_at(i + 2))
                    && dash.is_punct('-')
                    && dash.start == w.end
                    && let Some(u) = spelled_number(unit.text).filter(|u| *u < 10.0)
                {
                    value += u;
                    end = i + 3;
                }
            } else {
                return None;
            }
        }
        Kind::Punct => return None,
    }
    // `three and a half`.
    if vague.is_none()
        && !fraction
        && let Some(len) = and_a_half_at(words, end, taken)
    {
        value += 0.5;
        end += len;
    }
    // `2 ½`, `2½`, `5 1/2`: a whole number and a fraction.
    if vague.is_none()
        && !fraction
        && value.fract() == 0.0
        && let Some((share, len)) = fraction_after_whole(words, end, taken)
    {
        value += share;
        end += len;
    }
    // Chinese `40多`, `100余`: forty-odd, a hundred-odd; the range runs up to the next step of
    // the figure's last digit (`40多` is 40 to 50, `100多万` 1 to 2 million).
    let odd = (vague.is_none() && !fraction && w.kind == Kind::Number)
        .then(|| word_at(end))
        .flatten()
        .filter(|o| (o.is("多") || o.is("余")) && o.start == words[end - 1].end)
        .map(|_| last_digit_place(value));
    if odd.is_some() {
        end += 1;
    }
    let mut scale = 1.0;
    if vague.is_none() {
        while let Some(s) = word_at(end) {
            let glued = s.start == words[end - 1].end;
            // `38-million euros`: a scale word hyphened to its figure.
            let hyphened = (s.is_punct('-') && glued)
                .then(|| word_at(end + 1))
                .flatten()
                .filter(|w| w.start == s.end && w.kind == Kind::Alpha)
                .and_then(|w| scale_word(w.text, false));
            if let Some(factor) = hyphened {
                scale *= factor;
                end += 2;
                continue;
            }
            match scale_word(s.text, glued).filter(|_| s.kind == Kind::Alpha) {
                Some(factor) => {
                    scale *= factor;
                    end += 1;
                }
                None => break,
            }
        }
    }
    // `two-fold`, `2.5-fold`: a change written as a multiple.
    let fold = words
        .get(end)
        .is_some_and(|d| d.is_punct('-') && d.start == words[end - 1].end)
        && word_at(end + 1).is_some_and(|f| f.is("fold"));
    if fold && vague.is_none() && !fraction && scale == 1.0 && value > 1.0 {
        return Some(Amount {
            value: value - 1.0,
            unit: currency,
            vague,
            scale,
            fraction: true,
            multiplier: true,
            ordinal: false,
            end: end + 2,
        });
    }
    if let Some(place) = odd {
        vague = Some((value * scale, (value + place) * scale));
    }
    Some(Amount {
        value: value * scale,
        unit: currency,
        vague,
        scale,
        fraction,
        multiplier: false,
        ordinal: false,
        end,
    })
}

/// The unit and postfix qualifier after an amount ending at word `end`: `%`, `percent`,
/// `percentage points`, a currency or measure word (with how many of its unit one counts:
/// `decades` are 10 years), `41C`, `41°C`, `120 km/h`, `-year-old`, `or more`, `-plus`.
/// A unit of area written from word `k`, after a figure (`square kilometres`, `-square-mile`,
/// `sq ft`): the unit and the index just past it.
fn square_unit_at(words: &[Word<'_>], k: usize) -> Option<(&'static str, usize)> {
    let hyphen = |k: usize| {
        words
            .get(k)
            .is_some_and(|h| h.is_punct('-') && h.start == words[k - 1].end)
    };
    let mut k = k + usize::from(hyphen(k));
    if !words.get(k).is_some_and(|s| s.is("square") || s.is("sq")) {
        return None;
    }
    k += 1;
    k += usize::from(hyphen(k));
    let length = words.get(k).filter(|w| w.kind == Kind::Alpha)?;
    let (unit, _) = measure_word(length.text)?;
    Some((super::units::squared(unit)?, k + 1))
}

fn suffix(
    words: &[Word<'_>],
    mut end: usize,
    currency: Option<&'static str>,
) -> (Option<&'static str>, f64, Option<Bound>, usize) {
    let mut unit = currency;
    let mut count = 1.0;
    let at = |k: usize| words.get(k);
    let glued = |k: usize| words.get(k).is_some_and(|w| w.start == words[k - 1].end);
    let temperature = |k: usize| {
        at(k)
            .filter(|w| w.kind == Kind::Alpha && glued(k))
            .and_then(|w| match w.text {
                "C" => Some("°C"),
                "F" => Some("°F"),
                _ => None,
            })
    };
    if let Some(w) = at(end) {
        if w.is_punct('%') || w.is("percent") || w.is("pct") {
            unit = Some("%");
            end += 1;
        } else if w.is("per") && at(end + 1).is_some_and(|c| c.is("cent")) {
            unit = Some("%");
            end += 2;
        } else if w.is("percentage") && at(end + 1).is_some_and(|p| p.is("points") || p.is("point"))
        {
            unit = Some("pp");
            end += 2;
        } else if w.is("basis") && at(end + 1).is_some_and(|p| p.is("points") || p.is("point")) {
            unit = Some("bp");
            end += 2;
        } else if unit.is_none()
            && let Some(code) = currency_word(w.text).filter(|_| w.kind == Kind::Alpha)
        {
            unit = Some(code);
            end += 1;
        } else if let Some(scale) = temperature(end) {
            // `47.6C`.
            unit = Some(scale);
            end += 1;
        } else if w.is_punct('°') {
            // `41°C`, `41°`.
            unit = Some(temperature(end + 1).unwrap_or("degree"));
            end += if temperature(end + 1).is_some() { 2 } else { 1 };
        } else if let Some((area, after)) = square_unit_at(words, end) {
            // `4,000 square kilometres`, `a 1,544-square-mile stretch`.
            unit = Some(area);
            end = after;
        } else if w.kind == Kind::Alpha
            && let Some((measure, n)) = measure_word(w.text)
        {
            (unit, count) = (Some(measure), n);
            end += 1;
            if measure == "year" && at(end).is_some_and(|o| o.is("old")) {
                // `30 years old`.
                unit = Some(AGE);
                end += 1;
            }
            let per_hour = at(end).is_some_and(|s| s.is_punct('/'))
                && at(end + 1).is_some_and(|h| h.is("h") || h.is("hr"));
            if measure == "km" && per_hour {
                // `120 km/h`.
                unit = Some("km/h");
                end += 2;
            } else if measure == "degree"
                && let Some((scale, _)) = at(end).and_then(|s| measure_word(s.text))
                && (scale == "°C" || scale == "°F")
            {
                // `41 degrees Celsius`.
                unit = Some(scale);
                end += 1;
            }
        } else if w.is_punct('-')
            && share_whole_at(words, end).is_none()
            && let Some((m, n)) = at(end + 1)
                .filter(|m| m.kind == Kind::Alpha)
                .and_then(|m| measure_word(m.text))
        {
            // `34-year-old` (an age), `10-day`.
            (unit, count) = (Some(m), n);
            end += 2;
            if at(end).is_some_and(|d| d.is_punct('-')) && at(end + 1).is_some_and(|o| o.is("old"))
            {
                end += 2;
                if m == "year" {
                    unit = Some(AGE);
                }
            }
        }
    }
    let mut bound = None;
    if at(end).is_some_and(|o| o.is("or"))
        && let Some(next) = at(end + 1)
    {
        if next.is("more") || next.is("above") {
            bound = Some(Bound::AtLeast);
            end += 2;
        } else if next.is("so") {
            bound = Some(Bound::About);
            end += 2;
        } else if next.is("less") || next.is("fewer") || next.is("below") {
            bound = Some(Bound::AtMost);
            end += 2;
        }
    } else if at(end).is_some_and(|p| p.is_punct('+') && p.start == words[end - 1].end) {
        bound = Some(Bound::AtLeast);
        end += 1;
    } else if at(end).is_some_and(|d| d.is_punct('-')) && at(end + 1).is_some_and(|p| p.is("plus"))
    {
        bound = Some(Bound::AtLeast);
        end += 2;
    }
    (unit, count, bound, end)
}

#[cfg(test)]
mod tests {
    use crate::text::facts::extract_facts;

    fn quantities(sentence: &str) -> Vec<(f64, f64, super::Bound, Option<&'static str>)> {
        extract_facts(sentence)
            .quantities
            .into_iter()
            .map(|q| (q.low, q.high, q.bound, q.unit))
            .collect()
    }

    fn same(a: &str, b: &str) -> bool {
        let (x, y) = (extract_facts(a).quantities, extract_facts(b).quantities);
        x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| p.same(q))
    }

    #[test]
    fn up_to_after_a_verb_of_moving_is_the_level_reached_not_a_bound() {
        let first = |s: &str| extract_facts(s).quantities.remove(0);
        for sentence in [
            "The pension will go up to £230.25 a week.",
            "Support climbed up to 40 percent.",
        ] {
            let q = first(sentence);
            assert_eq!(
                (q.bound, q.role),
                (super::Bound::Exact, Some(super::Role::Level))
            );
        }
        assert_eq!(
            first("The hall holds up to 50 people.").bound,
            super::Bound::AtMost
        );
    }

    #[test]
    fn a_rounded_or_bounded_figure_contains_the_precise_one() {
        let first = |s: &str| extract_facts(s).quantities.remove(0);
        let contains = |vague: &str, precise: &str| first(vague).contains(&first(precise));
        assert!(contains("1.1 million people", "1.1 people"));
        assert!(contains("44M views", "44 views"));
        assert!(!contains("$1,000", "$1"));
        assert!(!contains("1.1 million people", "1.2 people"));
        for (vague, precise) in [
            ("it spent $114 million", "it spent $114.3 million"),
            ("it has killed 300 people", "it has killed 296 people"),
            ("a toll near 770 deaths", "a toll of 767 deaths"),
            ("some $65 billion goes", "$64.7 billion goes"),
            ("more than 2,100 sites", "2,100 sites"),
            ("more than 6 percent of men", "6.4 percent of men"),
            ("a toll of at least 767", "a toll of 770"),
            ("up to 50 people", "about 40 people"),
            ("for about a week", "for seven days"),
            ("for more than a year", "for 14 months"),
        ] {
            assert!(contains(vague, precise), "{vague:?} ⊇ {precise:?}");
        }
        for (a, b) in [
            ("10 people died", "12 people died"),
            ("5,200 fell ill", "5,270 fell ill"),
            ("it closed at $21.51", "it closed at $21.03"),
            ("it spent $114.3 million", "it spent $114 million"),
            ("more than 12,400 acres", "11,400 acres"),
            ("up to 50 people", "60 people"),
            ("at least 23 troops", "at least 26 troops"),
            ("more than three times", "11.8 million"),
            ("just under $3.1 billion", "$2.11"),
            ("for about a week", "for 10 days"),
        ] {
            assert!(!contains(a, b), "{a:?} does not contain {b:?}");
        }
    }

    #[test]
    fn equal_amounts_written_differently_are_the_same() {
        assert!(same("about 3.4 million people", "about 3,4 million people"));
        let equal = [
            ("at least 50 died", "no less than 50 died"),
            ("at least 50 died", "a minimum of 50 died"),
            ("at least 50 died", "50 or more died"),
            ("60 to 80 fell ill", "60-80 fell ill"),
            ("60 to 80 fell ill", "between 60 and 80 fell ill"),
            ("versions 4.2 through 4.7", "versions 4.2 to 4.7"),
            ("earnings of 84 cents a share", "earnings of $0.84 a share"),
            (
                "cut by 25 basis points",
                "cut by a quarter of a percentage point",
            ),
            ("cut by 50 basis points", "cut by half a percentage point"),
            ("rose a percentage point", "rose 1 percentage point"),
            ("rose 0.5 percentage point", "rose half a percentage point"),
            ("a fine of 1 million", "a fine of 1,000,000"),
            ("valued at 38-million euros", "valued at 38 million euros"),
            ("it fell .85 cent", "it fell 0.85 cent"),
            ("a fine of 1 million", "a fine of one million"),
            ("it cost $153,000", "it cost 153,000 dollars"),
            ("it cost $1.53 million", "it cost 1,530,000 dollars"),
            ("it cost $2bn", "it cost 2 billion dollars"),
            ("it cost €2bn", "it cost 2 billion euros"),
            ("it cost ¥1 million", "it cost 1 million yuan"),
            ("five were hurt", "5 were hurt"),
            ("twenty-five were hurt", "25 were hurt"),
            ("a dozen were hurt", "12 were hurt"),
            ("two dozen were hurt", "24 were hurt"),
            ("rose 3.2%", "rose 3.2 percent"),
            ("rose 3.2%", "rose 3.2 per cent"),
            ("a quarter of voters", "25% of voters"),
            ("$5 to 6 million", "$5 million to $6 million"),
            ("60 to 80 million", "60 million to 80 million"),
            ("1 in 5 children", "20% of children"),
            ("one in four adults", "a quarter of adults"),
            ("a one-in-three chance", "a 1-in-3 chance"),
            ("a 1-in-3 chance", "a one in three chance"),
            ("it reached 47.6C", "it reached 47.6 degrees"),
            ("it reached 41C", "it reached 106F"),
            ("it reached 41°C", "it reached 41 degrees Celsius"),
            ("a 2.4-mile tunnel", "a 3.9 km tunnel"),
            (
                "fires burned nearly 80 937 hectares",
                "fires burned nearly 80,937 hectares",
            ),
            (
                "fires burned nearly 80 937 hectares",
                "fires burned nearly 200,000 acres",
            ),
            (
                "about 4.6 billion kilometres away",
                "about 2.8 billion miles away",
            ),
            ("winds of 120 mph", "winds of 193 km/h"),
            ("the first in 30 years", "the first in three decades"),
            ("sales doubled", "sales rose 100%"),
            ("sales doubled", "sales rose two-fold"),
            ("prices tripled", "prices rose threefold"),
            ("the population halved", "the population fell by half"),
            ("it will cut times by half", "it will halve times"),
            ("up to 1 metre", "as much as one metre"),
            ("her third title", "her 3rd title"),
            (
                "followed them for eight years",
                "followed them over eight years",
            ),
            ("grew by a fifth to $30 billion", "grew 20% to $30 billion"),
            ("a fifth consecutive rise", "the fifth straight rise"),
            ("delayed by three and a half hours", "delayed by 3.5 hours"),
            ("it contains 2 ½ servings", "it contains 2.5 servings"),
            ("it contains 2½ servings", "it contains 2.5 servings"),
            (
                "she was 5 1/2 months pregnant",
                "she was five and a half months pregnant",
            ),
            ("a 3 3/4-inch blade", "a 3.75-inch blade"),
            ("closed for a fortnight", "closed for two weeks"),
            ("the first in a decade", "the first in 10 years"),
            ("a third higher than in 2020", "33% higher than in 2020"),
        ];
        for (a, b) in equal {
            assert!(
                same(a, b),
                "{a:?} should equal {b:?}: {:?} vs {:?}",
                quantities(a),
                quantities(b)
            );
        }
    }

    #[test]
    fn durations_and_amounts_in_words_equal_their_figures() {
        for (a, b) in [
            ("reached after 36 hours", "reached after a day and a half"),
            ("a closure of 18 months", "a year-and-a-half closure"),
            ("delayed for an hour and a half", "delayed for 90 minutes"),
            ("jailed for two and a half years", "jailed for 30 months"),
            ("it took a week and a half", "it took 10.5 days"),
            ("a mile and a half away", "1.5 miles away"),
            ("due within 12 months", "due within a year"),
            (
                "prices rose in the year to June",
                "prices rose in the 12 months to June",
            ),
            (
                "burglaries halved over the past decade",
                "burglaries halved over 10 years",
            ),
            (
                "12,000 crossed in the week to Sunday",
                "12,000 crossed in the seven days to Sunday",
            ),
            ("held for more than a year", "held for more than 12 months"),
            ("it spent nearly a week", "it spent nearly seven days"),
            ("closed for one week", "closed for seven days"),
            ("it lasted half an hour", "it lasted 30 minutes"),
            ("it took half a year", "it took six months"),
            ("a quarter of a century", "25 years"),
            ("250,000 customers", "a quarter of a million customers"),
            ("half a million people", "500,000 people"),
            ("three-quarters of a million", "750,000"),
            ("a half-million homes", "500,000 homes"),
            ("half a dozen boats", "6 boats"),
            ("won in 2 hours, 1 minute and 9 seconds", "won in 2:01:09"),
            (
                "jailed for three years and five months",
                "jailed for 41 months",
            ),
        ] {
            assert!(
                same(a, b),
                "{a:?} should equal {b:?}: {:?} vs {:?}",
                quantities(a),
                quantities(b)
            );
        }
        for (a, b) in [
            ("due within 10 months", "due within a year"),
            ("after 40 hours", "after two days"),
            ("for a year and a half", "for a year"),
            ("won in 2:01:09", "won in 2:01:39"),
        ] {
            assert!(!same(a, b), "{a:?} should differ from {b:?}");
        }
    }

    #[test]
    fn an_ordinal_in_figures_inside_a_name_is_no_figure() {
        assert!(
            quantities("Soldiers of the US 1st Armored Division patrolled the city.").is_empty()
        );
        assert!(quantities("The 14th Amendment guarantees citizenship.").is_empty());
        assert_eq!(quantities("She won her third Olympic gold medal.").len(), 1);
        assert_eq!(quantities("It finished 3rd in the race.").len(), 1);
        assert_eq!(quantities("Profits Rise in 3rd Quarter").len(), 1);
    }

    #[test]
    fn rates_times_and_idioms_are_no_durations() {
        use super::Bound::*;
        assert_eq!(
            quantities("it pays $5 million a year"),
            [(5e6, 5e6, Exact, Some("USD"))]
        );
        for sentence in [
            "they meet twice a year",
            "it happens once a week",
            "it rose last year",
            "it began a year ago",
            "in a year when prices soared",
            "one day she left",
            "nearly a month passed",
            "they have been married less than a year",
            "it will be decided later in the year",
            "the year ended badly",
            "the board meets at 6:30 p.m.",
            "at 10:30:15 a.m. on Monday",
        ] {
            assert!(quantities(sentence).is_empty(), "{sentence:?}");
        }
        assert_eq!(
            extract_facts("the board meets at 6:30 p.m.").dates[0].minutes,
            Some(18 * 60 + 30)
        );
    }

    #[test]
    fn different_amounts_qualifiers_and_units_are_not() {
        let different = [
            ("60 to 80 fell ill", "70 fell ill"),
            ("at least 50 died", "50 died"),
            ("at least 50 died", "up to 50 died"),
            ("about 50 died", "50 died"),
            ("rose 5%", "rose 5 percentage points"),
            ("cost $5 million", "cost €5 million"),
            ("a 5-year sentence", "a 5-month sentence"),
            ("1.53 million", "1.5 million"),
            ("it reached 41C", "it reached 100F"),
            ("a 2.4-mile tunnel", "a 3.5 km tunnel"),
            ("sales doubled", "sales tripled"),
            ("her third title", "her fourth title"),
            ("jailed for over eight years", "jailed for eight years"),
            // Points are exact: no share's tolerance of a point.
            (
                "rose a tenth of a percentage point",
                "rose a percentage point",
            ),
            (
                "rose a tenth of a percentage point",
                "rose half a percentage point",
            ),
        ];
        for (a, b) in different {
            assert!(!same(a, b), "{a:?} should differ from {b:?}");
        }
    }

    #[test]
    fn vague_counts_ranges_and_conversions_are_read() {
        use super::Bound::*;
        assert_eq!(quantities("Dozens were hurt"), [(24.0, 99.0, Vague, None)]);
        assert_eq!(
            quantities("tens of thousands marched"),
            [(10_000.0, 99_999.0, Vague, None)]
        );
        assert_eq!(
            quantities("500,000 to 1 million"),
            [(500_000.0, 1e6, Exact, None)]
        );
        // `from X to Y`, `by X to Y` after a change are two values, not a range.
        assert_eq!(
            quantities("it jumped from 29.4 to 32.6"),
            [(29.4, 29.4, Exact, None), (32.6, 32.6, Exact, None)]
        );
        assert_eq!(
            quantities("retirees will increase from 20% to 33%").len(),
            2
        );
        assert_eq!(
            quantities("estimates ranged from 60 to 80"),
            [(60.0, 80.0, Exact, None)]
        );
        assert_eq!(quantities("chips are priced from $125 to $300").len(), 1);
        assert_eq!(
            quantities("output fell by 60 million to 70 million feet").len(),
            1
        );
        assert_eq!(quantities("it failed by a vote of 186 to 237").len(), 2);
        // After `by` or a verb of change, a level far above the first figure is where the
        // change ended, not the top of a range.
        assert_eq!(
            quantities("tuition will rise by $300 to $2,800"),
            [
                (300.0, 300.0, Exact, Some("USD")),
                (2800.0, 2800.0, Exact, Some("USD"))
            ]
        );
        assert_eq!(quantities("its shares fell $9.61 to $50.26").len(), 2);
        assert_eq!(quantities("sales rose 5 to 10 percent").len(), 1);
        // Thousands set apart by a space, but not a count before a model number.
        assert_eq!(quantities("it burned 80 937 hectares")[0].0, 80_937.0);
        assert_eq!(quantities("options on 15 737s")[0].0, 15.0);
        // An age set off after a name.
        assert_eq!(
            quantities("Paul Durousseau, 30, was charged."),
            [(30.0, 30.0, Exact, Some("age"))]
        );
        assert_eq!(
            quantities("Peterson, 31, was charged on two counts."),
            [(31.0, 31.0, Exact, Some("age")), (2.0, 2.0, Exact, None)]
        );
        assert_eq!(
            quantities("In Ohio, 30 people fell ill."),
            [(30.0, 30.0, Exact, None)]
        );
        assert!(same("Boudin, 60, was freed.", "the 60-year-old was freed"));
        assert!(same("he is 60 years old", "the 60-year-old"));
        assert!(!same("Boudin, 60, was freed.", "sentenced to 60 years"));
        let heat = extract_facts("temperatures hit 41C (106F) on Friday").quantities;
        assert_eq!((heat[0].conversion, heat[1].conversion), (false, true));
        let fine = extract_facts("a fine of 1 million yuan (about $153,000)").quantities;
        assert_eq!((fine[0].unit, fine[0].conversion), (Some("CNY"), false));
        assert_eq!(
            (fine[1].unit, fine[1].conversion, fine[1].bound),
            (Some("USD"), true, About)
        );
        // Units at a fixed rate convert only within rounding: a change and a level stay two.
        let oil = extract_facts("Brent fell 38 cents to $27.45 a barrel").quantities;
        assert_eq!((oil[0].conversion, oil[1].conversion), (false, false));
    }

    #[test]
    fn chinese_figures_read_their_scale_currency_and_range() {
        use super::Bound::*;
        assert_eq!(
            quantities("将为该项目投入100万元"),
            [(1e6, 1e6, Exact, Some("CNY"))]
        );
        assert!(same("投入100万元", "投入1,000,000元"));
        assert!(same("投资3亿美元", "投资300,000,000美元"));
        assert!(same("约1.5万人", "约15,000人"));
        assert_eq!(
            quantities("每年招募60至80名外国专家"),
            [(60.0, 80.0, Exact, None)]
        );
        assert!(same("60至80名", "60到80名"));
        assert!(same("60至80名", "60~80名"));
        assert!(!same("60至80名外国专家", "70名外国专家"));
        assert!(!same("投入100万元", "投入100万美元"));
        assert_eq!(quantities("40多年来"), [(40.0, 50.0, Vague, None)]);
        assert_eq!(quantities("100余人"), [(100.0, 200.0, Vague, None)]);
        assert_eq!(quantities("100多万元"), [(1e6, 2e6, Vague, Some("CNY"))]);
        let first = |s: &str| extract_facts(s).quantities.remove(0);
        assert!(first("40多年来").contains(&first("44年来")));
        assert!(!first("40多年来").contains(&first("54年来")));
    }

    #[test]
    fn names_votes_times_and_years_are_not_counts() {
        assert!(quantities("COVID-19 and the G20 summit").is_empty());
        assert_eq!(quantities("passed 52-48").len(), 2);
        assert!(quantities("at 10:30 in 2019 on Nov. 17").is_empty());
        assert!(quantities("one of the victims").is_empty());
        assert!(quantities("one in the crowd").is_empty());
        assert!(quantities("in the second half of the year").is_empty());
        assert!(quantities("at first, then for a second.").is_empty());
        assert!(quantities("on Fifth Avenue").is_empty());
        assert!(quantities("Second, third-party apps were banned.").is_empty());
        assert!(quantities("a third-party auditor reached a quarter-final").is_empty());
        assert_eq!(
            quantities("for a fifth consecutive meeting"),
            [(5.0, 5.0, super::Bound::Exact, Some("th"))]
        );
        assert!(quantities("he doubled down on the claim").is_empty());
    }
}
