//! The menu bar: 文件, 编辑, 视图, and the search box at its right. Entries with an action
//! come from the action table ([`crate::ui::action`]), shortcut hints included.

use crate::app::{BaokanApp, Command, Language, Theme};
use crate::browse::groups::By;
use crate::store::export::Format;
use crate::ui::action::{Action, Menu};
use crate::ui::dialogs::format_label;
use crate::ui::wording::tr;

/// The menu bar: 文件 (open, recent), 视图 (grouping, text size, theme, language).
pub fn menu_bar(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(Menu::File.label(lang), |ui| {
            for action in [Action::Open, Action::OpenFolder, Action::OpenSample] {
                out.extend(action.menu_button(ui, app));
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
            out.extend(Action::Quit.menu_button(ui, app));
        });
        ui.menu_button(Menu::Edit.label(lang), |ui| out.extend(edit_menu(ui, app)));
        ui.menu_button(Menu::View.label(lang), |ui| {
            for g in By::ALL {
                if ui.radio(app.state.grouping == g, grouping_label(lang, g)).clicked() {
                    out.push(Command::SetGrouping(g));
                }
            }
            out.extend(home_menu(ui, app));
            ui.separator();
            for action in [Action::ZoomIn, Action::ZoomOut, Action::ZoomReset] {
                out.extend(action.menu_button(ui, app));
            }
            ui.separator();
            for action in [Action::LargerText, Action::SmallerText, Action::DefaultTextSize] {
                out.extend(action.menu_button(ui, app));
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
            ui.separator();
            let count = app.messages.log.len();
            let messages = match lang {
                Language::Chinese => format!("消息（{count}）"),
                Language::English => format!("Messages ({count})"),
            };
            if ui.button(messages).clicked() {
                out.push(Command::ShowMessages(true));
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
    for action in [Action::Save, Action::SaveAs] {
        out.extend(action.menu_button(ui, app));
    }
    ui.add_enabled_ui(app.loaded.is_some(), |ui| {
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
    let mut out: Vec<Command> =
        [Action::Undo, Action::Redo].iter().filter_map(|a| a.menu_button(ui, app)).collect();
    ui.separator();
    out.extend(Action::CorrectItem.menu_button(ui, app));
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

/// The home city's menu: each source's own (the city most of its pages name), none (a
/// national paper), or one of the cities the pages name. Every item is classified again.
fn home_menu(ui: &mut egui::Ui, app: &BaokanApp) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    let Some(loaded) = &app.loaded else {
        return out;
    };
    let doc = &loaded.doc;
    let tables = crate::classify::Tables::builtin();
    let mut cities: Vec<usize> = doc.pages.iter().filter_map(|p| p.home).chain(doc.home).collect();
    cities.sort_unstable();
    cities.dedup();
    ui.menu_button(tr(lang, "本地城市", "Home city"), |ui| {
        let choice = doc.home_choice;
        let mut entry = |ui: &mut egui::Ui, home: Option<Option<usize>>, label: &str| {
            if ui.radio(choice == home, label).clicked() {
                out.push(Command::SetHome(home));
            }
        };
        entry(ui, None, tr(lang, "按来源自动", "Each source's own"));
        entry(ui, Some(None), tr(lang, "无（全国性报纸）", "None (a national paper)"));
        for city in cities {
            if let Some(name) = tables.division_name(Some(city)) {
                entry(ui, Some(Some(city)), name);
            }
        }
    });
    out
}
