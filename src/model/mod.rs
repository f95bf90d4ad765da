//! The data model shared by every pass: pages as read, and the items found on them.
//!
//! The serialised form of [`ParsedPage`] and [`Item`] is the `parse --json` contract of
//! SPEC section 3, so field names here are part of the public interface.

use serde::{Deserialize, Serialize};

mod warning;

pub use warning::Warning;

use crate::parse::correct::Correction;
use crate::store::stored::StoredPage;

/// One printed page of text, as read from a file, folder or zip entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageText {
    /// Path or zip entry the page came from (a label only, never reopened for writing).
    pub source: String,
    /// 1-based index of this page within its source (form-feed separated pages).
    pub index: usize,
    /// Date printed on or implied by the page, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Printed page number (版次).
    pub page_no: Option<u32>,
    /// The page text with line ends normalised to `\n`.
    pub text: String,
    /// The user's corrections to this page, in the order they were made (from a `.baokan`).
    pub corrections: Vec<Correction>,
    /// Its items as an archive stored them under this build's key (see [`crate::store::stored`]).
    pub stored: Option<Box<StoredPage>>,
}

/// Whether an item is an article or a photo caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A news article with (usually) a headline.
    Article,
    /// A photo caption, usually closed by a photographer's credit.
    Photo,
}

/// A person credited in a byline, with the role printed before the name.
///
/// Read back from `[name, role]` in an archive's stored items ([`crate::store::stored`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The person's name, extraction spaces removed.
    pub name: String,
    /// Role such as 记者 or 通讯员 (本报 stripped), or `None` when the byline names no role.
    pub role: Option<String>,
}

/// One article or photo caption found on a page.
///
/// Read back from an array of its fields in declaration order, as an archive stores it
/// ([`crate::store::stored`]); `edited` may be left out there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Article or photo.
    pub kind: Kind,
    /// Headline, multi-line headlines joined.
    pub title: Option<String>,
    /// Subtitle (副题), often led by `——`.
    pub subtitle: Option<String>,
    /// Kicker (引题): a short line above the headline.
    pub kicker: Option<String>,
    /// The raw credit text(s) the authors were read from.
    pub byline: Option<String>,
    /// Credited people in printed order.
    pub authors: Vec<Author>,
    /// Body paragraphs with wrapping and extraction spaces removed.
    pub paragraphs: Vec<String>,
    /// The 1-based page line each paragraph starts on (where a split may be made); not
    /// printed by `parse --json`, but stored in an archive.
    #[serde(skip_serializing)]
    pub paragraph_lines: Vec<usize>,
    /// The department (单位) the item is about.
    pub unit: Option<String>,
    /// The county-level district (区县) the item is about, or `市直`.
    pub district: Option<String>,
    /// First and last 1-based page line the item covers.
    pub lines: [usize; 2],
    /// The user corrected this item (printed only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub edited: bool,
}

/// The items of one page, with its metadata, in the form `parse --json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedPage {
    /// Path or zip entry of the page.
    pub source: String,
    /// 1-based index within the source.
    pub page: usize,
    /// `YYYY-MM-DD` when known.
    pub date: Option<String>,
    /// Printed page number when known.
    pub page_no: Option<u32>,
    /// Page header lines (date, page name, editor), which are not articles.
    pub header: Vec<String>,
    /// Articles and photos in page order.
    #[serde(rename = "articles")]
    pub items: Vec<Item>,
    /// The page text as read (lines end in `\n`), for the page view; not part of the JSON.
    #[serde(skip)]
    pub text: String,
    /// The user's corrections, kept to be saved and undone; already applied to `items`.
    #[serde(skip)]
    pub corrections: Vec<Correction>,
    /// The home city the page names itself (a division index), if any.
    #[serde(skip)]
    pub home: Option<usize>,
}

impl ParsedPage {
    /// The item whose line span holds a 1-based page line (the narrowest, when spans nest),
    /// or `None` for header lines and lines between items.
    pub fn item_at_line(&self, line: usize) -> Option<usize> {
        let spans = self.items.iter().enumerate();
        let holding = spans.filter(|(_, a)| a.lines[0] <= line && line <= a.lines[1]);
        holding.min_by_key(|(_, a)| a.lines[1] - a.lines[0]).map(|(i, _)| i)
    }
}

/// The whole result of parsing one or more inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Every page in input order.
    pub pages: Vec<ParsedPage>,
    /// Problems that did not stop parsing (`parse --json` words them, see `cli`).
    #[serde(skip)]
    pub warnings: Vec<Warning>,
    /// The city most pages name (the archive's home city, what pages naming none are
    /// classified with), as an index into the divisions table.
    #[serde(skip)]
    pub home: Option<usize>,
}

impl Document {
    /// The name of the archive's home city, if any.
    pub fn home_city(&self) -> Option<&'static str> {
        let g = crate::classify::gazetteer::Gazetteer::get();
        self.home.filter(|&h| h < g.divisions().len()).map(|h| g.division(h).name.as_str())
    }
}

#[cfg(test)]
impl PageText {
    /// A page of this text with no path metadata or corrections, for tests.
    pub(crate) fn plain(text: &str) -> PageText {
        PageText {
            source: "t.txt".to_owned(),
            index: 1,
            date: None,
            page_no: None,
            text: text.to_owned(),
            corrections: Vec::new(),
            stored: None,
        }
    }
}

#[cfg(test)]
impl Item {
    /// An article with a headline and nothing else, for tests to fill in with `..`.
    pub(crate) fn headline_only(title: &str) -> Item {
        Item {
            kind: Kind::Article,
            title: Some(title.to_owned()),
            subtitle: None,
            kicker: None,
            byline: None,
            authors: Vec::new(),
            paragraphs: Vec::new(),
            paragraph_lines: Vec::new(),
            unit: None,
            district: None,
            lines: [1, 1],
            edited: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_belongs_to_the_narrowest_item_that_spans_it() {
        let span = |first, last| Item { lines: [first, last], ..Item::headline_only("x") };
        let page = ParsedPage {
            source: "p.txt".to_owned(),
            page: 1,
            date: None,
            page_no: None,
            header: Vec::new(),
            items: vec![span(3, 20), span(8, 10), span(22, 30)],
            text: String::new(),
            corrections: Vec::new(),
            home: None,
        };
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
