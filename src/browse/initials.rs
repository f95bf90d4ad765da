//! Finding a name by what its user can type without a Chinese input method: the initials of
//! its characters' pinyin (`sthj` finds 市生态环境局, `cp` finds 茌平区), with every reading
//! of a character with several (长 is c or z) accepted, or any part of the name itself.

use pinyin::ToPinyinMulti;

use crate::browse::search::normalise::normalise;

/// Letters a–z take bits 0–25, digits bits 26–35.
fn bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 0,
    }
}

/// The keys that stand for one character of a name: its pinyin initials, or itself for a
/// Latin letter or digit; 0 for anything else (punctuation), which is skipped.
fn keys(c: char) -> u64 {
    let c = c.to_ascii_lowercase();
    if c.is_ascii_alphanumeric() {
        return bit(c);
    }
    let Some(readings) = c.to_pinyin_multi() else {
        return 0;
    };
    readings.into_iter().map(|p| p.first_letter().chars().next().map_or(0, bit)).fold(0, |a, b| a | b)
}

/// A filter prepared once and matched against many names (the tree's filter, every frame).
#[derive(Debug, Clone, Default)]
pub struct GroupFilter {
    /// The filter in the search's normal form.
    text: String,
    /// The keys its letters and digits stand for, when it is made only of them.
    initials: Option<Vec<u64>>,
}

impl GroupFilter {
    /// Prepares what the user typed.
    pub fn new(filter: &str) -> GroupFilter {
        let text = normalise(filter);
        let initials =
            text.chars().all(|c| c.is_ascii_alphanumeric()).then(|| text.chars().map(bit).collect());
        GroupFilter { text, initials }
    }

    /// True when the filter is empty, is part of the name (compared in the search's normal
    /// form) or, for a filter of Latin letters and digits, a run of the name's pinyin initials.
    pub fn matches(&self, name: &str) -> bool {
        if self.text.is_empty() || normalise(name).contains(&self.text) {
            return true;
        }
        let Some(want) = &self.initials else {
            return false;
        };
        let name: Vec<u64> = name.chars().map(keys).filter(|&k| k != 0).collect();
        name.windows(want.len()).any(|w| w.iter().zip(want).all(|(have, need)| have & need != 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_parts_of_names() {
        let cases = [
            ("市生态环境局", "sthj", true),
            ("茌平区", "cp", true),
            ("茌平区", "CP", true),
            ("茌平区", "cpq", true),
            ("茌平区", "pc", false),
            ("长清区", "zq", true),
            ("长清区", "cq", true),
            ("市生态环境局", "生态", true),
            ("市生态环境局", "环保", false),
            ("第03版", "03", true),
            ("（未定单位）", "wd", true),
            ("ABC公司", "abcgs", true),
            ("任何名字", "", true),
            ("临清市", "xyz", false),
        ];
        for (name, filter, want) in cases {
            assert_eq!(GroupFilter::new(filter).matches(name), want, "{name} {filter}");
        }
    }
}
