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

/// True for CJK and full-width punctuation, quotes, dashes and the middle dot.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65 | 0x2010..=0x2027 | 0x00B7 | 0x2E80..=0x2E8F)
}

/// True for whitespace including the ideographic space U+3000.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Trims ASCII whitespace and ideographic spaces from both ends, scanning bytes.
pub fn trim_spaces(s: &str) -> &str {
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

/// The character ending at byte `pos` of `text` (none at its start or off a boundary). Runs
/// for every candidate character of classification's scan: a three-byte character, most of
/// any Chinese text, is decoded from its bytes.
#[inline]
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    match *text.as_bytes().get(..pos)? {
        // Valid UTF-8: a byte E0–EF three bytes back can only be a lead.
        [.., lead @ 0xE0..=0xEF, b1, b2] => char::from_u32(decode3(lead, b1, b2)),
        _ => text.get(..pos)?.chars().next_back(),
    }
}

/// The character starting at byte `pos` of `text` (none at its end or off a boundary), a
/// three-byte one decoded from its bytes.
#[inline]
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    match *text.as_bytes().get(pos..)? {
        [lead @ 0xE0..=0xEF, b1, b2, ..] => char::from_u32(decode3(lead, b1, b2)),
        _ => text.get(pos..)?.chars().next(),
    }
}

/// The code point of a three-byte UTF-8 character from its lead and continuation bytes.
#[inline]
pub fn decode3(lead: u8, b1: u8, b2: u8) -> u32 {
    (u32::from(lead) & 0x0F) << 12 | (u32::from(b1) & 0x3F) << 6 | (u32::from(b2) & 0x3F)
}

/// A set of characters of the Basic Multilingual Plane, one bit each (8 KiB): membership is
/// one load, cheap enough for every character of every page. A second filter of the same
/// size, keyed by the two continuation bytes of a three-byte character as they stand (the low
/// twelve bits of its code point, without decoding), serves [`CharSet::each_hit`].
#[derive(Clone)]
pub struct CharSet {
    bits: Box<[u64; 1024]>,
    tails: Box<[u64; 1024]>,
}

/// The key of a three-byte character in [`CharSet`]'s tail filter: its two continuation
/// bytes as one big-endian number.
#[inline]
fn tail_key(b1: u8, b2: u8) -> usize {
    usize::from(u16::from_be_bytes([b1, b2]))
}

impl CharSet {
    /// The empty set.
    pub fn new() -> CharSet {
        CharSet { bits: Box::new([0; 1024]), tails: Box::new([0; 1024]) }
    }

    /// A set of the given characters.
    pub fn of(chars: &str) -> CharSet {
        let mut set = CharSet::new();
        chars.chars().for_each(|c| set.insert(c));
        set
    }

    /// Adds a character (outside the BMP: ignored).
    pub fn insert(&mut self, c: char) {
        let cp = c as usize;
        if let Some(word) = self.bits.get_mut(cp / 64) {
            *word |= 1 << (cp % 64);
            let mut utf8 = [0; 4];
            if let [_, b1, b2] = *c.encode_utf8(&mut utf8).as_bytes() {
                let key = tail_key(b1, b2);
                self.tails[key / 64] |= 1 << (key % 64);
            }
        }
    }

    /// The characters in either set.
    pub fn union(&self, other: &CharSet) -> CharSet {
        let mut set = CharSet::new();
        for (w, (a, b)) in set.bits.iter_mut().zip(self.bits.iter().zip(other.bits.iter())) {
            *w = a | b;
        }
        for (w, (a, b)) in set.tails.iter_mut().zip(self.tails.iter().zip(other.tails.iter())) {
            *w = a | b;
        }
        set
    }

    /// True when the code point (below 0x10000) is in the set.
    #[inline]
    fn has(&self, cp: u32) -> bool {
        self.bits[(cp as usize >> 6) & 1023] & (1 << (cp & 63)) != 0
    }

    /// Calls `f` with each three-byte character of `text` (all of CJK) that is in the set,
    /// and its byte offset. Most characters are rejected by the filter on their two
    /// continuation bytes, without decoding them; the few that pass are decoded and tested
    /// in full.
    #[inline]
    pub fn each_hit(&self, text: &str, mut f: impl FnMut(usize, char)) {
        let (bytes, tails) = (text.as_bytes(), &*self.tails);
        let mut at = 0;
        // Slice patterns rather than indexing: the compiler drops the bounds checks.
        while let [lead, b1, b2, ..] = bytes[at..] {
            // Valid UTF-8: a byte 1110xxxx opens a three-byte character.
            if lead & 0xF0 != 0xE0 {
                at += 1;
                continue;
            }
            let key = tail_key(b1, b2);
            if tails[key / 64 % 1024] & (1 << (key % 64)) != 0 {
                let cp = decode3(lead, b1, b2);
                if self.has(cp)
                    && let Some(c) = char::from_u32(cp)
                {
                    f(at, c);
                }
            }
            at += 3;
        }
    }

    /// True when the character is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let cp = c as u32;
        cp < 0x10000 && self.has(cp)
    }
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters either side of a byte offset, decoded from their bytes or as usual.
    #[test]
    fn characters_either_side_of_an_offset() {
        let text = "a市·𠀋，";
        let cases: [(usize, Option<char>, Option<char>); 7] = [
            (0, None, Some('a')),
            (1, Some('a'), Some('市')),
            (4, Some('市'), Some('·')),
            (6, Some('·'), Some('𠀋')),
            (10, Some('𠀋'), Some('，')),
            (13, Some('，'), None),
            (14, None, None),
        ];
        for (pos, before, at) in cases {
            assert_eq!((char_before(text, pos), char_at(text, pos)), (before, at), "at {pos}");
        }
        assert_eq!((char_before(text, 2), char_at(text, 2)), (None, None), "inside 市");
    }

    /// `each_hit` finds exactly the members, at their byte offsets: characters sharing a
    /// member's continuation bytes (丂 and 市, U+4E02 and U+5E02) pass the tail filter but not
    /// the full test; ASCII, four-byte characters and a cut-off tail are stepped over.
    #[test]
    fn each_hit_finds_members_at_their_offsets() {
        let set = CharSet::of("市区");
        let cases: [(&str, &[(usize, char)]); 6] = [
            ("", &[]),
            ("市", &[(0, '市')]),
            ("丂市", &[(3, '市')]),
            ("a市𠀋区，", &[(1, '市'), (8, '区')]),
            ("城市区县", &[(3, '市'), (6, '区')]),
            ("2023年 全市 ", &[(11, '市')]),
        ];
        for (text, want) in cases {
            let mut got = Vec::new();
            set.each_hit(text, |at, c| got.push((at, c)));
            assert_eq!(got, want, "{text}");
        }
        assert!(set.contains('市') && !set.contains('丂') && !set.contains('𠀋'));
        let union = set.union(&CharSet::of("丂"));
        assert!(union.contains('丂') && union.contains('区'));
    }

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
