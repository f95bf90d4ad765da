//! The application icon (`assets/icon/baokan.png`, drawn by `assets/icon/make_icon.py`):
//! the window's icon, and the file `baokan --install-desktop` puts in the icon theme.

/// The icon as PNG, 512 × 512.
pub const PNG: &[u8] = include_bytes!("../../assets/icon/baokan.png");

/// The icon decoded for the window, or `None` if it could not be (the window then has the
/// platform's default icon rather than failing to open).
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(PNG).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes_as_a_square_rgba_image() {
        let icon = super::window_icon().map(|i| (i.width, i.height, i.rgba.len()));
        assert_eq!(icon, Some((512, 512, 512 * 512 * 4)));
    }
}
