//! Parsing whole inputs: read every page of every path and segment it.

use std::path::Path;

use super::classify::{PageScan, classify_page};
use super::gazetteer::Gazetteer;
use super::model::{Document, PageText};
use super::segment::segment_page;
use super::source::{Limits, ReadError, read_input};

/// Segments pages already read and classifies their items.
pub fn parse_pages(pages: &[PageText]) -> Document {
    let mut doc = Document::default();
    let g = Gazetteer::get();
    // A page that names its home city is classified at once, so that its scan (a copy of its
    // items' text) is dropped; the others wait for the archive's most common home city.
    let mut homes = Vec::with_capacity(pages.len());
    let mut waiting = Vec::new();
    for text in pages {
        let mut page = segment_page(text, &mut doc.warnings);
        let scan = PageScan::new(g, &page);
        let home = scan.home(g);
        homes.push(home);
        if home.is_some() {
            classify_page(&mut page, g, &scan, home);
        } else {
            waiting.push((doc.pages.len(), scan));
        }
        doc.pages.push(page);
    }
    let common = most_common(&homes);
    for (i, scan) in waiting {
        if let Some(page) = doc.pages.get_mut(i) {
            classify_page(page, g, &scan, common);
        }
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
