//! What tells a unit's name from the sentence around it: the words that never stand inside an
//! organisation's name (pronouns, particles, the verbs of a clause), and the words that join
//! two units (与, 和, 联合 …) or lead from a unit to what it acts on (为, 在, 向 …).
//!
//! Reading a name back from its unit word can run into the sentence before it
//! (他先后联系多家…公司) or over a second unit (…社区与…学院). The tables here are what
//! the reading stops at; a newcomer extends them with a line each.

use std::sync::LazyLock;

use crate::classify::gazetteer::Mention;
use crate::classify::scanner::CharSet;
use crate::classify::unit_words::UnitWord;

/// Single characters that never stand in a unit's own name: pronouns, particles, adverbs of
/// a clause. Division names are exempt (将乐县, 那曲市), as are the unit words themselves.
const CLAUSE_CHARS: &[char] = &[
    '我', '你', '他', '她', '它', '们', '其', '该', '这', '那', '此', '每', '各', '了', '着', '过', '也',
    '又', '还', '却', '均', '将', '把', '被', '让', '的', '得', '在', '余',
];

/// Words of a clause that never stand in a unit's own name: verbs of going, meeting and
/// choosing, counting words, and the people a sentence is about. Verbs that do name
/// departments (建设, 发展, 管理, 服务, 保障, 组织) are left out on purpose.
const CLAUSE_WORDS: &[&str] = &[
    "迎来", "选择", "走进", "联系", "参加", "参与", "举行", "举办", "开展", "位于", "来到", "前往", "成为",
    "作为", "进入", "获得", "走访", "看望", "慰问", "先后", "不仅", "不少", "多家", "多名", "行走", "前来",
    "邀请", "召开", "启动", "配套", "获悉", "了解", "表示", "介绍", "通过", "打造", "实现", "加快", "积极",
    "纷纷", "正在", "已经", "记者", "人们", "一起", "共同", "带动", "吸引", "推动", "落户", "入驻", "签约",
    "建成", "新建", "扩建", "还是", "就是", "只是", "以及", "全市", "全县", "全区", "全省",
];

/// The characters clause words and characters start with.
static CLAUSE_FIRSTS: LazyLock<CharSet> = LazyLock::new(|| {
    let mut set = CharSet::new();
    CLAUSE_CHARS.iter().for_each(|&c| set.insert(c));
    CLAUSE_WORDS.iter().filter_map(|w| w.chars().next()).for_each(|c| set.insert(c));
    set
});

/// Words that join two units into one phrase (A与B, A联合B): the second is a co-unit.
const JOINERS: &[&str] = &["联合", "协同", "携手", "会同", "与", "和", "及", "同"];

/// True when `word` is one of the words that join two units.
pub fn is_joiner(word: &str) -> bool {
    JOINERS.contains(&word)
}

/// Words that lead from a unit to what it acts on or where (A为B, A在B, A向B): the second
/// is no part of the first's name and no co-unit either.
const LEADS_ON: &[&str] =
    &["为", "在", "向", "对", "给", "到", "赴", "把", "被", "帮助", "走进", "来到", "位于"];

/// True when `text[from..to]` holds a clause word or character outside the division names
/// (`places`, offsets in `text`) and outside the name's own unit words (`words`).
pub fn has_clause_word(text: &str, from: usize, to: usize, places: &[Mention], words: &[UnitWord]) -> bool {
    let Some(span) = text.get(from..to) else {
        return false;
    };
    let covered = |at: usize| {
        places.iter().any(|m| m.start <= at && at < m.end)
            || words.iter().any(|w| w.pos <= at && at < w.pos + w.word.0.len())
    };
    for (i, c) in span.char_indices() {
        // Most characters start no clause word: one load settles them.
        if !CLAUSE_FIRSTS.contains(c) {
            continue;
        }
        let at = from + i;
        if covered(at) {
            continue;
        }
        let rest = &span[i..];
        if CLAUSE_CHARS.contains(&c)
            || CLAUSE_WORDS.iter().any(|w| rest.starts_with(w) && !covered(at + w.len() - 1))
        {
            return true;
        }
    }
    false
}

/// Where a phrase read back from a unit word (`text[from..to]`) must start instead, when a
/// unit word inside it is followed by a joining or leading word: the byte after the last
/// such word, and whether it joins two units (a co-unit) rather than leads on.
pub fn cut_after_unit(text: &str, from: usize, to: usize, words: &[UnitWord]) -> Option<(usize, bool)> {
    // A joining verb of two characters joins whatever stands before it (…农综区联合…海关),
    // unless it is part of a unit word (联合会).
    let span = text.get(from..to)?;
    let in_word = |at: usize| words.iter().any(|w| w.pos <= at && at < w.pos + w.word.0.len());
    // The verbs start with few characters: most phrases have none of them.
    if span.contains(['联', '协', '携', '会']) {
        let verb = JOINERS.iter().filter(|j| j.len() > 3).filter_map(|j| {
            span.rmatch_indices(*j).map(|(i, _)| from + i).find(|&at| !in_word(at)).map(|at| at + j.len())
        });
        if let Some(at) = verb.max() {
            return Some((at, true));
        }
    }
    let inside = words.iter().rev().map(|w| w.pos + w.word.0.len()).filter(|&end| end > from && end < to);
    for end in inside {
        let rest = &text[end..to];
        if let Some(j) = JOINERS.iter().find(|j| rest.starts_with(**j)) {
            return Some((end + j.len(), true));
        }
        if let Some(l) = LEADS_ON.iter().find(|l| rest.starts_with(**l)) {
            return Some((end + l.len(), false));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Tables;
    use crate::classify::page_scan::scan_text;

    fn scanned(text: &str) -> (Vec<Mention>, Vec<UnitWord>) {
        let (mut places, mut words) = (Vec::new(), Vec::new());
        scan_text(Tables::builtin().gazetteer(), text, &mut places, &mut words);
        (places, words)
    }

    #[test]
    fn clause_words_outside_division_names() {
        let cases: [(&str, bool); 8] = [
            ("我们各中小学", true),
            ("她随后联系多家公司", true),
            ("游人纷纷走进博物馆", true),
            ("将乐县青云镇", false),
            ("市住房和城乡建设局", false),
            ("青禾县综合行政执法局", false),
            ("团员百余名", true),
            ("", false),
        ];
        for (text, want) in cases {
            let (places, words) = scanned(text);
            assert_eq!(has_clause_word(text, 0, text.len(), &places, &words), want, "{text}");
        }
    }

    #[test]
    fn a_phrase_is_cut_after_a_unit_and_a_joining_word() {
        let cases: [(&str, Option<(&str, bool)>); 6] = [
            ("青禾街道晓光社区与青禾职业技术学院", Some(("青禾职业技术学院", true))),
            ("青禾县卫生健康委员会联合青禾县人民医院", Some(("青禾县人民医院", true))),
            ("青禾县消防救援大队为晓光社区", Some(("晓光社区", false))),
            ("市发展和改革委员会", None),
            ("市住房和城乡建设局", None),
            ("晓光社区", None),
        ];
        for (text, want) in cases {
            let (_, words) = scanned(text);
            let got = cut_after_unit(text, 0, text.len(), &words).map(|(at, joined)| (&text[at..], joined));
            assert_eq!(got, want, "{text}");
        }
    }
}
