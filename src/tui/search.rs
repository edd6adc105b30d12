//! Finding a search query in article text, case-insensitively, as byte ranges of the original
//! text (so that matches can be highlighted where they stand).

use std::ops::Range;

/// Every non-overlapping occurrence of `query` in `text`, ignoring case; empty for an empty
/// query.
pub fn find_matches(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    // Lower-case each character of the text and remember where it came from, so that a match
    // found in the folded text maps back to byte offsets of the original.
    let mut folded: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        for lower in c.to_lowercase() {
            folded.push((lower, at, end));
        }
    }
    let mut matches = Vec::new();
    let mut i = 0;
    while i + needle.len() <= folded.len() {
        if folded[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((c, _, _), n)| c == n)
        {
            let start = folded[i].1;
            let end = folded[i + needle.len() - 1].2;
            if matches.last().is_none_or(|m: &Range<usize>| m.end <= start) {
                matches.push(start..end);
            }
            i += needle.len();
        } else {
            i += 1;
        }
    }
    matches
}

/// Whether `text` contains `query`, ignoring case.
pub fn contains(text: &str, query: &str) -> bool {
    !find_matches(text, query).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_match_ignoring_case() {
        let text = "Hebei said; HEBEI denied. hebei";
        let found: Vec<&str> = find_matches(text, "hebei")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, vec!["Hebei", "HEBEI", "hebei"]);
        assert!(find_matches(text, "").is_empty());
    }

    #[test]
    fn ranges_stay_on_character_boundaries_with_non_ascii_text() {
        let text = "İstanbul und STRASSE 河北 河北";
        for r in find_matches(text, "河北") {
            assert_eq!(&text[r], "河北");
        }
        assert_eq!(find_matches(text, "i̇stan").len(), 1);
        assert!(contains(text, "strasse"));
    }
}
