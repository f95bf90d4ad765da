//! The bundled fonts: Noto Sans CJK SC (regular, and bold for headlines), subset to CJK
//! Unified Ideographs, CJK and full-width punctuation and Latin, with a small supplement for the
//! sixteen newest ideographs Noto lacks (see `fonts/`). They are the only fonts, so the window
//! looks the same on every machine.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The regular face.
pub const REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansSC-Regular.otf");
/// The bold face.
pub const BOLD: &[u8] = include_bytes!("../../fonts/NotoSansSC-Bold.otf");
/// Glyphs for U+9FF0–U+9FFF, which Noto Sans CJK 2.004 does not draw (GNU Unifont, OFL).
pub const SUPPLEMENT: &[u8] = include_bytes!("../../fonts/Supplement-U9FF0.otf");
/// Family name of the bold face, for headlines.
pub const BOLD_FAMILY: &str = "bold";

/// The font definitions: the CJK face first in both standard families, bold as its own, the
/// supplement last in each as the fallback.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    for (name, data) in [("noto-sc", REGULAR), ("noto-sc-bold", BOLD), ("supplement", SUPPLEMENT)] {
        fonts.font_data.insert(name.into(), Arc::new(FontData::from_static(data)));
    }
    let regular = vec!["noto-sc".to_owned(), "supplement".to_owned()];
    let bold = vec!["noto-sc-bold".to_owned(), "noto-sc".to_owned(), "supplement".to_owned()];
    fonts.families.insert(FontFamily::Proportional, regular.clone());
    fonts.families.insert(FontFamily::Monospace, regular);
    fonts.families.insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    fonts
}

/// Installs the bundled fonts.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// The bold family.
pub fn bold() -> FontFamily {
    FontFamily::Name(BOLD_FAMILY.into())
}
