//! Sentence splitting of news prose.

use std::ops::Range;

/// Splits a paragraph into sentences, as byte ranges of `paragraph` (trimmed, in order, never
/// empty). A sentence ends at `.`, `!`, `?` (or `。！？`) followed by whitespace.
pub fn split_sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let ends = matches!(c, '。' | '！' | '？')
            || (matches!(c, '.' | '!' | '?')
                && chars.peek().is_some_and(|&(_, next)| next.is_whitespace()));
        if ends {
            push_trimmed(paragraph, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(paragraph, start..paragraph.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}
