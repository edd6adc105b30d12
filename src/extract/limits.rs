//! Defences applied to a page before it reaches the HTML parser: a byte cap, a nesting-depth cap
//! and the removal of markup that never holds article text.
//!
//! html5ever's time grows with the square of the nesting depth (every tag walks the stack of
//! open elements), so 16,000 nested `<div>`s would take minutes: [`prepare`] counts nesting
//! while it scans the tags and drops the tags past [`MAX_DEPTH`] (their text is kept). The same
//! single pass removes comments, `<style>`, `<noscript>`, `<svg>`, `<template>`, `<textarea>`
//! and `<script>` elements (most of a modern page's bytes, so parsing gets several times faster),
//! keeping the JSON-LD scripts' text aside for the metadata layer.

/// Pages are cut to this many bytes before parsing (the fetch layer applies the same cap to
/// bodies; local files and callers of the library get it here).
pub const MAX_HTML_BYTES: usize = 10 * 1024 * 1024;

/// Elements nested deeper than this lose their tags (not their text) before parsing.
pub const MAX_DEPTH: usize = 512;

/// A page ready for parsing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreparedPage {
    /// The markup, capped and without scripts, styles, comments or over-deep tags.
    pub html: String,
    /// The text of each `<script type="application/ld+json">`, in page order.
    pub json_ld: Vec<String>,
}

/// Elements whose end tag is optional or implied: they never nest into themselves (a new `<p>`
/// closes the open one), so they are not counted towards the depth.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rp",
    "rt", "colgroup", "caption",
];

/// Elements that have no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame",
];

/// Elements removed whole, content included.
const REMOVED: &[&str] = &[
    "script", "style", "noscript", "svg", "template", "textarea", "math", "iframe", "object",
    "select",
];

/// Caps, flattens and strips a page (see the module documentation).
pub fn prepare(html: &str) -> PreparedPage {
    let html = cap_bytes(html, MAX_HTML_BYTES);
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut json_ld = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut flattened = 0usize;
    let mut copied_to = 0usize;
    let mut at = 0usize;
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let start = at + offset;
        let Some(tag) = scan_tag(bytes, start) else {
            at = start + 1;
            continue;
        };
        out.push_str(&html[copied_to..start]);
        copied_to = tag.end;
        at = tag.end;
        match tag.kind {
            TagKind::Comment | TagKind::Other => {}
            TagKind::Start => {
                let name = tag.name(bytes);
                if let Some(removed) = REMOVED.iter().find(|r| name.eq_ignore_ascii_case(r)) {
                    let content_end = find_end_tag(bytes, tag.end, removed);
                    if removed.eq_ignore_ascii_case("script") && is_json_ld(&html[start..tag.end]) {
                        json_ld.push(html[tag.end..content_end].to_string());
                    }
                    let after = find_tag_close(bytes, content_end);
                    copied_to = after;
                    at = after;
                    continue;
                }
                let lower = name.to_ascii_lowercase();
                if lower == "title" {
                    // RCDATA: its content is text, not tags.
                    let content_end = find_end_tag(bytes, tag.end, "title");
                    out.push_str(&html[start..content_end]);
                    copied_to = content_end;
                    at = content_end;
                    continue;
                }
                if VOID.contains(&lower.as_str()) || SELF_CLOSING_SIBLINGS.contains(&lower.as_str())
                {
                    out.push_str(&html[start..tag.end]);
                } else if open.len() < MAX_DEPTH && flattened == 0 {
                    out.push_str(&html[start..tag.end]);
                    open.push(lower);
                } else {
                    flattened += 1;
                }
            }
            TagKind::End => {
                let lower = tag.name(bytes).to_ascii_lowercase();
                if flattened > 0 && !SELF_CLOSING_SIBLINGS.contains(&lower.as_str()) {
                    flattened -= 1;
                    continue;
                }
                if let Some(position) = open.iter().rposition(|o| *o == lower) {
                    open.truncate(position);
                }
                out.push_str(&html[start..tag.end]);
            }
        }
    }
    out.push_str(&html[copied_to..]);
    PreparedPage { html: out, json_ld }
}

/// `html` cut to at most `max` bytes, on a character boundary.
fn cap_bytes(html: &str, max: usize) -> &str {
    if html.len() <= max {
        return html;
    }
    let mut end = max;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    &html[..end]
}

/// The position of the next `<`.
fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Start,
    End,
    Comment,
    Other,
}

/// One tag found by the scanner: its kind, where its name is and where it ends (past `>`).
#[derive(Debug, Clone, Copy)]
struct ScannedTag {
    kind: TagKind,
    name_start: usize,
    name_end: usize,
    end: usize,
}

impl ScannedTag {
    fn name<'a>(&self, bytes: &'a [u8]) -> &'a str {
        // The name is ASCII letters, digits, `-`, `_` and `:` only (see `scan_tag`).
        std::str::from_utf8(&bytes[self.name_start..self.name_end]).unwrap_or("")
    }
}

/// Scans the tag starting at `bytes[start] == b'<'`, as the HTML tokenizer would; `None` when
/// the `<` starts text.
fn scan_tag(bytes: &[u8], start: usize) -> Option<ScannedTag> {
    let next = *bytes.get(start + 1)?;
    if next == b'!' {
        if bytes[start..].starts_with(b"<!--") {
            let end = find(bytes, start + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            return Some(ScannedTag {
                kind: TagKind::Comment,
                name_start: start,
                name_end: start,
                end,
            });
        }
        let end = find_tag_close(bytes, start);
        return Some(ScannedTag {
            kind: TagKind::Other,
            name_start: start,
            name_end: start,
            end,
        });
    }
    if next == b'?' {
        return Some(ScannedTag {
            kind: TagKind::Other,
            name_start: start,
            name_end: start,
            end: find_tag_close(bytes, start),
        });
    }
    let (kind, name_start) = if next == b'/' {
        (TagKind::End, start + 2)
    } else {
        (TagKind::Start, start + 1)
    };
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = bytes[name_start..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':'))
        .map_or(bytes.len(), |p| name_start + p);
    let end = skip_attributes(bytes, name_end);
    Some(ScannedTag {
        kind,
        name_start,
        name_end,
        end,
    })
}

/// The position just past the `>` that ends a tag whose attributes start at `at`, honouring
/// quoted attribute values.
fn skip_attributes(bytes: &[u8], mut at: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    while at < bytes.len() {
        let b = bytes[at];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'>' => return at + 1,
                b'"' | b'\'' if after_equals => quote = Some(b),
                b'=' => {
                    after_equals = true;
                    at += 1;
                    continue;
                }
                _ => {}
            },
        }
        if !b.is_ascii_whitespace() {
            after_equals = false;
        }
        at += 1;
    }
    bytes.len()
}

/// The position just past the next `>` from `at`.
fn find_tag_close(bytes: &[u8], at: usize) -> usize {
    bytes[at.min(bytes.len())..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(bytes.len(), |p| at + p + 1)
}

/// The position of the `</name` that ends raw-text content starting at `at` (or the end).
fn find_end_tag(bytes: &[u8], mut at: usize, name: &str) -> usize {
    while let Some(p) = find(bytes, at, b"</") {
        let name_start = p + 2;
        let candidate = &bytes[name_start..bytes.len().min(name_start + name.len())];
        let follows = bytes.get(name_start + name.len()).copied();
        if candidate.eq_ignore_ascii_case(name.as_bytes())
            && follows.is_none_or(|b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
        {
            return p;
        }
        at = p + 2;
    }
    bytes.len()
}

/// The first position of `needle` in `bytes` from `at`.
fn find(bytes: &[u8], at: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(at..)?;
    let first = needle[0];
    let mut offset = 0;
    while let Some(p) = haystack[offset..].iter().position(|&b| b == first) {
        let candidate = offset + p;
        if haystack[candidate..].starts_with(needle) {
            return Some(at + candidate);
        }
        offset = candidate + 1;
    }
    None
}

/// Whether a `<script ...>` start tag declares JSON-LD.
fn is_json_ld(start_tag: &str) -> bool {
    start_tag.to_ascii_lowercase().contains("ld+json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_comments_go_json_ld_stays_aside() {
        let page = prepare(
            "<p>a<!-- <p>x</p> --></p><script>if (a<b) {}</script>\
             <script type=\"application/ld+json\">{\"headline\":\"h\"}</script>\
             <style>p>b{}</style><p title=\"x>y\">b</p>",
        );
        assert_eq!(page.html, "<p>a</p><p title=\"x>y\">b</p>");
        assert_eq!(page.json_ld, vec!["{\"headline\":\"h\"}".to_string()]);
    }

    #[test]
    fn nesting_past_the_cap_is_flattened_and_text_kept() {
        let deep = "<div>".repeat(MAX_DEPTH + 100) + "text" + &"</div>".repeat(MAX_DEPTH + 100);
        let page = prepare(&deep);
        assert_eq!(page.html.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(page.html.matches("</div>").count(), MAX_DEPTH);
        assert!(page.html.contains("text"));
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_depth() {
        let page = prepare(&"<p>x".repeat(MAX_DEPTH * 2));
        assert_eq!(page.html.matches("<p>").count(), MAX_DEPTH * 2);
    }

    #[test]
    fn a_lone_less_than_is_text_and_a_cut_page_is_fine() {
        assert_eq!(prepare("a < b <3 <").html, "a < b <3 <");
        assert_eq!(
            prepare("<div class=\"unterminated").html,
            "<div class=\"unterminated"
        );
        assert_eq!(prepare("<script>never closed").html, "");
    }
}
