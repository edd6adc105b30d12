//! Quoted spans: the words a claim puts in someone's mouth, between straight or curly double
//! quotes, curly single quotes, `«»`, `「」` or `『』`.
//!
//! Two quotes are compared by their words (case, punctuation and the quote marks themselves
//! ignored, contractions spelled out: `won't` = `will not`, hyphens and abbreviation dots
//! joined: `co-mingling` = `comingling`): quoting a fragment of the same words, or leaving words
//! out with an ellipsis or putting the outlet's own in brackets, is faithful; any other change of
//! words is an altered quote. A sentence that opens inside a quote (its closing mark glued to
//! the last quoted word) quotes from its start.

/// One quoted span of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted text, trimmed, without the quote marks.
    pub text: String,
    /// The quoted words, lowercase, in order; `…` between fragments becomes an empty word.
    pub words: Vec<String>,
    /// The sentence has no quote mark of its own: it is a middle sentence of a quote several
    /// sentences long ([`inside_quotations`]), quoted as a whole.
    pub unmarked: bool,
}

/// How many letters a quoted fragment must have to be compared letters only, without the
/// spaces between its words.
const LETTERS_ALONE_MIN: usize = 12;

/// Pairs of opening and closing quote marks. A straight `"` opens and closes.
const MARKS: &[(char, char)] = &[
    ('"', '"'),
    ('“', '”'),
    ('«', '»'),
    ('「', '」'),
    ('『', '』'),
    ('‘', '’'),
    ('„', '“'),
];

impl Quote {
    /// Builds a quote from its text.
    fn new(text: &str) -> Quote {
        let mut words = Vec::new();
        // Whether each word of `words` was written capitalised.
        let mut capitals = Vec::new();
        let mut current = String::new();
        let mut chars = text.chars().peekable();
        let mut prev = None;
        while let Some(c) = chars.next() {
            let after_space = prev.is_some_and(char::is_whitespace);
            prev = Some(c);
            // Words in brackets are the outlet's, put into the quote (`continues [to put]
            // Americans`): a gap in the quoted words, as an ellipsis is.
            let interpolation = matches!(c, '[' | '(');
            if interpolation {
                let close = if c == '[' { ']' } else { ')' };
                chars.by_ref().find(|&n| n == close);
            }
            let ellipsis = c == '…'
                || (c == '.' && (chars.peek() == Some(&'.') || after_space))
                || interpolation;
            // A hyphen inside a word and the dots of an abbreviation join, as outlets spell
            // them either way (`co-mingling` = `comingling`, `F.T.C.` = `FTC`).
            let joiner = matches!(c, '-' | '‐' | '.')
                && current.chars().last().is_some_and(char::is_alphanumeric)
                && chars.peek().is_some_and(|n| {
                    if c == '.' {
                        n.is_alphabetic()
                    } else {
                        n.is_alphanumeric()
                    }
                });
            if joiner {
                continue;
            }
            if c.is_alphanumeric() || (matches!(c, '\'' | '’') && !current.is_empty()) {
                if current.is_empty() {
                    capitals.push(c.is_uppercase());
                }
                current.extend(c.to_lowercase().map(|l| if l == '’' { '\'' } else { l }));
                continue;
            }
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            if ellipsis && words.last().is_some_and(|w| !w.is_empty()) {
                words.push(String::new());
                capitals.push(false);
            }
        }
        if !current.is_empty() {
            words.push(current);
        }
        let words = without_titles(words, &capitals);
        Quote {
            unmarked: false,
            text: text.trim().to_string(),
            words: day_after_month(
                words
                    .iter()
                    .flat_map(|w| spelled_out(&as_written_in_dates(w)))
                    .collect(),
            ),
        }
    }

    /// The fragments of the quote between ellipses.
    fn fragments(&self) -> impl Iterator<Item = &[String]> {
        self.words.split(String::is_empty).filter(|f| !f.is_empty())
    }

    /// Whether `self` and `other` quote the same words: equal, or every fragment of one is a
    /// run of the other's words.
    pub fn faithful_to(&self, other: &Quote) -> bool {
        // Word by word, or letters only for a fragment long enough not to be found by chance
        // (`Do Not Call` = `do-not-call`).
        let within = |part: &Quote, whole: &Quote| {
            part.fragments().all(|fragment| {
                let letters = fragment.concat();
                whole.fragments().any(|w| {
                    w.windows(fragment.len()).any(|window| window == fragment)
                        || (letters.chars().count() >= LETTERS_ALONE_MIN
                            && w.concat().contains(&letters))
                })
            })
        };
        within(self, other) || within(other, self)
    }

    /// Whether the two quote the same words but for function words added or dropped and other
    /// inflections of a word (`admit that I'm a Christian` = `admit I'm a Christian`, `in the
    /// pew` = `in the pews`): the shorter, word by word, stands in the longer with no word of
    /// either put for another, and no content word, figure or negation added or dropped inside
    /// it.
    pub fn nearly_faithful_to(&self, other: &Quote) -> bool {
        let stems = |quote: &Quote| -> Vec<(String, bool)> {
            crate::text::tokens::tokenize(&quote.text)
                .into_iter()
                // A contraction's stem is a function word too (`that's` -> `that`).
                .map(|t| {
                    let stop = t.stop || crate::text::stopwords::is_stopword(&t.stem);
                    (t.stem, stop)
                })
                .collect()
        };
        let (mut short, mut long) = (stems(self), stems(other));
        if short.len() > long.len() {
            std::mem::swap(&mut short, &mut long);
        }
        let short_stems: Vec<&str> = short.iter().map(|(s, _)| s.as_str()).collect();
        let long_stems: Vec<&str> = long.iter().map(|(s, _)| s.as_str()).collect();
        let ops =
            similar::capture_diff_slices(similar::Algorithm::Myers, &short_stems, &long_stems);
        let equal: usize = ops
            .iter()
            .map(|op| match *op {
                similar::DiffOp::Equal { len, .. } => len,
                _ => 0,
            })
            .sum();
        if short.is_empty() || 2 * equal < short.len() {
            return false;
        }
        // The longer quote may run on before and after the words the shorter quotes.
        let first = ops
            .iter()
            .position(|op| matches!(op, similar::DiffOp::Equal { .. }));
        let last = ops
            .iter()
            .rposition(|op| matches!(op, similar::DiffOp::Equal { .. }));
        let (Some(first), Some(last)) = (first, last) else {
            return false;
        };
        // A word of one put for a word of the other, even a function word (`It's ridiculous`
        // / `How ridiculous`), alters the quote: the two differ between the same equal runs.
        let substituted = ops
            .split(|op| matches!(op, similar::DiffOp::Equal { .. }))
            .any(|between| {
                between.iter().any(|op| !op.old_range().is_empty())
                    && between.iter().any(|op| !op.new_range().is_empty())
            });
        if substituted {
            return false;
        }
        let only_function_words = |words: &[(String, bool)]| words.iter().all(|(_, stop)| *stop);
        // Outside the equal runs, the shorter quote may lose only function words; inside them,
        // the longer may add only function words (before and after, it runs on).
        ops.iter().enumerate().all(|(i, op)| {
            matches!(op, similar::DiffOp::Equal { .. })
                || (only_function_words(&short[op.old_range()])
                    && (!(first..=last).contains(&i) || only_function_words(&long[op.new_range()])))
        })
    }

    /// Whether two quotes quote the same words ([`Quote::faithful_to`] or
    /// [`Quote::nearly_faithful_to`]), a word one of them censors read as the other prints it
    /// ([`Quote::uncensored_by`]).
    pub fn same_words(&self, other: &Quote) -> bool {
        let faithful = |a: &Quote, b: &Quote| a.faithful_to(b) || a.nearly_faithful_to(b);
        if !self.text.contains('*') && !other.text.contains('*') {
            return faithful(self, other);
        }
        faithful(&self.uncensored_by(other), &other.uncensored_by(self))
    }

    /// The quote with each word it censors with asterisks (`f***`, `motherf***er`) written as
    /// `other` prints it: the word of `other` that opens with the letters before the asterisks
    /// and ends with those after them, and is longer than both. Outlets censor profanity in
    /// quotes others print whole; a word `other` does not have stays censored.
    pub fn uncensored_by(&self, other: &Quote) -> Quote {
        if !self.text.contains('*') {
            return self.clone();
        }
        let mut text = String::with_capacity(self.text.len());
        let mut token = String::new();
        let flush = |token: &mut String, text: &mut String| {
            let word = censored_word(token)
                .and_then(|(before, after)| {
                    other.words.iter().find(|w| {
                        w.chars().count() > before.chars().count() + after.chars().count()
                            && w.starts_with(&before)
                            && w.ends_with(&after)
                    })
                })
                .map_or(token.as_str(), String::as_str);
            text.push_str(word);
            token.clear();
        };
        for c in self.text.chars() {
            if c.is_alphanumeric() || c == '*' {
                token.push(c);
            } else {
                flush(&mut token, &mut text);
                text.push(c);
            }
        }
        flush(&mut token, &mut text);
        Quote {
            unmarked: self.unmarked,
            ..Quote::new(&text)
        }
    }

    /// How many words two quotes share, over the shorter one's word count (0 to 1).
    pub fn overlap(&self, other: &Quote) -> f64 {
        self.shared_share(other, |_| true)
    }

    /// How many content words two quotes share, over the shorter one's count (0 to 1): function
    /// words (`we`, `do`, `about`) and `not` are left out, as any two quotes share some, so
    /// this tells one quote reworded from two different quotes.
    pub fn content_overlap(&self, other: &Quote) -> f64 {
        self.shared_share(other, |w| {
            !crate::text::stopwords::is_stopword(w) && !["not", "no", "never"].contains(&w)
        })
    }

    /// The share of the words `counted` holds that two quotes share, over the shorter one's
    /// count of them.
    fn shared_share(&self, other: &Quote, counted: impl Fn(&str) -> bool) -> f64 {
        let set = |quote: &'_ Quote| -> std::collections::HashSet<String> {
            quote
                .words
                .iter()
                .filter(|w| !w.is_empty() && counted(w))
                .cloned()
                .collect()
        };
        let (mine, theirs) = (set(self), set(other));
        let shorter = mine.len().min(theirs.len());
        if shorter == 0 {
            return 0.0;
        }
        mine.intersection(&theirs).count() as f64 / shorter as f64
    }
}

/// The quoted words without a title before a name (`Representative Fredette` = `Fredette`,
/// `Mr. Gilbertson` = `Gilbertson`): outlets add or drop one inside a quote to name the person.
/// `capitals` tells which words were written capitalised.
fn without_titles(words: Vec<String>, capitals: &[bool]) -> Vec<String> {
    let before_a_name = |k: usize| {
        capitals.get(k) == Some(&true)
            && capitals.get(k + 1) == Some(&true)
            && super::names::TITLES.contains(&words[k].as_str())
    };
    (0..words.len())
        .filter(|&k| !before_a_name(k))
        .map(|k| words[k].clone())
        .collect()
}

/// Months written short, as their full names (`Sept.` = `September`); `Mar`, `May` and `Jun`
/// are left alone as words of their own.
const SHORT_MONTHS: &[(&str, &str)] = &[
    ("jan", "january"),
    ("feb", "february"),
    ("apr", "april"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "september"),
    ("sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
];

/// A lowercase quoted word as dates write it either way: a short month in full, an ordinal
/// day as its number (`11th` = `11`).
fn as_written_in_dates(word: &str) -> String {
    if let Some((_, full)) = SHORT_MONTHS.iter().find(|(short, _)| *short == word) {
        return full.to_string();
    }
    let ordinal = ["st", "nd", "rd", "th"].iter().find_map(|suffix| {
        word.strip_suffix(suffix)
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    });
    ordinal.unwrap_or(word).to_string()
}

/// The words with a day before its month put after it (`11 september` = `september 11`), as
/// outlets write a date in either order, and the spoken forms written as the date
/// (`september the 11th`, `the 11th of september`).
fn day_after_month(mut words: Vec<String>) -> Vec<String> {
    let is_month = |w: &str| {
        SHORT_MONTHS.iter().any(|(_, full)| *full == w) || ["march", "may", "june"].contains(&w)
    };
    let is_day = |w: &str| w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let mut k = 0;
    while k + 2 < words.len() {
        if is_month(&words[k]) && words[k + 1] == "the" && is_day(&words[k + 2]) {
            words.remove(k + 1);
        } else if words[k] == "the"
            && is_day(&words[k + 1])
            && words[k + 2] == "of"
            && words.get(k + 3).is_some_and(|m| is_month(m))
        {
            // `the 11 of september` -> `11 september`, put in order below.
            words.remove(k + 2);
            words.remove(k);
        }
        k += 1;
    }
    for k in 1..words.len() {
        if is_month(&words[k]) && is_day(&words[k - 1]) {
            words.swap(k - 1, k);
        }
    }
    words
}

/// A lowercase word with its contraction spelled out (`won't` → `will not`, `they're` → `they
/// are`), and speech as one outlet transcribes it and another writes it out (`gonna` → `going
/// to`); `'s` and `'d` are left alone (`is` or `has`, `would` or `had`).
fn spelled_out(word: &str) -> Vec<String> {
    let spoken = match word {
        "gonna" => Some(["going", "to"]),
        "wanna" => Some(["want", "to"]),
        "gotta" => Some(["got", "to"]),
        "kinda" => Some(["kind", "of"]),
        "outta" => Some(["out", "of"]),
        _ => None,
    };
    if let Some(words) = spoken {
        return words.iter().map(|w| w.to_string()).collect();
    }
    let irregular = match word {
        "won't" => Some("will"),
        "can't" | "cannot" => Some("can"),
        "shan't" => Some("shall"),
        _ => None,
    };
    if let Some(verb) = irregular {
        return vec![verb.to_string(), "not".to_string()];
    }
    if super::hedges::unmarked_contraction(word) {
        let auxiliary = match &word[..word.len() - 2] {
            "wo" => "will",
            "ca" => "can",
            other => other,
        };
        return vec![auxiliary.to_string(), "not".to_string()];
    }
    let endings = [
        ("n't", "not"),
        ("'re", "are"),
        ("'ve", "have"),
        ("'ll", "will"),
        ("'m", "am"),
    ];
    for (ending, full) in endings {
        if let Some(stem) = word.strip_suffix(ending).filter(|s| !s.is_empty()) {
            return vec![stem.to_string(), full.to_string()];
        }
    }
    vec![word.to_string()]
}

/// The letters before and after the asterisks of a censored word (`motherf***er`: `motherf`,
/// `er`), lowercase, when it opens with a letter and has asterisks.
fn censored_word(token: &str) -> Option<(String, String)> {
    let (first, last) = (token.find('*')?, token.rfind('*')?);
    let before = token[..first].to_lowercase();
    (!before.is_empty()).then(|| (before, token[last + 1..].to_lowercase()))
}

/// The quotes of a sentence whose quoted spans stand at `ranges` ([`quoted_ranges`]).
pub(crate) fn scan(sentence: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Quote> {
    ranges
        .iter()
        .map(|range| Quote::new(&sentence[range.clone()]))
        .filter(|quote| quote.words.iter().any(|w| !w.is_empty()))
        .collect()
}

/// The quote a middle sentence of a quote several sentences long makes as a whole, if it has
/// words.
pub(crate) fn unmarked(sentence: &str) -> Option<Quote> {
    let quote = Quote {
        unmarked: true,
        ..Quote::new(sentence)
    };
    quote.words.iter().any(|w| !w.is_empty()).then_some(quote)
}

/// Where the quoted spans of a sentence stand, in bytes (unbalanced marks quote up to the end
/// of the sentence).
pub(crate) fn quoted_ranges(sentence: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in sentence.char_indices() {
        match open {
            Some((close, start)) if c == close => {
                // A curly apostrophe inside a word (`didn’t`) closes nothing.
                let next = sentence[i + c.len_utf8()..].chars().next();
                let apostrophe = c == '’'
                    && prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic);
                if !apostrophe {
                    out.push(start..i);
                    open = None;
                }
            }
            None if out.is_empty() && closes_unopened(c, prev, &sentence[i + c.len_utf8()..]) => {
                // The claim starts inside a quote (its opening mark in the sentence before).
                out.push(0..i);
            }
            None => {
                if let Some(&(_, close)) = MARKS.iter().find(|(o, _)| *o == c) {
                    // `‘` opens only at a word start; `'` is never a quote mark (apostrophes).
                    let word_start = prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p));
                    if c != '‘' || word_start {
                        open = Some((close, i + c.len_utf8()));
                    }
                }
            }
            Some(_) => {}
        }
        prev = Some(c);
    }
    if let Some((_, start)) = open {
        out.push(start..sentence.len());
    }
    out
}

/// For each of a paragraph's sentences at `sentences`, whether it stands wholly inside a
/// quotation that opens before it and closes after it, in the same paragraph: the middle
/// sentence of a quote several sentences long (`“It’s absurd. It is a waste. We won’t pay,” she
/// said.`), all of whose words are quoted though it has no quote mark of its own. A quotation
/// left open at the paragraph's end quotes no middle sentence: a stray mark would make the rest
/// of the paragraph a quote.
pub fn inside_quotations(paragraph: &str, sentences: &[std::ops::Range<usize>]) -> Vec<bool> {
    let closed: Vec<std::ops::Range<usize>> = quoted_ranges(paragraph)
        .into_iter()
        .filter(|r| r.end < paragraph.len())
        .collect();
    sentences
        .iter()
        .map(|sentence| {
            let text = &paragraph[sentence.clone()];
            let start = sentence.start + (text.len() - text.trim_start().len());
            let end = sentence.start + text.trim_end().len();
            start < end
                && quoted_ranges(text).is_empty()
                && closed.iter().any(|q| q.start < start && end <= q.end)
        })
        .collect()
}

/// Whether mark `c`, the first of its sentence, closes a quote opened before the sentence: a
/// closing-only mark (`”`, `»`), or a straight `"` glued to the word before it and followed by
/// a space, punctuation or the end (`funding," said Rowe`).
fn closes_unopened(c: char, prev: Option<char>, rest: &str) -> bool {
    let closing_only = MARKS
        .iter()
        .any(|&(o, close)| close == c && o != c && close != '’')
        && !MARKS.iter().any(|&(o, _)| o == c);
    let glued_straight = c == '"'
        && prev.is_some_and(|p| !p.is_whitespace())
        && rest
            .chars()
            .next()
            .is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
    closing_only || glued_straight
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_all(sentence: &str) -> Vec<Quote> {
        scan(sentence, &quoted_ranges(sentence))
    }

    #[test]
    fn every_kind_of_quote_mark_is_read() {
        let quotes =
            scan_all("He said \"yes\", “no”, «oui», 「はい」 and ‘maybe’; he didn’t 'hedge'.");
        let texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["yes", "no", "oui", "はい", "maybe"]);
    }

    #[test]
    fn fragments_and_ellipses_are_faithful_and_changed_words_are_not() {
        let whole = Quote::new("We will never give up, and we will win.");
        assert!(Quote::new("never give up").faithful_to(&whole));
        assert!(Quote::new("We will never give up … we will win").faithful_to(&whole));
        assert!(Quote::new("WE WILL NEVER GIVE UP, AND WE WILL WIN").faithful_to(&whole));
        assert!(!Quote::new("We will always give up").faithful_to(&whole));
        assert!(Quote::new("We will always give up").overlap(&whole) >= 0.3);
        let (a, b) = (
            Quote::new("Most don't think about it."),
            Quote::new("They don't trust us to make decisions about students."),
        );
        assert!(a.content_overlap(&b) < 0.5 && a.overlap(&b) >= 0.5);
        assert!(Quote::new("We will never give in").content_overlap(&whole) >= 0.5);
    }

    #[test]
    fn function_words_and_inflections_do_not_alter_a_quote() {
        let long = Quote::new(
            "I'm not ashamed to admit that I'm a Christian, but you don't need to be in the pew \
             every Sunday to know there's something wrong",
        );
        assert!(Quote::new("I'm not ashamed to admit I'm a Christian").nearly_faithful_to(&long));
        assert!(
            Quote::new("you don't need to be in the pews every Sunday to know that there's")
                .nearly_faithful_to(&long)
        );
        for altered in [
            "I'm not afraid to admit I'm a Christian",
            "I'm ashamed to admit I'm a Christian",
            "you don't need to be in the pew every day",
        ] {
            assert!(
                !Quote::new(altered).nearly_faithful_to(&long),
                "{altered:?}"
            );
        }
        let years = Quote::new("growth for our employees over the next four years");
        assert!(
            !Quote::new("growth for our employees over the next few years")
                .nearly_faithful_to(&years)
        );
        // A contraction's function word dropped is no alteration; a function word put for
        // another is.
        let believe = Quote::new("I don't believe that that's what we're here to do.");
        assert!(
            Quote::new("I don't believe that's what we're here to do").nearly_faithful_to(&believe)
        );
        for (altered, original) in [
            ("How ridiculous.", "It's ridiculous."),
            (
                "a major failure in coastal surveillance",
                "a major failure of coastal surveillance",
            ),
        ] {
            assert!(
                !Quote::new(altered).nearly_faithful_to(&Quote::new(original)),
                "{altered:?}"
            );
        }
    }

    #[test]
    fn a_middle_sentence_of_a_long_quote_is_quoted_without_marks_of_its_own() {
        let paragraph =
            "She spoke. “It’s absurd. It is a waste. We won’t pay,” she said. Then she left.";
        let sentences = crate::text::sentences::split_sentences(paragraph);
        let inside = inside_quotations(paragraph, &sentences);
        let quoted: Vec<&str> = sentences
            .iter()
            .zip(&inside)
            .filter(|(_, inside)| **inside)
            .map(|(range, _)| &paragraph[range.clone()])
            .collect();
        assert_eq!(quoted, ["It is a waste."]);
        // A quote left open at the paragraph's end (a stray mark) quotes no middle sentence.
        let stray = "He is 6'2\" tall. He plays guard. He is fast.";
        let sentences = crate::text::sentences::split_sentences(stray);
        assert!(
            inside_quotations(stray, &sentences)
                .iter()
                .all(|inside| !inside)
        );
        let quote = unmarked("It is a waste.").expect("words");
        assert!(quote.unmarked);
        assert_eq!(quote.words, ["it", "is", "a", "waste"]);
    }

    #[test]
    fn contractions_are_the_words_they_stand_for() {
        let full = Quote::new("We will not stop, and we are not afraid.");
        assert!(Quote::new("We won’t stop, and we’re not afraid.").faithful_to(&full));
        assert!(Quote::new("We won't stop").faithful_to(&full));
        assert_eq!(Quote::new("It isn't").words, ["it", "is", "not"]);
        assert_eq!(Quote::new("It isnt").words, ["it", "is", "not"]);
        assert_eq!(Quote::new("We wont").words, ["we", "will", "not"]);
        assert!(!Quote::new("We will stop").faithful_to(&full));
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        assert_eq!(scan_all("He said: “We will win.")[0].text, "We will win.");
    }

    #[test]
    fn a_quote_opened_before_the_sentence_runs_from_its_start() {
        for sentence in [
            "Georgia cannot afford it,\" said Dr. Rowe.",
            "Georgia cannot afford it,” said Dr. Rowe.",
        ] {
            let texts: Vec<String> = scan_all(sentence).into_iter().map(|q| q.text).collect();
            assert_eq!(texts, ["Georgia cannot afford it,"], "{sentence}");
        }
        assert_eq!(scan_all("He said \"yes\" twice.")[0].text, "yes");
    }

    #[test]
    fn words_put_in_brackets_are_a_gap_like_an_ellipsis() {
        let whole = Quote::new("the failure to act continues to put Americans at risk");
        assert!(Quote::new("the failure to act continues [to put] Americans").faithful_to(&whole));
        assert!(Quote::new("the failure to act continues (to put) Americans").faithful_to(&whole));
        assert!(Quote::new("the failure to act . . . Americans at risk").faithful_to(&whole));
        assert!(!Quote::new("the failure to act [continues] Britons").faithful_to(&whole));
    }

    #[test]
    fn dates_written_otherwise_and_a_title_before_a_name_do_not_alter_a_quote() {
        let full = Quote::new("accused of complicity in the attacks of September 11, 2001");
        for other in [
            "accused of complicity in the attacks of Sept. 11, 2001",
            "accused of complicity in the attacks of 11 September, 2001",
            "accused of complicity in the attacks of September 11th, 2001",
            "accused of complicity in the attacks of September the 11th, 2001",
            "accused of complicity in the attacks of the 11th of September, 2001",
        ] {
            assert!(Quote::new(other).faithful_to(&full), "{other}");
        }
        let titled = Quote::new("I disagree with Representative Fredette's position");
        assert!(Quote::new("I disagree with Fredette's position").faithful_to(&titled));
        assert!(
            !Quote::new("I disagree with Fredette's position")
                .faithful_to(&Quote::new("I disagree with the Representative's position"))
        );
        assert!(!Quote::new("the attacks of September 12").faithful_to(&full));
    }

    #[test]
    fn hyphens_abbreviation_dots_and_spacing_do_not_alter_a_quote() {
        let a = Quote::new("we are not co-mingling funds, the F.T.C. and the Do Not Call list");
        let b = Quote::new("we are not comingling funds, the FTC and the do-not-call list");
        assert!(a.faithful_to(&b));
        assert!(!Quote::new("the do-not-email list").faithful_to(&b));
    }

    #[test]
    fn a_word_censored_with_asterisks_is_the_word_printed_whole() {
        let censored = Quote::new("we're gonna impeach the motherf***er");
        let whole = Quote::new("we're gonna impeach the motherfucker");
        assert!(!censored.faithful_to(&whole));
        assert!(censored.same_words(&whole) && whole.same_words(&censored));
        assert!(
            Quote::new("what the f*** happened").same_words(&Quote::new("what the fuck happened"))
        );
        assert!(
            !Quote::new("impeach the motherf***er")
                .same_words(&Quote::new("impeach the president")),
            "the letters kept must be the other word's"
        );
        assert!(
            !Quote::new("we are **** furious").same_words(&Quote::new("we are deeply furious")),
            "a word censored whole could be any word"
        );
    }

    #[test]
    fn speech_transcribed_as_spoken_is_the_same_words_written_out() {
        let spoken = Quote::new("because we're gonna go in there and we wanna win");
        let written = Quote::new("because we're going to go in there and we want to win");
        assert!(spoken.faithful_to(&written));
        assert!(!Quote::new("we're gonna stay").faithful_to(&Quote::new("we're going to go")));
    }
}
