//! Any bytes, read as Baokan reads an opened file (zip, `.baokan` archive, or page text in
//! any encoding), then segmented, classified and corrected as the window does, must not
//! crash; and when no correction rewrote the pages, every non-space character must land in
//! exactly one item field or the page header (`baokan_devtools::accounting`). An archive's
//! stored items (restored as they are, whatever a mutation made of them) must not crash
//! either; the accounting is then checked on the same pages segmented from their text.

#![no_main]

use baokan::model::Page;
use baokan::parse_pages;
use baokan::{Limits, read_bytes};
use baokan_devtools::accounting::unaccounted;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut warnings = Vec::new();
    let Ok(pages) = read_bytes("fuzz", data, &Limits::default(), &mut warnings) else {
        return;
    };
    let corrected = pages.iter().any(|p| !p.corrections.is_empty());
    let pages = if pages.iter().any(|p| p.stored.is_some()) {
        parse_pages(pages.clone(), baokan::Tables::builtin());
        pages.into_iter().map(|p| Page { stored: None, ..p }).collect()
    } else {
        pages
    };
    let doc = parse_pages(pages, baokan::Tables::builtin());
    if !corrected {
        let off = unaccounted(&doc);
        assert!(off.is_empty(), "characters not accounted for: {off:?}");
    }
});
