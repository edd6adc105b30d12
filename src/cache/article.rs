//! `article.json`: the article extracted from an outlet's newest fetched page, kept beside the
//! versions so that a researcher can read it without parallax, and so that opening a story
//! need not extract again. It is only a convenience: it is used when it names the same page
//! (sha256), parallax version and extraction hints, and re-extracted otherwise.

use serde::{Deserialize, Serialize};

use super::{Cache, CacheError};
use crate::local_file::read_regular_file;
use crate::model::Article;
use crate::text::clean::clean_line;

/// The extracted article and what it was extracted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedArticle {
    /// sha256 of the raw page it came from.
    pub sha256: String,
    /// The parallax version that extracted it.
    pub parallax_version: String,
    /// The outlet's `body` selector at the time.
    pub body_selector: Option<String>,
    /// The outlet's `drop` selectors at the time.
    pub drop_selectors: Vec<String>,
    /// The article.
    pub article: Article,
}

impl ExtractedArticle {
    /// Whether this record holds the extraction of the page `sha256` with these selectors by
    /// this parallax.
    pub fn is_for(&self, sha256: &str, body: Option<&str>, drop: &[String]) -> bool {
        self.sha256 == sha256
            && self.parallax_version == env!("CARGO_PKG_VERSION")
            && self.body_selector.as_deref() == body
            && self.drop_selectors == drop
    }
}

/// Whether an article is as extraction leaves it: every string clean (see [`clean_line`]), no
/// empty paragraph, every heading position within the paragraphs.
fn is_clean(article: &Article) -> bool {
    let strings = [&article.title]
        .into_iter()
        .chain(&article.byline)
        .chain(&article.published)
        .chain(&article.headings);
    let clean = |text: &String| clean_line(text) == *text;
    strings.into_iter().all(clean)
        && article.paragraphs.iter().all(|p| !p.is_empty() && clean(p))
        && article.heading_positions.len() == article.headings.len()
        && article
            .heading_positions
            .iter()
            .all(|&at| at <= article.paragraphs.len())
}

impl Cache {
    /// The outlet's `article.json`, or None when absent, unreadable, too large, or holding
    /// what extraction never writes (a control character, a heading past the end): it is
    /// re-made from the page then, since anyone could have edited it.
    pub fn read_article(&self, story: &str, outlet: &str) -> Option<ExtractedArticle> {
        let path = self.outlet_dir(story, outlet).ok()?.join("article.json");
        let bytes = read_regular_file(&path, self.max_page_bytes).ok()?;
        let extracted: ExtractedArticle = serde_json::from_slice(&bytes).ok()?;
        is_clean(&extracted.article).then_some(extracted)
    }

    /// Writes the outlet's `article.json` atomically.
    pub fn write_article(
        &self,
        story: &str,
        outlet: &str,
        extracted: &ExtractedArticle,
    ) -> Result<(), CacheError> {
        let path = self.outlet_dir(story, outlet)?.join("article.json");
        let _lock = self.lock()?;
        let mut json = serde_json::to_vec_pretty(extracted).expect("an article serialises");
        json.push(b'\n');
        self.storage
            .write_atomic(&path, &json)
            .map_err(|source| CacheError::Io { path, source })
    }
}
