//! The item list: one row per item of the selected group, virtualised so that only the
//! visible rows are laid out; photos are marked 〔图〕.

use egui_extras::{Column, TableBuilder};

use crate::app::{BaokanApp, Command, Loaded};
use crate::core::groups::label;
use crate::core::model::Kind;
use crate::ui::text::tr;

/// Height of a list row.
const ROW: f32 = 24.0;

/// Draws the list panel.
pub fn list_panel(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::auto().at_least(60.0).clip(true))
        .column(Column::auto().at_least(48.0))
        .header(ROW, |mut header| {
            header.col(|ui| {
                ui.strong(tr(lang, "标题", "Title"));
            });
            header.col(|ui| {
                ui.strong(tr(lang, "单位", "Unit"));
            });
            header.col(|ui| {
                ui.strong(tr(lang, "版面", "Page"));
            });
        })
        .body(|body| {
            body.rows(ROW, app.list.len(), |mut row| {
                let Some(&i) = app.list.get(row.index()) else {
                    return;
                };
                let Some((page, item)) = loaded.item(i) else {
                    return;
                };
                row.set_selected(app.selected == Some(i));
                let title = match item.kind {
                    Kind::Photo if item.title.is_some() => format!("〔图〕{}", label(item)),
                    _ => label(item),
                };
                row.col(|ui| {
                    ui.add(egui::Label::new(title).truncate().selectable(false));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(item.unit.as_deref().unwrap_or("")).truncate().selectable(false));
                });
                row.col(|ui| {
                    let where_ = match page.page_no {
                        Some(n) => format!("{n:02}"),
                        None => format!("{}", page.page),
                    };
                    ui.add(egui::Label::new(where_).selectable(false));
                });
                if row.response().clicked() {
                    out.push(Command::SelectItem(i));
                }
            });
        });
    out
}
