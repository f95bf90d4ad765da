//! Credits: recognising byline text and reading authors with their roles from it.
//!
//! Credits come as lead-in brackets (`本报讯（记者 X 通讯员 Y）`), lines of their own
//! (`■ 本报记者 X`, `本 报 通 讯 员 Y`, `□记者 X`), caption credits (`■ X Y`, `X 摄`) and
//! trailing brackets (`（记者 X）`). All of them reduce to a token list of roles and names.

use crate::model::Author;
use crate::segment::surnames::{is_personal_name, split_two_names};
use crate::text::{is_cjk, is_space, trim_spaces, visible_len};

/// Role words, longest first so that `本报通讯员` wins over `通讯员`.
const ROLES: &[&str] = &[
    "本报特约通讯员",
    "本报特约记者",
    "本报见习记者",
    "本报实习记者",
    "全媒体记者",
    "本报通讯员",
    "本报记者",
    "本报实习生",
    "特约通讯员",
    "融媒体记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "首席记者",
    "融媒记者",
    "摄影记者",
    "通讯员",
    "实习生",
    "摄影",
    "记者",
    "文图",
    "图文",
];

/// Words that may close a credit without being names (`张三 摄`, `李四 报道`).
const CLOSING_WORDS: &[&str] = &["摄影", "摄", "报道", "整理"];

/// Words that close a photographer's credit at the end of a caption line (`X 摄`,
/// `X 摄影报道`).
const PHOTO_CLOSINGS: &[&str] = &["摄", "摄影", "摄影报道"];

/// True when a line ends with a word that closes a photographer's credit.
pub fn ends_photo_credit(line: &str) -> bool {
    let t = line.trim_end_matches(is_space);
    PHOTO_CLOSINGS.iter().any(|w| t.ends_with(w))
}

/// Markers that printers put before credits and captions.
pub fn is_marker(c: char) -> bool {
    matches!(c, '■' | '□' | '●' | '○' | '◆' | '◇' | '▲' | '△' | '★' | '☆' | '▼' | '◎' | '※' | '•')
}

/// A credit read from text: the people and whether it carried a caption mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The credit text as printed, markers and brackets included, spaces tidied.
    pub text: String,
    /// People in printed order.
    pub authors: Vec<Author>,
    /// True when the credit began with a marker such as `■`.
    pub marked: bool,
    /// True when the credit names a photographer (`摄`).
    pub photo: bool,
    /// True when at least one role word was present.
    pub has_role: bool,
    /// True when the credit stood in brackets (`（记者 X）`), the form that closes an item.
    pub bracketed: bool,
}

impl Credit {
    /// True for the credits that close a photo caption: marked (`■ 本报记者 X`) or naming a
    /// photographer (`X 摄`).
    pub fn closes_caption(&self) -> bool {
        self.marked || self.photo
    }
}

/// Reads a standalone credit line; `None` when the line is not one.
///
/// Without a marker or role word, a line is a credit only when it is one personal name
/// (`李志民`, `王 京 清`) or a bracket of them (`（宗雪 张雨函）`), so that a short headline
/// made of two words is never mistaken for two names.
pub fn credit_line(line: &str) -> Option<Credit> {
    let trimmed = trim_spaces(line);
    if !could_be_credit(trimmed) || visible_len(trimmed) > 48 {
        return None;
    }
    let (inner, bracketed) = strip_brackets(trimmed);
    let mut credit = parse_credit(inner)?;
    let accepted = credit.has_role
        || (!bracketed && (credit.marked || credit.photo))
        || (personal_names(&credit) && (bracketed || credit.authors.len() == 1));
    if !accepted {
        return None;
    }
    if bracketed {
        // The printed credit keeps its brackets.
        credit.text = tidy_credit(trimmed);
        credit.bracketed = true;
    }
    Some(credit)
}

/// True when every author of a role-less credit reads as a personal name by its surname.
fn personal_names(credit: &Credit) -> bool {
    credit.authors.iter().all(|a| is_personal_name(&a.name))
}

/// Cheap test run on every line: a credit line opens with a marker, a bracket or a role word
/// (possibly letter-spaced), closes with `摄`, is short enough to be a name alone, or opens
/// with a paper's name and a role word; and it holds no sentence end.
fn could_be_credit(line: &str) -> bool {
    // The tests run cheapest first, as this is asked of every line of a page.
    let shaped = match line.chars().next() {
        Some(first) if may_open_credit(first) => {
            is_marker(first) || matches!(first, '（' | '(') || starts_with_role(line)
        }
        Some(_) => {
            // Counting stops past a name's length.
            let name_length = line.chars().filter(|&c| !is_space(c)).nth(NAME_LINE_CHARS).is_none();
            line.ends_with('摄') || name_length || opens_with_paper_role(line)
        }
        None => false,
    };
    // A credit names people and never ends a sentence; the short last lines of paragraphs
    // do. One character at a time, each search is a fast byte search.
    shaped && !SENTENCE_ENDS.iter().any(|&end| line.contains(end))
}

/// What ends a sentence, which a credit never holds.
const SENTENCE_ENDS: [char; 3] = ['。', '！', '？'];

/// Characters before a role word that a paper's name may take (`潍坊日报社全媒体记者`).
const PAPER_PREFIX_CHARS: usize = 10;

/// True when the line opens with a paper's name and a role word (`烟台晚报全媒体记者 X`).
fn opens_with_paper_role(line: &str) -> bool {
    let head = &line[..line.floor_char_boundary(PAPER_PREFIX_CHARS * 3 + 12)];
    // Searched by the role's last character, which memchr finds fast: a substring search's
    // setup costs more than these short heads, and most lines hold neither word.
    let ends_role = |last: char, word: &str| {
        head.match_indices(last).any(|(at, _)| head[..at + last.len_utf8()].ends_with(word))
    };
    if !ends_role('者', "记者") && !ends_role('员', "通讯员") {
        return false;
    }
    let first = tokens(head).into_iter().next().unwrap_or_default();
    matches!(pieces(&first).as_slice(), [Piece::Word(w), Piece::Role(_), ..] if is_organisation(w))
}

/// Longest line, in characters, that may be a personal name alone (`欧阳春晓`).
const NAME_LINE_CHARS: usize = 4;

/// True for the characters a credit line can start with: markers, brackets and the first
/// characters of role words.
#[inline]
pub fn may_open_credit(c: char) -> bool {
    is_marker(c) || matches!(c, '（' | '(') || opens_role(c)
}

/// True for the characters after the first of the role words in [`ROLES`]; a test keeps the
/// two in step.
#[inline]
fn continues_role(c: char) -> bool {
    matches!(
        c,
        '习' | '体'
            | '员'
            | '图'
            | '媒'
            | '实'
            | '席'
            | '影'
            | '报'
            | '文'
            | '特'
            | '生'
            | '约'
            | '者'
            | '见'
            | '讯'
            | '记'
            | '通'
    )
}

/// True for the first characters of the role words in [`ROLES`]; a test keeps the two in step.
#[inline]
fn opens_role(c: char) -> bool {
    matches!(c, '本' | '全' | '特' | '融' | '见' | '实' | '首' | '摄' | '通' | '记' | '文' | '图')
}

/// True when the line opens with a role word, ignoring spaces between its characters.
fn starts_with_role(line: &str) -> bool {
    // The first few non-space characters, compared as bytes with every role word.
    let mut head = [0u8; 32];
    let mut len = 0;
    for c in line.chars().filter(|&c| !is_space(c)).take(8) {
        len += c.encode_utf8(&mut head[len..]).len();
    }
    ROLES.iter().any(|role| head[..len].starts_with(role.as_bytes()))
}

/// Removes one pair of enclosing brackets, reporting whether there were any.
fn strip_brackets(s: &str) -> (&str, bool) {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return (trim_spaces(inner), true);
        }
    }
    (s, false)
}

/// Openings of an author's note (`作者为…`, `作者系…`, `作者单位：…`), bracketed or not.
const NOTE_OPENINGS: [&str; 3] = ["作者为", "作者系", "作者单位"];

/// True when a line opens an author's note, which may wrap onto the next line.
pub fn opens_author_note(text: &str) -> bool {
    let t = trim_spaces(text);
    let inner = t.strip_prefix('（').or_else(|| t.strip_prefix('(')).unwrap_or(t);
    inner.starts_with('作') && NOTE_OPENINGS.iter().any(|o| inner.starts_with(o))
}

/// Reads a whole author's note closing an essay (`（作者为某研究室副主任）`,
/// `作者单位：某大学`). It is part of the item's credits, not of its body, and names nobody.
pub fn author_note(text: &str) -> Option<Credit> {
    let t = trim_spaces(text);
    let (inner, bracketed) = strip_brackets(t);
    let whole = if t.starts_with(['（', '(']) {
        bracketed && !inner.contains(['（', '('])
    } else {
        !t.contains(['）', ')'])
    };
    (whole && opens_author_note(t)).then(|| Credit {
        text: tidy_credit(t),
        authors: Vec::new(),
        marked: false,
        photo: false,
        has_role: false,
        bracketed: true,
    })
}

/// Parses credit text (the inside of a lead-in bracket, or a credit line) into authors.
///
/// Roles may stand apart from names or run into them (`记者王磊通讯员李静`), and a
/// newspaper's name may precede a role (`潍坊日报社全媒体记者`, `YMG全媒体记者`). Returns
/// `None` when any word is neither a role, a closing word, an organisation nor a plausible name.
pub fn parse_credit(text: &str) -> Option<Credit> {
    let body = trim_spaces(text);
    let marked = body.starts_with(is_marker);
    let body = body.trim_start_matches(|c| is_marker(c) || is_space(c));
    let tokens = tokens(body);
    let split: Vec<Vec<Piece>> = tokens.iter().map(|t| pieces(t)).collect();
    let mut authors = Vec::new();
    let (mut role, mut has_role, mut photo) = (None::<String>, false, false);
    for (t, parts) in split.iter().enumerate() {
        for (k, piece) in parts.iter().enumerate() {
            let word = match piece {
                Piece::Role(r) => {
                    role = Some(r.trim_start_matches("本报").to_owned());
                    has_role = true;
                    photo |= r.contains('摄');
                    continue;
                }
                Piece::Word(w) => *w,
            };
            let role_next = match parts.get(k + 1) {
                Some(next) => matches!(next, Piece::Role(_)),
                None => split.get(t + 1).is_some_and(|n| matches!(n.first(), Some(Piece::Role(_)))),
            };
            if role_next && is_organisation(word) {
                continue;
            }
            let Some(name) = without_closing_word(word, &mut photo) else { continue };
            if !is_name(name) {
                return None;
            }
            match split_two_names(name) {
                Some((a, b)) => {
                    authors.extend([a, b].map(|n| Author { name: n.to_owned(), role: role.clone() }))
                }
                None => authors.push(Author { name: name.to_owned(), role: role.clone() }),
            }
        }
    }
    if authors.is_empty() {
        return None;
    }
    Some(Credit { text: tidy_credit(text), authors, marked, photo, has_role, bracketed: false })
}

/// A part of a credit token: a role word, or the text between role words.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece<'a> {
    Role(&'static str),
    Word(&'a str),
}

/// Splits a token at every role word it holds (`记者王磊通讯员李静`).
fn pieces(token: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let (mut word_start, mut i) = (0, 0);
    while i < token.len() {
        // A character test first: most positions open no role, and comparing every role
        // there would be the costliest part of reading a page's credits.
        let opens = token[i..].chars().next().is_some_and(opens_role);
        if let Some(r) = ROLES.iter().filter(|_| opens).find(|r| token[i..].starts_with(**r)) {
            if word_start < i {
                out.push(Piece::Word(&token[word_start..i]));
            }
            out.push(Piece::Role(r));
            i += r.len();
            word_start = i;
            continue;
        }
        i += token[i..].chars().next().map_or(1, char::len_utf8);
    }
    if word_start < token.len() {
        out.push(Piece::Word(&token[word_start..]));
    }
    out
}

/// Endings of the newspapers and media centres that print their name before a role, and
/// `本版` (`本版摄影`).
const ORGANISATION_ENDINGS: &[&str] = &["报", "社", "网", "台", "中心", "融媒", "本版"];

/// True for a word that names the reporter's paper rather than a person: it ends like a
/// paper's name or holds Latin letters (`YMG`).
fn is_organisation(word: &str) -> bool {
    ORGANISATION_ENDINGS.iter().any(|e| word.ends_with(e)) || word.chars().any(|c| c.is_ascii_alphabetic())
}

/// A word without a closing word (`张三摄`, `摄`), noting a photographer; `None` when nothing
/// is left.
fn without_closing_word<'a>(word: &'a str, photo: &mut bool) -> Option<&'a str> {
    if let Some(w) = CLOSING_WORDS.iter().find(|w| word.ends_with(**w) && word.len() > w.len() + 3) {
        *photo |= w.starts_with('摄');
        return Some(&word[..word.len() - w.len()]);
    }
    if let Some(w) = CLOSING_WORDS.iter().find(|w| word == **w) {
        *photo |= w.starts_with('摄');
        return None;
    }
    Some(word)
}

/// Splits credit text into tokens at spaces, list marks, colons and slashes. Letter-spaced
/// single characters are glued back together (`文/图` becomes `文图`) unless a wider gap
/// parts them (`记 者   刘 居 彬`), and a role word that a line break or gap split is mended
/// (`通` `讯员`).
fn tokens(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let (mut prev_single, mut gap) = (false, 0);
    for raw in body.split(|c: char| is_space(c) || SEPARATORS.contains(&c)) {
        if raw.is_empty() {
            gap += 1;
            continue;
        }
        let mut chars = raw.chars();
        let single = matches!((chars.next(), chars.next()), (Some(c), None) if is_cjk(c));
        match out.last_mut() {
            Some(last) if single && prev_single && gap == 0 => last.push_str(raw),
            _ => out.push(raw.to_owned()),
        }
        prev_single = single;
        gap = 0;
    }
    mend_split_roles(&mut out);
    out
}

/// Rejoins a role word whose first characters end one token and the rest open the next
/// (unless those first characters are a role of their own: `摄影` `记者`).
fn mend_split_roles(tokens: &mut Vec<String>) {
    let mut k = 0;
    while k + 1 < tokens.len() {
        // Only a token opening with a role's later character can carry a role's rest; most
        // tokens are names, so this character test spares the substring tests below.
        let may_carry = tokens[k + 1].chars().next().is_some_and(continues_role);
        if !may_carry {
            k += 1;
            continue;
        }
        let split = ROLES.iter().find_map(|role| {
            role.char_indices().skip(1).map(|(at, _)| role.split_at(at)).find(|(head, tail)| {
                tokens[k].ends_with(head)
                    && tokens[k + 1].starts_with(tail)
                    && !tokens[k + 1].starts_with(role)
                    && !ROLES.contains(head)
            })
        });
        if let Some((head, _)) = split {
            let cut = tokens[k].len() - head.len();
            tokens[k + 1].insert_str(0, head);
            tokens[k].truncate(cut);
            if tokens[k].is_empty() {
                tokens.remove(k);
                continue;
            }
        }
        k += 1;
    }
}

/// Characters that separate the parts of a credit.
const SEPARATORS: [char; 9] = ['、', '，', ',', '；', ';', '|', '：', ':', '/'];

/// A plausible personal name: two to six ideographs, optionally with a middle dot.
fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n) && s.chars().all(|c| is_cjk(c) || c == '·') && s.chars().next().is_some_and(is_cjk)
}

/// Credit text for the `byline` field: as printed (markers and brackets kept, so that every
/// character of the page lands somewhere), spaces tidied.
fn tidy_credit(text: &str) -> String {
    crate::text::tidy_phrase(trim_spaces(text))
}

/// Byte offset of the last credit marker in the line's final 48 characters.
///
/// Every marker is a three-byte UTF-8 sequence led by 0xE2, so the scan jumps between those
/// bytes instead of decoding each character; this runs on every line of every page.
fn last_marker(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let floor = bytes.len().saturating_sub(48 * 3);
    let mut end = bytes.len();
    while let Some(pos) = memchr::memrchr(0xE2, &bytes[..end]) {
        if pos < floor {
            return None;
        }
        if line.get(pos..).and_then(|t| t.chars().next()).is_some_and(is_marker) {
            return Some(pos);
        }
        end = pos;
    }
    None
}

/// Splits a caption credit off the end of a text line: `…合影留念。 ■ 本报通讯员 王明`.
///
/// Returns the text before the credit and the credit. A marker mid-line, a trailing `X 摄`
/// after the last sentence, or a bracket with a role word (`（记者 X）`) qualifies.
pub fn split_trailing_credit(line: &str) -> Option<(&str, Credit)> {
    let trimmed = line.trim_end_matches(is_space);
    if let Some(pos) = last_marker(trimmed).filter(|&p| p > 0) {
        let credit = parse_credit(&trimmed[pos..])?;
        return Some((&trimmed[..pos], credit));
    }
    let open = trimmed.ends_with(['）', ')']).then(|| trimmed.rfind(['（', '('])).flatten();
    if let Some(open) = open.filter(|&o| o > 0) {
        if let Some(note) = author_note(&trimmed[open..]) {
            return Some((&trimmed[..open], note));
        }
        let (inner, _) = strip_brackets(&trimmed[open..]);
        // Role-less names in brackets close a story only after its last sentence.
        let after_sentence = crate::text::ends_sentence(&trimmed[..open]);
        let credit = parse_credit(inner).filter(|c| c.has_role || (after_sentence && personal_names(c)))?;
        let text = tidy_credit(&trimmed[open..]);
        return Some((&trimmed[..open], Credit { bracketed: true, text, ..credit }));
    }
    if ends_photo_credit(trimmed) {
        let cut = trimmed
            .rfind(|c: char| crate::text::is_terminal(c) || c == '”')
            .map(|p| p + trimmed[p..].chars().next().map_or(1, char::len_utf8))?;
        let credit = parse_credit(&trimmed[cut..]).filter(|c| c.photo)?;
        return Some((&trimmed[..cut], credit));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(c: &Credit) -> Vec<(String, Option<String>)> {
        c.authors.iter().map(|a| (a.name.clone(), a.role.clone())).collect()
    }

    fn p(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        list.iter().map(|(n, r)| ((*n).to_owned(), r.map(str::to_owned))).collect()
    }

    #[test]
    fn author_notes() {
        let cases: [(&str, bool); 6] = [
            ("（作者为河湾大学教授）", true),
            ("(作者系市委党校副校长)", true),
            ("作者单位：河湾市委党校", true),
            ("（作者为河湾大学农村发展研究院", false),
            ("（作者为河湾大学教授）（张三）", false),
            ("（记者 王磊）", false),
        ];
        for (text, want) in cases {
            let note = author_note(text);
            assert_eq!(note.is_some(), want, "{text}");
            assert!(note.is_none_or(|n| n.authors.is_empty() && !n.text.is_empty()), "{text}");
        }
    }

    #[test]
    fn role_openings_follow_the_roles() {
        let firsts: std::collections::BTreeSet<char> =
            ROLES.iter().filter_map(|r| r.chars().next()).collect();
        for c in '\u{4e00}'..='\u{9fff}' {
            assert_eq!(opens_role(c), firsts.contains(&c), "{c}");
        }
        let laters: std::collections::BTreeSet<char> = ROLES.iter().flat_map(|r| r.chars().skip(1)).collect();
        for c in '\u{4e00}'..='\u{9fff}' {
            assert_eq!(continues_role(c), laters.contains(&c), "{c}");
        }
    }

    #[test]
    fn credit_lines() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: [Case; 18] = [
            ("■ 本报记者 王小明", &[("王小明", Some("记者"))]),
            ("■ 本 报 记 者 王小明", &[("王小明", Some("记者"))]),
            ("本报通讯员 李华 张伟", &[("李华", Some("通讯员")), ("张伟", Some("通讯员"))]),
            ("□记者 孙丽", &[("孙丽", Some("记者"))]),
            ("■ 周强 吴敏", &[("周强", None), ("吴敏", None)]),
            ("本报记者 郑重 摄", &[("郑重", Some("记者"))]),
            ("（记者 冯雪）", &[("冯雪", Some("记者"))]),
            ("见习记者 陈晨、通讯员 何方", &[("陈晨", Some("见习记者")), ("何方", Some("通讯员"))]),
            ("本 报 通 讯 员 刘 洋", &[("刘洋", Some("通讯员"))]),
            ("河湾日报社全媒体记者 张沁", &[("张沁", Some("全媒体记者"))]),
            ("YMG全媒体记者 金海善", &[("金海善", Some("全媒体记者"))]),
            ("记者：赵明 孙文", &[("赵明", Some("记者")), ("孙文", Some("记者"))]),
            ("文图/陈晓燕", &[("陈晓燕", Some("文图"))]),
            ("■ 本版摄影 记者 万善朝 梅月", &[("万善朝", Some("记者")), ("梅月", Some("记者"))]),
            ("记 者   刘 居 彬   通 讯 员 张丽娟", &[("刘居彬", Some("记者")), ("张丽娟", Some("通讯员"))]),
            ("（记者王磊 通讯员李静）", &[("王磊", Some("记者")), ("李静", Some("通讯员"))]),
            ("李志民", &[("李志民", None)]),
            ("（宗雪 张雨函）", &[("宗雪", None), ("张雨函", None)]),
        ];
        for (line, want) in cases {
            let got = credit_line(line).unwrap_or_else(|| panic!("not a credit: {line}"));
            assert_eq!(people(&got), p(want), "{line}");
        }
    }

    #[test]
    fn not_credit_lines() {
        for line in [
            "党建进工地 创优在一线",
            "古楼街道",
            "（试行）",
            "市里召开会议，部署工作。",
            "张三 李四",
            "高新区",
            "简讯",
        ] {
            assert!(credit_line(line).is_none(), "{line}");
        }
    }

    #[test]
    fn trailing_credits() {
        let cases = [
            ("敬献花篮。 ■ 本报通讯员 王五", "敬献花篮。 ", "王五"),
            ("参观学习。本报记者 赵六 摄", "参观学习。", "赵六"),
            ("取得实效。（记者 钱七）", "取得实效。", "钱七"),
        ];
        for (line, body, name) in cases {
            let (got_body, credit) = split_trailing_credit(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(got_body, body);
            assert_eq!(credit.authors[0].name, name);
        }
        assert!(split_trailing_credit("印发《实施意见（试行）》").is_none());
        assert!(split_trailing_credit("普通的一行正文").is_none());
    }
}
