//! Page headers and footers: date, page number, page name and editor lines.
//!
//! These lines are page metadata, not articles. They sit among the first or last few lines of
//! a page and are recognised by their furniture: a full date, a weekday, `第N版`/`A3版`, a
//! folio (the page number with the page's name, `7 理论`), or an editor's or graphic's credit
//! (`责任编辑`, `美编`, `校对`, `版式`, `制图：`). Extraction sometimes moves a running head
//! into the middle of the page text; a folio or dated line standing alone between blank lines
//! is furniture wherever it is.

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
    let trimmed: Vec<&str> = lines.iter().map(|l| trim_spaces(l)).collect();
    let filled = |&i: &usize| !trimmed[i].is_empty();
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
            out.page_no =
                out.page_no.or_else(|| find_page_no(lines[i])).or_else(|| folio(trim_spaces(lines[i])));
        }
    }
    let blank = |j: Option<usize>| j.and_then(|j| trimmed.get(j)).is_none_or(|t| t.is_empty());
    for (i, &t) in trimmed.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        let running_head = blank(i.checked_sub(1)) && blank(Some(i + 1)) && is_running_head(t);
        if running_head || is_campaign_banner(t) || overprints_next(&trimmed, i) {
            out.lines.push(i);
            out.date = out.date.or_else(|| find_date(t));
            out.page_no = out.page_no.or_else(|| folio(t));
        }
    }
    out.lines.sort_unstable();
    out.lines.dedup();
    out
}

/// True for a line that names the page and nothing else (a folio, or a date with its
/// weekday), a graphic's credit, or a briefs box's label.
fn is_running_head(line: &str) -> bool {
    let t = trim_spaces(line);
    is_folio(t)
        || (t.contains("星期") && visible_len(t) <= 20 && find_date(t).is_some())
        || (GRAPHIC_CREDITS.iter().any(|w| t.starts_with(w)) && visible_len(t) <= 20)
        || (BOX_LABEL_ENDINGS.iter().any(|w| t.ends_with(w)) && visible_len(t) <= BOX_LABEL_CHARS)
}

/// Longest line, in characters, that extraction is seen to print twice.
const OVERPRINT_CHARS: usize = 20;

/// True when trimmed line `i` repeats the text the next two lines begin with, running past
/// the first of them (`新时代：` over `新时代` / `：发展新方位`): a headline's part set in
/// another font that extraction gave once more. The copy is noise; the lines after it are
/// the headline.
fn overprints_next(trimmed: &[&str], i: usize) -> bool {
    let (Some(&this), Some(&next)) = (trimmed.get(i), trimmed.get(i + 1)) else { return false };
    // The cheap test first, as this is asked of every line: both open with the same bytes.
    if this.is_empty()
        || this.as_bytes().first() != next.as_bytes().first()
        || this.chars().next() != next.chars().next()
    {
        return false;
    }
    let bare = |l: &'_ str| l.chars().filter(|&c| !is_space(c)).count();
    let this_len = bare(this);
    let next_len = bare(next);
    if next_len == 0 || next_len >= this_len || this_len > OVERPRINT_CHARS {
        return false;
    }
    let after = trimmed.get(i + 2).copied().unwrap_or("");
    let mut following = next.chars().chain(after.chars()).filter(|&c| !is_space(c));
    this.chars().filter(|&c| !is_space(c)).all(|c| following.next() == Some(c))
}

/// Verbs of the study campaigns that a series banner names over the items it gathers
/// (`认真学习宣传贯彻党的十九大精神`).
const CAMPAIGN_VERBS: [&str; 3] = ["学习宣传贯彻", "学习贯彻", "宣传贯彻"];
/// What such a banner names last: the thing studied, or the series itself.
const CAMPAIGN_ENDINGS: [&str; 6] = ["精神", "思想", "选编", "专栏", "系列", "论述"];
/// Characters an adverb may take before the verb (`认真`, `深入`).
const CAMPAIGN_ADVERB_CHARS: usize = 2;
/// Longest series banner, in characters.
const BANNER_CHARS: usize = 40;

/// True for a series banner: a campaign verb near the start and the thing studied at the end,
/// with nothing after it. A headline that reports on such a campaign says who did what.
fn is_campaign_banner(t: &str) -> bool {
    // The endings are the cheap test, run first: this is asked of every line of a page.
    let last = t.as_bytes().last();
    if !CAMPAIGN_ENDINGS.iter().any(|e| e.as_bytes().last() == last)
        || !CAMPAIGN_ENDINGS.iter().any(|e| t.ends_with(e))
        || visible_len(t) > BANNER_CHARS
    {
        return false;
    }
    CAMPAIGN_VERBS
        .iter()
        .find_map(|v| t.find(v))
        .is_some_and(|at| t[..at].chars().count() <= CAMPAIGN_ADVERB_CHARS)
}

/// True for a folio: a page number beside a short page name (`7 理论`, `A06 社区`, `要闻 3`).
fn is_folio(t: &str) -> bool {
    let Some((number, name)) = split_folio(t) else { return false };
    let name: String = name.chars().filter(|&c| !is_space(c)).collect();
    number.is_some() && (1..=8).contains(&name.chars().count()) && name.chars().all(is_page_name_char)
}

/// The page number a furniture line opens or closes with, if any: `7 理论`, `5 综 合 2022 年…`,
/// `A06社区…`, `…城事·民生 6`.
fn folio(t: &str) -> Option<u32> {
    split_folio(t).and_then(|(number, _)| number)
}

/// A line split into the page number at its start or end and the rest. The number is one to
/// three digits, after at most one capital letter (A06), and is not part of a date.
fn split_folio(t: &str) -> Option<(Option<u32>, &str)> {
    let is_digit = |c: char| c.is_ascii_digit();
    let lead_letter = t.starts_with(|c: char| c.is_ascii_uppercase()) as usize;
    let digits = t[lead_letter..].chars().take_while(|&c| is_digit(c)).count();
    if (1..=3).contains(&digits) {
        let rest = &t[lead_letter + digits..];
        let next = rest.trim_start_matches(is_space).chars().next();
        let separated = rest.starts_with(is_space) || next.is_some_and(crate::text::is_cjk);
        if separated && next.is_some_and(|c| !NOT_AFTER_FOLIO.contains(c)) {
            return Some((t[lead_letter..lead_letter + digits].parse().ok(), rest));
        }
    }
    let digits = t.chars().rev().take_while(|&c| is_digit(c)).count();
    let rest = &t[..t.len() - digits];
    if (1..=3).contains(&digits) && rest.ends_with(is_space) {
        let before = rest.trim_end_matches(is_space).chars().next_back();
        if before.is_some_and(|c| crate::text::is_cjk(c) && !"年月日第".contains(c)) {
            return Some((t[t.len() - digits..].parse().ok(), rest));
        }
    }
    None
}

/// What follows a number that is not a page number: a date's or a count's unit (3 人, 12 个).
const NOT_AFTER_FOLIO: &str = "年月日版期.、．%个人名项家条次位件种所户万亿元吨天岁多余届倍米";

/// A character of a page's name (理论, 城事·民生).
fn is_page_name_char(c: char) -> bool {
    crate::text::is_cjk(c) || c == '·'
}

/// Endings of the labels over a box of brief items (`简讯`, `社区简讯`, `信息快递`): the
/// label names the box, and each item in it has no headline of its own.
const BOX_LABEL_ENDINGS: [&str; 10] =
    ["简讯", "快讯", "短讯", "速递", "快递", "简报", "动态", "资讯", "播报", "集锦"];
/// Longest box label, in characters.
const BOX_LABEL_CHARS: usize = 8;

/// Credits of a page's graphics, which stand wherever the graphic does.
const GRAPHIC_CREDITS: [&str; 3] = ["制图：", "制图:", "制图/"];

/// True for a line made of page furniture rather than news text.
pub fn is_furniture(line: &str) -> bool {
    let t = trim_spaces(line);
    if t.is_empty() || visible_len(t) > 60 || ends_sentence(t) {
        return false;
    }
    const EDITOR_WORDS: [&str; 8] =
        ["责任编辑", "编辑：", "编辑:", "美编", "校对", "版式", "组版", "本版编辑"];
    EDITOR_WORDS.iter().any(|w| t.contains(w))
        || GRAPHIC_CREDITS.iter().any(|w| t.starts_with(w))
        || is_folio(t)
        || (find_date(t).is_some() && folio(t).is_some())
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
    fn running_heads_in_many_shapes() {
        let cases = [
            ("7 理论", true, Some(7)),
            ("要闻 3", true, Some(3)),
            ("5 综 合 2022 年 3 月 8 日 星期二 责任编辑：王 伟 组版：李 娜 校对：张 强", true, Some(5)),
            ("6 2021年9月15日 星期三 城事·民生", true, Some(6)),
            ("A06社区宁波晚报2019年3月6日 编辑 蒋红", true, Some(6)),
            ("值班编委/刘洋 本版编辑/王芳 美编/赵磊 文检/孙丽", true, None),
            ("制图：李姿阅", true, None),
            ("2018 年 1 月 10 日 星期三", true, None),
            ("12 个社区", false, None),
            ("3 人受伤。", false, None),
            ("2023年工作要点", false, None),
        ];
        for (line, furniture, page_no) in cases {
            assert_eq!(is_furniture(line), furniture, "{line}");
            let h = find_header(&[line, "", "正文第一段，写得很长很长很长。"]);
            assert_eq!(h.page_no, page_no, "{line}");
        }
    }

    #[test]
    fn a_running_head_standing_alone_mid_page_is_furniture() {
        let page =
            ["7 理论", "", "2018 年 1 月 17 日 星期三", "", "标题", "正文一。", "", "理论 7", "", "正文二。"];
        let h = find_header(&page);
        assert_eq!(h.lines, vec![0, 2, 7]);
        assert_eq!((h.date.as_deref(), h.page_no), (Some("2018-01-17"), Some(7)));
        // Inside a paragraph, the same words are text.
        assert!(find_header(&["标题", "正文一", "理论 7", "正文二。"]).lines.is_empty());
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
