//! The characters classification's scan stops at, and what each may be: the last character
//! of a division name (市, 区, 镇 …), the last of a unit word (局, 中心, 有限公司 …), or both.
//!
//! About one character in twelve of a Chinese newspaper is one of them, so what the scan does
//! at each must be cheap: one byte table keyed by the two continuation bytes of a three-byte
//! character (the low twelve bits of its code point, read without decoding) leads straight to
//! the character's [`Role`], without a set test per kind or a map lookup per hit.

use std::sync::LazyLock;

use super::decode3;
use crate::classify::gazetteer::NAME_ENDS;
use crate::classify::unit_words::{Suffix, unit_words};

/// What a character the scan stops at may be.
#[derive(Debug, Clone)]
pub struct Role {
    /// The character.
    pub c: char,
    /// Division names may end in it.
    pub name_end: bool,
    /// The unit words ending in it, in the order of their ranks.
    pub words: Vec<Suffix>,
    /// The next role whose character has the same slot (its index plus one; 0 for none).
    next: u8,
}

/// The roles of all the characters the scan stops at, by slot.
#[derive(Debug, Clone)]
pub struct Candidates {
    /// For each slot, the first role in it (index plus one; 0 for none).
    slots: Box<[u8; SLOTS]>,
    roles: Vec<Role>,
}

/// One slot for each value of a character's two continuation bytes.
const SLOTS: usize = 4096;

/// The slot of a three-byte character from its two continuation bytes.
#[inline]
fn slot_of(b1: u8, b2: u8) -> usize {
    (usize::from(b1 & 63) << 6 | usize::from(b2 & 63)) & (SLOTS - 1)
}

impl Candidates {
    /// The roles classification uses: the embedded division names' last characters and the
    /// unit words.
    pub fn get() -> &'static Candidates {
        static CELL: LazyLock<Candidates> = LazyLock::new(|| Candidates::new(NAME_ENDS, unit_words()));
        &CELL
    }

    /// The roles for the characters names end in and for the given unit words. Only
    /// three-byte characters (all of CJK) can be found; at most 255 roles are kept.
    pub fn new(name_ends: &str, words: impl IntoIterator<Item = Suffix>) -> Candidates {
        let mut roles: Vec<Role> = Vec::new();
        let role_of = |c: char, roles: &mut Vec<Role>| -> usize {
            roles.iter().position(|r| r.c == c).unwrap_or_else(|| {
                roles.push(Role { c, name_end: false, words: Vec::new(), next: 0 });
                roles.len() - 1
            })
        };
        for c in name_ends.chars() {
            let i = role_of(c, &mut roles);
            roles[i].name_end = true;
        }
        for w in words {
            if let Some(c) = w.text.chars().next_back() {
                let i = role_of(c, &mut roles);
                roles[i].words.push(w);
            }
        }
        roles.retain(|r| r.c.len_utf8() == 3);
        roles.truncate(usize::from(u8::MAX));
        let mut slots = Box::new([0; SLOTS]);
        for (i, role) in roles.iter_mut().enumerate() {
            let mut utf8 = [0; 4];
            if let [_, b1, b2] = *role.c.encode_utf8(&mut utf8).as_bytes() {
                let slot = &mut slots[slot_of(b1, b2)];
                role.next = *slot;
                *slot = (i + 1) as u8;
            }
        }
        Candidates { slots, roles }
    }

    /// Calls `f` with the byte offset and role of each character of `text` that has one.
    #[inline]
    pub fn each(&self, text: &str, mut f: impl FnMut(usize, &Role)) {
        let bytes = text.as_bytes();
        // Held here rather than read through `self` at each character: after a call to `f`
        // the compiler can no longer tell they are unchanged.
        let (slots, roles) = (&*self.slots, self.roles.as_slice());
        // The rest of the text as a slice that shrinks from the front: no index to check
        // against the length, and the offset is only worked out for a hit.
        let mut rest = bytes;
        while let [lead, b1, b2, ref tail @ ..] = *rest {
            // Valid UTF-8: a byte 1110xxxx opens a three-byte character.
            if lead & 0xF0 != 0xE0 {
                rest = &rest[1..];
                continue;
            }
            let mut slot = slots[slot_of(b1, b2)];
            if slot != 0 {
                let cp = decode3(lead, b1, b2);
                while let Some(role) = roles.get(usize::from(slot).wrapping_sub(1)) {
                    if u32::from(role.c) == cp {
                        f(bytes.len() - rest.len(), role);
                        break;
                    }
                    slot = role.next;
                }
            }
            rest = tail;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::orgs::OrgKind;

    fn word(text: &'static str) -> Suffix {
        Suffix::new(text, OrgKind::Department, 0)
    }

    /// Each case: text → (offset, character, name end, unit words) of every stop.
    #[test]
    fn stops_at_exactly_the_characters_with_a_role() {
        // 丂 (U+4E02) shares 市's (U+5E02) slot; 𠀋 is four bytes, x is ASCII.
        let c = Candidates::new("市区）", [word("中心"), word("核心"), word("局"), word("社区")]);
        type Stop = (usize, char, bool, Vec<&'static str>);
        let cases: [(&str, Vec<Stop>); 6] = [
            ("河湾市", vec![(6, '市', true, vec![])]),
            ("丂市", vec![(3, '市', true, vec![])]),
            ("x心𠀋局", vec![(1, '心', false, vec!["中心", "核心"]), (8, '局', false, vec!["局"])]),
            ("区（）", vec![(0, '区', true, vec!["社区"]), (6, '）', true, vec![])]),
            ("道路", vec![]),
            ("", vec![]),
        ];
        for (text, want) in cases {
            let mut got: Vec<Stop> = Vec::new();
            c.each(text, |at, r| got.push((at, r.c, r.name_end, r.words.iter().map(|w| w.text).collect())));
            assert_eq!(got, want, "{text}");
        }
    }

    /// Two roles in one slot are told apart by their code points.
    #[test]
    fn characters_sharing_a_slot_each_keep_their_role() {
        let c = Candidates::new("市", [word("局丂")]);
        let mut got = Vec::new();
        c.each("丂局市丂", |at, r| got.push((at, r.c, r.name_end)));
        assert_eq!(got, [(0, '丂', false), (6, '市', true), (9, '丂', false)]);
    }

    #[test]
    fn the_embedded_roles_cover_every_name_end_and_unit_word() {
        let c = Candidates::get();
        for end in NAME_ENDS.chars() {
            assert!(c.roles.iter().any(|r| r.c == end && r.name_end), "{end}");
        }
        for w in unit_words() {
            assert!(c.roles.iter().any(|r| r.words.iter().any(|x| x.text == w.text)), "{}", w.text);
        }
    }
}
