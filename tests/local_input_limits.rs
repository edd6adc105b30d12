//! Local inputs (`extract`, `diff`, a story's `path`) are read like pages are fetched: only
//! regular files, never more than `max_body_bytes`, decoded by BOM or detection; binary data
//! is refused naming the file (exit 2) and an empty article is a warning naming it.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn parallax(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The run ended with `code` and said `message` on stderr.
fn assert_fails(output: &Output, code: i32, message: &str) {
    assert_eq!(output.status.code(), Some(code), "{}", stderr(output));
    assert!(stderr(output).contains(message), "{}", stderr(output));
}

#[test]
fn devices_and_fifos_are_refused_at_once() {
    let output = parallax(Path::new("."), &["extract", "/dev/zero"]);
    assert_fails(&output, 2, "/dev/zero: is a device");
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("article.txt");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipped the FIFO: mkfifo is not available");
        return;
    }
    // No writer ever comes: reading would hang for ever.
    let output = parallax(dir.path(), &["extract", "article.txt"]);
    assert_fails(&output, 2, "article.txt: is a FIFO");
}

#[test]
fn a_story_path_linked_to_a_device_fails_that_outlet_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "The river rose by 2 metres.").unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("b.txt")).unwrap();
    std::fs::write(
        dir.path().join("sources.toml"),
        "[[outlet]]\nid = \"a\"\nname = \"A\"\n[[outlet]]\nid = \"b\"\nname = \"B\"\n\
         [[story]]\nid = \"s\"\ntitle = \"S\"\n[[story.article]]\noutlet = \"a\"\npath = \"a.txt\"\n\
         [[story.article]]\noutlet = \"b\"\npath = \"b.txt\"\n",
    )
    .unwrap();
    let output = parallax(dir.path(), &["--offline", "compare", "s", "--format", "md"]);
    assert_fails(&output, 1, "b.txt: is a device");
}

#[test]
fn a_file_over_max_body_bytes_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let sparse = dir.path().join("huge.txt");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let output = parallax(dir.path(), &["extract", "huge.txt"]);
    assert_fails(&output, 2, "huge.txt: larger than 10485760 bytes");
}

#[test]
fn text_files_are_decoded_like_pages() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Zürich café\n\n北京市政府今天宣布了新的技术转让计划。";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Le café était fermé à Zürich, déjà.");
    std::fs::write(dir.path().join("latin.txt"), &*latin).unwrap();
    let output = parallax(dir.path(), &["extract", "utf16.txt", "--format", "text"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim_end(), text);
    let output = parallax(dir.path(), &["extract", "latin.txt", "--format", "text"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim_end(),
        "Le café était fermé à Zürich, déjà."
    );
}

#[test]
fn binary_input_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7919 % 251) as u8));
    std::fs::write(dir.path().join("photo.txt"), &png).unwrap();
    std::fs::write(dir.path().join("a.txt"), "The river rose by 2 metres.").unwrap();
    let output = parallax(dir.path(), &["extract", "photo.txt"]);
    assert_fails(&output, 2, "photo.txt: binary data");
    let output = parallax(dir.path(), &["diff", "a.txt", "photo.txt"]);
    assert_fails(&output, 2, "photo.txt: binary data");
    assert!(output.stdout.is_empty());
}

#[test]
fn an_empty_article_is_a_warning_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("blank.html"),
        "<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    let output = parallax(dir.path(), &["extract", "blank.html"]);
    assert_fails(&output, 0, "warning: blank.html: no article text found");
}
