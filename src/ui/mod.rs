//! Drawing the window: one file per panel. Panels read the app and return
//! [`Command`](crate::app::Command)s; they never change it themselves. This layer depends on
//! [`crate::app`], never the other way: the frame loop ([`window`]) lives here.

pub mod action;
pub mod dialogs;
pub mod fonts;
pub mod icon;
pub(crate) mod marks;
pub(crate) mod panels;
pub mod style;
pub mod window;
pub mod wording;

use crate::app::{BaokanApp, Command};

/// Draws every panel and returns what they asked for, keyboard shortcuts included.
pub fn draw(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let mut commands = action::pressed(ui.ctx());
    commands.extend(dropped_files(ui.ctx()));
    commands.extend(panels::confirm::unsaved_question(ui.ctx(), app));
    egui::Panel::top("menu").show(ui, |ui| commands.extend(panels::menu::menu_bar(ui, app)));
    egui::Panel::bottom("status").show(ui, |ui| commands.extend(panels::status::status_bar(ui, app)));
    match &app.loaded {
        None => {
            egui::CentralPanel::default()
                .show(ui, |ui| commands.extend(panels::start::start_screen(ui, app)));
        }
        Some(loaded) if app.focus_reading => {
            egui::CentralPanel::default()
                .show(ui, |ui| commands.extend(panels::reader::reader_panel(ui, app, loaded)));
        }
        Some(loaded) => {
            let width = ui.available_width();
            egui::Panel::left("tree")
                .resizable(true)
                .default_size((width * 0.19).max(170.0))
                .min_size(150.0)
                .show(ui, |ui| commands.extend(panels::tree::tree_panel(ui, app, loaded)));
            egui::Panel::left("list")
                .resizable(true)
                .default_size((width * 0.42).max(300.0))
                .min_size(200.0)
                .show(ui, |ui| commands.extend(panels::list::list_panel(ui, app, loaded)));
            egui::CentralPanel::default()
                .show(ui, |ui| commands.extend(panels::reader::reader_panel(ui, app, loaded)));
        }
    }
    commands
}

/// Files dropped onto the window open as one archive.
fn dropped_files(ctx: &egui::Context) -> Option<Command> {
    let paths: Vec<_> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    (!paths.is_empty()).then_some(Command::Open(paths))
}
