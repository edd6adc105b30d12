//! Colours and emphasis of the terminal interface.
//!
//! Statuses use the Okabe-Ito palette, which stays distinguishable under the common forms of
//! colour blindness, and every status is also drawn with its symbol (`= ~ ∅ + ↕`) and an emphasis
//! (bold, underline, italic, crossed out), so that the interface reads in monochrome. With
//! `NO_COLOR` or `--color never` every colour is dropped and the emphasis stays.

use ratatui::style::{Color, Modifier, Style};

use crate::commands::ColorChoice;
use crate::model::{ChangeClass, Status};

/// Okabe-Ito orange: `differs`.
pub const ORANGE: Color = Color::Rgb(0xE6, 0x9F, 0x00);
/// Okabe-Ito sky blue: `added`.
pub const SKY_BLUE: Color = Color::Rgb(0x56, 0xB4, 0xE9);
/// Okabe-Ito bluish green: `appears`.
pub const BLUISH_GREEN: Color = Color::Rgb(0x00, 0x9E, 0x73);
/// Okabe-Ito yellow: search matches.
pub const YELLOW: Color = Color::Rgb(0xF0, 0xE4, 0x42);
/// Okabe-Ito blue: focus and the active tab.
pub const BLUE: Color = Color::Rgb(0x00, 0x72, 0xB2);
/// Okabe-Ito vermillion: `missing`, failures.
pub const VERMILLION: Color = Color::Rgb(0xD5, 0x5E, 0x00);
/// Okabe-Ito reddish purple: `moved`.
pub const REDDISH_PURPLE: Color = Color::Rgb(0xCC, 0x79, 0xA7);
/// A quiet grey for placeholders and hints.
pub const GREY: Color = Color::Rgb(0x8A, 0x8A, 0x8A);

/// The symbol of a passage that stands out of the reference's order.
pub const MOVED_SYMBOL: &str = "↕";

/// Whether to colour, from `--color` and the `NO_COLOR` convention (any non-empty value).
pub fn use_color(choice: ColorChoice, no_color_env: Option<&str>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => no_color_env.is_none_or(str::is_empty),
    }
}

/// The styles every view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used at all.
    pub color: bool,
}

impl Theme {
    /// A theme with or without colour.
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    fn bg(self, style: Style, color: Color) -> Style {
        if self.color { style.bg(color) } else { style }
    }

    /// The colour of a status (None without colour).
    pub fn status_color(self, status: Status) -> Option<Color> {
        self.color.then_some(match status {
            Status::Appears => BLUISH_GREEN,
            Status::Differs => ORANGE,
            Status::Missing => VERMILLION,
            Status::Added => SKY_BLUE,
        })
    }

    /// A status symbol: its colour, bold.
    pub fn status_symbol(self, status: Status) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        match self.status_color(status) {
            Some(color) => style.fg(color),
            None => style,
        }
    }

    /// A change's class mark (`!` conflict, `?` framing, `.` detail) and class name: vermillion,
    /// yellow and the `differs` orange, bold.
    pub fn class_mark(self, class: ChangeClass) -> Style {
        let color = match class {
            ChangeClass::Conflict => VERMILLION,
            ChangeClass::Framing => YELLOW,
            ChangeClass::Detail => ORANGE,
        };
        self.fg(Style::new().add_modifier(Modifier::BOLD), color)
    }

    /// The moved symbol and its "where in the reference" note.
    pub fn moved(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), REDDISH_PURPLE)
    }

    /// Words of an outlet's sentence that differ from the origin wording.
    pub fn inserted_words(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Black).bg(ORANGE)
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    /// Words a longer passage shares with the claim it carries (read whole, not as a diff).
    pub fn shared_words(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Words reworded from the origin wording without changing a fact (a paraphrase).
    pub fn reworded_words(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// Words of the reference that the focused outlet changed or dropped.
    pub fn deleted_words(self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            VERMILLION,
        )
    }

    /// A sentence of the reference that the focused outlet leaves out.
    pub fn missing_sentence(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::CROSSED_OUT), VERMILLION)
    }

    /// A sentence only this outlet carries.
    pub fn added_sentence(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::ITALIC), SKY_BLUE)
    }

    /// A differing sentence whose changed words could not be located.
    pub fn differing_sentence(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::UNDERLINED), ORANGE)
    }

    /// A search match.
    pub fn search_match(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color {
            style.fg(Color::Black).bg(YELLOW)
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    /// Placeholders ("not carried") and quiet hints.
    pub fn quiet(self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            GREY,
        )
    }

    /// Headings inside articles and section titles.
    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The focused outlet's column header, the active tab.
    pub fn focused(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        self.fg(style, BLUE)
    }

    /// The selected row of a list, the current row's gutter.
    pub fn selected(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            style.bg(Color::Rgb(0x30, 0x30, 0x40))
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    /// Errors: failed outlets, bad keys.
    pub fn error(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), VERMILLION)
    }

    /// The bottom status line.
    pub fn status_bar(self) -> Style {
        let style = Style::new();
        if self.color {
            self.bg(style.fg(Color::White), Color::Rgb(0x26, 0x26, 0x30))
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_env_and_never_drop_colour() {
        assert!(!use_color(ColorChoice::Auto, Some("1")));
        assert!(use_color(ColorChoice::Auto, Some("")));
        assert!(use_color(ColorChoice::Auto, None));
        assert!(!use_color(ColorChoice::Never, None));
        assert!(use_color(ColorChoice::Always, Some("1")));
    }

    #[test]
    fn monochrome_keeps_emphasis_but_no_colour() {
        let theme = Theme::new(false);
        let style = theme.inserted_words();
        assert_eq!(style.fg, None);
        assert_eq!(style.bg, None);
        assert!(style.add_modifier.contains(Modifier::REVERSED));
        assert!(
            theme
                .missing_sentence()
                .add_modifier
                .contains(Modifier::CROSSED_OUT)
        );
        assert_eq!(theme.status_color(Status::Differs), None);
    }
}
