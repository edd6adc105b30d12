//! Extraction layer by layer, one phenomenon per fixture (`tests/fixtures/extract/`): JSON-LD
//! only pages, the outlet's selectors, boilerplate lines, layout tables, captions and credits,
//! CJK pages.

use parallax::extract::{ExtractHints, extract_article};
use parallax::model::Article;

fn fixture(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract/").to_string() + name;
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn extract(name: &str) -> Article {
    extract_article(&fixture(name), &ExtractHints::default())
}

#[test]
fn a_page_rendered_by_script_is_read_from_its_json_ld() {
    let article = extract("jsonld-only.html");
    assert_eq!(article.title, "Hebei opens a technology transfer market");
    assert_eq!(article.byline.as_deref(), Some("Jane Doe, Li Wei"));
    assert_eq!(
        article.published.as_deref(),
        Some("2020-11-17T08:00:00+08:00")
    );
    assert_eq!(
        article.paragraphs,
        [
            "Hebei province opened a technology transfer market on Tuesday, officials said.",
            "More than 60 projects were signed on the first day, worth about 1 million yuan each.",
            "The market will link universities in Beijing and Tianjin with manufacturers in the \
             province, the provincial science department said in a statement.",
        ]
    );
}

#[test]
fn the_outlets_selectors_override_the_generic_finder() {
    let html = fixture("selector-override.html");
    let generic = extract_article(&html, &ExtractHints::default());
    assert!(
        generic.paragraphs[0].starts_with("This sidebar"),
        "without hints the decoy wins: {:?}",
        generic.paragraphs
    );
    let hints = ExtractHints {
        body: Some("div.story-text".into()),
        drop: vec![".inline-promo".into()],
    };
    let article = extract_article(&html, &hints);
    assert_eq!(
        article.paragraphs,
        [
            "Hebei opened a technology market.",
            "Sixty projects were signed."
        ]
    );
    assert_eq!(article.title, "Hebei opens a technology transfer market");
    assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(article.published.as_deref(), Some("2020-11-17T08:00:00Z"));
}

#[test]
fn a_body_selector_that_matches_nothing_falls_back_to_the_finder() {
    let hints = ExtractHints {
        body: Some("div.no-such-thing".into()),
        drop: vec!["p:nth-child(99)".into(), "::not a selector".into()],
    };
    let article = extract_article(&fixture("boilerplate.html"), &hints);
    assert_eq!(article.paragraphs.len(), 5);
}

#[test]
fn bylines_prompts_teasers_taglines_and_chrome_are_left_out() {
    let article = extract("boilerplate.html");
    assert_eq!(article.title, "Hebei opens a technology transfer market");
    assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(
        article.paragraphs,
        [
            "Hebei province opened a technology transfer market on Tuesday, linking universities \
             in Beijing and Tianjin with manufacturers across the province, officials said.",
            "More than 60 projects were signed on the first day, each worth about 1 million yuan, \
             according to the provincial science and technology department.",
            "Companies will be able to license patents directly from universities, and the \
             province will cover part of the fees, the department said in a statement.",
            "https://example.org/report.pdf",
            "Critics say the subsidies may favour large state-owned firms, and that small private \
             companies will struggle to benefit from the scheme.",
        ]
    );
    assert_eq!(article.headings, ["What changes for companies"]);
    assert_eq!(article.heading_positions, [2]);
}

#[test]
fn an_article_inside_layout_tables_is_found() {
    let article = extract("nested-tables.html");
    assert_eq!(article.title, "County council approves the new bridge");
    assert_eq!(article.paragraphs.len(), 3, "{:?}", article.paragraphs);
    assert!(article.paragraphs[0].starts_with("The county council voted"));
    assert!(article.paragraphs[2].ends_with("council members said."));
    assert!(
        article.headings.is_empty(),
        "the headline is not a subheading"
    );
}

#[test]
fn captions_and_picture_credits_are_left_out() {
    let article = extract("captions.html");
    assert_eq!(article.paragraphs.len(), 3, "{:?}", article.paragraphs);
    for paragraph in &article.paragraphs {
        for credit in ["Photo", "Getty", "Volunteers fill", "Water covers"] {
            assert!(!paragraph.contains(credit), "{paragraph}");
        }
    }
}

#[test]
fn a_cjk_page_keeps_its_sentences_whole() {
    let article = extract("cjk.html");
    assert_eq!(article.title, "河北省设立技术转移市场");
    assert_eq!(article.byline.as_deref(), Some("记者 王芳"));
    assert_eq!(article.published.as_deref(), Some("2020-11-17"));
    assert_eq!(
        article.paragraphs,
        [
            "河北省于周二正式设立技术转移市场，连接京津高校与省内制造企业。有关部门表示，这是推动科技成果转化的重要举措。",
            "首日共签约六十多个项目，每个项目金额约一百万元。省科技厅在声明中说，市场将长期运营。",
            "专家认为，这一市场有望缩短科研成果进入生产的周期，但中小企业能否受益仍有待观察。",
        ]
    );
}
