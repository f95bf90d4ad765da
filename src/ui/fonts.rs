//! The bundled fonts: Noto Sans CJK SC (regular, and bold for headlines), subset to CJK
//! Unified Ideographs, CJK and full-width punctuation and Latin (see `fonts/`). They are the
//! only fonts, so the window looks the same on every machine.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The regular face.
pub const REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansSC-Regular.otf");
/// The bold face.
pub const BOLD: &[u8] = include_bytes!("../../fonts/NotoSansSC-Bold.otf");
/// Family name of the bold face, for headlines.
pub const BOLD_FAMILY: &str = "bold";

/// The font definitions: the CJK face first in both standard families, bold as its own.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    fonts.font_data.insert("noto-sc".into(), Arc::new(FontData::from_static(REGULAR)));
    fonts.font_data.insert("noto-sc-bold".into(), Arc::new(FontData::from_static(BOLD)));
    fonts.families.insert(FontFamily::Proportional, vec!["noto-sc".into()]);
    fonts.families.insert(FontFamily::Monospace, vec!["noto-sc".into()]);
    fonts
        .families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), vec!["noto-sc-bold".into(), "noto-sc".into()]);
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
