//! Shared particulars: what two articles have in common that independent reporting rarely
//! repeats.
//! - **conversion**: the same amount converted into the same other amount (`1 million yuan
//!   (about $153,000)`): another writer converts at another rate or rounds otherwise;
//! - **list order**: three or more items of a list (`;` or `,` separated) that both give, in the
//!   same order;
//! - **rare phrase**: a phrase of three to seven words the two share and no other outlet of the
//!   story uses, with a content word no other outlet uses (judged only with a third outlet to
//!   judge against);
//! - **spelling**: a word both spell one way where another outlet of the story spells it with
//!   one letter changed (a misspelt name copied along).
//!
//! Each is cited on both sides. A particular that other outlets share too is listed with
//! them in `also_in`: it may come from a source of all of them.

use rustc_hash::{FxHashMap, FxHashSet};

use super::words::{OutletWords, Word};
use super::{Particular, ParticularKind, Passage};
use crate::model::Comparison;
use crate::text::facts::extract_facts;
use crate::text::sentences::split_sentences;
use crate::text::tokens::tokenize;

/// The least share of content stems (Dice) two list items share to be one item.
const ITEM_MATCH: f64 = 0.5;
/// The most distinct names a story may have for shared spellings to be looked for.
const MAX_NAMES: usize = 20_000;
/// The fewest words of a rare phrase (shorter phrases are what any two writers share).
const RARE_PHRASE_WORDS: usize = 5;

/// One conversion in an article.
#[derive(Debug, Clone)]
struct Conversion {
    /// The amounts, as a comparable key.
    key: String,
    /// What it says (`1 million yuan (about $153,000)`).
    text: String,
    paragraph: usize,
    start: usize,
    end: usize,
}

/// One list in an article.
#[derive(Debug, Clone)]
struct List {
    items: Vec<Item>,
    paragraph: usize,
}

#[derive(Debug, Clone)]
struct Item {
    /// The item's content stems.
    stems: Vec<String>,
    start: usize,
    end: usize,
}

/// The particulars of every outlet, gathered once per story.
#[derive(Debug, Default)]
pub(crate) struct OutletParticulars {
    conversions: Vec<Vec<Conversion>>,
    lists: Vec<Vec<List>>,
    /// For each word trigram hash, the outlets (bit mask) using it.
    trigram_outlets: FxHashMap<u64, u64>,
    /// For each folded word, the outlets (bit mask) using it.
    word_outlets: FxHashMap<u64, u64>,
    /// Per outlet: trigram hash → first position.
    trigram_at: Vec<FxHashMap<u64, usize>>,
    /// Shared spellings: (word, the other outlets' spelling) for words used by exactly two
    /// outlets, by their mask.
    spellings: FxHashMap<u64, Vec<(String, String)>>,
}

impl OutletParticulars {
    /// Reads every outlet's conversions, lists and word statistics.
    pub fn collect(comparison: &Comparison, texts: &[OutletWords]) -> OutletParticulars {
        let mut conversions = Vec::new();
        let mut lists = Vec::new();
        for outlet in &comparison.outlets {
            let mut outlet_conversions = Vec::new();
            let mut outlet_lists = Vec::new();
            for (p, paragraph) in outlet.paragraphs.iter().enumerate() {
                // Only a paragraph with a parenthesis or a list has a particular to read.
                let bytes = paragraph.as_bytes();
                let commas = memchr::memchr_iter(b',', bytes).take(2).count();
                if commas < 2 && memchr::memchr2(b'(', b';', bytes).is_none() {
                    continue;
                }
                for sentence in split_sentences(paragraph) {
                    let text = &paragraph[sentence.clone()];
                    if text.contains('(') && text.bytes().any(|b| b.is_ascii_digit()) {
                        conversions_in(text, p, sentence.start, &mut outlet_conversions);
                    }
                    if let Some(list) = list_in(paragraph, sentence, p) {
                        outlet_lists.push(list);
                    }
                }
            }
            conversions.push(outlet_conversions);
            lists.push(outlet_lists);
        }
        let usable = texts.len() <= 64;
        let mut trigram_outlets: FxHashMap<u64, u64> = FxHashMap::default();
        let mut word_outlets: FxHashMap<u64, u64> = FxHashMap::default();
        // Names by their folded text, with their key (what `word_outlets` is keyed by).
        let mut name_outlets: FxHashMap<String, u64> = FxHashMap::default();
        let mut trigram_at = Vec::new();
        for (o, text) in texts.iter().enumerate() {
            let bit = if usable { 1u64 << o } else { 0 };
            let mut at: FxHashMap<u64, usize> = FxHashMap::default();
            for i in 0..text.len() {
                if let Some(hash) = trigram(&text.words, i) {
                    at.entry(hash).or_insert(i);
                    *trigram_outlets.entry(hash).or_default() |= bit;
                }
                let word = &text.words[i];
                *word_outlets.entry(word.key).or_default() |= bit;
                if !word.free
                    && word.text.chars().count() >= 5
                    && word.text.chars().all(char::is_alphabetic)
                    && !name_outlets.contains_key(&word.text)
                {
                    name_outlets.insert(word.text.clone(), word.key);
                }
            }
            trigram_at.push(at);
        }
        // Spellings are compared within names of one initial: bounded for real stories, and
        // left out for a story with an outsize vocabulary of names.
        let spellings = if usable && texts.len() >= 3 && name_outlets.len() <= MAX_NAMES {
            shared_spellings(&name_outlets, &word_outlets)
        } else {
            FxHashMap::default()
        };
        OutletParticulars {
            conversions,
            lists,
            trigram_outlets,
            word_outlets,
            trigram_at,
            spellings,
        }
    }

    /// The particulars outlets `i` and `j` share.
    pub fn shared(
        &self,
        comparison: &Comparison,
        texts: &[OutletWords],
        i: usize,
        j: usize,
        in_run: &[bool],
    ) -> Vec<Particular> {
        let ids: Vec<&str> = comparison.outlets.iter().map(|o| o.id.as_str()).collect();
        let others = |test: &dyn Fn(usize) -> bool| -> Vec<String> {
            (0..ids.len())
                .filter(|&k| k != i && k != j && test(k))
                .map(|k| ids[k].to_string())
                .collect()
        };
        let mut out = Vec::new();
        // Conversions.
        for x in &self.conversions[i] {
            if let Some(y) = self.conversions[j].iter().find(|y| y.key == x.key) {
                out.push(Particular {
                    kind: ParticularKind::Conversion,
                    what: format!("same conversion: {}", x.text),
                    a: Passage::at(comparison, ids[i], x.paragraph, x.start, x.end),
                    b: Passage::at(comparison, ids[j], y.paragraph, y.start, y.end),
                    also_in: others(&|k| self.conversions[k].iter().any(|z| z.key == x.key)),
                });
            }
        }
        // Lists.
        for x in &self.lists[i] {
            for y in &self.lists[j] {
                let matched = matched_in_order(x, y);
                if matched.len() < 3 {
                    continue;
                }
                let (first, last) = (matched[0], matched[matched.len() - 1]);
                // A list the two share word for word is counted by its verbatim runs already.
                let (from, to) = (x.items[first.0].start, x.items[last.0].end);
                let words: Vec<usize> = (0..texts[i].len())
                    .filter(|&k| {
                        let w = &texts[i].words[k];
                        w.paragraph == x.paragraph && w.start >= from && w.end <= to
                    })
                    .collect();
                let verbatim = words.iter().filter(|&&k| in_run[k]).count();
                if !words.is_empty() && verbatim * 2 >= words.len() {
                    continue;
                }
                let a = Passage::at(
                    comparison,
                    ids[i],
                    x.paragraph,
                    x.items[first.0].start,
                    x.items[last.0].end,
                );
                let b = Passage::at(
                    comparison,
                    ids[j],
                    y.paragraph,
                    y.items[first.1].start,
                    y.items[last.1].end,
                );
                let selection = matched.len() < x.items.len().max(y.items.len())
                    || self.lists.iter().enumerate().any(|(k, lists)| {
                        k != i
                            && k != j
                            && lists
                                .iter()
                                .any(|z| matched_in_order(x, z).len() > matched.len())
                    });
                out.push(Particular {
                    kind: ParticularKind::ListOrder,
                    what: format!(
                        "same {} list items in the same order{}",
                        matched.len(),
                        if selection { " (a selection)" } else { "" }
                    ),
                    a,
                    b,
                    also_in: others(&|k| {
                        self.lists[k]
                            .iter()
                            .any(|z| matched_in_order(x, z).len() >= matched.len())
                    }),
                });
            }
        }
        if texts.len() >= 3 && texts.len() <= 64 {
            self.rare_phrases(comparison, texts, i, j, in_run, &mut out);
            let mask = (1u64 << i) | (1u64 << j);
            for (word, other) in self.spellings.get(&mask).into_iter().flatten() {
                let (Some(x), Some(y)) = (
                    texts[i].words.iter().find(|w| &w.text == word),
                    texts[j].words.iter().find(|w| &w.text == word),
                ) else {
                    continue;
                };
                out.push(Particular {
                    kind: ParticularKind::Spelling,
                    what: format!(
                        "both spell {:?} where another outlet writes {:?}",
                        word, other
                    ),
                    a: Passage::at(comparison, ids[i], x.paragraph, x.start, x.end),
                    b: Passage::at(comparison, ids[j], y.paragraph, y.start, y.end),
                    also_in: Vec::new(),
                });
            }
        }
        out
    }

    /// Phrases of [`RARE_PHRASE_WORDS`] to seven words that only outlets `i` and `j` use, outside
    /// their verbatim runs and quotes, each with a content word only they use.
    fn rare_phrases(
        &self,
        comparison: &Comparison,
        texts: &[OutletWords],
        i: usize,
        j: usize,
        in_run: &[bool],
        out: &mut Vec<Particular>,
    ) {
        let mask = (1u64 << i) | (1u64 << j);
        let x = &texts[i];
        let y = &texts[j];
        let shared_only = |k: usize| {
            trigram(&x.words, k).is_some_and(|h| self.trigram_outlets.get(&h) == Some(&mask))
        };
        let mut k = 0;
        while k < x.len() {
            if !shared_only(k) {
                k += 1;
                continue;
            }
            let start = k;
            while k + 1 < x.len() && shared_only(k + 1) {
                k += 1;
            }
            // Trigrams start..=k cover the words start..k+3.
            let end = k + 3;
            k += 1;
            let words = &x.words[start..end];
            if words.len() >= super::MIN_RUN || in_run[start..end].iter().any(|&r| r) {
                continue; // a verbatim run, listed as such
            }
            let content: Vec<&Word> = words.iter().filter(|w| w.content).collect();
            let own_word = content
                .iter()
                .any(|w| self.word_outlets.get(&w.key) == Some(&mask));
            if words.len() < RARE_PHRASE_WORDS
                || content.len() < 3
                || !own_word
                || words.iter().any(|w| w.quoted)
            {
                continue;
            }
            let Some(hash) = trigram(&x.words, start) else {
                continue;
            };
            let Some(&at_y) = self.trigram_at[j].get(&hash) else {
                continue;
            };
            let len = end - start;
            let wy = &y.words[at_y..(at_y + len).min(y.len())];
            let same_paragraph = |w: &[Word]| w.iter().all(|v| v.paragraph == w[0].paragraph);
            if wy.len() < len
                || !wy.iter().zip(words).all(|(a, b)| a.key == b.key)
                || !same_paragraph(words)
                || !same_paragraph(wy)
            {
                continue;
            }
            let phrase: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
            let ids = (&comparison.outlets[i].id, &comparison.outlets[j].id);
            out.push(Particular {
                kind: ParticularKind::RarePhrase,
                what: format!("a phrase no other outlet uses: \"{}\"", phrase.join(" ")),
                a: Passage::at(
                    comparison,
                    ids.0,
                    words[0].paragraph,
                    words[0].start,
                    words[len - 1].end,
                ),
                b: Passage::at(
                    comparison,
                    ids.1,
                    wy[0].paragraph,
                    wy[0].start,
                    wy[len - 1].end,
                ),
                also_in: Vec::new(),
            });
        }
    }
}

/// The hash of the three words from `i`, when they stand in one paragraph.
fn trigram(words: &[Word], i: usize) -> Option<u64> {
    let w = words.get(i..i + 3)?;
    if w[0].paragraph != w[2].paragraph {
        return None;
    }
    Some(
        w[0].key.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17)
            ^ w[1].key.wrapping_mul(0xC2B2_AE3D_27D4_EB4F).rotate_left(31)
            ^ w[2].key,
    )
}

/// The conversions of one sentence (at `offset` in paragraph `p`).
fn conversions_in(sentence: &str, p: usize, offset: usize, out: &mut Vec<Conversion>) {
    let facts = extract_facts(sentence);
    for pair in facts.quantities.windows(2) {
        let (from, to) = (&pair[0], &pair[1]);
        if !to.conversion {
            continue;
        }
        let Some(at) = sentence.find(&from.text) else {
            continue;
        };
        let Some(to_at) = sentence[at..].find(&to.text).map(|k| k + at) else {
            continue;
        };
        let mut end = to_at + to.text.len();
        if sentence[end..].starts_with(')') {
            end += 1;
        }
        out.push(Conversion {
            key: format!(
                "{}-{} {:?} {:?} = {}-{} {:?} {:?}",
                from.low, from.high, from.unit, from.bound, to.low, to.high, to.unit, to.bound
            ),
            text: sentence[at..end].to_string(),
            paragraph: p,
            start: offset + at,
            end: offset + end,
        });
    }
}

/// The list a sentence holds: items separated by `;` (two or more), else by `,` (two or more,
/// the last `and` splitting the last item), after a colon when there is one.
fn list_in(paragraph: &str, sentence: std::ops::Range<usize>, p: usize) -> Option<List> {
    let text = &paragraph[sentence.clone()];
    let body_start = text.find(':').map_or(0, |c| c + 1);
    let body = &text[body_start..];
    let separator = if body.matches(';').count() >= 2 {
        ';'
    } else if body.matches(',').count() >= 2 {
        ','
    } else {
        return None;
    };
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (k, c) in body.char_indices() {
        if c == separator {
            ranges.push((start, k));
            start = k + 1;
        }
    }
    ranges.push((start, body.len()));
    // `B and C` closing a comma list is two items.
    if separator == ','
        && let Some(&(s, e)) = ranges.last()
    {
        let last = &body[s..e];
        let trimmed = last.trim_start();
        if !trimmed.starts_with("and ")
            && let Some(k) = last.rfind(" and ")
        {
            ranges.pop();
            ranges.push((s, s + k));
            ranges.push((s + k + 1, e));
        }
    }
    let base = sentence.start + body_start;
    let mut items = Vec::new();
    for (s, e) in ranges {
        let raw = &body[s..e];
        let lead = raw.len() - raw.trim_start().len();
        let mut item = raw.trim();
        let mut start = s + lead;
        for word in ["and ", "or "] {
            if let Some(rest) = item.strip_prefix(word) {
                start += word.len();
                item = rest;
            }
        }
        let item = item.trim_end_matches(['.', ';', ',']).trim_end();
        let stems: Vec<String> = tokenize(item)
            .into_iter()
            .filter(|t| !t.stop)
            .map(|t| t.stem)
            .collect();
        let words = item.split_whitespace().count();
        let longest = if separator == ';' { 25 } else { 12 };
        if words > longest {
            // A clause, not an item: an appositive (`Li, his wife, Wang, are charged with ...`).
            return None;
        }
        if stems.is_empty() {
            continue;
        }
        items.push(Item {
            stems,
            start: base + start,
            end: base + start + item.len(),
        });
    }
    (items.len() >= 3).then_some(List {
        items,
        paragraph: p,
    })
}

/// The items of `x` matched to items of `y` (by their content stems), kept only if all the
/// matches stand in the same order: `(x item, y item)` pairs, or nothing.
fn matched_in_order(x: &List, y: &List) -> Vec<(usize, usize)> {
    let mut matched = Vec::new();
    let mut used = vec![false; y.items.len()];
    for (a, item) in x.items.iter().enumerate() {
        let best = y
            .items
            .iter()
            .enumerate()
            .filter(|(b, _)| !used[*b])
            .map(|(b, other)| (b, dice(&item.stems, &other.stems)))
            .filter(|&(_, d)| d >= ITEM_MATCH)
            .max_by(|p, q| p.1.total_cmp(&q.1));
        if let Some((b, _)) = best {
            used[b] = true;
            matched.push((a, b));
        }
    }
    let in_order = matched.windows(2).all(|w| w[0].1 < w[1].1);
    if in_order { matched } else { Vec::new() }
}

/// Twice the shared stems over all stems of both.
fn dice(a: &[String], b: &[String]) -> f64 {
    let set: FxHashSet<&String> = a.iter().collect();
    let other: FxHashSet<&String> = b.iter().collect();
    let shared = set.intersection(&other).count();
    (2 * shared) as f64 / (set.len() + other.len()).max(1) as f64
}

/// Names (capitalised words of five letters or more) that exactly two outlets use, where
/// another outlet writes a name one letter away that neither of the two uses in any form,
/// keyed by the two outlets' mask (`Pompio` in two articles, `Pompeo` in a third).
fn shared_spellings(
    name_outlets: &FxHashMap<String, u64>,
    word_outlets: &FxHashMap<u64, u64>,
) -> FxHashMap<u64, Vec<(String, String)>> {
    let mut by_initial: FxHashMap<char, Vec<(&String, u64)>> = FxHashMap::default();
    for (word, key) in name_outlets {
        // Used in any form (capitalised or not) by these outlets.
        let mask = word_outlets.get(key).copied().unwrap_or(0);
        let initial = word.chars().next().unwrap_or(' ');
        by_initial.entry(initial).or_default().push((word, mask));
    }
    let mut out: FxHashMap<u64, Vec<(String, String)>> = FxHashMap::default();
    for words in by_initial.values() {
        for &(word, mask) in words {
            if mask.count_ones() != 2 {
                continue;
            }
            let variant = words.iter().find(|&&(other, other_mask)| {
                other_mask & mask == 0
                    && other.len().abs_diff(word.len()) <= 1
                    && !other.starts_with(word.as_str())
                    && !word.starts_with(other.as_str())
                    && other.chars().next_back() == word.chars().next_back()
                    && strsim::osa_distance(word, other) == 1
            });
            if let Some((other, _)) = variant {
                out.entry(mask)
                    .or_default()
                    .push((word.clone(), (*other).clone()));
            }
        }
    }
    for list in out.values_mut() {
        list.sort();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conversion_is_read_with_its_place() {
        let mut out = Vec::new();
        let sentence = "The report earmarks 1 million yuan (about $153,000) for experts.";
        conversions_in(sentence, 2, 10, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].text, "1 million yuan (about $153,000)");
        assert_eq!(&sentence[out[0].start - 10..out[0].end - 10], out[0].text);
    }

    #[test]
    fn list_items_are_split_by_semicolons_or_commas_and_matched_in_order() {
        let a = "Its targets: open channels with 50 international organizations; stage four activities; keep 50 projects running; and bring in 60 experts.";
        let b = "Among its targets, it lists working with 50 international organizations, keeping 50 projects running and recruiting 60 experts.";
        let la = list_in(a, 0..a.len(), 0).unwrap();
        let lb = list_in(b, 0..b.len(), 0).unwrap();
        assert_eq!(la.items.len(), 4);
        assert_eq!(
            &a[la.items[3].start..la.items[3].end],
            "bring in 60 experts"
        );
        assert_eq!(lb.items.len(), 4);
        assert_eq!(matched_in_order(&la, &lb), [(0, 1), (2, 2), (3, 3)]);
        let c = "Among its targets, the report lists recruiting 60 experts, keeping 50 projects running and working with 50 organizations.";
        let lc = list_in(c, 0..c.len(), 0).unwrap();
        assert!(matched_in_order(&la, &lc).is_empty(), "another order");
    }
}
