//! Photo spreads: several captions under one credit, each opened by a number (`①`, `❷`) or a
//! pointer (`▲`, `◀`) that matches it to its photo. Each caption is an item of its own; the
//! spread's credit names the photographers of them all.

use std::ops::Range;

use crate::text::trim_spaces;

/// True for the marks that open one caption of a spread: circled numbers, in outline or
/// solid, and the triangles that point at a photo.
fn is_caption_mark(c: char) -> bool {
    matches!(c, '\u{2460}'..='\u{2473}' | '\u{2776}'..='\u{277F}' | '▲' | '◀' | '▶' | '►' | '◄')
}

/// True when a line opens with a caption mark.
pub fn opens_caption(line: &str) -> bool {
    trim_spaces(line).starts_with(is_caption_mark)
}

/// A caption's opening mark (`①`, `▲`) and the text after it; `None` without one. The mark
/// points at a photo: it is page furniture, not part of what the caption says.
pub fn split_mark(text: &str) -> Option<(&str, &str)> {
    let t = trim_spaces(text);
    let mark = t.chars().next().filter(|&c| is_caption_mark(c))?;
    let (mark, rest) = t.split_at(mark.len_utf8());
    Some((mark, trim_spaces(rest)))
}

/// Fewest marked captions that make a spread: one mark alone is part of its caption's text.
const SPREAD_CAPTIONS: usize = 2;

/// Splits a photo item's body lines into its captions: a new caption at each line that opens
/// with a caption mark, when at least two do. Lines before the first mark (a spread's
/// introduction) stay a part of their own. A single range covers everything otherwise.
pub fn split_spread(texts: &[&str]) -> Vec<Range<usize>> {
    let starts: Vec<usize> = (0..texts.len()).filter(|&k| opens_caption(texts[k])).collect();
    if starts.len() < SPREAD_CAPTIONS {
        return std::iter::once(0..texts.len()).collect();
    }
    let mut bounds: Vec<usize> = Vec::with_capacity(starts.len() + 2);
    if starts[0] > 0 {
        bounds.push(0);
    }
    bounds.extend(&starts);
    bounds.push(texts.len());
    bounds.windows(2).map(|w| w[0]..w[1]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_split_at_each_mark() {
        // Each part as (first line, one past the last).
        type Case<'a> = (&'a str, &'a [&'a str], &'a [(usize, usize)]);
        let cases: [Case; 5] = [
            ("numbered", &["①一二三", "四五。", "②六七。", "③八九。"], &[(0, 2), (2, 3), (3, 4)]),
            ("introduced", &["导语一二。", "▲一二。", "▲三四。"], &[(0, 1), (1, 2), (2, 3)]),
            ("solid numbers", &["❶一二。", "❷三四。"], &[(0, 1), (1, 2)]),
            ("one mark is text", &["①一二三", "四五。"], &[(0, 2)]),
            ("no marks", &["一二三", "四五。"], &[(0, 2)]),
        ];
        for (name, texts, want) in cases {
            let got: Vec<(usize, usize)> =
                split_spread(texts).into_iter().map(|r| (r.start, r.end)).collect();
            assert_eq!(got, want.to_vec(), "{name}");
        }
    }
}
