//! Bytes → text for HTML pages: finds the page's character encoding the way browsers do and
//! decodes it lossily, so a Shift_JIS, GBK, windows-1252 or UTF-16 page gives the same text as
//! its UTF-8 twin and no input can make decoding fail or panic.
//!
//! Evidence, strongest first: a byte order mark; the `charset` of the HTTP `Content-Type`
//! header; a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
//! [`META_PRESCAN_BYTES`] bytes; valid UTF-8; `chardetng`'s guess; UTF-8.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many leading bytes are searched for a `<meta>` charset declaration (the HTML standard
/// prescans 1024; real pages often declare it later, after long `<script>` or comments).
pub const META_PRESCAN_BYTES: usize = 4096;

/// How many bytes `chardetng` reads when nothing declares the encoding: enough to decide,
/// bounded so a huge page costs no more than a small one.
const DETECTION_BYTES: usize = 256 * 1024;

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The page as text (malformed sequences replaced by U+FFFD, the BOM removed).
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `"UTF-8"`, `"Shift_JIS"`.
    pub charset: &'static str,
}

/// Decodes an HTML page's bytes, given the HTTP `Content-Type` header if there was one.
///
/// ```
/// use parallax::extract::decode::decode_html;
/// let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("<p>日本語</p>");
/// let decoded = decode_html(&bytes, Some("text/html; charset=Shift_JIS"));
/// assert_eq!(decoded.text, "<p>日本語</p>");
/// assert_eq!(decoded.charset, "Shift_JIS");
/// ```
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) => (encoding, bom_length),
        None => (choose_encoding(bytes, content_type), 0),
    };
    let (text, _had_errors) = encoding.decode_without_bom_handling(&bytes[skip..]);
    Decoded {
        text: text.into_owned(),
        charset: encoding.name(),
    }
}

/// The encoding of a page without a BOM: header, then meta, then detection.
fn choose_encoding(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some(encoding) = content_type
        .and_then(|value| charset_parameter(value.as_bytes()))
        .and_then(Encoding::for_label)
    {
        return encoding;
    }
    let prescan = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    if let Some(encoding) = meta_charset(prescan) {
        return encoding;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(DETECTION_BYTES)];
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// The encoding declared by the first `<meta>` tag that declares one, as the HTML standard maps
/// it: a UTF-16 label in a document that is being read as bytes means UTF-8, and
/// `x-user-defined` means windows-1252.
fn meta_charset(prescan: &[u8]) -> Option<&'static Encoding> {
    let mut rest = prescan;
    while let Some(start) = find_ignore_ascii_case(rest, b"<meta") {
        let tag = &rest[start + 5..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        let attributes = &tag[..end];
        if let Some(encoding) = charset_parameter(attributes).and_then(Encoding::for_label) {
            return Some(if encoding == UTF_16BE || encoding == UTF_16LE {
                UTF_8
            } else if encoding == X_USER_DEFINED {
                WINDOWS_1252
            } else {
                encoding
            });
        }
        rest = &tag[end..];
    }
    None
}

/// The value after `charset=` in a header value or a tag's attributes, without quotes.
fn charset_parameter(text: &[u8]) -> Option<&[u8]> {
    let at = find_ignore_ascii_case(text, b"charset")?;
    let mut rest = &text[at + 7..];
    rest = trim_ascii_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_ascii_start(rest);
    let quote = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => {
            rest = &rest[1..];
            Some(q)
        }
        _ => None,
    };
    let end = rest
        .iter()
        .position(|&b| match quote {
            Some(q) => b == q,
            None => b == b';' || b == b'"' || b == b'\'' || b == b'/' || b.is_ascii_whitespace(),
        })
        .unwrap_or(rest.len());
    let value = &rest[..end];
    (!value.is_empty()).then_some(value)
}

/// Leading ASCII whitespace removed.
fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// The first position of `needle` in `haystack`, ASCII case-insensitively.
fn find_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_parameter_reads_quoted_and_bare_values() {
        assert_eq!(
            charset_parameter(b"text/html; charset=\"gbk\""),
            Some(&b"gbk"[..])
        );
        assert_eq!(
            charset_parameter(
                b" http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\""
            ),
            Some(&b"Shift_JIS"[..])
        );
        assert_eq!(
            charset_parameter(b" charset = 'utf-8' /"),
            Some(&b"utf-8"[..])
        );
        assert_eq!(charset_parameter(b"text/html"), None);
        assert_eq!(charset_parameter(b"charset="), None);
    }

    #[test]
    fn meta_utf16_label_means_utf8() {
        assert_eq!(meta_charset(b"<META CHARSET=utf-16>"), Some(UTF_8));
    }

    #[test]
    fn garbage_never_panics() {
        for bytes in [
            &b""[..],
            b"\xff",
            b"\xfe",
            b"<meta charset=",
            b"\x80\x81\x82<meta",
        ] {
            let _ = decode_html(bytes, Some("charset="));
            let _ = decode_html(bytes, None);
        }
    }
}
