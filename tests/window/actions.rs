//! The action table drives the menus: every action with a shortcut and a menu entry shows the
//! shortcut, formatted the platform's way, beside its label. (That every shortcut sends its
//! action's command is tested beside the table, in `src/ui/action.rs`.)

use baokan::app::Language;
use baokan::ui::action::Action;
use egui_kittest::kittest::Queryable;

use crate::common::sample;

#[test]
fn every_menu_entry_shows_its_shortcut() {
    let mut h = sample();
    let mut checked = 0;
    for action in Action::ALL {
        let (Some(menu), Some(hint)) = (action.menu(), action.hint(&h.ctx)) else {
            continue;
        };
        let menu = menu.label(Language::Chinese);
        h.get_by_label(menu).click();
        h.run();
        h.get_by_label(&format!("{} {hint}", action.label(Language::Chinese)));
        h.get_by_label(menu).click();
        h.run();
        checked += 1;
    }
    assert_eq!(checked, 12, "open, save, save as, quit, undo, redo, three zooms, three text sizes");
}

#[test]
fn hints_are_the_platforms() {
    let ctx = egui::Context::default();
    ctx.set_os(egui::os::OperatingSystem::Nix);
    assert_eq!(Action::SaveAs.hint(&ctx).as_deref(), Some("Ctrl+Shift+S"));
    assert_eq!(Action::Redo.hint(&ctx).as_deref(), Some("Ctrl+Shift+Z"));
    // egui names the key outside a Mac, where it shows symbols.
    assert_eq!(Action::ZoomIn.hint(&ctx).as_deref(), Some("Ctrl+Equals"));
    assert_eq!(Action::LargerText.hint(&ctx).as_deref(), Some("Ctrl+Shift+Equals"));
    // Whether ⌘ can be drawn depends on the fonts, which a first frame loads.
    // Nothing draws here: the font atlas egui made is dropped on purpose.
    ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
    ctx.set_os(egui::os::OperatingSystem::Mac);
    let mac = Action::Save.hint(&ctx).unwrap_or_default();
    assert!(!mac.contains("Ctrl"), "a Mac shows ⌘: {mac}");
}
