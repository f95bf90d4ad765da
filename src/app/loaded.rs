//! An archive that has been read: its document, its items in document order, the group tree
//! for the current grouping and the search index.
//!
//! The loading thread hands the archive over as soon as it is listed and grouped, so that the
//! window can show it; the search index follows from another thread a moment later (the
//! document is shared with it until then).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use crate::browse::collate::collate;
use crate::browse::groups::{By, GroupKey, Node, group};
use crate::browse::order::{Order, Ranking, SortKey, sort};
use crate::browse::search::SearchIndex;
use crate::model::{Document, Item, Page};

/// Most items indexed on the window's thread after a correction (some 20 ms of work); a larger
/// archive is indexed on another thread, and its search waits for the index.
pub const INDEX_INLINE: usize = 20_000;

/// An archive that has been read and segmented.
#[derive(Debug)]
pub struct Loaded {
    /// What was opened (for the title and recent files).
    pub inputs: Vec<PathBuf>,
    /// The parsed pages (shared with the indexing thread while it runs; a correction made
    /// before it ends copies them).
    pub doc: Arc<Document>,
    /// Every item as (page, item) positions, in document order.
    pub items: Vec<(usize, usize)>,
    /// Document position of each page's first item.
    pub page_start: Vec<usize>,
    /// The grouping `tree` was built for.
    pub grouping: By,
    /// The group tree.
    pub tree: Vec<Node>,
    /// Every item's normalised text, for searching; `None` while it is being built.
    pub index: Option<SearchIndex>,
    /// Where the index being built will arrive.
    indexing: Option<Receiver<SearchIndex>>,
    /// How long it took until the archive could be shown.
    pub load_time: Duration,
    /// Some page has a date or a printed page number (else the list has no date column).
    pub has_dates: bool,
    /// Every item ranked in the list's last order other than page order (worked out when an
    /// order is chosen, dropped when the items change).
    ranking: Option<Ranking>,
}

impl Loaded {
    /// Lists, groups and indexes a parsed document (the loading thread does this, so the
    /// window never waits for it).
    pub fn new(inputs: Vec<PathBuf>, doc: Document, grouping: By, load_time: Duration) -> Loaded {
        let mut loaded = Loaded::unindexed(inputs, doc, grouping, load_time);
        loaded.index = Some(SearchIndex::new(&loaded.doc));
        loaded
    }

    /// Lists and groups a parsed document and starts indexing it on another thread; the
    /// window polls for the index with [`Loaded::take_index`].
    pub fn indexing_later(inputs: Vec<PathBuf>, doc: Document, grouping: By, load_time: Duration) -> Loaded {
        let mut loaded = Loaded::unindexed(inputs, doc, grouping, load_time);
        loaded.index_in_background();
        loaded
    }

    /// Drops the index and builds it again on another thread.
    fn index_in_background(&mut self) {
        let (tx, rx) = channel();
        let doc = Arc::clone(&self.doc);
        std::thread::spawn(move || {
            // The window may have closed the archive; nothing to do then.
            let _ = tx.send(SearchIndex::new(&doc));
        });
        self.index = None;
        self.indexing = Some(rx);
    }

    fn unindexed(inputs: Vec<PathBuf>, doc: Document, grouping: By, load_time: Duration) -> Loaded {
        let (items, page_start) = positions(&doc);
        let tree = group(&doc, grouping);
        let has_dates = doc.pages.iter().any(|p| p.date.is_some() || p.page_no.is_some());
        let doc = Arc::new(doc);
        Loaded {
            inputs,
            doc,
            items,
            page_start,
            grouping,
            tree,
            index: None,
            indexing: None,
            load_time,
            has_dates,
            ranking: None,
        }
    }

    /// Takes the index if it has just arrived; true then.
    pub fn take_index(&mut self) -> bool {
        let Some(rx) = &self.indexing else {
            return false;
        };
        let index = match rx.try_recv() {
            Ok(index) => index,
            Err(TryRecvError::Empty) => return false,
            // The thread stopped without one: build it here.
            Err(TryRecvError::Disconnected) => SearchIndex::new(&self.doc),
        };
        self.index = Some(index);
        self.indexing = None;
        true
    }

    /// True while the index is being built.
    pub fn is_indexing(&self) -> bool {
        self.indexing.is_some()
    }

    /// The pages, to change one (copied first if the indexing thread still reads them).
    pub fn doc_mut(&mut self) -> &mut Document {
        Arc::make_mut(&mut self.doc)
    }

    /// Lists, groups and indexes the document again after a page of it changed (an index
    /// still being built of the old pages is dropped). A large archive is indexed on another
    /// thread, as when it was opened: half a second for 30,000 pages would hold the window.
    pub fn refresh(&mut self) {
        self.refresh_indexing_over(INDEX_INLINE);
    }

    fn refresh_indexing_over(&mut self, inline: usize) {
        self.indexing = None;
        self.ranking = None;
        (self.items, self.page_start) = positions(&self.doc);
        if self.items.len() > inline {
            self.tree = group(&self.doc, self.grouping);
            self.index_in_background();
            return;
        }
        let (tree, index) = rayon::join(|| group(&self.doc, self.grouping), || SearchIndex::new(&self.doc));
        (self.tree, self.index) = (tree, Some(index));
    }

    /// Regroups the tree.
    pub fn regroup(&mut self, grouping: By) {
        if grouping != self.grouping {
            self.tree = group(&self.doc, grouping);
            self.grouping = grouping;
        }
    }

    /// Sorts document positions in `order`: page order directly, any other through the
    /// ranking of every item in that order (made now if it is not the one kept).
    pub fn sort(&mut self, positions: &mut [usize], order: Order) {
        if order.key == SortKey::Date {
            return sort(positions, order, |_| None);
        }
        if self.ranking.as_ref().is_none_or(|r| r.order() != order) {
            let item = |i| self.item(i).map(|(_, item)| item);
            self.ranking = Some(Ranking::new(self.items.len(), order, item));
        }
        if let Some(ranking) = &self.ranking {
            ranking.sort(positions);
        }
    }

    /// The units the archive's items name, most used first (then in pinyin order): what the
    /// correction form offers.
    pub fn units(&self) -> Vec<String> {
        self.names(|item| item.unit.as_deref())
    }

    /// The districts the archive's items name, most used first (then in pinyin order).
    pub fn districts(&self) -> Vec<String> {
        self.names(|item| item.district.as_deref())
    }

    fn names(&self, field: impl Fn(&Item) -> Option<&str>) -> Vec<String> {
        let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for item in self.doc.pages.iter().flat_map(|p| &p.items) {
            if let Some(name) = field(item) {
                *counts.entry(name).or_default() += 1;
            }
        }
        let mut names: Vec<(&str, usize)> = counts.into_iter().collect();
        names.sort_by(|(a, m), (b, n)| n.cmp(m).then_with(|| collate(a, b)));
        names.into_iter().map(|(name, _)| name.to_owned()).collect()
    }

    /// The item at a document position, with its page.
    pub fn item(&self, i: usize) -> Option<(&Page, &Item)> {
        let &(p, a) = self.items.get(i)?;
        let page = self.doc.pages.get(p)?;
        Some((page, page.items.get(a)?))
    }

    /// The document position of item `a` of page `p`.
    pub fn position(&self, p: usize, a: usize) -> Option<usize> {
        let start = *self.page_start.get(p)?;
        (a < self.doc.pages.get(p)?.items.len()).then_some(start + a)
    }
}

/// Every item's (page, item) position in document order, and where each page's items start.
fn positions(doc: &Document) -> (Vec<(usize, usize)>, Vec<usize>) {
    let mut items = Vec::new();
    let mut page_start = Vec::with_capacity(doc.pages.len());
    for (p, page) in doc.pages.iter().enumerate() {
        page_start.push(items.len());
        items.extend((0..page.items.len()).map(|i| (p, i)));
    }
    (items, page_start)
}

/// The node at a path of keys.
pub fn find_node<'a>(tree: &'a [Node], path: &[GroupKey]) -> Option<&'a Node> {
    let (first, rest) = path.split_first()?;
    let node = tree.iter().find(|n| n.item.is_none() && n.key == *first)?;
    if rest.is_empty() { Some(node) } else { find_node(&node.children, rest) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_pages;
    use crate::store::sample;

    #[test]
    fn a_large_archive_is_indexed_again_off_the_window_thread() {
        let doc = parse_pages(sample::pages(), crate::classify::Tables::builtin());
        for (inline, in_background) in [(usize::MAX, false), (0, true)] {
            let mut loaded = Loaded::new(Vec::new(), doc.clone(), By::District, Duration::ZERO);
            loaded.refresh_indexing_over(inline);
            assert_eq!(loaded.is_indexing(), in_background);
            assert_eq!(loaded.index.is_none(), in_background);
            for _ in 0..500 {
                if loaded.index.is_some() || loaded.take_index() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            assert!(loaded.index.is_some() && !loaded.is_indexing());
        }
    }
}
