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

use crate::app::{BaokanApp, Command, Loaded};

/// Draws every panel and returns what they asked for, keyboard shortcuts included.
pub fn draw(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    // While the file chooser asks, keys are its own (Enter answers it, Esc closes it).
    let mut commands = if app.choosing.is_none() { action::pressed(ui.ctx()) } else { Vec::new() };
    commands.extend(dropped_files(ui.ctx()));
    commands.extend(panels::confirm::unsaved_question(ui.ctx(), app));
    commands.extend(panels::chooser::file_chooser(ui.ctx(), app));
    commands.extend(panels::messages::log_window(ui.ctx(), app));
    egui::Panel::top("menu").show(ui, |ui| commands.extend(panels::menu::menu_bar(ui, app)));
    if panels::messages::banner_shown(app) {
        egui::Panel::top("banner")
            .frame(egui::Frame::NONE)
            .show(ui, |ui| commands.extend(panels::messages::banner(ui, app)));
    }
    egui::Panel::bottom("status").show(ui, |ui| commands.extend(panels::status::status_bar(ui, app)));
    match &app.loaded {
        None => {
            egui::CentralPanel::default()
                .show(ui, |ui| commands.extend(panels::start::start_screen(ui, app)));
        }
        Some(loaded) if app.focus_reading => {
            egui::CentralPanel::default().show(ui, |ui| commands.extend(reading_column(ui, app, loaded)));
        }
        Some(loaded) => commands.extend(panes(ui, app, loaded)),
    }
    commands
}

/// Below this window width the tree folds into a drop-down over the list.
pub const FOLD_TREE_BELOW: f32 = 1000.0;
/// Below this window width the list fills the window and the reader replaces it (Esc returns).
pub const LIST_ALONE_BELOW: f32 = 700.0;
/// The reader's least share of the window's width.
pub const READER_SHARE: f32 = 0.4;
/// The tree's and the list's least widths.
const TREE_MIN: f32 = 150.0;
const LIST_MIN: f32 = 220.0;

/// The tree, the list and the reader, sized to the window: the reader keeps at least
/// [`READER_SHARE`] of it, and when the window narrows the list gives way first, then the tree
/// (folded into a drop-down), then the reader takes the list's place. The widths a user
/// dragged are kept in egui's memory, but only within these bounds, so that a size saved in a
/// larger window never crushes the reader in a smaller one.
fn panes(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded) -> Vec<Command> {
    let mut out = Vec::new();
    let width = ui.available_width();
    if width < LIST_ALONE_BELOW {
        egui::CentralPanel::default().show(ui, |ui| {
            out.extend(panels::tree::tree_drop_down(ui, app, loaded));
            out.extend(panels::list::list_panel(ui, app, loaded, true));
        });
        return out;
    }
    let mut room = width * (1.0 - READER_SHARE);
    let folded = width < FOLD_TREE_BELOW;
    if !folded {
        // The tree gives way only once the list is down to its least width.
        let most = (room - LIST_MIN).min(width * 0.3).max(TREE_MIN);
        let tree = egui::Panel::left("tree")
            .resizable(true)
            .default_size((width * 0.19).clamp(TREE_MIN, most))
            .size_range(TREE_MIN..=most)
            .show(ui, |ui| out.extend(panels::tree::tree_panel(ui, app, loaded)));
        room -= tree.response.rect.width();
    }
    let share = if folded { 0.5 } else { 0.36 };
    let room = room.max(0.0);
    let least = LIST_MIN.min(room);
    egui::Panel::left("list")
        .resizable(true)
        .default_size((width * share).clamp(least, room))
        .size_range(least..=room)
        .show(ui, |ui| {
            if folded {
                out.extend(panels::tree::tree_drop_down(ui, app, loaded));
            }
            out.extend(panels::list::list_panel(ui, app, loaded, false));
        });
    egui::CentralPanel::default().show(ui, |ui| out.extend(panels::reader::reader_panel(ui, app, loaded)));
    out
}

/// Reading alone: the reader in a centred column of about 40 characters of its text.
fn reading_column(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded) -> Vec<Command> {
    let full = ui.available_rect_before_wrap();
    let column = (40.0 * app.state.text_size).clamp(full.width().min(320.0), full.width());
    let rect = egui::Rect::from_center_size(full.center(), egui::vec2(column, full.height()));
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        panels::reader::reader_panel(ui, app, loaded)
    })
    .inner
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
