//! Text hygiene for everything that comes from the web: no control character or escape sequence,
//! no bidi override, no invisible character may reach the terminal or an export.
//!
//! Pages may carry raw or entity-encoded escape sequences (`&#x1b;]52;...`): after HTML parsing
//! they are real ESC bytes, so every string leaving extraction passes through [`clean_text`].

use unicode_normalization::UnicodeNormalization;

/// Cleans one block of text for display: strips C0/C1 control characters and the rest of any
/// escape sequence they start (CSI, OSC, DCS ...), bidi controls, zero-width and invisible
/// characters (ZWJ is kept only between two emoji, as in 👩‍💻), soft hyphens; turns tabs and
/// other whitespace into single spaces; keeps `\n` only when `keep_newlines`; trims; NFC.
pub fn clean_text(input: &str, keep_newlines: bool) -> String {
    let stripped = strip_escape_sequences(input);
    let mut out = String::with_capacity(stripped.len());
    let chars: Vec<char> = stripped.chars().collect();
    let mut pending_space = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' && keep_newlines {
            // Collapse spaces before a newline; keep at most one blank line.
            while out.ends_with(' ') {
                out.pop();
            }
            if !out.ends_with("\n\n") && !out.is_empty() {
                out.push('\n');
            }
            pending_space = false;
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if c == '\u{200D}' {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            if !joins_emoji(prev, next) {
                continue;
            }
        } else if is_invisible(c) {
            continue;
        }
        if pending_space && !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    while out.ends_with(' ') || out.ends_with('\n') {
        out.pop();
    }
    out.nfc().collect()
}

/// Cleans a message before it is printed (an error, a warning, a summary table): escape
/// sequences and every control or invisible character go, like [`clean_text`], but lines,
/// spaces, tabs and emoji ZWJs stay as they are, so a table keeps its columns. `\r` goes too: it could
/// overwrite what the line said.
pub fn clean_message(input: &str) -> String {
    let chars: Vec<char> = strip_escape_sequences(input).chars().collect();
    let keep = |i: usize, c: char| match c {
        '\n' | '\t' => true,
        '\r' => false,
        '\u{200D}' => joins_emoji(
            i.checked_sub(1).map(|j| chars[j]),
            chars.get(i + 1).copied(),
        ),
        _ => !is_invisible(c),
    };
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| keep(i, c))
        .map(|(_, &c)| c)
        .collect()
}

/// Whether a ZWJ between `prev` and `next` joins two emoji into one (👩‍💻, ❤️‍🔥, 🏳️‍🌈);
/// anywhere else (`1‍2`, `Bei‍jing`) it is an invisible character that changes words.
fn joins_emoji(prev: Option<char>, next: Option<char>) -> bool {
    let before = prev.is_some_and(|c| is_emoji(c) || c == '\u{FE0F}');
    before && next.is_some_and(is_emoji)
}

/// Whether `c` is in one of the blocks emoji come from (pictographs, symbols, dingbats, skin
/// tones).
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2300}'..='\u{23FF}'
        | '\u{2B00}'..='\u{2BFF}' | '\u{2190}'..='\u{21FF}' | '\u{00A9}' | '\u{00AE}'
        | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}' | '\u{3030}' | '\u{303D}'
    )
}

/// Cleans a one-line string (a title, a byline, an error message): like [`clean_text`] with
/// newlines turned into spaces.
pub fn clean_line(input: &str) -> String {
    clean_text(input, false)
}

/// Whether `c` is a character that must never reach the screen: controls (C0 but `\n` and `\t`,
/// DEL, C1), bidi embeddings, overrides and isolates, zero-width and other invisible format
/// characters, soft hyphen, BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}'                      // soft hyphen
        | '\u{034F}'                    // combining grapheme joiner
        | '\u{061C}'                    // arabic letter mark
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // hangul fillers
        | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'       // mongolian variation selectors and vowel separator
        | '\u{200B}'..='\u{200F}'       // zero-width space, ZWNJ, ZWJ, LRM, RLM
        | '\u{2028}' | '\u{2029}'
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2060}'..='\u{206F}'       // word joiner, invisible operators, bidi isolates
        | '\u{FEFF}'                    // BOM / zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}'       // interlinear annotation
        | '\u{E0000}'..='\u{E007F}'     // tags
    )
}

/// The longest control string (OSC, DCS, SOS, PM, APC) removed whole; a longer one, or one
/// cut by a newline or the end of the input, loses only its introducer, so that a stray
/// introducer (U+009D is the most common mojibake: `”` read as windows-1252) never swallows
/// the text after it.
const MAX_CONTROL_STRING: usize = 512;

/// Removes ANSI/ECMA-48 escape sequences: ESC followed by its sequence (CSI `ESC [`, control
/// strings `ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` and tmux's title `ESC k` up to ST or BEL,
/// two-character escapes with their intermediates such as `ESC ( 0`), C1 `U+009B` (CSI) and the
/// C1 string introducers with their strings. Lone control characters are left to the caller.
fn strip_escape_sequences(input: &str) -> String {
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::with_capacity(input.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i + 1..];
        i += 1 + match chars[i] {
            '\u{1B}' => match rest.first() {
                Some('[') => 1 + csi_len(&rest[1..]),
                Some(']' | 'P' | 'X' | '^' | '_' | 'k') => 1 + string_len(&rest[1..]),
                Some(_) => escape_len(rest),
                None => 0,
            },
            '\u{9B}' => csi_len(rest),
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => string_len(rest),
            c => {
                out.push(c);
                0
            }
        };
    }
    out
}

/// How many characters after `ESC` a two-character escape takes: intermediates (0x20–0x2F)
/// and one final byte (0x30–0x7E); none when the next character is not part of an escape.
fn escape_len(rest: &[char]) -> usize {
    sequence_len(rest, '\u{20}'..='\u{2F}', '\u{30}'..='\u{7E}')
}

/// How many characters a CSI's parameters, intermediates and final byte take (anything else
/// ends it and stays).
fn csi_len(rest: &[char]) -> usize {
    sequence_len(rest, '\u{20}'..='\u{3F}', '\u{40}'..='\u{7E}')
}

/// The length of a run of `body` characters and the one `last` character that ends it (the
/// run alone when something else follows).
fn sequence_len(
    rest: &[char],
    body: std::ops::RangeInclusive<char>,
    last: std::ops::RangeInclusive<char>,
) -> usize {
    let run = rest.iter().take_while(|c| body.contains(*c)).count();
    match rest.get(run) {
        Some(c) if last.contains(c) => run + 1,
        _ => run,
    }
}

/// How many characters a control string takes up to and including its terminator (BEL, ST
/// `ESC \` or U+009C; another ESC ends it too and stays); 0 when no terminator comes before a
/// newline or within [`MAX_CONTROL_STRING`] characters, so that only the introducer goes.
fn string_len(rest: &[char]) -> usize {
    for (j, &c) in rest.iter().enumerate().take(MAX_CONTROL_STRING) {
        match c {
            '\n' => return 0,
            '\u{7}' | '\u{9C}' => return j + 1,
            '\u{1B}' if rest.get(j + 1) == Some(&'\\') => return j + 2,
            '\u{1B}' => return j,
            _ => {}
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc_52_and_csi_sequences_are_removed_whole() {
        let hostile = "a\u{1b}]52;c;ZXZpbA==\u{7}b \u{1b}[31mred\u{1b}[0m \u{9b}2Jc";
        assert_eq!(clean_line(hostile), "ab red c");
    }

    #[test]
    fn osc_8_hyperlinks_keep_their_visible_text() {
        let link = "\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\";
        assert_eq!(clean_line(link), "click");
    }

    #[test]
    fn bidi_zero_width_and_soft_hyphens_are_removed() {
        assert_eq!(
            clean_line("ad\u{202E}min\u{2066}x\u{200B}y co\u{AD}operate"),
            "adminxy cooperate"
        );
    }

    #[test]
    fn zwj_inside_emoji_is_kept_and_tabs_become_spaces() {
        assert_eq!(clean_line("👩\u{200D}💻\tok"), "👩\u{200D}💻 ok");
    }

    #[test]
    fn an_unterminated_control_string_loses_only_its_introducer() {
        // `”` read as windows-1252: `â€` and U+009D, then the rest of the paragraph.
        let mojibake = "He said â€\u{9d}no.â€\u{9d}\n\nSecond paragraph.\n\nThird.";
        assert_eq!(
            clean_text(mojibake, true),
            "He said â€no.â€\n\nSecond paragraph.\n\nThird."
        );
        for introducer in [
            "\u{1b}]", "\u{1b}P", "\u{1b}X", "\u{1b}^", "\u{1b}_", "\u{90}", "\u{98}",
        ] {
            assert_eq!(
                clean_line(&format!("a{introducer}b c")),
                "ab c",
                "{introducer:?}"
            );
        }
        let long = format!("x\u{1b}]0;{}\u{7}y", "z".repeat(600));
        assert_eq!(clean_line(&long), format!("x0;{}y", "z".repeat(600)));
    }

    #[test]
    fn a_control_string_ends_at_a_newline() {
        assert_eq!(clean_text("a\u{1b}]0;title\nb\u{7}c", true), "a0;title\nbc");
    }

    #[test]
    fn charset_and_title_escapes_are_removed_whole() {
        assert_eq!(clean_line("a\u{1b}(0b\u{1b}kwindow\u{1b}\\c"), "abc");
    }

    #[test]
    fn zwj_inside_a_word_or_number_is_removed() {
        assert_eq!(clean_line("1\u{200D}2 Bei\u{200D}jing"), "12 Beijing");
        assert_eq!(clean_line("❤\u{FE0F}\u{200D}🔥"), "❤\u{FE0F}\u{200D}🔥");
    }

    #[test]
    fn messages_keep_their_layout_but_lose_every_control() {
        assert_eq!(
            clean_message("a  b\tc\nnofile\u{1b}]52;c;VVJM\u{7}x\r\u{9b}\u{202e}.txt"),
            "a  b\tc\nnofilex.txt"
        );
    }

    #[test]
    fn text_is_nfc_and_newlines_kept_on_request() {
        assert_eq!(clean_text("e\u{301}  \n\n\n x", true), "é\n\nx");
        assert_eq!(clean_text("a\nb", false), "a b");
    }
}
