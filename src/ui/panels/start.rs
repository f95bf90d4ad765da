//! The start screen: what Baokan is, how to open an archive, recent files.

use crate::app::{BaokanApp, Command};
use crate::ui::fonts::bold;
use crate::ui::wording::tr;

/// Draws the start screen.
pub fn start_screen(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.15);
        let title = egui::RichText::new(tr(lang, "报刊档案", "Baokan")).family(bold()).size(36.0);
        ui.label(title);
        ui.add_space(8.0);
        ui.label(tr(
            lang,
            "打开版面文字（.txt）、文件夹或 .zip，按区县、单位、作者或日期浏览文章。",
            "Open page text (.txt), a folder or a .zip to browse articles by district, unit, author or date.",
        ));
        ui.label(tr(lang, "也可以把文件拖到窗口里。", "You can also drop files onto the window."));
        ui.add_space(16.0);
        let button =
            |ui: &mut egui::Ui, text: &str| ui.add(egui::Button::new(text).min_size(egui::vec2(200.0, 32.0)));
        if button(ui, tr(lang, "打开文件…", "Open files…")).clicked() {
            out.push(Command::OpenDialog);
        }
        if button(ui, tr(lang, "打开文件夹…", "Open folder…")).clicked() {
            out.push(Command::OpenFolderDialog);
        }
        let sample = button(ui, tr(lang, "打开示例档案", "Open the sample archive"));
        let hint = tr(
            lang,
            "三版虚构的新闻，看看报刊档案怎样分组",
            "Three pages of invented news, to see how Baokan groups them",
        );
        if sample.on_hover_text(hint).clicked() {
            out.push(Command::OpenSample);
        }
        if !app.state.recent.is_empty() {
            ui.add_space(16.0);
            ui.label(tr(lang, "最近打开", "Recent"));
            for path in &app.state.recent {
                if ui.link(path.display().to_string()).clicked() {
                    out.push(Command::Open(vec![path.clone()]));
                }
            }
        }
    });
    out
}
