//! A printed page, from its text as read to the items found on it, and the document of all
//! pages opened together.

use serde::{Deserialize, Serialize};

use super::correction::Correction;
use super::item::{Classes, Confidence, Item};
use super::problem::Warning;

/// One printed page: where it came from, its text, and (once parsed) its header lines and
/// items. Serialised, it is a page of the `parse --json` contract.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Path or zip entry the page came from (a label only, never reopened for writing).
    pub source: String,
    /// 1-based index of this page within its source (form-feed separated pages).
    pub index: usize,
    /// Date printed on or implied by the page, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Printed page number (版次).
    pub page_no: Option<u32>,
    /// Page header lines (date, page name, editor), which are not items.
    pub header: Vec<String>,
    /// Articles and photo captions in page order.
    pub items: Vec<Item>,
    /// What classification found about each item besides its unit and district (see
    /// [`Page::classes_of`]).
    pub classes: Vec<Classes>,
    /// The page text with line ends normalised to `\n`.
    pub text: String,
    /// The user's corrections to this page, in the order they were made; once parsed, already
    /// applied to `items`.
    pub corrections: Vec<Correction>,
    /// The home city the page names itself (a division index), if any.
    pub home: Option<usize>,
    /// The home city its items were classified with: its source's (the city most of the
    /// source's pages name), or the one the user chose.
    pub classified_with: Option<usize>,
    /// Its items as an archive stored them, until parsing takes them.
    pub stored: Option<Box<StoredPage>>,
}

impl Page {
    /// A page as read: its text and where it came from, not yet parsed.
    pub fn read(source: &str, index: usize, text: String) -> Page {
        Page { source: source.to_owned(), index, text, ..Page::default() }
    }

    /// A page of this text with no path metadata or corrections, for tests.
    #[cfg(test)]
    pub(crate) fn plain(text: &str) -> Page {
        Page::read("t.txt", 1, text.to_owned())
    }

    /// What classification found about an item of this page besides its unit and district.
    pub fn classes_of(&self, item: &Item) -> Option<&Classes> {
        self.classes.iter().find(|c| c.line == item.lines[0])
    }

    /// How sure classification is of an item's unit and district: sure of what the user set
    /// and of items it has no record of.
    pub fn confidence(&self, item: &Item) -> (Confidence, Confidence) {
        match self.classes_of(item).filter(|_| !item.edited) {
            Some(c) => (c.unit, c.district),
            None => (Confidence::High, Confidence::High),
        }
    }

    /// The item whose line span holds a 1-based page line (the narrowest, when spans nest),
    /// or `None` for header lines and lines between items.
    pub fn item_at_line(&self, line: usize) -> Option<usize> {
        let spans = self.items.iter().enumerate();
        let holding = spans.filter(|(_, a)| a.lines[0] <= line && line <= a.lines[1]);
        holding.min_by_key(|(_, a)| a.lines[1] - a.lines[0]).map(|(i, _)| i)
    }
}

/// The `parse --json` form of a page: its items with what classification found about them.
impl Serialize for Page {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let articles: Vec<ItemOut> =
            self.items.iter().map(|item| ItemOut::new(item, self.classes_of(item))).collect();
        let mut p = s.serialize_struct("Page", 6)?;
        p.serialize_field("source", &self.source)?;
        p.serialize_field("page", &self.index)?;
        p.serialize_field("date", &self.date)?;
        p.serialize_field("page_no", &self.page_no)?;
        p.serialize_field("header", &self.header)?;
        p.serialize_field("articles", &articles)?;
        p.end()
    }
}

/// An item as `parse --json` prints it: its own fields, then its co-units, its city (when not
/// the home city) and how sure its unit and district are.
#[derive(Serialize)]
struct ItemOut<'a> {
    #[serde(flatten)]
    item: &'a Item,
    #[serde(skip_serializing_if = "Option::is_none")]
    co_units: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<ConfidenceOut>,
}

impl<'a> ItemOut<'a> {
    /// Printed only for what the item has: co-units when there are some, a confidence for a
    /// unit or district it was given.
    fn new(item: &'a Item, classes: Option<&'a Classes>) -> ItemOut<'a> {
        let sure = |given: bool, c: fn(&Classes) -> Confidence| {
            given.then(|| if item.edited { Confidence::High } else { classes.map_or(Confidence::High, c) })
        };
        let confidence = (item.unit.is_some() || item.district.is_some()).then(|| ConfidenceOut {
            unit: sure(item.unit.is_some(), |c| c.unit),
            district: sure(item.district.is_some(), |c| c.district),
        });
        ItemOut {
            item,
            co_units: classes.map(|c| c.co_units.as_slice()).filter(|u| !u.is_empty()),
            city: classes.and_then(|c| c.city.as_deref()),
            confidence,
        }
    }
}

/// How sure an item's unit and district are (`null` for one it has not).
#[derive(Serialize)]
struct ConfidenceOut {
    unit: Option<Confidence>,
    district: Option<Confidence>,
}

/// One page's items as an archive stored them: what segmentation and classification found
/// on it, read from an array of its fields in declaration order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredPage {
    /// The key the archive stored them under: they are used only by a build and tables with
    /// the same key.
    #[serde(skip)]
    pub key: std::sync::Arc<str>,
    /// The home city the page names itself (a division index), if any.
    pub home: Option<usize>,
    /// The home city its items were classified with: its own, else the archive's.
    pub classified_with: Option<usize>,
    /// Page header lines.
    pub header: Vec<String>,
    /// Its items, classified, without corrections.
    pub items: Vec<Item>,
    /// What classification found about them besides unit and district.
    #[serde(default)]
    pub classes: Vec<Classes>,
}

impl StoredPage {
    /// False when the stored items cannot belong to a page of `lines` lines (a damaged or
    /// hand-edited file): line spans out of order or past the end, or a paragraph without
    /// its line.
    pub fn fits(&self, lines: usize, divisions: usize) -> bool {
        let home_ok = |h: Option<usize>| h.is_none_or(|h| h < divisions);
        let item_ok = |i: &Item| {
            let [first, last] = i.lines;
            let in_page = |l: usize| (1..=lines).contains(&l);
            first <= last
                && in_page(first)
                && in_page(last)
                && i.paragraphs.len() == i.paragraph_lines.len()
                && i.paragraph_lines.iter().all(|&l| in_page(l))
        };
        home_ok(self.home) && home_ok(self.classified_with) && self.items.iter().all(item_ok)
    }
}

/// The whole result of parsing one or more inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Every page in input order.
    pub pages: Vec<Page>,
    /// Problems that did not stop parsing (`parse --json` words them, see `cli`).
    #[serde(skip)]
    pub warnings: Vec<Warning>,
    /// The city most pages name (the archive's home city, what pages naming none are
    /// classified with), as an index into the divisions table.
    #[serde(skip)]
    pub home: Option<usize>,
    /// The home city's name, as an archive records it.
    #[serde(skip)]
    pub home_city: Option<String>,
    /// The home city the user chose in the window (`Some(None)`: none, as for a national
    /// paper); `None` while each source's own is used.
    #[serde(skip)]
    pub home_choice: Option<Option<usize>>,
    /// A fingerprint of the tables the items were classified with (see `Tables`), which
    /// their stored form is keyed by.
    #[serde(skip)]
    pub tables: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_belongs_to_the_narrowest_item_that_spans_it() {
        let span = |first, last| Item { lines: [first, last], ..Item::headline_only("x") };
        let page = Page { items: vec![span(3, 20), span(8, 10), span(22, 30)], ..Page::default() };
        let cases = [
            (1, None),
            (3, Some(0)),
            (7, Some(0)),
            (8, Some(1)),
            (10, Some(1)),
            (11, Some(0)),
            (21, None),
            (30, Some(2)),
            (31, None),
        ];
        for (line, want) in cases {
            assert_eq!(page.item_at_line(line), want, "line {line}");
        }
    }
}
