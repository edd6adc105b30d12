//! Golden files of every report format (`tests/golden/report/`), from the frozen fixture
//! comparison and from the demo story when it ships. `UPDATE_GOLDEN=1` rewrites them.

mod report_support;

use parallax::report::{self, Format, Options};
use report_support::{assert_golden, dump_sqlite, frozen_comparison};

mod skip;
use skip::skip;

#[test]
fn text_formats_match_their_goldens() {
    let comparison = frozen_comparison();
    for format in [Format::Json, Format::Csv, Format::Md, Format::Html] {
        let bytes = report::render(&comparison, format).unwrap();
        assert_golden(&format!("factory-fire.{}", format.extension()), &bytes);
    }
}

#[test]
fn csv_with_bom_is_the_csv_after_the_mark() {
    let comparison = frozen_comparison();
    let plain = report::render(&comparison, Format::Csv).unwrap();
    let marked = report::render_with(
        &comparison,
        Format::Csv,
        Options {
            bom: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(&marked[..3], b"\xEF\xBB\xBF");
    assert_eq!(&marked[3..], &plain[..]);
}

#[test]
fn sqlite_tables_match_their_golden() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factory-fire.sqlite");
    report::write_file(&frozen_comparison(), Format::Sqlite, &path).unwrap();
    assert_golden("factory-fire.sqlite.txt", dump_sqlite(&path).as_bytes());
}

/// The demo story (`sources.toml`, `cache/`) in every text format. These goldens follow the
/// engine and the extractor: after a change there, look at the diff and rewrite them with
/// `UPDATE_GOLDEN=1 cargo test --test report_golden`.
#[test]
fn demo_story_matches_its_goldens() {
    let Some(mut config) = report_support::demo_config() else {
        skip("sources.toml has no story");
        return;
    };
    // A generous diff budget, so that a loaded machine cannot cut a word diff short.
    config.compare.diff_deadline_ms = 60_000;
    let story = config.stories[0].clone();
    config.stories = vec![story];
    let comparison = report_support::compare_all(&config)
        .pop()
        .expect("the demo story compares offline from cache/");
    for format in [Format::Json, Format::Csv, Format::Md, Format::Html] {
        let bytes = report::render(&comparison, format).unwrap();
        assert_golden(
            &format!("demo-{}.{}", comparison.story, format.extension()),
            &bytes,
        );
    }
}
