//! The segmentation's bookkeeping check: every non-space character of a page lands in
//! exactly one place, an item's field (kicker, headline, subtitle, byline, paragraphs) or the
//! page header. Nothing is lost, nothing is read twice. (Warnings, the third place text could
//! go, never take page text in Baokan: a heading without a body is still an item, and the
//! warning about it only names its lines.)
//!
//! Used by the property tests and the fuzz target; cheap enough for any test.

use std::collections::HashMap;

use baokan::is_space;
use baokan::model::Document;

/// The characters whose count in the pages' text differs from their count in the items and
/// headers: positive when characters were lost, negative when they were
/// duplicated (or made up). Empty when everything is accounted for. Sorted by character.
pub fn unaccounted(doc: &Document) -> Vec<(char, i64)> {
    let mut balance: HashMap<char, i64> = HashMap::new();
    let mut add = |text: &str, sign: i64| {
        for c in text.chars().filter(|&c| !is_space(c)) {
            *balance.entry(c).or_default() += sign;
        }
    };
    for page in &doc.pages {
        add(&page.text, 1);
        page.header.iter().for_each(|h| add(h, -1));
        for item in &page.items {
            let fields = [&item.kicker, &item.title, &item.subtitle, &item.byline];
            fields.into_iter().flatten().for_each(|f| add(f, -1));
            item.paragraphs.iter().for_each(|p| add(p, -1));
        }
    }
    let mut off: Vec<(char, i64)> = balance.into_iter().filter(|&(_, n)| n != 0).collect();
    off.sort_unstable();
    off
}
