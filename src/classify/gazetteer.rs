//! China's administrative divisions down to township level, embedded in the binary, with a
//! matcher that finds their names in text.
//!
//! `assets/divisions.tsv` is derived from the civil-affairs table of 2025 with the statistical
//! table's older names (see `assets/NOTICE.md`); `assets/divisions_extra.tsv` adds names the
//! tables lack: old county names still printed and functional zones.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;
use std::sync::OnceLock;

use crate::classify::scanner::name_ends::NameEnds;
use crate::classify::scanner::{CharSet, char_before};

const DIVISIONS: &str = include_str!("../../assets/divisions.tsv");
const EXTRA: &str = include_str!("../../assets/divisions_extra.tsv");

/// One division: province (1), prefecture city (2), county-level unit or zone (3), township (4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// The first nine digits of the statistical code (zero for hand-kept zones).
    pub code: u32,
    /// Level 1–4.
    pub level: u8,
    /// The current name.
    pub name: String,
    /// Index of the enclosing division.
    pub parent: Option<usize>,
}

/// A division name found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the name in the text.
    pub start: usize,
    /// End of the name (exclusive).
    pub end: usize,
    /// Index of the name in the gazetteer's name list, see [`Gazetteer::candidates`].
    pub name: usize,
}

/// The divisions and a matcher over their names.
///
/// The matcher is written here rather than taken from `aho-corasick`: over the 33,447
/// division names on 3,000 generated pages (24.7 MB) it takes 20 ms where a leftmost-longest
/// Aho-Corasick automaton takes 112 ms (`cargo bench --bench names`, BENCHMARKS.md), because
/// most characters of page text end no name and are rejected by one filter test.
pub struct Gazetteer {
    divisions: Vec<Division>,
    /// For each name, the divisions it may denote.
    candidates: Vec<Vec<usize>>,
    /// The names read backwards, as a trie: (node, character) to the next node. A name is
    /// found by walking back from the character it ends in, which fails at once for most text
    /// (全市, 社区, 知道).
    edges: HashMap<u64, u32, FxBuildHasher>,
    /// For each trie node, the index in `candidates` of the name ending there, plus one.
    names: Vec<u32>,
    /// Filters over the last characters of every name: most end characters in text (全市,
    /// 城市, 社区) are rejected there, before the trie is looked up.
    ends: NameEnds,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} divisions, {} names)", self.divisions.len(), self.candidates.len())
    }
}

impl Gazetteer {
    /// The embedded gazetteer, built on first use; reached through [`super::Tables`].
    pub(crate) fn embedded() -> &'static Gazetteer {
        static CELL: OnceLock<Gazetteer> = OnceLock::new();
        CELL.get_or_init(|| Gazetteer::parse(DIVISIONS, EXTRA))
    }

    /// Builds a gazetteer from the two table texts.
    pub fn parse(divisions: &str, extra: &str) -> Gazetteer {
        let mut g = Gazetteer {
            divisions: Vec::new(),
            candidates: Vec::new(),
            edges: HashMap::default(),
            names: vec![0],
            ends: NameEnds::new(),
        };
        let mut by_code: HashMap<u32, usize, FxBuildHasher> = HashMap::default();
        let mut aliases: Vec<(u32, String)> = Vec::new();
        let mut old_section = false;
        for line in divisions.lines() {
            if line == "#old" {
                old_section = true;
                continue;
            }
            let mut f = line.split('\t');
            let (Some(code), Some(second)) = (f.next().and_then(|c| c.parse::<u32>().ok()), f.next()) else {
                continue;
            };
            if old_section {
                aliases.push((code, second.to_owned()));
            } else if let (Ok(level), Some(name)) = (second.parse::<u8>(), f.next()) {
                by_code.insert(code, g.divisions.len());
                g.divisions.push(Division { code, level, name: name.to_owned(), parent: None });
            }
        }
        for i in 0..g.divisions.len() {
            g.divisions[i].parent = parent_code(&g.divisions[i]).iter().find_map(|c| by_code.get(c).copied());
        }
        for line in extra.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let (Some(name), Some(kind), Some(code)) =
                (f.first(), f.get(1), f.get(2).and_then(|c| c.parse().ok()))
            else {
                continue;
            };
            match *kind {
                "alias" => aliases.push((code, (*name).to_owned())),
                "zone" => {
                    let parent = by_code.get(&code).copied();
                    g.divisions.push(Division { code: 0, level: 3, name: (*name).to_owned(), parent });
                }
                _ => {}
            }
        }
        g.edges.reserve(200_000);
        for i in 0..g.divisions.len() {
            let name = g.divisions[i].name.clone();
            g.add_name(&name, i);
            // Cities are printed without 市 as often as with it (聊城, 聊城市). Such names can be
            // looked up but are not searched for, as they do not end in a division word: two
            // characters match too much ordinary text.
            if g.divisions[i].level == 2
                && name.chars().count() >= 3
                && let Some(short) = name.strip_suffix('市')
            {
                g.add_name(short, i);
            }
        }
        for (code, name) in aliases {
            if let Some(&i) = by_code.get(&code) {
                g.add_name(&name, i);
            }
        }
        g
    }

    /// The trie node reached from `node` by the character `c`.
    #[inline]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        self.edges.get(&edge(node, c)).copied()
    }

    /// Adds a name for a division, read backwards into the trie.
    fn add_name(&mut self, name: &str, division: usize) {
        self.ends.insert(name);
        let mut node = 0;
        for c in name.chars().rev() {
            let next = self.names.len() as u32;
            node = *self.edges.entry(edge(node, c)).or_insert(next);
            if node == next {
                self.names.push(0);
            }
        }
        let Some(slot) = self.names.get_mut(node as usize) else {
            return;
        };
        if *slot == 0 {
            self.candidates.push(Vec::new());
            *slot = self.candidates.len() as u32;
        }
        if let Some(list) = self.candidates.get_mut(*slot as usize - 1)
            && !list.contains(&division)
        {
            list.push(division);
        }
    }

    /// All divisions.
    pub fn divisions(&self) -> &[Division] {
        &self.divisions
    }

    /// The division at an index.
    pub fn division(&self, i: usize) -> &Division {
        &self.divisions[i]
    }

    /// The divisions a matched name may denote.
    pub fn candidates(&self, name: usize) -> &[usize] {
        &self.candidates[name]
    }

    /// The divisions called exactly `name`.
    pub fn lookup(&self, name: &str) -> &[usize] {
        self.exactly(name, &self.find(name))
    }

    /// Division names in text, leftmost-longest, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        self.find_into(text, &mut found);
        found
    }

    /// [`Gazetteer::find`] into a list kept by the caller (cleared first).
    pub fn find_into(&self, text: &str, found: &mut Vec<Mention>) {
        found.clear();
        NAME_END_SET.each_hit(text, |pos, c| found.extend(self.name_ending_at(text, pos, c)));
        leftmost_longest(found);
    }

    /// The divisions a text is exactly the name of, given the names found in it.
    pub fn exactly(&self, text: &str, found: &[Mention]) -> &[usize] {
        found.iter().find(|m| m.start == 0 && m.end == text.len()).map_or(&[], |m| self.candidates(m.name))
    }

    /// The longest division name ending with the character `c` at byte `pos` of `text`, if
    /// any: the trie is walked back from `c` as far as the text allows. `c` should be one of
    /// [`name_ends`], the only characters searched from.
    #[inline]
    pub fn name_ending_at(&self, text: &str, pos: usize, c: char) -> Option<Mention> {
        let end = pos + c.len_utf8();
        // Names have two characters or more: the characters ending here must end one.
        let before = char_before(text, pos)?;
        if !self.ends.may_end(text, pos, before, c) {
            return None;
        }
        let mut node = self.child(0, c)?;
        let mut longest = None;
        for (start, before) in text[..pos].char_indices().rev() {
            let Some(next) = self.child(node, before) else {
                break;
            };
            node = next;
            if let Some(&name) = self.names.get(node as usize).filter(|&&n| n > 0) {
                longest = Some(Mention { start, end, name: name as usize - 1 });
            }
        }
        longest
    }

    /// The ancestor (or self) at `level`.
    pub fn ancestor(&self, mut i: usize, level: u8) -> Option<usize> {
        loop {
            let d = &self.divisions[i];
            if d.level == level {
                return Some(i);
            }
            if d.level < level {
                return None;
            }
            i = d.parent?;
        }
    }

    /// The county-level unit holding a division (itself when it is one).
    pub fn county_of(&self, i: usize) -> Option<usize> {
        self.ancestor(i, 3)
    }

    /// The prefecture city holding a division; for the counties of the four municipalities,
    /// the municipality.
    pub fn city_of(&self, i: usize) -> Option<usize> {
        self.ancestor(i, 2).or_else(|| self.ancestor(i, 1))
    }
}

/// The key of the trie edge from `node` by the character `c`.
fn edge(node: u32, c: char) -> u64 {
    u64::from(node) << 32 | u64::from(c)
}

/// Of names found at each end position, the leftmost-longest ones that do not overlap, in
/// text order; filtered in place.
pub fn leftmost_longest(found: &mut Vec<Mention>) {
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut last_end = None;
    found.retain(|m| {
        let keep = last_end.is_none_or(|end| m.start >= end);
        if keep {
            last_end = Some(m.end);
        }
        keep
    });
}

/// The characters division names end in, the only ones [`Gazetteer::find`] searches from.
static NAME_END_SET: std::sync::LazyLock<CharSet> = std::sync::LazyLock::new(|| CharSet::of(NAME_ENDS));

/// Last characters of division names (镇, 街道, 乡, 县, 区, 市, 旗, 州, 省, 盟, 苏木, and the
/// closing bracket of names such as 某某乡（镇）).
pub const NAME_ENDS: &str = "镇道乡县区市）木旗州省盟所街";

/// Codes the parent may have: the county for a township, the city (or the province, for
/// municipalities) for a county, the province for a city.
fn parent_code(d: &Division) -> Vec<u32> {
    match d.level {
        4 => vec![d.code / 1000 * 1000],
        3 => vec![d.code / 100_000 * 100_000, d.code / 10_000_000 * 10_000_000],
        2 => vec![d.code / 10_000_000 * 10_000_000],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::classify::Tables;

    #[test]
    fn embedded_table_resolves_levels_and_old_names() {
        let g = Tables::builtin().gazetteer();
        assert!(g.divisions().len() > 40_000);
        let county = |name: &str| -> Vec<String> {
            g.lookup(name)
                .iter()
                .filter_map(|&i| g.county_of(i))
                .map(|c| g.division(c).name.clone())
                .collect()
        };
        assert_eq!(county("茌平县"), ["茌平区"], "old county name");
        assert!(county("新华路街道").len() >= 10, "a township name found in many places");
        let city =
            g.lookup("东城区").iter().filter_map(|&i| g.city_of(i)).map(|c| g.division(c).name.clone());
        assert!(city.collect::<Vec<_>>().contains(&"北京市".to_owned()), "municipality counties");
        let zone = g.lookup("聊城经济技术开发区");
        assert_eq!(zone.len(), 1);
        assert_eq!(g.division(zone[0]).level, 3);
    }

    #[test]
    fn finds_names_in_text_leftmost_longest() {
        let g = Tables::builtin().gazetteer();
        let text = "临清市新华路街道党建办";
        let found: Vec<&str> = g.find(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["临清市", "新华路街道"]);
    }
}
