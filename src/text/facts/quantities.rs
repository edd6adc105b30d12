//! Quantities: counts, amounts, percentages and ranges, with their qualifier, unit and currency.
//!
//! Equal amounts written differently read the same: `1 million` = `1,000,000` = `one million`,
//! `$153,000` = `153,000 dollars`, `60 to 80` = `60-80` = `between 60 and 80`, `five` = `5`,
//! `a dozen` = `12`. Qualifiers fall into classes that compare as one: a lower bound (`at least`,
//! `no less than`, `a minimum of`, `more than`, `over`, `or more`), an upper bound (`at most`,
//! `up to`, `no more than`, `less than`, `under`), an estimate (`about`, `around`, `nearly`,
//! `some`, `an estimated`). Vague counts (`dozens`, `hundreds`, `thousands`, `tens of thousands`)
//! stand for a range of values, so `60 to 80 -> dozens` is a fact made less specific.
//!
//! A currency amount that only converts the amount before it (`1 million yuan (about $153,000)`)
//! is flagged as a conversion: dropping or adding it changes no fact.

use super::lex::{Kind, Word};

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
}

impl Quantity {
    /// Whether two quantities state the same fact (values, bound class, compatible units).
    pub fn same(&self, other: &Quantity) -> bool {
        close(self.low, other.low)
            && close(self.high, other.high)
            && self.bound == other.bound
            && units_compatible(self.unit, other.unit)
    }

    /// Whether `self` is a vaguer statement that contains `other` (`dozens` ⊇ `60 to 80`,
    /// `about 50` ⊇ `50`).
    pub fn contains(&self, other: &Quantity) -> bool {
        units_compatible(self.unit, other.unit)
            && match self.bound {
                Bound::Vague => {
                    self.low <= other.low && other.high <= self.high && other.bound != Bound::Vague
                }
                Bound::About => {
                    other.bound == Bound::Exact
                        && close(self.low, other.low)
                        && close(self.high, other.high)
                }
                _ => false,
            }
    }
}

/// Whether two values are equal up to rounding noise.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Units agree when equal, when one side states none, or for `¥` against yen or yuan.
pub(crate) fn units_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b || matches!((a, b), ("¥", "CNY" | "JPY") | ("CNY" | "JPY", "¥"))
        }
        _ => true,
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
    (&["roughly"], Bound::About),
    (&["around"], Bound::About),
    (&["about"], Bound::About),
    (&["nearly"], Bound::About),
    (&["almost"], Bound::About),
    (&["close", "to"], Bound::About),
    (&["some"], Bound::About),
];

/// Number words (`one` only before a scale word: `one of them` is no quantity).
pub(crate) fn spelled_number(word: &str) -> Option<f64> {
    const WORDS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = word.to_ascii_lowercase();
    if let Some(i) = WORDS.iter().position(|w| *w == lower) {
        return Some(i as f64 + 1.0);
    }
    TENS.iter()
        .position(|w| *w == lower)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

/// Scale words after a number (`million`, `bn`, `k` ...).
fn scale_word(word: &str, glued: bool) -> Option<f64> {
    match word.to_ascii_lowercase().as_str() {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mn" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        "dozen" => Some(12.0),
        "k" if glued => Some(1e3),
        "m" if glued => Some(1e6),
        "b" if glued => Some(1e9),
        _ => None,
    }
}

/// Vague counts and the range each stands for.
fn vague_word(word: &str) -> Option<(f64, f64)> {
    match word.to_ascii_lowercase().as_str() {
        "dozens" | "scores" => Some((24.0, 99.0)),
        "hundreds" => Some((200.0, 999.0)),
        "thousands" => Some((2e3, 999_999.0)),
        "millions" => Some((2e6, 999e6)),
        "billions" => Some((2e9, 999e9)),
        _ => None,
    }
}

/// Currency words after a number.
fn currency_word(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().as_str() {
        "yuan" | "renminbi" | "rmb" => Some("CNY"),
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

/// Measures after a number.
fn measure_word(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "year" | "years" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "hour" | "hours" => "hour",
        "minute" | "minutes" => "minute",
        "second" | "seconds" => "second",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" => "mile",
        "metre" | "metres" | "meter" | "meters" => "metre",
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "ton" | "tons" | "tonne" | "tonnes" => "tonne",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" => "hectare",
        "degree" | "degrees" => "degree",
        "st" | "nd" | "rd" | "th" => "th",
        _ => return None,
    })
}

/// An amount before any range or unit: value, currency, and where it ends.
struct Amount {
    value: f64,
    currency: Option<&'static str>,
    vague: Option<(f64, f64)>,
    /// The product of the scale words (`million` ...), 1.0 without any.
    scale: f64,
    end: usize,
}

/// Finds the quantities of a sentence, skipping words already `taken` (by dates) and marking
/// the words each quantity uses.
pub(crate) fn scan(sentence: &str, words: &[Word<'_>], taken: &mut [bool]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    // Word index just past the previous currency amount, and its currency.
    let mut last_money: Option<(usize, &'static str)> = None;
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
        // A range: `60 to 80`, `60-80`, `between 60 and 80`.
        if let Some(joiner) = words.get(end) {
            let joins = if between {
                joiner.is("and")
            } else {
                joiner.is("to")
                    || joiner.is_punct('-')
                    || joiner.is_punct('–')
                    || joiner.is_punct('—')
            };
            // `52-48` (a vote, a score) is two numbers, not a range.
            if joins
                && let Some(second) = amount(words, end + 1, taken)
                && (second.value > low.value || second.vague.is_some())
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
            if low.scale == 1.0
                && second.vague.is_none()
                && low.value <= second.value / second.scale
            {
                low.value *= second.scale;
            }
            low.currency = low.currency.or(second.currency);
            second.currency = second.currency.or(low.currency);
        }
        let (unit, bound_suffix, unit_end) = suffix(words, end, low.currency);
        end = unit_end;
        let bound = if low.vague.is_some() {
            Bound::Vague
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
        let conversion = unit.is_some_and(is_currency)
            && last_money.is_some_and(|(money_end, money)| {
                Some(money) != unit
                    && words[money_end..start_word].iter().all(|w| {
                        w.kind == Kind::Punct
                            || [
                                "about",
                                "around",
                                "roughly",
                                "approximately",
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
        if let Some(u) = unit.filter(|u| is_currency(u)) {
            last_money = Some((end, u));
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
        });
        i = end;
    }
    out
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

/// Whether a unit is a currency.
fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()) || unit == "¥"
}

/// A qualifier phrase starting at word `i`: its bound and length in words.
fn qualifier_at(words: &[Word<'_>], i: usize) -> Option<(Bound, usize)> {
    QUALIFIERS.iter().find_map(|(phrase, bound)| {
        let matches =
            phrase.len() <= words.len() - i && phrase.iter().zip(&words[i..]).all(|(p, w)| w.is(p));
        matches.then_some((*bound, phrase.len()))
    })
}

/// An amount starting at word `i`: optional currency sign, a number (digits, words, `a dozen`,
/// a vague count), optional scale words.
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
    let mut value;
    let mut end = i + 1;
    match w.kind {
        Kind::Number => {
            if w.text.contains(':') {
                return None;
            }
            // `COVID-19`, `G20`, `F-35`: a number glued to a name is part of the name.
            let glued_to_name = i > 0
                && words[i - 1].end == w.start
                && (latin_word(&words[i - 1])
                    || (words[i - 1].is_punct('-')
                        && i > 1
                        && words[i - 2].end == words[i - 1].start
                        && latin_word(&words[i - 2])));
            if glued_to_name && currency.is_none() {
                return None;
            }
            value = w.text.replace(',', "").parse().ok()?;
        }
        Kind::Alpha => {
            // `tens of thousands`, `hundreds of thousands` before a plain `hundreds`.
            if let Some(range) = ["tens", "hundreds"]
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
                && word_at(i + 1)
                    .is_some_and(|s| s.kind == Kind::Alpha && scale_word(s.text, false).is_some())
            {
                value = 1.0;
            } else if let Some(n) = spelled_number(w.text).filter(|_| !w.is("one")) {
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
    let mut scale = 1.0;
    if vague.is_none() {
        while let Some(s) = word_at(end) {
            let glued = s.start == words[end - 1].end;
            match scale_word(s.text, glued).filter(|_| s.kind == Kind::Alpha) {
                Some(factor) => {
                    scale *= factor;
                    end += 1;
                }
                None => break,
            }
        }
    }
    Some(Amount {
        value: value * scale,
        currency,
        vague,
        scale,
        end,
    })
}

/// The unit and postfix qualifier after an amount ending at word `end`: `%`, `percent`,
/// `percentage points`, a currency or measure word, `-year-old`, `or more`, `-plus`.
fn suffix(
    words: &[Word<'_>],
    mut end: usize,
    currency: Option<&'static str>,
) -> (Option<&'static str>, Option<Bound>, usize) {
    let mut unit = currency;
    let at = |k: usize| words.get(k);
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
        } else if unit.is_none()
            && let Some(code) = currency_word(w.text).filter(|_| w.kind == Kind::Alpha)
        {
            unit = Some(code);
            end += 1;
        } else if w.kind == Kind::Alpha
            && let Some(measure) = measure_word(w.text)
        {
            unit = Some(measure);
            end += 1;
        } else if w.is_punct('-')
            && let Some(m) = at(end + 1)
                .filter(|m| m.kind == Kind::Alpha)
                .and_then(|m| measure_word(m.text))
        {
            // `34-year-old`, `10-day`.
            unit = Some(m);
            end += 2;
            if at(end).is_some_and(|d| d.is_punct('-')) && at(end + 1).is_some_and(|o| o.is("old"))
            {
                end += 2;
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
    (unit, bound, end)
}
