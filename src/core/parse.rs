//! Parsing whole inputs: read every page of every path and segment it.

use std::path::Path;

use super::classify::{PagePlaces, classify_page};
use super::gazetteer::Gazetteer;
use super::model::{Document, PageText, ParsedPage};
use super::segment::segment_page;
use super::source::{Limits, ReadError, read_input};

/// Segments pages already read and classifies their items.
pub fn parse_pages(pages: &[PageText]) -> Document {
    let mut doc = Document::default();
    let g = Gazetteer::get();
    let parsed: Vec<ParsedPage> = pages.iter().map(|p| segment_page(p, &mut doc.warnings)).collect();
    let places: Vec<PagePlaces> = parsed.iter().map(|p| PagePlaces::new(g, p)).collect();
    let homes: Vec<Option<usize>> = places.iter().map(|p| p.home(g)).collect();
    let common = most_common(&homes);
    for ((mut page, places), home) in parsed.into_iter().zip(&places).zip(homes) {
        classify_page(&mut page, g, places, home.or(common));
        doc.pages.push(page);
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
