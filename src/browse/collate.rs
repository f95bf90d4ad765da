//! The order Chinese readers expect of names and headlines: by the pinyin of each character,
//! tones in order (shī, shí, shǐ, shì), not by code point (which puts 茌 after 柳 and 临 before
//! 东). Characters without a reading (digits, Latin letters, punctuation) come before those
//! with one, by code point among themselves; names that read alike are told apart by their
//! characters, so the order is total and agrees with equality.

use std::cmp::Ordering;

use pinyin::ToPinyin;

/// How one character sorts: characters without a reading first, then by reading with its tone
/// number (a neutral tone has none and comes first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reading {
    Other(char),
    Pinyin(&'static str),
}

fn reading(c: char) -> Reading {
    match c.to_pinyin() {
        Some(p) => Reading::Pinyin(p.with_tone_num_end()),
        None => Reading::Other(c),
    }
}

/// Compares two names by the pinyin of their characters, then by the characters themselves.
pub fn collate(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            // A shared character reads the same: only differing ones need a look-up.
            (Some(c), Some(d)) if c == d => {}
            (Some(c), Some(d)) => match reading(c).cmp(&reading(d)) {
                Ordering::Equal => {}
                other => return other,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
        v.sort_by(|a, b| collate(a, b));
        v
    }

    #[test]
    fn names_sort_by_pinyin() {
        let cases: [(&str, &[&str], &[&str]); 5] = [
            ("counties", &["临清市", "东昌府区", "茌平区"], &["茌平区", "东昌府区", "临清市"]),
            (
                "code point order was 古 国 市 新 柳 茌",
                &["古城镇", "国土局", "市直", "新区", "柳南区", "茌平区"],
                &["茌平区", "古城镇", "国土局", "柳南区", "市直", "新区"],
            ),
            ("tones in order", &["市", "石", "诗", "史"], &["诗", "石", "史", "市"]),
            ("digits and letters first", &["北京", "2024-03-15", "ABC"], &["2024-03-15", "ABC", "北京"]),
            ("a prefix first", &["东昌府区", "东昌"], &["东昌", "东昌府区"]),
        ];
        for (name, input, want) in cases {
            assert_eq!(sorted(input), *want, "{name}");
        }
    }

    #[test]
    fn homophones_are_told_apart_and_equality_agrees() {
        // 市 and 事 both read shì: the order is still total, by the characters.
        assert_ne!(collate("市场", "事场"), Ordering::Equal);
        assert_eq!(collate("市场", "事场"), collate("事场", "市场").reverse());
        assert_eq!(collate("市场", "市场"), Ordering::Equal);
    }
}
