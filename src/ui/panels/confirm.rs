//! The question asked before unsaved corrections would be lost (closing the window, opening
//! another archive): save them, leave them, or stay.

use crate::app::{Answer, BaokanApp, Command, Pending};
use crate::ui::wording::tr;

/// Draws the question while one is pending.
pub fn unsaved_question(ctx: &egui::Context, app: &BaokanApp) -> Option<Command> {
    let pending = app.pending.as_ref()?;
    let lang = app.state.language;
    let mut out = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved-corrections")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(tr(lang, "有未保存的更正", "Unsaved corrections"));
        let what = match pending {
            Pending::Quit => {
                tr(lang, "关闭窗口前，要保存所做的更正吗？", "Save your corrections before closing?")
            }
            Pending::Open(_) => tr(
                lang,
                "打开其他档案前，要保存所做的更正吗？",
                "Save your corrections before opening another archive?",
            ),
        };
        ui.label(what);
        if app.archive.is_none() {
            ui.label(tr(
                lang,
                "更正将保存为 Baokan 档案 (.baokan)，原版面文件不会改动。",
                "They are saved as a Baokan archive (.baokan); the page files are never changed.",
            ));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let save = if app.archive.is_some() {
                tr(lang, "保存", "Save")
            } else {
                tr(lang, "保存为档案…", "Save as archive…")
            };
            if ui.button(save).clicked() {
                out = Some(Command::Answer(Answer::Save));
            }
            if ui.button(tr(lang, "不保存", "Don't save")).clicked() {
                out = Some(Command::Answer(Answer::Discard));
            }
            if ui.button(tr(lang, "取消", "Cancel")).clicked() {
                out = Some(Command::Answer(Answer::Cancel));
            }
        });
    });
    if out.is_none() && modal.should_close() {
        out = Some(Command::Answer(Answer::Cancel));
    }
    out
}
