//! Keys as data: every user action is an [`Action`]; the default bindings are a table compiled
//! in; a TOML file may rebind any action; and the reverse map (action → keys, with a
//! description) feeds the `?` help overlay, so help can never disagree with the bindings.
//!
//! Key notation: a printable character stands for itself (`j`, `G`, `?`); several characters
//! are a sequence typed in turn (`]c`); named keys are `Up Down Left Right PageUp PageDown Home
//! End Tab BackTab Esc Enter Space Backspace`; modifiers prefix a key (`Ctrl-d`, `Alt-x`).
//!
//! A keymap file maps action names to one key or a list of keys:
//!
//! ```toml
//! scroll_down = ["j", "Down", "Ctrl-n"]
//! quit = "Q"
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use toml::Spanned;

use crate::config::{line_column, nearest};

/// Everything a key can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scroll one line down (or select the next row).
    ScrollDown,
    /// Scroll one line up (or select the previous row).
    ScrollUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// Scroll the claims detail pane down.
    DetailDown,
    /// Scroll the claims detail pane up.
    DetailUp,
    /// Focus the outlet to the left.
    FocusLeft,
    /// Focus the outlet to the right.
    FocusRight,
    /// Next difference.
    NextDifference,
    /// Previous difference.
    PrevDifference,
    /// Next missing claim or paragraph.
    NextMissing,
    /// Previous missing claim or paragraph.
    PrevMissing,
    /// Start a search.
    Search,
    /// Next search match, or the next difference when no search is active.
    NextMatch,
    /// Previous search match, or the previous difference when no search is active.
    PrevMatch,
    /// Cycle the status filter (all, differences, missing, added).
    CycleFilter,
    /// Cycle the reason-kind filter (any, number, date, quote, ...).
    CycleKindFilter,
    /// Make the focused outlet the reference.
    MakeReference,
    /// Open the focused article's URL in the browser.
    OpenUrl,
    /// Copy the selected claim with its source (OSC 52).
    CopyClaim,
    /// Export the current view to a file in the current directory.
    Export,
    /// Fetch the story again.
    Refetch,
    /// Prompt for a URL to add to the story (sources.toml, fetched, compared again).
    AddArticle,
    /// Show or hide the key help.
    Help,
    /// Close an overlay, leave a search, go back to side by side, or quit.
    Back,
    /// Quit at once.
    Quit,
    /// Back to the story picker (when `parallax` opened with one).
    StoryPicker,
    /// Suspend to the shell (resume with `fg`).
    Suspend,
    /// Next view.
    NextView,
    /// Previous view.
    PrevView,
    /// The side-by-side view.
    ViewSideBySide,
    /// The claims matrix.
    ViewClaims,
    /// The summary.
    ViewSummary,
    /// The reader.
    ViewReader,
    /// Sources: who was written from whom.
    ViewSources,
    /// The framing lens.
    ViewFraming,
    /// Open the selected entry: in Sources, a pair's evidence or a passage side by side; in
    /// Framing, the selected row's passage in the reader.
    Activate,
}

/// The default bindings and the help text of each action, in help order.
pub const DEFAULT_BINDINGS: &[(Action, &[&str], &str)] = &[
    (Action::ScrollDown, &["j", "Down"], "scroll down / next row"),
    (Action::ScrollUp, &["k", "Up"], "scroll up / previous row"),
    (
        Action::HalfPageDown,
        &["Ctrl-d", "PageDown"],
        "half a page down",
    ),
    (Action::HalfPageUp, &["Ctrl-u", "PageUp"], "half a page up"),
    (Action::Top, &["g", "Home"], "top"),
    (Action::Bottom, &["G", "End"], "bottom"),
    (Action::DetailDown, &["J"], "scroll the claim detail down"),
    (Action::DetailUp, &["K"], "scroll the claim detail up"),
    (
        Action::FocusLeft,
        &["h", "Left"],
        "focus the outlet to the left",
    ),
    (
        Action::FocusRight,
        &["l", "Right"],
        "focus the outlet to the right",
    ),
    (Action::NextDifference, &["]c"], "next difference"),
    (Action::PrevDifference, &["[c"], "previous difference"),
    (Action::NextMissing, &["]m"], "next missing"),
    (Action::PrevMissing, &["[m"], "previous missing"),
    (Action::Search, &["/"], "search"),
    (
        Action::NextMatch,
        &["n"],
        "next match (next difference without a search)",
    ),
    (
        Action::PrevMatch,
        &["N"],
        "previous match (previous difference without a search)",
    ),
    (
        Action::CycleFilter,
        &["f"],
        "filter: all / differences / missing / added",
    ),
    (
        Action::CycleKindFilter,
        &["F"],
        "filter by reason: number, date, quote, ...",
    ),
    (
        Action::MakeReference,
        &["r"],
        "make the focused outlet the reference",
    ),
    (
        Action::OpenUrl,
        &["o"],
        "open the focused article in the browser",
    ),
    (
        Action::CopyClaim,
        &["y"],
        "copy the selected claim with its source",
    ),
    (
        Action::Export,
        &["e"],
        "export the current view (Markdown, JSON, HTML)",
    ),
    (Action::Refetch, &["R"], "fetch the story again"),
    (
        Action::AddArticle,
        &["a"],
        "add an article's URL to the story (sources.toml)",
    ),
    (Action::Help, &["?"], "this help"),
    (Action::Back, &["q", "Esc"], "back / close / quit"),
    (Action::Quit, &["Ctrl-c"], "quit"),
    (Action::StoryPicker, &["p"], "back to the story picker"),
    (Action::Suspend, &["Ctrl-z"], "suspend (resume with fg)"),
    (Action::NextView, &["Tab"], "next view"),
    (Action::PrevView, &["BackTab"], "previous view"),
    (Action::ViewSideBySide, &["1"], "side by side"),
    (Action::ViewClaims, &["2"], "claims matrix"),
    (Action::ViewSummary, &["3"], "summary"),
    (Action::ViewReader, &["4"], "reader"),
    (
        Action::ViewSources,
        &["5"],
        "sources: who was written from whom",
    ),
    (Action::ViewFraming, &["6"], "framing lens"),
    (
        Action::Activate,
        &["Enter"],
        "in sources: go to a pair's evidence or a passage side by side; in framing: open the row's passage",
    ),
];

/// One key press: a key and its Ctrl/Alt modifiers (Shift is part of the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    /// The key.
    pub code: ChordKey,
    /// Ctrl held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

/// The keys a chord can name (a comparable subset of crossterm's `KeyCode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChordKey {
    /// A character (case matters).
    Char(char),
    /// A named key.
    Named(NamedKey),
    /// A function key.
    F(u8),
}

/// Named keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum NamedKey {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Esc,
    Enter,
    Space,
    Backspace,
}

const NAMED_KEYS: &[(&str, NamedKey)] = &[
    ("Up", NamedKey::Up),
    ("Down", NamedKey::Down),
    ("Left", NamedKey::Left),
    ("Right", NamedKey::Right),
    ("PageUp", NamedKey::PageUp),
    ("PageDown", NamedKey::PageDown),
    ("Home", NamedKey::Home),
    ("End", NamedKey::End),
    ("Tab", NamedKey::Tab),
    ("BackTab", NamedKey::BackTab),
    ("Esc", NamedKey::Esc),
    ("Enter", NamedKey::Enter),
    ("Space", NamedKey::Space),
    ("Backspace", NamedKey::Backspace),
];

impl KeyChord {
    /// The chord of a terminal key event; None for keys parallax never binds.
    pub fn from_event(event: &KeyEvent) -> Option<KeyChord> {
        let code = match event.code {
            KeyCode::Char(' ') => ChordKey::Named(NamedKey::Space),
            KeyCode::Char(c) => ChordKey::Char(c),
            KeyCode::F(n) => ChordKey::F(n),
            KeyCode::Up => ChordKey::Named(NamedKey::Up),
            KeyCode::Down => ChordKey::Named(NamedKey::Down),
            KeyCode::Left => ChordKey::Named(NamedKey::Left),
            KeyCode::Right => ChordKey::Named(NamedKey::Right),
            KeyCode::PageUp => ChordKey::Named(NamedKey::PageUp),
            KeyCode::PageDown => ChordKey::Named(NamedKey::PageDown),
            KeyCode::Home => ChordKey::Named(NamedKey::Home),
            KeyCode::End => ChordKey::Named(NamedKey::End),
            KeyCode::Tab => ChordKey::Named(NamedKey::Tab),
            KeyCode::BackTab => ChordKey::Named(NamedKey::BackTab),
            KeyCode::Esc => ChordKey::Named(NamedKey::Esc),
            KeyCode::Enter => ChordKey::Named(NamedKey::Enter),
            KeyCode::Backspace => ChordKey::Named(NamedKey::Backspace),
            _ => return None,
        };
        Some(KeyChord {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        })
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            ChordKey::Char(c) => write!(f, "{c}"),
            ChordKey::F(n) => write!(f, "F{n}"),
            ChordKey::Named(named) => {
                let name = NAMED_KEYS
                    .iter()
                    .find(|(_, k)| *k == named)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

/// Parses one key in the notation above into its sequence of chords.
pub fn parse_keys(notation: &str) -> Result<Vec<KeyChord>, String> {
    let mut rest = notation;
    let (mut ctrl, mut alt) = (false, false);
    loop {
        if let Some(r) = rest.strip_prefix("Ctrl-").filter(|r| !r.is_empty()) {
            ctrl = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Alt-").filter(|r| !r.is_empty()) {
            alt = true;
            rest = r;
        } else {
            break;
        }
    }
    let single = |code| KeyChord { code, ctrl, alt };
    if let Some((_, named)) = NAMED_KEYS.iter().find(|(n, _)| *n == rest) {
        return Ok(vec![single(ChordKey::Named(*named))]);
    }
    if let Some(n) = rest.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
        return Ok(vec![single(ChordKey::F(n))]);
    }
    let chars: Vec<char> = rest.chars().collect();
    if chars.is_empty() || chars.iter().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!("{notation:?} is not a key"));
    }
    if (ctrl || alt) && chars.len() > 1 {
        return Err(format!("{notation:?}: a modifier takes one key"));
    }
    Ok(chars
        .into_iter()
        .map(|c| single(ChordKey::Char(c)))
        .collect())
}

/// What a key press resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOutcome {
    /// A binding matched.
    Action(Action),
    /// The keys so far start a longer binding; wait for the next one.
    Pending,
    /// Nothing is bound to these keys.
    Unbound,
}

/// The active bindings: key sequences to actions.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<(Vec<KeyChord>, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULT_BINDINGS
            .iter()
            .flat_map(|(action, keys, _)| {
                keys.iter().map(move |key| {
                    (
                        parse_keys(key).expect("default bindings are valid"),
                        *action,
                    )
                })
            })
            .collect();
        Keymap { bindings }
    }
}

/// A keymap file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct KeymapError {
    /// The file, followed by `:line:column` where the problem is known to stand.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Keymap {
    /// The default bindings with the overrides of a TOML keymap text applied: each action named
    /// in the file gets exactly the keys listed there, and those keys leave any other action.
    pub fn with_overrides(toml_text: &str, path: &str) -> Result<Keymap, KeymapError> {
        let error = |at: Option<Range<usize>>, message: String| {
            let place = at.map_or_else(String::new, |span| {
                let (line, column) = line_column(toml_text, span.start);
                format!(":{line}:{column}")
            });
            KeymapError {
                path: format!("{path}{place}"),
                message,
            }
        };
        let table: BTreeMap<Spanned<String>, Spanned<OneOrMany>> = toml::from_str(toml_text)
            .map_err(|err| error(err.span(), err.message().trim().to_string()))?;
        let known: Vec<String> = DEFAULT_BINDINGS
            .iter()
            .map(|(a, _, _)| action_name(*a))
            .collect();
        let mut overrides = Vec::new();
        for (name, keys) in table {
            let action: Action =
                serde::Deserialize::deserialize(serde::de::value::StrDeserializer::<
                    serde::de::value::Error,
                >::new(name.get_ref()))
                .map_err(|_| {
                    let names: Vec<&str> = known.iter().map(String::as_str).collect();
                    let hint = match nearest(name.get_ref(), &names) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("known actions: {}", known.join(", ")),
                    };
                    error(
                        Some(name.span()),
                        format!("unknown action {:?}; {hint}", name.get_ref()),
                    )
                })?;
            let span = keys.span();
            let keys = match keys.into_inner() {
                OneOrMany::One(key) => vec![key],
                OneOrMany::Many(keys) => keys,
            };
            for key in keys {
                let chords = parse_keys(&key)
                    .map_err(|e| error(Some(span.clone()), format!("{}: {e}", name.get_ref())))?;
                overrides.push((chords, action));
            }
        }
        let mut keymap = Keymap::default();
        keymap.bindings.retain(|(chords, action)| {
            !overrides
                .iter()
                .any(|(o_chords, o_action)| o_action == action || o_chords == chords)
        });
        keymap.bindings.extend(overrides);
        Ok(keymap)
    }

    /// Reads a keymap file (see [`Keymap::with_overrides`]).
    pub fn load(path: &Path) -> Result<Keymap, KeymapError> {
        let text = std::fs::read_to_string(path).map_err(|err| KeymapError {
            path: path.display().to_string(),
            message: format!("cannot read the file: {err}"),
        })?;
        Keymap::with_overrides(&text, &path.display().to_string())
    }

    /// Resolves the keys typed so far (`pending` then the new chord).
    pub fn resolve(&self, typed: &[KeyChord]) -> KeyOutcome {
        if let Some((_, action)) = self.bindings.iter().find(|(keys, _)| keys == typed) {
            return KeyOutcome::Action(*action);
        }
        if self
            .bindings
            .iter()
            .any(|(keys, _)| keys.len() > typed.len() && keys.starts_with(typed))
        {
            return KeyOutcome::Pending;
        }
        KeyOutcome::Unbound
    }

    /// The keys bound to an action, in notation, for help.
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(chords, _)| chords.iter().map(ToString::to_string).collect::<String>())
            .collect()
    }

    /// The reverse map for the help overlay: each action in help order with its keys and
    /// description.
    pub fn help_entries(&self) -> Vec<(Action, Vec<String>, &'static str)> {
        DEFAULT_BINDINGS
            .iter()
            .map(|(action, _, description)| (*action, self.keys_for(*action), *description))
            .collect()
    }
}

/// The keymap file's name of an action (`scroll_down`).
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chords(keys: &str) -> Vec<KeyChord> {
        parse_keys(keys).unwrap()
    }

    #[test]
    fn sequences_wait_for_their_second_key() {
        let keymap = Keymap::default();
        assert_eq!(keymap.resolve(&chords("]")), KeyOutcome::Pending);
        assert_eq!(
            keymap.resolve(&chords("]c")),
            KeyOutcome::Action(Action::NextDifference)
        );
        assert_eq!(keymap.resolve(&chords("]x")), KeyOutcome::Unbound);
        assert_eq!(
            keymap.resolve(&chords("Ctrl-d")),
            KeyOutcome::Action(Action::HalfPageDown)
        );
    }

    #[test]
    fn overrides_replace_an_actions_keys_and_take_the_key_from_others() {
        let keymap =
            Keymap::with_overrides("quit = \"j\"\nscroll_down = [\"Ctrl-n\"]", "k.toml").unwrap();
        assert_eq!(
            keymap.resolve(&chords("j")),
            KeyOutcome::Action(Action::Quit)
        );
        assert_eq!(keymap.keys_for(Action::ScrollDown), vec!["Ctrl-n"]);
        assert_eq!(keymap.keys_for(Action::Quit), vec!["j"]);
        assert_eq!(keymap.resolve(&chords("Ctrl-c")), KeyOutcome::Unbound);
    }

    #[test]
    fn bad_keymap_files_name_the_problem() {
        let err = Keymap::with_overrides("quit = \"q\"\nfly = \"x\"", "k.toml").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("k.toml:2:1: unknown action \"fly\"; known actions:"),
            "{err}"
        );
        let err = Keymap::with_overrides("\nscrol_down = \"x\"", "k.toml").unwrap_err();
        assert!(
            err.to_string().ends_with(
                "k.toml:2:1: unknown action \"scrol_down\"; did you mean `scroll_down`?"
            ),
            "{err}"
        );
        let err = Keymap::with_overrides("\n\nquit = \"Ctrl-ab\"", "k.toml").unwrap_err();
        assert!(
            err.to_string().starts_with("k.toml:3:8: quit:")
                && err.to_string().contains("a modifier takes one key"),
            "{err}"
        );
        let err = Keymap::with_overrides("quit = [", "k.toml").unwrap_err();
        assert!(err.to_string().starts_with("k.toml:1:9: "), "{err}");
    }

    #[test]
    fn help_lists_every_action_with_its_keys() {
        let keymap = Keymap::default();
        let entries = keymap.help_entries();
        assert_eq!(entries.len(), DEFAULT_BINDINGS.len());
        assert!(entries.iter().all(|(_, keys, _)| !keys.is_empty()));
        assert_eq!(action_name(Action::NextDifference), "next_difference");
        assert_eq!(keymap.keys_for(Action::Top), vec!["g", "Home"]);
    }
}
