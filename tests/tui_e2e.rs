//! The real binary in a real terminal: tmux runs `parallax` on the demo story (offline, from
//! the shipped cache; through the story picker, and back to it with `p`), the test types
//! keys, reads the screen, and checks that quitting with `q`, SIGTERM and Ctrl-Z (then `fg`)
//! all leave or restore the terminal properly. Skips, saying
//! why, when tmux is not installed (CI installs it). Every wait is bounded.

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

mod skip;
use skip::skip;

/// How long any one screen may take to appear.
const WAIT: Duration = Duration::from_secs(20);
/// The shipped sample story, opened by name (without a name the story picker comes first).
const DEMO_STORY: &str = "hebei-tech-transfer";

/// One tmux server of our own (its own socket), so the test never touches the user's sessions.
struct Tmux {
    socket: String,
    session: String,
    _state: tempfile::TempDir,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Starts an interactive shell (job control on, as a user's) in a 120x40 pane at the
    /// repository root and types the command that runs the binary on the demo story and
    /// reports its exit code.
    fn start(name: &str) -> Tmux {
        Tmux::start_with(name, "", DEMO_STORY)
    }

    /// Like [`Tmux::start`], with extra `NAME=value` environment words and arguments.
    fn start_with(name: &str, env: &str, args: &str) -> Tmux {
        let state = tempfile::tempdir().expect("temp dir");
        let tmux = Tmux {
            socket: format!("parallax-e2e-{}-{name}", std::process::id()),
            session: name.to_string(),
            _state: state,
        };
        let root = env!("CARGO_MANIFEST_DIR");
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "120",
            "-y",
            "40",
            "-c",
            root,
            "env",
            "PS1=$ ",
            "sh",
            "-i",
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let command = format!(
            "env XDG_STATE_HOME='{}' {env} '{}' --offline {args}; echo EXITED $?",
            tmux._state.path().display(),
            env!("CARGO_BIN_EXE_parallax")
        );
        tmux.keys(&[&command, "Enter"]);
        tmux
    }

    /// The screen with its colours and emphasis as escape sequences.
    fn screen_with_styles(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-e", "-t", &self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-t", &self.session])
                .stdout,
        )
        .into_owned()
    }

    fn alternate_screen_on(&self) -> bool {
        let out = self.run(&[
            "display-message",
            "-p",
            "-t",
            &self.session,
            "#{alternate_on}",
        ]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            let out = self.run(&["send-keys", "-t", &self.session, key]);
            assert!(out.status.success());
        }
    }

    /// Waits until the screen contains `text`; panics with the screen after [`WAIT`].
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > WAIT {
                panic!("waited {WAIT:?} for {text:?}; the screen shows:\n{screen}");
            }
            sleep(Duration::from_millis(100));
        }
    }

    /// Waits until `check` holds; panics with the screen after [`WAIT`].
    fn wait_until(&self, what: &str, check: impl Fn(&Tmux) -> bool) {
        let start = Instant::now();
        while !check(self) {
            if start.elapsed() > WAIT {
                panic!(
                    "waited {WAIT:?} for {what}; the screen shows:\n{}",
                    self.screen()
                );
            }
            sleep(Duration::from_millis(100));
        }
    }

    /// The parallax process: the shell's child in the pane.
    fn app_pid(&self) -> Option<String> {
        let out = self.run(&["display-message", "-p", "-t", &self.session, "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let children =
            std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).ok()?;
        children.split_whitespace().next().map(str::to_string)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

fn ready() -> bool {
    if !Tmux::available() {
        skip("tmux is not installed");
        return false;
    }
    if !Path::new(env!("CARGO_MANIFEST_DIR")).join("cache").is_dir() {
        skip("the demo story's cache/ is not in the repository");
        return false;
    }
    true
}

#[test]
fn a_user_reads_the_demo_story_and_quits_with_q() {
    if !ready() {
        return;
    }
    // No story named: the picker opens on the demo story, and Enter opens it.
    let tmux = Tmux::start_with("read", "", "");
    let picker = tmux.wait_for("choose a story");
    assert!(
        picker.contains("▶ hebei-tech-transfer") && picker.contains("hebei-live"),
        "{picker}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("The Meridian Ledger (reference)");
    assert!(tmux.alternate_screen_on());
    tmux.keys(&["2"]);
    tmux.wait_for("wording (origin)");
    tmux.keys(&["3"]);
    tmux.wait_for("Share of the reference's claims");
    tmux.keys(&["4"]);
    tmux.wait_for("Clear Sky Daily");
    tmux.keys(&["?"]);
    tmux.wait_for("next difference");
    tmux.keys(&["q", "1", "]", "c"]);
    tmux.keys(&["/", "Hebei", "Enter"]);
    tmux.wait_for("search \"Hebei\"");
    tmux.keys(&["Escape"]);
    tmux.wait_until("the search to end", |t| {
        !t.screen().contains("search \"Hebei\"")
    });
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("EXITED 0");
    assert!(
        !screen.contains("1 Side by side"),
        "the interface is gone:\n{screen}"
    );
    assert!(!tmux.alternate_screen_on(), "the alternate screen was left");
}

#[test]
fn p_goes_back_from_a_story_to_the_picker_and_the_other_story_opens() {
    if !ready() {
        return;
    }
    let tmux = Tmux::start_with("back", "", "");
    tmux.wait_for("choose a story");
    tmux.keys(&["Enter"]);
    let story = tmux.wait_for("The Meridian Ledger (reference)");
    assert!(
        story.contains("p stories"),
        "the hint names the key:\n{story}"
    );
    tmux.keys(&["p"]);
    let picker = tmux.wait_for("choose a story");
    assert!(picker.contains("▶ hebei-tech-transfer"), "{picker}");
    assert!(tmux.alternate_screen_on(), "one session throughout");
    // The other story opens (offline, its articles not cached: it says so), and q quits.
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("visiontimes: failed");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED 0");
    assert!(!tmux.alternate_screen_on(), "the alternate screen was left");
}

#[test]
fn diff_with_tui_reads_two_files_side_by_side() {
    if !ready() {
        return;
    }
    let files = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| {
        let path = files.path().join(name);
        std::fs::write(&path, text).expect("write input");
        path.display().to_string()
    };
    let first = write(
        "first.txt",
        "The council approved a budget of 1.5 million dollars on Monday.\n\nThe vote was 7 to 2.",
    );
    let second = write(
        "second.txt",
        "On Monday the council passed a $1.5 million budget.\n\nThe vote was 7 to 2.",
    );
    let tmux = Tmux::start_with("diff", "", &format!("diff --tui '{first}' '{second}'"));
    let screen = tmux.wait_for("first (reference)");
    assert!(screen.contains("second"), "{screen}");
    tmux.keys(&["2"]);
    tmux.wait_for("wording (origin)");
    // `q` goes back to side by side, then quits.
    tmux.keys(&["q", "q"]);
    tmux.wait_for("EXITED 0");
    assert!(!tmux.alternate_screen_on(), "the alternate screen was left");
}

#[test]
fn sigterm_restores_the_terminal() {
    if !ready() {
        return;
    }
    let tmux = Tmux::start("term");
    tmux.wait_for("The Meridian Ledger (reference)");
    let Some(pid) = tmux.app_pid() else {
        skip("cannot find the process (no /proc)");
        return;
    };
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    tmux.wait_for("EXITED 0");
    assert!(!tmux.alternate_screen_on());
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    if !ready() {
        return;
    }
    let tmux = Tmux::start("suspend");
    tmux.wait_for("The Meridian Ledger (reference)");
    let Some(pid) = tmux.app_pid() else {
        skip("cannot find the process (no /proc)");
        return;
    };
    tmux.keys(&["C-z"]);
    tmux.wait_until("the terminal to be given back", |t| {
        !t.alternate_screen_on()
    });
    let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    assert!(state.contains(") T "), "the process is stopped: {state}");
    tmux.keys(&["fg", "Enter"]);
    tmux.wait_until("the interface to come back", |t| t.alternate_screen_on());
    tmux.wait_for("The Meridian Ledger (reference)");
    tmux.keys(&["q"]);
    // The shell already printed the status of the stopped job; now the process ends.
    tmux.wait_until("the process to end", |_| {
        !Path::new(&format!("/proc/{pid}")).exists()
    });
    assert!(!tmux.alternate_screen_on());
}

#[test]
fn no_color_draws_without_colour_and_ctrl_c_quits() {
    if !ready() {
        return;
    }
    let truecolor = |styled: &str| styled.contains("38;2;") || styled.contains("48;2;");
    let coloured = Tmux::start("colour");
    coloured.wait_for("The Meridian Ledger (reference)");
    assert!(
        truecolor(&coloured.screen_with_styles()),
        "colours by default"
    );
    let plain = Tmux::start_with("nocolor", "NO_COLOR=1", DEMO_STORY);
    plain.wait_for("The Meridian Ledger (reference)");
    let styled = plain.screen_with_styles();
    assert!(!truecolor(&styled), "no colour under NO_COLOR");
    assert!(styled.contains("\u{1b}["), "emphasis is still drawn");
    plain.keys(&["C-c"]);
    plain.wait_for("EXITED 0");
    assert!(!plain.alternate_screen_on());
}
