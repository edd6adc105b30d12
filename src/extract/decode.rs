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
    detect_encoding(bytes)
}

/// Decodes a text file's bytes: a byte order mark, else UTF-16 told by its zero bytes, valid
/// UTF-8 or `chardetng`'s guess, as for a page that declares nothing.
///
/// ```
/// use parallax::extract::decode::decode_text;
/// let utf16: Vec<u8> = "Beijing é".encode_utf16().flat_map(u16::to_le_bytes).collect();
/// assert_eq!(decode_text(&utf16).text, "Beijing é");
/// ```
pub fn decode_text(bytes: &[u8]) -> Decoded {
    let (encoding, skip) = Encoding::for_bom(bytes).unwrap_or((detect_encoding(bytes), 0));
    let (text, _had_errors) = encoding.decode_without_bom_handling(&bytes[skip..]);
    Decoded {
        text: text.into_owned(),
        charset: encoding.name(),
    }
}

/// Whether decoded text is binary data rather than text: it holds NUL, or more than one
/// character in twenty of its start is a control character (but line breaks and tabs) or a
/// replacement character.
pub fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(DETECTION_BYTES) {
        if c == '\0' {
            return true;
        }
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{C}');
        odd += usize::from(control || c == '\u{FFFD}');
    }
    odd * 20 > total
}

/// The encoding of bytes that declare none: UTF-16 when every other byte of the start is zero
/// (ASCII-range text in UTF-16 without a BOM), valid UTF-8, else `chardetng`'s guess.
fn detect_encoding(bytes: &[u8]) -> &'static Encoding {
    if let Some(encoding) = utf16_by_zero_bytes(bytes) {
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

/// UTF-16LE when most odd bytes of the start are zero and hardly any even one is (UTF-16BE the
/// other way round): how UTF-16 without a BOM looks when it holds markup or Latin text.
fn utf16_by_zero_bytes(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(META_PRESCAN_BYTES) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 2 > pairs && even * 10 < pairs {
        Some(UTF_16LE)
    } else if even * 2 > pairs && odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
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
    fn utf16_without_a_bom_is_told_by_its_zero_bytes() {
        let page = "<html><body><p>Beijing é 北京</p></body></html>";
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode_html(&le, None).text, page);
        assert_eq!(decode_html(&be, None).charset, "UTF-16BE");
        assert_eq!(decode_text(&be).text, page);
    }

    #[test]
    fn text_files_are_decoded_by_bom_or_detection() {
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend("naïve 中文".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(&with_bom).text, "naïve 中文");
        let (latin, _, _) = WINDOWS_1252.encode("Le café était fermé à Zürich, déjà.");
        assert_eq!(
            decode_text(&latin).text,
            "Le café était fermé à Zürich, déjà."
        );
        let (gbk, _, _) =
            encoding_rs::GBK.encode("北京市政府今天宣布了新的技术转让计划，涉及五十个外国项目。");
        assert_eq!(
            decode_text(&gbk).text,
            "北京市政府今天宣布了新的技术转让计划，涉及五十个外国项目。"
        );
    }

    #[test]
    fn binary_data_is_told_from_text() {
        assert!(looks_binary("\u{89}PNG\r\n\u{1a}\n\0\0\0\rIHDR"));
        assert!(looks_binary(&"\u{FFFD}\u{1}ab".repeat(10)));
        assert!(!looks_binary("Plain text,\n\twith a tab and é."));
    }

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
