//! Searching an archive: a [`Query`] (see [`query`]) is matched against every item's fields,
//! each brought to one normal form (see [`normalise`]) once, when the index is built, so a
//! changed query only scans prepared text. Chinese matches as substrings (no word
//! segmentation), Latin letters case-insensitively, full- and half-width alike, extraction
//! spaces ignored. [`highlight`] finds the same matches in the original text for display.

pub mod column;
pub mod highlight;
pub mod normalise;
pub mod query;

pub use query::{Field, Query, Term};

use memchr::memmem::Finder;
use rayon::prelude::*;

use crate::model::{Document, Item, Page};
use column::Column;
use normalise::push_normalised;

/// Separates fields inside an item's text so that no match runs across two of them.
const SEP: char = '\u{1}';

/// Pages prepared per parallel task when the index is built.
const PAGES_PER_TASK: usize = 256;

/// Every item's searchable text, in document order (pages in order, items in page order).
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Headline, subtitle, kicker, body, byline, unit and district.
    all: Column,
    /// Headline, subtitle and kicker.
    title: Column,
    /// Byline and the authors' names.
    author: Column,
    unit: Column,
    district: Column,
    /// Each item's page, as a position in `pages`.
    item_page: Vec<usize>,
    /// Each page's date (`YYYY-MM-DD` or empty) and printed page number (or empty).
    pages: Vec<(String, String)>,
}

impl SearchIndex {
    /// Prepares a document's items for searching (pages in parallel).
    pub fn new(doc: &Document) -> SearchIndex {
        let parts: Vec<SearchIndex> = doc
            .pages
            .par_chunks(PAGES_PER_TASK)
            .enumerate()
            .map(|(k, pages)| SearchIndex::of_pages(pages, k * PAGES_PER_TASK))
            .collect();
        let mut index = SearchIndex::default();
        // Room for everything at once: growing a string of hundreds of megabytes by doubling
        // copies it again and again.
        let items = parts.iter().map(SearchIndex::len).sum();
        for (col, of) in index.columns_mut().into_iter().zip(0..) {
            let bytes = parts.iter().map(|p| p.columns()[of].bytes()).sum();
            col.reserve(items, bytes);
        }
        for part in parts {
            index.all.append(part.all);
            index.title.append(part.title);
            index.author.append(part.author);
            index.unit.append(part.unit);
            index.district.append(part.district);
            index.item_page.extend(part.item_page);
            index.pages.extend(part.pages);
        }
        index
    }

    fn columns(&self) -> [&Column; 5] {
        [&self.all, &self.title, &self.author, &self.unit, &self.district]
    }

    fn columns_mut(&mut self) -> [&mut Column; 5] {
        [&mut self.all, &mut self.title, &mut self.author, &mut self.unit, &mut self.district]
    }

    /// The index of a run of pages, the first of which is page `first` of the document.
    fn of_pages(pages: &[Page], first: usize) -> SearchIndex {
        let mut index = SearchIndex::default();
        let text: usize =
            pages.iter().flat_map(|p| &p.items).flat_map(|a| &a.paragraphs).map(String::len).sum();
        index.all.reserve(0, text + text / 8);
        for (k, page) in pages.iter().enumerate() {
            let date = page.date.clone().unwrap_or_default();
            let number = page.page_no.map(|n| n.to_string()).unwrap_or_default();
            index.pages.push((date, number));
            for item in &page.items {
                index.push(item);
                index.item_page.push(first + k);
            }
        }
        index
    }

    /// Adds one item's normalised fields.
    fn push(&mut self, item: &Item) {
        let join = |parts: &mut dyn Iterator<Item = &str>| {
            let mut out = String::new();
            for p in parts {
                push_normalised(&mut out, p);
                out.push(SEP);
            }
            out
        };
        let heads = [&item.title, &item.subtitle, &item.kicker];
        let title = join(&mut heads.iter().filter_map(|h| h.as_deref()));
        let names = item.authors.iter().map(|a| a.name.as_str());
        let author = join(&mut item.byline.as_deref().into_iter().chain(names));
        let unit = join(&mut item.unit.as_deref().into_iter());
        let district = join(&mut item.district.as_deref().into_iter());
        let body = join(&mut item.paragraphs.iter().map(String::as_str));
        let all = [title.as_str(), &body, &author, &unit, &district].concat();
        self.all.push(&all);
        self.title.push(&title);
        self.author.push(&author);
        self.unit.push(&unit);
        self.district.push(&district);
    }

    /// How many items the index holds.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    /// True when the index holds no item.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// Bytes of normalised text the index holds (for the benchmark's memory figures).
    pub fn bytes(&self) -> usize {
        self.columns().iter().map(|c| c.bytes()).sum()
    }

    /// One flag per item, in document order: does it satisfy the query? The first included
    /// term is found with one scan of the whole field; the other terms are checked only on
    /// the items that are left.
    pub fn matching(&self, query: &Query) -> Vec<bool> {
        let n = self.len();
        let mut terms: Vec<&Term> = query.terms.iter().collect();
        // Included terms first (stable, so the typed order is kept otherwise).
        terms.sort_by_key(|t| t.exclude);
        let finders: Vec<Finder<'_>> = terms.iter().map(|t| Finder::new(t.needle.as_bytes())).collect();
        let mut hit = match (terms.first(), finders.first()) {
            (Some(t), Some(f)) if !t.exclude => self.first_scan(t, f),
            _ => vec![true; n],
        };
        let start = usize::from(terms.first().is_some_and(|t| !t.exclude));
        for (t, f) in terms.iter().zip(&finders).skip(start) {
            hit.par_iter_mut().enumerate().filter(|(_, h)| **h).for_each(|(i, h)| {
                *h = self.holds(i, t, f) != t.exclude;
            });
        }
        hit
    }

    /// Items matching one term, by a scan of its whole field.
    fn first_scan(&self, t: &Term, f: &Finder<'_>) -> Vec<bool> {
        let mut hit = vec![false; self.len()];
        match self.column(t.field) {
            Some(col) => col.scan(f, &mut hit),
            None => hit.iter_mut().enumerate().for_each(|(i, h)| *h = self.holds(i, t, f)),
        }
        hit
    }

    /// The column a field is searched in (`None` for the page's date and number).
    fn column(&self, field: Field) -> Option<&Column> {
        match field {
            Field::Any => Some(&self.all),
            Field::Title => Some(&self.title),
            Field::Author => Some(&self.author),
            Field::Unit => Some(&self.unit),
            Field::District => Some(&self.district),
            Field::Date | Field::Page => None,
        }
    }

    /// True when item `i` contains the term's needle where the term looks.
    fn holds(&self, i: usize, t: &Term, f: &Finder<'_>) -> bool {
        if let Some(col) = self.column(t.field) {
            return col.contains(i, f);
        }
        let Some((date, number)) = self.item_page.get(i).and_then(|&p| self.pages.get(p)) else {
            return false;
        };
        match t.field {
            Field::Date => date.starts_with(&t.needle),
            _ => *number == t.needle,
        }
    }

    /// Document positions of the items the query matches, in document order.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        let hit = self.matching(query);
        hit.iter().enumerate().filter(|(_, h)| **h).map(|(i, _)| i).collect()
    }
}

#[cfg(test)]
mod tests;
