//! Block collection: the chosen part of the page as a list of paragraphs and subheadings, in
//! reading order. Every block-level element (paragraph, list item, block quote, table cell,
//! `<br>`) ends a paragraph; headings become headings; captions, picture credits, share bars
//! and author lines are left out. One loop over the flat body with a stack of open blocks.

use super::classes;
use super::dom::{Dom, Tag};
use crate::text::clean::clean_line;

/// One block of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph (also a list item, a quote, a table cell), cleaned.
    Paragraph(String),
    /// A subheading, cleaned.
    Heading(String),
}

/// Collects the blocks of the subtrees `roots`, skipping nodes not `alive`.
pub fn collect(dom: &Dom, roots: &[usize], alive: &[bool]) -> Vec<Block> {
    let mut blocks = Vec::new();
    for &root in roots {
        collect_subtree(dom, root, alive, &mut blocks);
    }
    blocks
}

fn collect_subtree(dom: &Dom, root: usize, alive: &[bool], blocks: &mut Vec<Block>) {
    let mut current = Pending::default();
    let mut open_ends: Vec<usize> = Vec::new();
    let mut link_ends: Vec<usize> = Vec::new();
    let end = dom.nodes[root].end;
    let mut index = root;
    while index < end {
        while open_ends.last().is_some_and(|&e| index >= e) {
            open_ends.pop();
            current.flush(blocks);
        }
        while link_ends.last().is_some_and(|&e| index >= e) {
            link_ends.pop();
        }
        let node = &dom.nodes[index];
        if !alive[index] || (index != root && is_left_out(dom, index)) {
            index = node.end;
            continue;
        }
        match node.tag {
            Tag::Text => current.push(dom.text_of(index), !link_ends.is_empty()),
            Tag::A => link_ends.push(node.end),
            Tag::Heading(_) => {
                current.flush(blocks);
                let text = clean_line(&dom.subtree_text(index, alive));
                if !text.is_empty() {
                    // A "heading" holding a whole paragraph is a paragraph in disguise.
                    if text.chars().count() > 200 {
                        blocks.push(Block::Paragraph(text));
                    } else {
                        blocks.push(Block::Heading(text));
                    }
                }
                index = node.end;
                continue;
            }
            Tag::Br | Tag::Hr => current.flush(blocks),
            tag if tag.is_block() => {
                current.flush(blocks);
                open_ends.push(node.end);
            }
            _ => {}
        }
        index += 1;
    }
    current.flush(blocks);
}

/// A paragraph being collected, with how much of it is link text.
#[derive(Debug, Default)]
struct Pending {
    text: String,
    link_bytes: usize,
}

/// Teaser paragraphs ("Who will make the Rock Hall in 2020?" linking elsewhere) are short and
/// all link; longer all-link paragraphs are kept.
const TEASER_MAX_WORDS: usize = 15;

impl Pending {
    fn push(&mut self, text: &str, in_link: bool) {
        self.text.push_str(text);
        if in_link {
            self.link_bytes += text.trim().len();
        }
    }

    /// Ends the paragraph: cleaned and kept, unless empty or a link teaser.
    fn flush(&mut self, blocks: &mut Vec<Block>) {
        let text = clean_line(&self.text);
        let trimmed_len = self.text.split_whitespace().map(str::len).sum::<usize>();
        // A bare address is a reference the article gives, not a teaser.
        let address = text.starts_with("http") || text.starts_with("www.");
        let teaser = self.link_bytes * 10 >= trimmed_len * 9
            && text.split_whitespace().count() <= TEASER_MAX_WORDS
            && !address;
        self.text.clear();
        self.link_bytes = 0;
        if !text.is_empty() && !teaser {
            blocks.push(Block::Paragraph(text));
        }
    }
}

/// Whether an element inside the content is never article text: captions and picture credits,
/// share and follow bars, author lines, page chrome and form controls.
fn is_left_out(dom: &Dom, index: usize) -> bool {
    let node = &dom.nodes[index];
    if node.tag == Tag::Text {
        return false;
    }
    if node.hidden
        || node.dropped
        || matches!(
            node.tag,
            Tag::Caption | Tag::Figure | Tag::Chrome | Tag::Control | Tag::Media
        )
    {
        return true;
    }
    // An article's own header holds its headline, byline and date, not its body.
    if node.tag == Tag::Header && dom.raw_text_len(index) < 500 {
        return true;
    }
    if node.class.is_empty() && node.id.is_empty() && !node.author_mark {
        return false;
    }
    let names = node.class_and_id();
    let short = || dom.raw_text_len(index) < 200;
    if matches!(node.tag, Tag::Heading(_)) && classes::is_standfirst(&names) {
        return true;
    }
    ((classes::is_caption(&names) || classes::is_share(&names)) && !node.embedded_post && short())
        || ((node.author_mark || classes::is_byline(&names))
            && !matches!(node.tag, Tag::Body | Tag::Section)
            && dom.raw_text_len(index) < 100)
}
