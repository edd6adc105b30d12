//! What a page says about its article outside the body text: JSON-LD (`NewsArticle`,
//! `Article`, `BlogPosting`, inside `@graph` arrays too), OpenGraph and other `<meta>` tags,
//! `<time>` elements, `<h1>` and `<title>`. Best evidence first: JSON-LD, then meta tags, then
//! the markup.

use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use super::dates::normalize_date;
use crate::text::clean::{clean_line, clean_text};

/// The article's metadata, every string cleaned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline.
    pub title: String,
    /// The author line, without a leading "By".
    pub byline: Option<String>,
    /// The publication date, ISO 8601 where readable.
    pub published: Option<String>,
    /// JSON-LD `articleBody`, paragraphs separated by line breaks.
    pub article_body: Option<String>,
    /// The outlet's name (`og:site_name`).
    pub site_name: Option<String>,
}

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Clone, Default)]
struct LinkedData {
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    article_body: Option<String>,
}

/// What the `<meta>` tags say.
#[derive(Debug, Clone, Default)]
struct MetaTags {
    title: Option<String>,
    site_name: Option<String>,
    author: Option<String>,
    published: Option<String>,
}

/// Reads the metadata of a parsed page, given its JSON-LD scripts' text.
pub fn read(document: &Html, json_ld: &[String]) -> Metadata {
    let linked = read_json_ld(json_ld);
    let meta = read_meta_tags(document);
    let markup = read_markup(document);
    let title = choose_title(&linked, &meta, &markup);
    let byline = choose_byline(&linked.authors, meta.author, markup.byline);
    let published = linked
        .published
        .or(meta.published)
        .or(markup.time)
        .and_then(|d| normalize_date(&d));
    Metadata {
        title,
        byline,
        published,
        article_body: linked
            .article_body
            .map(|b| clean_text(&b, true))
            .filter(|b| !b.is_empty()),
        site_name: meta.site_name,
    }
}

/// JSON-LD types that describe an article.
fn is_article_type(value: &Value) -> bool {
    let is_article = |t: &str| {
        t.ends_with("Article")
            || t.ends_with("BlogPosting")
            || matches!(t, "Report" | "LiveBlogPosting" | "Review")
    };
    match value.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// Values visited at most per page: JSON-LD is small, a hostile one is not.
const MAX_JSON_VALUES: usize = 20_000;

fn read_json_ld(scripts: &[String]) -> LinkedData {
    let mut linked = LinkedData::default();
    for script in scripts {
        // Raw newlines and tabs inside strings are common and make the JSON invalid.
        let script: String = script
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let Ok(value) = serde_json::from_str::<Value>(&script) else {
            continue;
        };
        let mut stack = vec![&value];
        let mut visited = 0;
        while let Some(value) = stack.pop() {
            visited += 1;
            if visited > MAX_JSON_VALUES {
                break;
            }
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if is_article_type(value) {
                        take_article(&mut linked, value);
                    }
                    for key in [
                        "@graph",
                        "mainEntity",
                        "mainEntityOfPage",
                        "itemListElement",
                    ] {
                        if let Some(inner) = map.get(key) {
                            stack.push(inner);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    linked
}

/// Fills what is still missing from one article object.
fn take_article(linked: &mut LinkedData, article: &Value) {
    let text = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_str)
            .map(clean_line)
            .filter(|s| !s.is_empty())
    };
    if linked.headline.is_none() {
        linked.headline = text("headline").or_else(|| text("name"));
    }
    if linked.published.is_none() {
        linked.published = text("datePublished").or_else(|| text("dateCreated"));
    }
    if linked.article_body.is_none() {
        linked.article_body = article
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    if linked.authors.is_empty() {
        let authors = article.get("author").or_else(|| article.get("creator"));
        let list: Vec<&Value> = match authors {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
            None => Vec::new(),
        };
        for author in list {
            let name = match author {
                Value::String(name) => Some(name.as_str()),
                Value::Object(_) => author.get("name").and_then(Value::as_str),
                _ => None,
            };
            if let Some(name) = name.map(clean_line).filter(|n| is_person_name(n))
                && !linked.authors.contains(&name)
            {
                linked.authors.push(name);
            }
        }
    }
}

/// Whether an author value reads as a name rather than a URL or an id.
fn is_person_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 100
        && !name.contains("://")
        && !name.starts_with("www.")
        && name.chars().any(char::is_alphabetic)
}

fn read_meta_tags(document: &Html) -> MetaTags {
    let mut meta = MetaTags::default();
    for node in document.tree.root().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if element.name() != "meta" {
            continue;
        }
        let mut key = String::new();
        let mut content = None;
        for (name, value) in element.attrs() {
            match name {
                "property" | "name" | "itemprop" if key.is_empty() => {
                    key = value.trim().to_ascii_lowercase()
                }
                "content" => content = Some(value),
                _ => {}
            }
        }
        let Some(content) = content else {
            continue;
        };
        let slot = match key.as_str() {
            "og:title" | "twitter:title" | "dc.title" | "parsely-title" | "sailthru.title" => {
                &mut meta.title
            }
            "og:site_name" | "application-name" => &mut meta.site_name,
            "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author"
            | "byl" | "twitter:creator" => &mut meta.author,
            "article:published_time"
            | "og:published_time"
            | "article:published"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "dc.date.issued"
            | "dc.date"
            | "dcterms.created"
            | "date"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article.published" => &mut meta.published,
            _ => continue,
        };
        let content = clean_line(content);
        let is_author = key.contains("author") || key == "byl" || key.contains("creator");
        if content.is_empty()
            || (is_author && (!is_person_name(&content) || content.starts_with('@')))
        {
            continue;
        }
        if slot.is_none() {
            *slot = Some(content);
        }
    }
    meta
}

/// What the markup itself shows.
#[derive(Debug, Clone, Default)]
struct Markup {
    h1: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    time: Option<String>,
}

fn read_markup(document: &Html) -> Markup {
    let mut markup = Markup::default();
    let mut time_fallback = None;
    for node in document.tree.root().descendants() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let value = element.value();
        let name = value.name();
        let (mut datetime, mut published_mark, mut author_mark) = (None, false, false);
        for (attribute, content) in value.attrs() {
            match attribute {
                "datetime" => datetime = Some(content),
                "pubdate" => published_mark = true,
                "itemprop" => {
                    published_mark |= content == "datePublished";
                    author_mark |= content == "author";
                }
                "rel" => author_mark |= content == "author",
                "class" => {
                    published_mark |= content.contains("publish");
                    author_mark |= content.to_ascii_lowercase().contains("byline");
                }
                _ => {}
            }
        }
        match name {
            "title" if markup.title.is_none() => {
                markup.title =
                    Some(clean_line(&element.text().collect::<String>())).filter(|t| !t.is_empty());
            }
            "h1" if markup.h1.is_none() => {
                markup.h1 = Some(clean_line(&text_of(element))).filter(|t| !t.is_empty());
            }
            "time" if markup.time.is_none() => {
                if let Some(datetime) = datetime {
                    if published_mark {
                        markup.time = Some(datetime.to_string());
                    } else if time_fallback.is_none() {
                        time_fallback = Some(datetime.to_string());
                    }
                }
            }
            _ => {}
        }
        if author_mark && markup.byline.is_none() {
            let text = clean_line(&text_of(element));
            if !text.is_empty() && text.chars().count() < 100 {
                markup.byline = Some(text);
            }
        }
    }
    markup.time = markup.time.or(time_fallback);
    markup
}

/// The text of an element, spaces between its blocks.
fn text_of(element: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in element.descendants() {
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The headline: the page's `<h1>` when the metadata confirms it (it carries no site name),
/// else JSON-LD, OpenGraph, `<h1>`, `<title>`, site names cut off.
fn choose_title(linked: &LinkedData, meta: &MetaTags, markup: &Markup) -> String {
    let stated: Vec<&String> = [&linked.headline, &meta.title, &markup.title]
        .into_iter()
        .flatten()
        .collect();
    if let Some(h1) = &markup.h1 {
        let h1_key = comparable(h1);
        if h1_key.len() >= 8 && stated.iter().any(|s| comparable(s).contains(&h1_key)) {
            return h1.clone();
        }
    }
    if let Some(headline) = &linked.headline {
        return headline.clone();
    }
    if let Some(title) = &meta.title {
        return strip_site_name(title, meta.site_name.as_deref());
    }
    if let Some(h1) = &markup.h1 {
        return h1.clone();
    }
    markup
        .title
        .as_deref()
        .map(|t| strip_site_name(t, meta.site_name.as_deref()))
        .unwrap_or_default()
}

/// The author line: the page's visible byline when it names every JSON-LD author (it is the
/// page's own wording, "A and B"), else the JSON-LD authors, the meta author, the visible
/// byline.
fn choose_byline(
    authors: &[String],
    meta_author: Option<String>,
    visible: Option<String>,
) -> Option<String> {
    let visible = visible.map(|v| strip_by(&v)).filter(|v| !v.is_empty());
    if let Some(line) = &visible
        && !authors.is_empty()
    {
        let key = comparable(line);
        if authors.iter().all(|a| key.contains(&comparable(a))) {
            return visible;
        }
    }
    (!authors.is_empty())
        .then(|| authors.join(", "))
        .or(meta_author)
        .map(|b| strip_by(&b))
        .or(visible)
        .filter(|b| !b.is_empty())
}

/// Lowercase letters and digits only, for comparing titles.
fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "Headline | Site" → "Headline" (when the tail is the site's name or short).
pub(crate) fn strip_site_name(title: &str, site_name: Option<&str>) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    let mut title = title.to_string();
    for _ in 0..2 {
        let Some((head, tail)) = SEPARATORS
            .iter()
            .filter_map(|s| title.rsplit_once(s))
            .max_by_key(|(head, _)| head.len())
        else {
            break;
        };
        let tail_is_site = site_name.is_some_and(|s| comparable(s) == comparable(tail))
            || tail.split_whitespace().count() <= 4;
        if !tail_is_site || head.split_whitespace().count() < 3 {
            break;
        }
        title = head.trim().to_string();
    }
    title
}

/// "By Jane Doe" → "Jane Doe".
pub fn strip_by(byline: &str) -> String {
    let line = clean_line(byline);
    let lower = line.to_lowercase();
    for prefix in ["by:", "by ", "von ", "par ", "por ", "di "] {
        if lower.starts_with(prefix) {
            return line[prefix.len()..].trim().to_string();
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_arrays_and_author_lists_are_read() {
        let script = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"The headline","datePublished":"2020-11-17T08:00:00Z",
             "author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"},"https://x.example/a"],
             "articleBody":"First.\nSecond."}]}"#;
        let linked = read_json_ld(&[script.to_string()]);
        assert_eq!(linked.headline.as_deref(), Some("The headline"));
        assert_eq!(linked.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(linked.published.as_deref(), Some("2020-11-17T08:00:00Z"));
        assert!(linked.article_body.is_some());
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        assert_eq!(
            strip_site_name("Hebei opens tech market | Daily News", Some("Daily News")),
            "Hebei opens tech market"
        );
        assert_eq!(strip_site_name("A - B", None), "A - B");
        assert_eq!(strip_by("By  Jane Doe"), "Jane Doe");
    }
}
