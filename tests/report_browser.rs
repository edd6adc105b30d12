//! The HTML report opened in headless Chromium: the screenshot must show the comparison (the
//! heat map's status colours), not a blank page. Skipped, saying so, where no Chromium is
//! installed (`.ci/run` installs Debian's `chromium`).

mod report_support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parallax::report::{self, Format};

mod skip;
use skip::skip;

const BROWSERS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

fn find_browser() -> Option<String> {
    BROWSERS.iter().map(|b| b.to_string()).find(|browser| {
        Command::new(browser)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// Runs the browser to take a screenshot, killing it after two minutes at most.
fn screenshot(browser: &str, page: &Path, png: &Path, profile: &Path) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1280,2000")
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{browser} did not finish the screenshot in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn html_report_renders_the_comparison_in_chromium() {
    let Some(browser) = find_browser() else {
        skip("chromium not found");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("factory-fire.html");
    report::write_file(&report_support::frozen_comparison(), Format::Html, &page).unwrap();
    let png = dir.path().join("shot.png");
    screenshot(&browser, &page, &png, &dir.path().join("profile"));

    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((frame.width, frame.height), (1280, 2000));
    let channels = frame.color_type.samples();
    assert!(channels >= 3, "colour screenshot");
    let rgb: Vec<[u8; 3]> = pixels[..frame.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    let near = |p: &[u8; 3], c: [u8; 3]| p.iter().zip(c).all(|(a, b)| a.abs_diff(b) <= 8);
    let inked = rgb.iter().filter(|p| !near(p, [255, 255, 255])).count();
    assert!(
        inked * 20 > rgb.len(),
        "the page is nearly blank: {inked} of {} pixels inked",
        rgb.len()
    );
    // The heat map's Okabe-Ito status colours are on screen.
    for (name, colour) in [
        ("appears", [0x00, 0x9E, 0x73]),
        ("differs", [0xE6, 0x9F, 0x00]),
        ("missing", [0xD5, 0x5E, 0x00]),
        ("added", [0x00, 0x72, 0xB2]),
    ] {
        let count = rgb.iter().filter(|p| near(p, colour)).count();
        assert!(count > 500, "{name} colour shows on {count} pixels only");
    }
}
