//! Parsing whole inputs: read every page of every path and segment it.

use std::path::Path;

use super::classify::{PageScan, classify_page};
use super::correct::{apply_all, segment_corrected};
use super::gazetteer::Gazetteer;
use super::model::{Document, PageText, ParsedPage};
use super::progress::Progress;
use super::source::{Limits, ReadError, read_input};

/// Segments pages already read and classifies their items; each page keeps its text.
pub fn parse_pages(pages: Vec<PageText>) -> Document {
    // Nobody else holds this progress, so it is never cancelled.
    parse_pages_with(pages, &Progress::default()).unwrap_or_default()
}

/// [`parse_pages`], counting pages into `progress`; `None` when it was cancelled.
pub fn parse_pages_with(pages: Vec<PageText>, progress: &Progress) -> Option<Document> {
    progress.start_parsing(pages.len());
    let mut doc = Document::default();
    let g = Gazetteer::get();
    // A page that names its home city is classified at once, so that its scan (a copy of its
    // items' text) is dropped; the others wait for the archive's most common home city.
    let mut homes = Vec::with_capacity(pages.len());
    let mut waiting = Vec::new();
    for text in pages {
        if progress.is_cancelled() {
            return None;
        }
        let mut page = segment_corrected(&text, &mut doc.warnings);
        page.text = text.text;
        // Held on the page until its items are classified, then applied over them.
        page.corrections = text.corrections;
        let scan = PageScan::new(g, &page);
        let home = scan.home(g);
        homes.push(home);
        if home.is_some() {
            classify_page(&mut page, g, &scan, home);
            apply_held(&mut page, &mut doc.warnings);
        } else {
            waiting.push((doc.pages.len(), scan));
        }
        doc.pages.push(page);
        progress.page_done();
    }
    let common = most_common(&homes);
    for (i, scan) in waiting {
        if let Some(page) = doc.pages.get_mut(i) {
            classify_page(page, g, &scan, common);
            apply_held(page, &mut doc.warnings);
        }
    }
    doc.home_city = common.map(|c| g.division(c).name.clone());
    Some(doc)
}

fn apply_held(page: &mut ParsedPage, warnings: &mut Vec<String>) {
    let held = std::mem::take(&mut page.corrections);
    apply_all(page, held, warnings);
}

/// Segments, classifies and corrects one page again from its text and its corrections (after
/// a correction is made or undone); `home_city` is the archive's, for a page naming none.
pub fn reparse_page(page: &ParsedPage, home_city: Option<&str>) -> ParsedPage {
    let g = Gazetteer::get();
    let text = PageText {
        source: page.source.clone(),
        index: page.page,
        date: page.date.clone(),
        page_no: page.page_no,
        text: page.text.clone(),
        corrections: page.corrections.clone(),
    };
    let mut warnings = Vec::new();
    let mut out = segment_corrected(&text, &mut warnings);
    let scan = PageScan::new(g, &out);
    let fallback =
        || home_city.and_then(|name| g.lookup(name).iter().copied().find(|&d| g.division(d).level == 2));
    classify_page(&mut out, g, &scan, scan.home(g).or_else(fallback));
    out.text = text.text;
    apply_all(&mut out, text.corrections, &mut warnings);
    out
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
    Ok(parse_paths_with(paths, limits, &Progress::default())?.unwrap_or_default())
}

/// [`parse_paths`], reporting into `progress`; `Ok(None)` when it was cancelled.
pub fn parse_paths_with(
    paths: &[&Path],
    limits: &Limits,
    progress: &Progress,
) -> Result<Option<Document>, ReadError> {
    let mut warnings = Vec::new();
    let mut pages = Vec::new();
    progress.start_reading(paths.len());
    for path in paths {
        if progress.is_cancelled() {
            return Ok(None);
        }
        pages.extend(read_input(path, limits, &mut warnings)?);
        progress.input_read();
    }
    let Some(mut doc) = parse_pages_with(pages, progress) else {
        return Ok(None);
    };
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    Ok(Some(doc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sample;

    #[test]
    fn progress_counts_pages_and_cancel_stops() {
        let pages = sample::pages();
        let progress = Progress::default();
        let doc = parse_pages_with(pages.clone(), &progress);
        assert_eq!(doc.as_ref().map(|d| d.pages.len()), Some(pages.len()));
        let kept: Vec<&str> = doc.iter().flat_map(|d| d.pages.iter().map(|p| p.text.as_str())).collect();
        let read: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(kept, read, "each page keeps its text for the page view");
        assert_eq!(progress.stage(), crate::core::progress::Stage::Parsing(pages.len(), pages.len()));
        let cancelled = Progress::default();
        cancelled.cancel();
        assert_eq!(parse_pages_with(pages, &cancelled), None);
    }
}
