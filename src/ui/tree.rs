//! The group tree: a grouping selector, then each group as `name (count)`, two levels for
//! district → unit and date → page. Clicking a group lists its items.

use egui::collapsing_header::CollapsingState;

use crate::app::{BaokanApp, Command, GroupPath, Loaded};
use crate::core::groups::{By, Node};
use crate::ui::status::grouping_label;
use crate::ui::text::{group_name, tr};

/// Draws the tree panel.
pub fn tree_panel(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded) -> Vec<Command> {
    let lang = app.state.language;
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for g in By::ALL {
            if ui.selectable_label(app.state.grouping == g, grouping_label(lang, g)).clicked() {
                out.push(Command::SetGrouping(g));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let all = format!("{} ({})", tr(lang, "全部", "All"), loaded.items.len());
        if ui.selectable_label(app.group.is_none(), all).clicked() {
            out.push(Command::SelectGroup(None));
        }
        for node in loaded.tree.iter().filter(|n| n.item.is_none()) {
            group_row(ui, app, node, &mut out);
        }
    });
    out
}

/// One top-level group, with its subgroups when it has any.
fn group_row(ui: &mut egui::Ui, app: &BaokanApp, node: &Node, out: &mut Vec<Command>) {
    let path: GroupPath = vec![node.name.clone()];
    if !node.has_subgroups() {
        select_label(ui, app, node, path, out);
        return;
    }
    let id = ui.make_persistent_id(("group", app.state.grouping, &node.name));
    CollapsingState::load_with_default_open(ui.ctx(), id, false)
        .show_header(ui, |ui| select_label(ui, app, node, path.clone(), out))
        .body(|ui| {
            for child in &node.children {
                let mut child_path = path.clone();
                child_path.push(child.name.clone());
                select_label(ui, app, child, child_path, out);
            }
        });
}

/// A selectable `name (count)` label.
fn select_label(ui: &mut egui::Ui, app: &BaokanApp, node: &Node, path: GroupPath, out: &mut Vec<Command>) {
    let selected = app.group.as_ref() == Some(&path);
    let text = format!("{} ({})", group_name(app.state.language, &node.name), node.count);
    if ui.selectable_label(selected, text).clicked() {
        out.push(Command::SelectGroup(Some(path)));
    }
}
