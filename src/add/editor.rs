//! Edits `sources.toml` in place with `toml_edit`: every comment, blank line, key order and
//! value format the user wrote is kept, and new outlets, stories and articles are appended
//! where a reader expects them (an article after its story's last article, an outlet after
//! the last outlet, a story at the end).

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

/// Where a new article is read from, as written into `[[story.article]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// `url = "..."`.
    Url(String),
    /// `path = "..."`, relative to the folder of `sources.toml`.
    Path(String),
}

/// A `sources.toml` document being edited.
#[derive(Debug, Clone)]
pub struct SourcesEditor {
    document: DocumentMut,
}

impl SourcesEditor {
    /// Parses the text of a `sources.toml` (already checked by [`crate::config::Config`]).
    pub fn parse(text: &str) -> Result<SourcesEditor, toml_edit::TomlError> {
        Ok(SourcesEditor {
            document: text.parse()?,
        })
    }

    /// Appends `[[outlet]]` with an id, a name and, when known, a home page.
    pub fn add_outlet(&mut self, id: &str, name: &str, homepage: Option<&str>) {
        let mut outlet = Table::new();
        outlet["id"] = value(id);
        outlet["name"] = value(name);
        if let Some(homepage) = homepage {
            outlet["homepage"] = value(homepage);
        }
        self.tables("outlet").push(outlet);
    }

    /// Appends `[[story]]` with an id and a title.
    pub fn add_story(&mut self, id: &str, title: &str) {
        let mut story = Table::new();
        story["id"] = value(id);
        story["title"] = value(title);
        self.tables("story").push(story);
    }

    /// Appends `[[story.article]]` to the story `story` (added first when absent, titled
    /// by its id).
    pub fn add_article(&mut self, story: &str, outlet: &str, location: &Location) {
        if self.story_mut(story).is_none() {
            self.add_story(story, story);
        }
        let mut article = Table::new();
        article["outlet"] = value(outlet);
        match location {
            Location::Url(url) => article["url"] = value(url.as_str()),
            Location::Path(path) => article["path"] = value(path.as_str()),
        }
        let story = self.story_mut(story).expect("the story was just added");
        let articles = story
            .entry("article")
            .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
        if let Some(articles) = articles.as_array_of_tables_mut() {
            articles.push(article);
        }
    }

    /// Replaces the name of an outlet.
    pub fn set_outlet_name(&mut self, id: &str, name: &str) {
        if let Some(outlet) = self.find_mut("outlet", id) {
            outlet["name"] = value(name);
        }
    }

    /// Replaces the title of a story.
    pub fn set_story_title(&mut self, id: &str, title: &str) {
        if let Some(story) = self.story_mut(id) {
            story["title"] = value(title);
        }
    }

    /// Sets the reference outlet of a story.
    pub fn set_story_reference(&mut self, id: &str, outlet: &str) {
        if let Some(story) = self.story_mut(id) {
            story["reference"] = value(outlet);
        }
    }

    fn story_mut(&mut self, id: &str) -> Option<&mut Table> {
        self.find_mut("story", id)
    }

    /// The `[[key]]` entry whose `id` is `id`.
    fn find_mut(&mut self, key: &str, id: &str) -> Option<&mut Table> {
        self.document
            .get_mut(key)?
            .as_array_of_tables_mut()?
            .iter_mut()
            .find(|table| table.get("id").and_then(Item::as_str) == Some(id))
    }

    /// The top-level array of tables `[[key]]`, created when absent.
    fn tables(&mut self, key: &str) -> &mut ArrayOfTables {
        let item = self
            .document
            .entry(key)
            .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
        if !item.is_array_of_tables() {
            // Config validation accepts only arrays of tables here; anything else is replaced.
            *item = Item::ArrayOfTables(ArrayOfTables::new());
        }
        item.as_array_of_tables_mut().expect("set just above")
    }
}

impl std::fmt::Display for SourcesEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMENTED: &str = r#"# My sources.
[settings]
per_host_delay_ms = 500   # be gentle

# Outlets I follow.
[[outlet]]
id = "wire"   # the wire service
name = "Wire"

# Stories.
[[story]]
id = "flood"
title = "Flood"

[[story.article]]
outlet = "wire"
url = "https://wire.example/flood"

# Another story, after a comment.
[[story]]
id = "quake"
title = "Quake"
"#;

    #[test]
    fn appended_entries_keep_every_comment_and_land_in_place() {
        let mut editor = SourcesEditor::parse(COMMENTED).unwrap();
        editor.add_outlet("daily", "Daily", Some("https://daily.example/"));
        editor.add_article(
            "flood",
            "daily",
            &Location::Url("https://daily.example/f".into()),
        );
        editor.add_article("storm", "wire", &Location::Path("storm.txt".into()));
        let text = editor.to_string();
        for line in COMMENTED.lines() {
            assert!(text.contains(line), "lost {line:?} in:\n{text}");
        }
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert!(at("id = \"wire\"") < at("id = \"daily\""));
        assert!(at("id = \"daily\"") < at("# Stories."));
        assert!(at("wire.example/flood") < at("daily.example/f"));
        assert!(at("daily.example/f") < at("# Another story"));
        assert!(at("id = \"quake\"") < at("id = \"storm\""));
        assert!(at("id = \"storm\"") < at("storm.txt"));
    }

    #[test]
    fn names_and_titles_are_replaced_in_place() {
        let mut editor = SourcesEditor::parse(COMMENTED).unwrap();
        editor.set_outlet_name("wire", "The Wire");
        editor.set_story_title("quake", "The quake");
        let text = editor.to_string();
        assert!(text.contains("name = \"The Wire\""), "{text}");
        assert!(text.contains("title = \"The quake\""), "{text}");
        assert!(
            text.contains("id = \"wire\"   # the wire service"),
            "{text}"
        );
    }
}
