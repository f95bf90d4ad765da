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

/// Whether the character ending at byte `pos` of `text` is an ideograph of U+5000–U+9FFF
/// (most of any Chinese name), told from its lead byte alone (E5–E9) without decoding.
#[inline]
pub fn common_ideograph_before(text: &str, pos: usize) -> bool {
    matches!(*text.as_bytes().get(..pos).unwrap_or_default(), [.., 0xE5..=0xE9, _, _])
}

/// A three-byte character as its UTF-8 bytes, for comparing characters without decoding.
pub const fn utf8_3(c: char) -> [u8; 3] {
    let c = c as u32;
    [0xE0 | (c >> 12) as u8, 0x80 | (c >> 6 & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]
}

/// The offset of the first of the three-byte characters `chars` in `text` for which `accept`
/// says yes, comparing bytes: only three-byte characters are stepped through whole.
pub fn find_utf8_3(text: &str, chars: &[[u8; 3]], mut accept: impl FnMut(usize) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&[lead, b1, b2]) = bytes.get(i..i + 3) {
        // Valid UTF-8: a byte 1110xxxx opens a three-byte character, anything else is stepped over.
        if lead & 0xF0 != 0xE0 {
            i += 1;
            continue;
        }
        if chars.contains(&[lead, b1, b2]) && accept(i) {
            return Some(i);
        }
        i += 3;
    }
    None
}

/// A handful of characters behind a one-word filter (a bit per code point modulo 64), built
/// at compile time: [`FewChars::contains`] rejects most characters with one test before the
/// list is searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FewChars {
    chars: &'static [char],
    bits: u64,
}

impl FewChars {
    /// The set of `chars`.
    pub const fn of(chars: &'static [char]) -> FewChars {
        let mut bits = 0;
        let mut i = 0;
        while i < chars.len() {
            bits |= 1 << (chars[i] as u32 % 64);
            i += 1;
        }
        FewChars { chars, bits }
    }

    /// Whether `c` is one of the characters.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        self.bits >> (c as u32 % 64) & 1 == 1 && self.chars.contains(&c)
    }
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

    #[test]
    fn common_ideographs_are_told_from_their_lead_byte() {
        let cases = [("市场", 3, true), ("了", 3, false), ("a", 1, false), ("", 0, false), ("丂", 3, false)];
        for (text, pos, want) in cases {
            assert_eq!(common_ideograph_before(text, pos), want, "{text}");
        }
    }

    #[test]
    fn three_byte_characters_are_found_by_their_bytes() {
        let levels = [utf8_3('市'), utf8_3('区')];
        let cases = [
            ("a市b", None, Some(1)),
            ("城区市", None, Some(3)),
            ("城区市", Some(3), Some(6)),
            ("é市", None, Some(2)),
            ("city", None, None),
        ];
        for (text, refuse, want) in cases {
            assert_eq!(find_utf8_3(text, &levels, |i| Some(i) != refuse), want, "{text}");
        }
        assert_eq!(utf8_3('市'), *"市".as_bytes().first_chunk::<3>().unwrap());
    }

    #[test]
    fn few_chars_holds_exactly_its_characters() {
        const SET: FewChars = FewChars::of(&['格', '结']);
        assert!(SET.contains('格') && SET.contains('结'));
        // '格' + 64 shares its filter bit and must still be refused by the list.
        let twin = char::from_u32('格' as u32 + 64).unwrap();
        assert!(!SET.contains(twin) && !SET.contains('市'));
    }
}
