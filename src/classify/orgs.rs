//! Recognising unit (单位) names in text by their structure: a name ending in a unit word
//! (局, 委, 办, 院, 中心, 公司, 街道, 社区, 学校 …), started by a place or level prefix (a
//! division name, 市, 区, 县, 市委) or, for enterprises and institutions, by the phrase
//! boundary before it. Department short forms come from `assets/departments.tsv`.

use std::sync::LazyLock;

use crate::classify::clause::{cut_after_unit, has_clause_word, is_joiner};
use crate::classify::gazetteer::Mention;
use crate::classify::scanner::{CharSet, char_at, char_before, common_ideograph_before, find_utf8_3, utf8_3};
use crate::classify::tables::Departments;
use crate::classify::unit_words::UnitWord;
use crate::text::is_cjk;

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
    /// Where the unit it is joined to ends, when the text joins the two (A与B, A联合B):
    /// then it is a co-unit of that one.
    pub joined_to: Option<usize>,
}

/// Longest name searched back from a unit word, in characters.
const MAX_NAME: usize = 24;
/// The first characters of the words [`lead_len`] knows.
static LEAD_FIRSTS: LazyLock<CharSet> =
    LazyLock::new(|| CharSet::of("在于到赴向对由据从与和及是为让给经同这来走深联前"));

/// The word that opens `phrase` when it is one that comes before a unit name without being
/// part of it (在, 于, 来到, 联合 …) and more follows: its length in bytes. Matched by
/// character rather than against a list of strings, as this runs for every name read back.
fn lead_len(phrase: &str) -> Option<usize> {
    let mut chars = phrase.chars();
    let first = chars.next()?;
    // One load settles most phrases; the match below would branch its way through them.
    if !LEAD_FIRSTS.contains(first) {
        return None;
    }
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

/// The unit names that end in the unit words found in `text` (in text order), given the
/// division names found there (`places`, as
/// [`Gazetteer::find`](crate::classify::gazetteer::Gazetteer::find) gives them for the same text), into
/// `out` (cleared first).
pub fn orgs_from<'t>(
    text: &'t str,
    words: &[UnitWord],
    places: &[Mention],
    departments: &Departments,
    out: &mut Vec<Org<'t>>,
) {
    out.clear();
    let mut skip_to = 0;
    for &word in words {
        let (pos, suffix) = (word.pos, word.word.0);
        if pos < skip_to {
            continue;
        }
        let end = pos + suffix.len();
        if let Some(org) = name_before(text, word, words, places, departments) {
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
/// Longest own name of a community or village after the places before it (育新 of 柳园街道
/// 育新社区): a longer run (宝都街道组织志愿者走进社区) is a sentence.
const MAX_COMMUNITY_OWN: usize = 6;

/// Whether the text between the last division name in `start..pos` (or `start`) and the unit
/// word at `pos` has at most `most` characters and no particle (的, 了) or 在, as a unit's own
/// name does.
fn short_after_places(text: &str, start: usize, pos: usize, places: &[Mention], most: usize) -> bool {
    let from =
        places.iter().filter(|m| m.start >= start && m.end <= pos).map(|m| m.end).max().unwrap_or(start);
    text.get(from..pos).is_none_or(|own| own.chars().nth(most).is_none() && !own.contains(['的', '了', '在']))
}

/// Whether a town or street office whose name runs from `start` to its unit word is one: a
/// division name ending there, at the start or straight after another place (the table
/// lists every town; 南部县依托升钟湖发展乡 is a sentence even if some 发展乡 exists), or a
/// short own name after a place or level prefix (a town the table does not know yet).
/// 水乡古镇 and 老街道 are words, not towns.
fn is_township(text: &str, start: usize, word: UnitWord, places: &[Mention], anchored: bool) -> bool {
    let end = word.pos + word.word.0.len();
    let from = places.partition_point(|m| m.end < end);
    let listed = places.get(from).filter(|m| m.end == end).is_some_and(|m| {
        m.start == start || places[..from].iter().rev().any(|p| p.end == m.start && p.start >= start)
    });
    listed || anchored && short_after_places(text, start, word.pos, places, MAX_TOWNSHIP_OWN)
}

/// Reads the unit name that ends in a unit word.
fn name_before<'t>(
    text: &'t str,
    word: UnitWord,
    words: &[UnitWord],
    places: &[Mention],
    departments: &Departments,
) -> Option<Org<'t>> {
    let UnitWord { pos, word: (suffix, kind), .. } = word;
    let end = pos + suffix.len();
    let read_from = name_start(text, pos);
    // A read back that stops on a name character ran out of length: it has no clean edge.
    let clipped = char_before(text, read_from).is_some_and(is_name_char);
    // A number before the name makes a count of it (3号院, 5所学校), not a name.
    let counted =
        char_before(text, read_from).is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    // A unit inside the phrase followed by a joining or leading word ends the phrase there:
    // this name starts after it (…社区与…学院, …大队为…社区).
    // The unit words inside the phrase read back (the scan found them in text order).
    let inside = &words[words.partition_point(|w| w.pos < read_from)..words.partition_point(|w| w.pos < pos)];
    let cut = cut_after_unit(text, read_from, pos, inside);
    let first = cut.map_or(read_from, |(at, _)| at);
    let joined_to = cut.filter(|(_, joined)| *joined).and_then(|(at, _)| {
        inside.iter().map(|w| w.pos + w.word.0.len()).filter(|&e| e < at && is_joiner(&text[e..at])).max()
    });
    let mut start = first;
    let mut locative = false;
    let mut body = &text[first..end];
    // A lead word that starts a division name (于 of 于都县, 和 of 和平区) is the name's.
    let place_at =
        |at: usize| places.get(places.partition_point(|m| m.start < at)).is_some_and(|m| m.start == at);
    while let Some(len) = lead_len(body).filter(|_| !place_at(start)) {
        // A unit after 从 is where news came from (记者从…获悉), no more the actor than a place.
        locative |= body.starts_with('在') || body.starts_with('从');
        body = &body[len..];
        start += len;
    }
    // Departments and communities need a place or level before them; start at the first.
    let anchored = anchor(body, start, places, departments);
    let (offset, needs_anchor) = match kind {
        OrgKind::Enterprise | OrgKind::Institution => (anchored.filter(|&a| a == 0).unwrap_or(0), false),
        OrgKind::Township | OrgKind::Zone => (anchored.unwrap_or(0), false),
        OrgKind::Department | OrgKind::Community => (anchored.unwrap_or(0), anchored.is_none()),
    };
    let name = &body[offset..];
    // A name standing alone in quotation marks is a figure of speech (“绿色银行”).
    let quoted = char_before(text, start + offset) == Some('“') && text[end..].starts_with('”');
    if quoted {
        return None;
    }
    // The name ends where the unit word does: it has more characters than the word (and so
    // two at least) exactly when it has more bytes.
    if name.len() <= suffix.len() {
        return None;
    }
    let own_name_ok = match kind {
        OrgKind::Township => is_township(text, start + offset, word, places, anchored.is_some()),
        OrgKind::Community => short_after_places(text, start + offset, pos, places, MAX_COMMUNITY_OWN),
        _ => true,
    };
    if !own_name_ok {
        return None;
    }
    let name_at = start + offset;
    // A name straight after 在 or 从 inside the phrase (居民漫步在某镇) is a place too, and
    // so is one in a list (…、某学院、…): the places where something was held.
    locative |= matches!(char_before(text, name_at), Some('在' | '从' | '、'))
        || matches!(char_at(text, end), Some('、' | '等'));
    let words_in = &inside[inside.partition_point(|w| w.pos < name_at)..];
    let places_in =
        &places[places.partition_point(|m| m.end <= name_at)..places.partition_point(|m| m.start < pos)];
    if has_clause_word(text, name_at, pos, places_in, words_in) {
        return None;
    }
    // An enterprise or institution named without a place needs a clean left edge (the
    // start of a clause or a word leading to it) and an own name of two characters or more
    // (楼院 is a courtyard).
    let placed = anchored == Some(0);
    let loose = matches!(kind, OrgKind::Enterprise | OrgKind::Institution) && !placed;
    let short = name[..name.len() - suffix.len()].chars().nth(1).is_none();
    if loose && (clipped && cut.is_none() || short || leads_inside(name)) || counted && cut.is_none() {
        return None;
    }
    // An institution of one character (院, 馆, 所) needs its own name after its place:
    // 某镇院 is a sentence's end, where 某市分行 is a branch.
    if kind == OrgKind::Institution
        && suffix.chars().nth(1).is_none()
        && own_after_places(name_at, pos, places) == 0
    {
        return None;
    }
    let anchored = !needs_anchor || is_known_department(name, departments);
    Some(Org { name, start: name_at, kind, locative, anchored, joined_to })
}

/// The length in bytes of the text between the last division name in `start..pos` (or
/// `start`) and the unit word at `pos`.
fn own_after_places(start: usize, pos: usize, places: &[Mention]) -> usize {
    let from =
        places.iter().filter(|m| m.start >= start && m.end <= pos).map(|m| m.end).max().unwrap_or(start);
    pos.saturating_sub(from)
}

/// Whether a name without a place has a preposition after its first character (组织青年到某
/// 公司): such a name is a clause, and without a place nothing tells where the name starts.
fn leads_inside(name: &str) -> bool {
    name.chars().skip(1).any(|c| {
        matches!(c, '到' | '在' | '向' | '为' | '对' | '从' | '给' | '把' | '被' | '让' | '由' | '跟')
    })
}

/// Characters a unit name is made of.
fn is_name_char(c: char) -> bool {
    is_cjk(c) || c == '·'
}

/// Where the run of name characters (at most [`MAX_NAME`]) that ends at byte `pos` starts.
/// This runs for every unit word found, so the common ideographs are stepped over without
/// decoding; anything else goes through [`char_before`].
fn name_start(text: &str, pos: usize) -> usize {
    let mut start = pos;
    for _ in 0..MAX_NAME {
        if common_ideograph_before(text, start) {
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
fn anchor(phrase: &str, at: usize, places: &[Mention], departments: &Departments) -> Option<usize> {
    let end = at + phrase.len();
    let division = places[places.partition_point(|m| m.start < at)..]
        .iter()
        .take_while(|m| m.start < end)
        .find(|m| m.end <= end)
        .map(|m| m.start - at);
    // Only a level prefix before the division name can come first.
    let before = phrase.get(..division.unwrap_or(phrase.len())).unwrap_or_default();
    let level = level_prefix(before, |i| {
        let rest = &phrase[i + LEVEL_LEN..];
        departments.starts(rest.strip_prefix('委').unwrap_or(rest))
    });
    level.or(division)
}

/// 市, 区, 县 and 省 in UTF-8.
const LEVELS: [[u8; 3]; 4] = [utf8_3('市'), utf8_3('区'), utf8_3('县'), utf8_3('省')];
/// Their length in bytes.
const LEVEL_LEN: usize = 3;

/// The offset of the first of 市, 区, 县 and 省 in `text` for which `accept` says yes. This
/// runs for every unit name read back, so the characters are compared as bytes.
fn level_prefix(text: &str, accept: impl FnMut(usize) -> bool) -> Option<usize> {
    find_utf8_3(text, &LEVELS, accept)
}

/// True when a name is a level prefix and a known department (`市发展改革委`), or the Youth
/// League committee of a level (团市委, 团县委).
fn is_known_department(name: &str, departments: &Departments) -> bool {
    let rest = name.trim_start_matches(['市', '区', '县', '省', '委']);
    league_committee(name).is_some() || rest.len() < name.len() && departments.starts(rest)
}

/// The level's Party committee whose Youth League committee `name` is (市委 of 团市委), if it
/// is one: the League names its committees with the level inside (团市委, not 市团委).
pub fn league_committee(name: &str) -> Option<&str> {
    name.strip_prefix('团').filter(|rest| matches!(*rest, "市委" | "县委" | "区委" | "省委"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Tables;
    use crate::classify::page_scan::scan_text;

    /// Unit names in text, found as the classifier finds them.
    fn find_orgs(text: &str) -> Vec<Org<'_>> {
        let (mut places, mut words, mut orgs) = (Vec::new(), Vec::new(), Vec::new());
        let tables = Tables::builtin();
        scan_text(tables.gazetteer(), text, &mut places, &mut words);
        orgs_from(text, &words, &places, tables.departments(), &mut orgs);
        orgs
    }

    fn names(text: &str) -> Vec<(String, bool)> {
        find_orgs(text).into_iter().filter(|o| o.anchored).map(|o| (o.name.to_owned(), o.locative)).collect()
    }

    #[test]
    fn unit_names_by_structure() {
        let cases: [(&str, &[(&str, bool)]); 21] = [
            ("近日，昌乐县宝都街道组织志愿者走进社区", &[("昌乐县宝都街道", false)]),
            ("当阳市玉泉街道的志愿者在社区开展宣传", &[("当阳市玉泉街道", false)]),
            ("水乡古镇迎来旅游旺季", &[]),
            ("走进昌城镇的种植基地", &[("昌城镇", false)]),
            ("当事人诉至法院，西陵区人民法院受理", &[("西陵区人民法院", false)]),
            ("于都县委宣传部开展活动", &[("于都县委宣传部", false)]),
            ("团市委组织青年志愿者", &[("团市委", false)]),
            ("在于都县委宣传部", &[("于都县委宣传部", true)]),
            ("晋江市人民政府召开大会", &[("晋江市人民政府", false)]),
            ("竹林里长出“绿色银行”", &[]),
            ("中国银行泉州分行助力", &[("中国银行泉州分行", false)]),
            ("南部县依托升钟湖发展乡镇企业", &[]),
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
    fn lead_words_are_known_by_their_first_character_and_need_more_after_them() {
        let leads = "这是 来到 走进 深入 联合 前往 在 于 到 赴 向 对 由 据 从 与 和 及 是 为 让 给 经 同";
        for lead in leads.split(' ') {
            assert_eq!(lead_len(&format!("{lead}河湾市")), Some(lead.len()), "{lead}");
            assert_eq!(lead_len(lead), None, "{lead} alone");
        }
        for phrase in ["河湾市", "这里", "来自", "", "x在"] {
            assert_eq!(lead_len(phrase), None, "{phrase}");
        }
    }

    #[test]
    fn level_characters_are_found_as_bytes() {
        let cases: [(&str, &[usize]); 5] = [
            ("河湾市发展改革委", &[6]),
            ("x区委·县省", &[1, 9, 12]),
            ("县", &[0]),
            ("市", &[0]),
            ("𠀋城市", &[7]),
        ];
        for (text, want) in cases {
            let mut got = Vec::new();
            level_prefix(text, |i| {
                got.push(i);
                false
            });
            assert_eq!(got, want, "{text}");
            assert_eq!(level_prefix(text, |_| true), want.first().copied(), "{text}");
        }
        assert_eq!(LEVELS.map(|l| String::from_utf8_lossy(&l).into_owned()), ["市", "区", "县", "省"]);
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
