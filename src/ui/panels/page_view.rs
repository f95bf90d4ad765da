//! The page view: the whole page's text as extracted, one row per line with its number. The
//! selected item's lines are marked, every other item's lines shaded (alternating shades, so
//! neighbours stay apart), header lines left plain; clicking a line selects the item that
//! holds it; right-clicking it offers to make it page header or to split its item there. This
//! is how a person checks and mends the segmentation.

use egui::{Align, Color32, RichText, Sense, Shape};

use crate::app::{BaokanApp, Command, Loaded};
use crate::model::Correction;
use crate::model::Item;
use crate::text::split_lines;
use crate::ui::wording::tr;

/// Width of the line-number gutter.
const GUTTER: f32 = 40.0;

/// Draws the selected item's page; returns the item a click selected.
pub fn page_view(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded, item: &Item) -> Option<Command> {
    let selected = app.selected?;
    let &(p, _) = loaded.items.get(selected)?;
    let page = loaded.doc.pages.get(p)?;
    if page.text.is_empty() {
        ui.label(tr(app.state.language, "这一版的原文不可用", "This page's text is not available"));
        return None;
    }
    // Scroll to the item's first line once each time another item is shown here.
    let scrolled_id = ui.scope_id().with("page-view-scrolled");
    let scroll = ui.data(|d| d.get_temp::<usize>(scrolled_id)) != Some(selected);
    ui.data_mut(|d| d.insert_temp(scrolled_id, selected));
    let mut out = None;
    egui::ScrollArea::both().auto_shrink(false).id_salt("page-view").show(ui, |ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        for (k, line) in split_lines(&page.text).into_iter().enumerate() {
            let number = k + 1;
            let owner = page.item_at_line(number);
            let mine = owner.and_then(|a| loaded.position(p, a)) == Some(selected);
            let row = ui.horizontal(|ui| {
                let background = ui.painter().add(Shape::Noop);
                ui.add_sized(
                    [GUTTER, 0.0],
                    egui::Label::new(RichText::new(number.to_string()).weak().monospace()),
                );
                let clicked = match owner {
                    Some(_) if !line.trim().is_empty() => {
                        let response = ui.selectable_label(mine, line);
                        line_menu(&response, app, number, &mut out);
                        response.clicked()
                    }
                    _ => {
                        ui.add(egui::Label::new(RichText::new(line).weak()).sense(Sense::hover()));
                        false
                    }
                };
                if let Some(a) = owner.filter(|_| !mine) {
                    let rect = ui.max_rect().with_min_x(ui.min_rect().left() + GUTTER);
                    ui.painter().set(background, Shape::rect_filled(rect, 0.0, shade(ui, a)));
                }
                clicked
            });
            if row.inner {
                out = owner.and_then(|a| loaded.position(p, a)).map(Command::SelectItem);
            }
            if scroll && mine && item.lines[0] == number {
                ui.scroll_to_rect(row.response.rect, Some(Align::TOP));
            }
        }
    });
    out
}

/// The right-click menu of a line: make it page header, or start a new item there.
fn line_menu(response: &egui::Response, app: &BaokanApp, line: usize, out: &mut Option<Command>) {
    let (lang, Some(selected)) = (app.state.language, app.selected) else {
        return;
    };
    response.context_menu(|ui| {
        if ui.button(tr(lang, "设为版头（不是正文）", "Mark as page header (not text)")).clicked() {
            *out = Some(Command::Correct(selected, vec![Correction::Header { line }]));
        }
        if ui.button(tr(lang, "从这一行所在段落起拆分", "Split the item at this line's paragraph")).clicked()
        {
            *out = Some(Command::Correct(selected, vec![Correction::Split { line }]));
        }
    });
}

/// The shade behind another item's lines: two greys, by the item's parity.
fn shade(ui: &egui::Ui, item: usize) -> Color32 {
    let base = ui.visuals().faint_bg_color;
    if item.is_multiple_of(2) { base } else { ui.visuals().extreme_bg_color }
}
