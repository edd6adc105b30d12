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

/// Empty elements extraction never reads, dropped when no selector may name them.
const UNREAD_VOID: &[&str] = &[
    "link", "source", "track", "wbr", "param", "area", "col", "base",
];

/// Elements removed whole, content included.
const REMOVED: &[&str] = &[
    "script", "style", "noscript", "svg", "template", "textarea", "math", "iframe", "object",
    "select",
];

/// Attributes extraction reads; with no outlet selectors to match, the others (`src`,
/// `srcset`, `href`, `data-*`, event handlers: a large share of a page) are dropped before
/// parsing.
const READ_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "style",
    "hidden",
    "aria-hidden",
    "role",
    "rel",
    "itemprop",
    "property",
    "name",
    "content",
    "datetime",
    "pubdate",
    "type",
    "charset",
    "http-equiv",
];

/// Inline elements that carry nothing extraction reads once their attributes are gone: without
/// selectors to match, a bare `<span>` or `<b>` is dropped before parsing (its text stays).
const BARE_INLINE: &[&str] = &[
    "span", "b", "strong", "em", "i", "u", "font", "small", "abbr", "sup", "sub", "mark", "cite",
    "s", "q", "bdi", "bdo", "ins", "del", "dfn", "kbd", "samp", "var",
];

/// An element left open by the scan.
#[derive(Debug, Clone, Copy)]
struct OpenElement {
    /// [`name_key`] of its name.
    key: u64,
    /// Whether its start tag was written out (its end tag is written only then).
    written: bool,
}

/// Caps, flattens and strips a page (see the module documentation). `keep_markup` keeps every
/// attribute and inline element (the outlet's selectors may name any); otherwise only
/// [`READ_ATTRIBUTES`] are kept, bare [`BARE_INLINE`] elements are dropped and runs of
/// whitespace in text are shortened to one character.
pub fn prepare(html: &str, keep_markup: bool) -> PreparedPage {
    let html = cap_bytes(html, MAX_HTML_BYTES);
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut json_ld = Vec::new();
    let mut open: Vec<OpenElement> = Vec::new();
    let mut flattened = 0usize;
    let mut copied_to = 0usize;
    let mut at = 0usize;
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let start = at + offset;
        let Some(tag) = scan_tag(bytes, start) else {
            at = start + 1;
            continue;
        };
        push_text(&html[copied_to..start], keep_markup, &mut out);
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
                if name.eq_ignore_ascii_case("title") {
                    // RCDATA: its content is text, not tags.
                    let content_end = find_end_tag(bytes, tag.end, "title");
                    out.push_str(&html[start..content_end]);
                    copied_to = content_end;
                    at = content_end;
                    continue;
                }
                if !keep_markup && is_one_of(name, UNREAD_VOID) {
                    continue;
                }
                let keep_all = keep_markup || name.eq_ignore_ascii_case("meta");
                if is_one_of(name, VOID) || is_one_of(name, SELF_CLOSING_SIBLINGS) {
                    push_start_tag(html, &tag, keep_all, &mut out);
                } else if open.len() < MAX_DEPTH && flattened == 0 {
                    let written = if !keep_all && is_one_of(name, BARE_INLINE) {
                        push_start_tag_if_attributed(html, &tag, &mut out)
                    } else {
                        push_start_tag(html, &tag, keep_all, &mut out);
                        true
                    };
                    open.push(OpenElement {
                        key: name_key(name),
                        written,
                    });
                } else {
                    flattened += 1;
                }
            }
            TagKind::End => {
                let name = tag.name(bytes);
                if flattened > 0 && !is_one_of(name, SELF_CLOSING_SIBLINGS) {
                    flattened -= 1;
                    continue;
                }
                let key = name_key(name);
                let mut written = true;
                if let Some(position) = open.iter().rposition(|o| o.key == key) {
                    written = open[position].written;
                    open.truncate(position);
                }
                if written {
                    out.push_str(&html[start..tag.end]);
                }
            }
        }
    }
    push_text(&html[copied_to..], keep_markup, &mut out);
    PreparedPage { html: out, json_ld }
}

/// Whether `name` is in `list`, ASCII case-insensitively.
fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|entry| name.eq_ignore_ascii_case(entry))
}

/// A hash of a tag name, case-insensitive (FNV-1a).
fn name_key(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Copies text, shortening runs of whitespace to their first character unless `verbatim`
/// (the parsed text is whitespace-normalised anyway).
fn push_text(text: &str, verbatim: bool, out: &mut String) {
    if verbatim {
        out.push_str(text);
        return;
    }
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index].is_ascii_whitespace() {
            let run_end = bytes[index..]
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map_or(bytes.len(), |p| index + p);
            if run_end - index > 1 {
                // ASCII whitespace is one byte: both ends are character boundaries.
                out.push_str(&text[from..=index]);
                from = run_end;
            }
            index = run_end;
        } else {
            index += 1;
        }
    }
    out.push_str(&text[from..]);
}

/// Writes a bare-inline start tag only when it keeps an attribute extraction reads; returns
/// whether it did.
fn push_start_tag_if_attributed(html: &str, tag: &ScannedTag, out: &mut String) -> bool {
    let before = out.len();
    push_start_tag(html, tag, false, out);
    // `<` + name + `>`: nothing kept.
    let bare = out.len() - before == tag.name_end - tag.name_start + 2;
    if bare {
        out.truncate(before);
    }
    !bare
}

/// Writes a start tag, with all its attributes or only those extraction reads.
fn push_start_tag(html: &str, tag: &ScannedTag, keep_all: bool, out: &mut String) {
    let bytes = html.as_bytes();
    let closed = tag.end > 0 && bytes.get(tag.end - 1) == Some(&b'>');
    if keep_all || !closed {
        out.push_str(&html[tag.name_start - 1..tag.end]);
        return;
    }
    out.push('<');
    out.push_str(&html[tag.name_start..tag.name_end]);
    let close = tag.end - 1;
    let mut at = tag.name_end;
    while at < close {
        let b = bytes[at];
        if b.is_ascii_whitespace() || b == b'/' {
            at += 1;
            continue;
        }
        let name_start = at;
        while at < close
            && !bytes[at].is_ascii_whitespace()
            && bytes[at] != b'='
            && bytes[at] != b'/'
        {
            at += 1;
        }
        if at == name_start {
            at += 1; // a stray `=`
            continue;
        }
        let name_end = at;
        let mut value_end = name_end;
        let mut look = at;
        while look < close && bytes[look].is_ascii_whitespace() {
            look += 1;
        }
        if look < close && bytes[look] == b'=' {
            look += 1;
            while look < close && bytes[look].is_ascii_whitespace() {
                look += 1;
            }
            if look < close && (bytes[look] == b'"' || bytes[look] == b'\'') {
                let quote = bytes[look];
                let value_start = look + 1;
                look = memchr::memchr(quote, &bytes[value_start..close])
                    .map_or(close, |p| value_start + p + 1);
            } else {
                while look < close && !bytes[look].is_ascii_whitespace() {
                    look += 1;
                }
            }
            value_end = look;
            at = look;
        }
        let name = &html[name_start..name_end];
        if READ_ATTRIBUTES.iter().any(|r| name.eq_ignore_ascii_case(r)) {
            out.push(' ');
            out.push_str(&html[name_start..value_end]);
        }
    }
    out.push('>');
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
    memchr::memchr(b'<', bytes)
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
    memchr::memchr(b'>', &bytes[at.min(bytes.len())..]).map_or(bytes.len(), |p| at + p + 1)
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
    memchr::memmem::find(bytes.get(at..)?, needle).map(|p| at + p)
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
            true,
        );
        assert_eq!(page.html, "<p>a</p><p title=\"x>y\">b</p>");
        assert_eq!(page.json_ld, vec!["{\"headline\":\"h\"}".to_string()]);
    }

    #[test]
    fn only_read_attributes_are_kept_without_selectors() {
        let tag = "<div data-x='a>b' class=\"story body\" onclick=go() id=main hidden \
                   srcset=\"a.jpg 1x\" style = 'display:none'>";
        assert_eq!(
            prepare(tag, false).html,
            "<div class=\"story body\" id=main hidden style = 'display:none'>"
        );
        assert_eq!(prepare(tag, true).html, tag);
        assert_eq!(prepare("<img src=x/><br/>", false).html, "<img><br>");
        assert_eq!(
            prepare(
                "<p><span>a  \n b</span><span class=c>d</span> <b><i>e</i></b></p>",
                false
            )
            .html,
            "<p>a b<span class=c>d</span> e</p>"
        );
    }

    #[test]
    fn nesting_past_the_cap_is_flattened_and_text_kept() {
        let deep = "<div>".repeat(MAX_DEPTH + 100) + "text" + &"</div>".repeat(MAX_DEPTH + 100);
        let page = prepare(&deep, false);
        assert_eq!(page.html.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(page.html.matches("</div>").count(), MAX_DEPTH);
        assert!(page.html.contains("text"));
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_depth() {
        let page = prepare(&"<p>x".repeat(MAX_DEPTH * 2), false);
        assert_eq!(page.html.matches("<p>").count(), MAX_DEPTH * 2);
    }

    #[test]
    fn a_lone_less_than_is_text_and_a_cut_page_is_fine() {
        assert_eq!(prepare("a < b <3 <", false).html, "a < b <3 <");
        assert_eq!(
            prepare("<div class=\"unterminated", false).html,
            "<div class=\"unterminated"
        );
        assert_eq!(prepare("<script>never closed", false).html, "");
    }
}
