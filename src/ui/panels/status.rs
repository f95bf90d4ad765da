//! The status bar: a running load or write, the last notice, the archive's counts.

use crate::app::writer::Writer;
use crate::app::{BaokanApp, Command, Language};
use crate::parse::progress::Stage;
use crate::ui::wording::{self, tr};

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

/// The status bar: a running load with its cancel button, the last notice, or the archive's
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
        // Errors are in the banner above (see `messages`).
        if let Some(notice) = app.notice.as_ref().filter(|_| app.writes.current.is_none()) {
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
