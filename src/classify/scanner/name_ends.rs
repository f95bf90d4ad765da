//! Filters over the last characters of division names, tested before the gazetteer's trie.
//!
//! Every character a name can end in (市, 区, 镇 …) is common in text, and the trie is a large
//! hash map whose lookups miss the cache. Two Bloom-style bit sets with one hash each answer
//! "no" for most places in text at the cost of one or two loads: the last two characters of
//! some name (16 KiB), then its last three (64 KiB; a two-character name counts with a blank
//! first). "Yes" is settled in the trie.

use super::char_before;

/// The filters for one set of names.
pub struct NameEnds {
    pairs: Box<[u64; PAIR_WORDS]>,
    triples: Box<[u64; TRIPLE_WORDS]>,
}

const PAIR_WORDS: usize = 2048;
const TRIPLE_WORDS: usize = 8192;

/// Stands for the missing first character of a two-character name.
const NONE: char = '\0';

/// A bit in a table of `words` 64-bit words (a power of two) for up to three characters.
#[inline]
fn bit(chars: [char; 3], words: usize) -> usize {
    let key = u64::from(chars[0]) << 42 | u64::from(chars[1]) << 21 | u64::from(chars[2]);
    let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - (words * 64).trailing_zeros())) as usize
}

#[inline]
fn has(table: &[u64], chars: [char; 3]) -> bool {
    let bit = bit(chars, table.len());
    table.get(bit / 64).is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

fn set(table: &mut [u64], chars: [char; 3]) {
    let bit = bit(chars, table.len());
    if let Some(w) = table.get_mut(bit / 64) {
        *w |= 1 << (bit % 64);
    }
}

impl NameEnds {
    /// Empty filters.
    pub fn new() -> NameEnds {
        NameEnds { pairs: Box::new([0; PAIR_WORDS]), triples: Box::new([0; TRIPLE_WORDS]) }
    }

    /// Adds a name (one of a single character is never searched for, and is left out).
    pub fn insert(&mut self, name: &str) {
        let mut last = name.chars().rev();
        let (Some(c), Some(b)) = (last.next(), last.next()) else {
            return;
        };
        set(&mut *self.pairs, [NONE, b, c]);
        set(&mut *self.triples, [last.next().unwrap_or(NONE), b, c]);
    }

    /// False when no name can end with `last` at byte `pos` of `text`, `before` being the
    /// character before it.
    #[inline]
    pub fn may_end(&self, text: &str, pos: usize, before: char, last: char) -> bool {
        if !has(&*self.pairs, [NONE, before, last]) {
            return false;
        }
        if has(&*self.triples, [NONE, before, last]) {
            return true;
        }
        char_before(text, pos - before.len_utf8())
            .is_some_and(|first| has(&*self.triples, [first, before, last]))
    }
}

impl Default for NameEnds {
    fn default() -> Self {
        NameEnds::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a name of the set may end in text, for each text: the filters may say yes
    /// wrongly, never no wrongly; these cases are far from any collision.
    #[test]
    fn names_pass_and_other_text_mostly_does_not() {
        let mut f = NameEnds::new();
        for name in ["聊城市", "东昌府区", "沛县", "新华路街道"] {
            f.insert(name);
        }
        let ends = |text: &str| -> Vec<usize> {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            chars.windows(2).filter(|w| f.may_end(text, w[1].0, w[0].1, w[1].1)).map(|w| w[1].0).collect()
        };
        let cases: &[(&str, &[usize])] = &[
            ("聊城市", &[6]),
            ("东昌府区", &[9]),
            // A two-character name passes whatever comes before it.
            ("沛县", &[3]),
            ("在沛县", &[6]),
            // Its last two characters alone are not enough for a longer name.
            ("城市", &[]),
            ("全市", &[]),
            ("新华路街道", &[12]),
            ("的街道", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(ends(text), *want, "{text}");
        }
    }
}
