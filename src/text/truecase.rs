//! A headline written the way its article's body writes the same words.
//!
//! Headlines capitalise for display (`Donald Trump Jr. Communicated With WikiLeaks During
//! Campaign`, `CHINA'S TECH HEIST`), so their capitals do not say which words are names. The
//! body does: a word it capitalises in mid-sentence more often than not, or only ever
//! capitalises, is a name there (`WikiLeaks`, `Trump`, `FBI`); any other word is an ordinary
//! word. [`truecase`] rewrites each word of a headline in that case, so that facts read from it
//! find the names the body finds and no others.

use rustc_hash::FxHashMap;

use super::sentences::split_sentences;

/// How the body writes one word.
#[derive(Debug, Default, Clone)]
struct Seen {
    /// Capitalised in mid-sentence, so many times.
    capitalised: u32,
    /// Capitalised at a sentence's start, so many times.
    initial: u32,
    /// In lowercase, so many times.
    lowercase: u32,
    /// Its first capitalised form (`WikiLeaks`).
    form: Option<String>,
}

impl Seen {
    /// The form a headline should give the word: the body's capitalised form where the body
    /// capitalises it in mid-sentence more often than not, or only ever at a sentence's start.
    fn name_form(&self) -> Option<&str> {
        let name = self.capitalised > self.lowercase || (self.lowercase == 0 && self.initial > 0);
        self.form.as_deref().filter(|_| name)
    }
}

/// `headline` with each word in the case the body (`paragraphs`) gives it: the body's
/// capitalised form where the body writes it as a name ([`Seen::name_form`]), else lowercase.
/// Words of no case (figures, unspaced scripts) stay as they are, and every word keeps its byte
/// length, so a range of the result is the same range of `headline`.
pub fn truecase(headline: &str, paragraphs: &[String]) -> String {
    let mut seen: FxHashMap<String, Seen> = FxHashMap::default();
    for paragraph in paragraphs {
        for sentence in split_sentences(paragraph) {
            let sentence = &paragraph[sentence];
            for (position, word) in words(sentence).enumerate() {
                let Some(first) = word.chars().next() else {
                    continue;
                };
                let entry = seen.entry(word.to_lowercase()).or_default();
                if first.is_lowercase() {
                    entry.lowercase += 1;
                } else if first.is_uppercase() {
                    if position == 0 {
                        entry.initial += 1;
                    } else {
                        entry.capitalised += 1;
                    }
                    entry.form.get_or_insert_with(|| word.to_string());
                }
            }
        }
    }
    let mut out = String::with_capacity(headline.len());
    let mut rest = 0;
    for (start, word) in word_positions(headline) {
        out.push_str(&headline[rest..start]);
        let lower = word.to_lowercase();
        let cased = match seen.get(&lower).and_then(Seen::name_form) {
            Some(form) => form.to_string(),
            None => lower,
        };
        out.push_str(if cased.len() == word.len() {
            &cased
        } else {
            word
        });
        rest = start + word.len();
    }
    out.push_str(&headline[rest..]);
    out
}

/// The words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    word_positions(text).map(|(_, word)| word)
}

/// Each word of `text` (a run of letters and digits) with where it starts.
fn word_positions(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                words.push((from, &text[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push((from, &text[from..]));
    }
    words.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<String> {
        text.split("\n\n").map(str::to_string).collect()
    }

    #[test]
    fn a_title_case_headline_keeps_the_capitals_of_the_names_its_body_has() {
        let paragraphs = body(
            "Donald Trump Jr. had conversations with WikiLeaks during the campaign.\n\n\
             The group communicated with him, and Mr. Trump replied.",
        );
        assert_eq!(
            truecase(
                "Donald Trump Jr. Communicated With WikiLeaks During Campaign",
                &paragraphs
            ),
            "Donald Trump Jr. communicated with WikiLeaks during campaign"
        );
    }

    #[test]
    fn a_shouted_headline_is_read_in_the_bodys_case() {
        let paragraphs = body("Officials in China told the FBI the tech plan was a heist.");
        assert_eq!(
            truecase(
                "CHINA’S TECH HEIST: files expose plot, FBI says",
                &paragraphs
            ),
            "China’s tech heist: files expose plot, FBI says"
        );
    }

    #[test]
    fn words_the_body_lacks_and_figures_are_lowercase_or_unchanged() {
        assert_eq!(
            truecase("Storm Kills 12 in 北京", &body("A storm hit.")),
            "storm kills 12 in 北京"
        );
    }
}
