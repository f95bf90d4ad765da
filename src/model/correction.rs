//! The user's corrections as data: what they set, join, split or mark, anchored to page lines.
//!
//! A correction names its item by a page line, never by the item's number: page lines do not
//! change when a newer segmenter cuts the page differently. Parsing replays them over the
//! items it finds.

use serde::{Deserialize, Serialize};

/// A field of an item the user can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The headline.
    Title,
    /// The subtitle (副题).
    Subtitle,
    /// The kicker (引题).
    Kicker,
    /// The department (单位).
    Unit,
    /// The district (区县).
    District,
    /// Article or photo; the value is `article` or `photo`.
    Kind,
}

/// One correction, as stored in a `.baokan` archive (`"action"` names the variant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Correction {
    /// Sets a field of the item starting on `line`; no value clears it.
    Set {
        /// A page line of the item (its first).
        line: usize,
        /// Which field.
        field: Field,
        /// The new value.
        value: Option<String>,
    },
    /// Joins the item starting on `line` with the item after it.
    Merge {
        /// A page line of the first item (its first).
        line: usize,
    },
    /// Starts a new item at the paragraph that starts on `line`.
    Split {
        /// The page line the new item's first paragraph starts on.
        line: usize,
    },
    /// Treats `line` as page header (date, page name, editor), not text.
    Header {
        /// The page line.
        line: usize,
    },
}

impl Correction {
    /// The page line the correction is anchored to.
    pub fn line(&self) -> usize {
        match self {
            Correction::Set { line, .. }
            | Correction::Merge { line }
            | Correction::Split { line }
            | Correction::Header { line } => *line,
        }
    }
}
