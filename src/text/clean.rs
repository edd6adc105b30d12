//! Text hygiene for everything that comes from the web: no control character or escape sequence,
//! no bidi override, no invisible character may reach the terminal or an export.
//!
//! Pages may carry raw or entity-encoded escape sequences (`&#x1b;]52;...`): after HTML parsing
//! they are real ESC bytes, so every string leaving extraction passes through [`clean_text`].

use unicode_normalization::UnicodeNormalization;

/// Cleans one block of text for display: strips C0/C1 control characters and the rest of any
/// escape sequence they start (CSI, OSC, DCS ...), bidi controls, zero-width and invisible
/// characters (ZWJ is kept between two non-space characters, for emoji), soft hyphens; turns tabs
/// and other whitespace into single spaces; keeps `\n` only when `keep_newlines`; trims; NFC.
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
            let joins = matches!((prev, next), (Some(p), Some(n)) if !p.is_whitespace() && !n.is_whitespace());
            if !joins {
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

/// Removes ANSI/ECMA-48 escape sequences: ESC followed by its sequence (CSI `ESC [`, OSC `ESC ]`,
/// DCS/SOS/PM/APC with their strings up to ST or BEL), and C1 `U+009B` (CSI) and `U+009D` (OSC)
/// with their parameters. Lone control characters are left to the caller.
fn strip_escape_sequences(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1B}' => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                Some(next) if ('\u{20}'..='\u{7E}').contains(&next) => {
                    // Two-character escape (ESC 7, ESC c, ESC ( B ...): skip intermediates too.
                    chars.next();
                    while matches!(chars.peek(), Some('\u{20}'..='\u{2F}')) {
                        chars.next();
                    }
                }
                _ => {}
            },
            '\u{9B}' => skip_csi(&mut chars),
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            _ => out.push(c),
        }
    }
    out
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7E}').contains(&c) {
            break;
        }
        if !('\u{20}'..='\u{3F}').contains(&c) {
            break;
        }
    }
}

/// Skips a control string up to BEL, ST (`ESC \` or U+009C), bounded by the end of input.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9C}' => break,
            '\u{1B}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
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
    fn text_is_nfc_and_newlines_kept_on_request() {
        assert_eq!(clean_text("e\u{301}  \n\n\n x", true), "é\n\nx");
        assert_eq!(clean_text("a\nb", false), "a b");
    }
}
