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
    let mut current = String::new();
    let mut open_ends: Vec<usize> = Vec::new();
    let end = dom.nodes[root].end;
    let mut index = root;
    while index < end {
        while open_ends.last().is_some_and(|&e| index >= e) {
            open_ends.pop();
            flush(&mut current, blocks);
        }
        let node = &dom.nodes[index];
        if !alive[index] || (index != root && is_left_out(dom, index)) {
            index = node.end;
            continue;
        }
        match node.tag {
            Tag::Text => current.push_str(dom.text_of(index)),
            Tag::Heading(_) => {
                flush(&mut current, blocks);
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
            Tag::Br | Tag::Hr => flush(&mut current, blocks),
            tag if tag.is_block() => {
                flush(&mut current, blocks);
                open_ends.push(node.end);
            }
            _ => {}
        }
        index += 1;
    }
    flush(&mut current, blocks);
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
    ((classes::is_caption(&names) || classes::is_share(&names)) && short())
        || ((node.author_mark || classes::is_byline(&names))
            && !matches!(node.tag, Tag::Body | Tag::Section)
            && dom.raw_text_len(index) < 100)
}

/// Ends the current paragraph.
fn flush(current: &mut String, blocks: &mut Vec<Block>) {
    if current.trim().is_empty() {
        current.clear();
        return;
    }
    let text = clean_line(current);
    current.clear();
    if !text.is_empty() {
        blocks.push(Block::Paragraph(text));
    }
}
