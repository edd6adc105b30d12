//! Adding articles to `sources.toml` without editing it by hand (`parallax add`, `diff --save`):
//! each article goes to the outlet declared for its host, or to a new outlet named after the
//! site; the story is created when absent. The file is edited in place ([`editor`]), every
//! comment kept, and the result must pass the same validation as `parallax check` before
//! anything is written.

pub mod apply;
pub mod editor;
pub mod outlets;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::config::{Config, ConfigError, Story, StoryArticle};
pub use apply::{AddError, Added, add_to_sources};
pub use editor::{Location, SourcesEditor};

/// What to add: articles to one story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The story id (created when absent).
    pub story: String,
    /// The title of a new story (default: the first article's headline, else the id).
    pub title: Option<String>,
    /// The articles.
    pub articles: Vec<NewArticle>,
    /// Make the first article's outlet the reference of a new story (as `diff` compares).
    pub first_is_reference: bool,
}

/// One article to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArticle {
    /// Its outlet id (declared when new); None: found or made from the URL's host.
    pub outlet: Option<String>,
    /// Where it is read from.
    pub location: Location,
}

impl NewArticle {
    /// An article whose outlet is found from its location.
    pub fn at(location: Location) -> NewArticle {
        NewArticle {
            outlet: None,
            location,
        }
    }
}

/// One article of a [`Plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedArticle {
    /// Its outlet id.
    pub outlet: String,
    /// Where it is read from.
    pub location: Location,
}

/// The edit a [`Request`] makes, checked to pass validation.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The edited document.
    pub editor: SourcesEditor,
    /// The config the edited document validates to.
    pub config: Config,
    /// The story's id.
    pub story: String,
    /// The articles added, in order.
    pub articles: Vec<PlannedArticle>,
    /// Outlets the edit declares, named after their host until [`Plan::rename`].
    pub new_outlets: Vec<String>,
    /// Whether the story is new and its title open to [`Plan::rename`].
    pub untitled_story: bool,
}

impl Plan {
    /// The story restricted to the added articles (to fetch them).
    pub fn added_story(&self) -> Story {
        let story = self
            .config
            .story(&self.story)
            .expect("a plan's config holds its story");
        let articles: Vec<StoryArticle> = story
            .articles
            .iter()
            .filter(|article| self.articles.iter().any(|a| a.outlet == article.outlet))
            .cloned()
            .collect();
        Story {
            articles,
            ..story.clone()
        }
    }

    /// Names new outlets after their sites (`site_names` by outlet id) and, when the story
    /// is new and untitled, titles it `title`; then validates again.
    pub fn rename(
        &mut self,
        site_names: &HashMap<String, String>,
        title: Option<&str>,
    ) -> Result<(), ConfigError> {
        for id in &self.new_outlets {
            if let Some(name) = site_names.get(id) {
                self.editor.set_outlet_name(id, name);
            }
        }
        if self.untitled_story
            && let Some(title) = title.filter(|t| !t.is_empty())
        {
            self.editor.set_story_title(&self.story, title);
        }
        self.config = Config::parse(&self.editor.to_string(), &self.config.path)?;
        Ok(())
    }
}

/// Why a request was refused; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The request itself is wrong.
    #[error("{0}")]
    Usage(String),
    /// The edited file would not pass validation.
    #[error(
        "{file}: the edit would not pass `parallax check` (lines of the edited file), so nothing was written:\n{problems}",
        file = .0.file.display(),
        problems = .0
    )]
    Invalid(ConfigError),
}

/// Plans `request` on `text`, the current content of `config`'s file: resolves every
/// article's outlet, edits the document and validates the result.
pub fn plan(text: &str, config: &Config, request: &Request) -> Result<Plan, Refusal> {
    let existing_story = config.story(&request.story).is_some();
    if existing_story && request.title.is_some() {
        return Err(Refusal::Usage(format!(
            "story {:?} exists already: --title only names a new story",
            request.story
        )));
    }
    let mut editor = SourcesEditor::parse(text)
        .map_err(|err| Refusal::Usage(format!("{}: {err}", config.path.display())))?;
    if !existing_story {
        let title = request.title.as_deref().unwrap_or(&request.story);
        editor.add_story(&request.story, title);
    }
    let mut resolver = OutletResolver::new(config);
    let mut articles = Vec::new();
    for article in &request.articles {
        let location = &article.location;
        let outlet = resolver.resolve(location, article.outlet.as_deref(), &mut editor);
        editor.add_article(&request.story, &outlet, location);
        articles.push(PlannedArticle {
            outlet,
            location: location.clone(),
        });
    }
    if let Some(first) = articles.first()
        && request.first_is_reference
        && !existing_story
    {
        editor.set_story_reference(&request.story, &first.outlet);
    }
    let edited = Config::parse(&editor.to_string(), &config.path).map_err(Refusal::Invalid)?;
    Ok(Plan {
        editor,
        config: edited,
        story: request.story.clone(),
        articles,
        new_outlets: resolver.created,
        untitled_story: !existing_story && request.title.is_none(),
    })
}

/// Finds or declares the outlet of each article of one request.
struct OutletResolver<'a> {
    config: &'a Config,
    taken: HashSet<String>,
    created: Vec<String>,
    created_for_host: HashMap<String, String>,
}

impl<'a> OutletResolver<'a> {
    fn new(config: &'a Config) -> Self {
        OutletResolver {
            config,
            taken: config.outlets.iter().map(|o| o.id.clone()).collect(),
            created: Vec::new(),
            created_for_host: HashMap::new(),
        }
    }

    /// The outlet id of `location`, declaring a new outlet in `editor` when none fits.
    fn resolve(
        &mut self,
        location: &Location,
        forced: Option<&str>,
        editor: &mut SourcesEditor,
    ) -> String {
        let (host, homepage, fallback_name) = match location {
            Location::Url(url) => {
                let host = outlets::site_host(url).unwrap_or_else(|| url.clone());
                let homepage = url::Url::parse(url)
                    .ok()
                    .and_then(|u| Some(format!("{}://{}/", u.scheme(), u.host_str()?)));
                (Some(host.clone()), homepage, host)
            }
            Location::Path(path) => {
                let stem = Path::new(path)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.clone());
                (None, None, stem)
            }
        };
        let known = match (forced, &host) {
            (Some(id), _) => self.taken.contains(id).then(|| id.to_string()),
            (None, Some(host)) => outlets::outlet_for_host(self.config, host)
                .map(str::to_string)
                .or_else(|| self.created_for_host.get(host).cloned()),
            (None, None) => {
                let id = outlets::id_from(&fallback_name);
                self.taken.contains(&id).then_some(id)
            }
        };
        if let Some(id) = known {
            return id;
        }
        let id = match forced {
            Some(id) => id.to_string(),
            None => outlets::unique_id(outlets::id_from(&fallback_name), &self.taken),
        };
        editor.add_outlet(&id, &fallback_name, homepage.as_deref());
        self.taken.insert(id.clone());
        self.created.push(id.clone());
        if let Some(host) = host {
            self.created_for_host.insert(host, id.clone());
        }
        id
    }
}

/// A path as `sources.toml` must name it: relative to the folder of `config_path`, inside it.
pub fn path_in_config_folder(config_path: &Path, input: &Path) -> Result<String, Refusal> {
    let folder = config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let canonical = |path: &Path| {
        path.canonicalize()
            .map_err(|err| Refusal::Usage(format!("{}: cannot read it: {err}", path.display())))
    };
    let folder = canonical(folder)?;
    let file: PathBuf = canonical(input)?;
    file.strip_prefix(&folder)
        .map(|relative| relative.to_string_lossy().into_owned())
        .map_err(|_| {
            Refusal::Usage(format!(
                "{}: outside the folder of {}, where sources.toml may name files; copy it there first",
                input.display(),
                config_path.display()
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: &str = r#"[[outlet]]
id = "wire"
name = "Wire"
homepage = "https://wire.example/"

[[story]]
id = "flood"
title = "Flood"

[[story.article]]
outlet = "wire"
url = "https://wire.example/flood"
"#;

    fn config() -> Config {
        Config::parse(SOURCES, Path::new("sources.toml")).unwrap()
    }

    fn request(story: &str, urls: &[&str]) -> Request {
        Request {
            story: story.into(),
            title: None,
            articles: urls
                .iter()
                .map(|u| NewArticle::at(Location::Url(u.to_string())))
                .collect(),
            first_is_reference: false,
        }
    }

    #[test]
    fn a_known_host_joins_its_outlet_and_a_new_host_makes_one() {
        let plan = plan(
            SOURCES,
            &config(),
            &request(
                "storm",
                &["https://www.wire.example/storm", "https://daily.example/s"],
            ),
        )
        .unwrap();
        let outlets: Vec<&str> = plan.articles.iter().map(|a| a.outlet.as_str()).collect();
        assert_eq!(outlets, ["wire", "daily-example"]);
        assert_eq!(plan.new_outlets, ["daily-example"]);
        let daily = plan.config.outlet("daily-example").unwrap();
        assert_eq!(daily.name, "daily.example");
        assert_eq!(daily.homepage.as_deref(), Some("https://daily.example/"));
        assert_eq!(plan.config.story("storm").unwrap().title, "storm");
        assert!(plan.untitled_story);
    }

    #[test]
    fn an_edit_that_would_not_pass_check_is_refused() {
        // The wire already has an article in this story.
        let refused = plan(
            SOURCES,
            &config(),
            &request("flood", &["https://wire.example/other"]),
        );
        assert!(
            matches!(&refused, Err(Refusal::Invalid(err)) if err.to_string().contains("twice")),
            "{refused:?}"
        );
        let bad_scheme = plan(
            SOURCES,
            &config(),
            &request("flood", &["ftp://x.example/a"]),
        );
        assert!(
            matches!(bad_scheme, Err(Refusal::Invalid(_))),
            "{bad_scheme:?}"
        );
        let mut titled = request("flood", &["https://daily.example/f"]);
        titled.title = Some("New".into());
        assert!(matches!(
            plan(SOURCES, &config(), &titled),
            Err(Refusal::Usage(_))
        ));
    }

    #[test]
    fn renaming_names_new_outlets_and_an_untitled_story() {
        let mut plan = plan(
            SOURCES,
            &config(),
            &request("storm", &["https://daily.example/s"]),
        )
        .unwrap();
        let names = HashMap::from([("daily-example".to_string(), "The Daily".to_string())]);
        plan.rename(&names, Some("Storm hits")).unwrap();
        assert_eq!(
            plan.config.outlet("daily-example").unwrap().name,
            "The Daily"
        );
        assert_eq!(plan.config.story("storm").unwrap().title, "Storm hits");
        assert_eq!(plan.added_story().articles.len(), 1);
    }
}
