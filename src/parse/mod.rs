//! Parsing whole inputs: read every page of every path and segment it.

pub mod correct;
pub mod progress;

use std::path::Path;

use rayon::prelude::*;

use crate::classify::gazetteer::Gazetteer;
use crate::classify::{PageScan, classify_page};
use crate::model::{Document, PageText, ParsedPage, Warning};
use crate::parse::correct::{apply_all, segment_corrected};
use crate::parse::progress::Progress;
use crate::segment::warn_bodiless;
use crate::store::source::{Limits, ReadError, read_input};
use crate::store::stored::StoredPage;

/// Segments pages already read and classifies their items; each page keeps its text.
pub fn parse_pages(pages: Vec<PageText>) -> Document {
    // Nobody else holds this progress, so it is never cancelled.
    parse_pages_with(pages, &Progress::default()).unwrap_or_default()
}

/// [`parse_pages`], counting pages into `progress`; `None` when it was cancelled. Pages are
/// segmented and classified on every core (rayon), and come out in input order.
pub fn parse_pages_with(pages: Vec<PageText>, progress: &Progress) -> Option<Document> {
    progress.start_parsing(pages.len());
    let g = Gazetteer::get();
    let done: Option<Vec<Parsed>> = pages
        .into_par_iter()
        .map(|text| {
            if progress.is_cancelled() {
                return None;
            }
            let parsed = parse_one(g, text);
            progress.page_done();
            Some(parsed)
        })
        .collect();
    let done = done?;
    let mut doc = Document::default();
    let common = most_common(&done.iter().map(|p| p.page.home).collect::<Vec<_>>());
    let mut waiting = Vec::with_capacity(done.len());
    for Parsed { page, pending, mut warnings } in done {
        waiting.push(pending);
        doc.warnings.append(&mut warnings);
        doc.pages.push(page);
    }
    // Pages that name no home city are classified with the archive's.
    let late: Vec<Vec<Warning>> = doc
        .pages
        .par_iter_mut()
        .zip(waiting)
        .map(|(page, pending)| {
            let mut warnings = Vec::new();
            match pending {
                Pending::Scan(scan) => {
                    classify_page(page, g, &scan, common);
                    apply_held(page, &mut warnings);
                }
                // Stored items classified with another archive home city than this one.
                Pending::Stored(with) if with != common => {
                    classify_page(page, g, &PageScan::new(g, page), common);
                }
                Pending::Stored(_) | Pending::Done => {}
            }
            warnings
        })
        .collect();
    doc.warnings.extend(late.into_iter().flatten());
    doc.home = common;
    Some(doc)
}

/// One page segmented (or restored), with what it still waits for.
struct Parsed {
    page: ParsedPage,
    pending: Pending,
    warnings: Vec<Warning>,
}

/// What a page waits for once every page's home city is known.
enum Pending {
    /// Nothing: it names its home city and is classified.
    Done,
    /// It names no home city: its scan waits for the archive's.
    Scan(PageScan),
    /// Restored from an archive, naming no home city: classified with this one.
    Stored(Option<usize>),
}

/// Segments a page and, when it names its home city, classifies and corrects it at once, so
/// that its scan (a copy of its items' text) is dropped. A page an archive stored under this
/// build's key, without corrections, is restored instead.
fn parse_one(g: &Gazetteer, mut text: PageText) -> Parsed {
    let mut warnings = Vec::new();
    if let Some(stored) = text.stored.take().filter(|s| text.corrections.is_empty() && fits(g, s, &text)) {
        let pending =
            if stored.home.is_some() { Pending::Done } else { Pending::Stored(stored.classified_with) };
        let page = restore(*stored, text);
        warn_bodiless(&page, &mut warnings);
        return Parsed { page, pending, warnings };
    }
    let mut page = segment_corrected(&text, &mut warnings);
    page.text = text.text;
    // Held on the page until its items are classified, then applied over them.
    page.corrections = text.corrections;
    let scan = PageScan::new(g, &page);
    page.home = scan.home(g);
    if page.home.is_none() {
        return Parsed { page, pending: Pending::Scan(scan), warnings };
    }
    let home = page.home;
    classify_page(&mut page, g, &scan, home);
    apply_held(&mut page, &mut warnings);
    Parsed { page, pending: Pending::Done, warnings }
}

/// True when stored items can belong to this page (see [`StoredPage::fits`]).
fn fits(g: &Gazetteer, stored: &StoredPage, text: &PageText) -> bool {
    let lines = memchr::memchr_iter(b'\n', text.text.as_bytes()).count() + 1;
    stored.fits(lines, g.divisions().len())
}

/// A page from its stored items and its text.
fn restore(stored: StoredPage, text: PageText) -> ParsedPage {
    ParsedPage {
        source: text.source,
        page: text.index,
        date: text.date,
        page_no: text.page_no,
        header: stored.header,
        items: stored.items,
        text: text.text,
        corrections: Vec::new(),
        home: stored.home,
    }
}

fn apply_held(page: &mut ParsedPage, warnings: &mut Vec<Warning>) {
    let held = std::mem::take(&mut page.corrections);
    apply_all(page, held, warnings);
}

/// Segments, classifies and corrects one page again from its text and its corrections (after
/// a correction is made or undone); `home` is the archive's home city (a division index), for
/// a page naming none.
pub fn reparse_page(page: &ParsedPage, home: Option<usize>) -> ParsedPage {
    let g = Gazetteer::get();
    let text = PageText {
        source: page.source.clone(),
        index: page.page,
        date: page.date.clone(),
        page_no: page.page_no,
        text: page.text.clone(),
        corrections: page.corrections.clone(),
        stored: None,
    };
    let mut warnings = Vec::new();
    let mut out = segment_corrected(&text, &mut warnings);
    let scan = PageScan::new(g, &out);
    out.home = scan.home(g);
    let home = out.home.or(home);
    classify_page(&mut out, g, &scan, home);
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
    use crate::store::sample;

    #[test]
    fn progress_counts_pages_and_cancel_stops() {
        let pages = sample::pages();
        let progress = Progress::default();
        let doc = parse_pages_with(pages.clone(), &progress);
        assert_eq!(doc.as_ref().map(|d| d.pages.len()), Some(pages.len()));
        let kept: Vec<&str> = doc.iter().flat_map(|d| d.pages.iter().map(|p| p.text.as_str())).collect();
        let read: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(kept, read, "each page keeps its text for the page view");
        assert_eq!(progress.stage(), progress::Stage::Parsing(pages.len(), pages.len()));
        let cancelled = Progress::default();
        cancelled.cancel();
        assert_eq!(parse_pages_with(pages, &cancelled), None);
    }
}
