//! Characters read straight from UTF-8 bytes, and sets of characters tested with one load:
//! what the scan does at every character of every page.

/// The character ending at byte `pos` of `text` (none at its start or off a boundary). Runs
/// for every candidate character of classification's scan: a three-byte character, most of
/// any Chinese text, is decoded from its bytes.
#[inline]
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    match *text.as_bytes().get(..pos)? {
        // Valid UTF-8: a byte E0–EF three bytes back can only be a lead.
        [.., lead @ 0xE0..=0xEF, b1, b2] => char::from_u32(decode3(lead, b1, b2)),
        _ => text.get(..pos)?.chars().next_back(),
    }
}

/// The character starting at byte `pos` of `text` (none at its end or off a boundary), a
/// three-byte one decoded from its bytes.
#[inline]
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    match *text.as_bytes().get(pos..)? {
        [lead @ 0xE0..=0xEF, b1, b2, ..] => char::from_u32(decode3(lead, b1, b2)),
        _ => text.get(pos..)?.chars().next(),
    }
}

/// The code point of a three-byte UTF-8 character from its lead and continuation bytes.
#[inline]
pub fn decode3(lead: u8, b1: u8, b2: u8) -> u32 {
    (u32::from(lead) & 0x0F) << 12 | (u32::from(b1) & 0x3F) << 6 | (u32::from(b2) & 0x3F)
}

/// A set of characters of the Basic Multilingual Plane, one bit each (8 KiB): membership is
/// one load, cheap enough for every character of every page. A second filter of the same
/// size, keyed by the two continuation bytes of a three-byte character as they stand (the low
/// twelve bits of its code point, without decoding), serves [`CharSet::each_hit`].
#[derive(Clone)]
pub struct CharSet {
    bits: Box<[u64; 1024]>,
    tails: Box<[u64; 1024]>,
}

/// The key of a three-byte character in [`CharSet`]'s tail filter: its two continuation
/// bytes as one big-endian number.
#[inline]
fn tail_key(b1: u8, b2: u8) -> usize {
    usize::from(u16::from_be_bytes([b1, b2]))
}

impl CharSet {
    /// The empty set.
    pub fn new() -> CharSet {
        CharSet { bits: Box::new([0; 1024]), tails: Box::new([0; 1024]) }
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
        if let Some(word) = self.bits.get_mut(cp / 64) {
            *word |= 1 << (cp % 64);
            let mut utf8 = [0; 4];
            if let [_, b1, b2] = *c.encode_utf8(&mut utf8).as_bytes() {
                let key = tail_key(b1, b2);
                self.tails[key / 64] |= 1 << (key % 64);
            }
        }
    }

    /// True when the code point (below 0x10000) is in the set.
    #[inline]
    fn has(&self, cp: u32) -> bool {
        self.bits[(cp as usize >> 6) & 1023] & (1 << (cp & 63)) != 0
    }

    /// Calls `f` with each three-byte character of `text` (all of CJK) that is in the set,
    /// and its byte offset. Most characters are rejected by the filter on their two
    /// continuation bytes, without decoding them; the few that pass are decoded and tested
    /// in full.
    #[inline]
    pub fn each_hit(&self, text: &str, mut f: impl FnMut(usize, char)) {
        let (bytes, tails) = (text.as_bytes(), &*self.tails);
        let mut at = 0;
        // Slice patterns rather than indexing: the compiler drops the bounds checks.
        while let [lead, b1, b2, ..] = bytes[at..] {
            // Valid UTF-8: a byte 1110xxxx opens a three-byte character.
            if lead & 0xF0 != 0xE0 {
                at += 1;
                continue;
            }
            let key = tail_key(b1, b2);
            if tails[key / 64 % 1024] & (1 << (key % 64)) != 0 {
                let cp = decode3(lead, b1, b2);
                if self.has(cp)
                    && let Some(c) = char::from_u32(cp)
                {
                    f(at, c);
                }
            }
            at += 3;
        }
    }

    /// True when the character is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let cp = c as u32;
        cp < 0x10000 && self.has(cp)
    }
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters either side of a byte offset, decoded from their bytes or as usual.
    #[test]
    fn characters_either_side_of_an_offset() {
        let text = "a市·𠀋，";
        let cases: [(usize, Option<char>, Option<char>); 7] = [
            (0, None, Some('a')),
            (1, Some('a'), Some('市')),
            (4, Some('市'), Some('·')),
            (6, Some('·'), Some('𠀋')),
            (10, Some('𠀋'), Some('，')),
            (13, Some('，'), None),
            (14, None, None),
        ];
        for (pos, before, at) in cases {
            assert_eq!((char_before(text, pos), char_at(text, pos)), (before, at), "at {pos}");
        }
        assert_eq!((char_before(text, 2), char_at(text, 2)), (None, None), "inside 市");
    }

    /// `each_hit` finds exactly the members, at their byte offsets: characters sharing a
    /// member's continuation bytes (丂 and 市, U+4E02 and U+5E02) pass the tail filter but not
    /// the full test; ASCII, four-byte characters and a cut-off tail are stepped over.
    #[test]
    fn each_hit_finds_members_at_their_offsets() {
        let set = CharSet::of("市区");
        let cases: [(&str, &[(usize, char)]); 6] = [
            ("", &[]),
            ("市", &[(0, '市')]),
            ("丂市", &[(3, '市')]),
            ("a市𠀋区，", &[(1, '市'), (8, '区')]),
            ("城市区县", &[(3, '市'), (6, '区')]),
            ("2023年 全市 ", &[(11, '市')]),
        ];
        for (text, want) in cases {
            let mut got = Vec::new();
            set.each_hit(text, |at, c| got.push((at, c)));
            assert_eq!(got, want, "{text}");
        }
        assert!(set.contains('市') && !set.contains('丂') && !set.contains('𠀋'));
    }
}
