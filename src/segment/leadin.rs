//! Lead-ins: the `本报讯（记者 X）` opening of a news item and its variants.
//!
//! Variants handled: `本报讯`, `本报河湾讯`, `本报7月6日讯`, `本网讯`, `河湾新闻网讯`, a marker
//! before the dateline (`◆本报讯`), an agency dateline ending in `电`,
//! half- or full-width brackets, spaces anywhere, and a bracket that runs over a line break
//! (even in the middle of a name: `林秋` / `月）`).

use crate::segment::byline::{Credit, is_marker, parse_credit};
use crate::text::{is_cjk, is_space, tidy_phrase, trim_spaces};

/// A recognised lead-in at the start of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadIn {
    /// The credit in the bracket, when it names people.
    pub credit: Option<Credit>,
    /// The lead-in as printed, dateline and bracket (`本报讯（记者 X）`), spaces tidied: the
    /// `byline` field's text for it.
    pub printed: String,
    /// Index (into the lines given) of the line on which the body text begins.
    pub body_line: usize,
    /// Byte offset within that line where the body text begins.
    pub body_offset: usize,
}

/// Longest dateline before `讯`/`电`, in characters.
const MAX_PREFIX: usize = 16;

/// Recognises a lead-in at the start of `lines[0]`, reading on into the following lines
/// when the bracket is not closed on the first one.
pub fn lead_in(lines: &[&str]) -> Option<LeadIn> {
    let first = *lines.first()?;
    let start = first.len() - first.trim_start_matches(is_space).len();
    let (after_mark, agency) = dateline_end(&first[start..])?;
    let mut pos = start + after_mark;
    pos += first[pos..].len() - first[pos..].trim_start_matches(is_space).len();
    let opens = first[pos..].starts_with(['（', '(']);
    if !opens {
        // An agency dateline without a credit bracket is too easily ordinary prose.
        let body_offset = skip_colon(first, pos);
        let printed = tidy_phrase(trim_spaces(&first[start..body_offset]));
        return (!agency).then_some(LeadIn { credit: None, printed, body_line: 0, body_offset });
    }
    let open = first[pos..].chars().next().unwrap_or('（');
    let (inner, close, body_line, body_offset) = bracket_text(lines, 0, pos + open.len_utf8())?;
    let credit = parse_credit(&inner);
    let printed =
        format!("{}{open}{}{close}", tidy_phrase(trim_spaces(&first[start..pos])), tidy_phrase(&inner));
    Some(LeadIn { credit, printed, body_line, body_offset })
}

/// Finds `讯` or `电` closing a dateline at the start of `s`; returns the byte offset just
/// past it and whether it is an agency (`电`) dateline.
fn dateline_end(s: &str) -> Option<(usize, bool)> {
    let mut prefix = String::new();
    for (i, c) in s.char_indices().take(MAX_PREFIX + 1) {
        if c == '讯' || c == '电' {
            let ok = if c == '讯' {
                prefix.starts_with("本报")
                    || (prefix.chars().count() >= 2
                        && (prefix.ends_with(['报', '网', '台', '刊'])
                            || prefix.contains("日报")
                            || prefix.contains('社')))
            } else {
                prefix.contains('社') || prefix.starts_with("本报")
            };
            return ok.then_some((i + c.len_utf8(), c == '电'));
        }
        if is_space(c) || (prefix.is_empty() && is_marker(c)) {
            continue;
        }
        if !(is_cjk(c) || c.is_ascii_digit()) {
            return None;
        }
        prefix.push(c);
    }
    None
}

/// Skips spaces and a colon after a dateline without a bracket.
fn skip_colon(line: &str, pos: usize) -> usize {
    let rest = &line[pos..];
    let rest2 = rest.trim_start_matches(|c| is_space(c) || c == '：' || c == ':');
    pos + rest.len() - rest2.len()
}

/// Collects the bracket text starting at `lines[line][offset..]` up to the closing bracket,
/// joining line breaks (a break between two name fragments of two or more characters becomes
/// a space, a break inside a name joins it). Returns the text, the closing bracket, and where
/// the body begins.
fn bracket_text(lines: &[&str], mut line: usize, mut offset: usize) -> Option<(String, char, usize, usize)> {
    let mut inner = String::new();
    loop {
        let text = lines.get(line)?;
        let rest = &text[offset..];
        if let Some(close) = rest.find(['）', ')']) {
            append_fragment(&mut inner, &rest[..close]);
            let bracket = rest[close..].chars().next().unwrap_or('）');
            let mut body = offset + close + bracket.len_utf8();
            body += text[body..].len() - text[body..].trim_start_matches(is_space).len();
            return Some((inner, bracket, line, body));
        }
        append_fragment(&mut inner, rest);
        line += 1;
        offset = 0;
        if line > 3 || inner.chars().count() > 60 {
            return None;
        }
    }
}

/// Appends one line's part of a bracket, deciding whether the line break separated names.
fn append_fragment(inner: &mut String, fragment: &str) {
    let fragment = trim_spaces(fragment);
    if fragment.is_empty() {
        return;
    }
    let tail_len = inner.rsplit(is_space).next().map_or(0, |t| t.chars().count());
    let head_len = fragment.split(is_space).next().map_or(0, |t| t.chars().count());
    if !inner.is_empty() && tail_len >= 2 && head_len >= 2 {
        inner.push(' ');
    }
    inner.push_str(fragment);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(l: &LeadIn) -> Vec<(String, Option<String>)> {
        l.credit.iter().flat_map(|c| c.authors.iter()).map(|a| (a.name.clone(), a.role.clone())).collect()
    }

    #[test]
    fn lead_in_variants() {
        type Case<'a> = (&'a [&'a str], &'a [(&'a str, Option<&'a str>)], &'a str);
        let cases: [Case; 14] = [
            (&["本报讯（记者 王刚）6月1日，"], &[("王刚", Some("记者"))], "6月1日，"),
            (
                &["本报讯 （通讯员 李明 赵秋", "月） 近日，"],
                &[("李明", Some("通讯员")), ("赵秋月", Some("通讯员"))],
                "近日，",
            ),
            (
                &["本报讯（记者 王刚 通讯员", "李明）近日"],
                &[("王刚", Some("记者")), ("李明", Some("通讯员"))],
                "近日",
            ),
            (&["本报讯（孙芳）市里"], &[("孙芳", None)], "市里"),
            (&["本报讯(记者 周全)今天"], &[("周全", Some("记者"))], "今天"),
            (&["本报东阿讯（记者 高山）近日"], &[("高山", Some("记者"))], "近日"),
            (&["本报7月6日讯（记者 高山）近日"], &[("高山", Some("记者"))], "近日"),
            (&["新华社北京7月5日电（记者 林海）"], &[("林海", Some("记者"))], ""),
            (&["本报讯 近日，某地召开会议"], &[], "近日，某地召开会议"),
            (
                &["本网讯（记者 陈明 通讯员 沈萍 陈婷）5月"],
                &[("陈明", Some("记者")), ("沈萍", Some("通讯员")), ("陈婷", Some("通讯员"))],
                "5月",
            ),
            (&["河湾新闻网讯（记者于珊）6月"], &[("于珊", Some("记者"))], "6月"),
            (&["◆本报讯5日上午，"], &[], "5日上午，"),
            (
                &["本报烟台讯（YMG全媒体记者 金", "海善 通讯员 牛昱婷）3月"],
                &[("金海善", Some("全媒体记者")), ("牛昱婷", Some("通讯员"))],
                "3月",
            ),
            (
                &["本报讯（通讯员 沈静萍陈梦婷）昨天"],
                &[("沈静萍", Some("通讯员")), ("陈梦婷", Some("通讯员"))],
                "昨天",
            ),
        ];
        for (lines, want, body) in cases {
            let got = lead_in(lines).unwrap_or_else(|| panic!("no lead-in: {lines:?}"));
            let want: Vec<_> = want.iter().map(|(n, r)| ((*n).to_owned(), r.map(str::to_owned))).collect();
            assert_eq!(names(&got), want, "{lines:?}");
            assert_eq!(&lines[got.body_line][got.body_offset..], body, "{lines:?}");
        }
    }

    #[test]
    fn ordinary_text_is_no_lead_in() {
        for line in ["通讯员张三说，", "本次活动电视台也来了", "据介绍，本报讯息", "近日，市里召开会议"]
        {
            assert!(lead_in(&[line]).is_none(), "{line}");
        }
    }
}
