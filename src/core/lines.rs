//! First pass over a page: what each line is on its own (blank, page furniture, credit,
//! lead-in or text), its printed width, and any caption credit at its end.

use super::byline::{Credit, credit_line, split_trailing_credit};
use super::header::PageHeader;
use super::leadin::{LeadIn, lead_in};
use super::text::{ems, is_space};

/// What a line is, judged from the line itself and, for lead-ins, the next few lines.
#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    /// Empty or only spaces.
    Blank,
    /// Page furniture (date, page number, editor).
    Header,
    /// A credit line of its own (`■ 本报记者 X`).
    Credit(Credit),
    /// The first line of a body that opens with `本报讯（…）`.
    LeadIn(LeadIn),
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
    /// Printed width in em (see [`super::text::ems`]).
    pub ems: f32,
    /// A credit closing the line (`…花篮。 ■ 本报通讯员 X`): byte offset where it starts, and
    /// the credit.
    pub trailing: Option<(usize, Credit)>,
}

impl Line<'_> {
    /// True for lines that may be body text or headline.
    pub fn is_text(&self) -> bool {
        matches!(self.kind, LineKind::Text | LineKind::LeadIn(_))
    }

    /// The line's text without any trailing credit.
    pub fn content(&self) -> &str {
        match &self.trailing {
            Some((cut, _)) => &self.text[..*cut],
            None => self.text,
        }
    }
}

/// Classifies every line of a page.
pub fn classify<'a>(lines: &[&'a str], header: &PageHeader) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    for (i, &text) in lines.iter().enumerate() {
        let kind = kind_of(lines, i, header);
        let trailing = match &kind {
            LineKind::Text => split_trailing_credit(text).map(|(body, c)| (body.len(), c)),
            // Only the body after a lead-in's bracket may end in a credit.
            LineKind::LeadIn(l) if l.body_line == 0 => split_trailing_credit(&text[l.body_offset..])
                .filter(|(body, _)| !body.trim_matches(is_space).is_empty())
                .map(|(body, c)| (l.body_offset + body.len(), c)),
            _ => None,
        };
        out.push(Line { text, kind, ems: ems(text), trailing });
    }
    out
}

/// The kind of line `i`.
fn kind_of(lines: &[&str], i: usize, header: &PageHeader) -> LineKind {
    let text = lines[i];
    if text.trim_matches(is_space).is_empty() {
        return LineKind::Blank;
    }
    if header.lines.binary_search(&i).is_ok() {
        return LineKind::Header;
    }
    if let Some(credit) = credit_line(text) {
        return LineKind::Credit(credit);
    }
    let head = text.trim_start_matches(is_space).chars().take(18);
    if !head.clone().any(|c| c == '讯' || c == '电') {
        return LineKind::Text;
    }
    let following: Vec<&str> = std::iter::once(text)
        .chain(lines[i + 1..].iter().copied().filter(|l| !l.trim_matches(is_space).is_empty()).take(3))
        .collect();
    match lead_in(&following) {
        Some(l) => LineKind::LeadIn(l),
        None => LineKind::Text,
    }
}
