//! Third pass: the page as a sequence of blocks (headlines, credit lines, runs of body text),
//! and the page's orientation (do headlines come before or after their bodies?).

use crate::segment::byline::Credit;
use crate::segment::captions::opens_caption;
use crate::segment::heading::Heading;
use crate::segment::leadin::LeadIn;
use crate::segment::lines::{Line, LineKind};
use crate::text::ends_sentence;

/// A run of body lines that belong together.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextRun {
    /// 0-based indices of the run's non-blank lines.
    pub lines: Vec<usize>,
    /// The lead-in opening the run, if any.
    pub lead_in: Option<LeadIn>,
    /// A credit ending the run's last line (caption credit or `（记者 X）`).
    pub trailing: Option<Credit>,
    /// The run opens with a jump line from another page (`（上接第1版）`).
    pub jumps_in: bool,
    /// The run closes with a jump line to another page (`（下转第3版）`).
    pub jumps_out: bool,
    /// The run opens with a caption mark (`①`, `▲`): one caption of a photo spread.
    pub marked: bool,
}

impl TextRun {
    /// True when the run's lead-in carries a credit (`本报讯（记者 X）`).
    pub fn signed_in_lead_in(&self) -> bool {
        self.lead_in.as_ref().is_some_and(|l| l.credit.is_some())
    }

    /// A run closed by a caption credit and opened by no lead-in: a photo caption.
    pub fn is_caption(&self) -> bool {
        self.lead_in.is_none() && self.trailing.as_ref().is_some_and(Credit::closes_caption)
    }
}

/// One structural block of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A headline group (index into the page's headings).
    Heading(usize),
    /// Consecutive credit lines: their 0-based indices and credits.
    Credit(Vec<usize>, Vec<Credit>),
    /// Body text.
    Text(TextRun),
}

/// Cuts the page into blocks.
pub fn blocks(lines: &[Line], headings: &[Heading]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut next_heading = 0;
    let mut i = 0;
    while i < lines.len() {
        if let Some(h) = headings.get(next_heading).filter(|h| h.lines.start == i) {
            out.push(Block::Heading(next_heading));
            next_heading += 1;
            i = h.lines.end;
            continue;
        }
        let line = &lines[i];
        match &line.kind {
            LineKind::Blank | LineKind::Header => {}
            LineKind::Credit(c) => match out.last_mut() {
                Some(Block::Credit(idx, credits)) => {
                    idx.push(i);
                    credits.push(Credit::clone(c));
                }
                _ => out.push(Block::Credit(vec![i], vec![Credit::clone(c)])),
            },
            LineKind::LeadIn(l) => out.push(Block::Text(TextRun {
                lines: vec![i],
                lead_in: Some(LeadIn::clone(l)),
                ..TextRun::default()
            })),
            // The rest of a credit (set again below) or a jump onward ends the run before.
            LineKind::CreditTail | LineKind::Jump { onward: true } => {
                if !matches!(out.last(), Some(Block::Text(_))) {
                    out.push(Block::Text(TextRun::default()));
                }
                if let Some(Block::Text(run)) = out.last_mut() {
                    run.lines.push(i);
                    run.jumps_out |= matches!(line.kind, LineKind::Jump { .. });
                }
            }
            LineKind::Jump { onward: false } => {
                out.push(Block::Text(TextRun { lines: vec![i], jumps_in: true, ..TextRun::default() }));
            }
            LineKind::Text | LineKind::Continued => match out.last_mut() {
                Some(Block::Text(run)) if run.trailing.is_none() && !run.jumps_out => run.lines.push(i),
                _ => out.push(Block::Text(TextRun { lines: vec![i], ..TextRun::default() })),
            },
        }
        if let (Some((_, credit)), Some(Block::Text(run))) = (line.trailing.as_deref(), out.last_mut()) {
            run.trailing = Some(credit.clone());
        }
        i += 1;
    }
    let mut out: Vec<Block> =
        out.into_iter().flat_map(|u| split_caption(u, lines)).flat_map(|u| split_brief(u, lines)).collect();
    for block in &mut out {
        if let Block::Text(run) = block {
            run.marked = run.lines.first().is_some_and(|&i| opens_caption(lines[i].text));
        }
    }
    out
}

/// Splits a brief off the end of a run that holds two credits: one in its lead-in, one
/// closing its last line. A story is signed once, so in a box of briefs the second credit
/// signs a brief of its own, which starts after the last column break at a sentence end.
fn split_brief(block: Block, lines: &[Line]) -> Vec<Block> {
    let Block::Text(run) = block else {
        return vec![block];
    };
    let signed_twice = run.signed_in_lead_in() && run.trailing.as_ref().is_some_and(|c| c.bracketed);
    if !signed_twice {
        return vec![Block::Text(run)];
    }
    let first_cut = run.lead_in.as_ref().map_or(1, |l| l.body_line + 1);
    let cut = (first_cut..run.lines.len())
        .rev()
        .find(|&k| run.lines[k] > run.lines[k - 1] + 1 && ends_sentence(lines[run.lines[k - 1]].content()));
    match cut {
        Some(cut) => split_at(run, cut),
        None => vec![Block::Text(run)],
    }
}

/// Splits a run before its `cut`-th line; the tail keeps how the run ends.
fn split_at(mut run: TextRun, cut: usize) -> Vec<Block> {
    let tail = TextRun {
        lines: run.lines.split_off(cut),
        trailing: run.trailing.take(),
        jumps_out: std::mem::take(&mut run.jumps_out),
        ..TextRun::default()
    };
    vec![Block::Text(run), Block::Text(tail)]
}

/// Splits a photo caption off the end of a body run it was typeset after.
///
/// A run closed by a caption credit (`■ 本报记者 X`, `X 摄`) whose last block stands after a
/// blank line, follows a finished sentence and is wider than the run's column is a caption
/// set under a photo, not the end of the body above it.
fn split_caption(block: Block, lines: &[Line]) -> Vec<Block> {
    let Block::Text(run) = block else {
        return vec![block];
    };
    if !run.trailing.as_ref().is_some_and(Credit::closes_caption) {
        return vec![Block::Text(run)];
    }
    // Never inside a lead-in's bracket: the lines up to the one its body starts on belong to it
    // (a bracket may run over a blank line at a column break).
    let first_cut = run.lead_in.as_ref().map_or(1, |l| l.body_line + 1);
    let Some(cut) = (first_cut..run.lines.len()).rev().find(|&k| run.lines[k] > run.lines[k - 1] + 1) else {
        return vec![Block::Text(run)];
    };
    let widths: Vec<f32> = run.lines[..cut].iter().map(|&i| lines[i].ems).collect();
    let column = crate::segment::paragraph::column_width(&widths);
    let wider = run.lines[cut..].iter().any(|&i| lines[i].ems > column + 1.5);
    if !(wider && ends_sentence(lines[run.lines[cut - 1]].content())) {
        return vec![Block::Text(run)];
    }
    split_at(run, cut)
}

/// Where headlines stand relative to their bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Headline, then byline and body (the usual order).
    HeadlineFirst,
    /// Body, then headline (layout programs that write a story's text frame first).
    HeadlineLast,
}

/// Decides the orientation: the side of the page's headlines that holds more body text is the
/// side with an article whose headline lies beyond the page's edge in reading order, so the
/// headlines must sit on the other side of their bodies.
pub fn orientation(blocks: &[Block], lines: &[Line], headings: &[Heading]) -> Orientation {
    // A photo's title heads its caption on any page: it says nothing about the order either.
    let story_heading =
        |u: &Block| matches!(u, Block::Heading(h) if headings.get(*h).is_some_and(|h| !h.photo));
    let first = blocks.iter().position(story_heading);
    let last = blocks.iter().rposition(story_heading);
    let (Some(first), Some(last)) = (first, last) else {
        return Orientation::HeadlineFirst;
    };
    let text_len = |us: &[Block]| -> usize {
        us.iter()
            .map(|u| match u {
                // Photo captions stand on their own and say nothing about headline order.
                Block::Text(run) if run.is_caption() => 0,
                Block::Text(run) => run.lines.iter().map(|&i| lines[i].text.len()).sum(),
                _ => 0,
            })
            .sum()
    };
    if text_len(&blocks[..first]) > text_len(&blocks[last + 1..]) {
        Orientation::HeadlineLast
    } else {
        Orientation::HeadlineFirst
    }
}
