//! What every export promises whatever the input: the JSON validates against the schema in the
//! repository, the CSV round-trips through a CSV reader, Markdown and HTML escape hostile page
//! text, the SQLite keys hold, and writing a file is atomic.

mod report_support;

use parallax::model::{Comparison, Status};
use parallax::report::{self, Format};
use report_support::{compare_all, demo_config, fixture_config, frozen_comparison};

mod skip;
use skip::skip;

fn schema() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/comparison.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// The frozen fixture, the engine's comparisons of every fixture story and of the demo story
/// when it ships, and a comparison made of hostile text.
fn every_comparison() -> Vec<Comparison> {
    let mut all = vec![frozen_comparison(), hostile_comparison()];
    all.extend(compare_all(&fixture_config()));
    if let Some(demo) = demo_config() {
        all.extend(compare_all(&demo));
    } else {
        skip("sources.toml has no story yet, so the demo story is not checked");
    }
    all
}

/// The frozen fixture with every text replaced by something aimed at an export format.
fn hostile_comparison() -> Comparison {
    const HOSTILE: [&str; 6] = [
        "<script>alert('x')</script>",
        "=cmd|' /C calc'!A0",
        "| a | b |\n|---|---|",
        "`code` **bold** [link](javascript:alert(1)) ![img](http://x/y.png)",
        "1. list\r\n# heading\n- bullet\n> quote",
        "@SUM(A1) +1 -1 \t\"quoted\", comma",
    ];
    let mut comparison = frozen_comparison();
    let mut next = 0;
    let mut hostile = || {
        next += 1;
        HOSTILE[next % HOSTILE.len()].to_string()
    };
    comparison.story = hostile();
    for outlet in &mut comparison.outlets {
        outlet.name = hostile();
        outlet.title = hostile();
        outlet.url = hostile();
        outlet.published = Some(hostile());
        for paragraph in &mut outlet.paragraphs {
            *paragraph = hostile();
        }
    }
    for claim in &mut comparison.claims {
        claim.text = hostile();
        for status in claim.statuses.values_mut() {
            if status.text.is_some() {
                status.text = Some(hostile());
            }
            status.reasons = vec![hostile(), hostile()];
            status.changes.clear();
            for piece in &mut status.diff {
                piece.text = hostile();
            }
        }
    }
    comparison
}

#[test]
fn every_json_output_validates_against_the_schema() {
    let validator = schema();
    for comparison in every_comparison() {
        let json: serde_json::Value =
            serde_json::from_slice(&report::render(&comparison, Format::Json).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", comparison.story);
        let back: Comparison = serde_json::from_value(json).unwrap();
        assert_eq!(
            back, comparison,
            "the JSON reads back as the same comparison"
        );
    }
}

#[test]
fn the_schema_rejects_documents_that_break_the_contract() {
    let validator = schema();
    let good: serde_json::Value =
        serde_json::from_slice(&report::render(&frozen_comparison(), Format::Json).unwrap())
            .unwrap();
    assert!(validator.is_valid(&good));
    let mut no_claims = good.clone();
    no_claims.as_object_mut().unwrap().remove("claims");
    assert!(!validator.is_valid(&no_claims));
    let mut bad_status = good.clone();
    bad_status["claims"][0]["statuses"]["wire"]["status"] = "maybe".into();
    assert!(!validator.is_valid(&bad_status));
    let mut missing_with_text = good.clone();
    missing_with_text["claims"][0]["statuses"]["wire"]["status"] = "missing".into();
    assert!(!validator.is_valid(&missing_with_text));
    let mut no_evidence = good;
    no_evidence["outlets"][0]["sha256"] = "not a hash".into();
    assert!(!validator.is_valid(&no_evidence));
}

#[test]
fn csv_round_trips_through_a_csv_reader() {
    for comparison in every_comparison() {
        let bytes = report::render(&comparison, Format::Csv).unwrap();
        let mut reader = csv::Reader::from_reader(&bytes[..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, report::csv::COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let expected: Vec<_> = comparison
            .claims
            .iter()
            .flat_map(|c| c.statuses.iter().map(move |(o, s)| (c, o, s)))
            .collect();
        assert_eq!(rows.len(), expected.len(), "one row per claim per outlet");
        let column = |name: &str| {
            report::csv::COLUMNS
                .iter()
                .position(|c| *c == name)
                .unwrap()
        };
        for (row, (claim, outlet, status)) in rows.iter().zip(expected) {
            let cell = |name: &str| row.get(column(name)).unwrap().to_string();
            assert_eq!(cell("story"), unformula(&comparison.story));
            assert_eq!(cell("claim_id"), claim.id);
            assert_eq!(cell("outlet"), *outlet);
            assert_eq!(cell("status"), status.status.as_str());
            assert_eq!(cell("class"), status.class.map_or("", |c| c.as_str()));
            assert_eq!(cell("moved"), status.moved.to_string());
            assert_eq!(cell("claim_text"), unformula(&claim.text));
            assert_eq!(
                cell("outlet_text"),
                unformula(status.text.as_deref().unwrap_or(""))
            );
            assert_eq!(cell("reasons"), unformula(&status.reasons.join("; ")));
            let similarity: f64 = cell("similarity").parse().unwrap();
            assert!((similarity - status.similarity).abs() < 0.0005);
            let entry = comparison.outlet(outlet).unwrap();
            assert_eq!(cell("url"), unformula(&entry.url));
            assert_eq!(cell("sha256"), entry.sha256.clone().unwrap_or_default());
            assert_eq!(cell("parallax_version"), comparison.parallax_version);
        }
    }
}

/// What the CSV writer makes of a cell: a leading `'` before a formula start.
fn unformula(cell: &str) -> String {
    report::csv::neutralise_formula(cell).into_owned()
}

#[test]
fn csv_cells_never_start_a_formula() {
    let bytes = report::render(&hostile_comparison(), Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let mut neutralised = 0;
    for row in reader.records() {
        for cell in row.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
            neutralised += usize::from(cell.starts_with("'=cmd|"));
        }
    }
    assert!(neutralised > 0, "the hostile fixture holds formula cells");
}

#[test]
fn markdown_escapes_hostile_text() {
    let text =
        String::from_utf8(report::render(&hostile_comparison(), Format::Md).unwrap()).unwrap();
    let raw_html = text
        .match_indices('<')
        .any(|(at, _)| !text[..at].ends_with('\\'));
    assert!(!raw_html, "raw HTML in the Markdown");
    let live_link = text
        .match_indices("](")
        .any(|(at, _)| !text[..at].ends_with('\\'));
    assert!(!live_link, "a live link in the Markdown");
    assert!(!text.contains("**bold**"), "live emphasis in the Markdown");
    assert!(text.contains(r"\<script>"));
    // Every table row has as many cells as its header: no page text opened a column.
    let mut columns = None;
    for line in text.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let cells = count_cells(line);
        match columns {
            None => columns = Some(cells),
            Some(n) => assert_eq!(cells, n, "row {line:?}"),
        }
    }
    // No line break of page text survives to start a heading, list or quote of its own.
    for line in text.lines() {
        for start in ["# heading", "1. list", "- bullet", "> quote"] {
            assert!(!line.trim_start().starts_with(start), "line {line:?}");
        }
    }
}

/// Cells of a Markdown table row: unescaped `|` separators, less the outer two.
fn count_cells(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count - 1
}

#[test]
fn html_escapes_hostile_text_and_loads_nothing() {
    let text =
        String::from_utf8(report::render(&hostile_comparison(), Format::Html).unwrap()).unwrap();
    let lower = text.to_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert!(!lower.contains("<img"), "an image element");
    assert!(!lower.contains("javascript:alert(1)\""), "a live link");
    for attribute in [" src=", " href=", " onerror=", " onload="] {
        assert!(!lower.contains(attribute), "attribute {attribute}");
    }
    assert!(text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(text.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    ));
    assert!(!lower.contains("<link"), "an external stylesheet");
    assert!(!lower.contains("url("), "a CSS URL");
}

#[test]
fn html_shows_symbols_matrix_and_word_diff() {
    let comparison = frozen_comparison();
    let text = String::from_utf8(report::render(&comparison, Format::Html).unwrap()).unwrap();
    for id in [
        "summary",
        "matrix",
        "side-by-side",
        "differences",
        "evidence",
    ] {
        assert!(text.contains(&format!("id=\"{id}\"")), "section {id}");
    }
    // The changed number of c4 shows as a deletion and an insertion.
    assert!(text.contains("<del>50</del><ins>80</ins>"));
    // One matrix cell per claim per outlet.
    let cells = text.matches("<td class=\"cell s-").count();
    assert_eq!(cells, comparison.claims.len() * comparison.outlets.len());
    assert!(text.contains("@media print"));
    let sha = comparison.outlets[0].sha256.as_deref().unwrap();
    assert!(text.contains(sha), "the evidence names the page's sha256");
}

#[test]
fn sqlite_keys_hold_across_a_collection() {
    let config = fixture_config();
    let comparisons = compare_all(&config);
    assert_eq!(comparisons.len(), 2, "two fixture stories compare");
    let mut writer =
        report::collection::CollectionWriter::new(Format::Sqlite, Default::default()).unwrap();
    for comparison in &comparisons {
        writer.add(comparison).unwrap();
    }
    writer.add(&frozen_comparison()).unwrap_err(); // factory-fire is there already
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("collection.sqlite");
    parallax::commands::write_output(Some(&path), &writer.finish().unwrap()).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| db.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(count("PRAGMA user_version"), 5);
    let headlines = comparisons
        .iter()
        .flat_map(|c| &c.claims)
        .flat_map(|c| c.statuses.values())
        .filter(|s| s.headline)
        .count();
    assert!(headlines > 0, "the fixture articles have headlines");
    assert_eq!(
        count("SELECT count(*) FROM statuses WHERE headline = 1"),
        headlines as i64
    );
    assert_eq!(count("SELECT count(*) FROM stories"), 2);
    let statuses: usize = comparisons
        .iter()
        .map(|c| c.claims.iter().map(|cl| cl.statuses.len()).sum::<usize>())
        .sum();
    assert_eq!(count("SELECT count(*) FROM statuses"), statuses as i64);
    let missing: usize = comparisons
        .iter()
        .flat_map(|c| &c.claims)
        .flat_map(|cl| cl.statuses.values())
        .filter(|s| s.status == Status::Missing)
        .count();
    assert_eq!(
        count("SELECT count(*) FROM statuses WHERE status = 'missing'"),
        missing as i64
    );
    let broken: i64 = db
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count() as i64;
    assert_eq!(broken, 0, "every key points at a row");
    let relations: usize = comparisons
        .iter()
        .map(|c| c.provenance.relations.len())
        .sum();
    assert_eq!(
        count("SELECT count(*) FROM provenance_relations"),
        relations as i64
    );
    let items: usize = comparisons
        .iter()
        .flat_map(|c| &c.provenance.pairs)
        .map(|p| p.verbatim.len() + p.particulars.len() + p.credits.len())
        .sum();
    assert_eq!(
        count("SELECT count(*) FROM provenance_evidence"),
        items as i64
    );
    // Across stories: how often one outlet derives from another, as the view and the tally say.
    let mut tally = report::collection::ProvenanceTally::default();
    for comparison in &comparisons {
        tally.add(comparison);
    }
    let derived: usize = tally
        .derivations()
        .iter()
        .map(|(_, _, t)| t.wholly + t.partially)
        .sum();
    assert_eq!(
        count("SELECT coalesce(sum(stories_derived), 0) FROM provenance_outlet_pairs"),
        derived as i64
    );
    // SQL across stories: claims each outlet carries, over the whole collection.
    let carried = count(
        "SELECT count(*) FROM statuses s JOIN claims c USING (story, claim) \
         WHERE s.outlet = 'rewrite' AND s.status IN ('appears', 'differs')",
    );
    assert!(carried > 0);
}

/// (A crash in the middle of writing is injected in `report_cli.rs`.)
#[test]
fn writing_is_atomic_when_it_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.sqlite");
    report::write_file(&frozen_comparison(), Format::Sqlite, &path).unwrap();
    let old = std::fs::read(&path).unwrap();

    // The writer fails (two claims with one id cannot be keys): the old file stays.
    let mut broken = frozen_comparison();
    broken.claims[1].id = broken.claims[0].id.clone();
    assert!(report::write_file(&broken, Format::Sqlite, &path).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), old);

    // Writing works again, replaces the file whole and leaves nothing beside it.
    report::write_file(&frozen_comparison(), Format::Sqlite, &path).unwrap();
    assert!(
        std::fs::read(&path)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

mod arbitrary_text {
    //! Writers never panic, whatever the text and however wrong the spans.
    use super::*;
    use parallax::model::{DiffOp, DiffPiece, TextSpan};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn every_format_writes_any_text_and_any_span(
            texts in proptest::collection::vec(any::<String>(), 8),
            spans in proptest::collection::vec((0usize..6, 0usize..400, 0usize..400), 6),
        ) {
            let mut comparison = frozen_comparison();
            let mut next = texts.iter().cycle();
            for outlet in &mut comparison.outlets {
                outlet.name = next.next().unwrap().clone();
                for paragraph in &mut outlet.paragraphs {
                    *paragraph = next.next().unwrap().clone();
                }
            }
            for (claim, &(paragraph, start, end)) in comparison.claims.iter_mut().zip(spans.iter().cycle()) {
                claim.text = next.next().unwrap().clone();
                for status in claim.statuses.values_mut() {
                    status.spans = vec![TextSpan { paragraph, start, end }];
                    status.diff = vec![DiffPiece { op: DiffOp::Insert, text: next.next().unwrap().clone() }];
                    status.reasons = vec![next.next().unwrap().clone()];
                }
            }
            for format in [Format::Json, Format::Csv, Format::Md, Format::Html, Format::Sqlite] {
                prop_assert!(report::render(&comparison, format).is_ok(), "{format:?}");
            }
        }
    }
}
