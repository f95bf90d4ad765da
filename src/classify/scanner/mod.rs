//! The byte-level scanning classification rests on, kept apart from its rules.
//!
//! Classification looks at every character of every item for the places a division name or a
//! unit word may end. Everything that makes that cheap lives here and nowhere else: characters
//! decoded from their UTF-8 bytes ([`char_before`], [`char_at`]), sets of characters tested
//! with one load ([`CharSet`]), the byte table that leads from a character to what may end
//! there ([`candidates`]), and the Bloom-style filters over the last characters of division
//! names ([`name_ends`]). The rules themselves (which words end a unit's name, which
//! characters around them make an ordinary word) are tables in `unit_words.rs` and
//! `orgs.rs`; adding a word there needs nothing from this module.

pub(crate) mod candidates;
mod chars;
pub(crate) mod name_ends;

pub(crate) use chars::{
    CharSet, FewChars, char_at, char_before, common_ideograph_before, decode3, find_utf8_3, utf8_3,
};
