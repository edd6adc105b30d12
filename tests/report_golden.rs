//! Golden files of every report format (`tests/golden/report/`), from the frozen fixture
//! comparison and from the demo story when it ships. `UPDATE_GOLDEN=1` rewrites them.

mod report_support;

use parallax::report::{self, Format, Options};
use report_support::{assert_golden, dump_sqlite, frozen_comparison};

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
    let marked = report::render_with(&comparison, Format::Csv, Options { bom: true }).unwrap();
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
