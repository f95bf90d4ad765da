//! Fifth pass: headlines that extraction set apart from their articles.
//!
//! Where a page sets its headlines in frames of their own, the text layer often gives them in
//! a cluster far from their bodies: between two essays, after the last one, or stacked over
//! the one essay that does follow. Assembly then leaves articles without a headline and hangs
//! the cluster on one item. Each headline of such a cluster goes to the untitled article that
//! says what it says: a headline shares its words with its article, and the words it shares
//! with that article alone weigh most.

use std::ops::Range;

use crate::segment::assemble::Draft;
use crate::segment::heading::{Heading, is_subtitle, name_parts};
use crate::segment::lines::Line;
use crate::text::{is_cjk, is_space};

/// Body length, in characters, from which an untitled item reads as an article that lost its
/// headline rather than a brief or a caption, which print none.
const MIN_BODY_CHARS: usize = 200;
/// Weighted share of a headline's character pairs that an article must hold to take it.
const MIN_MATCH: f32 = 0.25;
/// How much more of the headline the article must hold than the item the headline stands in.
const MARGIN: f32 = 0.2;

/// Gives untitled articles the headlines of theirs that stand in other items' headline groups,
/// and drops the items left empty.
pub fn rehome(drafts: &mut Vec<Draft>, headings: &mut Vec<Heading>, lines: &[Line]) {
    // Most pages have no headline block that could stand apart: one block per group, every
    // group over a body. They are done without reading any body.
    let movable = |d: &Draft| {
        d.heading.and_then(|h| headings.get(h)).is_some_and(|h| h.blocks.len() > usize::from(d.has_body()))
    };
    if !drafts.iter().any(movable) {
        return;
    }
    let untitled: Vec<usize> = (0..drafts.len())
        .filter(|&d| {
            let titled = drafts[d].heading.and_then(|h| headings.get(h)).is_some_and(|h| h.title.is_some());
            !titled && !drafts[d].is_photo() && body_chars(&drafts[d], lines) >= MIN_BODY_CHARS
        })
        .collect();
    if untitled.is_empty() {
        return;
    }
    let bodies: Vec<String> = drafts.iter().map(|d| body_text(d, lines)).collect();
    let with_body: Vec<&str> = bodies.iter().filter(|b| !b.is_empty()).map(String::as_str).collect();
    let mut candidates = Vec::new();
    for (d, draft) in drafts.iter().enumerate() {
        let Some(heading) = draft.heading.and_then(|h| headings.get(h)) else { continue };
        let bodiless = !draft.has_body();
        // The block next to a body is that body's own headline; the blocks before it may be
        // other articles', from the first on.
        let movable = if bodiless { heading.blocks.len() } else { heading.blocks.len().saturating_sub(1) };
        for block in &heading.blocks[..movable] {
            let text = phrase(lines, block);
            // A lone character is a fragment of a broken name, and a subtitle goes with the
            // headline above it: neither decides anything.
            if text.chars().count() < 2 || is_subtitle(&lines[block.start]) {
                continue;
            }
            let pairs = weighted_pairs(&text, &with_body);
            let own = if bodiless { 0.0 } else { share(&pairs, &bodies[d]) };
            let scores: Vec<f32> = untitled.iter().map(|&u| share(&pairs, &bodies[u])).collect();
            let candidate = Candidate { from: d, block: block.clone(), own, scores };
            if candidate.fits(candidate.best()) {
                candidates.push(candidate);
            } else if !bodiless {
                break;
            }
        }
    }
    // The headlines that fit one article only go first; one that fits several takes what the
    // others leave.
    candidates.sort_by(|a, b| b.distinctness().total_cmp(&a.distinctness()));
    let mut taken = vec![false; untitled.len()];
    let mut moves = Vec::new();
    for c in candidates {
        let free =
            (0..untitled.len()).filter(|&k| !taken[k]).max_by(|&a, &b| c.scores[a].total_cmp(&c.scores[b]));
        if let Some(k) = free.filter(|&k| c.fits(c.scores[k])) {
            taken[k] = true;
            moves.push((c.from, c.block, untitled[k]));
        }
    }
    apply(&moves, drafts, headings, lines);
}

/// A headline block that may be another article's.
struct Candidate {
    /// The draft whose headline group holds the block.
    from: usize,
    /// The block's page lines.
    block: Range<usize>,
    /// How much of the headline that draft's body holds.
    own: f32,
    /// How much of it each untitled article holds.
    scores: Vec<f32>,
}

impl Candidate {
    fn best(&self) -> f32 {
        self.scores.iter().copied().fold(0.0, f32::max)
    }

    /// How far the best article leads the next.
    fn distinctness(&self) -> f32 {
        let mut sorted = self.scores.clone();
        sorted.sort_by(|a, b| b.total_cmp(a));
        sorted[0] - sorted.get(1).copied().unwrap_or(0.0)
    }

    /// True when an article holding `score` of the headline may take it.
    fn fits(&self, score: f32) -> bool {
        score >= MIN_MATCH && score >= self.own + MARGIN
    }
}

/// Moves each headline block to its article, and drops the items left empty.
fn apply(
    moves: &[(usize, Range<usize>, usize)],
    drafts: &mut Vec<Draft>,
    headings: &mut Vec<Heading>,
    lines: &[Line],
) {
    if moves.is_empty() {
        return;
    }
    for (_, block, to) in moves {
        // An untitled draft may hold a name's broken-off pieces: they stay with it.
        add_blocks(&mut drafts[*to], headings, lines, std::slice::from_ref(block));
    }
    for (d, draft) in drafts.iter_mut().enumerate() {
        let Some(h) = draft.heading.filter(|_| moves.iter().any(|m| m.0 == d)) else { continue };
        let kept: Vec<Range<usize>> = headings[h]
            .blocks
            .iter()
            .filter(|b| !moves.iter().any(|m| m.0 == d && m.1 == **b))
            .cloned()
            .collect();
        if kept.is_empty() {
            draft.heading = None;
        } else {
            headings[h] = name_parts(lines, kept);
        }
    }
    drafts.retain(|d| !d.is_empty());
}

/// Hands each draft that holds nothing but pieces of a broken name (`仁`) to the next draft
/// with a body, whose author the name is: alone it would be an empty item.
pub fn fold_fragments(drafts: &mut Vec<Draft>, headings: &mut Vec<Heading>, lines: &[Line]) {
    let lone = |d: &Draft, headings: &[Heading]| {
        !d.has_body()
            && d.credits.is_empty()
            && d.after_credits.is_empty()
            && d.heading.and_then(|h| headings.get(h)).is_some_and(|h| {
                h.fragment.is_some() && h.title.is_none() && h.kicker.is_none() && h.subtitle.is_none()
            })
    };
    let mut d = 0;
    while d < drafts.len() {
        let Some(next) =
            (d + 1..drafts.len()).find(|&n| drafts[n].has_body()).filter(|_| lone(&drafts[d], headings))
        else {
            d += 1;
            continue;
        };
        let piece =
            drafts[d].heading.and_then(|h| headings.get(h)).map(|h| h.blocks.clone()).unwrap_or_default();
        add_blocks(&mut drafts[next], headings, lines, &piece);
        drafts.remove(d);
    }
}

/// Adds headline blocks to a draft's headline group (making one when it has none), renaming
/// the group's parts from all its blocks in page order.
fn add_blocks(draft: &mut Draft, headings: &mut Vec<Heading>, lines: &[Line], more: &[Range<usize>]) {
    let mut blocks: Vec<Range<usize>> =
        draft.heading.and_then(|h| headings.get(h)).map(|h| h.blocks.clone()).unwrap_or_default();
    blocks.extend_from_slice(more);
    blocks.sort_by_key(|b| b.start);
    headings.push(name_parts(lines, blocks));
    draft.heading = Some(headings.len() - 1);
}

/// A headline block's text, spaces removed.
fn phrase(lines: &[Line], block: &Range<usize>) -> String {
    lines[block.clone()].iter().flat_map(|l| l.text.chars()).filter(|&c| !is_space(c)).collect()
}

/// A draft's body length in ideographs' worth of bytes (three each): no characters are
/// decoded, and a threshold needs no more.
fn body_chars(draft: &Draft, lines: &[Line]) -> usize {
    draft.runs.iter().flat_map(|r| r.lines.iter()).map(|&i| lines[i].content().len() / 3).sum()
}

/// A draft's body text, spaces removed (letter-spaced lines would split every pair).
fn body_text(draft: &Draft, lines: &[Line]) -> String {
    draft
        .runs
        .iter()
        .flat_map(|r| r.lines.iter())
        .flat_map(|&i| lines[i].content().chars())
        .filter(|&c| !is_space(c))
        .collect()
}

/// The pairs of adjacent ideographs of a headline, each weighted by how few of the page's
/// bodies hold it: a pair every article uses (`中国`, `发展`) says little about which one the
/// headline is.
fn weighted_pairs(text: &str, bodies: &[&str]) -> Vec<(String, f32)> {
    let chars: Vec<char> = text.chars().collect();
    let mut pairs: Vec<(String, f32)> = Vec::new();
    for w in chars.windows(2).filter(|w| is_cjk(w[0]) && is_cjk(w[1])) {
        let pair: String = w.iter().collect();
        if pairs.iter().any(|(p, _)| *p == pair) {
            continue;
        }
        let holders = bodies.iter().filter(|b| b.contains(pair.as_str())).count();
        pairs.push((pair, 1.0 / (1 + holders) as f32));
    }
    pairs
}

/// The weighted share of a headline's pairs that a body holds.
fn share(pairs: &[(String, f32)], body: &str) -> f32 {
    let total: f32 = pairs.iter().map(|(_, w)| w).sum();
    if total <= 0.0 || body.is_empty() {
        return 0.0;
    }
    pairs.iter().filter(|(p, _)| body.contains(p.as_str())).map(|(_, w)| w).sum::<f32>() / total
}

#[cfg(test)]
mod tests {
    use crate::model::Page;
    use crate::segment::segment_page;

    /// A piece of a broken name standing alone between two essays is no item of its own: it
    /// goes with the essay after it.
    #[test]
    fn a_lone_name_piece_joins_the_next_essay() {
        let body = "河湾市把农村公路建设作为惠民工程，一条条新路通到了村民家门口。\n";
        let text = format!(
            "7 理论\n\n陈立新\n\n{a}{a}{a}（作者为河湾大学教授）\n\n以改革激发农村发展活力\n李志民\n\n{a}{a}\n周\n\n{a}{a}",
            a = body
        );
        let page = segment_page(&Page::plain(&text), &mut Vec::new());
        let bylines: Vec<Option<&str>> = page.items.iter().map(|i| i.byline.as_deref()).collect();
        assert_eq!(page.items.len(), 3, "{bylines:?}");
        assert!(page.items.iter().all(|i| !i.paragraphs.is_empty()), "{bylines:?}");
        assert_eq!(page.items[2].byline.as_deref(), Some("周"));
    }
}
