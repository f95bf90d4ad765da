//! An archive that has been read: its document, its items in document order, the group tree
//! for the current grouping and the search index.

use std::path::PathBuf;
use std::time::Duration;

use crate::core::groups::{By, Node, group};
use crate::core::model::{Document, Item, ParsedPage};
use crate::core::search::SearchIndex;

/// An archive that has been read and segmented.
#[derive(Debug)]
pub struct Loaded {
    /// What was opened (for the title and recent files).
    pub inputs: Vec<PathBuf>,
    /// The parsed pages.
    pub doc: Document,
    /// Every item as (page, item) positions, in document order.
    pub items: Vec<(usize, usize)>,
    /// Document position of each page's first item.
    pub page_start: Vec<usize>,
    /// The grouping `tree` was built for.
    pub grouping: By,
    /// The group tree.
    pub tree: Vec<Node>,
    /// Every item's normalised text, for searching.
    pub index: SearchIndex,
    /// How long reading, segmenting and indexing took.
    pub load_time: Duration,
    /// Some page has a date or a printed page number (else the list has no date column).
    pub has_dates: bool,
}

impl Loaded {
    /// Lists, groups and indexes a parsed document (the loading thread does this, so the
    /// window never waits for it).
    pub fn new(inputs: Vec<PathBuf>, doc: Document, grouping: By, load_time: Duration) -> Loaded {
        let (items, page_start) = positions(&doc);
        // Grouping runs on one core; indexing uses the others meanwhile.
        let (tree, index) = rayon::join(|| group(&doc, grouping), || SearchIndex::new(&doc));
        let has_dates = doc.pages.iter().any(|p| p.date.is_some() || p.page_no.is_some());
        Loaded { inputs, doc, items, page_start, grouping, tree, index, load_time, has_dates }
    }

    /// Lists, groups and indexes the document again after a page of it changed.
    pub fn refresh(&mut self) {
        (self.items, self.page_start) = positions(&self.doc);
        (self.tree, self.index) =
            rayon::join(|| group(&self.doc, self.grouping), || SearchIndex::new(&self.doc));
    }

    /// Regroups the tree.
    pub fn regroup(&mut self, grouping: By) {
        if grouping != self.grouping {
            self.tree = group(&self.doc, grouping);
            self.grouping = grouping;
        }
    }

    /// The item at a document position, with its page.
    pub fn item(&self, i: usize) -> Option<(&ParsedPage, &Item)> {
        let &(p, a) = self.items.get(i)?;
        let page = self.doc.pages.get(p)?;
        Some((page, page.articles.get(a)?))
    }

    /// The document position of item `a` of page `p`.
    pub fn position(&self, p: usize, a: usize) -> Option<usize> {
        let start = *self.page_start.get(p)?;
        (a < self.doc.pages.get(p)?.articles.len()).then_some(start + a)
    }
}

/// Every item's (page, item) position in document order, and where each page's items start.
fn positions(doc: &Document) -> (Vec<(usize, usize)>, Vec<usize>) {
    let mut items = Vec::new();
    let mut page_start = Vec::with_capacity(doc.pages.len());
    for (p, page) in doc.pages.iter().enumerate() {
        page_start.push(items.len());
        items.extend((0..page.articles.len()).map(|i| (p, i)));
    }
    (items, page_start)
}

/// The node at a path of names.
pub fn find_node<'a>(tree: &'a [Node], path: &[String]) -> Option<&'a Node> {
    let (first, rest) = path.split_first()?;
    let node = tree.iter().find(|n| n.item.is_none() && n.name == *first)?;
    if rest.is_empty() { Some(node) } else { find_node(&node.children, rest) }
}
