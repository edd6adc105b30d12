//! `-o FILE` never destroys what was there: a file that is not a parallax report is refused
//! unless `--force`, permissions and links are kept, and FIFOs and `/dev/stdout` are written
//! through instead of being replaced.

#![cfg(unix)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Two small text articles in `dir`; returns their paths.
fn articles(dir: &Path) -> [PathBuf; 2] {
    let wire = dir.join("wire.txt");
    let daily = dir.join("daily.txt");
    std::fs::write(
        &wire,
        "The river rose by 2 metres on Monday, officials said.",
    )
    .unwrap();
    std::fs::write(
        &daily,
        "The river rose by 3 metres on Monday, officials said.",
    )
    .unwrap();
    [wire, daily]
}

fn diff_to(dir: &Path, output: &Path, extra: &[&str]) -> Output {
    let [wire, daily] = articles(dir);
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(dir)
        .arg("diff")
        .args([&wire, &daily])
        .args(["--format", "md", "-o"])
        .arg(output)
        .args(extra)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn is_markdown_report(bytes: &[u8]) -> bool {
    bytes.starts_with(b"# diff\n")
}

#[test]
fn a_file_that_is_not_a_report_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    std::fs::write(&notes, "my own notes").unwrap();
    let output = diff_to(dir.path(), &notes, &[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("notes.md") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes");
    let output = diff_to(dir.path(), &notes, &["--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(is_markdown_report(&std::fs::read(&notes).unwrap()));
}

#[test]
fn a_user_s_database_is_refused_but_a_previous_report_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("mine.sqlite");
    let db = rusqlite::Connection::open(&db_path).unwrap();
    db.execute_batch("CREATE TABLE stories (x); CREATE TABLE my_notes (y);")
        .unwrap();
    drop(db);
    let before = std::fs::read(&db_path).unwrap();
    assert_eq!(diff_to(dir.path(), &db_path, &[]).status.code(), Some(2));
    assert_eq!(std::fs::read(&db_path).unwrap(), before);
    let report = dir.path().join("report.md");
    assert_eq!(diff_to(dir.path(), &report, &[]).status.code(), Some(0));
    assert_eq!(diff_to(dir.path(), &report, &[]).status.code(), Some(0));
}

#[test]
fn a_replaced_report_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    assert_eq!(diff_to(dir.path(), &report, &[]).status.code(), Some(0));
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(diff_to(dir.path(), &report, &[]).status.code(), Some(0));
    let mode = std::fs::metadata(&report).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn links_are_written_through_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.md");
    std::fs::write(&target, "").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let hard = dir.path().join("hard.md");
    std::fs::hard_link(&target, &hard).unwrap();
    assert_eq!(diff_to(dir.path(), &link, &[]).status.code(), Some(0));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(is_markdown_report(&std::fs::read(&target).unwrap()));
    assert!(is_markdown_report(&std::fs::read(&hard).unwrap()));
    assert_eq!(std::fs::metadata(&target).unwrap().nlink(), 2);
}

#[test]
fn a_fifo_is_written_into_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    assert_eq!(diff_to(dir.path(), &fifo, &[]).status.code(), Some(0));
    assert!(is_markdown_report(&reader.join().unwrap()));
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(
        &std::fs::symlink_metadata(&fifo).unwrap().file_type()
    ));
}

#[test]
fn dev_stdout_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let output = diff_to(dir.path(), Path::new("/dev/stdout"), &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(is_markdown_report(&output.stdout));
}
