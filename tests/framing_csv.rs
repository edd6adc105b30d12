//! The framing words as CSV (`compare --format csv --table framing`) hold the rows and cells of
//! the SQLite table `framing_words`, under the same column names; the loaded words an outlet
//! adds show as `added` rows.

use parallax::align::compare;
use parallax::model::{EngineSettings, OutletEntry};
use parallax::report::csv::Table;
use parallax::report::sqlite_framing::COLUMNS;
use parallax::report::{Format, Options, render, render_with};

fn comparison() -> parallax::model::Comparison {
    let outlet = |id: &str, paragraphs: &[&str]| OutletEntry::from_text(id, "", paragraphs);
    compare(
        "s",
        vec![
            outlet(
                "ref",
                &[
                    "Officials said the plan was aimed at acquiring foreign technology for the labs.",
                    "The committee met on Tuesday to discuss the budget of the new program.",
                ],
            ),
            outlet(
                "other",
                &[
                    "Officials claimed the plan was aimed at stealing foreign technology for the labs.",
                    "The committee met on Tuesday to discuss the disastrous budget of the new program.",
                ],
            ),
        ],
        "ref",
        Vec::new(),
        &EngineSettings::default(),
    )
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn sqlite_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("framing.sqlite");
    std::fs::write(&path, bytes).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let mut query = db.prepare("SELECT * FROM framing_words").unwrap();
    let header = query.column_names().map(String::from).collect();
    let rows = query
        .query_map([], |row| {
            (0..COLUMNS.len())
                .map(|i| {
                    let value: rusqlite::types::Value = row.get(i)?;
                    Ok(match value {
                        rusqlite::types::Value::Null => String::new(),
                        rusqlite::types::Value::Integer(n) => n.to_string(),
                        rusqlite::types::Value::Text(t) => t,
                        other => format!("{other:?}"),
                    })
                })
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    (header, rows)
}

#[test]
fn the_framing_csv_holds_the_sqlite_framing_words_table() {
    let comparison = comparison();
    let options = Options {
        csv_table: Table::Framing,
        ..Options::default()
    };
    let (csv_header, csv) = csv_rows(&render_with(&comparison, Format::Csv, options).unwrap());
    let (sql_header, sql) = sqlite_rows(&render(&comparison, Format::Sqlite).unwrap());
    assert_eq!(csv_header, COLUMNS);
    assert_eq!(csv_header, sql_header);
    assert_eq!(csv, sql);
    let row = |kind: &str, text: &str| {
        csv.iter()
            .find(|r| r[2] == kind && r[1] == "other" && r[4] == text)
            .unwrap_or_else(|| panic!("no {kind} row {text:?} in {csv:?}"))
    };
    assert_eq!(row("substitution", "stealing")[3], "acquiring");
    assert!(row("added", "disastrous")[7].starts_with("disastrous -"));
    assert_eq!(row("substitution", "claimed")[3], "said");
}

#[test]
fn the_claims_csv_stays_the_default() {
    let bytes = render(&comparison(), Format::Csv).unwrap();
    let (header, _) = csv_rows(&bytes);
    assert_eq!(header[..4], ["story", "claim_id", "origin", "outlet"]);
}
