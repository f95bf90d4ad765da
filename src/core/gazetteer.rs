//! China's administrative divisions down to township level, embedded in the binary, with a
//! matcher that finds their names in text.
//!
//! `assets/divisions.tsv` is derived from the civil-affairs table of 2025 with the statistical
//! table's older names (see `assets/NOTICE.md`); `assets/divisions_extra.tsv` adds names the
//! tables lack: old county names still printed and functional zones.

use std::collections::HashMap;
use std::sync::OnceLock;

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
pub struct Gazetteer {
    divisions: Vec<Division>,
    /// For each name, the divisions it may denote.
    candidates: Vec<Vec<usize>>,
    /// Name to its index in `candidates`.
    index: HashMap<String, usize, FxBuild>,
    /// For each name-ending character, a bit per name length (in characters) that occurs.
    lengths: HashMap<char, u32, FxBuild>,
    /// For each name-ending character, the characters that come before it in some name: most
    /// text positions fail this before any longer lookup (全市, 社区, 知道).
    endings: HashMap<char, CharSet, FxBuild>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} divisions, {} names)", self.divisions.len(), self.index.len())
    }
}

impl Gazetteer {
    /// The embedded gazetteer, built on first use.
    pub fn get() -> &'static Gazetteer {
        static CELL: OnceLock<Gazetteer> = OnceLock::new();
        CELL.get_or_init(|| Gazetteer::parse(DIVISIONS, EXTRA))
    }

    /// Builds a gazetteer from the two table texts.
    pub fn parse(divisions: &str, extra: &str) -> Gazetteer {
        let mut g = Gazetteer {
            divisions: Vec::new(),
            candidates: Vec::new(),
            index: HashMap::default(),
            lengths: HashMap::default(),
            endings: Default::default(),
        };
        let mut by_code: HashMap<u32, usize, FxBuild> = HashMap::default();
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
        let mut index: HashMap<String, usize, FxBuild> = HashMap::default();
        for i in 0..g.divisions.len() {
            let name = g.divisions[i].name.clone();
            g.add_name(&mut index, name.clone(), i);
            // Cities are printed without 市 as often as with it (聊城, 聊城市).
            if g.divisions[i].level == 2
                && name.chars().count() >= 3
                && let Some(short) = name.strip_suffix('市')
            {
                g.add_name(&mut index, short.to_owned(), i);
            }
        }
        for (code, name) in aliases {
            if let Some(&i) = by_code.get(&code) {
                g.add_name(&mut index, name, i);
            }
        }
        // Names end in a division word (镇, 街道, 县 …), so a hash lookup at each such word
        // finds them; an automaton over all 48,000 names would take a quarter second to build.
        // City names without 市 (聊城) can be looked up but are not searched for: two
        // characters match too much ordinary text.
        for name in index.keys() {
            let mut tail = name.chars().rev();
            if let (Some(last), Some(before)) = (tail.next().filter(|&c| is_name_end(c)), tail.next()) {
                *g.lengths.entry(last).or_default() |= 1 << name.chars().count().min(31);
                g.endings.entry(last).or_default().insert(before);
            }
        }
        g.index = index;
        g
    }

    fn add_name(&mut self, index: &mut HashMap<String, usize, FxBuild>, name: String, division: usize) {
        let slot = match index.get(name.as_str()) {
            Some(&slot) => slot,
            None => {
                self.candidates.push(Vec::new());
                index.insert(name, self.candidates.len() - 1);
                self.candidates.len() - 1
            }
        };
        if !self.candidates[slot].contains(&division) {
            self.candidates[slot].push(division);
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
        self.find(name)
            .iter()
            .find(|m| m.start == 0 && m.end == name.len())
            .map_or(&[], |m| self.candidates(m.name))
    }

    /// Division names in text, leftmost-longest, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        // Byte offsets of the last MAX_NAME_CHARS characters, as a ring.
        let mut ring = [0usize; MAX_NAME_CHARS];
        let mut prev = '\0';
        for (k, (pos, c)) in text.char_indices().enumerate() {
            ring[k % MAX_NAME_CHARS] = pos;
            let before = std::mem::replace(&mut prev, c);
            // One bit test for most characters: is c a name ending after this character?
            if !NAME_END_SET.contains(c) || !self.endings.get(&c).is_some_and(|set| set.contains(before)) {
                continue;
            }
            let Some(&lengths) = self.lengths.get(&c) else {
                continue;
            };
            let end = pos + c.len_utf8();
            let longest = (2..=MAX_NAME_CHARS.min(k + 1)).rev().find_map(|n| {
                if lengths & (1 << n) == 0 {
                    return None;
                }
                let start = ring[(k + 1 - n) % MAX_NAME_CHARS];
                self.index.get(&text[start..end]).map(|&name| Mention { start, end, name })
            });
            found.extend(longest);
        }
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut out: Vec<Mention> = Vec::with_capacity(found.len());
        for m in found {
            if out.last().is_none_or(|last| m.start >= last.end) {
                out.push(m);
            }
        }
        out
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

/// A small, fast hasher for short string keys (the FxHash mixing step); the keys are our own
/// table's names and slices of page text, so flooding resistance is not needed.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 =
                (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fx`] hashers.
pub type FxBuild = std::hash::BuildHasherDefault<Fx>;

/// Longest division name, in characters.
const MAX_NAME_CHARS: usize = 16;

/// A set of characters of the Basic Multilingual Plane, one bit each (8 KiB): membership is
/// one load, cheap enough for every character of every page.
#[derive(Clone)]
pub struct CharSet(Vec<u64>);

impl CharSet {
    /// The empty set.
    pub fn new() -> CharSet {
        CharSet(vec![0; 1024])
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
        if let Some(word) = self.0.get_mut(cp / 64) {
            *word |= 1 << (cp % 64);
        }
    }

    /// True when the character is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let cp = c as usize;
        self.0.get(cp / 64).is_some_and(|w| w & (1 << (cp % 64)) != 0)
    }
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet::new()
    }
}

/// The characters division names end in.
static NAME_END_SET: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::of("镇道乡县区市）木旗州省盟所街"));

/// Last characters of division names (镇, 街道, 乡, 县, 区, 市, 旗, 州, 省, 盟, 苏木, and the
/// closing bracket of names such as 某某乡（镇）).
fn is_name_end(c: char) -> bool {
    matches!(
        c,
        '镇' | '道' | '乡' | '县' | '区' | '市' | '）' | '木' | '旗' | '州' | '省' | '盟' | '所' | '街'
    )
}

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
    use super::*;

    #[test]
    fn embedded_table_resolves_levels_and_old_names() {
        let g = Gazetteer::get();
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
        let g = Gazetteer::get();
        let text = "临清市新华路街道党建办";
        let found: Vec<&str> = g.find(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["临清市", "新华路街道"]);
    }
}
