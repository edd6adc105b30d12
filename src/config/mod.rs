//! `sources.toml`: the outlets, the stories and the settings, parsed strictly and validated once.
//!
//! Parsing is two-stage (as ripgrep does for flags): the raw TOML document is deserialised with
//! spans kept ([`toml::Spanned`]), then validated into a ready [`Config`]. Every problem is
//! reported with file, line and column, so that `parallax check` can list them all: unknown
//! keys first ([`keys`]), each with the nearest valid key, then every other problem.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::text::lexicon::Lexicon;

use crate::model::EngineSettings;
use crate::text::clean::{clean_line, is_invisible};

mod keys;

pub use keys::nearest;

/// Fetch settings from `[settings]`; every key is optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The User-Agent header sent with every request.
    pub user_agent: String,
    /// Seconds allowed to establish a connection.
    pub connect_timeout_secs: u64,
    /// Seconds allowed between two reads of a response (a stalled server).
    pub read_timeout_secs: u64,
    /// Seconds allowed for a whole request, body included.
    pub timeout_secs: u64,
    /// Seconds allowed for one article over all its attempts and the waits between them.
    pub outlet_timeout_secs: u64,
    /// Cap on a decompressed response body, in bytes.
    pub max_body_bytes: u64,
    /// Requests in flight at once, over all hosts.
    pub max_concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host_concurrency: usize,
    /// Pause between two requests to the same host, in milliseconds.
    pub per_host_delay_ms: u64,
    /// Honour robots.txt.
    pub respect_robots: bool,
    /// Where `e` in the interface writes its files (relative to the folder of sources.toml);
    /// None: the current directory.
    pub export_dir: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            user_agent: default_user_agent(),
            connect_timeout_secs: 10,
            read_timeout_secs: 15,
            timeout_secs: 30,
            outlet_timeout_secs: 60,
            max_body_bytes: 10 * 1024 * 1024,
            max_concurrency: 8,
            per_host_concurrency: 2,
            per_host_delay_ms: 1000,
            respect_robots: true,
            export_dir: None,
        }
    }
}

/// The honest User-Agent: `parallax/<version> (+<repository>)`.
pub fn default_user_agent() -> String {
    format!(
        "parallax/{} (+https://github.com/parallax-news/parallax)",
        env!("CARGO_PKG_VERSION")
    )
}

/// A publisher, from `[[outlet]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlet {
    /// `[a-z0-9_-]{1,64}`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Home page URL, if given.
    pub homepage: Option<String>,
    /// The user's own labels (`lean`, `country`, ...).
    pub tags: BTreeMap<String, String>,
    /// CSS selector of the article body, an extraction hint.
    pub body: Option<String>,
    /// CSS selectors removed before extraction.
    pub drop: Vec<String>,
    /// An invented outlet shipped as a sample.
    pub sample: bool,
    /// The outlet's RSS, Atom or JSON feeds, for `parallax discover`.
    pub feeds: Vec<String>,
}

/// Where one article of a story is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleSource {
    /// Fetched over HTTP(S) (or read from the cache).
    Url(String),
    /// A local `.html` or text file, resolved against the folder of `sources.toml`.
    Path(PathBuf),
}

impl ArticleSource {
    /// The URL, or the path as text, for display and for the `url` field of exports.
    pub fn display(&self) -> String {
        match self {
            ArticleSource::Url(url) => url.clone(),
            ArticleSource::Path(path) => path.display().to_string(),
        }
    }
}

/// One outlet's article in a story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryArticle {
    /// Outlet id (known to the config).
    pub outlet: String,
    /// Where the article comes from.
    pub source: ArticleSource,
}

/// One news event and its articles, from `[[story]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// `[a-z0-9_-]{1,64}`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Outlet id of the reference article, if named.
    pub reference: Option<String>,
    /// One article per outlet, in listed order.
    pub articles: Vec<StoryArticle>,
    /// A sample story shipped with parallax.
    pub sample: bool,
}

/// A validated `sources.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file it was read from.
    pub path: PathBuf,
    /// `[settings]`.
    pub settings: Settings,
    /// `[compare]`: the thresholds that decide statuses.
    pub compare: EngineSettings,
    /// `[[outlet]]` entries.
    pub outlets: Vec<Outlet>,
    /// `[[story]]` entries.
    pub stories: Vec<Story>,
}

impl Config {
    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|err| ConfigError {
            file: path.to_path_buf(),
            problems: vec![Problem {
                line: 0,
                column: 0,
                message: format!("cannot read the file: {err}"),
            }],
        })?;
        Config::parse(&text, path)
    }

    /// Parses and validates config text; `path` names the file in messages and anchors
    /// relative article paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let fail = |problems: Vec<Problem>| ConfigError {
            file: path.to_path_buf(),
            problems,
        };
        let toml_problem = |err: toml::de::Error| {
            let (line, column) = err
                .span()
                .map(|span| line_column(text, span.start))
                .unwrap_or((0, 0));
            Problem {
                line,
                column,
                message: err.message().trim().to_string(),
            }
        };
        let mut document =
            toml::de::DeTable::parse(text).map_err(|e| fail(vec![toml_problem(e)]))?;
        let mut check = Validator {
            text,
            problems: Vec::new(),
        };
        for (span, message) in keys::remove_unknown_keys(document.get_mut(), "", table_keys) {
            check.report(span, message);
        }
        let raw = match RawConfig::deserialize(toml::de::Deserializer::from(document)) {
            Ok(raw) => raw,
            Err(err) => {
                check.problems.push(toml_problem(err));
                check.problems.sort_by_key(|p| (p.line, p.column));
                return Err(fail(check.problems));
            }
        };
        let base = path.parent().unwrap_or(Path::new("."));
        let mut config = check.config(raw, path, base);
        if check.problems.is_empty() {
            config.compare.lexicon_words = Lexicon::load(&config.compare.lexicon, base)?;
            Ok(config)
        } else {
            check.problems.sort_by_key(|p| (p.line, p.column));
            Err(fail(check.problems))
        }
    }

    /// The story with this id.
    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }

    /// `export_dir` of `[settings]`, relative to the folder of this file.
    pub fn export_dir(&self) -> Option<PathBuf> {
        let dir = self.settings.export_dir.as_ref()?;
        Some(self.path.parent().unwrap_or(Path::new(".")).join(dir))
    }

    /// The outlet with this id.
    pub fn outlet(&self, id: &str) -> Option<&Outlet> {
        self.outlets.iter().find(|o| o.id == id)
    }
}

/// One problem in a config file, at a 1-based line and column (0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong and what is expected.
    pub message: String,
}

/// Every problem found in one config file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigError {
    /// The config file.
    pub file: PathBuf,
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            if problem.line == 0 {
                write!(f, "{}: {}", self.file.display(), problem.message)?;
            } else {
                write!(
                    f,
                    "{}:{}:{}: {}",
                    self.file.display(),
                    problem.line,
                    problem.column,
                    problem.message
                )?;
            }
        }
        Ok(())
    }
}

/// Whether `id` is a valid outlet or story id: `[a-z0-9_-]{1,64}`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// The keys each table of `sources.toml` takes, by its path (see [`keys::Shape`]).
fn table_keys(path: &str) -> Option<&'static [&'static str]> {
    Some(match path {
        "" => keys::field_names::<RawConfig>(),
        "settings" => keys::field_names::<Settings>(),
        "compare" => keys::field_names::<EngineSettings>(),
        "outlet" => keys::field_names::<RawOutlet>(),
        "story" => keys::field_names::<RawStory>(),
        "story.article" => keys::field_names::<RawArticle>(),
        _ => return None,
    })
}

/// 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    settings: Option<Spanned<Settings>>,
    #[serde(default)]
    compare: Option<Spanned<EngineSettings>>,
    #[serde(default)]
    outlet: Vec<RawOutlet>,
    #[serde(default)]
    story: Vec<RawStory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutlet {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    homepage: Option<Spanned<String>>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
    #[serde(default)]
    body: Option<Spanned<String>>,
    #[serde(default)]
    drop: Vec<Spanned<String>>,
    #[serde(default)]
    sample: bool,
    #[serde(default)]
    feeds: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    id: Spanned<String>,
    title: String,
    #[serde(default)]
    reference: Option<Spanned<String>>,
    #[serde(default)]
    article: Vec<Spanned<RawArticle>>,
    #[serde(default)]
    sample: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    outlet: Spanned<String>,
    #[serde(default)]
    url: Option<Spanned<String>>,
    #[serde(default)]
    path: Option<Spanned<String>>,
}

/// Collects problems while turning the raw document into a [`Config`].
struct Validator<'a> {
    text: &'a str,
    problems: Vec<Problem>,
}

impl Validator<'_> {
    fn report(&mut self, span: Range<usize>, message: String) {
        let (line, column) = line_column(self.text, span.start);
        self.problems.push(Problem {
            line,
            column,
            message,
        });
    }

    fn id(&mut self, id: &Spanned<String>, what: &str) {
        if !is_valid_id(id.get_ref()) {
            self.report(
                id.span(),
                format!(
                    "invalid {what} id {:?}: expected 1 to 64 characters of a-z, 0-9, '_' or '-'",
                    id.get_ref()
                ),
            );
        }
    }

    /// Reports a value that holds a control or invisible character (an escape sequence in a
    /// URL or a path would otherwise reach the terminal in every message that names it);
    /// `true` when the value is clean.
    fn printable(&mut self, value: &Spanned<String>, what: &str) -> bool {
        let clean = !value
            .get_ref()
            .chars()
            .any(|c| c.is_control() || is_invisible(c));
        if !clean {
            self.report(
                value.span(),
                format!(
                    "{what} {:?} holds a control or invisible character: expected plain text",
                    value.get_ref()
                ),
            );
        }
        clean
    }

    /// Reports an article `path` that could leave the config's folder (absolute, or with
    /// `..`): a shared `sources.toml` must not pull any local file into a report. Files
    /// elsewhere can be named on the command line (`diff`, `extract`).
    fn local_path(&mut self, file: &Spanned<String>) {
        let escapes = Path::new(file.get_ref())
            .components()
            .any(|part| !matches!(part, Component::Normal(_) | Component::CurDir));
        if escapes {
            self.report(
                file.span(),
                format!(
                    "path {:?} leaves the folder of sources.toml: expected a path relative to it, without `..`",
                    file.get_ref()
                ),
            );
        }
    }

    fn url(&mut self, url: &Spanned<String>) {
        if !self.printable(url, "URL") {
            return;
        }
        match url::Url::parse(url.get_ref()) {
            Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.has_host() => {}
            Ok(parsed) => self.report(
                url.span(),
                format!(
                    "invalid URL {:?}: expected an http:// or https:// URL, found scheme {:?}",
                    url.get_ref(),
                    parsed.scheme()
                ),
            ),
            Err(err) => self.report(
                url.span(),
                format!(
                    "invalid URL {:?}: {err}; expected an http:// or https:// URL",
                    url.get_ref()
                ),
            ),
        }
    }

    fn selector(&mut self, selector: &Spanned<String>) {
        if scraper::Selector::parse(selector.get_ref()).is_err() {
            self.report(
                selector.span(),
                format!("invalid CSS selector {:?}", selector.get_ref()),
            );
        }
    }

    fn settings(&mut self, settings: &Spanned<Settings>) {
        let s = settings.get_ref();
        let zero = [
            ("connect_timeout_secs", s.connect_timeout_secs == 0),
            ("read_timeout_secs", s.read_timeout_secs == 0),
            ("timeout_secs", s.timeout_secs == 0),
            ("outlet_timeout_secs", s.outlet_timeout_secs == 0),
            ("max_body_bytes", s.max_body_bytes == 0),
            ("max_concurrency", s.max_concurrency == 0),
            ("per_host_concurrency", s.per_host_concurrency == 0),
        ];
        for (key, is_zero) in zero {
            if is_zero {
                self.report(
                    settings.span(),
                    format!("[settings] {key} must be greater than 0"),
                );
            }
        }
    }

    fn compare(&mut self, compare: &Spanned<EngineSettings>) {
        let c = compare.get_ref();
        for (key, value) in [
            ("claim_match", c.claim_match),
            ("claim_match_in_place", c.claim_match_in_place),
            ("paragraph_match", c.paragraph_match),
        ] {
            if !(0.0..=1.0).contains(&value) {
                self.report(
                    compare.span(),
                    format!("[compare] {key} must be between 0.0 and 1.0, found {value}"),
                );
            }
        }
    }

    fn config(&mut self, raw: RawConfig, path: &Path, base: &Path) -> Config {
        if let Some(settings) = &raw.settings {
            self.settings(settings);
        }
        if let Some(compare) = &raw.compare {
            self.compare(compare);
        }
        let mut outlet_ids = HashSet::new();
        let mut outlets = Vec::new();
        for outlet in raw.outlet {
            self.id(&outlet.id, "outlet");
            if !outlet_ids.insert(outlet.id.get_ref().clone()) {
                self.report(
                    outlet.id.span(),
                    format!("duplicate outlet id {:?}", outlet.id.get_ref()),
                );
            }
            if let Some(homepage) = &outlet.homepage {
                self.url(homepage);
            }
            for selector in outlet.body.iter().chain(&outlet.drop) {
                self.selector(selector);
            }
            for feed in &outlet.feeds {
                self.url(feed);
            }
            outlets.push(Outlet {
                id: outlet.id.into_inner(),
                name: clean_line(&outlet.name),
                homepage: outlet.homepage.map(Spanned::into_inner),
                tags: outlet
                    .tags
                    .iter()
                    .map(|(key, value)| (clean_line(key), clean_line(value)))
                    .collect(),
                body: outlet.body.map(Spanned::into_inner),
                drop: outlet.drop.into_iter().map(Spanned::into_inner).collect(),
                sample: outlet.sample,
                feeds: outlet.feeds.into_iter().map(Spanned::into_inner).collect(),
            });
        }
        let mut story_ids = HashSet::new();
        let mut stories = Vec::new();
        for story in raw.story {
            self.id(&story.id, "story");
            if !story_ids.insert(story.id.get_ref().clone()) {
                self.report(
                    story.id.span(),
                    format!("duplicate story id {:?}", story.id.get_ref()),
                );
            }
            let mut seen = HashSet::new();
            let mut articles = Vec::new();
            for article in story.article {
                let span = article.span();
                let article = article.into_inner();
                let outlet = article.outlet.get_ref();
                if !outlet_ids.contains(outlet) {
                    self.report(
                        article.outlet.span(),
                        format!(
                            "story {:?} names unknown outlet {outlet:?}: declare it with [[outlet]] first",
                            story.id.get_ref()
                        ),
                    );
                } else if !seen.insert(outlet.clone()) {
                    self.report(
                        article.outlet.span(),
                        format!(
                            "story {:?} lists outlet {outlet:?} twice: one article per outlet",
                            story.id.get_ref()
                        ),
                    );
                }
                let source = match (&article.url, &article.path) {
                    (Some(url), None) => {
                        self.url(url);
                        Some(ArticleSource::Url(url.get_ref().clone()))
                    }
                    (None, Some(file)) => {
                        if self.printable(file, "path") {
                            self.local_path(file);
                        }
                        Some(ArticleSource::Path(base.join(file.get_ref())))
                    }
                    _ => {
                        self.report(
                            span,
                            "an article needs exactly one of `url` or `path`".to_string(),
                        );
                        None
                    }
                };
                if let Some(source) = source {
                    articles.push(StoryArticle {
                        outlet: outlet.clone(),
                        source,
                    });
                }
            }
            if let Some(reference) = &story.reference
                && !articles.iter().any(|a| &a.outlet == reference.get_ref())
            {
                self.report(
                    reference.span(),
                    format!(
                        "story {:?} names reference {:?}, which is not one of its articles' outlets",
                        story.id.get_ref(),
                        reference.get_ref()
                    ),
                );
            }
            stories.push(Story {
                id: story.id.into_inner(),
                title: clean_line(&story.title),
                reference: story.reference.map(Spanned::into_inner),
                articles,
                sample: story.sample,
            });
        }
        Config {
            path: path.to_path_buf(),
            settings: raw.settings.map(Spanned::into_inner).unwrap_or_default(),
            compare: raw.compare.map(Spanned::into_inner).unwrap_or_default(),
            outlets,
            stories,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(usize, usize, String)> {
        match Config::parse(text, Path::new("sources.toml")) {
            Ok(_) => Vec::new(),
            Err(err) => err
                .problems
                .into_iter()
                .map(|p| (p.line, p.column, p.message))
                .collect(),
        }
    }

    const GOOD: &str = r#"
[[outlet]]
id = "a"
name = "A"

[[outlet]]
id = "b"
name = "B"

[[story]]
id = "s"
title = "S"
reference = "a"

[[story.article]]
outlet = "a"
url = "https://a.example/x"

[[story.article]]
outlet = "b"
path = "b.txt"
"#;

    #[test]
    fn a_good_config_parses_with_defaults() {
        let config = Config::parse(GOOD, Path::new("dir/sources.toml")).unwrap();
        assert_eq!(config.settings, Settings::default());
        assert_eq!(config.stories[0].reference.as_deref(), Some("a"));
        assert_eq!(
            config.stories[0].articles[1].source,
            ArticleSource::Path(PathBuf::from("dir/b.txt"))
        );
    }

    #[test]
    fn the_export_directory_is_relative_to_the_config_file() {
        let text = format!("[settings]\nexport_dir = \"out\"\n{GOOD}");
        let config = Config::parse(&text, Path::new("dir/sources.toml")).unwrap();
        assert_eq!(config.export_dir(), Some(PathBuf::from("dir/out")));
        let config = Config::parse(GOOD, Path::new("dir/sources.toml")).unwrap();
        assert_eq!(config.export_dir(), None);
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
        assert_eq!(line_column("x", 0), (1, 1));
    }

    #[test]
    fn ids_are_limited_to_safe_characters() {
        assert!(is_valid_id("vision_times-2"));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id("Upper"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn escapes_in_urls_and_paths_are_problems_and_names_are_cleaned() {
        let text = GOOD
            .replace(
                "https://a.example/x",
                r"http://a.example/x\u001b]52;c;VVJM\u0007",
            )
            .replace(r#""b.txt""#, r#""b\u009b2J.txt""#);
        let found = problems(&text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|p| p.2.contains("control or invisible")));
        let named = GOOD.replace(
            r#"name = "A""#,
            r#"name = "A\u001bk title \u001b\\ \u202eB""#,
        );
        let config = Config::parse(&named, Path::new("sources.toml")).unwrap();
        assert_eq!(config.outlets[0].name, "A B");
    }

    #[test]
    fn feeds_are_read_and_each_must_be_an_http_url() {
        let text = GOOD.replace(
            "name = \"A\"",
            "name = \"A\"\nfeeds = [\"https://a.example/rss.xml\", \"file:///etc/passwd\"]",
        );
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 5, "{found:?}");
        assert!(found[0].2.contains("file:///etc/passwd"), "{found:?}");
        let good = text.replace(", \"file:///etc/passwd\"", "");
        let config = Config::parse(&good, Path::new("sources.toml")).unwrap();
        assert_eq!(config.outlets[0].feeds, ["https://a.example/rss.xml"]);
    }

    #[test]
    fn article_paths_stay_inside_the_config_folder() {
        for bad in ["../../../../etc/passwd", "/etc/passwd", "sub/../../x.txt"] {
            let found = problems(&GOOD.replace("b.txt", bad));
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert!(found[0].2.contains("leaves the folder"), "{found:?}");
        }
        assert!(problems(&GOOD.replace("b.txt", "./sub/b.txt")).is_empty());
    }

    #[test]
    fn every_semantic_problem_is_reported_at_once() {
        let text = GOOD
            .replace("id = \"b\"", "id = \"a\"")
            .replace("https://a.example/x", "ftp://a.example/x");
        let found = problems(&text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (7, 6));
        assert!(found[0].2.contains("duplicate outlet id"));
        assert!(found[1].2.contains("http:// or https://"));
        assert!(found[2].2.contains("unknown outlet \"b\""));
    }
}
