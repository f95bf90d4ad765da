//! An item found on a page: an article or a photo caption, with its fields as `parse --json`
//! prints them.

use serde::{Deserialize, Serialize};

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
/// Read back from `[name, role]` in an archive's stored items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The person's name, extraction spaces removed.
    pub name: String,
    /// Role such as 记者 or 通讯员 (本报 stripped), or `None` when the byline names no role.
    pub role: Option<String>,
}

/// One article or photo caption found on a page.
///
/// Read back from an array of its fields in declaration order, as an archive stores it;
/// `edited` may be left out there.
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
    /// The printed page of the article's other part, when it runs over two pages and a jump
    /// line (`（下转第3版）`, `（上接第1版）`) says so.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub continued: Option<u32>,
    /// The user corrected this item (printed only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub edited: bool,
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
            continued: None,
            edited: false,
        }
    }
}

/// How sure classification is of an item's unit or district.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Named where it counts (the kicker, the headline, the lead) or more than once, with
    /// its place.
    #[default]
    High,
    /// Named once in passing, or a district only guessed from the places the item names.
    Low,
}

/// What classification found about an item besides its unit and district. A page keeps one
/// for each item it classified, by the item's first line, so that corrections that split or
/// merge items leave the others' in place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classes {
    /// The first page line of the item these are of.
    pub line: usize,
    /// Units the item names joined to its unit (A与B, A联合B): B is a co-unit of A.
    pub co_units: Vec<String>,
    /// The prefecture city of the unit or district when it is not the page's home city (or
    /// when the page has none).
    pub city: Option<String>,
    /// How sure the unit is.
    pub unit: Confidence,
    /// How sure the district is.
    pub district: Confidence,
}
