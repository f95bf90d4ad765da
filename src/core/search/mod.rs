//! Searching an archive: a [`Query`] (see [`query`]) is matched against every item's fields,
//! each brought to one normal form (see [`normalise`]) once, when the index is built, so a
//! changed query only scans prepared text. Chinese matches as substrings (no word
//! segmentation), Latin letters case-insensitively, full- and half-width alike, extraction
//! spaces ignored.

pub mod normalise;
pub mod query;

pub use query::{Field, Query, Term};

use super::model::{Document, Item, ParsedPage};
use normalise::push_normalised;

/// Separates fields inside an item's text so that no match runs across two of them.
const SEP: char = '\u{1}';

/// One item's searchable text, normalised.
#[derive(Debug, Clone, Default)]
struct Entry {
    /// Headline, subtitle, kicker, body, byline, unit and district, separated by [`SEP`].
    all: String,
    title: String,
    author: String,
    unit: String,
    district: String,
    date: String,
    page: String,
}

/// Every item's searchable text, in document order (pages in order, items in page order).
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    /// Prepares a document's items for searching.
    pub fn new(doc: &Document) -> SearchIndex {
        let entries = doc
            .pages
            .iter()
            .flat_map(|page| page.articles.iter().map(move |item| entry(page, item)))
            .collect();
        SearchIndex { entries }
    }

    /// How many items the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the index holds no item.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Document positions of the items the query matches, in document order.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        (0..self.entries.len()).filter(|&i| self.matches(i, query)).collect()
    }

    /// True when the item at this position satisfies every term of the query.
    pub fn matches(&self, position: usize, query: &Query) -> bool {
        let Some(e) = self.entries.get(position) else {
            return false;
        };
        query.terms.iter().all(|t| holds(e, t) != t.exclude)
    }
}

/// True when the entry contains the term's needle where the term looks.
fn holds(e: &Entry, t: &Term) -> bool {
    let n = t.needle.as_str();
    match t.field {
        Field::Any => e.all.contains(n),
        Field::Title => e.title.contains(n),
        Field::Author => e.author.contains(n),
        Field::Unit => e.unit.contains(n),
        Field::District => e.district.contains(n),
        Field::Date => e.date.starts_with(n),
        Field::Page => e.page == n,
    }
}

/// The normalised fields of one item.
fn entry(page: &ParsedPage, item: &Item) -> Entry {
    let join = |parts: &[Option<&str>]| {
        let mut out = String::new();
        for p in parts.iter().flatten() {
            push_normalised(&mut out, p);
            out.push(SEP);
        }
        out
    };
    let title = join(&[item.title.as_deref(), item.subtitle.as_deref(), item.kicker.as_deref()]);
    let names: Vec<&str> = item.authors.iter().map(|a| a.name.as_str()).collect();
    let names = names.join(&SEP.to_string());
    let author = join(&[item.byline.as_deref(), Some(&names)]);
    let unit = join(&[item.unit.as_deref()]);
    let district = join(&[item.district.as_deref()]);
    let mut all =
        String::with_capacity(title.len() + item.paragraphs.iter().map(String::len).sum::<usize>() + 64);
    all.push_str(&title);
    for p in &item.paragraphs {
        push_normalised(&mut all, p);
        all.push(SEP);
    }
    all.push_str(&author);
    all.push_str(&unit);
    all.push_str(&district);
    Entry {
        all,
        title,
        author,
        unit,
        district,
        date: page.date.clone().unwrap_or_default(),
        page: page.page_no.map(|n| n.to_string()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;
