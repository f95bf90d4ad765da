//! The bundled fonts cover every character the window may have to draw: all of CJK Unified
//! Ideographs (U+4E00–U+9FFF), the punctuation and forms newspapers print, and every character
//! of every fixture page (ours, the embedded sample, and ../shared's when it is present).
//! Coverage is checked per family as egui gets it, each face's character map in fallback order.

#![allow(clippy::expect_used)] // a test may stop at the first broken expectation

use std::path::{Path, PathBuf};

use skrifa::{FontRef, MetadataProvider};

/// For each family of the window's font definitions, the characters none of its faces maps.
fn missing(chars: &[char]) -> Vec<(String, Vec<char>)> {
    let defs = baokan::ui::fonts::definitions();
    let mut out = Vec::new();
    for (family, faces) in &defs.families {
        let fonts: Vec<FontRef<'_>> = faces
            .iter()
            .map(|f| FontRef::new((*defs.font_data[f].font).as_ref()).expect("an OpenType font"))
            .collect();
        let mut gaps: Vec<char> = chars
            .iter()
            .copied()
            .filter(|c| !c.is_control() && !c.is_whitespace())
            .filter(|&c| fonts.iter().all(|f| f.charmap().map(c).is_none()))
            .collect();
        gaps.sort_unstable();
        gaps.dedup();
        out.push((format!("{family:?}"), gaps));
    }
    assert_eq!(out.len(), 3, "proportional, monospace and bold families are checked");
    out
}

fn assert_covered(chars: &[char]) {
    for (family, gaps) in missing(chars) {
        assert!(
            gaps.is_empty(),
            "{family} lacks {} characters, first {:?}",
            gaps.len(),
            &gaps[..gaps.len().min(12)]
        );
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every text file under a folder, recursively.
fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            text_files(&p, out);
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "json")) {
            out.push(p);
        }
    }
}

#[test]
fn every_cjk_unified_ideograph_has_a_glyph() {
    let ideographs: Vec<char> = ('\u{4E00}'..='\u{9FFF}').collect();
    assert_eq!(ideographs.len(), 0x5200);
    assert_covered(&ideographs);
}

#[test]
fn newspaper_punctuation_and_forms_have_glyphs() {
    let printed = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·・①②③■□●○◆★％＋－＝０１９ＡＺａｚ～℃";
    assert_covered(&printed.chars().collect::<Vec<_>>());
}

#[test]
fn every_character_of_every_fixture_has_a_glyph() {
    let mut files = Vec::new();
    text_files(&root().join("tests/fixtures"), &mut files);
    text_files(&root().join("assets/sample"), &mut files);
    text_files(&root().join("../shared/fixtures"), &mut files);
    assert!(files.len() >= 3, "our own fixtures are found: {files:?}");
    let text: String = files.iter().map(|f| std::fs::read_to_string(f).unwrap_or_default()).collect();
    assert!(text.chars().count() > 1000, "the fixtures were read");
    assert_covered(&text.chars().collect::<Vec<_>>());
}

#[test]
fn a_character_outside_the_fonts_is_reported() {
    // Hangul is not bundled: the check must be able to fail.
    let gaps = missing(&['한']);
    assert!(gaps.iter().all(|(_, g)| g == &['한']), "{gaps:?}");
}
