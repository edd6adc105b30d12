//! What an element's `class` and `id` say about it: the vocabulary web pages use for article
//! bodies ("article", "content", "story-body") and for everything around them ("nav", "share",
//! "related", "comment", "promo"). Substring matches, as Readability does: class names are
//! compounds ("c-article-body__text", "sharebar-top").

/// Words marking blocks that are almost never the article (unless also marked as content).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "newsletter",
    "subscribe",
    "promo",
    "cookie",
    "consent",
    "recirc",
    "outbrain",
    "taboola",
    "most-popular",
    "trending",
    "signup",
    "sign-up",
];

/// Words that save an unlikely-looking block: it may hold the article.
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// Words marking the article body.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Words marking what surrounds the article.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "newsletter",
    "subscribe",
    "caption",
    "credit",
    "byline",
    "recommend",
    "taboola",
];

/// Words marking share and follow buttons.
const SHARE: &[&str] = &["share", "sharing", "social", "follow-us", "sharedaddy"];

/// Classes of embedded social media posts (the blockquotes their embed codes publish).
const EMBEDDED_POST: &[&str] = &[
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    "bluesky-embed",
    "mastodon-embed",
    "threads-post",
    "fb-xfbml-parse-ignore",
];

/// Words marking the author line.
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Words marking captions and credits of pictures, and embedded players.
const CAPTION: &[&str] = &[
    "caption",
    "credit",
    "figcaption",
    "photo-info",
    "image-info",
    "img-info",
    "wp-caption-text",
    "video",
    "gallery",
];

/// Words marking a summary printed under the headline (a standfirst), not a subheading.
const STANDFIRST: &[&str] = &[
    "standfirst",
    "dek",
    "deck",
    "summary",
    "strapline",
    "kicker",
    "excerpt",
    "teaser",
    "lede",
    "subtitle",
    "sub-title",
    "description",
];

fn any_in(text: &str, words: &[&str]) -> bool {
    !text.is_empty() && words.iter().any(|w| text.contains(w))
}

/// Whether `class`/`id` text marks a block that is rarely the article.
pub fn is_unlikely(text: &str) -> bool {
    any_in(text, UNLIKELY) && !any_in(text, MAYBE)
}

/// +25 for each of class and id that marks content, −25 for each that marks its surroundings.
pub fn weight(class: &str, id: &str) -> i32 {
    let mut weight = 0;
    for text in [class, id] {
        if any_in(text, NEGATIVE) || is_hid(text) {
            weight -= 25;
        }
        if any_in(text, POSITIVE) {
            weight += 25;
        }
    }
    weight
}

/// `hid` as a whole class word.
fn is_hid(text: &str) -> bool {
    text.split_ascii_whitespace().any(|w| w == "hid")
}

/// Whether `class`/`id` text marks share or follow buttons.
pub fn is_share(text: &str) -> bool {
    any_in(text, SHARE)
}

/// Whether a blockquote's class marks an embedded social media post.
pub fn is_embedded_post(class: &str) -> bool {
    any_in(class, EMBEDDED_POST)
}

/// Whether `class`/`id` text marks an author line.
pub fn is_byline(text: &str) -> bool {
    any_in(text, BYLINE)
}

/// Whether `class`/`id` text marks a picture caption or credit.
pub fn is_caption(text: &str) -> bool {
    any_in(text, CAPTION)
}

/// Whether `class`/`id` text marks a standfirst (summary under the headline).
pub fn is_standfirst(text: &str) -> bool {
    any_in(text, STANDFIRST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_reads_compound_class_names() {
        assert!(is_unlikely("site-footer"));
        assert!(!is_unlikely("article-footer-content"));
        assert_eq!(weight("c-article-body__text", ""), 25);
        assert_eq!(weight("share-bar", "related"), -50);
        assert!(is_share("sharebar-top"));
        assert!(is_byline("article__author"));
        assert!(is_caption("wp-caption-text"));
        assert!(is_embedded_post("twitter-tweet tw-align-center"));
        assert!(!is_embedded_post("twitter-share-button"));
    }
}
