//! The correction form, shown in the reader in place of the item: kind, kicker, headline,
//! subtitle, unit and district as fields, applied together; a button to merge the item with
//! the next one on its page; and, between paragraphs, a button to split the item there.
//! What is being typed lives in egui's memory until it is applied, so the panel stays a
//! function of the app. Enter in a field applies, Esc cancels. Under the unit and district
//! fields the names to choose from (the archive's units and districts, and the county-level
//! divisions) narrow as one types, by any part of the name or its pinyin initials; any other
//! text may still be typed.

use std::sync::{Arc, OnceLock};

use crate::app::{BaokanApp, Command, Language};
use crate::browse::collate::collate;
use crate::browse::initials::GroupFilter;
use crate::classify::Tables;
use crate::model::{Correction, Field};
use crate::model::{Item, Kind, Page};
use crate::ui::wording::tr;

/// The form's values.
#[derive(Debug, Clone, Default, PartialEq)]
struct Values {
    photo: bool,
    kicker: String,
    title: String,
    subtitle: String,
    unit: String,
    district: String,
}

impl Values {
    fn of(item: &Item) -> Values {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        Values {
            photo: item.kind == Kind::Photo,
            kicker: s(&item.kicker),
            title: s(&item.title),
            subtitle: s(&item.subtitle),
            unit: s(&item.unit),
            district: s(&item.district),
        }
    }

    /// The text fields with the correction fields they set.
    fn fields(&mut self) -> [(Field, &mut String); 5] {
        [
            (Field::Kicker, &mut self.kicker),
            (Field::Title, &mut self.title),
            (Field::Subtitle, &mut self.subtitle),
            (Field::Unit, &mut self.unit),
            (Field::District, &mut self.district),
        ]
    }

    /// The corrections that turn `was` into these values, for the item starting on `line`.
    fn corrections(&self, was: &Values, line: usize) -> Vec<Correction> {
        let mut out = Vec::new();
        if self.photo != was.photo {
            let kind = if self.photo { "photo" } else { "article" };
            out.push(Correction::Set { line, field: Field::Kind, value: Some(kind.to_owned()) });
        }
        let (mut now, mut before) = (self.clone(), was.clone());
        for ((field, value), (_, old)) in now.fields().into_iter().zip(before.fields()) {
            if value.trim() != old.trim() {
                let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
                out.push(Correction::Set { line, field, value });
            }
        }
        out
    }
}

/// A text field's label.
fn label(lang: Language, field: Field) -> &'static str {
    match field {
        Field::Kicker => tr(lang, "引题", "Kicker"),
        Field::Title => tr(lang, "标题", "Headline"),
        Field::Subtitle => tr(lang, "副题", "Subtitle"),
        Field::Unit => tr(lang, "单位", "Unit"),
        Field::District => tr(lang, "区县", "District"),
        Field::Kind => tr(lang, "类型", "Kind"),
    }
}

/// What the form holds: the values it started from, the values as edited, and the field
/// whose choices are shown (the unit or district field last typed in).
#[derive(Debug, Clone, Default)]
struct Form {
    was: Values,
    now: Values,
    choosing: Option<Field>,
}

/// Most names offered under a field.
const CHOICES: usize = 8;

/// Draws the form for item `index` of `page`, at document position `position`.
pub fn edit_form(
    ui: &mut egui::Ui,
    app: &BaokanApp,
    position: usize,
    page: &Page,
    index: usize,
) -> Vec<Command> {
    let lang = app.state.language;
    let Some(item) = page.items.get(index) else {
        return Vec::new();
    };
    let id = ui.make_persistent_id(("correction-form", position));
    let current = Values::of(item);
    // A form left open on an item that has changed since starts again from the item.
    let mut form = ui.data(|d| d.get_temp::<Form>(id)).filter(|f| f.was == current).unwrap_or(Form {
        was: current.clone(),
        now: current,
        choosing: None,
    });
    let mut out = Vec::new();
    let (mut enter, mut escape) = (false, false);
    ui.heading(tr(lang, "更正本篇", "Correct this item"));
    ui.horizontal(|ui| {
        ui.radio_value(&mut form.now.photo, false, tr(lang, "文章", "Article"));
        ui.radio_value(&mut form.now.photo, true, tr(lang, "图片说明", "Photo caption"));
    });
    let mut choosing = form.choosing;
    egui::Grid::new("correction-fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        for (field, value) in form.now.fields() {
            let label = label(lang, field);
            ui.label(label);
            let edit = egui::TextEdit::singleline(value).desired_width(ui.available_width().min(480.0));
            let name = format!("{}{label}", tr(lang, "更正：", "Correct: "));
            let response = ui.add(edit).accessible_name(name);
            if response.lost_focus() {
                enter |= ui.input(|i| i.key_pressed(egui::Key::Enter));
                escape |= ui.input(|i| i.key_pressed(egui::Key::Escape));
            }
            let offers = matches!(field, Field::Unit | Field::District);
            if response.has_focus() {
                choosing = offers.then_some(field);
            }
            ui.end_row();
            if offers && choosing == Some(field) {
                ui.label("");
                if let Some(name) = choices(ui, lang, app, field, value) {
                    *value = name;
                }
                ui.end_row();
            }
        }
    });
    form.choosing = choosing;
    let line = item.lines[0];
    ui.horizontal(|ui| {
        let changes = form.now.corrections(&form.was, line);
        let apply = ui.add_enabled(!changes.is_empty(), egui::Button::new(tr(lang, "应用更正", "Apply")));
        if apply.on_hover_text("Enter").clicked() || (enter && !changes.is_empty()) {
            out.push(Command::Correct(position, changes));
        }
        if ui.button(tr(lang, "取消", "Cancel")).on_hover_text("Esc").clicked() || escape {
            out.push(Command::ToggleEditing);
        }
        let has_next = index + 1 < page.items.len();
        let merge = egui::Button::new(tr(lang, "与下一篇合并", "Merge with the next item"));
        if ui.add_enabled(has_next, merge).clicked() {
            out.push(Command::Correct(position, vec![Correction::Merge { line }]));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, form));
    ui.weak(tr(
        lang,
        "提示：在“整版原文”中右键一行，可把它设为版头，或从那里拆分。Ctrl+Z 撤销。",
        "Tip: right-click a line in the whole-page view to mark it as page header or split there. Ctrl+Z undoes.",
    ));
    ui.separator();
    out.extend(split_buttons(ui, lang, position, item));
    out
}

/// The names offered under the unit or district field, narrowed by what it holds (unless it
/// holds the name chosen); the one clicked.
fn choices(ui: &mut egui::Ui, lang: Language, app: &BaokanApp, field: Field, typed: &str) -> Option<String> {
    let names = offered(ui.ctx(), app, field);
    let filter = GroupFilter::new(typed);
    let exact = names.iter().any(|n| n == typed);
    let shown: Vec<&String> =
        names.iter().filter(|n| exact || filter.matches(n)).filter(|n| *n != typed).take(CHOICES).collect();
    let mut out = None;
    ui.horizontal_wrapped(|ui| {
        if shown.is_empty() {
            ui.weak(tr(lang, "（没有匹配的名称，可直接输入）", "(no name matches; type any)"));
        }
        for name in shown {
            if ui.small_button(name.as_str()).clicked() {
                out = Some(name.clone());
            }
        }
    });
    out
}

/// The names offered for a field: the archive's own, then for a district every county-level
/// division. Gathered once per state of the archive (kept in egui's memory), not every frame.
fn offered(ctx: &egui::Context, app: &BaokanApp, field: Field) -> Arc<Vec<String>> {
    // The document's address tells archives apart; the edit count, its states.
    let doc = app.loaded.as_ref().map(|l| Arc::as_ptr(&l.doc) as usize);
    let key = egui::Id::unique(("correction-choices", field == Field::Unit, doc, app.edits.current));
    if let Some(names) = ctx.data(|d| d.get_temp::<Arc<Vec<String>>>(key)) {
        return names;
    }
    let mut names = match (field, &app.loaded) {
        (Field::Unit, Some(l)) => l.units(),
        (_, Some(l)) => l.districts(),
        (_, None) => Vec::new(),
    };
    if field == Field::District {
        let ours: std::collections::HashSet<String> = names.iter().cloned().collect();
        names.extend(counties().iter().filter(|c| !ours.contains(*c)).cloned());
    }
    let names = Arc::new(names);
    ctx.data_mut(|d| d.insert_temp(key, Arc::clone(&names)));
    names
}

/// The county-level divisions (districts, counties, county-level cities, zones), in pinyin
/// order, made once.
fn counties() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let divisions = Tables::builtin().gazetteer().divisions();
        let mut names: Vec<String> =
            divisions.iter().filter(|d| d.level == 3).map(|d| d.name.clone()).collect();
        names.sort_by(|a, b| collate(a, b));
        names.dedup();
        names
    })
}

/// The paragraphs, each but the first with a button that starts a new item there.
fn split_buttons(ui: &mut egui::Ui, lang: Language, position: usize, item: &Item) -> Option<Command> {
    let mut out = None;
    ui.label(tr(lang, "正文（可在段落处拆分为两篇）", "Body (split into two items at a paragraph)"));
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for (k, p) in item.paragraphs.iter().enumerate() {
            let line = item.paragraph_lines.get(k).copied();
            if let Some(line) = line.filter(|_| k > 0) {
                let text = tr(lang, "从这一段起拆分为新的一篇", "Start a new item at this paragraph");
                let hover = match lang {
                    Language::Chinese => format!("第 {line} 行"),
                    Language::English => format!("line {line}"),
                };
                if ui.small_button(text).on_hover_text(hover).clicked() {
                    out = Some(Command::Correct(position, vec![Correction::Split { line }]));
                }
            }
            ui.label(p);
        }
    });
    out
}
