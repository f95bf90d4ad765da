//! One searchable field of every item, laid end to end in a single string so that a needle is
//! found with one fast scan (memchr's SIMD `memmem`) instead of one search per item. Item
//! `i` owns the bytes `ends[i - 1]..ends[i]`; its last byte is a separator, so no match runs
//! from one item into the next.

use std::ops::Range;

use memchr::memmem::Finder;
use rayon::prelude::*;

/// Items scanned per parallel task: large enough that task overhead is nothing, small enough
/// that two cores share the work evenly.
const CHUNK: usize = 4096;

/// One field of every item, concatenated.
#[derive(Debug, Clone, Default)]
pub struct Column {
    text: String,
    ends: Vec<usize>,
}

impl Column {
    /// Appends the next item's text; `text` already normalised and ending in a separator.
    pub fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    /// Makes room for `items` more items of `bytes` more bytes.
    pub fn reserve(&mut self, items: usize, bytes: usize) {
        self.text.reserve(bytes);
        self.ends.reserve(items);
    }

    /// Appends every item of another column after this one's.
    pub fn append(&mut self, other: Column) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.into_iter().map(|e| e + base));
    }

    /// Items held.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when no item is held.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes of text held.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// Where item `i` starts: where the one before it ends (the end of the text past the last).
    fn start(&self, i: usize) -> usize {
        match i.checked_sub(1) {
            None => 0,
            Some(before) => self.ends.get(before).copied().unwrap_or(self.text.len()),
        }
    }

    /// The byte range of items `items`.
    fn span(&self, items: Range<usize>) -> Range<usize> {
        self.start(items.start)..self.start(items.end)
    }

    /// Item `i`'s normalised text.
    pub fn item(&self, i: usize) -> &str {
        self.text.get(self.span(i..i + 1)).unwrap_or("")
    }

    /// True when item `i` contains the needle.
    pub fn contains(&self, i: usize, finder: &Finder<'_>) -> bool {
        finder.find(self.item(i).as_bytes()).is_some()
    }

    /// Sets `hit[i]` for every item that contains the needle; `hit` has one slot per item.
    /// Chunks of items are scanned in parallel.
    pub fn scan(&self, finder: &Finder<'_>, hit: &mut [bool]) {
        hit.par_chunks_mut(CHUNK).enumerate().for_each(|(k, slots)| {
            let first = k * CHUNK;
            self.scan_range(finder, first..first + slots.len(), slots);
        });
    }

    /// Scans items `items` in one pass over their bytes: after a hit it jumps to the start of
    /// the next item, since one hit is enough.
    fn scan_range(&self, finder: &Finder<'_>, items: Range<usize>, slots: &mut [bool]) {
        let span = self.span(items.clone());
        let hay = self.text.as_bytes().get(span.clone()).unwrap_or(&[]);
        let ends = self.ends.get(items.clone()).unwrap_or(&[]);
        let (mut at, mut item) = (0, 0);
        while let Some(found) = hay.get(at..).and_then(|rest| finder.find(rest)) {
            let pos = span.start + at + found;
            item += ends.get(item..).unwrap_or(&[]).partition_point(|&e| e <= pos);
            let (Some(slot), Some(&end)) = (slots.get_mut(item), ends.get(item)) else {
                return;
            };
            *slot = true;
            at = end - span.start;
            item += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_scan_marks_each_item_that_holds_the_needle() {
        let mut col = Column::default();
        for text in ["甲乙\u{1}", "乙丙\u{1}", "丙丁\u{1}", "", "乙乙乙\u{1}"] {
            col.push(text);
        }
        let cases = [
            ("乙", [true, true, false, false, true]),
            ("丙", [false, true, true, false, false]),
            ("乙丙", [false, true, false, false, false]),
            ("丁乙", [false; 5]),
            ("甲", [true, false, false, false, false]),
        ];
        for (needle, want) in cases {
            let finder = Finder::new(needle);
            let mut hit = vec![false; col.len()];
            col.scan(&finder, &mut hit);
            assert_eq!(hit, want, "{needle}");
            let each: Vec<bool> = (0..col.len()).map(|i| col.contains(i, &finder)).collect();
            assert_eq!(each, want, "{needle} item by item");
        }
    }

    #[test]
    fn chunks_and_appended_columns_keep_their_items() {
        let mut a = Column::default();
        let mut b = Column::default();
        for i in 0..CHUNK + 10 {
            a.push(if i % 1000 == 7 { "针\u{1}" } else { "草\u{1}" });
            b.push(if i == 3 { "针\u{1}" } else { "草\u{1}" });
        }
        a.append(b);
        let mut hit = vec![false; a.len()];
        a.scan(&Finder::new("针"), &mut hit);
        let found: Vec<usize> = hit.iter().enumerate().filter(|(_, h)| **h).map(|(i, _)| i).collect();
        let mut want: Vec<usize> = (0..CHUNK + 10).filter(|i| i % 1000 == 7).collect();
        want.push(CHUNK + 10 + 3);
        assert_eq!(found, want);
        assert_eq!(a.item(CHUNK + 13), "针\u{1}");
    }
}
