//! The generic content finder: which part of a page is the article, when the outlet gave no
//! selector. A readability-style scorer (the algorithm of Mozilla's Readability, on the flat
//! [`Dom`]): paragraphs give points to their ancestors by length and commas, class/id words
//! add or take away, link-heavy blocks lose in proportion; the best block is widened to its
//! parent when the parent is as good, joined by its worthy siblings, then cleaned of link lists,
//! forms and image galleries. Every walk is an index loop: nothing here recurses.

use super::classes;
use super::dom::{Dom, Tag};

/// The switches of one attempt; when an attempt finds little text, the next relaxes a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    /// Drop blocks whose class/id marks them as unlikely content before scoring.
    pub strip_unlikely: bool,
    /// Let class/id words add or take away points.
    pub weight_classes: bool,
    /// Remove link lists, forms and galleries inside the chosen content.
    pub clean_conditionally: bool,
}

/// The attempts, strictest first.
pub const PASSES: [Pass; 4] = [
    Pass {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
    },
];

/// Characters of text an attempt must find to be accepted without trying the next.
pub const ENOUGH_TEXT: u32 = 500;

/// What the finder chose.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The chosen blocks (the best candidate and its worthy siblings), in document order.
    pub roots: Vec<usize>,
    /// Per node: still part of the page after removals.
    pub alive: Vec<bool>,
    /// Characters of text in the chosen blocks.
    pub text_len: u32,
}

/// Text statistics of one subtree, over live nodes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    /// Characters of text.
    pub text_len: u32,
    /// Characters of text inside links.
    pub link_len: u32,
    /// Commas.
    pub commas: u32,
    /// `<p>` descendants.
    pub paragraphs: u32,
    /// Image and video descendants.
    pub images: u32,
    /// `<li>` descendants.
    pub list_items: u32,
    /// Form control descendants.
    pub inputs: u32,
    /// Characters of text inside headings.
    pub heading_len: u32,
    /// Characters of text inside list items.
    pub list_len: u32,
    /// Whether a descendant is a block that stops a `<div>` from being read as a paragraph.
    pub has_block: bool,
    /// Whether a descendant is a table header cell or caption (a data table).
    pub has_header_cell: bool,
    /// Whether a descendant is a table.
    pub has_table: bool,
}

impl Totals {
    /// Link characters over all characters.
    pub fn link_density(&self) -> f64 {
        if self.text_len == 0 {
            0.0
        } else {
            self.link_len as f64 / self.text_len as f64
        }
    }

    fn add_child(&mut self, tag: Tag, child: &Totals) {
        self.text_len += child.text_len;
        self.link_len += if tag == Tag::A {
            child.text_len
        } else {
            child.link_len
        };
        self.commas += child.commas;
        self.paragraphs += child.paragraphs + u32::from(tag == Tag::P);
        self.images += child.images + u32::from(tag == Tag::Media);
        self.list_items += child.list_items + u32::from(tag == Tag::ListItem);
        self.inputs += child.inputs + u32::from(tag == Tag::Control);
        self.heading_len += if matches!(tag, Tag::Heading(_)) {
            child.text_len
        } else {
            child.heading_len
        };
        self.list_len += if tag == Tag::ListItem {
            child.text_len
        } else {
            child.list_len
        };
        self.has_block |= child.has_block
            || matches!(
                tag,
                Tag::Blockquote
                    | Tag::DefinitionList
                    | Tag::Div
                    | Tag::Media
                    | Tag::List
                    | Tag::P
                    | Tag::Pre
                    | Tag::Table
                    | Tag::Section
            );
        self.has_header_cell |= child.has_header_cell || tag == Tag::Th || tag == Tag::Caption;
        self.has_table |= child.has_table || tag == Tag::Table;
    }

    fn subtract(&mut self, removed: &Totals, removed_tag: Tag) {
        self.text_len = self.text_len.saturating_sub(removed.text_len);
        let links = if removed_tag == Tag::A {
            removed.text_len
        } else {
            removed.link_len
        };
        self.link_len = self.link_len.saturating_sub(links);
        self.commas = self.commas.saturating_sub(removed.commas);
        self.paragraphs = self
            .paragraphs
            .saturating_sub(removed.paragraphs + u32::from(removed_tag == Tag::P));
        self.images = self
            .images
            .saturating_sub(removed.images + u32::from(removed_tag == Tag::Media));
        self.list_items = self
            .list_items
            .saturating_sub(removed.list_items + u32::from(removed_tag == Tag::ListItem));
        self.inputs = self
            .inputs
            .saturating_sub(removed.inputs + u32::from(removed_tag == Tag::Control));
        self.heading_len = self.heading_len.saturating_sub(removed.heading_len);
        self.list_len = self.list_len.saturating_sub(removed.list_len);
    }
}

/// Roles of page furniture.
const CHROME_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Finds the article in `dom` under the rules of `pass`.
pub fn find_content(dom: &Dom, pass: Pass) -> Content {
    let count = dom.nodes.len();
    let mut alive = vec![true; count];
    strip_furniture(dom, pass, &mut alive);
    let mut totals = compute_totals(dom, &alive);
    let (scores, scored) = score_candidates(dom, pass, &alive, &totals);
    let roots = choose_roots(dom, pass, &alive, &totals, scores, scored);
    clean_roots(dom, pass, &roots, &mut alive, &mut totals);
    let text_len = roots.iter().map(|&r| totals[r].text_len).sum();
    Content {
        roots,
        alive,
        text_len,
    }
}

/// Marks a subtree dead.
fn kill(dom: &Dom, alive: &mut [bool], index: usize) {
    alive[index..dom.nodes[index].end].fill(false);
}

/// Removes what is never the article before scoring: hidden and dropped nodes, navigation,
/// controls, captions, short author lines and (when `pass` says so) unlikely-named blocks.
fn strip_furniture(dom: &Dom, pass: Pass, alive: &mut [bool]) {
    let mut index = 1;
    while index < dom.nodes.len() {
        let node = &dom.nodes[index];
        let names = node.class_and_id();
        let remove = node.hidden
            || node.dropped
            || matches!(node.tag, Tag::Chrome | Tag::Control | Tag::Caption)
            || (node.tag == Tag::Figure && !node.embedded_post)
            || CHROME_ROLES.contains(&&*node.role)
            || ((node.author_mark || classes::is_byline(&names))
                && !matches!(node.tag, Tag::Body | Tag::Section)
                && dom.raw_text_len(index) < 100)
            || (pass.strip_unlikely
                && !node.embedded_post
                && node.tag != Tag::Body
                && node.tag != Tag::A
                && node.tag != Tag::Text
                && classes::is_unlikely(&names)
                && !dom
                    .ancestors(index)
                    .any(|a| matches!(dom.nodes[a].tag, Tag::Table | Tag::Code)));
        if remove {
            kill(dom, alive, index);
            index = node.end;
        } else {
            index += 1;
        }
    }
}

/// Per-node totals over live nodes, from the leaves up.
pub fn compute_totals(dom: &Dom, alive: &[bool]) -> Vec<Totals> {
    let mut totals = vec![Totals::default(); dom.nodes.len()];
    for index in (0..dom.nodes.len()).rev() {
        if !alive[index] {
            continue;
        }
        let node = &dom.nodes[index];
        if node.tag == Tag::Text {
            // A page is capped at 10 MiB: its counts fit in u32.
            totals[index].text_len = node.text_len as u32;
            totals[index].commas = node.commas as u32;
        }
        if node.parent != usize::MAX {
            let child = totals[index];
            totals[node.parent].add_child(node.tag, &child);
        }
    }
    totals
}

/// The points a block starts with, from its tag and its class/id.
fn initial_score(dom: &Dom, pass: Pass, index: usize) -> f64 {
    let node = &dom.nodes[index];
    let by_tag = match node.tag {
        Tag::Div => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address
        | Tag::List
        | Tag::DefinitionList
        | Tag::DefinitionItem
        | Tag::ListItem
        | Tag::Form => -3.0,
        Tag::Heading(_) | Tag::Th => -5.0,
        _ => 0.0,
    };
    by_tag + class_weight(dom, pass, index) as f64
}

fn class_weight(dom: &Dom, pass: Pass, index: usize) -> i32 {
    if pass.weight_classes {
        classes::weight(&dom.nodes[index].class, &dom.nodes[index].id)
    } else {
        0
    }
}

/// Scores every block that holds paragraphs; returns the scores (already scaled down by link
/// density) and which nodes have one.
fn score_candidates(
    dom: &Dom,
    pass: Pass,
    alive: &[bool],
    totals: &[Totals],
) -> (Vec<f64>, Vec<bool>) {
    let count = dom.nodes.len();
    let mut scores = vec![0.0f64; count];
    let mut scored = vec![false; count];
    for index in 0..count {
        if !alive[index] {
            continue;
        }
        let node = &dom.nodes[index];
        // A paragraph-like element scores for its ancestors; a div holding blocks scores its
        // own loose text for itself and its ancestors (Readability wraps that text in a <p>).
        let (text_len, commas, first_level) = match node.tag {
            Tag::P | Tag::Td | Tag::Pre | Tag::Heading(2..=6) => {
                (totals[index].text_len, totals[index].commas, node.parent)
            }
            Tag::Div if !totals[index].has_block => {
                (totals[index].text_len, totals[index].commas, node.parent)
            }
            Tag::Div => {
                let (len, commas) = loose_text(dom, alive, totals, index);
                (len, commas, index)
            }
            _ => continue,
        };
        if text_len < 25 || first_level == usize::MAX {
            continue;
        }
        let points = 1.0 + commas as f64 + (text_len / 100).min(3) as f64;
        let mut ancestor = first_level;
        for level in 0..5 {
            if ancestor == usize::MAX {
                break;
            }
            if !scored[ancestor] {
                scored[ancestor] = true;
                scores[ancestor] = initial_score(dom, pass, ancestor);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            scores[ancestor] += points / divider;
            ancestor = dom.nodes[ancestor].parent;
        }
    }
    for index in 0..count {
        if scored[index] {
            scores[index] *= 1.0 - totals[index].link_density();
        }
    }
    (scores, scored)
}

/// Length and commas of the text directly inside a block (not inside its block children).
fn loose_text(dom: &Dom, alive: &[bool], totals: &[Totals], index: usize) -> (u32, u32) {
    let mut len = 0;
    let mut commas = 0;
    for child in dom.children(index) {
        if alive[child] && !dom.nodes[child].tag.is_block() {
            len += totals[child].text_len;
            commas += totals[child].commas;
        }
    }
    (len, commas)
}

/// Picks the best candidate, widens it, and joins its worthy siblings.
fn choose_roots(
    dom: &Dom,
    pass: Pass,
    alive: &[bool],
    totals: &[Totals],
    mut scores: Vec<f64>,
    mut scored: Vec<bool>,
) -> Vec<usize> {
    let mut candidates: Vec<usize> = (0..dom.nodes.len())
        .filter(|&i| scored[i] && alive[i])
        .collect();
    candidates.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    candidates.truncate(5);
    let Some(&best) = candidates.first() else {
        return vec![0];
    };
    if best == 0 {
        return vec![0];
    }
    let mut top = best;
    let top_score = scores[best];
    // Several near-best candidates under one ancestor: the ancestor is the article.
    let near: Vec<usize> = candidates[1..]
        .iter()
        .copied()
        .filter(|&c| top_score > 0.0 && scores[c] / top_score >= 0.75)
        .collect();
    if near.len() >= 3 {
        let mut parent = dom.nodes[top].parent;
        while parent != usize::MAX && parent != 0 {
            if near.iter().filter(|&&c| dom.contains(parent, c)).count() >= 3 {
                top = parent;
                break;
            }
            parent = dom.nodes[parent].parent;
        }
    }
    let initialize = |index: usize, scores: &mut Vec<f64>, scored: &mut Vec<bool>| {
        if !scored[index] {
            scored[index] = true;
            scores[index] = initial_score(dom, pass, index) * (1.0 - totals[index].link_density());
        }
    };
    initialize(top, &mut scores, &mut scored);
    // Climb while the parent scores at least as well.
    let mut parent = dom.nodes[top].parent;
    let mut last = scores[top];
    let threshold = last / 3.0;
    while parent != usize::MAX && parent != 0 {
        if !scored[parent] {
            parent = dom.nodes[parent].parent;
            continue;
        }
        let parent_score = scores[parent];
        if parent_score < threshold {
            break;
        }
        if parent_score > last {
            top = parent;
            break;
        }
        last = parent_score;
        parent = dom.nodes[parent].parent;
    }
    // An only child is no better than its parent.
    let mut parent = dom.nodes[top].parent;
    while parent != usize::MAX
        && parent != 0
        && dom
            .children(parent)
            .filter(|&c| alive[c] && dom.nodes[c].tag != Tag::Text)
            .count()
            == 1
    {
        top = parent;
        parent = dom.nodes[parent].parent;
    }
    initialize(top, &mut scores, &mut scored);
    if top == 0 || parent == usize::MAX {
        return vec![top];
    }
    // Worthy siblings join.
    let top_score = scores[top];
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = &dom.nodes[top].class;
    let mut roots = Vec::new();
    for sibling in dom.children(parent) {
        let node = &dom.nodes[sibling];
        if !alive[sibling] || node.tag == Tag::Text {
            continue;
        }
        let mut append = sibling == top;
        if !append {
            let bonus = if !top_class.is_empty() && node.class == *top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if scored[sibling] && scores[sibling] + bonus >= threshold {
                append = true;
            } else if node.tag == Tag::P {
                let density = totals[sibling].link_density();
                let len = totals[sibling].text_len;
                let text = dom.subtree_text(sibling, alive);
                let text = text.trim_end();
                append = (len > 80 && density < 0.25)
                    || (len < 80
                        && len > 0
                        && density == 0.0
                        && (text.contains(". ") || text.ends_with('.')));
            }
        }
        if append {
            roots.push(sibling);
        }
    }
    add_chunks(dom, alive, totals, top, &mut roots);
    roots
}

/// Adds the other chunks of a body split into several containers (between ads or "read
/// more" rails): elements with the same tag and class as the chosen one that hold text, not
/// links.
fn add_chunks(dom: &Dom, alive: &[bool], totals: &[Totals], top: usize, roots: &mut Vec<usize>) {
    let top_node = &dom.nodes[top];
    if top_node.class.is_empty() {
        return;
    }
    let mut index = 1;
    while index < dom.nodes.len() {
        let node = &dom.nodes[index];
        if !alive[index] || roots.iter().any(|&r| dom.contains(r, index)) {
            index = if alive[index] { index + 1 } else { node.end };
            continue;
        }
        let same = node.tag == top_node.tag && node.class == top_node.class;
        if same
            && !roots.iter().any(|&r| dom.contains(index, r))
            && totals[index].text_len >= 100
            && totals[index].link_density() < 0.33
        {
            roots.push(index);
            index = node.end;
            continue;
        }
        index += 1;
    }
    roots.sort_unstable();
}

/// Removes share bars, link lists, forms and galleries inside the chosen content.
fn clean_roots(dom: &Dom, pass: Pass, roots: &[usize], alive: &mut [bool], totals: &mut [Totals]) {
    for &root in roots {
        let end = dom.nodes[root].end;
        for index in (root + 1..end).rev() {
            if !alive[index] || dom.nodes[index].tag == Tag::Text {
                continue;
            }
            let node = &dom.nodes[index];
            let names = node.class_and_id();
            let remove =
                (classes::is_share(&names) && !node.embedded_post && totals[index].text_len < 500)
                    || (pass.weight_classes
                        && matches!(node.tag, Tag::Heading(1..=2))
                        && class_weight(dom, pass, index) < 0)
                    || (pass.clean_conditionally && should_clean(dom, pass, totals, index));
            if remove {
                let removed = totals[index];
                kill(dom, alive, index);
                for ancestor in dom.ancestors(index) {
                    totals[ancestor].subtract(&removed, node.tag);
                }
            }
        }
    }
}

/// Readability's conditional cleaning: whether a list, table, form or div inside the content is
/// a link list, a gallery or a form rather than part of the article.
fn should_clean(dom: &Dom, pass: Pass, totals: &[Totals], index: usize) -> bool {
    let node = &dom.nodes[index];
    if node.embedded_post
        || !matches!(
            node.tag,
            Tag::Form | Tag::Table | Tag::List | Tag::Div | Tag::Section
        )
    {
        return false;
    }
    let stats = &totals[index];
    if node.tag == Tag::Table && stats.has_header_cell && !stats.has_table {
        return false; // a data table
    }
    if dom
        .ancestors(index)
        .any(|a| matches!(dom.nodes[a].tag, Tag::Code | Tag::Pre))
    {
        return false;
    }
    let weight = class_weight(dom, pass, index);
    if weight < 0 {
        return true;
    }
    if stats.commas >= 10 {
        return false;
    }
    let paragraphs = stats.paragraphs as f64;
    let images = stats.images as f64;
    let list_items = stats.list_items as f64 - 100.0;
    let inputs = stats.inputs as f64;
    let content_len = stats.text_len;
    let heading_density = if content_len == 0 {
        0.0
    } else {
        stats.heading_len as f64 / content_len as f64
    };
    let link_density = stats.link_density();
    let is_list = node.tag == Tag::List
        || (content_len > 0 && stats.list_len as f64 / content_len as f64 > 0.9);
    (images > 1.0 && paragraphs / images < 0.5)
        || (!is_list && list_items > paragraphs)
        || (inputs > (paragraphs / 3.0).floor())
        || (!is_list
            && heading_density < 0.9
            && content_len < 25
            && (images == 0.0 || images > 2.0)
            && link_density > 0.0)
        || (!is_list && weight < 25 && link_density > 0.2)
        || (weight >= 25 && link_density > 0.5)
}
