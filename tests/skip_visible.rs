//! A skipped test says so in the output of a plain `cargo test`, which captures what passing
//! tests print: this runs its own test binary on a test that skips and reads its output.

mod skip;
use skip::skip;

/// Skips when `PARALLAX_SKIP_DEMO` is set (only when run by the test below).
#[test]
fn skips_when_asked() {
    if std::env::var_os("PARALLAX_SKIP_DEMO").is_some() {
        skip("asked to skip");
    }
}

#[test]
fn a_skip_shows_through_the_output_capture() {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "skips_when_asked", "--test-threads=1"])
        .env("PARALLAX_SKIP_DEMO", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("1 passed"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("SKIPPED skips_when_asked: asked to skip"),
        "stderr: {stderr}\nstdout: {stdout}"
    );
}
