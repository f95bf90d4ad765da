//! Segmenting one page into items: runs the passes in order (header → lines → headings →
//! blocks → assembly → detached headlines) and turns each draft into an [`Item`].

pub(crate) mod assemble;
pub(crate) mod blocks;
pub(crate) mod byline;
pub(crate) mod captions;
pub(crate) mod detached;
pub(crate) mod header;
pub(crate) mod heading;
pub(crate) mod jump;
pub(crate) mod leadin;
pub(crate) mod lines;
pub(crate) mod paragraph;
pub(crate) mod surnames;

use crate::model::{Author, Item, Kind, Page, Warning};
use crate::segment::assemble::{Draft, assemble};
use crate::segment::blocks::{blocks, orientation};
use crate::segment::byline::Credit;
use crate::segment::captions::split_spread;
use crate::segment::header::find_header;
use crate::segment::heading::{Heading, find_headings};
use crate::segment::lines::{Line, LineKind, label_lines};
use crate::segment::paragraph::{BodyLines, ParagraphStyle, paragraph_style, paragraphs_at};
use crate::text::{ems, split_lines, trim_spaces};

/// Segments one page. Problems that do not stop segmentation are pushed onto `warnings`.
pub fn segment_page(page: &Page, warnings: &mut Vec<Warning>) -> Page {
    let raw = split_lines(&page.text);
    let header = find_header(&raw);
    let lines = label_lines(&raw, &header);
    let style = paragraph_style(&lines);
    let mut headings = find_headings(&lines, style);
    let blocks = blocks(&lines, &headings);
    let orientation = orientation(&blocks, &lines, &headings);
    let mut drafts = assemble(blocks, orientation, &headings);
    detached::rehome(&mut drafts, &mut headings, &lines);
    detached::fold_fragments(&mut drafts, &mut headings, &lines);
    let mut cut = Vec::new();
    let items = drafts.iter().flat_map(|draft| to_items(draft, &lines, &headings, style, &mut cut)).collect();
    let mut furniture: Vec<String> = header.lines.iter().map(|&i| crate::text::tidy_phrase(raw[i])).collect();
    furniture.extend(cut);
    let parsed = Page {
        source: page.source.clone(),
        index: page.index,
        date: page.date.clone().or(header.date),
        page_no: page.page_no.or(header.page_no),
        header: furniture,
        items,
        // The caller moves the page text in when it keeps it (see `parse::parse_pages_with`).
        ..Page::default()
    };
    warn_bodiless(&parsed, warnings);
    parsed
}

/// Warns about each item of a page that has a heading or credit but no body text.
pub fn warn_bodiless(page: &Page, warnings: &mut Vec<Warning>) {
    for item in page.items.iter().filter(|i| i.paragraphs.is_empty()) {
        warnings.push(Warning::Bodiless { source: page.source.clone(), page: page.index, lines: item.lines });
    }
}

/// Builds the items of a draft: one, or one per caption of a photo spread. Jump lines
/// (`（下转第3版）`) and caption marks (`①`, `▲`), page furniture inside the text, go onto
/// `furniture`.
fn to_items(
    draft: &Draft,
    lines: &[Line],
    headings: &[Heading],
    style: ParagraphStyle,
    furniture: &mut Vec<String>,
) -> Vec<Item> {
    let heading = draft.heading.and_then(|h| headings.get(h));
    let mut span: Vec<usize> = draft.credits.iter().chain(&draft.after_credits).map(|(i, _)| *i).collect();
    span.extend(draft.runs.iter().flat_map(|r| r.lines.iter().copied()));
    if let Some(h) = heading {
        span.extend([h.lines.start, h.lines.end.saturating_sub(1)]);
    }
    let first = span.iter().min().copied().unwrap_or(0) + 1;
    let last = span.iter().max().copied().unwrap_or(0) + 1;
    let (authors, mut byline) = credits(draft);
    if let Some(f) = heading.and_then(|h| h.fragment.as_deref()) {
        byline = Some(byline.map_or_else(|| f.to_owned(), |b| format!("{f} {b}")));
    }
    let (body, at) = body_lines(draft, lines);
    let parts = if draft.is_photo() {
        split_spread(&body.texts)
    } else {
        std::iter::once(0..body.texts.len()).collect()
    };
    let count = parts.len();
    // A spread's credit names every caption's photographers; its text goes with the caption
    // it stands beside, before the first or after the last.
    let byline_part = if draft.credits.is_empty() { count - 1 } else { 0 };
    let mut items = Vec::with_capacity(count);
    for (p, range) in parts.into_iter().enumerate() {
        let (mut paragraph_lines, mut paragraphs): (Vec<usize>, Vec<String>) =
            paragraphs_at(&body, range.clone(), style)
                .into_iter()
                .map(|(k, text)| (at.get(k).map_or(first, |&i| i + 1), text))
                .unzip();
        let continued = cut_jumps(&mut paragraphs, &mut paragraph_lines, furniture);
        if draft.is_photo()
            && let Some(first) = paragraphs.first_mut()
            && let Some((mark, text)) = captions::split_mark(first)
        {
            furniture.push(mark.to_owned());
            *first = text.to_owned();
        }
        let start = if p == 0 { first } else { at.get(range.start).map_or(first, |&i| i + 1) };
        let end = if p + 1 == count { last } else { at.get(range.end - 1).map_or(last, |&i| i + 1) };
        let heading = heading.filter(|_| p == 0);
        items.push(Item {
            kind: if draft.is_photo() { Kind::Photo } else { Kind::Article },
            title: heading.and_then(|h| h.title.clone()),
            subtitle: heading.and_then(|h| h.subtitle.clone()),
            kicker: heading.and_then(|h| h.kicker.clone()),
            byline: byline.clone().filter(|_| p == byline_part),
            authors: authors.clone(),
            paragraphs,
            paragraph_lines,
            unit: None,
            district: None,
            lines: [start, end],
            continued,
            edited: false,
        });
    }
    items
}

/// Takes the jump lines off the body's last and first paragraphs, and returns the page of the
/// article's other part. A paragraph that held nothing else is dropped.
fn cut_jumps(
    paragraphs: &mut Vec<String>,
    paragraph_lines: &mut Vec<usize>,
    jumps: &mut Vec<String>,
) -> Option<u32> {
    let mut other = None;
    if let Some(cut) = paragraphs.last().and_then(|p| jump::cut_end(p)) {
        jumps.push(cut.jump);
        other = Some(cut.page);
        if cut.rest.is_empty() {
            paragraphs.pop();
            paragraph_lines.pop();
        } else if let Some(last) = paragraphs.last_mut() {
            *last = cut.rest;
        }
    }
    if let Some(cut) = paragraphs.first().and_then(|p| jump::cut_start(p)) {
        jumps.push(cut.jump);
        other = other.or(Some(cut.page));
        if cut.rest.is_empty() {
            paragraphs.remove(0);
            paragraph_lines.remove(0);
        } else if let Some(first) = paragraphs.first_mut() {
            *first = cut.rest;
        }
    }
    other
}

/// The body's lines, without the lead-in and trailing credits, with their widths and their
/// 0-based page line numbers.
fn body_lines<'a>(draft: &Draft, lines: &[Line<'a>]) -> (BodyLines<'a>, Vec<usize>) {
    let (mut texts, mut widths, mut blank_after, mut at) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for run in &draft.runs {
        let (skip_to, offset) = run.lead_in.as_ref().map_or((0, 0), |l| (l.body_line, l.body_offset));
        for (k, &i) in run.lines.iter().enumerate().skip(skip_to) {
            let line = &lines[i];
            let whole = line.trailing.is_none() && (k != skip_to || offset == 0);
            let text = line.content();
            let text = if k == skip_to { text.get(offset..).unwrap_or("") } else { text };
            if !trim_spaces(text).is_empty() {
                texts.push(text);
                widths.push(if whole { line.ems } else { ems(text) });
                blank_after.push(lines.get(i + 1).is_some_and(|l| matches!(l.kind, LineKind::Blank)));
                at.push(i);
            }
        }
    }
    (BodyLines { texts, widths, blank_after }, at)
}

/// Authors in printed order and the raw byline text: each credit as printed, a lead-in with
/// its dateline and bracket.
fn credits(draft: &Draft) -> (Vec<Author>, Option<String>) {
    let credit = |c: &'_ Credit| (c.authors.clone(), c.text.clone());
    let mut parts: Vec<(Vec<Author>, String)> = draft.credits.iter().map(|(_, c)| credit(c)).collect();
    for run in &draft.runs {
        if let Some(l) = &run.lead_in {
            parts.push((l.credit.as_ref().map(|c| c.authors.clone()).unwrap_or_default(), l.printed.clone()));
        }
        parts.extend(run.trailing.as_ref().map(credit));
    }
    parts.extend(draft.after_credits.iter().map(|(_, c)| credit(c)));
    let texts: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).filter(|t| !t.is_empty()).collect();
    let byline = (!texts.is_empty()).then(|| texts.join(" "));
    let authors: Vec<Author> = parts.into_iter().flat_map(|(a, _)| a).collect();
    (authors, byline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<Item> {
        segment_page(&Page::plain(text), &mut Vec::new()).items
    }

    /// Cases where part of the printed text used to be dropped or read twice: the byline
    /// keeps the credit as printed, a bracket over a line break takes its lines (a caption is
    /// never split off inside them), and a headline group keeps every block.
    #[test]
    fn every_printed_part_is_kept_once() {
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a str);
        let cases: [Case; 7] = [
            (
                "lead-in: dateline and bracket in the byline",
                "公园新景\n\n本报讯（记者 王刚）近日，公园开放。\n",
                Some("公园新景"),
                None,
                Some("本报讯（记者 王刚）"),
                "近日，公园开放。",
            ),
            (
                "credit line keeps its marker",
                "公园新景\n■ 本报记者 王刚\n　　近日，公园开放。\n",
                Some("公园新景"),
                None,
                Some("■本报记者 王刚"),
                "近日，公园开放。",
            ),
            (
                "bracket over a line break: the second line is not a credit of its own",
                "公园新景\n\n本报讯（记者 王刚 通讯员\n李明）近日，公园开放。\n",
                Some("公园新景"),
                None,
                Some("本报讯（记者 王刚 通讯员 李明）"),
                "近日，公园开放。",
            ),
            (
                "bracket over a blank line (a column break)",
                "公园新景\n\n本报讯（记者 王刚\n\n李明）近日，公园开放。\n",
                Some("公园新景"),
                None,
                Some("本报讯（记者 王刚 李明）"),
                "近日，公园开放。",
            ),
            (
                "a caption credit after a bracket over a blank line: the bracket's lines stay with it",
                "公园新景\n\n本报讯（记者 王刚\n公园开放。\n\n通讯员 李明）市民纷纷前来游览，公园里十分热闹，游客络绎不绝。■ 王五\n",
                Some("公园新景"),
                None,
                Some("本报讯（记者 王刚 公园开放。通讯员 李明） ■王五"),
                "市民纷纷前来游览，公园里十分热闹，游客络绎不绝。",
            ),
            (
                "two subtitle lines",
                "公园新景\n——绿道贯通\n——游客增多\n\n　　近日，公园开放，市民纷纷前来游览。\n",
                Some("公园新景"),
                Some("——绿道贯通——游客增多"),
                None,
                "近日，公园开放，市民纷纷前来游览。",
            ),
            (
                "four headline blocks: the last two open the subtitle",
                "河湾区\n\n公园新景\n\n绿道贯通\n\n游客增多\n\n　　近日，公园开放，市民纷纷前来游览。\n",
                Some("公园新景"),
                Some("绿道贯通游客增多"),
                None,
                "近日，公园开放，市民纷纷前来游览。",
            ),
        ];
        for (name, text, title, subtitle, byline, body) in cases {
            let got = items(text);
            assert_eq!(got.len(), 1, "{name}: {got:?}");
            let item = &got[0];
            assert_eq!(item.title.as_deref(), title, "{name}: title");
            assert_eq!(item.subtitle.as_deref(), subtitle, "{name}: subtitle");
            assert_eq!(item.byline.as_deref(), byline, "{name}: byline");
            assert_eq!(item.paragraphs.concat(), body, "{name}: body");
        }
    }
}
