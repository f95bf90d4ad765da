//! Jump lines: the notes that send a reader to an article's other part on another page,
//! `（下转第3版）` closing the first part and `（上接第1版）` opening the second. They are
//! page furniture, not body text; the item keeps the other part's page number.

use crate::text::{is_space, trim_spaces};

/// Words that open a jump line's bracket, each with whether the article goes on elsewhere
/// (`下转`) rather than comes from there (`上接`).
const JUMP_WORDS: [(&str, bool); 6] =
    [("下转", true), ("上接", false), ("紧接", false), ("转", true), ("接", false), ("续", false)];
/// Most characters inside a jump line's bracket (`下转第12版`, `上接A3版`).
const JUMP_CHARS: usize = 10;

/// A jump line cut from a paragraph: what is left of the paragraph, the jump line, and the
/// other part's page.
pub struct Cut {
    /// The paragraph without the jump line.
    pub rest: String,
    /// The jump line as printed.
    pub jump: String,
    /// The other part's printed page number.
    pub page: u32,
}

/// Cuts a jump line from the end of a paragraph (`…建设。（下转第3版）`).
pub fn cut_end(paragraph: &str) -> Option<Cut> {
    let t = paragraph.trim_end_matches(is_space);
    let close = t.chars().next_back().filter(|&c| c == '）' || c == ')')?;
    let open = t.rfind(if close == '）' { '（' } else { '(' })?;
    let (page, _) = read(&t[open..])?;
    Some(Cut { rest: t[..open].trim_end_matches(is_space).to_owned(), jump: t[open..].to_owned(), page })
}

/// Cuts a jump line from the start of a paragraph (`（上接第1版）要坚持…`).
pub fn cut_start(paragraph: &str) -> Option<Cut> {
    let t = trim_spaces(paragraph);
    let (end, page, _) = opening(t)?;
    Some(Cut { rest: t[end..].trim_start_matches(is_space).to_owned(), jump: t[..end].to_owned(), page })
}

/// For a line that is a jump line and nothing else, whether it sends the reader on (`下转`)
/// rather than back (`上接`).
pub fn alone(line: &str) -> Option<bool> {
    // Asked of every line of a page, so nothing is copied.
    let t = trim_spaces(line);
    opening(t).filter(|&(end, ..)| end == t.len()).map(|(.., onward)| onward)
}

/// A jump line opening trimmed text `t`: the byte offset where it ends, the other part's
/// page and the direction.
fn opening(t: &str) -> Option<(usize, u32, bool)> {
    let close = match t.chars().next()? {
        '（' => '）',
        '(' => ')',
        _ => return None,
    };
    let end = t.find(close)? + close.len_utf8();
    let (page, onward) = read(&t[..end])?;
    Some((end, page, onward))
}

/// The page a bracketed jump line names, and its direction: a jump word, `第`, the number
/// (digits after an optional letter, or Chinese numerals) and `版`.
fn read(bracketed: &str) -> Option<(u32, bool)> {
    let inner: String =
        bracketed.chars().skip(1).take_while(|&c| c != '）' && c != ')').filter(|&c| !is_space(c)).collect();
    if inner.chars().count() > JUMP_CHARS {
        return None;
    }
    let (rest, onward) = JUMP_WORDS.iter().find_map(|&(w, onward)| Some((inner.strip_prefix(w)?, onward)))?;
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let number = rest.strip_suffix('版').or_else(|| rest.strip_suffix("版面"))?;
    let number = number.strip_prefix(|c: char| c.is_ascii_uppercase()).unwrap_or(number);
    let page = if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
        number.parse().ok().filter(|&n| n > 0)
    } else {
        chinese_number(number)
    };
    page.map(|p| (p, onward))
}

/// A page number in Chinese numerals, one to ninety-nine (`三`, `十二`, `二十`).
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jump_lines() {
        let ends: [(&str, Option<(&str, u32)>); 7] = [
            ("推进示范区建设。（下转第3版）", Some(("推进示范区建设。", 3))),
            ("推进示范区建设。(转第12版)", Some(("推进示范区建设。", 12))),
            ("推进示范区建设。（下转A3版）", Some(("推进示范区建设。", 3))),
            ("推进示范区建设。（下转第三版）", Some(("推进示范区建设。", 3))),
            ("（下转第二十一版）", Some(("", 21))),
            ("推进示范区建设。（记者 王磊）", None),
            ("推进示范区建设（第3版）", None),
        ];
        for (text, want) in ends {
            let got = cut_end(text).map(|c| (c.rest, c.page));
            assert_eq!(got, want.map(|(r, p)| (r.to_owned(), p)), "{text}");
        }
        let got = cut_start("（上接第1版）要坚持问题导向。").map(|c| (c.rest, c.jump, c.page));
        assert_eq!(got, Some(("要坚持问题导向。".to_owned(), "（上接第1版）".to_owned(), 1)));
        assert!(cut_start("（记者 王磊）要坚持问题导向。").is_none());
        assert_eq!(alone(" （下转第3版） "), Some(true));
        assert_eq!(alone("（上接第1版）"), Some(false));
        assert_eq!(alone("(下转第3版)"), Some(true));
        assert_eq!(alone("（上接第1版）要坚持"), None);
    }
}
