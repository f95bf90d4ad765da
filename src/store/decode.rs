//! Bytes to text: encoding detection and line-end normalisation.
//!
//! Pages arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK from older
//! Windows tools. A BOM decides; otherwise valid UTF-8 is taken as such, and anything else is
//! handed to chardetng, whose GBK guess is decoded as GB18030 (a superset).

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Text decoded from a file, with the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line ends normalised to `\n`.
    pub text: String,
    /// Name of the encoding that was applied (for warnings and the status bar).
    pub encoding: &'static str,
    /// True when some bytes could not be decoded and were replaced by U+FFFD.
    pub had_errors: bool,
}

/// Returns true when the bytes look like a binary file rather than page text.
///
/// UTF-16 text is full of NUL bytes, so a BOM exempts it; otherwise a NUL byte in the first
/// 64 KiB or a high share of C0 control characters marks the file as binary.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some_and(|(enc, _)| enc != UTF_8) {
        return false;
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 20 > head.len().max(1)
}

/// Decodes page bytes to text, detecting the encoding, and normalises line ends to `\n`.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => {
                return Decoded {
                    text: normalise_line_ends(text),
                    encoding: UTF_8.name(),
                    had_errors: false,
                };
            }
            Err(_) => (guess_legacy(bytes), bytes),
        },
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    Decoded { text: normalise_line_ends(&text), encoding: encoding.name(), had_errors }
}

/// Guesses a legacy encoding; Chinese text detected as GBK is decoded as GB18030.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    if guess == encoding_rs::GBK { GB18030 } else { guess }
}

/// Turns `\r\n` and lone `\r` into `\n`; borrows nothing so the caller owns the result.
pub fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "本报讯（记者 张三）6月18日，\r\n市里举行活动。\r第二行\n";
    const WANT: &str = "本报讯（记者 张三）6月18日，\n市里举行活动。\n第二行\n";

    #[test]
    fn decodes_each_supported_encoding_to_the_same_text() {
        let utf8 = SAMPLE.as_bytes().to_vec();
        let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
        utf8_bom.extend_from_slice(SAMPLE.as_bytes());
        let mut utf16le = vec![0xFF, 0xFE];
        utf16le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        let (gb, _, _) = GB18030.encode(SAMPLE);
        let cases: [(&str, Vec<u8>, &str); 5] = [
            ("utf-8", utf8, "UTF-8"),
            ("utf-8 bom", utf8_bom, "UTF-8"),
            ("utf-16le", utf16le, "UTF-16LE"),
            ("utf-16be", utf16be, "UTF-16BE"),
            ("gb18030", gb.into_owned(), "gb18030"),
        ];
        for (name, bytes, encoding) in cases {
            let got = decode(&bytes);
            assert_eq!(got.text, WANT, "{name}");
            assert_eq!(got.encoding, encoding, "{name}");
            assert!(!got.had_errors, "{name}");
            assert!(!looks_binary(&bytes), "{name} is text");
        }
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]));
        assert!(looks_binary(&[1, 2, 3, 4, 5, 6, 7, 8, b'a']));
        assert!(!looks_binary(b""));
        assert!(!looks_binary("正文\u{c}第二页".as_bytes()));
    }
}
