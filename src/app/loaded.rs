//! An archive that has been read: its document, its items in document order, and the group
//! tree for the current grouping.

use std::path::PathBuf;
use std::time::Duration;

use crate::core::groups::{By, Node, group};
use crate::core::model::{Document, Item, ParsedPage};

/// An archive that has been read and segmented.
#[derive(Debug)]
pub struct Loaded {
    /// What was opened (for the title and recent files).
    pub inputs: Vec<PathBuf>,
    /// The parsed pages.
    pub doc: Document,
    /// Every item as (page, item) positions, in document order.
    pub items: Vec<(usize, usize)>,
    /// The group tree for the current grouping.
    pub tree: Vec<Node>,
    /// How long reading and segmenting took.
    pub load_time: Duration,
    /// Some page has a date or a printed page number (else the list has no date column).
    pub has_dates: bool,
}

impl Loaded {
    pub(crate) fn new(inputs: Vec<PathBuf>, doc: Document, grouping: By, load_time: Duration) -> Loaded {
        let items = doc
            .pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| (0..page.articles.len()).map(move |i| (p, i)))
            .collect();
        let tree = group(&doc, grouping);
        let has_dates = doc.pages.iter().any(|p| p.date.is_some() || p.page_no.is_some());
        Loaded { inputs, doc, items, tree, load_time, has_dates }
    }

    /// The item at a document position, with its page.
    pub fn item(&self, i: usize) -> Option<(&ParsedPage, &Item)> {
        let &(p, a) = self.items.get(i)?;
        let page = self.doc.pages.get(p)?;
        Some((page, page.articles.get(a)?))
    }
}

/// The node at a path of names.
pub fn find_node<'a>(tree: &'a [Node], path: &[String]) -> Option<&'a Node> {
    let (first, rest) = path.split_first()?;
    let node = tree.iter().find(|n| n.item.is_none() && n.name == *first)?;
    if rest.is_empty() { Some(node) } else { find_node(&node.children, rest) }
}
