//! HTML → [`Article`]: the outlet's selectors, the page's metadata, then a readability-style
//! content finder.
//!
//! Layers, best evidence first:
//! 1. [`limits`]: the page is capped, flattened past a safe depth and stripped of scripts
//!    before parsing (the JSON-LD is kept aside);
//! 2. the outlet's `body` / `drop` selectors ([`ExtractHints`]) choose or trim the body;
//! 3. [`metadata`]: JSON-LD, OpenGraph/meta tags, `<time>`, `<h1>`, `<title>` give the title,
//!    byline and date (and JSON-LD `articleBody` stands in when the markup yields little);
//! 4. [`content`]: the generic finder scores the page's blocks when no selector matched;
//! 5. [`blocks`] turns the chosen part into paragraphs and subheadings, and [`boilerplate`]
//!    drops repeated headlines and bylines, prompts, teasers and credits.
//!
//! Every string leaving this module has passed [`clean_text`]/[`clean_line`].

pub mod blocks;
pub mod boilerplate;
pub mod classes;
pub mod content;
pub mod dates;
pub mod decode;
pub mod dom;
pub mod limits;
pub mod metadata;

use scraper::{Html, Selector};

use crate::model::Article;
use crate::text::clean::{clean_line, clean_text};
use blocks::Block;
use boilerplate::PageContext;
use dom::{Dom, HintMatches};

/// Extraction hints from the outlet's entry in `sources.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractHints {
    /// CSS selector of the article body.
    pub body: Option<String>,
    /// CSS selectors removed before extraction.
    pub drop: Vec<String>,
}

/// The last paragraphs, where an outlet's description of itself may stand.
const TRAILING_PARAGRAPHS: usize = 3;

/// Extracts the article of one decoded HTML page.
pub fn extract_article(html: &str, hints: &ExtractHints) -> Article {
    let has_selectors = hints.body.is_some() || !hints.drop.is_empty();
    let prepared = limits::prepare(html, has_selectors);
    let document = Html::parse_document(&prepared.html);
    let metadata = metadata::read(&document, &prepared.json_ld);
    let matches = match_hints(&document, hints);
    let dom = Dom::from_html(&document, &matches);
    drop(document);
    let blocks = body_blocks(&dom);
    let context = PageContext {
        title: &metadata.title,
        byline: metadata.byline.as_deref(),
        site_name: metadata.site_name.as_deref(),
    };
    let mut article = Article {
        title: metadata.title.clone(),
        byline: metadata.byline.clone(),
        published: metadata.published.clone(),
        ..Article::default()
    };
    fill_blocks(&mut article, blocks, &context);
    if let Some(body) = &metadata.article_body
        && prefers_linked_body(&article, body)
    {
        article.paragraphs = paragraphs_of_text(body);
        article.headings.clear();
        article.heading_positions.clear();
    }
    article
}

/// The outlet's own name as its page states it (`og:site_name`), cleaned; None when absent.
pub fn site_name(html: &str) -> Option<String> {
    let prepared = limits::prepare(html, false);
    let document = Html::parse_document(&prepared.html);
    metadata::read(&document, &[])
        .site_name
        .filter(|name| !name.is_empty())
}

/// The blocks of the body: the outlet's `body` selector when it matched, else the generic
/// finder's choice (trying laxer passes while it finds too little text).
fn body_blocks(dom: &Dom) -> Vec<Block> {
    if dom.nodes.is_empty() {
        return Vec::new();
    }
    let hinted = hinted_roots(dom);
    if !hinted.is_empty() {
        let alive: Vec<bool> = dom.nodes.iter().map(|n| !n.hidden && !n.dropped).collect();
        return blocks::collect(dom, &hinted, &alive);
    }
    let mut best: Option<content::Content> = None;
    for pass in content::PASSES {
        let found = content::find_content(dom, pass);
        let enough = found.text_len >= content::ENOUGH_TEXT;
        if best.as_ref().is_none_or(|b| found.text_len > b.text_len) {
            best = Some(found);
        }
        if enough {
            break;
        }
    }
    let best = best.unwrap_or_default();
    blocks::collect(dom, &best.roots, &best.alive)
}

/// The outermost nodes matched by the outlet's `body` selector, in document order.
fn hinted_roots(dom: &Dom) -> Vec<usize> {
    let mut roots = Vec::new();
    let mut index = 0;
    while index < dom.nodes.len() {
        if dom.nodes[index].body_hint {
            roots.push(index);
            index = dom.nodes[index].end;
        } else {
            index += 1;
        }
    }
    roots
}

/// Which nodes the outlet's selectors match; a selector that does not parse is ignored (the
/// config check reports it).
fn match_hints(document: &Html, hints: &ExtractHints) -> HintMatches {
    let mut matches = HintMatches::default();
    if let Some(selector) = hints.body.as_deref().and_then(|s| Selector::parse(s).ok()) {
        matches.body = document.select(&selector).map(|e| e.id()).collect();
    }
    for selector in hints.drop.iter().filter_map(|s| Selector::parse(s).ok()) {
        matches
            .drop
            .extend(document.select(&selector).map(|e| e.id()));
    }
    matches
}

/// Puts the blocks into the article, leaving boilerplate out.
fn fill_blocks(article: &mut Article, blocks: Vec<Block>, context: &PageContext<'_>) {
    let paragraph_count = blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(_)))
        .count();
    let mut seen = 0;
    for block in blocks {
        match block {
            Block::Paragraph(text) => {
                seen += 1;
                let trailing = seen + TRAILING_PARAGRAPHS > paragraph_count;
                if !boilerplate::is_boilerplate(&text, context, trailing) {
                    article.paragraphs.push(text);
                }
            }
            Block::Heading(text) => {
                // A sentence set as a heading above the first paragraph is a standfirst.
                let standfirst = article.paragraphs.is_empty()
                    && (text.ends_with('.') || text.split_whitespace().count() > 15);
                if !standfirst && !boilerplate::is_boilerplate(&text, context, false) {
                    article.heading_positions.push(article.paragraphs.len());
                    article.headings.push(text);
                }
            }
        }
    }
    // Headings after the last paragraph head nothing: they are teasers ("Most read").
    while article
        .heading_positions
        .last()
        .is_some_and(|&p| p == article.paragraphs.len())
    {
        article.heading_positions.pop();
        article.headings.pop();
    }
}

/// Whether the JSON-LD `articleBody` should replace what the markup gave: the markup yielded
/// much less text than the page's own statement of its body.
fn prefers_linked_body(article: &Article, linked_body: &str) -> bool {
    let markup_chars: usize = article.paragraphs.iter().map(|p| p.chars().count()).sum();
    let linked_chars = linked_body.chars().count();
    linked_chars >= 200 && (markup_chars as f64) < 0.5 * linked_chars as f64
}

/// Paragraphs of a plain text: separated by line breaks; each cleaned.
fn paragraphs_of_text(text: &str) -> Vec<String> {
    text.split('\n')
        .map(clean_line)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Headings in a plain text are lines of at most this many words ...
const TEXT_HEADING_WORDS: usize = 12;

/// ... but for the text's first line, which a headline of many words may open (`Demands for
/// Adam Schiff's Head Highlight Chasm That Only Widened With Mueller's Conclusion`).
const TEXT_TITLE_WORDS: usize = 20;

/// Reads a plain-text article: paragraphs are separated by blank lines; the text is cleaned.
///
/// A text copied from a web page keeps the page's furniture, so it is read like one: a short
/// line without closing punctuation is a heading (the last of those before the first paragraph
/// is the title, any before it are navigation and left out), and prompts, credits and
/// teasers are left out as on a page. A text whose every line looks like a heading (a list of
/// short lines, a one-line file) is all paragraphs.
pub fn article_from_text(text: &str) -> Article {
    let cleaned = clean_text(text, true);
    let paragraphs: Vec<String> = cleaned
        .split("\n\n")
        .map(clean_line)
        .filter(|p| !p.is_empty())
        .collect();
    let Some(first_body) = paragraphs.iter().enumerate().position(|(i, p)| {
        let words = if i == 0 {
            TEXT_TITLE_WORDS
        } else {
            TEXT_HEADING_WORDS
        };
        !is_text_heading(p, words)
    }) else {
        return Article {
            paragraphs,
            ..Article::default()
        };
    };
    let mut lines = paragraphs.into_iter().skip(first_body.saturating_sub(1));
    // A title copied from a browser tab ends with the site's name, as a page's does.
    let title = if first_body > 0 {
        metadata::strip_site_name(&lines.next().unwrap_or_default(), None)
    } else {
        String::new()
    };
    let blocks: Vec<Block> = lines
        .map(|line| {
            if is_text_heading(&line, TEXT_HEADING_WORDS) {
                Block::Heading(line)
            } else {
                Block::Paragraph(line)
            }
        })
        .collect();
    let mut article = Article {
        title,
        ..Article::default()
    };
    let context = PageContext {
        title: &article.title.clone(),
        ..PageContext::default()
    };
    fill_blocks(&mut article, blocks, &context);
    article
}

/// Whether a line of a plain text reads as a heading: short (at most `words` words), one line,
/// and not ended like a sentence, a quote or a parenthesis.
fn is_text_heading(line: &str, words: usize) -> bool {
    !line.contains('\n')
        && line.split_whitespace().count() <= words
        && !line.ends_with([
            '.', '!', '?', '…', ':', ';', ',', '"', '”', '’', '\'', ')', ']', '»', '。', '！',
            '？', '」', '』',
        ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_copied_from_a_page_reads_like_the_page() {
        let text = "Home News Leaked papers\n\nLeaked papers show a plan\n\n\
                    The plan names 50 projects. It began in 2019.\n\n(Photo: Jane Doe)\n\n\
                    What the papers say\n\nThe budget is 1 million yuan.\n\n\
                    Follow us on Twitter\n\nMost Popular";
        let article = article_from_text(text);
        assert_eq!(article.title, "Leaked papers show a plan");
        assert_eq!(
            article.paragraphs,
            [
                "The plan names 50 projects. It began in 2019.",
                "The budget is 1 million yuan."
            ]
        );
        assert_eq!(article.headings, ["What the papers say"]);
        assert_eq!(article.heading_positions, [1]);
    }

    #[test]
    fn a_long_headline_opening_a_text_is_its_title_and_a_long_line_later_is_body() {
        let headline = "Regional Council Votes to Close Three Rural Clinics After a Long and Bitter Budget Fight";
        let aside =
            "Residents Who Depend on the Clinics Say the Nearest Hospital Is Now an Hour Away";
        let text = format!("{headline}\n\nThe council voted 7 to 2 on Monday.\n\n{aside}");
        let article = article_from_text(&text);
        assert_eq!(article.title, headline);
        let tab = format!("{headline} | Valley News\n\nThe council voted 7 to 2 on Monday.");
        assert_eq!(article_from_text(&tab).title, headline);
        assert_eq!(
            article.paragraphs,
            ["The council voted 7 to 2 on Monday.", aside]
        );
    }

    #[test]
    fn an_embedded_post_is_article_text_and_a_share_bar_is_not() {
        let body = "<p>The governor launched the campaign on Monday, and it drew wide attention \
                    on social media within hours of its release, officials said.</p>";
        let html = format!(
            "<html><body><article>{body}{body}\
             <div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">\
             <p>Yes this is real and the state spent half a million dollars on it \
             <a href=\"https://t.co/x\">https://t.co/x</a></p>— Jane Roe (@janeroe) \
             <a href=\"https://twitter.com/janeroe/status/1\">November 18, 2019</a>\
             </blockquote></div>{body}\
             <div class=\"share-bar\"><a href=\"#\">Share on Twitter</a></div>\
             </article></body></html>"
        );
        let article = extract_article(&html, &ExtractHints::default());
        assert!(
            article
                .paragraphs
                .iter()
                .any(|p| p.starts_with("Yes this is real")),
            "{:?}",
            article.paragraphs
        );
        assert!(!article.paragraphs.iter().any(|p| p.contains("Share on")));
    }

    #[test]
    fn a_text_of_short_lines_only_is_all_paragraphs() {
        for text in ["One line", "Line one\n\nLine two"] {
            let article = article_from_text(text);
            assert_eq!(
                article.paragraphs.len(),
                text.split("\n\n").count(),
                "{text}"
            );
            assert!(article.title.is_empty() && article.headings.is_empty());
        }
        assert_eq!(
            article_from_text("Plain sentence.").paragraphs,
            ["Plain sentence."]
        );
    }
}
