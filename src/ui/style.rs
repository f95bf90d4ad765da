//! Theme, interface scale and text colours from the settings.
//!
//! egui's own colours leave body text pale (grey 140 on grey 27 in the dark theme, about
//! 5:1); here body text reaches at least 7:1 against the panels in both themes, and strong
//! text (headlines) is the strongest colour there is.

use egui::{Color32, Visuals};

use crate::app::{AppState, Theme};

/// Applies the theme, the interface's scale and, once, Baokan's text colours.
pub fn apply(ctx: &egui::Context, state: &AppState) {
    // The zoom keys are Baokan's own actions (and saved with the settings); egui's would
    // act on the same keys a second time.
    if ctx.options(|o| o.zoom_with_keyboard) {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.all_styles_mut(|style| legible(&mut style.visuals));
    }
    let theme = match state.theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    };
    if ctx.theme() != theme {
        ctx.set_theme(theme);
    }
    if (ctx.zoom_factor() - state.zoom).abs() > 0.001 {
        ctx.set_zoom_factor(state.zoom);
    }
}

/// Text colours that read well: body text near black (near white in the dark theme), strong
/// text black (white), weak text still above 4.5:1.
pub fn legible(visuals: &mut Visuals) {
    let (body, strong, weak) = if visuals.dark_mode {
        (Color32::from_gray(222), Color32::WHITE, Color32::from_gray(170))
    } else {
        (Color32::from_gray(28), Color32::BLACK, Color32::from_gray(92))
    };
    visuals.widgets.noninteractive.fg_stroke.color = body;
    visuals.widgets.inactive.fg_stroke.color = body;
    visuals.override_text_color = None;
    visuals.weak_text_color = Some(weak);
    visuals.widgets.hovered.fg_stroke.color = strong;
    visuals.widgets.active.fg_stroke.color = strong;
}

/// Line height for Chinese body text: 1.7 times the size reads comfortably.
pub fn line_height(size: f32) -> f32 {
    (size * 1.7).round()
}

/// The contrast ratio of two colours (WCAG 2): 1 for the same, 21 for black on white.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    }
    let luminance = |c: Color32| 0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b());
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_text_reads_at_seven_to_one_and_headlines_are_strongest() {
        for mut visuals in [Visuals::light(), Visuals::dark()] {
            legible(&mut visuals);
            let dark = visuals.dark_mode;
            let body = visuals.text_color();
            for background in [visuals.panel_fill, visuals.window_fill, visuals.extreme_bg_color] {
                let ratio = contrast(body, background);
                assert!(ratio >= 7.0, "dark={dark}: body text {ratio:.1}:1 on {background:?}");
                let weak = contrast(visuals.weak_text_color(), background);
                assert!(weak >= 4.5, "dark={dark}: weak text {weak:.1}:1");
            }
            let strong = contrast(visuals.strong_text_color(), visuals.panel_fill);
            assert!(strong >= contrast(body, visuals.panel_fill), "dark={dark}: headlines strongest");
        }
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
