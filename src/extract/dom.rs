//! A flat, read-only copy of a parsed page's `<body>` made for scoring: nodes in document order,
//! each knowing where its subtree ends, so every walk is a loop over an index range (no
//! recursion a page could drive into a stack overflow), with the class/id hints and text
//! statistics the content finder needs computed once.

use std::collections::HashSet;

use scraper::{Html, Node as HtmlNode};

use super::classes;

/// What kind of node, for the few element names extraction treats specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A text node.
    Text,
    /// `<body>`.
    Body,
    /// `<p>`.
    P,
    /// `<div>`.
    Div,
    /// `<section>`, `<article>`, `<main>`: sectioning containers.
    Section,
    /// `<h1>`..`<h6>` (the level).
    Heading(u8),
    /// `<ul>`, `<ol>`.
    List,
    /// `<li>`.
    ListItem,
    /// `<dl>`.
    DefinitionList,
    /// `<dt>`, `<dd>`.
    DefinitionItem,
    /// `<blockquote>`.
    Blockquote,
    /// `<pre>`.
    Pre,
    /// `<table>`.
    Table,
    /// `<thead>`, `<tbody>`, `<tfoot>`, `<tr>`.
    TableRow,
    /// `<td>`.
    Td,
    /// `<th>`.
    Th,
    /// `<a>`.
    A,
    /// `<br>`.
    Br,
    /// `<hr>`.
    Hr,
    /// `<img>`, `<picture>`, `<video>`, `<audio>`.
    Media,
    /// `<figure>`.
    Figure,
    /// `<figcaption>`, `<caption>`.
    Caption,
    /// `<form>`, `<fieldset>`.
    Form,
    /// `<input>`, `<button>`, `<label>`.
    Control,
    /// `<nav>`, `<aside>`, `<footer>`, `<dialog>`, `<menu>`.
    Chrome,
    /// `<header>`.
    Header,
    /// `<address>`.
    Address,
    /// `<time>`.
    Time,
    /// `<code>`.
    Code,
    /// Any other element (inline or unknown).
    Other,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "body" => Tag::Body,
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" | "article" | "main" => Tag::Section,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "ul" | "ol" => Tag::List,
            "li" => Tag::ListItem,
            "dl" => Tag::DefinitionList,
            "dt" | "dd" => Tag::DefinitionItem,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "table" => Tag::Table,
            "thead" | "tbody" | "tfoot" | "tr" => Tag::TableRow,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "a" => Tag::A,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "img" | "picture" | "video" | "audio" => Tag::Media,
            "figure" => Tag::Figure,
            "figcaption" | "caption" => Tag::Caption,
            "form" | "fieldset" => Tag::Form,
            "input" | "button" | "label" | "option" => Tag::Control,
            "nav" | "aside" | "footer" | "dialog" | "menu" => Tag::Chrome,
            "header" => Tag::Header,
            "address" => Tag::Address,
            "time" => Tag::Time,
            "code" => Tag::Code,
            _ => Tag::Other,
        }
    }

    /// Whether the element starts a new block of text (a paragraph boundary).
    pub fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text | Tag::A | Tag::Other | Tag::Time | Tag::Code | Tag::Media | Tag::Control
        )
    }
}

/// One node of the flat body.
#[derive(Debug, Clone)]
pub struct Node {
    /// What it is.
    pub tag: Tag,
    /// Index of the parent (`usize::MAX` for the root).
    pub parent: usize,
    /// One past the index of its last descendant: the subtree is `index..end`.
    pub end: usize,
    /// For text nodes, the byte range of its text in [`Dom::text`].
    pub text: (usize, usize),
    /// The `class` attribute, lowercased (elements only).
    pub class: Box<str>,
    /// The `id` attribute, lowercased (elements only).
    pub id: Box<str>,
    /// Hidden by `hidden`, `aria-hidden="true"` or an inline `display:none`/`visibility:hidden`.
    pub hidden: bool,
    /// Removed by the outlet's `drop` selectors.
    pub dropped: bool,
    /// Matched by the outlet's `body` selector.
    pub body_hint: bool,
    /// Its `role` attribute, lowercased, or empty.
    pub role: Box<str>,
    /// Marked as the author by `rel="author"` or `itemprop="author"`.
    pub author_mark: bool,
    /// For text nodes, characters of text with whitespace runs counted once.
    pub text_len: usize,
    /// For text nodes, the commas in the text.
    pub commas: usize,
    /// An embedded social media post (a quoted tweet), or a wrapper holding little else: kept
    /// as article text even where its class names look like a share widget.
    pub embedded_post: bool,
}

impl Node {
    /// `class` and `id` together, for the vocabulary checks (empty when both are).
    pub fn class_and_id(&self) -> String {
        match (self.class.is_empty(), self.id.is_empty()) {
            (true, true) => String::new(),
            (false, true) => self.class.to_string(),
            (true, false) => self.id.to_string(),
            (false, false) => format!("{} {}", self.class, self.id),
        }
    }
}

/// The flat body of one page.
#[derive(Debug, Clone, Default)]
pub struct Dom {
    /// Nodes in document order; index 0 is `<body>` (or the document root when none).
    pub nodes: Vec<Node>,
    /// The concatenated text of all text nodes.
    pub text: String,
}

/// Which scraper nodes the outlet's selectors matched.
#[derive(Debug, Default)]
pub struct HintMatches {
    /// Matched by `body`.
    pub body: HashSet<ego_tree::NodeId>,
    /// Matched by any of `drop`.
    pub drop: HashSet<ego_tree::NodeId>,
}

impl Dom {
    /// Copies the `<body>` of a parsed page.
    pub fn from_html(html: &Html, matches: &HintMatches) -> Dom {
        let root = html
            .root_element()
            .children()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
            .unwrap_or_else(|| html.tree.root());
        let mut dom = Dom::default();
        // Stack of (scraper id, our index) of the open ancestors.
        let mut stack: Vec<(ego_tree::NodeId, usize)> = Vec::new();
        for node in root.descendants() {
            let parent_id = node.parent().map(|p| p.id());
            while let Some(&(id, _)) = stack.last() {
                if Some(id) == parent_id {
                    break;
                }
                stack.pop();
            }
            let parent = stack.last().map_or(usize::MAX, |&(_, index)| index);
            let index = dom.nodes.len();
            let mut entry = Node {
                tag: Tag::Other,
                parent,
                end: index + 1,
                text: (0, 0),
                class: Box::from(""),
                id: Box::from(""),
                hidden: false,
                dropped: false,
                body_hint: false,
                role: Box::from(""),
                author_mark: false,
                text_len: 0,
                commas: 0,
                embedded_post: false,
            };
            match node.value() {
                HtmlNode::Text(text) => {
                    let start = dom.text.len();
                    dom.text.push_str(text);
                    entry.tag = Tag::Text;
                    entry.text = (start, dom.text.len());
                    entry.text_len = normalized_len(text);
                    entry.commas = text.chars().filter(|&c| is_comma(c)).count();
                }
                HtmlNode::Element(element) => {
                    entry.tag = Tag::from_name(element.name());
                    fill_attributes(&mut entry, element);
                    if !matches.drop.is_empty() && matches.drop.contains(&node.id()) {
                        entry.dropped = true;
                    }
                    if !matches.body.is_empty() && matches.body.contains(&node.id()) {
                        entry.body_hint = true;
                    }
                }
                HtmlNode::Document | HtmlNode::Fragment => entry.tag = Tag::Body,
                _ => continue,
            }
            dom.nodes.push(entry);
            stack.push((node.id(), index));
        }
        dom.compute_ends();
        dom.mark_embedded_posts();
        dom
    }

    /// Marks each embedded post and the wrappers around it that hold little else.
    fn mark_embedded_posts(&mut self) {
        for index in 0..self.nodes.len() {
            let node = &self.nodes[index];
            if node.tag != Tag::Blockquote || !classes::is_embedded_post(&node.class) {
                continue;
            }
            let post_len = self.raw_text_len(index);
            self.nodes[index].embedded_post = true;
            let mut ancestor = self.nodes[index].parent;
            while ancestor != usize::MAX
                && self.nodes[ancestor].tag != Tag::Body
                && self.raw_text_len(ancestor) <= post_len + post_len / 2 + 50
            {
                self.nodes[ancestor].embedded_post = true;
                ancestor = self.nodes[ancestor].parent;
            }
        }
    }

    /// Subtree ends, from the leaves up (descendants follow their ancestor).
    fn compute_ends(&mut self) {
        for index in (1..self.nodes.len()).rev() {
            let (parent, end) = (self.nodes[index].parent, self.nodes[index].end);
            if parent != usize::MAX {
                let parent_node = &mut self.nodes[parent];
                parent_node.end = parent_node.end.max(end);
            }
        }
    }

    /// The children of `index`, in order.
    pub fn children(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[index].end;
        let mut next = index + 1;
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let child = next;
                next = self.nodes[child].end;
                child
            })
        })
    }

    /// The text of a text node.
    pub fn text_of(&self, index: usize) -> &str {
        let (start, end) = self.nodes[index].text;
        &self.text[start..end]
    }

    /// The live text of a subtree (not cleaned): nodes not `alive`, hidden or dropped are
    /// left out, and block boundaries become spaces.
    pub fn subtree_text(&self, index: usize, alive: &[bool]) -> String {
        let mut out = String::new();
        let end = self.nodes[index].end;
        let mut at = index;
        while at < end {
            let node = &self.nodes[at];
            if !alive[at] || node.hidden || node.dropped {
                at = node.end;
                continue;
            }
            if node.tag == Tag::Text {
                out.push_str(self.text_of(at));
            } else if node.tag.is_block() {
                out.push(' ');
            }
            at += 1;
        }
        out
    }

    /// Characters of text in a subtree, everything counted.
    pub fn raw_text_len(&self, index: usize) -> usize {
        self.nodes[index..self.nodes[index].end]
            .iter()
            .map(|n| n.text_len)
            .sum()
    }

    /// Whether `ancestor` contains `index` (or is it).
    pub fn contains(&self, ancestor: usize, index: usize) -> bool {
        index >= ancestor && index < self.nodes[ancestor].end
    }

    /// The ancestors of `index`, nearest first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.nodes[index].parent;
        std::iter::from_fn(move || {
            (at != usize::MAX).then(|| {
                let current = at;
                at = self.nodes[current].parent;
                current
            })
        })
    }
}

/// Reads the attributes extraction uses in one pass.
fn fill_attributes(entry: &mut Node, element: &scraper::node::Element) {
    for (name, value) in element.attrs() {
        match name {
            "class" => entry.class = Box::from(value.trim().to_ascii_lowercase()),
            "id" => entry.id = Box::from(value.trim().to_ascii_lowercase()),
            "hidden" => entry.hidden = true,
            "aria-hidden" => entry.hidden |= value.eq_ignore_ascii_case("true"),
            "style" => {
                let style: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                entry.hidden |=
                    style.contains("display:none") || style.contains("visibility:hidden");
            }
            "role" => entry.role = Box::from(value.to_ascii_lowercase()),
            "rel" | "itemprop" => entry.author_mark |= value.eq_ignore_ascii_case("author"),
            _ => {}
        }
    }
}

/// Whether `c` is a comma in any script (Latin, CJK, Arabic ...).
pub fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '、' | '،' | '﹐' | '︐' | '﹑' | '⹁' | '⸴' | '⸲' | '､'
    )
}

/// Characters of `text` with each whitespace run counted as one.
pub fn normalized_len(text: &str) -> usize {
    let mut len = 0;
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                len += 1;
            }
            in_space = true;
        } else {
            len += 1;
            in_space = false;
        }
    }
    len
}
