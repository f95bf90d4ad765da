//! Character classes and text normalisation: extraction spaces, line widths, punctuation.
//!
//! PDF extraction leaves spaces between letter-spaced characters (`本 报 记 者`), around
//! digits (`6 月 18 日`) and inside justified lines (`桥 梁 ”，专 门`). Body text drops them all
//! except between two Latin letters or digits; headlines and bylines keep a space between two
//! multi-character phrases (`党建进工地 创优在一线`).

/// True for CJK ideographs (the characters of Chinese words).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// True for whitespace including the ideographic space U+3000.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Trims ASCII whitespace and ideographic spaces from both ends, scanning bytes.
#[inline]
pub fn trim_spaces(s: &str) -> &str {
    let b = s.as_bytes();
    // Most lines neither open nor close with a space: an ideographic space opens with 0xE3
    // and closes with 0x80, and this runs several times on every line of a page.
    let spaced = |c: u8| c.is_ascii_whitespace() || c == 0xE3 || c == 0x80;
    if b.first().is_none_or(|&c| !spaced(c)) && b.last().is_none_or(|&c| !spaced(c)) {
        return s;
    }
    trim_spaced(s)
}

/// [`trim_spaces`] for a line that may open or close with a space.
fn trim_spaced(s: &str) -> &str {
    let b = s.as_bytes();
    let (mut start, mut end) = (0, b.len());
    loop {
        if start < end && b[start].is_ascii_whitespace() {
            start += 1;
        } else if b[start..end].starts_with(IDEOGRAPHIC_SPACE) {
            start += 3;
        } else {
            break;
        }
    }
    loop {
        if end > start && b[end - 1].is_ascii_whitespace() {
            end -= 1;
        } else if b[start..end].ends_with(IDEOGRAPHIC_SPACE) {
            end -= 3;
        } else {
            break;
        }
    }
    // Only ASCII bytes and whole three-byte sequences were removed, so both ends are
    // character boundaries.
    s.get(start..end).unwrap_or("")
}

/// UTF-8 of U+3000.
const IDEOGRAPHIC_SPACE: &[u8] = "\u{3000}".as_bytes();

/// True when the bytes hold a space, a tab or an ideographic space (U+3000, E3 80 80).
fn has_space(b: &[u8]) -> bool {
    memchr::memchr2(b' ', b'\t', b).is_some()
        || memchr::memchr_iter(0xE3, b).any(|i| b[i..].starts_with(IDEOGRAPHIC_SPACE))
}

/// Splits text into lines at `\n` (one SIMD scan of the whole text rather than a search per
/// line; pages have hundreds of short lines).
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 32 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(text.get(start..end).unwrap_or(""));
        start = end + 1;
    }
    out.push(text.get(start..).unwrap_or(""));
    out
}

/// Closing quotes and brackets that may follow a sentence's final punctuation.
pub fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '"' | '\'')
}

/// Sentence-final punctuation.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '!' | '?' | '．')
}

/// Punctuation after which a sentence goes on (a line ending so cannot end a headline).
pub fn is_continuing(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':' | '（' | '(' | '“' | '‘' | '《')
}

/// The last character of a line ignoring trailing spaces and closing quotes/brackets.
fn last_significant(line: &str) -> Option<char> {
    line.trim_end_matches(|c| is_space(c) || is_closer(c)).chars().next_back()
}

/// True when the line ends a sentence (`。`, `！`, `？`, `…`, possibly followed by `”` or `）`).
pub fn ends_sentence(line: &str) -> bool {
    last_significant(line).is_some_and(is_terminal)
}

/// True when the line ends with punctuation that continues a sentence (`，`, `、`, `：` …).
pub fn ends_continuing(line: &str) -> bool {
    line.trim_end_matches(is_space).chars().next_back().is_some_and(is_continuing)
}

/// The printed width of a line in em: ideographs 1, punctuation and Latin ½, spaces 0.
///
/// Justified Chinese columns compress punctuation and extraction inserts spaces, so this
/// measure keeps full lines of one column within about one em of each other.
pub fn ems(line: &str) -> f32 {
    // Works on UTF-8 lead bytes: this runs on every line of every page.
    let mut halves: u32 = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, width) = match b {
            b' ' | b'\t' => (1, 0),
            0..=0x7F => (1, 1),
            0xC0..=0xDF => (2, 1),
            0xE0..=0xEF => {
                let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
                (3, char_halves(b, next(1), next(2)))
            }
            0xF0..=0xF7 => (4, 2),
            _ => (1, 0),
        };
        halves += width;
        i += len;
    }
    halves as f32 / 2.0
}

/// Width in half em of a three-byte character from its bytes: ideographs are full width, the
/// ideographic space nothing, the rest (punctuation, symbols, full-width forms) half.
pub fn char_halves(lead: u8, b1: u8, b2: u8) -> u32 {
    match (lead, b1) {
        (0xE3, 0x80) if b2 == 0x80 => 0,
        (0xE3, 0x90..) | (0xE4..=0xE9, _) | (0xEF, 0xA4..=0xAB) => 2,
        _ => 1,
    }
}

/// Number of non-space characters.
pub fn visible_len(s: &str) -> usize {
    s.chars().filter(|&c| !is_space(c)).count()
}

/// Joins wrapped body lines into one paragraph, dropping extraction spaces.
///
/// A space survives only between two ASCII letters or digits (`New York`, `5 000`), including
/// across a line break.
pub fn join_body<'a>(lines: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let mut out = String::with_capacity(lines.clone().into_iter().map(str::len).sum());
    for line in lines {
        // Across a line break only words are kept apart: digits wrapped mid-number join.
        let mut keep: fn(char) -> bool = |c| c.is_ascii_alphabetic();
        let spaced = has_space(line.as_bytes());
        let pieces: &mut dyn Iterator<Item = &str> = if spaced {
            &mut line.split(is_space).filter(|p| !p.is_empty())
        } else {
            &mut std::iter::once(line)
        };
        for piece in pieces {
            if !out.is_empty() && out.ends_with(keep) && piece.starts_with(keep) {
                out.push(' ');
            }
            out.push_str(piece);
            keep = |c| c.is_ascii_alphanumeric();
        }
    }
    out
}

/// Tidies a headline, kicker or byline: letter spacing and spaces at punctuation go, a space
/// between two phrases of several characters stays (`党建进工地 创优在一线`).
pub fn tidy_phrase(s: &str) -> String {
    let tokens: Vec<&str> = s.split(is_space).filter(|t| !t.is_empty()).collect();
    let mut out = String::with_capacity(s.len());
    for (i, tok) in tokens.iter().enumerate() {
        if i > 0 && keeps_space(tokens[i - 1], tok) {
            out.push(' ');
        }
        out.push_str(tok);
    }
    out
}

/// Whether a space between two tokens of a phrase is meaningful.
fn keeps_space(before: &str, after: &str) -> bool {
    let (Some(a), Some(b)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    let single = |t: &str| t.chars().count() == 1;
    if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
        return true;
    }
    is_cjk(a) && is_cjk(b) && !(single(before) && single(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_join_drops_extraction_spaces() {
        let cases: [(&[&str], &str); 8] = [
            (&["6 月 18 日，市里"], "6月18日，市里"),
            (&["桥 梁 ”，专 门 解 决"], "桥梁”，专门解决"),
            (&["共有 2023 年以", "来，共 188 个"], "共有2023年以来，共188个"),
            (&["使用 New York 的", "PID仪器"], "使用New York的PID仪器"),
            (&["the quick", "brown fox"], "the quick brown fox"),
            (&["  ", " 正文 "], "正文"),
            (&["增收800", "0元"], "增收8000元"),
            (&["\u{3000}\u{3000}全角空格 ", ""], "全角空格"),
        ];
        for (lines, want) in cases {
            assert_eq!(join_body(lines.iter().copied()), want, "{lines:?}");
        }
    }

    #[test]
    fn phrases_keep_meaningful_spaces() {
        let cases = [
            ("党建进工地 创优在一线", "党建进工地 创优在一线"),
            ("本 报 记 者 赵宗锋", "本报记者 赵宗锋"),
            ("“光荣在党 50 年”纪念章", "“光荣在党50年”纪念章"),
            ("  古楼街道 ", "古楼街道"),
            ("Baokan 2 preview", "Baokan 2 preview"),
        ];
        for (input, want) in cases {
            assert_eq!(tidy_phrase(input), want, "{input}");
        }
    }

    #[test]
    fn splits_lines_like_str_split() {
        for text in ["", "\n", "一\n二\n", "一\n\n三", "无换行"] {
            assert_eq!(split_lines(text), text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn trims_spaces_of_both_kinds() {
        for (input, want) in
            [(" \u{3000}正文\u{3000} \t", "正文"), ("", ""), ("\u{3000}", ""), ("a b", "a b")]
        {
            assert_eq!(trim_spaces(input), want);
        }
    }

    #[test]
    fn line_ends_and_widths() {
        assert!(ends_sentence("量。”"));
        assert!(ends_sentence("关系……"));
        assert!(!ends_sentence("党建引领筑牢反诈“防火墙”"));
        assert!(ends_continuing("骄阳烈日下，"));
        assert!(!ends_continuing("标题"));
        assert_eq!(ems("6 月 18 日，市"), 5.0);
        assert_eq!(ems("全市空气"), 4.0);
        for line in ["“党旗红·生态美”，", "６月　18日", "𠀋丽", "（试行）》", "ａｂ", "豈"]
        {
            let slow: f32 = line
                .chars()
                .map(|c| match c {
                    c if is_space(c) => 0.0,
                    c if is_cjk(c) => 1.0,
                    _ => 0.5,
                })
                .sum();
            assert_eq!(ems(line), slow, "{line}");
        }
    }
}
