//! Every charset a page may come in gives the same article text as its UTF-8 twin, and the
//! evidence order holds: BOM, then the HTTP header, then `<meta>`, then detection.
//! The encoded bytes are generated here with `encoding_rs`, so no binary fixture is needed.

use encoding_rs::{EUC_KR, Encoding, GBK, SHIFT_JIS, UTF_8, WINDOWS_1251, WINDOWS_1252};
use parallax::extract::decode::decode_html;
use parallax::extract::{ExtractHints, extract_article};

/// A page in the given language, with an optional `<meta charset>` declaration.
fn page(meta: Option<&str>, title: &str, body: &[&str]) -> String {
    let meta = meta.map_or(String::new(), |m| format!("<meta charset=\"{m}\">"));
    let paragraphs: String = body.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>\
         <article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )
}

const JAPANESE: &[&str] = &[
    "河北省は技術移転の新しい制度を発表した。企業と大学の協力を進めるためである。",
    "担当者によると、今年は六十件以上の案件が対象になるという。関係者は歓迎している。",
    "制度の詳細は来月に公表される予定だ。専門家は効果に注目している。",
];
const CHINESE: &[&str] = &[
    "河北省发布了技术转移的新制度，旨在推动企业与高校之间的合作。",
    "据负责人介绍，今年将有六十多个项目纳入支持范围，相关方面表示欢迎。",
    "制度细则预计将于下个月公布，专家关注其实际效果。",
];
const FRENCH: &[&str] = &[
    "La province a annoncé un nouveau régime de transfert de technologie, dit le préfet.",
    "Selon le responsable, plus de soixante projets seront concernés cette année — à peu près.",
    "Les détails seront publiés le mois prochain ; les experts suivent l'affaire de près.",
];

/// Encodes `text` in `encoding`, asserting that every character is representable.
fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot hold the sample", encoding.name());
    bytes.into_owned()
}

/// The paragraphs extracted from a decoded page.
fn paragraphs_of(bytes: &[u8], content_type: Option<&str>) -> Vec<String> {
    extract_article(
        &decode_html(bytes, content_type).text,
        &ExtractHints::default(),
    )
    .paragraphs
}

fn utf8_paragraphs(body: &[&str]) -> Vec<String> {
    let twin = page(Some("utf-8"), "t", body);
    let paragraphs = paragraphs_of(twin.as_bytes(), None);
    assert_eq!(
        paragraphs.len(),
        body.len(),
        "the UTF-8 twin extracts fully"
    );
    paragraphs
}

#[test]
fn shift_jis_by_meta_matches_its_utf8_twin() {
    let bytes = encode(&page(Some("Shift_JIS"), "t", JAPANESE), SHIFT_JIS);
    assert_eq!(decode_html(&bytes, None).charset, "Shift_JIS");
    assert_eq!(paragraphs_of(&bytes, None), utf8_paragraphs(JAPANESE));
}

#[test]
fn gbk_by_header_matches_its_utf8_twin() {
    let bytes = encode(&page(None, "t", CHINESE), GBK);
    let header = Some("text/html; charset=gb2312");
    assert_eq!(decode_html(&bytes, header).charset, "GBK");
    assert_eq!(paragraphs_of(&bytes, header), utf8_paragraphs(CHINESE));
}

#[test]
fn windows_1252_by_http_equiv_matches_its_utf8_twin() {
    let html = page(None, "t", FRENCH).replace(
        "<head>",
        "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
    );
    let bytes = encode(&html, WINDOWS_1252);
    assert_eq!(decode_html(&bytes, None).charset, "windows-1252");
    assert_eq!(paragraphs_of(&bytes, None), utf8_paragraphs(FRENCH));
}

#[test]
fn utf16_with_bom_matches_its_utf8_twin() {
    let html = page(None, "t", JAPANESE);
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in html.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(decode_html(&le, None).charset, "UTF-16LE");
    assert_eq!(decode_html(&be, None).charset, "UTF-16BE");
    assert_eq!(paragraphs_of(&le, None), utf8_paragraphs(JAPANESE));
    // The BOM wins over a header that says otherwise.
    assert_eq!(
        paragraphs_of(&be, Some("text/html; charset=iso-8859-1")),
        utf8_paragraphs(JAPANESE)
    );
}

#[test]
fn utf8_bom_wins_over_header_and_meta() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(page(Some("Shift_JIS"), "t", CHINESE).as_bytes());
    let decoded = decode_html(&bytes, Some("text/html; charset=gbk"));
    assert_eq!(decoded.charset, "UTF-8");
    assert!(!decoded.text.starts_with('\u{FEFF}'), "the BOM is removed");
    assert_eq!(
        paragraphs_of(&bytes, Some("charset=gbk")),
        utf8_paragraphs(CHINESE)
    );
}

#[test]
fn header_wins_over_a_disagreeing_meta() {
    // The page says windows-1251 in its meta, but the server (rightly) says Shift_JIS.
    let bytes = encode(&page(Some("windows-1251"), "t", JAPANESE), SHIFT_JIS);
    let header = Some("text/html;charset=\"Shift_JIS\"");
    assert_eq!(decode_html(&bytes, header).charset, "Shift_JIS");
    assert_eq!(paragraphs_of(&bytes, header), utf8_paragraphs(JAPANESE));
    // Without the header, the meta is believed.
    assert_eq!(decode_html(&bytes, None).charset, "windows-1251");
}

#[test]
fn an_unknown_header_label_falls_through_to_meta() {
    let bytes = encode(&page(Some("gbk"), "t", CHINESE), GBK);
    assert_eq!(
        decode_html(&bytes, Some("text/html; charset=bogus")).charset,
        "GBK"
    );
}

#[test]
fn undeclared_pages_are_detected() {
    let long: Vec<&str> = CHINESE
        .iter()
        .chain(CHINESE)
        .chain(CHINESE)
        .copied()
        .collect();
    let bytes = encode(&page(None, "t", &long), GBK);
    assert_eq!(decode_html(&bytes, None).charset, "GBK");
    let bytes = encode(&page(None, "t", JAPANESE), SHIFT_JIS);
    assert_eq!(decode_html(&bytes, None).charset, "Shift_JIS");
    let russian = ["Правительство объявило о новой программе передачи технологий в регионе."; 3];
    let bytes = encode(&page(None, "t", &russian), WINDOWS_1251);
    assert_eq!(decode_html(&bytes, None).charset, "windows-1251");
    let korean = ["정부는 지역의 기술 이전을 위한 새로운 제도를 발표했다고 밝혔다."; 3];
    let bytes = encode(&page(None, "t", &korean), EUC_KR);
    assert_eq!(decode_html(&bytes, None).charset, "EUC-KR");
}

#[test]
fn undeclared_valid_utf8_is_utf8_and_nothing_at_all_is_utf8() {
    let html = page(None, "t", JAPANESE);
    assert_eq!(decode_html(html.as_bytes(), None).charset, UTF_8.name());
    assert_eq!(decode_html(b"", None).charset, "UTF-8");
}

#[test]
fn invalid_bytes_are_replaced_not_fatal() {
    let decoded = decode_html(b"<p>ok \xff\xfe\x80 still</p>", Some("charset=utf-8"));
    assert_eq!(decoded.text, "<p>ok \u{FFFD}\u{FFFD}\u{FFFD} still</p>");
}
