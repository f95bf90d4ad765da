//! The group tree: a grouping selector, a filter box (any part of a name, or its pinyin
//! initials), then each group as `name (count)`, with its subgroups (city → district → unit,
//! a unit's bodies, date → page). While a search runs, the counts are its matches and empty groups are hidden.
//! Clicking a group lists its items. In a narrow window the tree folds into a drop-down
//! above the list.

use egui::collapsing_header::CollapsingState;

use crate::app::{BaokanApp, Command, GroupPath, Loaded};
use crate::browse::groups::{By, Kept, Node};
use crate::browse::initials::GroupFilter;
use crate::ui::panels::menu::grouping_label;
use crate::ui::wording::{group_key, tr};

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
    out.extend(filter_box(ui, app));
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let total = if app.search.active() { app.search.count } else { loaded.items.len() };
        let all = format!("{} ({total})", tr(lang, "全部", "All"));
        if ui.selectable_label(app.group.is_none(), all).clicked() {
            out.push(Command::SelectGroup(None));
        }
        let filter = GroupFilter::new(&app.tree_filter);
        for (k, node) in loaded.tree.iter().enumerate().filter(|(_, n)| n.item.is_none()) {
            let kept = app.search.active().then(|| app.search.kept.get(k)).flatten();
            group_row(ui, app, node, kept, &filter, &mut out);
        }
    });
    out
}

/// The tree folded into a drop-down: a button naming the selected group, which opens the tree
/// over the list; choosing a group closes it.
pub fn tree_drop_down(ui: &mut egui::Ui, app: &BaokanApp, loaded: &Loaded) -> Vec<Command> {
    let lang = app.state.language;
    let group = app.group.as_ref().and_then(|p| p.last()).map(|k| group_key(lang, k));
    let name = group.unwrap_or_else(|| tr(lang, "全部", "All").to_owned());
    let text = format!("{}{name} ▼", tr(lang, "分组：", "Group: "));
    let button = ui.add(egui::Button::new(text).truncate()).on_hover_text(tr(
        lang,
        "窗口较窄，分组树收在这里",
        "The window is narrow: the group tree is folded in here",
    ));
    let mut out = Vec::new();
    let height = (ui.ctx().content_rect().height() * 0.7).max(200.0);
    let popup = egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .width(button.rect.width().max(260.0))
        .show(|ui| {
            ui.set_min_height(height);
            ui.set_max_height(height);
            out = tree_panel(ui, app, loaded);
        });
    if popup.is_some() && out.iter().any(|c| matches!(c, Command::SelectGroup(_))) {
        egui::Popup::close_id(ui.ctx(), egui::Popup::default_response_id(&button));
    }
    ui.separator();
    out
}

/// The filter box above the tree.
fn filter_box(ui: &mut egui::Ui, app: &BaokanApp) -> Option<Command> {
    let lang = app.state.language;
    let mut text = app.tree_filter.clone();
    let edit = egui::TextEdit::singleline(&mut text)
        .id_salt("tree-filter")
        .hint_text(tr(lang, "筛选（可用拼音首字母）", "Filter groups (pinyin initials too)"))
        .desired_width(f32::INFINITY);
    ui.add(edit).accessible_name(tr(lang, "筛选分组", "Filter groups"));
    (text != app.tree_filter).then_some(Command::FilterTree(text))
}

/// One group, with its subgroups when it has any (a city's districts, a district's units, a
/// unit's bodies, each as deep as the tree goes); hidden when the search keeps none of its
/// items or the filter matches neither it, a group above it, nor a subgroup.
fn group_row(
    ui: &mut egui::Ui,
    app: &BaokanApp,
    node: &Node,
    kept: Option<&Kept>,
    filter: &GroupFilter,
    out: &mut Vec<Command>,
) {
    subgroup_row(ui, app, (node, kept), (&Vec::new(), false), filter, out);
}

/// A group under the path `above` (whose names the filter matched when `above_named`).
fn subgroup_row(
    ui: &mut egui::Ui,
    app: &BaokanApp,
    (node, kept): (&Node, Option<&Kept>),
    (above, above_named): (&GroupPath, bool),
    filter: &GroupFilter,
    out: &mut Vec<Command>,
) {
    let lang = app.state.language;
    let count = kept.map_or(node.count, |k| k.count);
    let name = group_key(lang, &node.key);
    let named = above_named || filter.matches(&name);
    let mut path: GroupPath = above.clone();
    path.push(node.key.clone());
    if count == 0 {
        return;
    }
    if !node.has_subgroups() {
        if named {
            select_label(ui, app, &name, count, path, out);
        }
        return;
    }
    let children: Vec<(&Node, Option<&Kept>, String, usize)> = node
        .children
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let k = kept.and_then(|k| k.children.get(j));
            (c, k, group_key(lang, &c.key), k.map_or(c.count, |k| k.count))
        })
        .filter(|(c, _, name, n)| *n > 0 && (named || filter.matches(name) || c.has_subgroups()))
        .collect();
    if children.is_empty() && !named {
        return;
    }
    // While filtering, groups open to show the subgroups that matched.
    let filtering = !app.tree_filter.trim().is_empty();
    let id = ui.make_persistent_id(("group", app.state.grouping, &path, filtering));
    CollapsingState::load_with_default_open(ui.ctx(), id, filtering)
        .show_header(ui, |ui| select_label(ui, app, &name, count, path.clone(), out))
        .body(|ui| {
            for (child, child_kept, child_name, n) in children {
                if child.has_subgroups() {
                    subgroup_row(ui, app, (child, child_kept), (&path, named), filter, out);
                } else {
                    let mut child_path = path.clone();
                    child_path.push(child.key.clone());
                    select_label(ui, app, &child_name, n, child_path, out);
                }
            }
        });
}

/// A selectable `name (count)` label.
fn select_label(
    ui: &mut egui::Ui,
    app: &BaokanApp,
    name: &str,
    count: usize,
    path: GroupPath,
    out: &mut Vec<Command>,
) {
    let selected = app.group.as_ref() == Some(&path);
    let text = format!("{name} ({count})");
    if ui.selectable_label(selected, text).clicked() {
        out.push(Command::SelectGroup(Some(path)));
    }
}
