//! Ordering an item list by one of its columns (title, unit, district, date and page,
//! authors, length), as the window's list does when a header is clicked.
//!
//! Items are addressed by document position. Sorting is stable, so items that tie keep their
//! page order, and the date key is the page order itself.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::browse::collate::collate;
use crate::model::Item;

/// A column to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SortKey {
    /// Headline (caption start for photos), in pinyin order.
    Title,
    /// Unit name; items without one last.
    Unit,
    /// District name; items without one last.
    District,
    /// Date, then printed page, then place on the page: the order of the paper itself.
    #[default]
    Date,
    /// First author's name; items without a byline last.
    Authors,
    /// Characters of body text.
    Length,
}

/// A sort order: a key and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Order {
    /// What to sort by.
    pub key: SortKey,
    /// Largest or last first.
    pub descending: bool,
}

impl Order {
    /// The order after clicking the header of `key`: the same key flips direction, another
    /// key starts ascending.
    pub fn clicked(self, key: SortKey) -> Order {
        if self.key == key {
            Order { key, descending: !self.descending }
        } else {
            Order { key, descending: false }
        }
    }
}

/// Characters of an item's body text.
pub fn body_len(item: &Item) -> usize {
    item.paragraphs.iter().map(|p| p.chars().count()).sum()
}

/// A sortable key, borrowed from its item (no copy of 200,000 titles to sort a large group);
/// a missing name is `None` and sorts last in either direction. Text sorts in pinyin order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key<'a> {
    Text(&'a str),
    Number(usize),
}

impl Ord for Key<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Key::Text(a), Key::Text(b)) => collate(a, b),
            (Key::Number(a), Key::Number(b)) => a.cmp(b),
            (Key::Text(_), Key::Number(_)) => Ordering::Less,
            (Key::Number(_), Key::Text(_)) => Ordering::Greater,
        }
    }
}

impl PartialOrd for Key<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn key(order: SortKey, position: usize, item: &Item) -> Option<Key<'_>> {
    fn text(s: Option<&str>) -> Option<Key<'_>> {
        s.map(Key::Text)
    }
    match order {
        SortKey::Title => text(item.title.as_deref().or(item.paragraphs.first().map(String::as_str))),
        SortKey::Unit => text(item.unit.as_deref()),
        SortKey::District => text(item.district.as_deref()),
        // Pages are in input order, which is date and page order for a dated archive.
        SortKey::Date => Some(Key::Number(position)),
        SortKey::Authors => text(item.authors.first().map(|a| a.name.as_str())),
        SortKey::Length => Some(Key::Number(body_len(item))),
    }
}

/// Sorts document positions in place; `item` finds an item by its position. Ties keep page
/// order; items without the key's value (and unknown positions) go last.
pub fn sort<'a>(positions: &mut [usize], order: Order, item: impl Fn(usize) -> Option<&'a Item>) {
    if order.key == SortKey::Date {
        // Page order is position order: no keys to build (a group of 200,000 items switches
        // within a frame).
        sort_positions(positions);
        if order.descending {
            positions.reverse();
        }
        return;
    }
    let mut keyed: Vec<(Option<Key>, usize)> =
        positions.iter().map(|&p| (item(p).and_then(|it| key(order.key, p, it)), p)).collect();
    keyed.sort_by(|(ka, pa), (kb, pb)| {
        let by_key = match (ka, kb) {
            (Some(a), Some(b)) if order.descending => b.cmp(a),
            (Some(a), Some(b)) => a.cmp(b),
            (a, b) => a.is_none().cmp(&b.is_none()),
        };
        by_key.then(pa.cmp(pb))
    });
    for (slot, (_, p)) in positions.iter_mut().zip(keyed) {
        *slot = p;
    }
}

/// Every item's place in one order, so that any group of them is sorted in linear time (a
/// large group sorted by headline took up to 130 ms a switch; the order of the whole archive
/// is worked out once, when the order is chosen). Page order needs none: [`sort`] is linear
/// there already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    order: Order,
    /// Positions in this order.
    by_rank: Vec<usize>,
    /// Each position's place in `by_rank`.
    rank: Vec<usize>,
}

impl Ranking {
    /// Ranks the positions `0..len` in `order`; `item` finds an item by its position.
    pub fn new<'a>(len: usize, order: Order, item: impl Fn(usize) -> Option<&'a Item>) -> Ranking {
        let mut by_rank: Vec<usize> = (0..len).collect();
        sort(&mut by_rank, order, item);
        let mut rank = vec![0; len];
        for (r, &p) in by_rank.iter().enumerate() {
            rank[p] = r;
        }
        Ranking { order, by_rank, rank }
    }

    /// The order ranked.
    pub fn order(&self) -> Order {
        self.order
    }

    /// Sorts positions as [`sort`] would in this order. Positions past the ranked ones go
    /// last, in position order, as unknown positions do there.
    pub fn sort(&self, positions: &mut [usize]) {
        let len = self.rank.len();
        for p in positions.iter_mut() {
            *p = self.rank.get(*p).copied().unwrap_or_else(|| *p + len);
        }
        sort_positions(positions);
        for r in positions.iter_mut() {
            *r = self.by_rank.get(*r).copied().unwrap_or_else(|| *r - len);
        }
    }
}

/// Sorts distinct positions in linear time: a large group's are marked in a bit set and read
/// back in order (a fifth of the time a comparison sort takes on 100,000). Small lists, and
/// lists holding a position twice, are sorted by comparison.
fn sort_positions(positions: &mut [usize]) {
    let max = positions.iter().copied().max().unwrap_or(0);
    // The bit set costs max/64 words; beyond that the comparison sort is cheaper.
    if positions.len() < 1024 || positions.len() < max / 64 {
        positions.sort_unstable();
        return;
    }
    let mut bits = vec![0u64; max / 64 + 1];
    for &p in positions.iter() {
        bits[p / 64] |= 1 << (p % 64);
    }
    let marked: usize = bits.iter().map(|w| w.count_ones() as usize).sum();
    if marked != positions.len() {
        positions.sort_unstable();
        return;
    }
    let set = bits.iter().enumerate().flat_map(|(k, &word)| {
        let mut w = word;
        std::iter::from_fn(move || {
            (w != 0).then(|| {
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                k * 64 + bit
            })
        })
    });
    for (slot, p) in positions.iter_mut().zip(set) {
        *slot = p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;

    fn item(title: &str, unit: Option<&str>, author: Option<&str>, body: &str) -> Item {
        Item {
            authors: author.map(|a| Author { name: a.to_owned(), role: None }).into_iter().collect(),
            paragraphs: vec![body.to_owned()],
            unit: unit.map(str::to_owned),
            district: unit.map(|_| "市直".to_owned()),
            ..Item::headline_only(title)
        }
    }

    fn items() -> Vec<Item> {
        vec![
            item("丙", Some("市教育局"), Some("王一"), "一二三"),
            item("甲", None, None, "一"),
            item("乙", Some("市民政局"), Some("李二"), "一二三四五"),
            item("丁", Some("市教育局"), None, "一二三"),
        ]
    }

    #[test]
    fn orders_by_each_key() {
        let all = items();
        let cases = [
            // By pinyin: 丙 bǐng, 丁 dīng, 甲 jiǎ, 乙 yǐ.
            (SortKey::Title, false, [0, 3, 1, 2]),
            (SortKey::Title, true, [2, 1, 3, 0]),
            // 市教育局 (jiào) before 市民政局 (mín); no unit last either way.
            (SortKey::Unit, false, [0, 3, 2, 1]),
            (SortKey::Unit, true, [2, 0, 3, 1]),
            (SortKey::Date, false, [0, 1, 2, 3]),
            (SortKey::Date, true, [3, 2, 1, 0]),
            (SortKey::Authors, false, [2, 0, 1, 3]),
            (SortKey::Length, false, [1, 0, 3, 2]),
            (SortKey::Length, true, [2, 0, 3, 1]),
        ];
        for (key, descending, want) in cases {
            let mut positions = vec![0, 1, 2, 3];
            sort(&mut positions, Order { key, descending }, |p| all.get(p));
            assert_eq!(positions, want, "{key:?} descending={descending}");
        }
    }

    /// Every path of the position sort gives what a comparison sort gives.
    #[test]
    fn positions_sort_the_same_by_bits_or_by_comparison() {
        // A scattered permutation: 7919 is prime, so p * 7919 % n visits every position once.
        let scattered = |n: usize, every: usize| (0..n).map(|p| p * 7919 % n * every).collect::<Vec<usize>>();
        let mut twice = scattered(5000, 1);
        twice[10] = twice[20];
        let cases: [(&str, Vec<usize>); 6] = [
            ("empty", Vec::new()),
            ("small", vec![5, 3, 9, 0]),
            ("large and dense: bit set", scattered(50_000, 1)),
            ("large, every third position: bit set", scattered(20_000, 3)),
            ("large but sparse: comparison", scattered(2000, 1000)),
            ("a position twice: comparison", twice),
        ];
        for (name, positions) in cases {
            let mut want = positions.clone();
            want.sort_unstable();
            let mut got = positions;
            sort_positions(&mut got);
            assert_eq!(got, want, "{name}");
        }
    }

    /// A group sorted by the archive's ranking is sorted as by itself, in every order but page
    /// order (which needs no ranking), with unknown positions last.
    #[test]
    fn a_ranking_sorts_any_group_as_sorting_it_does() {
        let all: Vec<Item> = (0..3000).map(|i| items()[i % 4].clone()).collect();
        let groups: [Vec<usize>; 4] = [
            (0..3000).rev().collect(),
            vec![3, 1, 2],
            (0..3000).filter(|p| p % 7 != 0).collect(),
            vec![5000, 2, 4000, 1],
        ];
        let keys = [SortKey::Title, SortKey::Unit, SortKey::District, SortKey::Authors, SortKey::Length];
        for key in keys {
            for descending in [false, true] {
                let order = Order { key, descending };
                let ranking = Ranking::new(all.len(), order, |p| all.get(p));
                for group in &groups {
                    let (mut want, mut got) = (group.clone(), group.clone());
                    sort(&mut want, order, |p| all.get(p));
                    ranking.sort(&mut got);
                    assert_eq!(got, want, "{order:?}, {} positions", group.len());
                }
            }
        }
    }

    #[test]
    fn clicking_a_header_flips_or_switches() {
        let o = Order::default();
        assert_eq!(o.clicked(SortKey::Date), Order { key: SortKey::Date, descending: true });
        assert_eq!(o.clicked(SortKey::Unit), Order { key: SortKey::Unit, descending: false });
    }
}
