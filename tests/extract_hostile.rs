//! Pages built to hurt: huge, deeply nested, carrying terminal escape sequences, bidi overrides
//! and invisible characters. Extraction must return, bounded, with nothing harmful left.

use parallax::extract::limits::MAX_HTML_BYTES;
use parallax::extract::{ExtractHints, extract_article};
use parallax::model::Article;

/// Runs extraction on a thread with a small stack: a recursion the page could drive would
/// overflow it and fail the test.
fn extract_on_small_stack(html: String) -> Article {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || extract_article(&html, &ExtractHints::default()))
        .expect("thread starts")
        .join()
        .expect("extraction did not overflow the stack or panic")
}

#[test]
fn sixteen_thousand_levels_of_nesting_return_with_the_text() {
    let depth = 16_000;
    let html = format!(
        "<html><body>{}<p>Deep text that survives the flattening of the page.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let article = extract_on_small_stack(html);
    assert_eq!(
        article.paragraphs,
        ["Deep text that survives the flattening of the page."]
    );
}

#[test]
fn deep_nesting_of_mixed_unclosed_tags_returns() {
    let html = "<body>".to_string() + &"<span><b><table><tr><td><ul><li>x".repeat(4000);
    let article = extract_on_small_stack(html);
    assert!(
        article
            .paragraphs
            .iter()
            .all(|p| p.chars().all(|c| c == 'x' || c == ' '))
    );
}

#[test]
fn a_page_over_ten_mebibytes_is_cut_and_still_extracted() {
    let paragraph =
        "<p>Officials said the market, which opened on Tuesday, would run all year long.</p>\n";
    let html = format!(
        "<html><head><title>Big</title></head><body><article>{}</article></body></html>",
        paragraph.repeat(MAX_HTML_BYTES / paragraph.len() + 1000)
    );
    assert!(html.len() > MAX_HTML_BYTES);
    let article = extract_on_small_stack(html);
    let kept = article.paragraphs.len();
    assert!(kept > 10_000, "{kept} paragraphs");
    assert!(
        kept <= MAX_HTML_BYTES / paragraph.len() + 1,
        "bounded by the cap: {kept}"
    );
}

#[test]
fn ten_mebibytes_of_unclosed_paragraphs_return() {
    let html = "<p>a b c, d e f.".repeat(MAX_HTML_BYTES / 16);
    let article = extract_on_small_stack(html);
    assert!(!article.paragraphs.is_empty());
}

#[test]
fn raw_and_entity_encoded_escape_sequences_are_stripped() {
    let html = "<html><head><title>Ti\u{1b}[2Jtle&#x1b;]0;owned&#x07;</title></head><body><article>\
        <p>Clipboard &#x1b;]52;c;ZXZpbA==&#x07;stolen? No. The council met on Monday, officials said.</p>\
        <p>Link &#x1b;]8;;https://evil.example&#x1b;\\here&#x1b;]8;;&#x1b;\\ and CSI \u{9b}31mred\u{9b}0m text \u{1b}[1mbold\u{1b}[0m.</p>\
        <p>Bell&#7; backspace&#8; null&#0; delete&#127; and tab&#9;end, with a C1 &#x85; next line.</p>\
        </article></body></html>";
    let article = extract_article(html, &ExtractHints::default());
    let all: Vec<&str> = std::iter::once(article.title.as_str())
        .chain(article.paragraphs.iter().map(String::as_str))
        .collect();
    for text in &all {
        assert!(
            !text.chars().any(char::is_control),
            "control character in {text:?}"
        );
        for leftover in ["52;", "]8;", "evil.example", "31m", "[1m", "owned"] {
            assert!(
                !text.contains(leftover),
                "{leftover:?} survived in {text:?}"
            );
        }
    }
    assert_eq!(article.title, "Title");
    assert_eq!(
        article.paragraphs[0],
        "Clipboard stolen? No. The council met on Monday, officials said."
    );
    assert_eq!(article.paragraphs[1], "Link here and CSI red text bold.");
}

#[test]
fn bidi_overrides_zero_width_and_soft_hyphens_are_removed_emoji_joiners_kept() {
    let html = "<html><body><article><p>The ad\u{202E}nim\u{202C} account was \
        in\u{200B}vis\u{2066}ible, co&shy;operative &#x200f;and &#8203;odd. 👩&zwj;💻 works here, \
        and e\u{301}te is NFC.</p></article></body></html>";
    let article = extract_article(html, &ExtractHints::default());
    assert_eq!(
        article.paragraphs,
        [
            "The adnim account was invisible, cooperative and odd. 👩\u{200D}💻 works here, and éte is NFC."
        ]
    );
}

#[test]
fn empty_and_garbage_input_give_an_empty_article() {
    for html in [
        "",
        "<",
        "<<<>>>",
        "\u{0}\u{0}",
        "<html><body></body></html>",
        "<!--",
    ] {
        let article = extract_article(html, &ExtractHints::default());
        assert!(article.paragraphs.is_empty(), "{html:?}: {article:?}");
    }
}
