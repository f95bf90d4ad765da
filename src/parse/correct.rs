//! The user's corrections to a page, and how they are re-applied after segmentation.
//!
//! A correction names its item by a page line (the line the item starts on, or where a split
//! goes), never by the item's number: page lines do not change when a newer segmenter cuts
//! the page differently, so corrections are replayed on every load, in the order they were
//! made. A correction whose line no longer falls in an item is kept (it is the user's data)
//! and reported as a warning.

use crate::model::{Correction, Field, Item, Kind, Page, Warning};
use crate::segment::segment_page;
use crate::text::{split_lines, tidy_phrase};

/// Segments a page with its header corrections in force: those lines are read as blank and
/// become header lines. The other corrections are applied by [`apply_all`] once the items are
/// classified.
pub fn segment_corrected(text: &Page, warnings: &mut Vec<Warning>) -> Page {
    let headers: Vec<usize> = text
        .corrections
        .iter()
        .filter_map(|c| match c {
            Correction::Header { line } => Some(*line),
            _ => None,
        })
        .collect();
    if headers.is_empty() {
        return segment_page(text, warnings);
    }
    let lines = split_lines(&text.text);
    let kept: Vec<&str> =
        lines.iter().enumerate().map(|(i, l)| if headers.contains(&(i + 1)) { "" } else { l }).collect();
    let blanked = Page { text: kept.join("\n"), corrections: Vec::new(), stored: None, ..text.clone() };
    let mut page = segment_page(&blanked, warnings);
    let mut marked: Vec<usize> = headers.into_iter().filter(|&l| l >= 1 && l <= lines.len()).collect();
    marked.sort_unstable();
    marked.dedup();
    page.header.extend(marked.iter().map(|&l| tidy_phrase(lines[l - 1])).filter(|t| !t.is_empty()));
    page
}

/// Applies a page's corrections (other than header lines, already in force) in order, keeps
/// them on the page, and warns about those that no longer find their item.
pub fn apply_all(page: &mut Page, corrections: Vec<Correction>, warnings: &mut Vec<Warning>) {
    for c in &corrections {
        if !apply(page, c) {
            warnings.push(Warning::StaleCorrection {
                source: page.source.clone(),
                page: page.index,
                line: c.line(),
            });
        }
    }
    page.corrections = corrections;
}

/// Applies one correction; false when its line is in no item (or a merge has no next item,
/// or a split is not inside a body).
pub fn apply(page: &mut Page, c: &Correction) -> bool {
    match c {
        Correction::Set { line, field, value } => {
            let Some(item) = item_starting_at(page, *line).and_then(|i| page.items.get_mut(i)) else {
                return false;
            };
            set(item, *field, value.clone());
            true
        }
        Correction::Merge { line } => merge(page, *line),
        Correction::Split { line } => split(page, *line),
        Correction::Header { .. } => true,
    }
}

/// The item starting on `line`, else the narrowest one holding it.
pub fn item_starting_at(page: &Page, line: usize) -> Option<usize> {
    page.items.iter().position(|a| a.lines[0] == line).or_else(|| page.item_at_line(line))
}

fn set(item: &mut Item, field: Field, value: Option<String>) {
    let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    match field {
        Field::Title => item.title = value,
        Field::Subtitle => item.subtitle = value,
        Field::Kicker => item.kicker = value,
        Field::Unit => item.unit = value,
        Field::District => item.district = value,
        Field::Kind => {
            item.kind = if value.as_deref() == Some("photo") { Kind::Photo } else { Kind::Article }
        }
    }
    item.edited = true;
}

fn merge(page: &mut Page, line: usize) -> bool {
    let Some(i) = item_starting_at(page, line) else {
        return false;
    };
    if i + 1 >= page.items.len() {
        return false;
    }
    let next = page.items.remove(i + 1);
    let Some(item) = page.items.get_mut(i) else {
        return false;
    };
    item.title = item.title.take().or(next.title);
    item.subtitle = item.subtitle.take().or(next.subtitle);
    item.kicker = item.kicker.take().or(next.kicker);
    item.byline = match (item.byline.take(), next.byline) {
        (Some(a), Some(b)) => Some(format!("{a} {b}")),
        (a, b) => a.or(b),
    };
    for author in next.authors {
        if !item.authors.contains(&author) {
            item.authors.push(author);
        }
    }
    item.paragraphs.extend(next.paragraphs);
    item.paragraph_lines.extend(next.paragraph_lines);
    item.unit = item.unit.take().or(next.unit);
    item.district = item.district.take().or(next.district);
    item.continued = item.continued.or(next.continued);
    item.lines = [item.lines[0].min(next.lines[0]), item.lines[1].max(next.lines[1])];
    item.edited = true;
    true
}

fn split(page: &mut Page, line: usize) -> bool {
    let Some(i) = page.item_at_line(line) else {
        return false;
    };
    let Some(item) = page.items.get_mut(i) else {
        return false;
    };
    // The first paragraph starting on or after the line; never the first (nothing would stay).
    let Some(k) = item.paragraph_lines.iter().position(|&l| l >= line).filter(|&k| k > 0) else {
        return false;
    };
    let start = item.paragraph_lines[k];
    let new = Item {
        kind: item.kind,
        title: None,
        subtitle: None,
        kicker: None,
        byline: None,
        authors: Vec::new(),
        paragraphs: item.paragraphs.split_off(k),
        paragraph_lines: item.paragraph_lines.split_off(k),
        unit: item.unit.clone(),
        district: item.district.clone(),
        lines: [start, item.lines[1].max(start)],
        continued: None,
        edited: true,
    };
    item.lines[1] = start.saturating_sub(1).max(item.lines[0]);
    item.edited = true;
    page.items.insert(i + 1, new);
    true
}

#[cfg(test)]
#[path = "correct_tests.rs"]
mod tests;
