//! Fourth pass: grouping blocks into items, following the page's orientation.
//!
//! With headlines last, a headline closes the item before it; with headlines first, it opens
//! the next. Either way a lead-in opens a new item once the current one has body text, a
//! caption credit closes a photo, and a credit line between two bodies goes with the body it
//! belongs to (backwards when it names a photographer or the body before has no credit yet
//! and reads like a caption, forwards otherwise).

use crate::segment::blocks::{Block, Orientation, TextRun};
use crate::segment::byline::Credit;
use crate::segment::heading::Heading;

/// Paragraph count up to which a credit-less body followed by a credit line reads as a caption.
const CAPTION_RUN_LINES: usize = 6;

/// The blocks that make up one item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Index of the item's headline group.
    pub heading: Option<usize>,
    /// Credit lines before the body: (0-based line, credit).
    pub credits: Vec<(usize, Credit)>,
    /// Credit lines after the body.
    pub after_credits: Vec<(usize, Credit)>,
    /// Body text runs.
    pub runs: Vec<TextRun>,
    /// Closed by a caption credit (a photo) or a trailing credit (an article's end).
    pub closed: bool,
}

impl Draft {
    /// True when the draft holds body text.
    pub fn has_body(&self) -> bool {
        !self.runs.is_empty()
    }

    fn has_credit(&self) -> bool {
        !self.credits.is_empty()
            || !self.after_credits.is_empty()
            || self
                .runs
                .iter()
                .any(|r| r.trailing.is_some() || r.lead_in.as_ref().is_some_and(|l| l.credit.is_some()))
    }

    fn signed_in_lead_in(&self) -> bool {
        self.runs.iter().any(TextRun::signed_in_lead_in)
    }

    /// True when the draft holds nothing.
    pub fn is_empty(&self) -> bool {
        self.heading.is_none() && self.credits.is_empty() && self.runs.is_empty()
    }

    /// A short body without lead-in, such as a photo caption.
    fn caption_like(&self) -> bool {
        self.runs.len() == 1
            && self.runs[0].lead_in.is_none()
            && self.runs[0].lines.len() <= CAPTION_RUN_LINES
    }

    /// True when this item is a photo: closed by a caption credit and opened by no lead-in.
    pub fn is_photo(&self) -> bool {
        let trailing = self.runs.last().and_then(|r| r.trailing.as_ref()).is_some_and(Credit::closes_caption);
        let after = self.after_credits.iter().any(|(_, c)| c.closes_caption());
        let lead = self.runs.iter().any(|r| r.lead_in.is_some());
        (trailing || after) && !lead && self.credits.is_empty()
    }
}

/// Groups a page's blocks into item drafts.
pub fn assemble(blocks: Vec<Block>, orientation: Orientation, headings: &[Heading]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    let mut cur = Draft::default();
    let next_is_text: Vec<bool> =
        (0..blocks.len()).map(|i| matches!(blocks.get(i + 1), Some(Block::Text(_)))).collect();
    let opens_next: Vec<bool> = (0..blocks.len())
        .map(|i| match blocks[i] {
            Block::Heading(h) => {
                headings.get(h).is_some_and(|h| h.photo || (h.signed && next_is_text[i]))
                    || signed_below(&blocks, i)
            }
            _ => false,
        })
        .collect();
    for (i, block) in blocks.into_iter().enumerate() {
        match block {
            Block::Heading(h) => match orientation {
                // A headline over its author's name and a body opens that body, and a photo's
                // title its caption, whichever side of their bodies the page's other headlines
                // stand.
                Orientation::HeadlineLast if opens_next[i] => {
                    flush(&mut out, &mut cur);
                    cur.heading = Some(h);
                }
                Orientation::HeadlineLast => {
                    // A draft a signed headline opened is closed by the next headline, not
                    // titled by it.
                    if cur.heading.is_some() {
                        flush(&mut out, &mut cur);
                    }
                    if cur.is_empty() {
                        match out.last_mut().filter(|d| d.heading.is_none() && d.has_body()) {
                            Some(prev) => prev.heading = Some(h),
                            None => out.push(Draft { heading: Some(h), ..Draft::default() }),
                        }
                    } else if cur.is_photo()
                        && out.last().is_some_and(|d| d.heading.is_none() && !d.is_photo())
                    {
                        // A caption set between a story and its headline: the headline is the story's.
                        if let Some(prev) = out.last_mut() {
                            prev.heading = Some(h);
                        }
                        out.push(std::mem::take(&mut cur));
                    } else {
                        cur.heading = Some(h);
                        out.push(std::mem::take(&mut cur));
                    }
                }
                Orientation::HeadlineFirst => {
                    flush(&mut out, &mut cur);
                    cur.heading = Some(h);
                }
            },
            Block::Credit(idx, credits) => {
                let pairs: Vec<(usize, Credit)> = idx.into_iter().zip(credits).collect();
                let photographer = pairs.iter().any(|(_, c)| c.photo);
                // A credit with no body after it can only close the body before it.
                let backwards = cur.has_body()
                    && !cur.closed
                    && (!next_is_text[i] || !cur.has_credit())
                    && (photographer
                        || !next_is_text[i]
                        || cur.caption_like()
                        || (orientation == Orientation::HeadlineFirst && cur.heading.is_some()));
                if backwards {
                    cur.after_credits = pairs;
                    cur.closed = true;
                } else {
                    if cur.has_body() || cur.closed {
                        flush(&mut out, &mut cur);
                    }
                    cur.credits.extend(pairs);
                }
            }
            Block::Text(run) => {
                // A story is signed once: a second signature starts a brief of its own.
                let signed_again =
                    run.trailing.as_ref().is_some_and(|c| c.bracketed) && cur.signed_in_lead_in();
                let opens = run.lead_in.is_some() || run.jumps_in || run.is_caption() || signed_again;
                // The marked captions of a spread share the credit that closes the last.
                let in_spread = run.marked && cur.runs.last().is_some_and(|r| r.marked);
                if cur.closed || (opens && cur.has_body() && !in_spread) {
                    flush(&mut out, &mut cur);
                }
                cur.closed = run.trailing.is_some() || run.jumps_out;
                cur.runs.push(run);
            }
        }
    }
    flush(&mut out, &mut cur);
    out
}

/// True when the block after heading block `i` is an author's bare name (no role word, mark
/// or bracket), with body text after it: the signature of an essay under its headline.
fn signed_below(blocks: &[Block], i: usize) -> bool {
    let bare = |c: &Credit| !c.has_role && !c.marked && !c.bracketed && !c.photo;
    matches!(blocks.get(i + 1), Some(Block::Credit(_, credits)) if credits.iter().all(bare))
        && matches!(blocks.get(i + 2), Some(Block::Text(_)))
}

/// Moves the current draft to the output when it holds anything.
fn flush(out: &mut Vec<Draft>, cur: &mut Draft) {
    if !cur.is_empty() {
        out.push(std::mem::take(cur));
    }
}
