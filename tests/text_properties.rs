//! Properties of sentence splitting and tokenising over arbitrary text: nothing is lost, nothing
//! overlaps, every offset maps back to the text it came from, and nothing panics.

use parallax::text::{facts, sentences, tokens};
use proptest::prelude::*;

/// Text made of news-like pieces: words, abbreviations, stops, quotes, CJK, odd Unicode.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("said".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("$1.53".to_string()),
        Just("J.".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just(".\"".to_string()),
        Just("?”".to_string()),
        Just(";".to_string()),
        Just("。」".to_string()),
        Just("北京大学".to_string()),
        Just("at least 50".to_string()),
        Just("Nov. 17, 2020".to_string()),
        Just("“We will win,”".to_string()),
        Just("Li Ming said".to_string()),
        Just("allegedly".to_string()),
        Just("did not".to_string()),
        Just("$1.53 million (about".to_string()),
        Just("60-80".to_string()),
        Just("1 in 5".to_string()),
        Just("\n".to_string()),
        Just("e\u{301}".to_string()),
        "[a-zA-Z0-9.,!?;:'\" ]{1,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.join(" "))
}

fn assert_partition(text: &str, ranges: &[std::ops::Range<usize>]) {
    let mut last = 0;
    for range in ranges {
        assert!(
            range.start >= last,
            "ranges overlap or go backwards: {ranges:?}"
        );
        assert!(range.start < range.end, "empty range {range:?}");
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        let slice = &text[range.clone()];
        assert_eq!(slice, slice.trim(), "range not trimmed: {slice:?}");
        assert!(
            text[last..range.start].trim().is_empty(),
            "text lost between ranges: {:?}",
            &text[last..range.start]
        );
        last = range.end;
    }
    assert!(text[last..].trim().is_empty(), "text lost at the end");
}

proptest! {
    #[test]
    fn sentences_cover_the_text_in_order_without_overlap(text in prose()) {
        assert_partition(&text, &sentences::split_sentences(&text));
    }

    #[test]
    fn claims_cover_the_text_in_order_without_overlap(text in prose()) {
        assert_partition(&text, &sentences::split_claims(&text));
    }

    #[test]
    fn token_offsets_map_back_to_their_words(text in prose()) {
        let tokens = tokens::tokenize(&text);
        for token in &tokens {
            prop_assert!(token.start < token.end && token.end <= text.len());
            let original = &text[token.start..token.end];
            prop_assert!(!original.trim().is_empty());
            prop_assert!(!token.text.is_empty() && !token.stem.is_empty());
        }
        prop_assert!(tokens.windows(2).all(|w| w[0].start <= w[1].start));
    }

    #[test]
    fn a_claim_compared_with_itself_has_no_change(text in prose()) {
        let claim = facts::extract_facts(&text);
        prop_assert!(facts::compare_facts(&claim, &claim).is_empty(), "{:?}", facts::compare_facts(&claim, &claim));
        let overlap = facts::fact_overlap(&claim, &claim);
        prop_assert!(overlap == 1.0 || overlap == facts::NEUTRAL_OVERLAP);
    }

    #[test]
    fn fact_comparison_never_panics_and_overlap_stays_in_range(a in prose(), b in prose()) {
        let (x, y) = (facts::extract_facts(&a), facts::extract_facts(&b));
        let _ = facts::compare_facts(&x, &y);
        let overlap = facts::fact_overlap(&x, &y);
        prop_assert!((0.0..=1.0).contains(&overlap));
    }
}
