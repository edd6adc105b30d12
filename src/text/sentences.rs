//! Sentence splitting of news prose, and the claims of a paragraph.
//!
//! A hand-written scanner (no regex, one pass) that knows where news text puts full stops that do
//! not end a sentence: abbreviations (`Mr.`, `Nov.`, `U.S.`, `No. 5`, `a.m.`), initials
//! (`J. R. R. Tolkien`), decimals and amounts (`$1.53 million`), ellipses mid-sentence, and
//! `?`/`!` inside a quote followed by a lowercase attribution (`"Why?" she asked.`). Closing
//! quotes and brackets after the stop stay with their sentence (`."`, `?」`). CJK full stops
//! `。！？` end a sentence without a following space (but not before the quotative `と` after a
//! closing quote). A line break inside a paragraph (a caption or
//! heading without final punctuation above its text) always ends a sentence.

use std::ops::Range;

use super::stopwords::is_stopword;

/// Abbreviations that never end a sentence: titles, months, and other words almost always
/// followed by what they abbreviate (lowercase, without the final period).
const NEVER_FINAL: &[&str] = &[
    "adm", "apr", "approx", "ave", "blvd", "brig", "capt", "cf", "cmdr", "col", "cpl", "dec",
    "dept", "dr", "e.g", "feb", "fig", "ft", "gen", "gov", "hon", "i.e", "jan", "jul", "jun", "lt",
    "maj", "messrs", "mr", "mrs", "ms", "mt", "nov", "oct", "pres", "prof", "rep", "rev", "sen",
    "sep", "sept", "sgt", "st", "supt", "vol", "vs",
];

/// Abbreviations that may end a sentence (`... in the U.S. The ...`): they end one only when the
/// next word is a function word that commonly starts a sentence.
const MAYBE_FINAL: &[&str] = &[
    "a.m", "bros", "co", "corp", "etc", "inc", "jr", "ltd", "p.m", "plc", "sr",
];

/// US state abbreviations in AP style (`Hayward, Calif.`), capitalised and after a comma in
/// datelines and place names (lowercase, without the final period).
const STATES: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "vt", "va", "wash", "wis", "wyo",
];

/// Closing punctuation that stays with the sentence it follows.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '」' | '』' | '）' | '】' | '》' | '〉'
    )
}

/// Opening punctuation that may precede the first word of the next sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '「'
            | '『'
            | '（'
            | '【'
            | '《'
            | '〈'
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '-'
    )
}

/// Splits a paragraph into sentences, as byte ranges of `paragraph` (trimmed, in order, never
/// empty, never overlapping).
///
/// ```
/// use parallax::text::sentences::split_sentences;
/// let text = "Mr. Li paid $1.53 million. \"Why?\" she asked. He left.";
/// let sentences: Vec<&str> = split_sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(sentences, ["Mr. Li paid $1.53 million.", "\"Why?\" she asked.", "He left."]);
/// ```
pub fn split_sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < paragraph.len() {
        let Some(c) = paragraph[i..].chars().next() else {
            break;
        };
        let next = i + c.len_utf8();
        if c == '\n' {
            push_trimmed(paragraph, start..i, &mut out);
            start = next;
            i = next;
            continue;
        }
        let cjk_stop = matches!(c, '。' | '！' | '？' | '．');
        if !(cjk_stop || matches!(c, '.' | '!' | '?' | '…')) {
            i = next;
            continue;
        }
        // Take the whole run of stops and closers: `?!`, `...`, `."`, `。」`.
        let mut end = next;
        let mut quoted = false;
        while let Some(d) = paragraph[end..].chars().next() {
            if matches!(d, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
                end += d.len_utf8();
            } else if is_closer(d) {
                quoted = true;
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let run = &paragraph[i..end];
        let after = &paragraph[end..];
        let at_end = after.trim().is_empty();
        let spaced = after.starts_with(char::is_whitespace);
        // A CJK stop ends a sentence without a space; `$1.53`, `U.S.-China` and `google.com`
        // (no space after the stop) never end one.
        // A Japanese quote closed and followed by its quotative particle (`」と言った`)
        // goes on, like `"Why?" she asked`.
        let quotative = quoted && (after.starts_with('と') || after.starts_with('っ'));
        let breaks = at_end
            || ((cjk_stop || run.contains(['。', '！', '？'])) && !quotative)
            || (spaced && ends_sentence(paragraph, i, run, quoted, after));
        if breaks {
            push_trimmed(paragraph, start..end, &mut out);
            start = end;
        }
        i = end;
    }
    push_trimmed(paragraph, start..paragraph.len(), &mut out);
    out
}

/// Whether the stop run `run` (at byte `at`, followed by whitespace and `after`) ends a sentence.
fn ends_sentence(paragraph: &str, at: usize, run: &str, quoted: bool, after: &str) -> bool {
    let next_word = first_word(after);
    let Some(first) = next_word.chars().next() else {
        // Only punctuation follows (a dash, a stray quote): keep going.
        return false;
    };
    // A lowercase word after the stop continues the sentence: `"Why?" she asked`,
    // `etc. and`, `3 p.m. on Monday`, `the sound… and then`.
    if first.is_lowercase() {
        return false;
    }
    let single_period = run.trim_end_matches(is_closer) == ".";
    if !single_period || quoted {
        return true;
    }
    // A dash after the stop carries on (`DEKALB, Ill. — The ...` is one dateline sentence).
    if after.trim_start().starts_with(['—', '–']) {
        return false;
    }
    let word = word_before(paragraph, at);
    let lower = word.to_lowercase();
    if NEVER_FINAL.contains(&lower.as_str()) {
        return false;
    }
    // The number of a list item: `2. Never urged Ukraine ...`.
    let before = paragraph[..at].trim_start();
    if !before.is_empty() && before.len() <= 3 && before.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    // A state after its city: `HAYWARD, Calif. (AP)`; it ends a sentence only before a word
    // that commonly starts one, like any other abbreviation that may end one.
    let after_comma = paragraph[..at - word.len()].trim_end().ends_with(',');
    if after_comma && word.starts_with(char::is_uppercase) && STATES.contains(&lower.as_str()) {
        return is_stopword(&next_word.to_lowercase());
    }
    // `No. 5`, `Nos. 3 and 4`.
    if matches!(lower.as_str(), "no" | "nos") && first.is_ascii_digit() {
        return false;
    }
    // An initial: `J. R. R. Tolkien`, `George W. Bush`.
    let mut letters = word.chars();
    if let (Some(letter), None) = (letters.next(), letters.next())
        && letter.is_uppercase()
    {
        return false;
    }
    // Dotted acronyms (`U.S.`, `U.N.`) and abbreviations that may end a sentence end one only
    // before a word that commonly starts a sentence (`The`, `He`, `But`).
    let dotted = word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4;
    if dotted || MAYBE_FINAL.contains(&lower.as_str()) {
        return is_stopword(&next_word.to_lowercase());
    }
    true
}

/// The word just before byte `at` (the stop), without opening punctuation.
fn word_before(paragraph: &str, at: usize) -> &str {
    let head = &paragraph[..at];
    let start = head
        .rfind(|c: char| c.is_whitespace() || is_opener(c))
        .map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
    &head[start..]
}

/// The first word of `text`, after spaces and opening punctuation.
fn first_word(text: &str) -> &str {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || is_opener(c));
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(text.len());
    &text[..end]
}

/// Pushes `range` trimmed of whitespace, unless nothing is left.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Splits a paragraph into claims: its sentences, with a sentence that holds a `;` list of
/// several checkable claims split into one range per item.
///
/// An item keeps its `;`; the lead-in (`The report found that 40% ...`) stays with the first
/// item. A sentence is split only when every item carries its own checkable fact (a number or a
/// date), so a `;` joining two halves of one thought stays one claim. A `;` inside a quote
/// splits only a quoted list of at least three such items, with no `;` outside
/// the quote: a document's list of targets quoted whole is still several claims.
pub fn split_claims(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for sentence in split_sentences(paragraph) {
        let items = list_items(paragraph, sentence.clone());
        if items.len() >= 2
            && items
                .iter()
                .all(|item| super::facts::has_checkable_fact(&paragraph[item.clone()]))
        {
            out.extend(items);
        } else {
            out.push(sentence);
        }
    }
    out
}

/// How many items a quoted `;` list needs before it is split into claims.
const QUOTED_LIST_ITEMS: usize = 3;

/// The `;`-separated items of one sentence, each keeping its `;`: split at the `;` outside
/// quotes and brackets, or, when there are none, at those inside a single quoted list.
fn list_items(paragraph: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let text = &paragraph[sentence.clone()];
    let mut outside = Vec::new();
    // The `;` inside quotes, with the number of the quote they stand in.
    let mut quoted: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0i32;
    let mut in_quote = false;
    let mut quotes_opened = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '（' => depth += 1,
            ')' | ']' | '）' => depth -= 1,
            '"' => {
                in_quote = !in_quote;
                quotes_opened += usize::from(in_quote);
            }
            '“' | '«' | '「' => {
                quotes_opened += usize::from(!in_quote);
                in_quote = true;
            }
            '”' | '»' | '」' => in_quote = false,
            ';' | '；' if depth <= 0 => {
                let end = i + c.len_utf8();
                if in_quote {
                    quoted.push((end, quotes_opened));
                } else {
                    outside.push(end);
                }
            }
            _ => {}
        }
    }
    let one_quote = quoted.windows(2).all(|w| w[0].1 == w[1].1);
    let cuts: Vec<usize> = if !outside.is_empty() {
        outside
    } else if one_quote && quoted.len() + 1 >= QUOTED_LIST_ITEMS {
        quoted.into_iter().map(|(end, _)| end).collect()
    } else {
        Vec::new()
    };
    let mut items = Vec::new();
    let mut start = 0;
    for end in cuts {
        push_trimmed(
            paragraph,
            sentence.start + start..sentence.start + end,
            &mut items,
        );
        start = end;
    }
    push_trimmed(paragraph, sentence.start + start..sentence.end, &mut items);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn tricky_news_prose() {
        let cases: &[(&str, &[&str])] = &[
            ("He left. She stayed.", &["He left.", "She stayed."]),
            (
                "HAYWARD, Calif. (AP) — A man was hurt. He lives in Reno, Nev. The police came.",
                &[
                    "HAYWARD, Calif. (AP) — A man was hurt.",
                    "He lives in Reno, Nev.",
                    "The police came.",
                ],
            ),
            (
                "DEKALB, Ill. — Mike Glass threw for three touchdowns. Ill. Jones did not play.",
                &[
                    "DEKALB, Ill. — Mike Glass threw for three touchdowns.",
                    "Ill.",
                    "Jones did not play.",
                ],
            ),
            (
                "2. Never urged Ukraine to act. It was fine.",
                &["2. Never urged Ukraine to act.", "It was fine."],
            ),
            (
                "The U.S. Senate voted on Nov. 17, 2020. Mr. Smith and Dr. Jones objected.",
                &[
                    "The U.S. Senate voted on Nov. 17, 2020.",
                    "Mr. Smith and Dr. Jones objected.",
                ],
            ),
            (
                "Troops left the U.S. The war was over.",
                &["Troops left the U.S.", "The war was over."],
            ),
            (
                "The fine was $1.53 million. It was paid.",
                &["The fine was $1.53 million.", "It was paid."],
            ),
            (
                "J. R. R. Tolkien wrote it. Fans agree.",
                &["J. R. R. Tolkien wrote it.", "Fans agree."],
            ),
            ("George W. Bush spoke.", &["George W. Bush spoke."]),
            (
                "\"We will win,\" he said. \"We must.\" Then he left.",
                &["\"We will win,\" he said.", "\"We must.\"", "Then he left."],
            ),
            (
                "“It is over.” The crowd cheered.",
                &["“It is over.”", "The crowd cheered."],
            ),
            (
                "\"Why?\" she asked. Nobody knew.",
                &["\"Why?\" she asked.", "Nobody knew."],
            ),
            ("\"Stop!\" he shouted.", &["\"Stop!\" he shouted."]),
            (
                "He waited... and waited. Then… nothing.",
                &["He waited... and waited.", "Then… nothing."],
            ),
            (
                "He paused... Then he spoke.",
                &["He paused...", "Then he spoke."],
            ),
            (
                "It opened at 9 a.m. on Monday. Crowds came.",
                &["It opened at 9 a.m. on Monday.", "Crowds came."],
            ),
            (
                "It opened at 9 a.m. The crowds came.",
                &["It opened at 9 a.m.", "The crowds came."],
            ),
            (
                "He lives at No. 5 Main St. in Boston.",
                &["He lives at No. 5 Main St. in Boston."],
            ),
            (
                "Apple Inc. said so. Shares rose.",
                &["Apple Inc. said so.", "Shares rose."],
            ),
            (
                "Apple Inc. The company said so.",
                &["Apple Inc.", "The company said so."],
            ),
            (
                "Gen. Milley and Sen. Warren met.",
                &["Gen. Milley and Sen. Warren met."],
            ),
            (
                "He bought apples, pears, etc. and left.",
                &["He bought apples, pears, etc. and left."],
            ),
            (
                "Breaking News\nThe minister resigned.",
                &["Breaking News", "The minister resigned."],
            ),
            ("Photo: Reuters", &["Photo: Reuters"]),
            (
                "他说：「我们会赢。」然后离开了。",
                &["他说：「我们会赢。」", "然后离开了。"],
            ),
            ("真的吗？是的！", &["真的吗？", "是的！"]),
            (
                "Visit example.com. It works.",
                &["Visit example.com.", "It works."],
            ),
            ("In 2019. 2020 was worse.", &["In 2019.", "2020 was worse."]),
            ("What? Really?! Yes.", &["What?", "Really?!", "Yes."]),
            (
                "(He declined to comment.) Others did.",
                &["(He declined to comment.)", "Others did."],
            ),
            (
                "She has a Ph.D. in physics. She teaches.",
                &["She has a Ph.D. in physics.", "She teaches."],
            ),
            (
                "He moved to St. Louis in 2010.",
                &["He moved to St. Louis in 2010."],
            ),
            (
                "U.S. officials said so. The U.N. agreed.",
                &["U.S. officials said so.", "The U.N. agreed."],
            ),
            (
                "他说：“我们会赢。”然后离开了。",
                &["他说：“我们会赢。”", "然后离开了。"],
            ),
            (
                "『本当？』と聞いた。本当だった。",
                &["『本当？』と聞いた。", "本当だった。"],
            ),
            ("“We’ll see…” he said.", &["“We’ll see…” he said."]),
            (
                "He said \"no.\" But she agreed.",
                &["He said \"no.\"", "But she agreed."],
            ),
            (
                "(AP) — The vote failed. Turnout was 40%.",
                &["(AP) — The vote failed.", "Turnout was 40%."],
            ),
            ("", &[]),
            ("   ", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(split(text), *expected, "splitting {text:?}");
        }
    }

    #[test]
    fn claims_split_a_list_of_checkable_items_only() {
        let text = "The survey found that 40% support the plan; 35% oppose it; and 25% are undecided. \
                    He was tired; he went home.";
        let claims: Vec<&str> = split_claims(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            claims,
            [
                "The survey found that 40% support the plan;",
                "35% oppose it;",
                "and 25% are undecided.",
                "He was tired; he went home."
            ]
        );
    }

    #[test]
    fn a_semicolon_inside_a_quote_does_not_split() {
        let text = "\"We lost 5 games; we won 7,\" he said.";
        assert_eq!(split_claims(text), vec![0..text.len()]);
    }

    #[test]
    fn a_quoted_list_of_several_figures_splits_into_claims() {
        let text = "“The plan is to open 50 offices; hire 200 staff; and sign 5 deals,” the report \
                    said. He added: “We have 3 weeks; they have 2.”";
        let claims: Vec<&str> = split_claims(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            claims,
            [
                "“The plan is to open 50 offices;",
                "hire 200 staff;",
                "and sign 5 deals,” the report said.",
                "He added: “We have 3 weeks; they have 2.”"
            ]
        );
    }
}
