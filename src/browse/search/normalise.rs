//! The one normal form both the archive's text and the user's query are brought to before
//! matching: full-width ASCII as half-width, Latin letters in lower case, every space
//! (extraction spaces between Chinese characters, the ideographic space) removed.

use crate::text::is_space;

/// The normal form of a text.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalised(&mut out, text);
    out
}

/// Appends the normal form of `text` to `out`.
pub fn push_normalised(out: &mut String, text: &str) {
    // Most characters are their own normal form: copy runs of them whole.
    let mut run = 0;
    for (at, c) in text.char_indices() {
        let n = normalised_char(c);
        if n == Some(c) {
            continue;
        }
        out.push_str(text.get(run..at).unwrap_or(""));
        out.extend(n);
        run = at + c.len_utf8();
    }
    out.push_str(text.get(run..).unwrap_or(""));
}

/// The normal form of one character, or `None` for a space or a control character (which
/// the index uses as a field separator).
pub fn normalised_char(c: char) -> Option<char> {
    // Chinese text is nearly all in this range, where nothing is a space, a control or a
    // full-width letter: decided at once.
    if ('\u{3001}'..='\u{FF00}').contains(&c) {
        return Some(c);
    }
    if is_space(c) || c.is_control() {
        return None;
    }
    let c = match c as u32 {
        // Full-width forms of ASCII ！ to ～.
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_forms() {
        let cases = [
            ("聊 城 市", "聊城市"),
            ("ＰＩＤ仪器", "pid仪器"),
            ("PID　仪器", "pid仪器"),
            ("２０２３年", "2023年"),
            ("（试行）", "(试行)"),
            ("“党旗红·生态美”", "“党旗红·生态美”"),
            ("", ""),
            ("a\u{1}b\n", "ab"),
        ];
        for (text, want) in cases {
            assert_eq!(normalise(text), want, "{text}");
        }
    }
}
