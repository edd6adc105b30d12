//! The JSON contract of README.md (`--format json`), with the evidence fields of the model
//! (`parallax_version`, `settings`, each outlet's `fetched_at` and `sha256`).
//! `schema/comparison.schema.json` describes the document; a test validates every output.
//!
//! serde_json escapes C0 controls but writes C1 controls, bidi overrides and invisible
//! characters raw, which a terminal acts on (`cat report.json`). [`write_pretty`] writes them
//! as `\uXXXX` escapes instead: the document holds the same strings, and no byte of it can
//! steer a terminal.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::framing::Framing;
use crate::model::Comparison;
use crate::text::clean::is_invisible;

/// Writes a comparison as pretty JSON followed by a newline, with its framing
/// ([`crate::framing::analyse`]) as the field `framing`.
pub fn write_json(comparison: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    write_pretty(&WithFraming::of(comparison), out)
}

/// A comparison's fields and its framing, as one JSON object.
#[derive(Serialize)]
struct WithFraming<'a> {
    #[serde(flatten)]
    comparison: &'a Comparison,
    framing: Framing,
}

impl<'a> WithFraming<'a> {
    fn of(comparison: &'a Comparison) -> Self {
        WithFraming {
            comparison,
            framing: crate::framing::analyse(comparison),
        }
    }
}

/// The document `parallax provenance --format json` writes: the story, its outlets (who, where,
/// when) and the `provenance` section of the comparison.
#[derive(Serialize)]
struct ProvenanceDocument<'a> {
    version: u32,
    story: &'a str,
    reference: &'a str,
    outlets: Vec<ProvenanceOutlet<'a>>,
    provenance: &'a crate::provenance::Provenance,
    failures: &'a [crate::model::OutletFailure],
    parallax_version: &'a str,
}

#[derive(Serialize)]
struct ProvenanceOutlet<'a> {
    id: &'a str,
    name: &'a str,
    url: &'a str,
    title: &'a str,
    published: Option<&'a str>,
    fetched_at: Option<&'a str>,
    sha256: Option<&'a str>,
}

/// Writes the provenance of a comparison as its own JSON document (see
/// `schema/provenance.schema.json`).
pub fn write_provenance(comparison: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let document = ProvenanceDocument {
        version: comparison.version,
        story: &comparison.story,
        reference: &comparison.reference,
        outlets: comparison
            .outlets
            .iter()
            .map(|o| ProvenanceOutlet {
                id: &o.id,
                name: &o.name,
                url: &o.url,
                title: &o.title,
                published: o.published.as_deref(),
                fetched_at: o.fetched_at.as_deref(),
                sha256: o.sha256.as_deref(),
            })
            .collect(),
        provenance: &comparison.provenance,
        failures: &comparison.failures,
        parallax_version: &comparison.parallax_version,
    };
    write_pretty(&document, out)
}

/// Writes any value as pretty JSON followed by a newline, every control, bidi and invisible
/// character escaped as `\uXXXX`.
///
/// ```
/// let mut out = Vec::new();
/// parallax::report::json::write_pretty(&"a\u{9b}b\u{202e}c", &mut out).unwrap();
/// assert_eq!(out, b"\"a\\u009bb\\u202ec\"\n");
/// ```
pub fn write_pretty<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(
        &mut *out,
        EscapingFormatter(PrettyFormatter::new()),
    );
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// serde_json's pretty formatter, escaping what [`is_invisible`] names inside strings.
struct EscapingFormatter(PrettyFormatter<'static>);

impl Formatter for EscapingFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if is_invisible(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_bidi_and_supplementary_invisibles_are_escaped_and_round_trip() {
        let hostile = "x\u{9b}2J\u{202e}\u{1b}]0;t\u{7}\u{e0041}y";
        let mut out = Vec::new();
        write_pretty(&serde_json::json!({"name": hostile}), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && (c.is_control() || is_invisible(c))),
            "{text:?}"
        );
        assert!(text.contains("\\udb40\\udc41"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], hostile);
    }
}
