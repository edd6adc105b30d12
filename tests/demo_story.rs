//! The demo story holds together: `sources.toml` lists it first, every cached page matches its
//! sidecar and carries the true text written down in `tests/fixtures/demo/`, and
//! `expected.toml` (the statuses a careful reader gives) agrees with those texts. The engine and
//! extraction tests rely on these fixtures, so a slip here would mislead them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use parallax::config::{ArticleSource, Config};
use parallax::model::{ChangeClass, ChangeKind, Status};
use serde::Deserialize;
use sha2::{Digest, Sha256};

mod demo_fixture;
use demo_fixture::{STORY, fixture_path, meta, read, root};

mod skip;
use skip::skip;

const SIDECAR_KEYS: [&str; 12] = [
    "requested_url",
    "final_url",
    "status",
    "fetched_at",
    "checked_at",
    "etag",
    "last_modified",
    "content_type",
    "charset",
    "sha256",
    "bytes",
    "parallax_version",
];

/// `tests/fixtures/demo/expected.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    story: String,
    reference: String,
    outlets: Vec<String>,
    claim: Vec<ExpectedClaim>,
    added: Vec<ExpectedAdded>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedClaim {
    reference: String,
    #[serde(default)]
    list: Option<u32>,
    outlets: BTreeMap<String, ExpectedStatus>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedStatus {
    status: Status,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    reasons: Vec<ChangeKind>,
    #[serde(default)]
    class: Option<ChangeClass>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    moved: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedAdded {
    outlet: String,
    text: String,
}

fn config() -> Config {
    Config::load(&root().join("sources.toml")).unwrap_or_else(|err| panic!("{err}"))
}

fn expected() -> Expected {
    let path = fixture_path("expected.toml");
    toml::from_str(&read(&path)).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The true article text of an outlet: paragraphs separated by one blank line.
fn true_text(outlet: &str) -> String {
    read(&fixture_path(&format!("{outlet}.txt")))
}

fn true_paragraphs(outlet: &str) -> Vec<String> {
    true_text(outlet)
        .trim_end_matches('\n')
        .split("\n\n")
        .map(str::to_string)
        .collect()
}

/// The outlets of the demo story, reference first, as `sources.toml` lists them.
fn demo_outlets() -> Vec<String> {
    let config = config();
    let story = config
        .story(STORY)
        .expect("the demo story is in sources.toml");
    story.articles.iter().map(|a| a.outlet.clone()).collect()
}

/// One cached version of a page: the `.html` bytes and its parsed `.json` sidecar.
struct CachedPage {
    html: PathBuf,
    version: String,
    raw: Vec<u8>,
    sidecar: serde_json::Map<String, serde_json::Value>,
}

fn cached_pages(outlet: &str) -> Vec<CachedPage> {
    let dir = root().join("cache").join(STORY).join(outlet);
    let mut pages = Vec::new();
    let entries = fs::read_dir(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    for entry in entries {
        let html = entry.unwrap().path();
        if html.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let version = html.file_stem().unwrap().to_str().unwrap().to_string();
        let json = html.with_extension("json");
        let sidecar = match serde_json::from_str(&read(&json)) {
            Ok(serde_json::Value::Object(map)) => map,
            other => panic!("{}: not a JSON object: {other:?}", json.display()),
        };
        let raw = fs::read(&html).unwrap();
        pages.push(CachedPage {
            html,
            version,
            raw,
            sidecar,
        });
    }
    pages
}

/// The single cached page of an outlet, decoded with the charset its sidecar records.
fn decoded_page(outlet: &str) -> String {
    let pages = cached_pages(outlet);
    assert_eq!(pages.len(), 1, "{outlet}: one cached version expected");
    let page = &pages[0];
    let label = page.sidecar["charset"]
        .as_str()
        .expect("charset is recorded");
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())
        .unwrap_or_else(|| panic!("{}: unknown charset {label}", page.html.display()));
    let (text, had_errors) = encoding.decode_without_bom_handling(&page.raw);
    assert!(
        !had_errors,
        "{}: bytes invalid in {label}",
        page.html.display()
    );
    text.into_owned()
}

/// The visible text of a page with whitespace collapsed (entities decoded by the parser).
fn page_text(outlet: &str) -> String {
    let document = scraper::Html::parse_document(&decoded_page(outlet));
    let text: String = document.root_element().text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `20210110T120000Z` -> `2021-01-10T12:00:00Z`.
fn version_to_rfc3339(version: &str) -> String {
    assert_eq!(
        version.len(),
        16,
        "version {version:?} is not YYYYMMDDTHHMMSSZ"
    );
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &version[0..4],
        &version[4..6],
        &version[6..8],
        &version[9..11],
        &version[11..13],
        &version[13..15]
    )
}

#[test]
fn sources_toml_opens_the_sample_demo_story_first() {
    let config = config();
    let demo = &config.stories[0];
    assert_eq!(demo.id, STORY);
    assert!(demo.sample, "the demo story is marked sample");
    assert_eq!(demo.reference.as_deref(), Some("meridian"));
    assert!(demo.articles.len() >= 4, "at least four outlets tell it");
    for article in &demo.articles {
        let outlet = config.outlet(&article.outlet).unwrap();
        assert!(outlet.sample, "{} is an invented sample outlet", outlet.id);
        match &article.source {
            ArticleSource::Url(url) => assert!(
                url.starts_with("https://")
                    && url::Url::parse(url)
                        .unwrap()
                        .host_str()
                        .unwrap()
                        .ends_with(".example"),
                "{url}: demo URLs live on the reserved .example domain"
            ),
            ArticleSource::Path(path) => {
                panic!("{}: demo articles are cached URLs", path.display())
            }
        }
    }
    let live = config
        .story("hebei-live")
        .expect("the live story is listed");
    assert!(!live.sample);
    assert_eq!(live.reference.as_deref(), Some("epochtimes"));
    let live_outlets: Vec<&str> = live.articles.iter().map(|a| a.outlet.as_str()).collect();
    assert_eq!(live_outlets, ["epochtimes", "visiontimes"]);
    assert!(
        live.articles
            .iter()
            .all(|a| !config.outlet(&a.outlet).unwrap().sample)
    );
    assert!(
        !root().join("cache/hebei-live").exists(),
        "nothing of the live story is cached"
    );
}

#[test]
fn every_cached_page_matches_its_sidecar() {
    let config = config();
    let story = config.story(STORY).unwrap();
    for article in &story.articles {
        let pages = cached_pages(&article.outlet);
        assert!(!pages.is_empty(), "{}: no cached page", article.outlet);
        for page in pages {
            let name = page.html.display();
            let keys: BTreeSet<&str> = page.sidecar.keys().map(String::as_str).collect();
            assert_eq!(keys, BTreeSet::from(SIDECAR_KEYS), "{name}: sidecar keys");
            assert_eq!(
                page.sidecar["sha256"],
                sha256_hex(&page.raw),
                "{name}: sha256"
            );
            assert_eq!(
                page.sidecar["bytes"],
                page.raw.len() as u64,
                "{name}: bytes"
            );
            assert_eq!(page.sidecar["status"], 200, "{name}: status");
            let instant = version_to_rfc3339(&page.version);
            assert_eq!(page.sidecar["fetched_at"], instant, "{name}: fetched_at");
            assert_eq!(page.sidecar["checked_at"], instant, "{name}: checked_at");
            assert_eq!(page.sidecar["parallax_version"], "0.1.0", "{name}");
            assert_eq!(
                page.sidecar["requested_url"],
                article.source.display(),
                "{name}: requested_url is the URL sources.toml lists"
            );
            let content_type = page.sidecar["content_type"].as_str().unwrap();
            assert!(
                content_type.starts_with("text/html"),
                "{name}: {content_type}"
            );
        }
    }
}

#[test]
fn the_windows_1252_page_is_not_utf8_and_decodes_cleanly() {
    let pages = cached_pages("harbourcourier");
    let page = &pages[0];
    assert_eq!(page.sidecar["charset"], "windows-1252");
    assert!(std::str::from_utf8(&page.raw).is_err());
    let head = String::from_utf8_lossy(&page.raw[..600.min(page.raw.len())]).into_owned();
    assert!(head.contains(r#"<meta charset="windows-1252">"#));
    let text = decoded_page("harbourcourier");
    assert!(text.contains("Université Paris-Saclay"));
    assert!(text.contains("“vigorously introducing”"));
}

#[test]
fn every_true_text_is_on_its_page_in_order_with_title_byline_and_headings() {
    for outlet in demo_outlets() {
        let page = page_text(&outlet);
        let paragraphs = true_paragraphs(&outlet);
        assert!(
            (10..=20).contains(&paragraphs.len()),
            "{outlet}: {} paragraphs",
            paragraphs.len()
        );
        let mut spans = Vec::new();
        let mut from = 0;
        for paragraph in &paragraphs {
            assert_eq!(paragraph.trim(), paragraph, "{outlet}: stray whitespace");
            assert!(
                !paragraph.contains('\n'),
                "{outlet}: one line per paragraph"
            );
            let at = page[from..]
                .find(paragraph.as_str())
                .map(|i| i + from)
                .unwrap_or_else(|| panic!("{outlet}: not on the page in order: {paragraph:.60}"));
            spans.push((at, at + paragraph.len()));
            from = at + paragraph.len();
        }
        let meta = meta(&outlet);
        assert!(page.contains(&meta.title), "{outlet}: title");
        assert!(page.contains(&meta.byline), "{outlet}: byline");
        assert!(
            jiff::civil::Date::strptime("%Y-%m-%d", &meta.published).is_ok(),
            "{outlet}: published {:?}",
            meta.published
        );
        assert_eq!(
            meta.headings.len(),
            meta.heading_positions.len(),
            "{outlet}"
        );
        for (heading, &position) in meta.headings.iter().zip(&meta.heading_positions) {
            let after = if position == 0 {
                0
            } else {
                spans[position - 1].1
            };
            let before = spans.get(position).map_or(page.len(), |span| span.0);
            assert!(
                page[after..before].contains(heading.as_str()),
                "{outlet}: heading {heading:?} stands before paragraph {position}"
            );
        }
    }
}

#[test]
fn expected_statuses_agree_with_the_texts() {
    let expected = expected();
    assert_eq!(expected.story, STORY);
    let outlets = demo_outlets();
    assert_eq!(outlets[0], expected.reference);
    assert_eq!(outlets[1..], expected.outlets[..]);
    let reference = true_text(&expected.reference);
    let texts: BTreeMap<&str, String> = expected
        .outlets
        .iter()
        .map(|o| (o.as_str(), true_text(o)))
        .collect();

    let mut last = 0;
    for claim in &expected.claim {
        let found: Vec<_> = reference.match_indices(&claim.reference).collect();
        assert_eq!(
            found.len(),
            1,
            "occurs once in the reference: {:?}",
            claim.reference
        );
        assert!(
            found[0].0 >= last,
            "claims in reference order: {:?}",
            claim.reference
        );
        last = found[0].0;
        let outlets: Vec<&String> = claim.outlets.keys().collect();
        let mut listed: Vec<&String> = expected.outlets.iter().collect();
        listed.sort();
        assert_eq!(
            outlets, listed,
            "every outlet judged: {:?}",
            claim.reference
        );
        for (outlet, judged) in &claim.outlets {
            let what = format!("{outlet} on {:?}", claim.reference);
            match judged.status {
                Status::Appears | Status::Differs => {
                    let text = judged
                        .text
                        .as_deref()
                        .unwrap_or_else(|| panic!("{what}: text"));
                    assert_eq!(
                        texts[outlet.as_str()].matches(text).count(),
                        1,
                        "{what}: {text:?}"
                    );
                }
                Status::Missing => assert!(judged.text.is_none() && !judged.moved, "{what}"),
                Status::Added => panic!("{what}: `added` belongs in [[added]]"),
            }
            let differs = judged.status == Status::Differs;
            assert_eq!(
                differs,
                !judged.reasons.is_empty(),
                "{what}: reasons iff differs"
            );
            assert!(
                differs || (judged.from.is_none() && judged.to.is_none()),
                "{what}: from/to only on differs"
            );
            assert_eq!(
                differs,
                judged.class.is_some(),
                "{what}: a class iff differs"
            );
            if let Some(to) = &judged.to {
                assert!(
                    texts[outlet.as_str()].contains(to.split(" … ").next().unwrap()),
                    "{what}: to {to:?}"
                );
            }
        }
    }

    for added in &expected.added {
        let text = &texts
            .get(added.outlet.as_str())
            .unwrap_or_else(|| panic!("unknown outlet {}", added.outlet));
        assert_eq!(text.matches(&added.text).count(), 1, "{added:?}");
        assert!(
            !reference.contains(&added.text),
            "{added:?} is in the reference"
        );
        for (other, other_text) in &texts {
            assert!(
                *other == added.outlet || !other_text.contains(&added.text),
                "{added:?} also in {other}"
            );
        }
    }
}

#[test]
fn the_demo_shows_every_phenomenon_parallax_reveals() {
    let expected = expected();
    let judged = || expected.claim.iter().flat_map(|c| c.outlets.values());
    for kind in [
        ChangeKind::Number,
        ChangeKind::Date,
        ChangeKind::Quote,
        ChangeKind::Attribution,
        ChangeKind::Hedge,
    ] {
        assert!(
            judged().any(|s| s.reasons.contains(&kind)),
            "no `{}` change",
            kind.as_str()
        );
    }
    assert!(judged().any(|s| s.moved), "no moved claim");
    for class in ChangeClass::ALL {
        assert!(
            judged().any(|s| s.class == Some(class)),
            "no `{}` change",
            class.as_str()
        );
    }
    assert!(
        expected.claim.iter().any(|c| c.list.is_some()),
        "no `;` list"
    );
    for outlet in &expected.outlets {
        let of = |status| {
            expected
                .claim
                .iter()
                .filter(|c| c.outlets[outlet].status == status)
                .count()
        };
        assert!(
            of(Status::Appears) >= 10,
            "{outlet} carries most of the story"
        );
        assert!(of(Status::Missing) >= 2, "{outlet} drops claims");
        assert!(
            expected.added.iter().any(|a| &a.outlet == outlet),
            "{outlet} adds claims"
        );
    }

    // Verbatim copy: one outlet shares far more 12-word runs with the reference than any other.
    let shared = |outlet: &str| {
        let words = |text: &str| {
            text.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let reference = words(&true_text(&expected.reference));
        let runs: BTreeSet<&[String]> = reference.windows(12).collect();
        words(&true_text(outlet))
            .windows(12)
            .filter(|w| runs.contains(w))
            .count()
    };
    let copier = shared("clearsky");
    for outlet in expected.outlets.iter().filter(|o| *o != "clearsky") {
        assert!(
            copier > 2 * shared(outlet),
            "clearsky copies more than {outlet}"
        );
    }
}

#[test]
fn the_demo_carries_the_seeds_key_figures_in_its_own_words() {
    let seed_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/visiontimes-hebei.txt"
    );
    let Ok(seed) = fs::read_to_string(seed_path) else {
        skip("../shared/seed/visiontimes-hebei.txt not found");
        return;
    };
    let demo: String = demo_outlets().iter().map(|o| true_text(o)).collect();
    for figure in [
        "at least 50 international organizations",
        "a minimum of four",
        "at least 50 foreign technology projects",
        "at least five cooperation intention agreements",
        "60 to 80",
        "1 million yuan",
        "$153,000",
        "10 million yuan",
        "$1.53 million",
        "Hebei International Talent Exchange Association",
        "Ministry of Science and Technology",
        "Hebei University of Engineering",
        "University College London",
        "Nanyang Technological University",
        "Made in China 2025",
        "June 2020",
        "2017 National Intelligence Law",
        "Mike Pompeo",
        "as many as 100",
    ] {
        assert!(seed.contains(figure), "the seed states {figure:?}");
        assert!(demo.contains(figure), "the demo carries {figure:?}");
    }
    // The seed's sentences stay out: no run of 12 words is shared with any demo text.
    let normalise = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| w.replace(['’', '\''], "'").to_lowercase())
            .collect()
    };
    let seed_words = normalise(&seed);
    let seed_runs: BTreeSet<&[String]> = seed_words.windows(12).collect();
    for outlet in demo_outlets() {
        let words = normalise(&true_text(&outlet));
        if let Some(run) = words.windows(12).find(|w| seed_runs.contains(w)) {
            panic!("{outlet} repeats the seed: {}", run.join(" "));
        }
    }
}
