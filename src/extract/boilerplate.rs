//! Lines inside an article's markup that are not the article: the headline or byline repeated,
//! share/follow/subscribe prompts, "read more" and "related" teasers, picture credits and the
//! outlet's description of itself. Judged on the text of short paragraphs only, so a real
//! paragraph that happens to mention a newsletter is kept.

/// What the page says about itself, to recognise repeats.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageContext<'a> {
    /// The headline.
    pub title: &'a str,
    /// The author line.
    pub byline: Option<&'a str>,
    /// The outlet's name, from `og:site_name`.
    pub site_name: Option<&'a str>,
}

/// Paragraphs with more words than this are never boilerplate.
const SHORT_WORDS: usize = 30;

/// Openings of prompts and teasers (lowercase).
const PROMPT_STARTS: &[&str] = &[
    "follow us",
    "follow @",
    "subscribe",
    "sign up",
    "click here",
    "read more",
    "read also",
    "also read",
    "read next",
    "watch:",
    "watch now",
    "video unavailable",
    "related:",
    "related stories",
    "related articles",
    "related coverage",
    "related content",
    "see also",
    "more:",
    "more from",
    "recommended",
    "advertisement",
    "share this",
    "share on",
    "share via",
    "listen to this article",
    "download the app",
    "download our app",
    "get the latest",
    "join our",
    "like us on facebook",
    "skip to",
    "most popular",
    "most read",
    "trending now",
    "you may also like",
    "you might also like",
    "don't miss",
    "copyright",
    "©",
    "(c) ",
    "all rights reserved",
    "loading...",
    "continue reading",
    "post comment",
    "leave a comment",
    "tell us what you think",
    "have a tip?",
    "got a tip?",
];

/// Whole paragraphs that are a widget's label, not text (lowercase, without end punctuation).
const LABELS: &[&str] = &[
    "comments",
    "comment",
    "advert",
    "ad",
    "sponsored",
    "tags",
    "share",
    "print",
    "email",
    "related news",
    "related posts",
];

/// Phrases that mark a short paragraph as a prompt wherever they stand (lowercase).
const PROMPT_PHRASES: &[&str] = &[
    "all rights reserved",
    "©",
    "sign up for our",
    "subscribe to our",
    "follow us on",
    "our newsletter",
    "email list",
    "download our app",
    "about us to find out",
    "requires javascript",
    "enable javascript",
    "share it with a friend",
];

/// Openings of picture captions and credits (lowercase).
const CREDIT_STARTS: &[&str] = &[
    "photo:",
    "photo by",
    "photos:",
    "photograph:",
    "image:",
    "image by",
    "images:",
    "picture:",
    "pictured:",
    "credit:",
    "credits:",
    "illustration:",
    "video:",
    "file photo",
];

/// Whether `paragraph` is not article text. `trailing` says it stands among the last
/// paragraphs, where outlets put their self-description.
pub fn is_boilerplate(paragraph: &str, context: &PageContext<'_>, trailing: bool) -> bool {
    let words = paragraph.split_whitespace().count();
    let key = comparable(paragraph);
    if key.is_empty() {
        return true;
    }
    if !context.title.is_empty() && key == comparable(context.title) {
        return true;
    }
    if let Some(byline) = context.byline
        && is_repeated_byline(paragraph, &key, byline, words)
    {
        return true;
    }
    let lower = paragraph.to_lowercase();
    if trailing
        && words <= 2 * SHORT_WORDS
        && let Some(site) = context.site_name.map(str::to_lowercase)
        && !site.is_empty()
        && (lower.starts_with(&format!("{site} is ")) || lower == site)
    {
        return true;
    }
    // Near the end, where outlets sign off, a prompt may sit inside a longer paragraph.
    if trailing && words <= 2 * SHORT_WORDS && PROMPT_PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if words > SHORT_WORDS {
        return false;
    }
    if PROMPT_STARTS.iter().any(|p| lower.starts_with(p))
        || PROMPT_PHRASES.iter().any(|p| lower.contains(p))
    {
        return true;
    }
    if ends_with_credit(&lower) {
        return true;
    }
    let unbracketed = lower.trim_start_matches(['(', '[']);
    if words <= 15 && CREDIT_STARTS.iter().any(|p| unbracketed.starts_with(p)) {
        return true;
    }
    if words <= 3 && LABELS.contains(&lower.trim_end_matches([':', '.', '!']).trim()) {
        return true;
    }
    if words <= 6 && is_gallery_counter(&lower) {
        return true;
    }
    if super::dates::is_dateline(paragraph) {
        return true;
    }
    if words <= 8 && is_credit_line(&lower) {
        return true;
    }
    false
}

/// Whether a paragraph restates the author line ("By Jane Doe", "Jane Doe | Reporter").
fn is_repeated_byline(paragraph: &str, key: &str, byline: &str, words: usize) -> bool {
    let byline_key = comparable(byline);
    if byline_key.is_empty() {
        return false;
    }
    if key == byline_key || key == format!("by{byline_key}") {
        return true;
    }
    let lower = paragraph.to_lowercase();
    words <= 12 && lower.starts_with("by ") && key.contains(&byline_key)
}

/// A caption signed with its picture credit in brackets: "Protesters on Monday. (Photo: AP)".
fn ends_with_credit(lower: &str) -> bool {
    lower.ends_with(')')
        && lower.rfind('(').is_some_and(|open| {
            let credit = &lower[open + 1..];
            CREDIT_STARTS.iter().any(|p| credit.starts_with(p))
        })
}

/// A gallery's position line: "Image 1 of 23", "Photo 3 / 12", "Slide 2 of / 9".
fn is_gallery_counter(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let noun = words.next().unwrap_or_default();
    let number = words.next().unwrap_or_default();
    let rest: Vec<&str> = words.collect();
    ["image", "photo", "picture", "slide"].contains(&noun)
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && rest.first().is_some_and(|w| *w == "of" || *w == "/")
        && rest
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// A short line naming a picture agency ("Getty Images", "Reuters/John Doe").
fn is_credit_line(lower: &str) -> bool {
    [
        "getty images",
        "shutterstock",
        "/ reuters",
        "/reuters",
        "/ afp",
        "/afp",
        "/ ap",
        "/ap photo",
        "istock",
    ]
    .iter()
    .any(|agency| lower.contains(agency))
}

/// Lowercase letters and digits only.
fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_credits_and_repeats_are_boilerplate_real_text_is_not() {
        let context = PageContext {
            title: "Hebei opens a market",
            byline: Some("Jane Doe"),
            site_name: Some("Vision Times"),
        };
        for line in [
            "Follow us on Twitter or subscribe to our email list",
            "Photo: Jane Doe/Reuters",
            "BY JANE DOE",
            "By Jane Doe, Staff Writer",
            "Hebei Opens a Market",
            "Getty Images",
            "Comments",
            "Image 1 of / 23",
            "Photo 3 of 12",
            "(Image: pixabay / CC0 1.0)",
            "Spies pose as researchers. (Image: pixabay / CC0 1.0)",
            "This slideshow requires JavaScript.",
            "Continue Reading Below",
        ] {
            assert!(is_boilerplate(line, &context, false), "{line}");
        }
        assert!(is_boilerplate(
            "Vision Times is a kaleidoscopic view into the most interesting stories on the web.",
            &context,
            true
        ));
        let sign_off = "• The Daily Example is a view into the most interesting stories on the \
                        web. We also have a special talent for local stories, and a newsroom of \
                        forty — read About Us to find out why. The Daily Example. Good stuff.";
        assert!(is_boilerplate(sign_off, &context, true));
        assert!(!is_boilerplate(sign_off, &context, false));
        for line in [
            "The province said it would subscribe 1 million yuan to the fund, officials said on Tuesday.",
            "Jane Doe contributed reporting from Shijiazhuang, the capital of Hebei province.",
            "Share prices fell.",
            "Photo 3 of the suspect was released on Monday, police said.",
        ] {
            assert!(!is_boilerplate(line, &context, true), "{line}");
        }
    }
}
