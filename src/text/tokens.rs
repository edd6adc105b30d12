//! Word tokens for similarity: Unicode word boundaries, case-folded and NFC, with an English stem
//! for Latin-script words and a stopword flag for weighting.
//!
//! Chinese and Japanese have no spaces between words, and Unicode word boundaries cut them into
//! single characters (Han, Hiragana) or long runs (Katakana). Single characters match too easily
//! and long runs too rarely, so a run of CJK characters becomes its overlapping character bigrams
//! (`北京大学` → `北京`, `京大`, `大学`); a lone character stays a token of its own. Thai, Lao,
//! Khmer and Myanmar, also written without spaces, become bigrams of their letters (each letter
//! with its marks). Bigram tokens overlap in their offsets; every token's `start..end` still
//! slices the text it came from.
//!
//! Outlets rewrite the same thing in different words that a stemmer cannot join, so a token's
//! stem is also where those meet:
//! - British and American spellings ("criticised" / "criticized", "centre" / "center") stem alike;
//! - irregular verb forms stem as their base ("rose" / "rises", "fell" / "falls", "sold" / "sell");
//! - a country or body under any of its names ("Chinese", "Beijing", "U.N.", "United Nations":
//!   see [`super::demonyms`]) is one token whose stem is the entry's canonical term;
//! - a figure is one token whose stem is its value: "1.2 million", "1,200,000" and "$1.2m" all
//!   stem to `1200000`, "thirteen" to `13`; a `%` sign reads as the word "percent".

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::demonyms;
use super::stopwords::is_stopword;

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// One word of a text (or one name or figure written in several words).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Token {
    /// The word, case-folded (lowercase), NFC, with `’` written `'`.
    pub text: String,
    /// The word's stem (for matching inflections); the word itself outside the Latin script.
    pub stem: String,
    /// A stopword (low weight in similarity).
    pub stop: bool,
    /// Byte offset of the word in the tokenised text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
}

/// Splits `text` into word tokens (punctuation and spaces dropped), CJK runs into bigrams, names
/// and figures of several words into one token each.
///
/// ```
/// use parallax::text::tokens::tokenize;
/// let words: Vec<String> = tokenize("Police said").into_iter().map(|t| t.stem).collect();
/// assert_eq!(words, ["polic", "said"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    // The current run of CJK characters: (start, end) of each character.
    let mut run: Vec<(usize, usize)> = Vec::new();
    for (start, word) in text.unicode_word_indices() {
        // `100万`, `14亿`: a scale character glued to a figure is its own word, read with the
        // figure as its value.
        let scales_figure = run.is_empty()
            && scale_power(word).is_some()
            && out.last().is_some_and(|t: &Token| {
                t.end == start && t.text.starts_with(|c: char| c.is_ascii_digit())
            });
        if word.chars().all(is_cjk) && !scales_figure {
            let contiguous = run.last().is_none_or(|&(_, end)| end == start);
            if !contiguous {
                flush_cjk_run(text, &mut run, &mut out);
            }
            run.extend(
                word.char_indices()
                    .map(|(i, c)| (start + i, start + i + c.len_utf8())),
            );
            continue;
        }
        // Thai, Lao, Khmer and Myanmar are written without spaces too, and Unicode word
        // boundaries cut them into letters (each with its marks): read as bigrams of letters.
        if word.chars().all(is_unspaced_southeast_asian) {
            let contiguous = run.last().is_none_or(|&(_, end)| end == start);
            if !contiguous {
                flush_cjk_run(text, &mut run, &mut out);
            }
            run.push((start, start + word.len()));
            continue;
        }
        flush_cjk_run(text, &mut run, &mut out);
        out.push(word_token(word, start));
    }
    flush_cjk_run(text, &mut run, &mut out);
    join_names_and_figures(text, out)
}

/// The token of one non-CJK word starting at byte `start`.
fn word_token(word: &str, start: usize) -> Token {
    let folded: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfc()
            .flat_map(char::to_lowercase)
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .collect()
    };
    let stem = if folded.chars().any(char::is_alphabetic) && folded.chars().all(is_latin_or_mark) {
        stem_of(&folded)
    } else {
        folded.clone()
    };
    Token {
        stop: is_stopword(&folded),
        stem,
        text: folded,
        start,
        end: start + word.len(),
    }
}

/// Most entries a thread's stem cache holds before it starts afresh.
const STEM_CACHE_MAX: usize = 50_000;

thread_local! {
    /// Stems already computed on this thread: the outlets of one story share most of their
    /// words, and stemming is the dearest step of tokenising.
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// The English stem of a lowercase word (of its base form, in American spelling), through the
/// thread's cache.
fn stem_of(folded: &str) -> String {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(folded) {
            return stem.clone();
        }
        if cache.len() >= STEM_CACHE_MAX {
            cache.clear();
        }
        let stem = ENGLISH
            .stem(&american_spelling(base_form(folded)))
            .into_owned();
        cache.insert(folded.to_string(), stem.clone());
        stem
    })
}

/// Past forms of irregular verbs frequent in news, and their base form, which the stemmer cannot
/// reach ("rose" is not "rise" to it). Forms that are as often another word stay out: "left"
/// (the side), "found" (to found), "saw" (the tool), "lay", "fed" (the Fed), "felt" (the cloth).
const IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("arisen", "arise"),
    ("beaten", "beat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("came", "come"),
    ("dealt", "deal"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fought", "fight"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("led", "lead"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rode", "ride"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("sought", "seek"),
    ("sold", "sell"),
    ("sent", "send"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("shot", "shoot"),
    ("shrank", "shrink"),
    ("shrunk", "shrink"),
    ("slid", "slide"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("spent", "spend"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swept", "sweep"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("took", "take"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("understood", "understand"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("woke", "wake"),
    ("won", "win"),
    ("wrote", "write"),
    ("written", "write"),
];

/// The base form of an irregular verb form (the word itself otherwise).
fn base_form(word: &str) -> &str {
    IRREGULAR
        .iter()
        .find(|(form, _)| *form == word)
        .map_or(word, |&(_, base)| base)
}

/// British spellings and the American ones they stand for, as parts of words: "centre" in
/// "epicentre", "defence" in "defences". No American word holds one of the British parts, so
/// the rewrite never touches an American spelling ("programme" is not here: "programmed" is
/// both).
const SPELLINGS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("metre", "meter"),
    ("litre", "liter"),
    ("theatre", "theater"),
    ("fibre", "fiber"),
    ("calibre", "caliber"),
    ("sombre", "somber"),
    ("spectre", "specter"),
    ("meagre", "meager"),
    ("manoeuvr", "maneuver"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("catalogue", "catalog"),
    ("aluminium", "aluminum"),
    ("jewellery", "jewelry"),
    ("sceptic", "skeptic"),
    ("paediatric", "pediatric"),
    ("anaesthe", "anesthe"),
    ("haemorrhag", "hemorrhag"),
    ("diarrhoea", "diarrhea"),
    ("foetus", "fetus"),
    ("grey", "gray"),
];

/// Endings whose `s` British writes where American writes `z` ("organisation", "criticised").
const ISE_ENDINGS: &[&str] = &[
    "isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers", "yse", "ysed", "yses",
    "ysing",
];

/// Endings after which British `our` is American `or` ("favourite", "labour", "neighbours").
const OUR_ENDINGS: &[&str] = &[
    "our", "ours", "oured", "ouring", "ourite", "ourites", "ourable", "ourably", "ourer", "ourers",
    "ourful", "ourless", "ourhood", "ourhoods",
];

/// The American spelling of a lowercase word (the word itself when it has none). Both spellings
/// of a word go through this, so a rule that also rewrites a word with no other spelling ("rise"
/// needs no `z`) does no harm: it is kept short of the letters such words have (at least four
/// before `ise`, three before `our`, so "rise", "wise", "four", "hour", "your" stay).
fn american_spelling(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !word.is_ascii() || word.len() < 5 {
        return Cow::Borrowed(word);
    }
    if let Some(plural) = word.strip_prefix("programme")
        && (plural.is_empty() || plural == "s")
    {
        return Cow::Owned(format!("program{plural}"));
    }
    for (british, american) in SPELLINGS {
        if word.contains(british) {
            return Cow::Owned(word.replacen(british, american, 1));
        }
    }
    for ending in ISE_ENDINGS {
        if let Some(root) = word.strip_suffix(ending)
            && root.len() >= 4
        {
            let american = ending.replacen('s', "z", 1);
            return Cow::Owned(format!("{root}{american}"));
        }
    }
    for ending in OUR_ENDINGS {
        if let Some(root) = word.strip_suffix(ending)
            && root.len() >= 3
        {
            return Cow::Owned(format!("{root}o{}", &ending[2..]));
        }
    }
    Cow::Borrowed(word)
}

/// Joins the names and figures written in several words into one token each (see the module
/// documentation); every other token passes through.
fn join_names_and_figures(text: &str, mut tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let found = name_at(text, &tokens[i..])
            .map(|(token, used)| (token, used, None))
            .or_else(|| figure_at(text, &tokens[i..]));
        if let Some((token, used, unit)) = found {
            let end = token.end;
            out.push(token);
            i += used;
            if let Some((unit, written)) = unit {
                let start = end - written;
                out.push(joined_token(
                    &text[start..end].to_lowercase(),
                    &stem_of(unit),
                    start,
                    end,
                ));
            }
            if text[end..].starts_with('%') {
                out.push(joined_token("%", "percent", end, end + 1));
            }
            continue;
        }
        if let [per, cent, ..] = &tokens[i..]
            && per.text == "per"
            && cent.text == "cent"
            && adjacent(text, per, cent)
        {
            out.push(joined_token(
                &joined_text(text, &tokens[i..i + 2]),
                "percent",
                per.start,
                cent.end,
            ));
            i += 2;
            continue;
        }
        // Moved out: later lookups start past it.
        out.push(std::mem::take(&mut tokens[i]));
        i += 1;
    }
    out
}

/// The folded text of adjacent `tokens` with the spaces between them as written.
fn joined_text(text: &str, tokens: &[Token]) -> String {
    let mut joined = String::new();
    for (n, token) in tokens.iter().enumerate() {
        if n > 0 {
            joined.push_str(&text[tokens[n - 1].end..token.start]);
        }
        joined.push_str(&token.text);
    }
    joined
}

/// A token standing for several words, or for one word under another stem.
fn joined_token(text: &str, stem: &str, start: usize, end: usize) -> Token {
    Token {
        text: text.to_string(),
        stem: stem.to_string(),
        stop: false,
        start,
        end,
    }
}

/// Whether only spaces stand between two tokens (a name or figure does not run over
/// punctuation).
fn adjacent(text: &str, first: &Token, second: &Token) -> bool {
    text.get(first.end..second.start)
        .is_some_and(|gap| gap.chars().all(char::is_whitespace))
}

/// The country or body named at the start of `tokens` (longest form first), and how many
/// tokens its name takes.
fn name_at(text: &str, tokens: &[Token]) -> Option<(Token, usize)> {
    let first = tokens.first()?;
    let written = text.get(first.start..first.end)?;
    // Names of countries and bodies are capitalised ("china" and "turkey" are other words).
    if !written.starts_with(char::is_uppercase) {
        return None;
    }
    if let Some(canonical) = demonyms::canonical_acronym(written) {
        return Some((
            joined_token(&first.text, canonical, first.start, first.end),
            1,
        ));
    }
    // Plural demonyms: "Pakistanis", "Americans".
    let named = |phrase: &str| {
        demonyms::canonical_name(phrase)
            .or_else(|| phrase.strip_suffix('s').and_then(demonyms::canonical_name))
    };
    let bare = |word: &'_ str| -> String { word.strip_suffix("'s").unwrap_or(word).to_string() };
    let first_word = first.text.strip_suffix("'s").unwrap_or(&first.text);
    let mut found = named(first_word).map(|canonical| (canonical, 1));
    if demonyms::starts_a_form(&first.text) {
        let longest = demonyms::LONGEST_FORM.min(tokens.len());
        let mut phrase = first.text.clone();
        for n in 2..=longest {
            if !adjacent(text, &tokens[n - 2], &tokens[n - 1]) {
                break;
            }
            let base = phrase.len();
            phrase.push(' ');
            phrase.push_str(&bare(&tokens[n - 1].text));
            if let Some(canonical) = named(&phrase) {
                found = Some((canonical, n));
            }
            phrase.truncate(base + 1);
            phrase.push_str(&tokens[n - 1].text);
        }
    }
    let (canonical, n) = found?;
    let last = &tokens[n - 1];
    Some((
        joined_token(
            &joined_text(text, &tokens[..n]),
            canonical,
            first.start,
            last.end,
        ),
        n,
    ))
}

/// The value of a number word (not "one", which is as often a pronoun).
fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Scale words after a number and the power of ten they stand for.
const SCALES: &[(&str, u32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("万", 4),
    ("萬", 4),
    ("亿", 8),
    ("億", 8),
];

/// Scales written into a figure ("$50bn", "€4.2bn"), and the power of ten; `m` and `k` only
/// after a currency sign, since "100m" is as often metres.
const SUFFIXES: &[(&str, u32, bool)] = &[
    ("bn", 9, false),
    ("tn", 12, false),
    ("trn", 12, false),
    ("mn", 6, false),
    ("m", 6, true),
    ("k", 3, true),
];

/// The figure at the start of `tokens` with its scale word ("1.2 million", "half a million",
/// "thirteen", "$50bn"), as a token whose stem is its value, how many tokens it takes, and the
/// unit written into it ("40C") with the unit's length.
fn figure_at(text: &str, tokens: &[Token]) -> Option<(Token, usize, Option<WrittenUnit>)> {
    let first = tokens.first()?;
    let (digits, mut power, mut used) = if let [half, a, scale, ..] = tokens
        && half.text == "half"
        && (a.text == "a" || a.text == "an")
        && adjacent(text, half, a)
        && adjacent(text, a, scale)
        && let Some(power) = scale_power(&scale.text)
    {
        ("0.5".to_string(), power, 3)
    } else if let Some(value) = number_word(&first.text) {
        (value.to_string(), 0, 1)
    } else {
        let (digits, power) = figure_digits(text, first)?;
        (digits, power, 1)
    };
    let unit = (power == 0).then(|| unit_of(&first.text)).flatten();
    if power == 0
        && let Some(scale) = tokens.get(1)
        && adjacent(text, first, scale)
        && let Some(scaled) = scale_power(&scale.text)
    {
        power = scaled;
        used = 2;
    }
    let last = &tokens[used - 1];
    let value = shifted(&digits, power)?;
    Some((
        joined_token(
            &joined_text(text, &tokens[..used]),
            &value,
            first.start,
            last.end,
        ),
        used,
        unit,
    ))
}

fn scale_power(word: &str) -> Option<u32> {
    SCALES.iter().find(|(w, _)| *w == word).map(|&(_, p)| p)
}

/// The plain digits of a figure token (thousands commas dropped, one decimal point kept) and the
/// power of ten of a scale written into it; None when the token is no figure, or is written in
/// a way this cannot read for sure ("4,75", "1.200.000").
fn figure_digits(text: &str, token: &Token) -> Option<(String, u32)> {
    let word = token.text.as_str();
    let split = word
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(word.len());
    let (number, suffix) = word.split_at(split);
    if !number.starts_with(|c: char| c.is_ascii_digit()) || number.ends_with(['.', ',']) {
        return None;
    }
    let currency = text[..token.start].ends_with(['$', '£', '€', '¥']);
    let power = match SUFFIXES.iter().find(|(s, _, _)| *s == suffix) {
        _ if suffix.is_empty() => 0,
        Some(&(_, power, needs_currency)) if currency || !needs_currency => power,
        _ if unit_of(word).is_some() => 0,
        _ => return None,
    };
    if number.matches('.').count() > 1 {
        return None;
    }
    let mut groups = number.split(',');
    let head = groups.next()?;
    let mut digits = head.to_string();
    for group in groups {
        let whole = group.split('.').next().unwrap_or(group);
        if whole.len() != 3 || head.contains('.') {
            return None;
        }
        digits.push_str(group);
    }
    Some((digits, power))
}

/// Units written into a figure ("40C", "12km") and their word, which stands beside the figure
/// as its own token so that "12km" and "12 kilometres" share both. Not `m`: without a currency
/// sign, "2m" is as often two million (people) as two metres.
const UNITS: &[(&str, &str)] = &[
    ("km", "kilometre"),
    ("cm", "centimetre"),
    ("mm", "millimetre"),
    ("kg", "kilogram"),
    ("c", "celsius"),
    ("f", "fahrenheit"),
    ("ha", "hectare"),
    ("kw", "kilowatt"),
    ("mw", "megawatt"),
    ("gw", "gigawatt"),
];

/// A unit written into a figure: its word, and its length as written.
type WrittenUnit = (&'static str, usize);

/// The unit written into a figure ("40c" -> "celsius").
fn unit_of(word: &str) -> Option<WrittenUnit> {
    let number = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[number.len()..];
    if number.is_empty() || !number.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    UNITS
        .iter()
        .find(|(written, _)| *written == suffix)
        .map(|&(_, unit)| (unit, suffix.len()))
}

/// `digits` (with at most one decimal point) times ten to the `power`, written without leading
/// or trailing zeros: exact, unlike floating point ("1.2" and 6 give "1200000").
fn shifted(digits: &str, power: u32) -> Option<String> {
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.len() + fraction.len() + power as usize > 40 {
        return None;
    }
    let mut all: String = format!("{whole}{fraction}");
    let point = whole.len() + power as usize;
    while all.len() < point {
        all.push('0');
    }
    let (int, frac) = all.split_at(point);
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    Some(match (int.is_empty(), frac.is_empty()) {
        (true, true) => "0".to_string(),
        (_, true) => int.to_string(),
        (true, false) => format!("0.{frac}"),
        (false, false) => format!("{int}.{frac}"),
    })
}

/// Turns a run of adjacent CJK characters into bigram tokens (a lone character into itself).
fn flush_cjk_run(text: &str, run: &mut Vec<(usize, usize)>, out: &mut Vec<Token>) {
    let cjk_token = |start: usize, end: usize| {
        let word: String = text[start..end].nfc().collect();
        Token {
            stop: is_stopword(&word),
            stem: word.clone(),
            text: word,
            start,
            end,
        }
    };
    match run.as_slice() {
        [] => {}
        [(start, end)] => out.push(cjk_token(*start, *end)),
        chars => out.extend(chars.windows(2).map(|w| cjk_token(w[0].0, w[1].1))),
    }
    run.clear();
}

/// Letters and marks of the Southeast Asian scripts written without spaces between words: Thai,
/// Lao, Myanmar and Khmer.
fn is_unspaced_southeast_asian(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'   // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
    ) && !c.is_ascii_digit()
        && !c.is_numeric()
}

/// Chinese and Japanese characters (Han, Hiragana, Katakana and their extensions); Hangul is
/// written with spaces and is left to word boundaries.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'   // halfwidth Katakana
        | '\u{20000}'..='\u{2FA1F}' // CJK extensions B..F, compatibility supplement
    )
}

/// Letters of the Latin script (and the marks, digits and apostrophes inside Latin words), for
/// which the English stemmer is meaningful.
fn is_latin_or_mark(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{300}'..='\u{36F}')
        || !c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn words_are_case_folded_stemmed_and_flagged() {
        let tokens = tokenize("The Police ARRESTED three protesters.");
        assert_eq!(
            texts(&tokens),
            ["the", "police", "arrested", "three", "protesters"]
        );
        let stems: Vec<&str> = tokens.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["the", "polic", "arrest", "3", "protest"]);
        assert!(tokens[0].stop && !tokens[1].stop);
    }

    #[test]
    fn figures_and_contractions_stay_whole() {
        let tokens = tokenize("It didn’t cost $1,000,000 or 1.53 million.");
        assert_eq!(
            texts(&tokens),
            ["it", "didn't", "cost", "1,000,000", "or", "1.53 million"]
        );
        assert_eq!(tokens[3].stem, "1000000");
        assert_eq!(tokens[5].stem, "1530000");
    }

    #[test]
    fn offsets_slice_the_original_words() {
        let text = "Zoë said: «Ça va», 北京大学 students.";
        for token in tokenize(text) {
            let original: String = text[token.start..token.end]
                .to_lowercase()
                .replace('’', "'");
            assert_eq!(original, token.text);
        }
    }

    #[test]
    fn cjk_runs_become_bigrams_and_lone_characters_stay() {
        assert_eq!(texts(&tokenize("北京大学")), ["北京", "京大", "大学"]);
        assert_eq!(texts(&tokenize("人 口")), ["人", "口"]);
        assert_eq!(
            texts(&tokenize("東京で会議")),
            ["東京", "京で", "で会", "会議"]
        );
    }

    #[test]
    fn non_latin_words_are_not_stemmed() {
        let tokens = tokenize("Москва говорила");
        assert_eq!(tokens[1].stem, "говорила");
    }

    fn stems(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn british_and_american_spellings_stem_alike() {
        for (british, american) in [
            ("criticised", "criticized"),
            ("organisation", "organization"),
            ("analysed", "analyzed"),
            ("epicentre", "epicenter"),
            ("kilometres", "kilometers"),
            ("favourite", "favorite"),
            ("labour", "labor"),
            ("defence", "defense"),
            ("programmes", "programs"),
            ("fulfilment", "fulfillment"),
        ] {
            assert_eq!(stems(british), stems(american), "{british}");
        }
        assert_ne!(stems("four"), stems("for"));
        assert_eq!(stems("programmed"), stems("program"));
        assert_eq!(stems("rose fell sold"), stems("rises falls sells"));
        assert_eq!(stems("rise"), stems("rises"));
    }

    #[test]
    fn every_name_of_a_country_is_one_term() {
        let china = ["china"];
        assert_eq!(stems("Chinese"), china);
        assert_eq!(stems("China's"), china);
        assert_eq!(stems("Beijing"), china);
        let us = ["united states"];
        assert_eq!(stems("U.S."), us);
        assert_eq!(stems("US"), us);
        assert_eq!(stems("the United States"), ["the", "united states"]);
        assert_eq!(stems("Americans"), us);
        assert_eq!(stems("give us"), ["give", "us"]);
        assert_eq!(
            stems("the U.N. and the United Nations"),
            stems("the UN and the U.N.")
        );
        assert_eq!(stems("South America"), ["south america"]);
        assert_eq!(stems("fine china"), ["fine", "china"]);
        assert_ne!(stems("polish the car")[0], stems("Polish")[0]);
        assert_eq!(
            stems("more than 1,200 Pakistanis"),
            ["more", "than", "1200", "pakistan"]
        );
        let who = tokenize("WHO said who");
        assert_eq!(who[0].stem, "world health organization");
        assert!(!who[0].stop && who[2].stop);
    }

    #[test]
    fn thai_is_read_as_bigrams_of_letters_with_their_marks() {
        // ข่ / า / ว / ดี: each letter keeps its marks.
        assert_eq!(stems("ข่าวดี"), ["ข่า", "าว", "วดี"]);
        assert_eq!(stems("ข่าว ดี"), ["ข่า", "าว", "ดี"]);
    }

    #[test]
    fn figures_stem_to_their_value() {
        assert_eq!(stems("1.2 million"), ["1200000"]);
        assert_eq!(stems("14.1178亿人"), ["1411780000", "人"]);
        assert_eq!(stems("投入100万元"), ["投入", "1000000", "元"]);
        assert_eq!(stems("1,200,000"), ["1200000"]);
        assert_eq!(stems("$1.2m"), ["1200000"]);
        assert_eq!(stems("€4.2bn"), stems("4.2 billion"));
        assert_eq!(stems("half a million"), ["500000"]);
        assert_eq!(stems("thirteen"), ["13"]);
        assert_eq!(stems("25%"), ["25", "percent"]);
        assert_eq!(stems("25 per cent"), ["25", "percent"]);
        assert_eq!(stems("4.75"), ["4.75"]);
        assert_eq!(stems("a 100m sprint"), ["a", "100m", "sprint"]);
        assert_eq!(stems("heat topping 40C"), stems("heat topping 40 Celsius"));
        assert_eq!(stems("12km"), stems("12 kilometres"));
        assert_eq!(stems("$2m"), ["2000000"]);
        assert_eq!(stems("4,75"), ["4,75"]);
        assert_eq!(stems("0.50"), ["0.5"]);
        let figure = &tokenize("cost 1.2 million")[1];
        assert_eq!((figure.start, figure.end), (5, 16));
    }

    #[test]
    fn odd_figures_stay_as_written() {
        for odd in ["1,2,3", "12,34.5", "1.2.3", "1,234.5.6", "7.", "1,"] {
            let tokens = tokenize(odd);
            assert!(tokens.iter().all(|t| !t.stem.is_empty()), "{odd}");
        }
        assert_eq!(stems("1,2,3")[0], "1,2,3");
        let huge = format!("{} billion", "9".repeat(60));
        assert_eq!(stems(&huge).len(), 2);
        assert_eq!(stems("1,234.5 thousand"), ["1234500"]);
    }

    #[test]
    fn text_is_nfc() {
        let tokens = tokenize("Cafe\u{301}");
        assert_eq!(tokens[0].text, "café");
    }
}
