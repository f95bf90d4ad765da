//! Parsing whole inputs: read every page of every path and segment it.

use std::path::Path;

use super::classify::{classify_page, home_city};
use super::gazetteer::Gazetteer;
use super::model::{Document, PageText};
use super::segment::segment_page;
use super::source::{Limits, ReadError, read_input};

/// Segments pages already read and classifies their items.
pub fn parse_pages(pages: &[PageText]) -> Document {
    let mut doc = Document::default();
    let g = Gazetteer::get();
    let homes: Vec<Option<usize>> = pages.iter().map(|p| home_city(g, &p.text)).collect();
    let common = most_common(&homes);
    for (page, home) in pages.iter().zip(homes) {
        let mut parsed = segment_page(page, &mut doc.warnings);
        classify_page(&mut parsed, g, home.or(common));
        doc.pages.push(parsed);
    }
    doc
}

/// The home city most pages name, for pages that name none.
fn most_common(homes: &[Option<usize>]) -> Option<usize> {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for h in homes.iter().flatten() {
        *counts.entry(*h).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(c, n)| (n, std::cmp::Reverse(c))).map(|(c, _)| c)
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
