//! Unit words (局, 委, 中心, 有限公司, 街道 …): the words a unit's name ends in, and the
//! characters around them that make an ordinary word instead (格局, 委员, 城乡).
//!
//! The scan meets each word at its last character, as it meets division names: fewer of the
//! characters unit words end in are common in running text than of those they start with
//! (工, 中, 大, 有, 公 start 工作, 中国, 大家, 有关, 公开), so the scan stops less often.

use crate::classify::orgs::OrgKind;
use crate::classify::scanner::{FewChars, char_at, char_before};

/// Unit words, longest first among those sharing a first character; the kind says how the
/// name is grouped, and the last column which characters around the word make an ordinary
/// word of it (格局, 举办, 委员, 庭院, 城镇, 城乡, 农村, 场所 …).
const SUFFIXES: &[(&str, OrgKind, Ordinary)] = &[
    ("高新技术产业开发区", OrgKind::Zone, PLAIN),
    ("经济技术开发区", OrgKind::Zone, PLAIN),
    ("工业园区", OrgKind::Zone, PLAIN),
    ("产业园区", OrgKind::Zone, PLAIN),
    ("产业园", OrgKind::Zone, PLAIN),
    ("开发区", OrgKind::Zone, PLAIN),
    ("经开区", OrgKind::Zone, PLAIN),
    ("保税区", OrgKind::Zone, PLAIN),
    ("高新区", OrgKind::Zone, PLAIN),
    ("度假区", OrgKind::Zone, PLAIN),
    ("示范区", OrgKind::Zone, PLAIN),
    // 城市新区 is a part of town; 科技城新区 and 天府新区 are zones.
    ("新区", OrgKind::Zone, before(&['市', '和', '老', '个', '座', '片'])),
    ("有限责任公司", OrgKind::Enterprise, PLAIN),
    ("有限公司", OrgKind::Enterprise, PLAIN),
    ("委员会", OrgKind::Department, PLAIN),
    ("研究院", OrgKind::Institution, PLAIN),
    // A court is named with its place (西陵区人民法院); 诉至法院 names none.
    ("法院", OrgKind::Department, PLAIN),
    ("幼儿园", OrgKind::Institution, PLAIN),
    ("公司", OrgKind::Enterprise, PLAIN),
    ("分行", OrgKind::Enterprise, PLAIN),
    ("支行", OrgKind::Enterprise, PLAIN),
    ("集团", OrgKind::Enterprise, PLAIN),
    ("银行", OrgKind::Enterprise, PLAIN),
    ("医院", OrgKind::Institution, PLAIN),
    ("学校", OrgKind::Institution, PLAIN),
    // 市中心 and 城中心 are places, not centres; 中学 shares 中心's rule.
    ("中学", OrgKind::Institution, before(CENTRE)),
    ("小学", OrgKind::Institution, PLAIN),
    ("大学", OrgKind::Institution, PLAIN),
    ("学院", OrgKind::Institution, PLAIN),
    ("中心", OrgKind::Institution, before(CENTRE)),
    ("街道", OrgKind::Township, before(&['大', '小', '老'])),
    ("社区", OrgKind::Community, PLAIN),
    ("联合会", OrgKind::Department, PLAIN),
    ("工商联", OrgKind::Department, PLAIN),
    ("工会", OrgKind::Department, PLAIN),
    ("妇联", OrgKind::Department, PLAIN),
    ("残联", OrgKind::Department, PLAIN),
    ("文联", OrgKind::Department, PLAIN),
    ("侨联", OrgKind::Department, PLAIN),
    ("科协", OrgKind::Department, PLAIN),
    ("政府", OrgKind::Department, PLAIN),
    // A customs office is named with its city or port, which may be one the table lacks.
    ("海关", OrgKind::Institution, PLAIN),
    ("支队", OrgKind::Department, PLAIN),
    ("大队", OrgKind::Department, PLAIN),
    ("工委", OrgKind::Department, PLAIN),
    (
        "局",
        OrgKind::Department,
        ordinary(
            &['格', '布', '结', '大', '全', '当', '开', '变', '时', '政', '胜', '残', '赌', '饭'],
            None,
            &['长'],
        ),
    ),
    // 组织部 and 宣传部 are units; 干部, 全部, 北部 and 部分, 部门, 部署 are words.
    (
        "部",
        OrgKind::Department,
        ordinary(
            // The most frequent first (支部, 干部): the list is searched in order.
            &[
                '支', '干', '全', '内', '大', '外', '局', '东', '南', '西', '北', '中', '总', '头', '底',
                '上', '下', '前', '后', '背', '面', '细', '本', '一', '两', '各', '每', '这', '该', '腹',
                '胸', '俱',
            ],
            None,
            &['分', '门', '署', '长', '队', '件', '位', '落', '属', '委'],
        ),
    ),
    // 委员 and 委托 are words; 党委 and 纪委 are bodies, not units, unless a 会 follows.
    ("委", OrgKind::Department, ordinary(&['党', '纪'], Some('会'), &['员', '托'])),
    (
        "办",
        OrgKind::Department,
        ordinary(
            &[
                '举', '创', '主', '承', '协', '督', '包', '兴', '开', '合', '民', '好', '难', '代', '查',
                '帮', '能', '会', '来',
            ],
            None,
            // 办事(处), 办理, 办法, 办学, 办案: the name ends before (开元街道).
            &['事', '理', '法', '学', '案', '好', '成', '得', '不'],
        ),
    ),
    // 院区, 院长, 院士, 院所 and 院校 are words; so are 局长, 所长 and 馆长.
    (
        "院",
        OrgKind::Institution,
        ordinary(
            &['庭', '小', '四', '合', '大', '医', '法', '影', '剧', '书', '学', '属'],
            None,
            // 院内, 院里 and 院落 are courtyards.
            &['区', '长', '士', '所', '校', '内', '里', '落'],
        ),
    ),
    ("馆", OrgKind::Institution, ordinary(&['宾', '饭', '菜', '旅'], None, &['长'])),
    (
        "所",
        OrgKind::Institution,
        ordinary(
            &['场', '住', '厕', '处', '有', '无', '之', '哨', '院'],
            None,
            &['长', '在', '以', '有', '属', '谓', '得', '需', '说', '做', '用', '能', '想', '见'],
        ),
    ),
    // 乡村, 镇村 (两级) are words whatever comes before.
    ("镇", OrgKind::Township, ordinary(&['城', '乡', '村', '重'], None, &['村'])),
    (
        "乡",
        OrgKind::Township,
        ordinary(&['城', '家', '下', '回', '故', '还', '老', '异', '他'], None, &['村']),
    ),
    // 村村 and 村民 are a village's villages and villagers: the name ends at the first 村.
    ("村", OrgKind::Community, ordinary(&['农', '乡', '山', '渔', '新', '村'], None, &['民'])),
];

/// Before 中心 or 中学: a place (市中心), not a unit.
const CENTRE: &[char] = &['市', '城', '圈', '为', '重', '核'];

/// The characters around a unit word that make an ordinary word of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ordinary {
    /// Characters that do before the word (格 of 格局) …
    before: FewChars,
    /// … unless this one follows it.
    unless_after: Option<char>,
    /// Characters that do after it (员 of 委员).
    after: &'static [char],
}

/// No character makes an ordinary word of it.
const PLAIN: Ordinary = before(&[]);

/// These characters do before the word.
const fn before(chars: &'static [char]) -> Ordinary {
    ordinary(chars, None, &[])
}

/// These characters do before the word unless `unless_after` follows it, and these after it.
const fn ordinary(before: &'static [char], unless_after: Option<char>, after: &'static [char]) -> Ordinary {
    Ordinary { before: FewChars::of(before), unless_after, after }
}

impl Ordinary {
    /// Whether the character after the word makes an ordinary word of it (员 of 委员).
    #[inline]
    fn applies_after(&self, after: Option<char>) -> bool {
        after.is_some_and(|a| self.after.contains(&a))
    }

    /// Whether the characters around the word make an ordinary word of it. Lists searched in
    /// order rather than a `match`: a few compares that fail alike cost less than a tree of
    /// branches the processor cannot foresee, as this runs for every unit word in the text.
    #[inline]
    fn applies(&self, before: char, after: Option<char>) -> bool {
        self.applies_after(after)
            || self.before.contains(before) && (self.unless_after.is_none() || after != self.unless_after)
    }
}

/// A unit word, with its next-to-last character to test first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suffix {
    /// The word.
    pub text: &'static str,
    /// Its kind.
    pub kind: OrgKind,
    /// Its next-to-last character (none for a one-character word).
    pub penult: Option<char>,
    /// Its place in the list: of the words starting at one place, the one found first wins.
    pub rank: u8,
    /// What makes an ordinary word of it.
    pub ordinary: Ordinary,
}

impl Suffix {
    /// A unit word of the given rank that nothing makes an ordinary word of.
    pub fn new(text: &'static str, kind: OrgKind, rank: u8) -> Suffix {
        Suffix { text, kind, penult: text.chars().rev().nth(1), rank, ordinary: PLAIN }
    }
}

/// Every unit word, longest first among those sharing a first character.
pub fn unit_words() -> impl Iterator<Item = Suffix> {
    SUFFIXES
        .iter()
        .zip(0..)
        .map(|(&(text, kind, ordinary), rank)| Suffix { ordinary, ..Suffix::new(text, kind, rank) })
}

/// A unit word (局, 中心, 街道 …) found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitWord {
    /// Byte offset of the word.
    pub pos: usize,
    /// The word and its kind.
    pub word: (&'static str, OrgKind),
    /// The word's rank (see [`Suffix::rank`]).
    rank: u8,
}

/// Adds to `out` the unit words of `words` (those ending in the character `c`, at byte `pos`
/// of `text`) that end there, unless the characters around one make an ordinary word of it
/// (格局, 委员, 城乡) or nothing comes before it; `named` says a division name ends here too,
/// which makes a town's name of it whatever comes before (昌城镇 is a town, 城镇 a word),
/// though not whatever comes after (乡村 stays a word).
/// Several may end at one place (公司 and 有限公司); [`leftmost_words`] keeps one for each
/// place they start at.
#[inline]
pub fn unit_words_ending_at(
    text: &str,
    pos: usize,
    c: char,
    words: &[Suffix],
    named: bool,
    out: &mut Vec<UnitWord>,
) {
    // Most characters unit words end in (会, 行, 学, 心, 区 …) end only longer words: the
    // character before settles those at once.
    let Some(penult) = char_before(text, pos) else {
        return;
    };
    let end = pos + c.len_utf8();
    let head = &text.as_bytes()[..end];
    for w in words.iter().filter(|w| w.penult.is_none_or(|p| p == penult)) {
        // The last two characters are known to match; only a longer word needs the rest.
        let checked = c.len_utf8() + w.penult.map_or(0, char::len_utf8);
        if w.text.len() > checked && !head.ends_with(w.text.as_bytes()) {
            continue;
        }
        let start = end - w.text.len();
        let Some(before) = char_before(text, start) else {
            continue;
        };
        let after = char_at(text, end);
        let ordinary = if named && w.kind == OrgKind::Township {
            w.ordinary.applies_after(after)
        } else {
            w.ordinary.applies(before, after)
        };
        if !ordinary {
            out.push(UnitWord { pos: start, word: (w.text, w.kind), rank: w.rank });
        }
    }
}

/// Of the unit words found, in text order, the first-ranked of those starting at each place.
pub fn leftmost_words(found: &mut Vec<UnitWord>) {
    found.sort_unstable_by_key(|w| (w.pos, w.rank));
    found.dedup_by_key(|w| w.pos);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::page_scan::scan_text;

    fn found(text: &str) -> Vec<&'static str> {
        let (mut places, mut words) = (Vec::new(), Vec::new());
        scan_text(crate::classify::Tables::builtin().gazetteer(), text, &mut places, &mut words);
        words.iter().map(|w| w.word.0).collect()
    }

    #[test]
    fn words_are_found_by_their_end_and_settled_by_their_start() {
        let cases: [(&str, &[&str]); 30] = [
            ("诸城市昌城镇", &["镇"]),
            ("推进新型城镇化", &[]),
            ("三台县人民医院新院区", &["医院"]),
            ("市公安局局长", &["局"]),
            ("西陵区人民法院", &["法院"]),
            ("绵阳科技城新区", &["新区"]),
            ("建设城市新区", &[]),
            ("县博物馆馆长", &["馆"]),
            ("党员干部和全部群众", &[]),
            ("于都县委宣传部", &["委", "部"]),
            ("台州市总工会", &["工会"]),
            ("古城所在的街道", &["街道"]),
            ("中国银行泉州分行", &["银行", "分行"]),
            ("晋江市人民政府", &["政府"]),
            ("开元街道办事处", &["街道"]),
            ("依法办理", &[]),
            ("科研院所", &[]),
            ("柳南区螺蛳粉产业园", &["产业园"]),
            ("召开党委会议", &["委"]),
            ("担任委员", &[]),
            ("来到市中心", &[]),
            ("推进乡村振兴", &[]),
            ("河湾化工有限责任公司", &["有限责任公司", "公司"]),
            ("河湾市卫生健康委员会", &["委员会"]),
            ("举办活动的格局", &[]),
            ("城乡和农村", &[]),
            ("第一中学和学校", &["中学", "学校"]),
            ("河湾经济技术开发区", &["经济技术开发区", "开发区"]),
            ("局长", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn of_words_starting_at_one_place_the_first_ranked_is_kept() {
        let word = |pos, text, rank| UnitWord { pos, word: (text, OrgKind::Department), rank };
        let mut words = vec![word(9, "局", 3), word(0, "委", 5), word(0, "委员会", 1), word(3, "办", 2)];
        leftmost_words(&mut words);
        assert_eq!(words, [word(0, "委员会", 1), word(3, "办", 2), word(9, "局", 3)]);
    }
}
