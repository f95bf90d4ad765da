//! Rebuilding paragraphs from wrapped column lines.
//!
//! Extraction loses indents and puts blank lines at column breaks, even mid-word, so blank
//! lines are ignored here (the caller passes non-blank lines only). A paragraph ends on a line
//! that ends a sentence and is either clearly shorter than the column, or followed by a line
//! indented by about two characters (first lines of paragraphs are two em narrower).

use std::ops::Range;

use crate::text::{ends_sentence, join_body};

/// How much narrower than the column a line must be to count as short, in em.
const SHORT: f32 = 1.25;
/// Below this many em under the column a sentence-ending line is a paragraph's tail.
const TAIL: f32 = 3.0;

/// The column width of a run of lines: a high percentile of their widths, since most lines
/// of a column are full.
pub fn column_width(widths: &[f32]) -> f32 {
    if widths.is_empty() {
        return 0.0;
    }
    let mut sorted = widths.to_vec();
    let rank = if sorted.len() < 3 { sorted.len() - 1 } else { (sorted.len() * 3) / 4 };
    *sorted.select_nth_unstable_by(rank, f32::total_cmp).1
}

/// Splits lines into paragraphs, returning the index range of each. `widths` are the lines'
/// [`ems`], passed in because the caller has them already.
pub fn split(lines: &[&str], widths: &[f32]) -> Vec<Range<usize>> {
    let column = column_width(widths);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..lines.len() {
        let last = i + 1 == lines.len();
        if last || ends_paragraph(lines, widths, column, i) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// Whether line `i` (not the last) closes its paragraph.
fn ends_paragraph(lines: &[&str], widths: &[f32], column: f32, i: usize) -> bool {
    if !ends_sentence(lines[i]) {
        return false;
    }
    if widths[i] <= column - SHORT {
        return true;
    }
    let next = widths[i + 1];
    let next_is_tail = ends_sentence(lines[i + 1]) && next < column - TAIL;
    next <= column - SHORT && !next_is_tail
}

/// Splits lines into paragraphs and joins each into clean text.
#[cfg(test)]
pub fn paragraphs(lines: &[&str], widths: &[f32]) -> Vec<String> {
    paragraphs_at(lines, widths).into_iter().map(|(_, p)| p).collect()
}

/// [`paragraphs`], each with the index in `lines` of its first line.
pub fn paragraphs_at(lines: &[&str], widths: &[f32]) -> Vec<(usize, String)> {
    split(lines, widths)
        .into_iter()
        .map(|r| (r.start, join_body(lines[r].iter().copied())))
        .filter(|(_, p)| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::ems;

    /// Column of 10 em; first lines of paragraphs indented to 8 em.
    #[test]
    fn paragraph_cases() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str]);
        let cases: [Case; 5] = [
            (
                "short last line ends",
                &["一二三四五六七八", "九十一二三四五六七八", "九十。", "一二三四五六七八", "九十。"],
                &["一二三四五六七八九十一二三四五六七八九十。", "一二三四五六七八九十。"],
            ),
            (
                "full line then indented line",
                &["一二三四五六七八", "九十一二三四五六七。", "一二三四五六七八", "九十一二三四五六七八"],
                &["一二三四五六七八九十一二三四五六七。", "一二三四五六七八九十一二三四五六七八"],
            ),
            (
                "full line ending in a sentence mid-paragraph",
                &["一二三四五六七八", "九十一二三四五六七。", "九十一二三四五六七八", "九十。"],
                &["一二三四五六七八九十一二三四五六七。九十一二三四五六七八九十。"],
            ),
            (
                "short tail after a full sentence line",
                &["一二三四五六七八", "九十一二三四五六七。", "一二。", "一二三四五六七八"],
                &["一二三四五六七八九十一二三四五六七。一二。", "一二三四五六七八"],
            ),
            (
                "no sentence end, one paragraph",
                &["一二三四五六七八", "九十一二三四五六七八", "九十"],
                &["一二三四五六七八九十一二三四五六七八九十"],
            ),
        ];
        for (name, lines, want) in cases {
            let widths: Vec<f32> = lines.iter().map(|l| ems(l)).collect();
            assert_eq!(paragraphs(lines, &widths), want.to_vec(), "{name}");
        }
    }

    #[test]
    fn column_width_is_a_high_percentile() {
        assert_eq!(column_width(&[8.0, 10.0, 10.0, 10.0, 3.0]), 10.0);
        assert_eq!(column_width(&[4.0]), 4.0);
        assert_eq!(column_width(&[]), 0.0);
    }
}
