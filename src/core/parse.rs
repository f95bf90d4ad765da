//! Parsing whole inputs: read every page of every path and segment it.

use std::path::Path;

use super::model::{Document, PageText};
use super::segment::segment_page;
use super::source::{Limits, ReadError, read_input};

/// Segments pages already read.
pub fn parse_pages(pages: &[PageText]) -> Document {
    let mut doc = Document::default();
    for page in pages {
        let parsed = segment_page(page, &mut doc.warnings);
        doc.pages.push(parsed);
    }
    doc
}

/// Reads and segments every input path. The first input that cannot be read stops parsing.
pub fn parse_paths(paths: &[&Path], limits: &Limits) -> Result<Document, ReadError> {
    let mut warnings = Vec::new();
    let mut pages = Vec::new();
    for path in paths {
        pages.extend(read_input(path, limits, &mut warnings)?);
    }
    let mut doc = parse_pages(&pages);
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    Ok(doc)
}
