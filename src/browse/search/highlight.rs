//! Where a query's words are in an item's original text, for marking them in the window: the
//! text is normalised as the index was, the needles found in that, and each match mapped back
//! to the bytes it came from. A match over an extraction space (`生 态`) marks both characters
//! and the space between.

use std::ops::Range;

use super::normalise::normalised_char;
use super::query::{Field, Query};
use crate::model::Item;

/// A part of an item the reader shows, in the order it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The kicker above the headline.
    Kicker,
    /// The headline.
    Title,
    /// The subtitle.
    Subtitle,
    /// The byline.
    Byline,
    /// The unit, on the reader's line of details.
    Unit,
    /// The district, on the same line.
    District,
    /// A body paragraph, by position.
    Paragraph(usize),
}

/// One marked match: where, and which bytes of that part's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The part of the item.
    pub part: Part,
    /// Byte range in the part's original text.
    pub range: Range<usize>,
}

/// Byte ranges of every match of any needle in `text`, in order, overlaps merged.
pub fn find(text: &str, needles: &[&str]) -> Vec<Range<usize>> {
    if needles.iter().all(|n| n.is_empty()) {
        return Vec::new();
    }
    // The normal form, and for each of its characters the original bytes it stands for.
    let mut norm = String::with_capacity(text.len());
    let mut spans: Vec<(usize, Range<usize>)> = Vec::with_capacity(text.len() / 2);
    for (at, c) in text.char_indices() {
        if let Some(n) = normalised_char(c) {
            spans.push((norm.len(), at..at + c.len_utf8()));
            norm.push(n);
        }
    }
    let original = |norm_at: usize| spans.partition_point(|(n, _)| *n < norm_at);
    let mut out: Vec<Range<usize>> = Vec::new();
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        for (at, m) in norm.match_indices(needle) {
            let (first, last) = (original(at), original(at + m.len()).saturating_sub(1));
            if let (Some((_, a)), Some((_, b))) = (spans.get(first), spans.get(last)) {
                out.push(a.start..b.end);
            }
        }
    }
    merge(out)
}

/// Sorts ranges and joins those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The needles to mark in one part: words for any field everywhere, title words in the
/// headings, author, unit and district words in their own field. Excluded words are never
/// marked.
pub fn needles(query: &Query, part: Part) -> Vec<&str> {
    let wanted = |f: Field| match f {
        Field::Any => true,
        Field::Title => matches!(part, Part::Kicker | Part::Title | Part::Subtitle),
        Field::Author => part == Part::Byline,
        Field::Unit => part == Part::Unit,
        Field::District => part == Part::District,
        Field::Date | Field::Page => false,
    };
    query.terms.iter().filter(|t| !t.exclude && wanted(t.field)).map(|t| t.needle.as_str()).collect()
}

/// Every match in an item, in the order the reader shows its parts.
pub fn item_hits(item: &Item, query: &Query) -> Vec<Hit> {
    let heads = [(Part::Kicker, &item.kicker), (Part::Title, &item.title), (Part::Subtitle, &item.subtitle)];
    let mut parts: Vec<(Part, &str)> = heads.iter().filter_map(|(p, t)| Some((*p, t.as_deref()?))).collect();
    parts.extend(item.byline.as_deref().map(|b| (Part::Byline, b)));
    parts.extend(item.unit.as_deref().map(|u| (Part::Unit, u)));
    parts.extend(item.district.as_deref().map(|d| (Part::District, d)));
    parts.extend(item.paragraphs.iter().enumerate().map(|(i, p)| (Part::Paragraph(i), p.as_str())));
    let mut out = Vec::new();
    for (part, text) in parts {
        let ranges = find(text, &needles(query, part));
        out.extend(ranges.into_iter().map(|range| Hit { part, range }));
    }
    out
}

/// A line of body text around the first match in the paragraphs, with its matches marked:
/// a few characters before the match (`…` when cut), then the rest of the paragraph up to
/// `width` characters. `None` when the body has no match.
pub fn snippet(item: &Item, query: &Query, width: usize) -> Option<(String, Vec<Range<usize>>)> {
    /// Characters kept before the first match.
    const BEFORE: usize = 8;
    let needles = needles(query, Part::Paragraph(0));
    item.paragraphs.iter().find_map(|p| {
        let matches = find(p, &needles);
        let first = matches.first()?;
        let lead = p[..first.start].char_indices().rev().nth(BEFORE.saturating_sub(1));
        let start = match lead {
            Some((at, _)) if at > 0 => at,
            _ => 0,
        };
        let end = p[start..].char_indices().nth(width).map_or(p.len(), |(at, _)| start + at);
        let mut text = if start > 0 { "…".to_owned() } else { String::new() };
        let shift = text.len();
        text.push_str(&p[start..end]);
        // The paragraph's matches that lie whole within the cut, moved to the snippet's bytes.
        let inside = matches.iter().filter(|r| r.start >= start && r.end <= end);
        let marks = inside.map(|r| r.start - start + shift..r.end - start + shift).collect();
        Some((text, marks))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_map_back_to_the_original_bytes() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("河湾区开展生态环境检查", &["生态"], &["生态"]),
            ("生 态 环 境", &["生态"], &["生 态"]),
            ("使用ＰＩＤ仪器", &["pid"], &["ＰＩＤ"]),
            ("PID and pid", &["pid"], &["PID", "pid"]),
            ("环境环境", &["环境"], &["环境环境"]),
            ("生态环境", &["生态", "态环"], &["生态环"]),
            ("无关文字", &["生态"], &[]),
            ("", &["生态"], &[]),
            ("生态", &[""], &[]),
        ];
        for (text, needles, want) in cases {
            let got: Vec<&str> = find(text, needles).into_iter().map(|r| &text[r]).collect();
            assert_eq!(got, *want, "{text} {needles:?}");
        }
    }

    fn item() -> Item {
        Item {
            unit: Some("市生态环境局".to_owned()),
            district: Some("市直".to_owned()),
            kicker: Some("生态引题".to_owned()),
            byline: Some("本报记者 王生态".to_owned()),
            paragraphs: vec![
                "第一段没有。".to_owned(),
                "这一段写了很长的开头然后才说到生态环境和生态。".to_owned(),
            ],
            ..Item::headline_only("生态标题")
        }
    }

    #[test]
    fn hits_come_in_reading_order_and_follow_the_fields() {
        let cases: &[(&str, &[Part])] = &[
            (
                "生态",
                &[
                    Part::Kicker,
                    Part::Title,
                    Part::Byline,
                    Part::Unit,
                    Part::Paragraph(1),
                    Part::Paragraph(1),
                ],
            ),
            ("标题:生态", &[Part::Kicker, Part::Title]),
            ("作者:生态", &[Part::Byline]),
            ("-生态", &[]),
            ("单位:生态", &[Part::Unit]),
            ("区县:市直 日期:2023", &[Part::District]),
        ];
        for (q, want) in cases {
            let hits = item_hits(&item(), &Query::parse(q));
            let parts: Vec<Part> = hits.iter().map(|h| h.part).collect();
            assert_eq!(parts, *want, "{q}");
        }
    }

    #[test]
    fn the_snippet_starts_a_little_before_the_first_body_match() {
        let (text, marks) = snippet(&item(), &Query::parse("生态"), 12).unwrap();
        assert_eq!(text, "…的开头然后才说到生态环境");
        let marked: Vec<&str> = marks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["生态"]);
        assert_eq!(snippet(&item(), &Query::parse("标题:生态"), 12), None);
        let (start, _) = snippet(&item(), &Query::parse("这一段"), 4).unwrap();
        assert_eq!(start, "这一段写");
    }
}
