//! Second pass: which runs of text lines are headlines (with kicker and subtitle).
//!
//! A headline block is one to three lines that end no sentence and stand apart from the body
//! columns around them: it carries a `——` subtitle, stands next to an item boundary (a credit,
//! a lead-in, page furniture, the page's edge), or is clearly wider or narrower than the
//! column. A full-width line between two pieces of body is a column break, not a headline.

use std::ops::Range;

use crate::segment::lines::{Line, LineKind};
use crate::segment::paragraph::{ParagraphStyle, column_width};
use crate::text::{ends_continuing, ends_sentence, is_space, tidy_phrase, trim_spaces, visible_len};

/// Most lines a headline block may have.
const MAX_LINES: usize = 3;
/// Longest headline line, in characters.
const MAX_CHARS: usize = 42;
/// Lines looked at on each side when estimating the local column width.
const WINDOW: usize = 12;
/// Em narrower than the column below which a line is not a full column line.
const SHORT: f32 = 2.75;
/// Em narrower than the column that marks a paragraph's indented first line.
const INDENT: f32 = 1.25;
/// Em within which a line fills the column.
const FULL: f32 = 1.0;
/// Em wider than the column above which a line cannot be a column line.
const WIDE: f32 = 1.5;

/// A headline with its kicker and subtitle, covering a range of page lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 0-based page lines from the first to one past the last line.
    pub lines: Range<usize>,
    /// Kicker (引题) above the headline.
    pub kicker: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Subtitle (副题) below it.
    pub subtitle: Option<String>,
    /// The runs of lines between blank lines that the group is made of, in page order.
    pub blocks: Vec<Range<usize>>,
    /// Lone characters set apart in the group: pieces of a letter-spaced name that extraction
    /// broke off (`李` … `斌`). They mark where an item starts, but they are no headline.
    pub fragment: Option<String>,
    /// True for a photo's title set straight above its caption: it heads the caption below it
    /// whichever side of their bodies the page's headlines stand.
    pub photo: bool,
    /// True when a piece of the author's name closes the group (`…工程` / `莫`): the headline
    /// of the essay below it.
    pub signed: bool,
}

/// Finds the headline groups of a page.
pub fn find_headings(lines: &[Line], style: ParagraphStyle) -> Vec<Heading> {
    let mut blocks = Vec::new();
    // A photo's title set straight above its caption is decided with the caption: the title
    // is a heading, the caption lines below it are not.
    let mut decided = Vec::new();
    for block in text_blocks(lines) {
        if heads_caption(lines, &block) {
            blocks.extend([block.start..block.start + 1, block.start + 1..block.end]);
            decided.extend([Some(true), Some(false)]);
        } else {
            blocks.push(block);
            decided.push(None);
        }
    }
    let mut accepted = vec![false; blocks.len()];
    for b in (0..blocks.len()).rev() {
        let next_accepted = b + 1 < blocks.len()
            && accepted[b + 1]
            && only_blanks_between(lines, blocks[b].end, blocks[b + 1].start);
        accepted[b] = decided[b].unwrap_or_else(|| is_heading(lines, &blocks[b], next_accepted, style));
    }
    // Each group with whether it is a photo's title.
    let mut groups: Vec<(Vec<Range<usize>>, bool)> = Vec::new();
    for (b, block) in blocks.iter().enumerate().filter(|(b, _)| accepted[*b]) {
        match groups.last_mut() {
            // A photo's title opens its own group: it heads the caption below it.
            Some(g)
                if b > 0
                    && accepted[b - 1]
                    && decided[b] != Some(true)
                    && g.0.last().is_some_and(|l| only_blanks_between(lines, l.end, block.start)) =>
            {
                g.0.push(block.clone());
            }
            _ => groups.push((vec![block.clone()], decided[b] == Some(true))),
        }
    }
    groups.into_iter().map(|(g, photo)| Heading { photo, ..name_parts(lines, g) }).collect()
}

/// Maximal runs of consecutive plain text lines (blank lines and other kinds end a run).
fn text_blocks(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !matches!(lines[i].kind, LineKind::Text) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && matches!(lines[i].kind, LineKind::Text) && lines[i].trailing.is_none() {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        out.push(start..i);
    }
    out
}

fn only_blanks_between(lines: &[Line], from: usize, to: usize) -> bool {
    lines[from..to].iter().all(|l| matches!(l.kind, LineKind::Blank))
}

/// True when a line could belong to a headline: no sentence end, no dangling comma, short.
fn headline_like(line: &Line) -> bool {
    let t = trim_spaces(line.text);
    let inner = t.trim_end_matches(['！', '？', '!', '?', '”', '’']);
    !ends_sentence(t) && !ends_continuing(t) && !inner.contains(['。', '；']) && visible_len(t) <= MAX_CHARS
}

/// True for a line that opens a subtitle with a dash (`——`).
pub(crate) fn is_subtitle(line: &Line) -> bool {
    line.text.trim_start_matches(is_space).starts_with(['—', '－', '-'])
}

/// Decides whether one text block is a headline.
/// `style` tells how the page sets its paragraphs apart.
fn is_heading(lines: &[Line], block: &Range<usize>, next_accepted: bool, style: ParagraphStyle) -> bool {
    let block_lines = &lines[block.clone()];
    let has_subtitle = block_lines.iter().any(is_subtitle);
    // A kicker ending in `：` over its headline is the one headline line that may end so.
    let labelled = block_lines.len() >= 2 && trim_spaces(block_lines[0].text).ends_with(['：', ':']);
    let headline_lines = &block_lines[usize::from(labelled)..];
    if block.len() > MAX_LINES + usize::from(has_subtitle) || !headline_lines.iter().all(headline_like) {
        return false;
    }
    if has_subtitle {
        return true;
    }
    if runs_into_caption(lines, block) {
        return false;
    }
    let prev_at = (0..block.start).rev().find(|&i| !matches!(lines[i].kind, LineKind::Blank));
    let prev = prev_at.map(|i| &lines[i]);
    let next = neighbour(lines, block.end..lines.len());
    let column = local_column(lines, block);
    // Lines that end no sentence over a blank and a dateline are the dateline's headline,
    // however wide they are set: a paragraph's last line ends its sentence.
    let over_dateline = next.is_some_and(|n| matches!(n.kind, LineKind::LeadIn(_)))
        && lines.get(block.end).is_some_and(|l| matches!(l.kind, LineKind::Blank));
    if over_dateline {
        return true;
    }
    if wrapped_like_column(block_lines, column) {
        return false;
    }
    // A full-width line that ends no sentence runs on into the block: a column break. Only
    // the last line of a run of body lines can be cut so; a line standing alone between
    // blanks is no body.
    let in_run = prev_at.is_some_and(|i| i > 0 && lines[i - 1].is_text());
    let continues_sentence =
        in_run && prev.is_some_and(|p| p.is_text() && !ends_sentence(p.content()) && p.ems >= column - SHORT);
    if continues_sentence && !next_accepted {
        return false;
    }
    let at_boundary =
        |l: Option<&Line>| l.is_none_or(|l| !l.is_text() || matches!(l.kind, LineKind::LeadIn(_)));
    // A photo caption set apart below the block starts a new item.
    let caption_next = caption_below(lines, block.end);
    if at_boundary(next)
        || next_accepted
        || caption_next
        || prev.is_none_or(|p| matches!(p.kind, LineKind::Header))
    {
        return true;
    }
    // A lead-in's body (or the rest of its bracket) goes on below it.
    if prev.is_some_and(|p| matches!(p.kind, LineKind::LeadIn(_))) {
        return false;
    }
    // Below a byline comes body; only a bracketed closing credit can precede a headline.
    if prev.is_some_and(|p| matches!(&p.kind, LineKind::Credit(c) if !c.bracketed)) {
        return false;
    }
    // A headline straight above an indented first line of body (headline first, no byline).
    // On pages that open paragraphs flush, a full line is a paragraph's first line that a
    // column's end broke off; where paragraphs are indented, no first line is full.
    let broken = !style.indented && block_lines.iter().all(|l| l.ems >= column - FULL);
    let opens_paragraph = !broken
        && next
            .is_some_and(|n| (column - SHORT..=column - INDENT).contains(&n.ems) && !ends_sentence(n.text));
    let wide = block_lines.iter().any(|l| l.ems > column + WIDE);
    let short = block_lines.iter().all(|l| l.ems < column - SHORT);
    // Body text fills its lines up to a paragraph's end: a block whose first line stops far
    // short, over one headline-length line, is a kicker over its headline.
    let kicker_over_headline = matches!(block_lines, [_, second] if visible_len(second.text) <= KICKED_HEADLINE_CHARS)
        && opens_with_kicker(block_lines);
    // On pages that set paragraphs apart with blank lines and open them flush, a line alone
    // between blanks, short of the column, after a paragraph that ended, is a headline: a
    // paragraph ends its sentence, and a column's break leaves a full line.
    let alone = style.blank_ends_paragraph()
        && block.len() == 1
        && block.start > 0
        && matches!(lines[block.start - 1].kind, LineKind::Blank)
        && lines.get(block.end).is_some_and(|l| matches!(l.kind, LineKind::Blank))
        && prev.is_some_and(|p| ends_sentence(p.content()))
        && block_lines[0].ems < column - INDENT
        && !block_lines[0].text.starts_with(is_space);
    wide || short || opens_paragraph || kicker_over_headline || alone
}

/// Longest headline line, in characters, that a kicker set straight above it is read with; a
/// longer line below a short one is a photo's caption under its title.
const KICKED_HEADLINE_CHARS: usize = 24;

/// Most lines of a photo caption looked for below a block.
const CAPTION_LINES: usize = 4;

/// True when a photo caption stands below line `end`, after a blank line: a few text lines
/// closed by a caption credit, at the end of the last line (`… ■ 本报记者 X`) or on a line of
/// its own just after (`本报通讯员 X 摄`).
fn caption_below(lines: &[Line], end: usize) -> bool {
    if lines.get(end).is_none_or(|l| !matches!(l.kind, LineKind::Blank)) {
        return false;
    }
    let mut rest = lines[end..].iter().skip_while(|l| matches!(l.kind, LineKind::Blank));
    for _ in 0..CAPTION_LINES {
        let Some(line) = rest.next().filter(|l| matches!(l.kind, LineKind::Text)) else {
            return false;
        };
        if let Some((_, c)) = line.trailing.as_deref() {
            return c.closes_caption();
        }
        if let Some(LineKind::Credit(c)) = rest.clone().next().map(|l| &l.kind) {
            return c.closes_caption();
        }
    }
    false
}

/// True when a block runs straight on into the line a caption credit closes, at least as wide
/// as that line's text: the caption's first lines, not its title (a title falls short of its
/// caption's lines, see [`heads_caption`]).
fn runs_into_caption(lines: &[Line], block: &Range<usize>) -> bool {
    let Some(next) = lines.get(block.end).filter(|l| matches!(l.kind, LineKind::Text)) else {
        return false;
    };
    let closes = next.trailing.as_deref().is_some_and(|(_, c)| c.closes_caption());
    closes && lines[block.end - 1].ems >= crate::text::ems(next.content()) - FULL
}

/// Most lines of a titled photo caption below its title.
const TITLED_CAPTION_LINES: usize = 8;

/// True when a block opens with a photo's title set straight above its caption: a headline
/// line well short of the few wider lines below it, which a credit with a role or a caption
/// mark closes (an author's bare name closes no caption), at the end of the last line
/// (`… 记者 X 摄`) or on the line just after, or after further caption paragraphs (see
/// [`caption_closing`]).
fn heads_caption(lines: &[Line], block: &Range<usize>) -> bool {
    let (first, rest) = (&lines[block.start], &lines[block.start + 1..block.end]);
    let caption = rest.iter().map(|l| l.ems).fold(0.0, f32::max);
    let before: Vec<f32> = lines[block.start.saturating_sub(WINDOW)..block.start]
        .iter()
        .filter(|l| l.is_text())
        .map(|l| l.ems)
        .collect();
    // Further paragraphs belong to a caption set wider than the columns before it.
    let spans_columns = !before.is_empty() && caption > column_width(&before) + WIDE;
    let closing = caption_closing(lines, block.end, rest.len(), spans_columns.then_some(caption));
    let credit = closing.and_then(|l| match (&l.kind, l.trailing.as_deref()) {
        (_, Some((_, c))) => Some(c),
        (LineKind::Credit(c), None) => Some(&**c),
        _ => None,
    });
    let closed = credit.is_some_and(|c| c.has_role || c.closes_caption());
    // A caption line is measured without the credit that closes it.
    let width = |l: &Line| if l.trailing.is_some() { crate::text::ems(l.content()) } else { l.ems };
    let widest = rest.iter().chain(closing).map(width).fold(0.0, f32::max);
    !rest.is_empty()
        && rest.len() < TITLED_CAPTION_LINES
        && closed
        && headline_like(first)
        && !is_subtitle(&lines[block.start + 1])
        && (first.ems <= widest * KICKER_RATIO || first.ems <= widest - TITLE_SHORTFALL)
}

/// The line that closes a caption whose block ends at `end` after `count` caption lines: the
/// line just after it, or, when the caption is set `wide` across columns, one past further
/// paragraphs that single blank lines set apart, no line wider than the caption's, the
/// caption staying short in all.
fn caption_closing<'l, 'a>(
    lines: &'l [Line<'a>],
    end: usize,
    mut count: usize,
    wide: Option<f32>,
) -> Option<&'l Line<'a>> {
    for i in end..lines.len() {
        let line = &lines[i];
        // A credit closes the caption text it stands against; one after a blank line is the
        // byline of a story under a headline.
        let after_blank = i > end && matches!(lines[i - 1].kind, LineKind::Blank);
        let credit = match line.kind {
            LineKind::Credit(_) => true,
            LineKind::Text => line.trailing.is_some(),
            _ => false,
        };
        if credit {
            return (!after_blank).then_some(line);
        }
        match line.kind {
            LineKind::Blank if !after_blank => {}
            LineKind::Text
                if i > end
                    && wide.is_some_and(|w| line.ems <= w + FULL)
                    && count + 1 < TITLED_CAPTION_LINES =>
            {
                count += 1;
            }
            _ => return None,
        }
    }
    None
}

/// Em by which a photo's title, however long, falls short of its caption's full lines: a
/// caption's own first line fills the line, or is indented by two.
const TITLE_SHORTFALL: f32 = 3.0;

/// Two or more lines wrapped at the column's width are body text, not a headline.
fn wrapped_like_column(block_lines: &[Line], column: f32) -> bool {
    block_lines.len() >= 2
        && block_lines[0].ems >= column - SHORT
        && block_lines[1..].iter().all(|l| (l.ems - column).abs() <= 1.0)
}

/// The nearest non-blank line in the given order.
fn neighbour<'l, 'a>(lines: &'l [Line<'a>], mut order: impl Iterator<Item = usize>) -> Option<&'l Line<'a>> {
    order.find(|&i| !matches!(lines[i].kind, LineKind::Blank)).map(|i| &lines[i])
}

/// The column width of the text lines around a block.
fn local_column(lines: &[Line], block: &Range<usize>) -> f32 {
    let before = lines[block.start.saturating_sub(WINDOW)..block.start].iter();
    let after = lines[block.end..(block.end + WINDOW).min(lines.len())].iter();
    let widths: Vec<f32> = before.chain(after).filter(|l| l.is_text()).map(|l| l.ems).collect();
    column_width(&widths)
}

/// Endings of the place and organisation names that a kicker line gives on its own
/// (`高新区`, `柳林镇`, `福华街办事处`, `新罗交警大队`).
const NAME_ENDINGS: &[&str] =
    &["区", "县", "市", "镇", "乡", "村", "街道", "社区", "办事处", "大队", "支队", "医院", "学校", "中心"];
/// Longest kicker line, in characters, that is read as a name by its ending.
const NAME_KICKER_CHARS: usize = 10;
/// A first line this much narrower than the next, or narrower still, is a kicker: a wrapped
/// headline fills its first line.
const KICKER_RATIO: f32 = 0.6;

/// True when the first line of a headline block is a kicker set straight above the headline
/// rather than the headline's first wrapped line: a label ending in `：`, a series label with
/// `·`, a place or organisation name, or a line far shorter than the next.
fn opens_with_kicker(block_lines: &[Line]) -> bool {
    let [first, second, ..] = block_lines else {
        return false;
    };
    // A line opening with punctuation that closes a phrase carries on the line above.
    let carries_on = trim_spaces(second.text).starts_with(['：', ':', '，', '、', '”', '）', '》']);
    if is_subtitle(second) || carries_on {
        return false;
    }
    let t = trim_spaces(first.text);
    let named = visible_len(t) <= NAME_KICKER_CHARS && NAME_ENDINGS.iter().any(|e| t.ends_with(e));
    t.ends_with(['：', ':']) || t.contains(['·', '•']) || named || first.ems <= second.ems * KICKER_RATIO
}

/// Shortest phrase, in characters, of a headline in two phrases.
const PHRASE_CHARS: usize = 3;

/// True for a line of two or three phrases set apart by spaces, each a few ideographs long:
/// the parallel headline of Chinese papers. Letter-spacing leaves single characters instead.
fn paired_phrases(line: &str) -> bool {
    let phrases: Vec<&str> = line.split(is_space).filter(|p| !p.is_empty()).collect();
    (2..=3).contains(&phrases.len())
        && phrases.iter().all(|p| p.chars().count() >= PHRASE_CHARS && p.chars().all(crate::text::is_cjk))
}

/// Names the parts of a headline group: a `——` line starts the subtitle, which takes every
/// line after it; of the blocks before, a lone block is the headline, otherwise the first is
/// the kicker, the next the headline and any further blocks open the subtitle. A kicker set
/// straight above its headline, with no blank line between, counts as a block of its own.
/// Lone characters are pieces of a broken name, and a group they close is signed: its headline
/// is the block above the name.
pub(crate) fn name_parts(lines: &[Line], blocks: Vec<Range<usize>>) -> Heading {
    let span = blocks.first().map_or(0, |b| b.start)..blocks.last().map_or(0, |b| b.end);
    let mut main: Vec<String> = Vec::new();
    let mut subtitle: Option<String> = None;
    let mut fragment: Option<String> = None;
    // A lone character closing the group's last block is a piece of the author's name set
    // under the headline: the group is signed.
    let signed = blocks.last().is_some_and(|b| b.len() >= 2 && lone_character(&lines[b.end - 1]));
    for (b, block) in blocks.iter().enumerate() {
        if let [line] = &lines[block.clone()] {
            let t = tidy_phrase(line.text);
            if visible_len(&t) == 1 && subtitle.is_none() {
                fragment.get_or_insert_with(String::new).push_str(&t);
                continue;
            }
        }
        let signature = signed && b + 1 == blocks.len();
        let block = if signature { block.start..block.end - 1 } else { block.clone() };
        if signature {
            fragment.get_or_insert_with(String::new).push_str(&tidy_phrase(lines[block.end].text));
        }
        for (k, line) in lines[block.clone()].iter().enumerate() {
            let t = tidy_phrase(line.text);
            match (&mut subtitle, is_subtitle(line)) {
                (Some(s), _) => s.push_str(&t),
                (None, true) => subtitle = Some(t),
                // A headline of two phrases set apart (`社区服务获认可 居民送温暖`) is whole on
                // its line: the line below it is its subtitle, not its wrapped end.
                (None, false)
                    if k > 0 && main.len() == 1 && paired_phrases(lines[block.start + k - 1].text) =>
                {
                    subtitle = Some(t);
                }
                (None, false) => {
                    let kicker_above = k == 1 && main.len() == 1 && opens_with_kicker(&lines[block.clone()]);
                    match main.last_mut() {
                        Some(m) if k > 0 && !kicker_above => m.push_str(&t),
                        _ => main.push(t),
                    }
                }
            }
        }
    }
    // Over an author's name the headline is the block just above it, and the blocks before
    // it make the kicker (`既…` / `又…`).
    if signed && main.len() > 2 {
        let title = main.pop().unwrap_or_default();
        main = vec![main.concat(), title];
    }
    let mut parts = main.into_iter();
    let (kicker, title) = match (parts.next(), parts.next()) {
        (Some(t), None) => (None, Some(t)),
        (k, t) => (k, t),
    };
    // Blocks past the headline, then the `——` lines: nothing printed is left out.
    let rest: String = parts.chain(subtitle).collect();
    let subtitle = (!rest.is_empty()).then_some(rest);
    Heading { lines: span, kicker, title, subtitle, blocks, fragment, photo: false, signed }
}

/// True for a line that holds one character and nothing else.
fn lone_character(line: &Line) -> bool {
    visible_len(trim_spaces(line.text)) == 1
}
