//! Parsing whole inputs: read every page of every path and segment it.

pub mod correct;
pub mod progress;

use std::path::Path;

use rayon::prelude::*;

use crate::classify::{PageScan, Tables, classify_page};
use crate::model::StoredPage;
use crate::model::{Document, Page, Warning};
use crate::parse::correct::{apply_all, segment_corrected};
use crate::parse::progress::Progress;
use crate::segment::warn_bodiless;
use crate::store::source::{Limits, ReadError, read_input};
use crate::store::stored;

/// Segments pages already read and classifies their items with `tables`; each page keeps its
/// text.
pub fn parse_pages(pages: Vec<Page>, tables: &Tables) -> Document {
    // Nobody else holds this progress, so it is never cancelled.
    parse_pages_with(pages, tables, &Progress::default()).unwrap_or_default()
}

/// [`parse_pages`], counting pages into `progress`; `None` when it was cancelled. Pages are
/// segmented and classified on every core (rayon), and come out in input order.
pub fn parse_pages_with(pages: Vec<Page>, tables: &Tables, progress: &Progress) -> Option<Document> {
    progress.start_parsing(pages.len());
    let key = stored::key(tables.fingerprint());
    let done: Option<Vec<Parsed>> = pages
        .into_par_iter()
        .map(|text| {
            if progress.is_cancelled() {
                return None;
            }
            let parsed = parse_one(tables, &key, text);
            progress.page_done();
            Some(parsed)
        })
        .collect();
    let done = done?;
    let mut doc = Document::default();
    let homes = source_homes(&done.iter().map(|p| (p.page.source.as_str(), p.page.home)).collect::<Vec<_>>());
    let common = most_common(&done.iter().map(|p| p.page.home).collect::<Vec<_>>());
    let mut waiting = Vec::with_capacity(done.len());
    for Parsed { page, pending, mut warnings } in done {
        waiting.push(pending);
        doc.warnings.append(&mut warnings);
        doc.pages.push(page);
    }
    // Every page is classified with its source's home city, once all pages are known.
    let late: Vec<Vec<Warning>> = doc
        .pages
        .par_iter_mut()
        .zip(waiting)
        .zip(homes)
        .map(|((page, pending), home)| {
            let mut warnings = Vec::new();
            match pending {
                Pending::Scan(scan) => {
                    classify_page(page, tables, &scan, home);
                    apply_held(page, &mut warnings);
                }
                // Stored items classified with another home city than this one.
                Pending::Stored(with) if with != home => {
                    classify_page(page, tables, &PageScan::new(tables.gazetteer(), page), home);
                }
                Pending::Stored(_) => {}
            }
            page.classified_with = home;
            warnings
        })
        .collect();
    doc.warnings.extend(late.into_iter().flatten());
    doc.home = common;
    doc.home_city = tables.division_name(common).map(str::to_owned);
    doc.tables = tables.fingerprint();
    Some(doc)
}

/// Classifies every page of a document again with `home` as its home city (the user's
/// choice), or, given none, with its source's; corrections are replayed over the new items.
pub fn reclassify(doc: &mut Document, home: Option<Option<usize>>, tables: &Tables) {
    let homes = match home {
        Some(h) => vec![h; doc.pages.len()],
        None => source_homes(&doc.pages.iter().map(|p| (p.source.as_str(), p.home)).collect::<Vec<_>>()),
    };
    doc.pages.par_iter_mut().zip(homes).for_each(|(page, home)| *page = reparse_page(page, home, tables));
}

/// The home city of each page's source: the city more than half of the pages of its
/// folder (or of its file, for pages not in one) naming a city name, else none, as for a
/// national paper or a folder gathered from several cities' papers.
fn source_homes(pages: &[(&str, Option<usize>)]) -> Vec<Option<usize>> {
    let folder = |source: &str| source.rfind(['/', '\\']).map_or(source, |i| &source[..i]).to_owned();
    let mut by_folder: std::collections::HashMap<String, Vec<Option<usize>>> =
        std::collections::HashMap::new();
    for (source, home) in pages {
        by_folder.entry(folder(source)).or_default().push(*home);
    }
    let majority: std::collections::HashMap<String, Option<usize>> = by_folder
        .into_iter()
        .map(|(f, homes)| {
            // Pages naming no city (photos, features) do not vote, but the city must be named
            // by a third of all pages at least.
            let top = most_common(&homes);
            let votes = homes.iter().filter(|h| h.is_some() && **h == top).count();
            let naming = homes.iter().filter(|h| h.is_some()).count();
            (f, top.filter(|_| 2 * votes > naming && 3 * votes >= homes.len()))
        })
        .collect();
    pages.iter().map(|(source, _)| majority.get(&folder(source)).copied().flatten()).collect()
}

/// One page segmented (or restored), with what it still waits for.
struct Parsed {
    page: Page,
    pending: Pending,
    warnings: Vec<Warning>,
}

/// What a page waits for once every page's home city is known.
enum Pending {
    /// Segmented: its scan waits for its source's home city.
    Scan(PageScan),
    /// Restored from an archive, classified with this home city.
    Stored(Option<usize>),
}

/// Segments a page and scans its items, which wait for its source's home city. A page an
/// archive stored under this build's key, without corrections, is restored instead.
fn parse_one(tables: &Tables, key: &str, mut text: Page) -> Parsed {
    let g = tables.gazetteer();
    let mut warnings = Vec::new();
    let stored = text.stored.take();
    let usable = |s: &StoredPage| text.corrections.is_empty() && *s.key == *key && fits(tables, s, &text);
    if let Some(stored) = stored.filter(|s| usable(s)) {
        let pending = Pending::Stored(stored.classified_with);
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
    Parsed { page, pending: Pending::Scan(scan), warnings }
}

/// True when stored items can belong to this page (see [`StoredPage::fits`]).
fn fits(tables: &Tables, stored: &StoredPage, text: &Page) -> bool {
    let lines = memchr::memchr_iter(b'\n', text.text.as_bytes()).count() + 1;
    stored.fits(lines, tables.gazetteer().divisions().len())
}

/// A page from its stored items and its text.
fn restore(stored: StoredPage, text: Page) -> Page {
    Page {
        header: stored.header,
        items: stored.items,
        classes: stored.classes,
        home: stored.home,
        classified_with: stored.classified_with,
        corrections: Vec::new(),
        ..text
    }
}

fn apply_held(page: &mut Page, warnings: &mut Vec<Warning>) {
    let held = std::mem::take(&mut page.corrections);
    apply_all(page, held, warnings);
}

/// Segments, classifies and corrects one page again from its text and its corrections (after
/// a correction is made or undone) with `home` as its home city (a division index).
pub fn reparse_page(page: &Page, home: Option<usize>, tables: &Tables) -> Page {
    let g = tables.gazetteer();
    let text = Page {
        source: page.source.clone(),
        index: page.index,
        date: page.date.clone(),
        page_no: page.page_no,
        text: page.text.clone(),
        corrections: page.corrections.clone(),
        ..Page::default()
    };
    let mut warnings = Vec::new();
    let mut out = segment_corrected(&text, &mut warnings);
    let scan = PageScan::new(g, &out);
    out.home = scan.home(g);
    out.classified_with = home;
    classify_page(&mut out, tables, &scan, home);
    out.text = text.text;
    apply_all(&mut out, text.corrections, &mut warnings);
    out
}

/// The home city most pages name.
fn most_common(homes: &[Option<usize>]) -> Option<usize> {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for h in homes.iter().flatten() {
        *counts.entry(*h).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(c, n)| (n, std::cmp::Reverse(c))).map(|(c, _)| c)
}

/// Reads and segments every input path, classifying with `tables`. The first input that
/// cannot be read stops parsing.
pub fn parse_paths(paths: &[&Path], limits: &Limits, tables: &Tables) -> Result<Document, ReadError> {
    Ok(parse_paths_with(paths, limits, tables, &Progress::default())?.unwrap_or_default())
}

/// [`parse_paths`], reporting into `progress`; `Ok(None)` when it was cancelled.
pub fn parse_paths_with(
    paths: &[&Path],
    limits: &Limits,
    tables: &Tables,
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
    let Some(mut doc) = parse_pages_with(pages, tables, progress) else {
        return Ok(None);
    };
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    Ok(Some(doc))
}

// Archives, stored segmentation and exports are tested here, on parsed pages, so that the
// store never imports the parser it feeds.
#[cfg(test)]
mod archive_tests;
#[cfg(test)]
mod export_tests;
#[cfg(test)]
mod stored_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sample;

    #[test]
    fn a_folder_s_home_city_is_the_one_most_of_its_pages_name() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<usize>)], &'a [Option<usize>]);
        let cases: [Case; 5] = [
            (
                "one city's folder",
                &[("a/1.txt", Some(7)), ("a/2.txt", Some(7)), ("a/3.txt", Some(9))],
                &[Some(7); 3],
            ),
            (
                "a folder gathered from two cities",
                &[("b/1.txt", Some(7)), ("b/2.txt", Some(9))],
                &[None, None],
            ),
            (
                "pages naming none do not vote",
                &[("c/1.txt", Some(7)), ("c/2.txt", None)],
                &[Some(7), Some(7)],
            ),
            (
                "a national paper: a city on one page of many",
                &[("d/1.txt", Some(7)), ("d/2.txt", None), ("d/3.txt", None), ("d/4.txt", None)],
                &[None; 4],
            ),
            ("each folder its own", &[("e/1.txt", Some(7)), ("f/1.txt", Some(9))], &[Some(7), Some(9)]),
        ];
        for (name, pages, want) in cases {
            assert_eq!(source_homes(pages), want, "{name}");
        }
    }

    #[test]
    fn progress_counts_pages_and_cancel_stops() {
        let pages = sample::pages();
        let progress = Progress::default();
        let doc = parse_pages_with(pages.clone(), Tables::builtin(), &progress);
        assert_eq!(doc.as_ref().map(|d| d.pages.len()), Some(pages.len()));
        let kept: Vec<&str> = doc.iter().flat_map(|d| d.pages.iter().map(|p| p.text.as_str())).collect();
        let read: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(kept, read, "each page keeps its text for the page view");
        assert_eq!(progress.stage(), progress::Stage::Parsing(pages.len(), pages.len()));
        let cancelled = Progress::default();
        cancelled.cancel();
        assert_eq!(parse_pages_with(pages, Tables::builtin(), &cancelled), None);
    }
}
