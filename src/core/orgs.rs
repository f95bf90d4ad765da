//! Recognising unit (单位) names in text by their structure: a name ending in a unit word
//! (局, 委, 办, 院, 中心, 公司, 街道, 社区, 学校 …), started by a place or level prefix (a
//! division name, 市, 区, 县, 市委) or, for enterprises and institutions, by the phrase
//! boundary before it. Department short forms come from `assets/departments.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::gazetteer::{FxBuild, Mention};
use super::text::{char_at, char_before, is_cjk};

const DEPARTMENTS: &str = include_str!("../../assets/departments.tsv");

/// Unit words, longest first among those sharing a first character; the kind says how the
/// name is grouped.
const SUFFIXES: &[(&str, OrgKind)] = &[
    ("高新技术产业开发区", OrgKind::Zone),
    ("经济技术开发区", OrgKind::Zone),
    ("工业园区", OrgKind::Zone),
    ("产业园区", OrgKind::Zone),
    ("开发区", OrgKind::Zone),
    ("高新区", OrgKind::Zone),
    ("度假区", OrgKind::Zone),
    ("示范区", OrgKind::Zone),
    ("有限责任公司", OrgKind::Enterprise),
    ("有限公司", OrgKind::Enterprise),
    ("委员会", OrgKind::Department),
    ("研究院", OrgKind::Institution),
    ("幼儿园", OrgKind::Institution),
    ("公司", OrgKind::Enterprise),
    ("集团", OrgKind::Enterprise),
    ("银行", OrgKind::Enterprise),
    ("医院", OrgKind::Institution),
    ("学校", OrgKind::Institution),
    ("中学", OrgKind::Institution),
    ("小学", OrgKind::Institution),
    ("大学", OrgKind::Institution),
    ("学院", OrgKind::Institution),
    ("中心", OrgKind::Institution),
    ("街道", OrgKind::Township),
    ("社区", OrgKind::Community),
    ("支队", OrgKind::Department),
    ("大队", OrgKind::Department),
    ("工委", OrgKind::Department),
    ("局", OrgKind::Department),
    ("委", OrgKind::Department),
    ("办", OrgKind::Department),
    ("院", OrgKind::Institution),
    ("馆", OrgKind::Institution),
    ("所", OrgKind::Institution),
    ("镇", OrgKind::Township),
    ("乡", OrgKind::Township),
    ("村", OrgKind::Community),
];

/// A unit word, with its second character to test first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suffix {
    /// The word.
    pub text: &'static str,
    /// Its kind.
    pub kind: OrgKind,
    /// Its second character (none for a one-character word).
    pub second: Option<char>,
}

/// Every unit word, longest first among those sharing a first character.
pub fn unit_words() -> impl Iterator<Item = Suffix> {
    SUFFIXES.iter().map(|&(text, kind)| Suffix { text, kind, second: text.chars().nth(1) })
}

/// Characters that, before a one-character unit word, make an ordinary word instead
/// (格局, 举办, 委员, 庭院, 城镇, 城乡, 农村, 场所 …).
fn ordinary_word(suffix: &str, before: char, after: Option<char>) -> bool {
    // Keyed by the word's first character and length: cheaper than comparing strings, as this
    // runs for every unit word in the text.
    match (suffix.chars().next(), suffix.len()) {
        (Some('局'), 3) => matches!(
            before,
            '格' | '布' | '结' | '大' | '全' | '当' | '开' | '变' | '时' | '政' | '胜' | '残' | '赌' | '饭'
        ),
        (Some('委'), 3) => {
            matches!(after, Some('员' | '托')) || matches!(before, '党' | '纪') && after != Some('会')
        }
        (Some('办'), 3) => matches!(
            before,
            '举' | '创'
                | '主'
                | '承'
                | '协'
                | '督'
                | '包'
                | '兴'
                | '开'
                | '合'
                | '民'
                | '好'
                | '难'
                | '代'
                | '查'
                | '帮'
                | '能'
                | '会'
                | '来'
        ),
        (Some('院'), 3) => matches!(
            before,
            '庭' | '小' | '四' | '合' | '大' | '医' | '法' | '影' | '剧' | '书' | '学' | '属'
        ),
        // 乡村, 镇村 (两级) are words whatever comes before.
        (Some('镇'), 3) => matches!(before, '城' | '乡' | '村' | '重') || after == Some('村'),
        (Some('乡'), 3) => {
            matches!(before, '城' | '家' | '下' | '回' | '故' | '还' | '老' | '异' | '他')
                || after == Some('村')
        }
        (Some('村'), 3) => matches!(before, '农' | '乡' | '山' | '渔' | '新'),
        (Some('所'), 3) => matches!(before, '场' | '住' | '厕' | '处' | '有' | '无' | '之' | '哨'),
        (Some('馆'), 3) => matches!(before, '宾' | '饭' | '菜' | '旅'),
        (Some('中'), 6) => matches!(before, '市' | '城' | '圈' | '为' | '重' | '核'),
        (Some('街'), 6) => matches!(before, '大' | '小' | '老'),
        _ => false,
    }
}

/// What kind of unit a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    /// A government or Party department.
    Department,
    /// A company, group or bank.
    Enterprise,
    /// A school, hospital, institute, centre, museum.
    Institution,
    /// A street office, town or township.
    Township,
    /// A residents' community or village.
    Community,
    /// A development zone, high-tech zone or resort: grouped as a district of its own.
    Zone,
}

/// A unit name found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org<'t> {
    /// The name as printed.
    pub name: &'t str,
    /// Byte offset in the text.
    pub start: usize,
    /// Its kind.
    pub kind: OrgKind,
    /// True when it follows 在 (a place where something happened, not who did it).
    pub locative: bool,
    /// False for a department or community named without a place or level before it
    /// (`育新社区`): it counts only where the same item also names it in full.
    pub anchored: bool,
}

/// Department full names and short forms (without place prefix), by their first character.
fn department_words() -> &'static HashMap<char, Vec<String>, FxBuild> {
    static CELL: OnceLock<HashMap<char, Vec<String>, FxBuild>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut by_first: HashMap<char, Vec<String>, FxBuild> = HashMap::default();
        let words = [DEPARTMENTS, user_table()]
            .into_iter()
            .flat_map(str::lines)
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split(['\t', ',']))
            .map(str::trim)
            .filter(|w| !w.is_empty());
        for w in words {
            if let Some(first) = w.chars().next() {
                by_first.entry(first).or_default().push(w.to_owned());
            }
        }
        by_first
    })
}

/// The user's own department table as read once (empty when there is none); classification
/// depends on it, so the key of stored segmentation does too.
pub fn user_table() -> &'static str {
    static CELL: OnceLock<String> = OnceLock::new();
    CELL.get_or_init(|| user_departments().unwrap_or_default())
}

/// The user's own department table: `$BAOKAN_DEPARTMENTS`, else `departments.tsv` in the
/// configuration folder (`$XDG_CONFIG_HOME/baokan`, `~/.config/baokan`, or `%APPDATA%\baokan`).
fn user_departments() -> Option<String> {
    let path = std::env::var_os("BAOKAN_DEPARTMENTS").map(std::path::PathBuf::from).or_else(|| {
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .map(std::path::PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".config")))
            .or_else(|| std::env::var_os("APPDATA").map(std::path::PathBuf::from))?;
        Some(base.join("baokan").join("departments.tsv"))
    })?;
    std::fs::read_to_string(path).ok()
}

/// True when `text` starts with a department word.
fn starts_with_department(text: &str) -> bool {
    let first = text.chars().next();
    first
        .and_then(|c| department_words().get(&c))
        .is_some_and(|ws| ws.iter().any(|w| text.starts_with(w.as_str())))
}

/// Longest name searched back from a unit word, in characters.
const MAX_NAME: usize = 24;
/// The word that opens `phrase` when it is one that comes before a unit name without being
/// part of it (在, 于, 来到, 联合 …) and more follows: its length in bytes. Matched by
/// character rather than against a list of strings, as this runs for every name read back.
fn lead_len(phrase: &str) -> Option<usize> {
    let mut chars = phrase.chars();
    let first = chars.next()?;
    let len = match (first, chars.next()?) {
        (
            '在' | '于' | '到' | '赴' | '向' | '对' | '由' | '据' | '从' | '与' | '和' | '及' | '是' | '为'
            | '让' | '给' | '经' | '同',
            _,
        ) => first.len_utf8(),
        ('这', '是') | ('来', '到') | ('走', '进') | ('深', '入') | ('联', '合') | ('前', '往') => {
            6
        }
        _ => return None,
    };
    (phrase.len() > len).then_some(len)
}

/// A unit word (局, 中心, 街道 …) found in text.
#[derive(Debug, Clone, Copy)]
pub struct UnitWord {
    /// Byte offset of the word.
    pos: usize,
    /// The word and its kind.
    word: (&'static str, OrgKind),
}

/// The unit word starting with the character `c` at byte `pos`, of `words` (those starting
/// with `c`, longest first), unless the characters around it make an ordinary word of it
/// (格局, 委员, 城乡).
#[inline]
pub fn unit_word_at(text: &str, pos: usize, c: char, words: &[Suffix]) -> Option<UnitWord> {
    // Most characters unit words start with (中, 大, 工, 社 …) start only longer words: the
    // next character settles those at once.
    let next = char_at(text, pos + c.len_utf8());
    let mut possible = words.iter().filter(|w| w.second.is_none_or(|s| Some(s) == next)).peekable();
    possible.peek()?;
    let before = char_before(text, pos)?;
    let rest = text.get(pos..)?;
    possible.find_map(|w| {
        // The first two characters are known to match; only a longer word needs the rest.
        let checked = c.len_utf8() + w.second.map_or(0, char::len_utf8);
        if w.text.len() > checked && !rest.starts_with(w.text) {
            return None;
        }
        let after = char_at(rest, w.text.len());
        (!ordinary_word(w.text, before, after)).then_some(UnitWord { pos, word: (w.text, w.kind) })
    })
}

/// The unit names that end in the unit words found in `text` (in text order), given the
/// division names found there (`places`, as
/// [`Gazetteer::find`](super::gazetteer::Gazetteer::find) gives them for the same text), into
/// `out` (cleared first).
pub fn orgs_from<'t>(text: &'t str, words: &[UnitWord], places: &[Mention], out: &mut Vec<Org<'t>>) {
    out.clear();
    let mut skip_to = 0;
    for &UnitWord { pos, word: (suffix, kind) } in words {
        if pos < skip_to {
            continue;
        }
        let end = pos + suffix.len();
        if let Some(org) = name_before(text, UnitWord { pos, word: (suffix, kind) }, places) {
            // A longer name ending here (社区 after 街道) replaces one it contains.
            while out.last().is_some_and(|o| o.start >= org.start) {
                out.pop();
            }
            out.push(org);
        }
        skip_to = end;
    }
}

/// Longest own name of a town or street office after the places before it (新华路 of
/// 新华路街道): a longer run (羊流镇第二届篮球赛在镇) is a sentence, not a name.
const MAX_TOWNSHIP_OWN: usize = 5;

/// Whether the text between the last division name in `start..pos` (or `start`) and the unit
/// word at `pos` is short enough to be a town's own name.
fn short_after_places(text: &str, start: usize, pos: usize, places: &[Mention]) -> bool {
    let from =
        places.iter().filter(|m| m.start >= start && m.end <= pos).map(|m| m.end).max().unwrap_or(start);
    text.get(from..pos).is_none_or(|own| own.chars().nth(MAX_TOWNSHIP_OWN).is_none())
}

/// Reads the unit name that ends in a unit word.
fn name_before<'t>(text: &'t str, word: UnitWord, places: &[Mention]) -> Option<Org<'t>> {
    let UnitWord { pos, word: (suffix, kind) } = word;
    let end = pos + suffix.len();
    let first = name_start(text, pos);
    let mut start = first;
    let mut locative = false;
    let mut body = &text[first..end];
    while let Some(len) = lead_len(body) {
        locative |= body.starts_with('在');
        body = &body[len..];
        start += len;
    }
    // Departments and communities need a place or level before them; start at the first.
    let anchored = anchor(body, start, places);
    let (offset, needs_anchor) = match kind {
        OrgKind::Enterprise | OrgKind::Institution => (anchored.filter(|&a| a == 0).unwrap_or(0), false),
        OrgKind::Township | OrgKind::Zone => (anchored.unwrap_or(0), false),
        OrgKind::Department | OrgKind::Community => (anchored.unwrap_or(0), anchored.is_none()),
    };
    let name = &body[offset..];
    // The name ends where the unit word does: it has more characters than the word (and so
    // two at least) exactly when it has more bytes.
    if name.len() <= suffix.len() {
        return None;
    }
    if kind == OrgKind::Township && !short_after_places(text, start + offset, pos, places) {
        return None;
    }
    let anchored = !needs_anchor || is_known_department(name);
    Some(Org { name, start: start + offset, kind, locative, anchored })
}

/// Characters a unit name is made of.
fn is_name_char(c: char) -> bool {
    is_cjk(c) || c == '·'
}

/// Where the run of name characters (at most [`MAX_NAME`]) that ends at byte `pos` starts.
/// This runs for every unit word found, so a lead byte E5–E9 three bytes back is taken as an
/// ideograph without decoding; anything else goes through [`char_before`].
fn name_start(text: &str, pos: usize) -> usize {
    let mut start = pos;
    for _ in 0..MAX_NAME {
        // U+5000–U+9FFF, most of any name: ideographs, no decoding needed.
        if let [.., 0xE5..=0xE9, _, _] = *text.as_bytes().get(..start).unwrap_or_default() {
            start -= 3;
            continue;
        }
        let before = char_before(text, start);
        match before.filter(|&c| is_name_char(c)) {
            Some(c) => start -= c.len_utf8(),
            None => break,
        }
    }
    start
}

/// Offset in `phrase` (which starts at byte `at` of the text) of its first place or level
/// prefix: a division name found there, or 市/区/县 (with 委) directly before a known department.
fn anchor(phrase: &str, at: usize, places: &[Mention]) -> Option<usize> {
    let end = at + phrase.len();
    let division = places[places.partition_point(|m| m.start < at)..]
        .iter()
        .take_while(|m| m.start < end)
        .find(|m| m.end <= end)
        .map(|m| m.start - at);
    let level = phrase.char_indices().find_map(|(i, c)| {
        if !matches!(c, '市' | '区' | '县' | '省') {
            return None;
        }
        let rest = &phrase[i + c.len_utf8()..];
        starts_with_department(rest.strip_prefix('委').unwrap_or(rest)).then_some(i)
    });
    match (division, level) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// True when a name is a level prefix and a known department (`市发展改革委`).
fn is_known_department(name: &str) -> bool {
    let rest = name.trim_start_matches(['市', '区', '县', '省', '委']);
    rest.len() < name.len() && starts_with_department(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::candidates::Candidates;

    /// Unit names in text, found as the classifier finds them.
    fn find_orgs(text: &str) -> Vec<Org<'_>> {
        let mut words = Vec::new();
        Candidates::get().each(text, |pos, r| words.extend(unit_word_at(text, pos, r.c, &r.words)));
        let mut orgs = Vec::new();
        orgs_from(text, &words, &crate::core::gazetteer::Gazetteer::get().find(text), &mut orgs);
        orgs
    }

    fn names(text: &str) -> Vec<(String, bool)> {
        find_orgs(text).into_iter().filter(|o| o.anchored).map(|o| (o.name.to_owned(), o.locative)).collect()
    }

    #[test]
    fn unit_names_by_structure() {
        let cases: [(&str, &[(&str, bool)]); 9] = [
            ("糖酒站家属院居民", &[]),
            ("近日，河湾市第一中学举行活动。", &[("河湾市第一中学", false)]),
            ("7月5日，长江能源发电有限公司40名党员", &[("长江能源发电有限公司", false)]),
            ("市发展改革委始终坚持", &[("市发展改革委", false)]),
            ("在济南市档案馆，市委市直机关工委举行", &[("济南市档案馆", true), ("市委市直机关工委", false)]),
            ("在历下区泉城路街道南门社区，社区党委书记", &[("历下区泉城路街道南门社区", true)]),
            ("举办活动，形成新格局。", &[]),
            ("城乡居民和农村群众", &[]),
            ("这是历城区住建局建设工程质量服务中心党支部", &[("历城区住建局建设工程质量服务中心", false)]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, bool)> = want.iter().map(|(n, l)| ((*n).to_owned(), *l)).collect();
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn a_name_is_read_back_over_ideographs_and_the_middle_dot() {
        let long = "市".repeat(MAX_NAME + 5);
        let cases: [(&str, &str); 7] = [
            ("近日，河湾市第一", "河湾市第一"),
            ("2023年阿依古丽·买买提", "年阿依古丽·买买提"),
            ("位于𠀋家村", "位于𠀋家村"),
            ("（河湾）", ""),
            ("Hello世界", "世界"),
            ("", ""),
            (long.as_str(), &long[15..]),
        ];
        for (text, name) in cases {
            assert_eq!(&text[name_start(text, text.len())..], name, "{text}");
        }
    }
}
