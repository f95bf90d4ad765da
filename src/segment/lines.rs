//! First pass over a page: what each line is on its own (blank, page furniture, credit,
//! lead-in or text), its printed width, and any caption credit at its end.

use crate::segment::byline::{
    Credit, author_note, credit_line, ends_photo_credit, is_marker, may_open_credit, opens_author_note,
    split_trailing_credit,
};
use crate::segment::header::PageHeader;
use crate::segment::jump;
use crate::segment::leadin::{LeadIn, lead_in};
use crate::text::{char_halves, is_space, trim_spaces, visible_len};

/// What a line is, judged from the line itself and, for lead-ins, the next few lines.
#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    /// Empty or only spaces.
    Blank,
    /// Page furniture (date, page number, editor).
    Header,
    /// A credit line of its own (`■ 本报记者 X`).
    Credit(Box<Credit>),
    /// The first line of a body that opens with `本报讯（…）`.
    LeadIn(Box<LeadIn>),
    /// A later line of such a lead-in, whose bracket runs over a line break: body text, but
    /// never a headline, credit or anything else on its own.
    Continued,
    /// The rest of a bracketed credit or author's note that began on the line before and
    /// wrapped onto this one (`…三十余吨。（` / `谢达成）`): neither body text nor a credit of
    /// its own.
    CreditTail,
    /// A jump line alone (`（下转第3版）`, `（上接第1版）`): it closes an article's part, or
    /// opens one (`onward` false), and is never a headline.
    Jump {
        /// True when the article goes on on another page, false when it comes from there.
        onward: bool,
    },
    /// Anything else: body text or headline.
    Text,
}

/// One classified page line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    /// The raw line.
    pub text: &'a str,
    /// Its kind.
    pub kind: LineKind,
    /// Printed width in em (see [`crate::text::ems`]).
    pub ems: f32,
    /// A credit closing the line (`…花篮。 ■ 本报通讯员 X`): byte offset where it starts, and
    /// the credit.
    pub trailing: Option<Box<(usize, Credit)>>,
}

impl<'a> Line<'a> {
    /// True for lines that may be body text or headline.
    pub fn is_text(&self) -> bool {
        matches!(self.kind, LineKind::Text | LineKind::LeadIn(_) | LineKind::Continued)
    }

    /// The line's text without any trailing credit.
    pub fn content(&self) -> &'a str {
        match self.trailing.as_deref() {
            Some((cut, _)) => &self.text[..*cut],
            None => self.text,
        }
    }
}

/// What one pass over a line's bytes tells: its width, and whether it may hold a credit
/// marker or a dateline. Most lines are plain body text; this lets them skip the slower tests.
struct Scan {
    ems: f32,
    marker: bool,
    dateline: bool,
    /// A role word's last character (者 of 记者, 员 of 通讯员) among the first bytes.
    role: bool,
    /// A sentence's end (。！？) anywhere.
    sentence_end: bool,
}

/// Scans a line once. Widths follow [`crate::text::ems`]; markers are the 0xE2-led symbols
/// of [`crate::segment::byline::is_marker`]; a dateline has 讯 or 电 in its first eighteen
/// characters, and a paper's credit a role word (`烟台晚报全媒体记者`).
fn scan(text: &str) -> Scan {
    let b = text.as_bytes();
    let (mut halves, mut marker, mut dateline) = (0u32, false, false);
    let (mut role, mut sentence_end) = (false, false);
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        // Ideographs (U+4000–U+9FFF), most of any page, take the first and cheapest branch;
        // a dateline's 讯 (E8 AE AF) and 电 (E7 94 B5), and a role's 者 (E8 80 85) and 员
        // (E5 91 98), are among them.
        if (0xE4..=0xE9).contains(&lead) {
            if i < HEAD_BYTES && matches!(lead, 0xE5 | 0xE7 | 0xE8) {
                let tail = (b.get(i + 1).copied().unwrap_or(0), b.get(i + 2).copied().unwrap_or(0));
                dateline |= matches!((lead, tail), (0xE8, (0xAE, 0xAF)) | (0xE7, (0x94, 0xB5)));
                role |= matches!((lead, tail), (0xE8, (0x80, 0x85)) | (0xE5, (0x91, 0x98)));
            }
            halves += 2;
            i += 3;
            continue;
        }
        if lead < 0x80 {
            halves += u32::from(lead != b' ' && lead != b'\t');
            i += 1;
            continue;
        }
        let (len, width) = match lead {
            0xC0..=0xDF => (2, 1),
            0xE0..=0xEF => {
                let (b1, b2) = (b.get(i + 1).copied().unwrap_or(0), b.get(i + 2).copied().unwrap_or(0));
                marker |= lead == 0xE2
                    && matches!((b1, b2), (0x96 | 0x97, _) | (0x98, 0x85 | 0x86) | (0x80, 0xBB | 0xA2));
                // 。 is E3 80 82; ！ and ？ are EF BC 81 and EF BC 9F.
                sentence_end |= matches!((lead, b1, b2), (0xE3, 0x80, 0x82) | (0xEF, 0xBC, 0x81 | 0x9F));
                (3, char_halves(lead, b1, b2))
            }
            0xF0..=0xF7 => (4, 2),
            _ => (1, 0),
        };
        halves += width;
        i += len;
    }
    Scan { ems: halves as f32 / 2.0, marker, dateline, role, sentence_end }
}

/// Bytes at a line's start that a dateline (`本报北京3月5日电`) or a paper's name and role
/// word (`烟台晚报全媒体记者`) may take: eighteen ideographs.
const HEAD_BYTES: usize = 54;
/// Longest line, in bytes, that may be a personal name alone: four ideographs, letter-spaced.
const NAME_LINE_BYTES: usize = 4 * 3 * 2;

impl Scan {
    /// A cheap test that spares most body lines the reading of [`credit_line`], which makes
    /// the same tests and more: a credit holds no sentence end, and opens like one, closes
    /// with `摄`, is as short as a name, or has a role word near its start.
    fn may_be_credit(&self, text: &str) -> bool {
        !self.sentence_end
            && (self.role
                || text.len() <= NAME_LINE_BYTES
                || text.ends_with('摄')
                || text.starts_with(may_open_credit))
    }
}

/// Classifies every line of a page.
pub fn label_lines<'a>(lines: &[&'a str], header: &PageHeader) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    // The lines a lead-in's bracket has taken: the last one's index, and the byte offset
    // where the body begins on it.
    let mut claimed: Option<(usize, usize)> = None;
    for (i, &text) in lines.iter().enumerate() {
        let scan = scan(text);
        let kind = match claimed {
            Some((last, _)) if i <= last && !trim_spaces(text).is_empty() => LineKind::Continued,
            _ => kind_of(lines, i, header, &scan),
        };
        let mut body_from = None;
        match &kind {
            LineKind::LeadIn(l) if l.body_line > 0 => {
                let last = continuation(lines, i, header).nth(l.body_line - 1);
                claimed = last.map(|last| (last, l.body_offset));
            }
            LineKind::LeadIn(l) => body_from = Some(l.body_offset),
            LineKind::Continued => body_from = claimed.filter(|&(last, _)| last == i).map(|(_, at)| at),
            LineKind::Text => body_from = Some(0),
            _ => {}
        }
        // Only the body after a lead-in's bracket may end in a credit.
        let may_close = |t: &str| scan.marker || t.trim_end().ends_with(['）', ')']) || ends_photo_credit(t);
        let trailing = body_from.filter(|_| may_close(text)).and_then(|from| {
            split_trailing_credit(&text[from..])
                .filter(|(body, _)| from == 0 || !trim_spaces(body).is_empty())
                .map(|(body, c)| Box::new((from + body.len(), c)))
        });
        out.push(Line { text, kind, ems: scan.ems, trailing });
    }
    mend_wrapped_credits(&mut out);
    out
}

/// Longest rest of a wrapped credit, in characters: a name or two and the closing bracket.
const CREDIT_TAIL_CHARS: usize = 10;
/// Most blank lines a column break leaves between the parts of a wrapped credit.
const CREDIT_GAP: usize = 2;

/// Finds the credits that close a body but that no line shows whole: a bracket of names
/// opening on one line and closing on the next, short one, and an author's note
/// (`（作者为…）`) on lines of its own, which may wrap once.
fn mend_wrapped_credits(lines: &mut [Line]) {
    for j in 0..lines.len() {
        let (before, after) = lines.split_at_mut(j);
        let line = &mut after[0];
        if !matches!(line.kind, LineKind::Text | LineKind::Credit(_)) || line.trailing.is_some() {
            continue;
        }
        if opens_author_note(line.text) {
            if let Some(note) = author_note(line.text) {
                line.kind = LineKind::Text;
                line.trailing = Some(Box::new((0, note)));
            }
            continue;
        }
        // A column break may fall inside the bracket: blank lines may stand between its parts.
        let Some(prev) =
            before.iter_mut().rev().take(CREDIT_GAP + 1).find(|l| !matches!(l.kind, LineKind::Blank))
        else {
            continue;
        };
        if !matches!(line.kind, LineKind::Text) || !prev.is_text() {
            continue;
        }
        let tail = trim_spaces(line.text);
        if !tail.ends_with(['）', ')']) || tail.contains(['（', '(']) || visible_len(tail) > CREDIT_TAIL_CHARS
        {
            continue;
        }
        let head = prev.text.trim_end_matches(is_space);
        let joined = format!("{head}{tail}");
        let credit = match prev.trailing.as_deref() {
            Some(_) => continue,
            None if opens_author_note(head) => author_note(&joined).map(|note| (0, note)),
            None => {
                let Some(open) = head.rfind(['（', '(']).filter(|&o| !head[o..].contains(['）', ')']))
                else {
                    continue;
                };
                split_trailing_credit(&joined)
                    .filter(|(body, c)| c.bracketed && body.len() == open)
                    .map(|(_, c)| (open, c))
            }
        };
        let Some((open, credit)) = credit else { continue };
        prev.trailing = Some(Box::new((open, credit.clone())));
        line.kind = LineKind::CreditTail;
        line.trailing = Some(Box::new((0, credit)));
    }
}

/// The lines a lead-in on line `i` may continue on: the next non-blank lines, up to a page
/// header line or a line opening with a credit marker (`■ 记者 X` stands on its own).
fn continuation<'l>(lines: &'l [&str], i: usize, header: &'l PageHeader) -> impl Iterator<Item = usize> + 'l {
    (i + 1..lines.len())
        .filter(|&j| !trim_spaces(lines[j]).is_empty())
        .take_while(|&j| {
            header.lines.binary_search(&j).is_err() && !trim_spaces(lines[j]).starts_with(is_marker)
        })
        .take(3)
}

/// The kind of line `i`.
fn kind_of(lines: &[&str], i: usize, header: &PageHeader, scan: &Scan) -> LineKind {
    let text = trim_spaces(lines[i]);
    if text.is_empty() {
        return LineKind::Blank;
    }
    if header.lines.binary_search(&i).is_ok() {
        return LineKind::Header;
    }
    if let Some(onward) = jump::alone(text) {
        return LineKind::Jump { onward };
    }
    if let Some(credit) = scan.may_be_credit(text).then(|| credit_line(text)).flatten() {
        return LineKind::Credit(Box::new(credit));
    }
    if !scan.dateline {
        return LineKind::Text;
    }
    let following: Vec<&str> =
        std::iter::once(lines[i]).chain(continuation(lines, i, header).map(|j| lines[j])).collect();
    match lead_in(&following) {
        Some(l) => LineKind::LeadIn(Box::new(l)),
        None => LineKind::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::ems;

    #[test]
    fn scan_agrees_with_the_character_tests() {
        let lines = [
            "本报讯（记者 王刚）6月1日，",
            "…花篮。 ■ 本报通讯员 王五",
            "“党旗红·生态美”，６月　18日 𠀋 豈 ※注 •点 ☆星",
            "新华社北京7月5日电",
            "一二三四五六七八九十一二三四五六七八电",
            "",
        ];
        for line in lines {
            let got = scan(line);
            assert_eq!(got.ems, ems(line), "{line}");
            assert_eq!(got.marker, line.contains(is_marker), "{line}");
            let head = &line[..line.floor_char_boundary(54)];
            assert_eq!(got.dateline, head.contains(['讯', '电']), "{line}");
        }
    }
}
