//! Rebuilding paragraphs from wrapped column lines.
//!
//! Extraction loses indents and puts blank lines at column breaks, even mid-word. A paragraph
//! ends on a line that ends a sentence and is either clearly shorter than the column, or
//! followed by a line indented by about two characters (first lines of paragraphs are two em
//! narrower). Pages that open paragraphs flush and set them apart with blank lines give no
//! indent to read; there a blank line after a sentence's end ends the paragraph.

use std::ops::Range;

use crate::segment::lines::{Line, LineKind};
use crate::text::{ends_sentence, join_body};

/// How a page sets its paragraphs apart, read from the lines that surely end one: a sentence's
/// end on a line well short of the column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParagraphStyle {
    /// Paragraphs open on a line set in from the next.
    pub indented: bool,
    /// A blank line stands between paragraphs.
    pub spaced: bool,
}

impl ParagraphStyle {
    /// True when a blank line after a sentence's end is the one sign of a paragraph's end.
    pub fn blank_ends_paragraph(self) -> bool {
        self.spaced && !self.indented
    }
}

/// Em by which an indented first line falls short of the full line below it.
const INDENT_STEP: f32 = 1.0;

/// Reads a page's paragraph style from the lines after each paragraph's sure end.
pub fn paragraph_style(lines: &[Line]) -> ParagraphStyle {
    let widths: Vec<f32> = lines.iter().filter(|l| l.is_text()).map(|l| l.ems).collect();
    let column = column_width(&widths);
    let (mut indented, mut flush, mut spaced, mut packed) = (0, 0, 0, 0);
    for (i, line) in lines.iter().enumerate() {
        if !line.is_text() || line.ems > column - TAIL || !ends_sentence(line.content()) {
            continue;
        }
        let Some(j) = (i + 1..lines.len()).find(|&j| !matches!(lines[j].kind, LineKind::Blank)) else {
            continue;
        };
        let (Some(first), Some(second)) = (lines.get(j), lines.get(j + 1)) else { continue };
        if !matches!(first.kind, LineKind::Text) || !matches!(second.kind, LineKind::Text) {
            continue;
        }
        if j > i + 1 {
            spaced += 1;
        } else {
            packed += 1;
        }
        if first.ems <= second.ems - INDENT_STEP {
            indented += 1;
        } else {
            flush += 1;
        }
    }
    ParagraphStyle { indented: indented >= flush, spaced: spaced > packed }
}

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

/// A body's lines as the paragraph reader takes them: the non-blank lines, their [`ems`]
/// (passed in because the caller has them already), and whether a blank line follows each.
pub struct BodyLines<'a> {
    /// The lines' text.
    pub texts: Vec<&'a str>,
    /// Each line's width in em.
    pub widths: Vec<f32>,
    /// True where a blank line follows the line.
    pub blank_after: Vec<bool>,
}

/// Splits the body lines in `part` into paragraphs, returning the index range of each.
pub fn split(body: &BodyLines, part: Range<usize>, style: ParagraphStyle) -> Vec<Range<usize>> {
    let (lines, widths) = (&body.texts[..part.end], &body.widths[..part.end]);
    let column = column_width(&widths[part.clone()]);
    let blank_ends = style.blank_ends_paragraph();
    let mut out = Vec::new();
    let mut start = part.start;
    for i in part {
        let last = i + 1 == lines.len();
        let set_apart = blank_ends && body.blank_after.get(i) == Some(&true) && ends_sentence(lines[i]);
        if last || set_apart || ends_paragraph(lines, widths, column, i) {
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
    let body = BodyLines { texts: lines.to_vec(), widths: widths.to_vec(), blank_after: Vec::new() };
    paragraphs_at(&body, 0..lines.len(), ParagraphStyle::default()).into_iter().map(|(_, p)| p).collect()
}

/// Splits the body lines in `part` into paragraphs and joins each into clean text, each with
/// the index of its first line.
pub fn paragraphs_at(body: &BodyLines, part: Range<usize>, style: ParagraphStyle) -> Vec<(usize, String)> {
    split(body, part, style)
        .into_iter()
        .map(|r| (r.start, join_body(body.texts[r].iter().copied())))
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
