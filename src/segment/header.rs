//! Page headers and footers: date, page number, page name and editor lines.
//!
//! These lines are page metadata, not articles. They sit among the first or last few lines of
//! a page and are recognised by their furniture: a full date, a weekday, `第N版`/`A3版`, or an
//! editor's credit (`责任编辑`, `美编`, `校对`, `版式`).

use crate::text::{ends_sentence, is_space, trim_spaces, visible_len};

/// How many non-blank lines at the top, and at the bottom, may be page furniture.
const TOP_LINES: usize = 5;
const BOTTOM_LINES: usize = 3;

/// Header lines found on a page and the metadata read from them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHeader {
    /// 0-based indices of the header lines.
    pub lines: Vec<usize>,
    /// Date printed in the header, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Printed page number.
    pub page_no: Option<u32>,
}

/// Finds header and footer lines among the page's first and last non-blank lines.
pub fn find_header(lines: &[&str]) -> PageHeader {
    let filled = |&i: &usize| !trim_spaces(lines[i]).is_empty();
    let mut out = PageHeader::default();
    let top: Vec<usize> = (0..lines.len()).filter(filled).take(TOP_LINES).collect();
    let bottom: Vec<usize> = (0..lines.len()).rev().filter(filled).take(BOTTOM_LINES).collect();
    for run in [top, bottom] {
        for &i in &run {
            if !is_furniture(lines[i]) {
                break;
            }
            out.lines.push(i);
            out.date = out.date.or_else(|| find_date(lines[i]));
            out.page_no = out.page_no.or_else(|| find_page_no(lines[i]));
        }
    }
    out.lines.sort_unstable();
    out.lines.dedup();
    out
}

/// True for a line made of page furniture rather than news text.
pub fn is_furniture(line: &str) -> bool {
    let t = trim_spaces(line);
    if t.is_empty() || visible_len(t) > 60 || ends_sentence(t) {
        return false;
    }
    const EDITOR_WORDS: [&str; 8] =
        ["责任编辑", "编辑：", "编辑:", "美编", "校对", "版式", "组版", "本版编辑"];
    EDITOR_WORDS.iter().any(|w| t.contains(w))
        || (find_date(t).is_some()
            && (t.contains("星期")
                || find_page_no(t).is_some()
                || (visible_len(t) <= 16 && !t.contains('，'))))
        || find_page_no(t).is_some()
}

/// Reads a date written `2023年7月10日`, `2023-07-10`, `2023.07.10` or `2023/7/10`.
pub fn find_date(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|&c| !is_space(c)).collect();
    let chars: Vec<char> = compact.chars().collect();
    for start in 0..chars.len() {
        if let Some(date) = date_at(&chars[start..]) {
            return Some(date);
        }
    }
    None
}

/// Reads a date at the very start of `c`.
fn date_at(c: &[char]) -> Option<String> {
    let (year, rest) = digits(c, 4, 4)?;
    let (sep_y, rest) = rest.split_first()?;
    let (month, rest) = digits(rest, 1, 2)?;
    let (sep_m, rest) = rest.split_first()?;
    let (day, rest) = digits(rest, 1, 2)?;
    let seps_ok = match sep_y {
        '年' => *sep_m == '月' && rest.first() == Some(&'日'),
        '-' | '.' | '/' => sep_m == sep_y,
        _ => false,
    };
    let valid = (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    (seps_ok && valid).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Reads `min..=max` ASCII or full-width digits at the start of `c`.
fn digits(c: &[char], min: usize, max: usize) -> Option<(u32, &[char])> {
    let n = c.iter().take(max + 1).take_while(|d| d.is_ascii_digit() || ('０'..='９').contains(*d)).count();
    if n < min || n > max {
        return None;
    }
    let value = c[..n].iter().try_fold(0u32, |acc, &d| {
        let v = d.to_digit(10).or_else(|| ('０'..='９').contains(&d).then(|| d as u32 - '０' as u32))?;
        Some(acc * 10 + v)
    })?;
    Some((value, &c[n..]))
}

/// Reads a page number written `第3版`, `第 03 版`, `A3版` or `3版`.
pub fn find_page_no(s: &str) -> Option<u32> {
    let compact: Vec<char> = s.chars().filter(|&c| !is_space(c)).collect();
    let at = compact.iter().position(|&c| c == '版')?;
    let before = &compact[..at];
    let n = before.iter().rev().take_while(|d| d.is_ascii_digit() || ('０'..='９').contains(*d)).count();
    if n == 0 || n > 3 {
        return None;
    }
    let (value, _) = digits(&before[before.len() - n..], 1, 3)?;
    let lead = before.len().checked_sub(n + 1).map(|i| before[i]);
    let ok = matches!(lead, None | Some('第'))
        || lead.is_some_and(|c| c.is_ascii_uppercase() || is_space(c) || !crate::text::is_cjk(c));
    (ok && value > 0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_page_numbers() {
        let cases = [
            ("2023年7月10日 星期一", Some("2023-07-10"), None),
            ("第3版 党建", None, Some(3)),
            ("2023-07-10  第 03 版", Some("2023-07-10"), Some(3)),
            ("A3版·要闻", None, Some(3)),
            ("2023 年 7 月 10 日", Some("2023-07-10"), None),
            ("聊城市2023年工作要点", None, None),
        ];
        for (line, date, page) in cases {
            assert_eq!(find_date(line).as_deref(), date, "{line}");
            assert_eq!(find_page_no(line), page, "{line}");
        }
    }

    #[test]
    fn headers_at_page_edges_only() {
        let page = [
            "2023年7月10日 星期一",
            "第3版 党建 责任编辑：王某",
            "",
            "标题",
            "正文第一段。",
            "本版编辑 李某",
        ];
        let h = find_header(&page);
        assert_eq!(h.lines, vec![0, 1, 5]);
        assert_eq!(h.date.as_deref(), Some("2023-07-10"));
        assert_eq!(h.page_no, Some(3));
        let body = ["标题", "2023年7月10日，市里召开会议。"];
        assert!(find_header(&body).lines.is_empty());
    }
}
