//! Errors and warnings where the user looks: a banner under the menu bar with the last error
//! (or the last load's warnings) until it is dismissed, and the log of every one since the
//! window opened (视图 → 消息), newest first.

use std::time::SystemTime;

use egui::{Color32, RichText};

use crate::app::{BaokanApp, Command, Language, Said};
use crate::ui::wording::{self, tr};

/// The banner's background and text colours: an error red, warnings amber, each strong
/// enough to read (7:1 and more) in either theme.
fn colours(dark: bool, error: bool) -> (Color32, Color32) {
    match (dark, error) {
        (false, true) => (Color32::from_rgb(253, 226, 226), Color32::from_rgb(110, 10, 10)),
        (false, false) => (Color32::from_rgb(255, 243, 205), Color32::from_rgb(90, 60, 0)),
        (true, true) => (Color32::from_rgb(80, 20, 20), Color32::from_rgb(255, 220, 220)),
        (true, false) => (Color32::from_rgb(70, 55, 10), Color32::from_rgb(255, 240, 200)),
    }
}

/// True when the banner has something to say.
pub fn banner_shown(app: &BaokanApp) -> bool {
    app.error.is_some() || app.messages.warnings > 0
}

/// The banner: the last error, else how many warnings the last load gave; a button to the log
/// and one to dismiss.
pub fn banner(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let lang = app.state.language;
    let text = match &app.error {
        Some(p) => wording::problem(lang, p),
        None => match lang {
            Language::Chinese => format!("读取时有 {} 条警告", app.messages.warnings),
            Language::English => format!("Reading gave {} warnings", app.messages.warnings),
        },
    };
    let (fill, ink) = colours(ui.visuals().dark_mode, app.error.is_some());
    let mut out = Vec::new();
    egui::Frame::new().fill(fill).inner_margin(egui::Margin::symmetric(8, 4)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr(lang, "关闭", "Dismiss")).clicked() {
                    out.push(Command::DismissError);
                }
                if ui.button(tr(lang, "消息…", "Messages…")).clicked() {
                    out.push(Command::ShowMessages(true));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(RichText::new(text).color(ink)).wrap());
                });
            });
        });
    });
    out
}

/// The message log's window, while it is open.
pub fn log_window(ctx: &egui::Context, app: &BaokanApp) -> Option<Command> {
    if !app.messages.open {
        return None;
    }
    let lang = app.state.language;
    let mut open = true;
    let now = SystemTime::now();
    egui::Window::new(tr(lang, "消息", "Messages"))
        .id(egui::Id::unique("message-log"))
        .open(&mut open)
        .default_size([560.0, 320.0])
        .show(ctx, |ui| {
            if app.messages.log.is_empty() {
                ui.weak(tr(lang, "没有错误或警告。", "No errors or warnings."));
            }
            egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
                for entry in app.messages.log.iter().rev() {
                    let (kind, colour) = match entry.what {
                        Said::Problem(_) => (tr(lang, "错误", "Error"), ui.visuals().error_fg_color),
                        Said::Warning(_) => (tr(lang, "警告", "Warning"), ui.visuals().warn_fg_color),
                    };
                    let secs = now.duration_since(entry.at).map_or(0, |d| d.as_secs());
                    ui.horizontal_top(|ui| {
                        ui.colored_label(colour, kind);
                        ui.weak(wording::ago(lang, secs));
                        ui.add(egui::Label::new(wording::said(lang, &entry.what)).wrap());
                    });
                }
            });
        });
    (!open).then_some(Command::ShowMessages(false))
}
