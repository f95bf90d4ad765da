//! The frame loop: the interface's side of [`BaokanApp`]. Each frame the app takes in its
//! workers' results, the panels draw it and return commands, the app applies them, and the
//! file dialogs it asked for are shown here. Also eframe's hooks (creation, saving settings).

use std::path::PathBuf;

use crate::app::{BaokanApp, Command, STORAGE_KEY};
use crate::ui::dialogs::Dialog;
use crate::ui::wording;
use crate::ui::{dialogs, draw, fonts, style};

impl BaokanApp {
    /// The app as eframe creates it: settings from storage, fonts installed, inputs opened.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, inputs: Vec<PathBuf>) -> BaokanApp {
        let state = cc.storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)).unwrap_or_default();
        fonts::install(&cc.egui_ctx);
        let mut app = BaokanApp::new(state);
        app.native_dialogs = true;
        app.attach(&cc.egui_ctx);
        if !inputs.is_empty() {
            app.apply(Command::Open(inputs));
        }
        app
    }

    /// Draws the whole window and applies what the panels asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.describe_list = wording::list_scope;
        self.begin_frame(ui.ctx());
        style::apply(ui.ctx(), &self.state);
        let commands = draw(ui, self);
        self.apply_all(commands);
        while let Some(ask) = self.ask.take() {
            if !self.native_dialogs {
                self.choosing = Some(ask);
                continue;
            }
            match dialogs::ask(self.state.language, &ask) {
                Dialog::Chosen(paths) => self.chosen(ask, paths),
                Dialog::Cancelled => {}
                Dialog::Unavailable => self.choosing = Some(ask),
            }
        }
        if self.end_frame(ui.ctx()) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(self.window_title()));
        }
    }

    /// 报刊档案, then the name of what is open (marked `*` with unsaved corrections).
    pub fn window_title(&self) -> String {
        let names = self.open_names();
        wording::window_title(self.state.language, names.as_deref(), self.edits.unsaved())
    }

    /// The error line as shown, if there is an error.
    pub fn error_text(&self) -> Option<String> {
        self.error.as_ref().map(|p| wording::problem(self.state.language, p))
    }

    /// The notice line as shown, if there is a notice.
    pub fn notice_text(&self) -> Option<String> {
        self.notice.as_ref().map(|n| wording::notice(self.state.language, n))
    }
}

impl eframe::App for BaokanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::mpsc::channel;

    use egui_kittest::kittest::Queryable;

    use crate::app::writer::{Writer, Written};
    use crate::app::{AppState, BaokanApp};

    #[test]
    fn the_status_bar_shows_the_write_and_cancels_it() {
        let (tx, rx) = channel();
        let mut app = BaokanApp::new(AppState::default());
        app.writes.current = Some(Writer::fake(PathBuf::from("/tmp/a.baokan"), Some(3), rx));
        let mut h = egui_kittest::Harness::builder()
            .with_size([1400.0, 300.0])
            .with_context_setup(crate::ui::fonts::install)
            .build_ui_state(|ui, app: &mut BaokanApp| app.show(ui), app);
        h.step();
        assert!(h.query_by_label_contains("正在导出 3 篇到 a.baokan…").is_some());
        h.get_by_label("取消导出").click();
        h.step();
        assert!(h.state().writes.current.as_ref().is_some_and(Writer::cancelling));
        tx.send(Written::Cancelled).unwrap();
        h.step();
        h.step();
        assert!(h.query_by_label_contains("正在导出").is_none());
        h.get_by_label("已取消导出，/tmp/a.baokan 未改动");
    }
}
