//! Every cached page of the demo story extracts to exactly what an ideal reader takes from it
//! (`tests/fixtures/demo/<outlet>.txt` and `<outlet>.meta.toml`): paragraphs, title, byline,
//! date and subheadings, with the outlet's hints from `sources.toml` and the charset from the
//! cache sidecar, as the pipeline reads them.

use std::fs;
use std::path::PathBuf;

use parallax::config::Config;
use parallax::extract::decode::decode_html;
use parallax::extract::{ExtractHints, extract_article};

mod demo_fixture;
use demo_fixture::{STORY, meta, root};

const OUTLETS: [&str; 5] = [
    "meridian",
    "clearsky",
    "globewire",
    "dailyblaze",
    "harbourcourier",
];

/// The newest cached page of an outlet and its sidecar's `content_type`.
fn cached_page(outlet: &str) -> (Vec<u8>, Option<String>) {
    let dir = root().join("cache").join(STORY).join(outlet);
    let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let page = pages
        .pop()
        .unwrap_or_else(|| panic!("no page in {}", dir.display()));
    let sidecar: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(page.with_extension("json")).expect("sidecar"))
            .expect("sidecar is JSON");
    let content_type = sidecar["content_type"].as_str().map(str::to_string);
    (fs::read(&page).expect("readable page"), content_type)
}

#[test]
fn every_demo_page_extracts_to_its_true_text() {
    let config = Config::load(&root().join("sources.toml")).expect("sources.toml loads");
    for outlet in OUTLETS {
        let entry = config.outlet(outlet).expect("outlet in sources.toml");
        let hints = ExtractHints {
            body: entry.body.clone(),
            drop: entry.drop.clone(),
        };
        let (bytes, content_type) = cached_page(outlet);
        let article = extract_article(&decode_html(&bytes, content_type.as_deref()).text, &hints);

        let fixtures = root().join("tests/fixtures/demo");
        let text = fs::read_to_string(fixtures.join(format!("{outlet}.txt"))).expect("text");
        let paragraphs: Vec<&str> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let meta = meta(outlet);

        assert_eq!(article.paragraphs, paragraphs, "{outlet}: paragraphs");
        assert_eq!(article.title, meta.title, "{outlet}: title");
        assert_eq!(
            article.byline.as_deref(),
            Some(meta.byline.as_str()),
            "{outlet}: byline"
        );
        let published = article.published.as_deref().unwrap_or("");
        assert_eq!(
            published.get(..10).unwrap_or(published),
            meta.published,
            "{outlet}: published {published}"
        );
        assert_eq!(article.headings, meta.headings, "{outlet}: headings");
        assert_eq!(
            article.heading_positions, meta.heading_positions,
            "{outlet}: heading positions"
        );
    }
}
