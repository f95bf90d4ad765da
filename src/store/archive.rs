//! The Baokan archive file (`.baokan`): UTF-8 JSON holding each page's source name, date,
//! printed page number and full text, the user's corrections to it, and the archive's home
//! city. Items are segmented again on every load, so a newer segmenter improves old archives,
//! and the corrections are replayed over them; only this build's own
//! segmentation, stored beside the pages under its key, is taken as it is (see
//! [`crate::store::stored`]). The schema is documented in `docs/archive-format.md`.

use serde::{Deserialize, Serialize};

pub use crate::model::ArchiveError;
use crate::model::{Correction, Document, Page};
use crate::store::stored::{Stored, StoredOut};

/// The `format` every archive names.
pub const FORMAT: &str = "baokan-archive";
/// The newest version this program reads and the one it writes.
pub const VERSION: u32 = 1;

/// True when a file should be read as an archive: named `.baokan` or `.json`, or JSON inside.
pub fn is_archive(name: &str, bytes: &[u8]) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    matches!(ext.as_deref(), Some("baokan" | "json")) || body.trim_ascii_start().starts_with(b"{")
}

/// An archive as written: borrowed from the document.
#[derive(Serialize)]
struct ArchiveOut<'a> {
    format: &'static str,
    version: u32,
    home_city: Option<&'a str>,
    pages: Vec<PageOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    segmentation: Option<StoredOut<'a>>,
}

#[derive(Serialize)]
struct PageOut<'a> {
    source: &'a str,
    index: usize,
    date: Option<&'a str>,
    page_no: Option<u32>,
    text: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    corrections: &'a [Correction],
}

/// An archive as read; unknown fields are ignored, so later minor additions still load.
#[derive(Deserialize)]
struct ArchiveIn {
    format: String,
    version: u64,
    pages: Vec<PageIn>,
    #[serde(default)]
    segmentation: Stored,
}

#[derive(Deserialize)]
struct PageIn {
    source: String,
    #[serde(default = "first")]
    index: usize,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    page_no: Option<u32>,
    text: String,
    #[serde(default)]
    corrections: Vec<Correction>,
}

fn first() -> usize {
    1
}

/// Just the fields that say what a JSON file is, read when the whole does not parse.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
}

/// The archive of a parsed document: every page's text and metadata with its corrections,
/// and its items stored under this build's key.
pub fn to_bytes(doc: &Document) -> Vec<u8> {
    write(doc, true)
}

/// [`to_bytes`] without the stored items: half the size, and every program segments it on
/// opening (as it does an archive written before items were stored).
pub fn to_text_only_bytes(doc: &Document) -> Vec<u8> {
    write(doc, false)
}

fn write(doc: &Document, with_items: bool) -> Vec<u8> {
    let pages = doc
        .pages
        .iter()
        .map(|p| PageOut {
            source: &p.source,
            index: p.index,
            date: p.date.as_deref(),
            page_no: p.page_no,
            text: &p.text,
            corrections: &p.corrections,
        })
        .collect();
    let segmentation = with_items.then_some(StoredOut { pages: &doc.pages, tables: doc.tables });
    let home_city = doc.home_city.as_deref();
    let out = ArchiveOut { format: FORMAT, version: VERSION, home_city, pages, segmentation };
    // Strings and numbers only: serialising to memory cannot fail.
    serde_json::to_vec(&out).unwrap_or_default()
}

/// Reads an archive's pages (with their corrections); `label` names the file in errors.
pub fn read(label: &str, bytes: &[u8]) -> Result<Vec<Page>, ArchiveError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // One SIMD pass validates the whole file as UTF-8, so that the JSON parser can read
    // strings from a `&str` without checking each one again (a tenth of the loading time).
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        // A file cut off in the middle of a character (as a copy or a write stopped halfway
        // leaves it) is truncated, not damaged.
        Err(_) if simdutf8::compat::from_utf8(bytes).is_err_and(|e| e.error_len().is_none()) => {
            return Err(ArchiveError::Truncated(label.to_owned()));
        }
        Err(_) => return Err(ArchiveError::Damaged(label.to_owned(), "not UTF-8".to_owned())),
    };
    let archive: ArchiveIn = match serde_json::from_str(text) {
        Ok(a) => a,
        Err(e) if e.is_eof() => return Err(ArchiveError::Truncated(label.to_owned())),
        Err(e) => return Err(explain(label, bytes, e)),
    };
    check(label, Some(&archive.format), Some(archive.version))?;
    // Stored segmentation counts only when it has one entry for every page.
    let stored = archive.segmentation.0.filter(|s| s.len() == archive.pages.len());
    let mut stored = stored.unwrap_or_default().into_iter();
    let pages = archive.pages.into_iter().map(|p| Page {
        source: p.source,
        index: p.index,
        date: p.date,
        page_no: p.page_no,
        text: p.text,
        corrections: p.corrections,
        stored: stored.next().flatten().map(Box::new),
        ..Page::default()
    });
    Ok(pages.collect())
}

/// The sentence for a file that did not parse as an archive: not one, a newer one, or damaged.
fn explain(label: &str, bytes: &[u8], e: serde_json::Error) -> ArchiveError {
    match serde_json::from_slice::<Header>(bytes) {
        Ok(h) => check(label, h.format.as_deref(), h.version)
            .err()
            .unwrap_or_else(|| ArchiveError::Damaged(label.to_owned(), e.to_string())),
        Err(_) => ArchiveError::Damaged(label.to_owned(), e.to_string()),
    }
}

fn check(label: &str, format: Option<&str>, version: Option<u64>) -> Result<(), ArchiveError> {
    if format != Some(FORMAT) {
        return Err(ArchiveError::NotArchive(label.to_owned()));
    }
    match version {
        Some(v) if v > u64::from(VERSION) => Err(ArchiveError::Newer(label.to_owned(), v)),
        _ => Ok(()),
    }
}
