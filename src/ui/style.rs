//! Theme and text sizes from the settings.

use crate::app::{AppState, Theme};

/// Applies the theme and a comfortable size for interface text.
pub fn apply(ctx: &egui::Context, state: &AppState) {
    let theme = match state.theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    };
    if ctx.theme() != theme {
        ctx.set_theme(theme);
    }
}

/// Line height for Chinese body text: 1.7 times the size reads comfortably.
pub fn line_height(size: f32) -> f32 {
    (size * 1.7).round()
}
