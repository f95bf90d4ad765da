//! The menu bar (文件, 编辑, 视图), the status bar and the keyboard shortcuts.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::writer::Writer;
use crate::app::{BaokanApp, Command, Language, Theme};
use crate::browse::groups::By;
use crate::parse::progress::Stage;
use crate::store::export::Format;
use crate::ui::dialogs::format_label;
use crate::ui::wording::{self, tr};

/// Shortcuts that work anywhere: Ctrl+O, Ctrl+S, Ctrl+Shift+S, Ctrl+Q, Ctrl+F, Ctrl+= / Ctrl+- /
/// Ctrl+0, and (when no text field has focus) Ctrl+Z to undo a correction, Ctrl+Shift+Z or
/// Ctrl+Y to redo, `/` to search, n / Shift+N to the next or previous match, arrows and
/// j/k to move in the list, Enter to read the selected item alone in the window (Enter or
/// Escape to come back).
pub fn shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let mut out = Vec::new();
    let typing = ctx.memory(|m| m.focused().is_some());
    ctx.input_mut(|i| {
        let cmd = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let cmd_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        // The shifted forms first: Ctrl+S also matches Ctrl+Shift+S.
        if i.consume_shortcut(&cmd_shift(Key::S)) {
            out.push(Command::SaveAsDialog);
        }
        if i.consume_shortcut(&cmd(Key::S)) {
            out.push(Command::Save);
        }
        if !typing {
            // In a text field these are the field's own undo and redo.
            if i.consume_shortcut(&cmd_shift(Key::Z)) || i.consume_shortcut(&cmd(Key::Y)) {
                out.push(Command::Redo);
            }
            if i.consume_shortcut(&cmd(Key::Z)) {
                out.push(Command::Undo);
            }
        }
        if i.consume_shortcut(&cmd(Key::O)) {
            out.push(Command::OpenDialog);
        }
        if i.consume_shortcut(&cmd(Key::Q)) {
            out.push(Command::Quit);
        }
        if i.consume_shortcut(&cmd(Key::F)) {
            out.push(Command::FocusSearch);
        }
        if i.consume_shortcut(&cmd(Key::Equals)) || i.consume_shortcut(&cmd(Key::Plus)) {
            out.push(Command::TextSize(1.0));
        }
        if i.consume_shortcut(&cmd(Key::Minus)) {
            out.push(Command::TextSize(-1.0));
        }
        if i.consume_shortcut(&cmd(Key::Num0)) {
            out.push(Command::TextSize(0.0));
        }
        if !typing {
            if i.consume_key(Modifiers::NONE, Key::Slash) {
                // The same press also arrives as text; the search box must not type it.
                i.events.retain(|e| !matches!(e, egui::Event::Text(t) if t == "/"));
                out.push(Command::FocusSearch);
            }
            if i.consume_key(Modifiers::SHIFT, Key::N) {
                out.push(Command::NextHit(-1));
            }
            if i.consume_key(Modifiers::NONE, Key::N) {
                out.push(Command::NextHit(1));
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                out.push(Command::ToggleFocusReading);
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                out.push(Command::LeaveFocusReading);
            }
            for (keys, delta) in [([Key::ArrowDown, Key::J], 1), ([Key::ArrowUp, Key::K], -1)] {
                for key in keys {
                    if i.consume_key(Modifiers::NONE, key) {
                        out.push(Command::MoveSelection(delta));
                    }
                }
            }
        }
    });
    out
}

/// The menu bar: 文件 (open, recent), 视图 (grouping, text size, theme, language).
pub fn menu_bar(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr(lang, "文件", "File"), |ui| {
            if ui.button(tr(lang, "打开…  Ctrl+O", "Open…  Ctrl+O")).clicked() {
                out.push(Command::OpenDialog);
            }
            if ui.button(tr(lang, "打开文件夹…", "Open folder…")).clicked() {
                out.push(Command::OpenFolderDialog);
            }
            if ui.button(tr(lang, "打开示例档案", "Open the sample archive")).clicked() {
                out.push(Command::OpenSample);
            }
            ui.menu_button(tr(lang, "最近打开", "Recent"), |ui| {
                if app.state.recent.is_empty() {
                    ui.label(tr(lang, "（无）", "(none)"));
                }
                for path in &app.state.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Command::Open(vec![path.clone()]));
                    }
                }
            });
            ui.separator();
            out.extend(save_items(ui, app));
            ui.separator();
            if ui.button(tr(lang, "退出  Ctrl+Q", "Quit  Ctrl+Q")).clicked() {
                out.push(Command::Quit);
            }
        });
        ui.menu_button(tr(lang, "编辑", "Edit"), |ui| out.extend(edit_menu(ui, app)));
        ui.menu_button(tr(lang, "视图", "View"), |ui| {
            for g in By::ALL {
                if ui.radio(app.state.grouping == g, grouping_label(lang, g)).clicked() {
                    out.push(Command::SetGrouping(g));
                }
            }
            ui.separator();
            if ui.button(tr(lang, "放大字号  Ctrl+=", "Larger text  Ctrl+=")).clicked() {
                out.push(Command::TextSize(1.0));
            }
            if ui.button(tr(lang, "缩小字号  Ctrl+-", "Smaller text  Ctrl+-")).clicked() {
                out.push(Command::TextSize(-1.0));
            }
            if ui.button(tr(lang, "默认字号  Ctrl+0", "Default size  Ctrl+0")).clicked() {
                out.push(Command::TextSize(0.0));
            }
            ui.separator();
            for (theme, label) in
                [(Theme::Light, tr(lang, "浅色", "Light")), (Theme::Dark, tr(lang, "深色", "Dark"))]
            {
                if ui.radio(app.state.theme == theme, label).clicked() {
                    out.push(Command::SetTheme(theme));
                }
            }
            ui.separator();
            for (l, label) in [(Language::Chinese, "中文"), (Language::English, "English")] {
                if ui.radio(lang == l, label).clicked() {
                    out.push(Command::SetLanguage(l));
                }
            }
        });
        if app.loaded.is_some() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                out.extend(crate::ui::panels::search::search_box(ui, app));
            });
        }
    });
    out
}

/// 保存, 另存为档案, 导出 (enabled with an archive open).
fn save_items(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    let open = app.loaded.is_some();
    if ui.add_enabled(open, egui::Button::new(tr(lang, "保存  Ctrl+S", "Save  Ctrl+S"))).clicked() {
        out.push(Command::Save);
    }
    let save_as = egui::Button::new(tr(lang, "另存为档案…  Ctrl+Shift+S", "Save as archive…  Ctrl+Shift+S"));
    if ui.add_enabled(open, save_as).clicked() {
        out.push(Command::SaveAsDialog);
    }
    ui.add_enabled_ui(open, |ui| {
        ui.menu_button(tr(lang, "导出列表", "Export the list"), |ui| {
            for format in Format::ALL {
                if ui.button(format_label(lang, format)).clicked() {
                    out.push(Command::ExportDialog(format));
                }
            }
        });
    });
    out
}

/// 撤销, 重做, 更正所选条目.
fn edit_menu(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    let undo = egui::Button::new(tr(lang, "撤销更正  Ctrl+Z", "Undo correction  Ctrl+Z"));
    if ui.add_enabled(app.edits.can_undo(), undo).clicked() {
        out.push(Command::Undo);
    }
    let redo = egui::Button::new(tr(lang, "重做更正  Ctrl+Shift+Z", "Redo correction  Ctrl+Shift+Z"));
    if ui.add_enabled(app.edits.can_redo(), redo).clicked() {
        out.push(Command::Redo);
    }
    ui.separator();
    let edit = egui::Button::new(tr(lang, "更正所选条目…", "Correct the selected item…"));
    if ui.add_enabled(app.selected.is_some(), edit).clicked() {
        out.push(Command::ToggleEditing);
    }
    out
}

/// The name of a grouping in the menu and the tree's selector.
pub fn grouping_label(lang: Language, g: By) -> &'static str {
    match g {
        By::District => tr(lang, "按区县", "By district"),
        By::Unit => tr(lang, "按单位", "By unit"),
        By::Author => tr(lang, "按作者", "By author"),
        By::Date => tr(lang, "按日期", "By date"),
    }
}

/// What a running load is doing, with its counts.
fn stage_text(lang: Language, stage: Stage) -> String {
    match (lang, stage) {
        (Language::Chinese, Stage::Reading(a, b)) => format!("正在读取 {a}/{b} 项输入…"),
        (Language::English, Stage::Reading(a, b)) => format!("Reading input {a} of {b}…"),
        (Language::Chinese, Stage::Parsing(a, b)) => format!("正在分析 {a}/{b} 版…"),
        (Language::English, Stage::Parsing(a, b)) => format!("Analysing page {a} of {b}…"),
    }
}

/// A save or export running: what it writes, for how long, and its cancel button.
fn writing(ui: &mut egui::Ui, lang: Language, writer: &Writer) -> Option<Command> {
    ui.spinner();
    let name = writer.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let secs = writer.started.elapsed().as_secs_f32();
    let (text, cancel) = match (lang, writer.export) {
        (Language::Chinese, None) => (format!("正在保存到 {name}…"), "取消保存"),
        (Language::Chinese, Some(n)) => (format!("正在导出 {n} 篇到 {name}…"), "取消导出"),
        (Language::English, None) => (format!("Saving to {name}…"), "Cancel saving"),
        (Language::English, Some(n)) => (format!("Exporting {n} items to {name}…"), "Cancel export"),
    };
    ui.label(format!("{text} {secs:.1} s"));
    let button = ui.add_enabled(!writer.cancelling(), egui::Button::new(cancel));
    button.clicked().then_some(Command::CancelWrite)
}

/// The status bar: a running load with its cancel button, the last error, or the archive's
/// pages, items, warnings and load time.
pub fn status_bar(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        if let Some(job) = &app.job {
            let bar = egui::ProgressBar::new(job.progress.fraction()).desired_width(180.0).show_percentage();
            ui.add(bar);
            let secs = job.started.elapsed().as_secs_f32();
            ui.label(format!("{} {secs:.1} s", stage_text(lang, job.progress.stage())));
            if ui.button(tr(lang, "取消", "Cancel")).clicked() {
                out.push(Command::CancelLoad);
            }
        }
        if let Some(writer) = &app.writes.current {
            out.extend(writing(ui, lang, writer));
        }
        if let Some(error) = &app.error {
            ui.colored_label(ui.visuals().error_fg_color, wording::problem(lang, error));
            if ui.small_button("×").on_hover_text(tr(lang, "关闭", "Dismiss")).clicked() {
                out.push(Command::DismissError);
            }
        } else if let Some(notice) = app.notice.as_ref().filter(|_| app.writes.current.is_none()) {
            ui.label(wording::notice(lang, notice));
            if ui.small_button("×").on_hover_text(tr(lang, "关闭", "Dismiss")).clicked() {
                out.push(Command::DismissNotice);
            }
        } else if let Some(l) = &app.loaded {
            if l.is_indexing() {
                ui.spinner();
                ui.label(tr(lang, "正在建立搜索索引…", "Building the search index…"));
                ui.separator();
            }
            if app.search.active() {
                let (n, ms) = (app.search.count, app.search.took.as_secs_f64() * 1000.0);
                let found = match (lang, n) {
                    (Language::Chinese, 0) => format!("没有找到 · {ms:.0} 毫秒"),
                    (Language::Chinese, n) => format!("找到 {n} 篇 · {ms:.0} 毫秒"),
                    (Language::English, n) => format!("{n} found · {ms:.0} ms"),
                };
                ui.strong(found);
                ui.separator();
            }
            let (pages, items, warnings) = (l.doc.pages.len(), l.items.len(), l.doc.warnings.len());
            let ms = l.load_time.as_secs_f64() * 1000.0;
            ui.label(match lang {
                Language::Chinese => {
                    format!("{pages} 版 · {items} 篇 · {warnings} 条警告 · 读取 {ms:.0} 毫秒")
                }
                Language::English => {
                    format!("{pages} pages · {items} items · {warnings} warnings · read in {ms:.0} ms")
                }
            });
        }
    });
    out
}
