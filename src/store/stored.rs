//! Segmentation kept in an archive, so that opening one does not segment every page again.
//!
//! An archive written by this program also holds each page's items as segmented and
//! classified, under a **key**: the fingerprint of the segmenter's source and tables this
//! build was made from (`build.rs`) and of the user's department table. A page's stored items
//! are used only when the key is this build's and the page has no corrections; any other page
//! is segmented from its text as before, so a newer segmenter still improves old archives.
//! The stored form is compact JSON arrays (see `docs/archive-format.md`); a later layout
//! would take a new field name, which older programs ignore.

use std::fmt;
use std::sync::Arc;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeSeq, SerializeStruct, SerializeTuple};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Item, Page, StoredPage};

/// What every key of this build starts with: its version and the segmenter's fingerprint.
const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "-", env!("BAOKAN_SEGMENTER"), "-");

/// The key this build stores segmentation under and accepts it with, for tables of this
/// fingerprint (see `Tables::fingerprint`).
pub fn key(tables: u64) -> String {
    format!("{BUILD}{tables:016x}")
}

/// A page's stored form as written: borrowed from the parsed page.
pub struct PageOut<'a> {
    /// The parsed page.
    pub page: &'a Page,
}

impl Serialize for PageOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.page;
        let mut t = s.serialize_tuple(5)?;
        t.serialize_element(&p.home)?;
        t.serialize_element(&p.classified_with)?;
        t.serialize_element(&p.header)?;
        t.serialize_element(&ItemsOut(&p.items))?;
        t.serialize_element(&p.classes)?;
        t.end()
    }
}

struct ItemsOut<'a>(&'a [Item]);

impl Serialize for ItemsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&ItemOut(item))?;
        }
        seq.end()
    }
}

/// An item as an array: kind, title, subtitle, kicker, byline, authors as `[name, role]`,
/// paragraphs, their lines, unit, district, `[first, last]` line, the other part's page. [`Item`]'s own
/// `Deserialize` reads it back (its fields in this order, `edited` left out).
struct ItemOut<'a>(&'a Item);

impl Serialize for ItemOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = self.0;
        let authors: Vec<(&str, Option<&str>)> =
            i.authors.iter().map(|a| (a.name.as_str(), a.role.as_deref())).collect();
        let mut t = s.serialize_tuple(12)?;
        t.serialize_element(&i.kind)?;
        t.serialize_element(&i.title)?;
        t.serialize_element(&i.subtitle)?;
        t.serialize_element(&i.kicker)?;
        t.serialize_element(&i.byline)?;
        t.serialize_element(&authors)?;
        t.serialize_element(&i.paragraphs)?;
        t.serialize_element(&i.paragraph_lines)?;
        t.serialize_element(&i.unit)?;
        t.serialize_element(&i.district)?;
        t.serialize_element(&i.lines)?;
        t.serialize_element(&i.continued)?;
        t.end()
    }
}

/// The archive's stored segmentation as read: its pages (`None` for a page stored without
/// items) when its key is this build's, else nothing, without reading the pages at all.
#[derive(Debug, Default)]
pub struct Stored(pub Option<Vec<Option<StoredPage>>>);

impl<'de> Deserialize<'de> for Stored {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(StoredVisitor)
    }
}

struct StoredVisitor;

impl<'de> Visitor<'de> for StoredVisitor {
    type Value = Stored;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("stored segmentation: {\"key\": …, \"pages\": […]}")
    }

    /// Reads `key` first (it is written first): pages another build stored are skipped
    /// unread. Pages this build stored carry their key, which parsing compares with its tables'.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Stored, A::Error> {
        let (mut current, mut pages) = (None, None);
        while let Some(field) = map.next_key::<String>()? {
            match field.as_str() {
                "key" => current = Some(map.next_value::<String>()?).filter(|k| k.starts_with(BUILD)),
                "pages" if current.is_some() => pages = Some(map.next_value::<Vec<Option<StoredPage>>>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let key: Option<Arc<str>> = current.map(Arc::from);
        let keyed = pages.zip(key).map(|(mut pages, key)| {
            pages.iter_mut().flatten().for_each(|p| p.key = Arc::clone(&key));
            pages
        });
        Ok(Stored(keyed))
    }
}

/// The stored segmentation as written: the key, then each page's items (`null` for a page
/// with corrections, which is always segmented again).
pub struct StoredOut<'a> {
    /// Every page of the archive, in order.
    pub pages: &'a [Page],
    /// The fingerprint of the tables the pages were classified with.
    pub tables: u64,
}

impl Serialize for StoredOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let pages: Vec<Option<PageOut>> =
            self.pages.iter().map(|page| page.corrections.is_empty().then_some(PageOut { page })).collect();
        let mut m = s.serialize_struct("Stored", 2)?;
        m.serialize_field("key", &key(self.tables))?;
        m.serialize_field("pages", &pages)?;
        m.end()
    }
}
